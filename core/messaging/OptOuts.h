#pragma once

#include "common/Receiver.h"
#include "db/Migrations.h"
#include "db/Store.h"
#include "messaging/Records.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace sb {

class StoreWorker;

// Whether a contact may be written to from one sender, as they last said.
struct OptOutState {
    QString sender;  // our side: +E164, whatsapp:+E164, or a Messaging Service (MG…)
    QString contact; // theirs, as their messages' From
    bool optedOut = false;
    QString keyword;     // what decided it: STOP, START, …, or 21610
    QDateTime changedAt; // when opted_out last changed (or was first recorded)
    QString source;      // "keyword", "optouttype" or "twilio-21610"
    QDateTime helpAt;    // their last HELP, if any
};

// The opt-out state per (sender, contact) in its own table, `opt_outs` (schema module
// "optout"). Written in the same store job as the inbound message that changes it, so it is
// committed before the webhook is answered; read by the outbox before every send (OptOutCheck)
// and by the console. Everything static: the jobs run on the store thread, the reads are
// asynchronous through the store.
class OptOuts {
public:
    static QString module() { return QStringLiteral("optout"); }
    static Schema schema();

    static constexpr int TwilioCode = 21610; // Twilio's "the recipient replied STOP"

    // In a store job: what an inbound message says (OptOutType, or a keyword as its whole body),
    // recorded for (To — or MessagingServiceSid when the webhook has one —, From) at `at`. No
    // SQL at all for a message that is no keyword.
    static bool recordInbound(StoreWorker &w, const InboundMessage &message, const QDateTime &at,
                              QString *error);
    // In a store job: Twilio refused a send with 21610.
    static bool recordRefusal(StoreWorker &w, const QString &sender, const QString &contact,
                              const QDateTime &at, QString *error);
    // In a store job: the state of `contact` for the first of `senders` that has one.
    static std::optional<std::optional<OptOutState>>
    find(StoreWorker &w, const QStringList &senders, const QString &contact, QString *error);
    static std::optional<QList<OptOutState>> forContact(StoreWorker &w, const QString &contact,
                                                        QString *error);

    // The read API (any thread; `done` on the receiver's thread).
    using Found = std::function<void(const StoreResult<std::optional<OptOutState>> &)>;
    static void stateOf(Store *store, const QString &sender, const QString &contact,
                        Receiver receiver, Found done);
    // Opted out: the state, when the contact's last word to `sender` was STOP (or Twilio's
    // 21610); nullopt when they may be written to.
    static void isOptedOut(Store *store, const QString &sender, const QString &contact,
                           Receiver receiver, Found done);
    // Every sender's state for the contact, the most recent change first.
    static void optOutsFor(Store *store, const QString &contact, Receiver receiver,
                           std::function<void(const StoreResult<QList<OptOutState>> &)> done);

    // "+15551234567 replied STOP to +15005550006 on 2026-11-20; …": why a send is refused.
    static QString refusal(const OptOutState &state);
};

} // namespace sb
