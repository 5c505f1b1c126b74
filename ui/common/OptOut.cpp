#include "OptOut.h"

#include "TimeFormat.h"
#include "messaging/OptOutKeywords.h"

#include <QCoreApplication>

namespace sb {

namespace {
constexpr int kRecipientUnsubscribed = OptOuts::TwilioCode;
} // namespace

bool OptOut::isOptOutKeyword(const QString &body) {
    return OptOutKeywords::read(body).kind == OptOutKeywords::Kind::OptOut;
}

bool OptOut::isOptInKeyword(const QString &body) {
    return OptOutKeywords::read(body).kind == OptOutKeywords::Kind::OptIn;
}

bool OptOut::optedOut(const QList<MessageRecord> &newestFirst) {
    for (const MessageRecord &m : newestFirst) {
        if (m.direction == QLatin1String("inbound")) {
            if (isOptOutKeyword(m.body))
                return true;
            if (isOptInKeyword(m.body))
                return false;
        } else if (m.errorCode == kRecipientUnsubscribed) {
            return true;
        } else if (m.status == QLatin1String("delivered") || m.status == QLatin1String("read")) {
            return false; // a later message got through, so they are not blocked
        }
    }
    return false;
}

QString OptOut::warning(const QString &contact) {
    return QCoreApplication::translate(
               "OptOut", "%1 replied STOP: Twilio will refuse messages to them until they reply "
                         "START. Ask them another way to text START if they want messages again.")
        .arg(contact);
}

QString OptOut::warning(const OptOutState &state) {
    const QString date = state.changedAt.toUTC().date().toString(Qt::ISODate);
    if (state.source == QLatin1String("twilio-21610"))
        return QCoreApplication::translate(
                   "OptOut", "Opted out: Twilio refused a message from %1 to %2 on %3 (21610). "
                             "Nothing more is sent to them until they reply START.")
            .arg(state.sender, state.contact, date);
    return QCoreApplication::translate(
               "OptOut", "Opted out: %1 replied %2 to %3 on %4. Nothing is sent to them until they "
                         "reply START; ask them another way to text START if they want messages "
                         "again.")
        .arg(state.contact, state.keyword, state.sender, date);
}

void OptOut::lookup(Store *store, const QString &contact,
                    const QList<MessageRecord> &fallbackNewestFirst, QObject *context,
                    std::function<void(const QString &warning)> done) {
    OptOuts::optOutsFor(
        store, contact, context,
        [contact, fallbackNewestFirst, done](const StoreResult<QList<OptOutState>> &states) {
            if (!states.ok())
                return done(optedOut(fallbackNewestFirst) ? warning(contact) : QString());
            for (const OptOutState &state : states.value) {
                if (state.optedOut)
                    return done(warning(state));
            }
            done({});
        });
}

} // namespace sb
