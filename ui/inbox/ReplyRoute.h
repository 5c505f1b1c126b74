#pragma once

#include "media/MediaLimits.h"
#include "outbox/Outbox.h"

#include <QDateTime>
#include <QObject>
#include <QString>

#include <functional>

namespace sb {

// How the inbox's reply box sends on one channel, given by the channel's own UI
// (ChannelUi::makeReplyRoute), so the inbox needs no channel's folder: the channel's checks (an
// SMS's length, WhatsApp's 24-hour window), a line about its state with the contact, and the
// send itself through the channel's usual path (the durable outbox, WhatsAppSender...).
// What a check needs about the contact is handed in as data: the time of their last inbound
// message on this channel (invalid: none known).
class ReplyRoute : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;

    virtual QString channel() const = 0; // the Channel::id() ("sms")
    virtual QString title() const = 0;   // for the picker ("SMS")

    // Whether the last inbound time is known for sure matters (WhatsApp: never opened vs not
    // looked up): `known` false means it may lie before what the inbox has loaded.
    struct Contact {
        QString number; // E.164
        QDateTime lastInbound;
        bool known = true;
    };
    // Why `body` cannot be sent as free text now, in plain words; empty: it can.
    virtual QString problem(const Contact &contact, const QString &body) const = 0;
    // Whether free text can be typed at all (false: WhatsApp outside its window).
    virtual bool freeTextAllowed(const Contact &contact) const {
        (void)contact;
        return true;
    }
    // The channel's state with the contact in a few words ("WhatsApp window: 23 h left"), or
    // empty when there is nothing to say.
    virtual QString state(const Contact &contact) const {
        (void)contact;
        return {};
    }
    // A live count under the box while typing ("2 segments · GSM-7"), or empty.
    virtual QString counter(const QString &body) const {
        (void)body;
        return {};
    }
    // What the channel takes as attachments (the reply box's tray checks against this).
    virtual MediaLimits mediaLimits() const = 0;

    struct Result {
        QString to;      // the address it went to ("+1...", "whatsapp:+1...")
        QString refusal; // nothing was sent, and why (checked before Twilio); empty: handed on
        SendOutcome outcome;
    };
    using Done = std::function<void(const Result &)>;
    // What goes with the text: attachments (public URLs, as MediaShares made them) and a time
    // to send it at (invalid: now).
    struct Extras {
        QStringList mediaUrls;
        QDateTime sendAt;
    };
    // Sends; `done` runs once on this object's thread.
    virtual void send(const QString &number, const QString &body, const Extras &extras,
                      Done done) = 0;
};

} // namespace sb
