#include "TwilioResources.h"

#include <QJsonArray>
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
    if (json.contains(QLatin1String("num_media")))
        m.numMedia = integer(json, "num_media");
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
    n.voiceUrl = str(json, "voice_url");
    n.statusCallback = str(json, "status_callback");
    return n;
}

QString TwilioIncomingNumber::setting(const QString &field) const {
    if (field == QLatin1String("SmsUrl"))
        return smsUrl;
    if (field == QLatin1String("VoiceUrl"))
        return voiceUrl;
    if (field == QLatin1String("StatusCallback"))
        return statusCallback;
    return {};
}

TwilioServiceNumber TwilioServiceNumber::fromJson(const QJsonObject &json) {
    TwilioServiceNumber n;
    n.sid = str(json, "sid");
    n.phoneNumber = str(json, "phone_number");
    for (const QJsonValue v : json.value(QLatin1String("capabilities")).toArray())
        n.capabilities.append(v.toString());
    return n;
}

bool TwilioServiceNumber::has(const QString &capability) const {
    return capabilities.contains(capability, Qt::CaseInsensitive);
}

TwilioMessagingService TwilioMessagingService::fromJson(const QJsonObject &json) {
    TwilioMessagingService s;
    s.sid = str(json, "sid");
    s.friendlyName = str(json, "friendly_name");
    s.inboundRequestUrl = str(json, "inbound_request_url");
    s.inboundMethod = str(json, "inbound_method");
    s.fallbackUrl = str(json, "fallback_url");
    s.statusCallback = str(json, "status_callback");
    s.useInboundWebhookOnNumber =
        json.value(QLatin1String("use_inbound_webhook_on_number")).toBool();
    s.usecase = str(json, "usecase");
    return s;
}

TwilioCall TwilioCall::fromJson(const QJsonObject &json) {
    TwilioCall c;
    c.sid = str(json, "sid");
    c.accountSid = str(json, "account_sid");
    c.parentCallSid = str(json, "parent_call_sid");
    c.from = str(json, "from");
    c.to = str(json, "to");
    c.status = str(json, "status");
    c.direction = str(json, "direction");
    c.answeredBy = str(json, "answered_by");
    c.durationSeconds = integer(json, "duration");
    c.price = str(json, "price");
    c.priceUnit = str(json, "price_unit");
    c.startTime = parseTwilioDate(str(json, "start_time"));
    c.endTime = parseTwilioDate(str(json, "end_time"));
    c.dateCreated = parseTwilioDate(str(json, "date_created"));
    c.dateUpdated = parseTwilioDate(str(json, "date_updated"));
    return c;
}

TwilioRecording TwilioRecording::fromJson(const QJsonObject &json) {
    TwilioRecording r;
    r.sid = str(json, "sid");
    r.accountSid = str(json, "account_sid");
    r.callSid = str(json, "call_sid");
    r.conferenceSid = str(json, "conference_sid");
    r.status = str(json, "status");
    r.source = str(json, "source");
    r.channels = integer(json, "channels");
    // Twilio writes the duration as a string, and -1 (or null) while recording.
    const QJsonValue duration = json.value(QLatin1String("duration"));
    r.durationSeconds =
        duration.isNull() || duration.isUndefined() ? -1 : integer(json, "duration");
    r.price = str(json, "price");
    r.priceUnit = str(json, "price_unit");
    r.errorCode = integer(json, "error_code");
    r.dateCreated = parseTwilioDate(str(json, "date_created"));
    r.startTime = parseTwilioDate(str(json, "start_time"));
    r.uri = str(json, "uri");
    r.mediaUrl = str(json, "media_url");
    return r;
}

} // namespace sb
