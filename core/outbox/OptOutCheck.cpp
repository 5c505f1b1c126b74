#include "OptOutCheck.h"

#include "common/Logging.h"
#include "db/Store.h"
#include "messaging/OptOuts.h"

namespace sb {

OptOutCheck::OptOutCheck(Store *store, Clock clock, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_clock(std::move(clock)) {
    if (!m_clock)
        m_clock = [] {
            return QDateTime::currentDateTimeUtc();
        };
}

void OptOutCheck::check(const OutboxEntry &entry, Checked done) {
    // A message sent through a Messaging Service answers to the service's opt-outs, and to its
    // number's.
    const QStringList senders{entry.messagingServiceSid, entry.message.from};
    m_store->run<std::optional<OptOutState>>(
        this,
        [senders, contact = entry.message.to](StoreWorker &w, QString *error) {
            return OptOuts::find(w, senders, contact, error);
        },
        [done](const StoreResult<std::optional<OptOutState>> &found) {
            if (!found.ok())
                return done(TwilioError::local(found.error));
            if (found.value && found.value->optedOut) {
                qCInfo(lcOutbox) << "refused before sending: the contact opted out (21610)";
                return done(TwilioError::refusedLocally(OptOuts::TwilioCode,
                                                        OptOuts::refusal(*found.value)));
            }
            done({});
        });
}

void OptOutCheck::refused(const OutboxEntry &entry, const TwilioError &error) {
    if (error.code != OptOuts::TwilioCode || error.isRefusedLocally())
        return;
    const QString sender =
        entry.messagingServiceSid.isEmpty() ? entry.message.from : entry.messagingServiceSid;
    m_store->run<bool>(
        this,
        [sender, contact = entry.message.to,
         at = m_clock()](StoreWorker &w, QString *error) -> std::optional<bool> {
            if (!OptOuts::recordRefusal(w, sender, contact, at, error))
                return std::nullopt;
            return true;
        },
        [](const StoreResult<bool> &stored) {
            if (!stored.ok())
                qCWarning(lcOutbox).noquote()
                    << "Twilio's 21610 could not be recorded as an opt-out:" << stored.error;
        });
}

} // namespace sb
