#pragma once

#include "IvrMenu.h"
#include "providers/twilio/TwimlBuilder.h"
#include "providers/twilio/TwimlElement.h"

#include <QCoreApplication>
#include <QDateTime>

#include <optional>

namespace sb {

struct SayAttributes;

// What the IVR answers one request with: the TwiML verbs, and an SMS to send the caller when
// the key pressed asks for one.
struct IvrAnswer {
    QList<TwimlElement> verbs;
    std::optional<QString> sms; // the text to send the caller
    QString smsKey;             // the node and key that asked for it (one SMS per call and key)

    TwimlDocument document() const;
};

// Where a request stands in the menu, as gather-response's URL and form carry it.
struct IvrStep {
    QString node;       // IvrConfig::menuAt's path of the menu the caller is in
    QString digits;     // what the caller pressed; empty: nothing (the Gather timed out)
    int silence = 0;    // how many times in a row the caller said nothing, this one included
    QString step;       // "recorded" after a voicemail, "dialled" after a forward, else empty
    QString dialStatus; // DialCallStatus after a forward
};

// The IVR as TwiML: the menu (greeting inside a one-digit DTMF Gather whose action is
// /twilio/gather-response with the version and node, then a Redirect there for silence), and
// what each action answers. Every text goes through TwimlBuilder, which escapes it: a greeting
// that looks like TwiML is spoken, never run.
class IvrTwiml {
    Q_DECLARE_TR_FUNCTIONS(IvrTwiml)
public:
    // `callerId`: the number a forward shows (the console's side of the call).
    IvrTwiml(IvrConfig config, qint64 version, QString publicBase, QString callerId);

    // POST /twilio/voice-response: the menu, or the out-of-hours action at `now` (UTC).
    IvrAnswer start(const QDateTime &now) const;
    // POST /twilio/gather-response.
    IvrAnswer next(const IvrStep &step) const;

    // The gather-response URL for `node`, with `extra` query items ("silence=1").
    QString gatherUrl(const QString &node, const QString &extra = {}) const;

private:
    QList<TwimlElement> menu(const QString &node, int silence,
                             QList<TwimlElement> before = {}) const;
    IvrAnswer action(const IvrAction &action, const QString &node, const QString &child,
                     bool canReturn) const;
    TwimlElement say(const QString &text, const QString &node) const;
    SayAttributes voiceAt(const QString &node) const;

    IvrConfig m_config;
    qint64 m_version;
    QString m_publicBase;
    QString m_callerId;
};

} // namespace sb
