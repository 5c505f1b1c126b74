#include "OptOut.h"

#include <QCoreApplication>
#include <QStringList>

namespace sb {

namespace {
// Twilio's default opt-out and opt-in keywords for long codes (case-insensitive, whole body).
const QStringList kOptOut{QStringLiteral("STOP"),        QStringLiteral("STOPALL"),
                          QStringLiteral("UNSUBSCRIBE"), QStringLiteral("CANCEL"),
                          QStringLiteral("END"),         QStringLiteral("QUIT")};
const QStringList kOptIn{QStringLiteral("START"), QStringLiteral("YES"), QStringLiteral("UNSTOP")};
constexpr int kRecipientUnsubscribed = 21610;
} // namespace

bool OptOut::isOptOutKeyword(const QString &body) {
    return kOptOut.contains(body.trimmed().toUpper());
}

bool OptOut::isOptInKeyword(const QString &body) {
    return kOptIn.contains(body.trimmed().toUpper());
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

} // namespace sb
