#include "TwilioResources.h"

#include <QJsonValue>
#include <QLocale>

namespace sb {

namespace {

QString str(const QJsonObject &json, const char *key) {
    return json.value(QLatin1String(key)).toString();
}

int integer(const QJsonObject &json, const char *key) {
    const QJsonValue v = json.value(QLatin1String(key));
    return v.isString() ? v.toString().toInt() : v.toInt();
}

} // namespace

QDateTime parseTwilioDate(const QString &text) {
    if (text.isEmpty())
        return {};
    QDateTime t = QDateTime::fromString(text, Qt::RFC2822Date);
    if (!t.isValid())
        t = QDateTime::fromString(text, Qt::ISODate);
    return t.toUTC();
}

QString formatTwilioDate(const QDateTime &time) {
    return QLocale::c().toString(time.toUTC(), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss")) +
           QStringLiteral(" +0000");
}

TwilioMessage TwilioMessage::fromJson(const QJsonObject &json) {
    TwilioMessage m;
    m.sid = str(json, "sid");
    m.accountSid = str(json, "account_sid");
    m.from = str(json, "from");
    m.to = str(json, "to");
    m.body = str(json, "body");
    m.status = str(json, "status");
    m.direction = str(json, "direction");
    m.numSegments = integer(json, "num_segments");
    m.errorCode = integer(json, "error_code");
    m.errorMessage = str(json, "error_message");
    m.dateCreated = parseTwilioDate(str(json, "date_created"));
    m.dateSent = parseTwilioDate(str(json, "date_sent"));
    m.dateUpdated = parseTwilioDate(str(json, "date_updated"));
    return m;
}

TwilioAccount TwilioAccount::fromJson(const QJsonObject &json) {
    return {str(json, "sid"), str(json, "friendly_name"), str(json, "status"), str(json, "type")};
}

TwilioBalance TwilioBalance::fromJson(const QJsonObject &json) {
    return {str(json, "account_sid"), str(json, "balance"), str(json, "currency")};
}

TwilioIncomingNumber TwilioIncomingNumber::fromJson(const QJsonObject &json) {
    TwilioIncomingNumber n;
    n.sid = str(json, "sid");
    n.phoneNumber = str(json, "phone_number");
    n.friendlyName = str(json, "friendly_name");
    const QJsonObject caps = json.value(QLatin1String("capabilities")).toObject();
    n.sms = caps.value(QLatin1String("sms")).toBool();
    n.mms = caps.value(QLatin1String("mms")).toBool();
    n.voice = caps.value(QLatin1String("voice")).toBool();
    n.smsUrl = str(json, "sms_url");
    return n;
}

} // namespace sb
