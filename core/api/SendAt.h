#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>

namespace sb {

class FieldErrors;

// The optional `sendAt` of send-sms and send-whatsapp: ISO 8601 with its offset (or Z), at
// least MinLeadSeconds ahead and at most Twilio's 35 days. Problems go into `errors` under
// "sendAt"; an absent field is an invalid QDateTime (send now).
class SendAt {
    Q_DECLARE_TR_FUNCTIONS(SendAt)
public:
    static constexpr int MinLeadSeconds = 5;
    static constexpr int MaxDays = 35;
    static QDateTime read(const QJsonObject &json, const QDateTime &now, FieldErrors &errors);
    // The same rules for a time picked in the console; empty when it can be used.
    static QString problem(const QDateTime &sendAt, const QDateTime &now);
};

} // namespace sb
