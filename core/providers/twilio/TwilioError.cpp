#include "TwilioError.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

namespace sb {

namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("TwilioError", text);
}

} // namespace

bool TwilioError::isAmbiguous() const {
    return kind == Kind::Network || (kind == Kind::Http && httpStatus >= 500) ||
           kind == Kind::Protocol;
}

QString TwilioError::explain(int code, int httpStatus) {
    switch (code) {
    case 20003:
        return tr(
            "Twilio rejected the credentials: check TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN.");
    case 20404:
        return tr("Twilio has no such resource on this account.");
    case 20429:
        return tr("Twilio is rate-limiting this account; the request was not processed and will "
                  "be retried.");
    case 21211:
        return tr("The 'To' number is not a valid phone number.");
    case 21212:
        return tr("The 'From' number is not a valid phone number, short code or sender ID.");
    case 21408:
        return tr("This account may not send SMS to that country; enable it in Twilio's "
                  "Geo Permissions.");
    case 21602:
        return tr("The message needs a body or media.");
    case 21604:
        return tr("The message needs a 'To' number.");
    case 21606:
        return tr("The 'From' number is not an SMS-capable number on this account.");
    case 21610:
        return tr("The recipient replied STOP; Twilio blocks messages to them until they reply "
                  "START.");
    case 21611:
        return tr("The 'From' number has too many messages queued; try again later.");
    case 21612:
        return tr("Twilio cannot route a message between these two numbers.");
    case 21614:
        return tr("The 'To' number is not a mobile number and cannot receive SMS.");
    case 21617:
        return tr("The message body is longer than 1600 characters.");
    case 30003:
        return tr("The recipient's phone is unreachable (switched off or out of coverage).");
    case 30004:
        return tr("The message was blocked by the recipient or their carrier.");
    case 30005:
        return tr("The recipient's number is unknown or no longer exists.");
    case 30006:
        return tr("The recipient's number is a landline or cannot receive SMS.");
    case 30007:
        return tr("The carrier filtered the message as spam or for its content.");
    case 30008:
        return tr("The message could not be delivered, for a reason the carrier did not give.");
    default:
        break;
    }
    if (httpStatus == 401)
        return explain(20003);
    if (httpStatus == 403)
        return tr("These credentials are not allowed to do this (insufficient permissions).");
    if (httpStatus == 429)
        return explain(20429);
    if (httpStatus >= 500)
        return tr("Twilio had a server error; the request may not have been processed.");
    if (httpStatus == 404)
        return explain(20404);
    if (code != 0)
        return tr("Twilio error %1.").arg(code);
    return {};
}

QString TwilioError::docsLink(int code) {
    return code > 0 ? QStringLiteral("https://www.twilio.com/docs/errors/%1").arg(code) : QString();
}

QString TwilioError::explanation() const {
    if (kind == Kind::Network)
        return tr("Could not reach Twilio (%1).").arg(message);
    if (kind == Kind::Protocol)
        return tr("Twilio's answer could not be read.");
    if (kind == Kind::Local)
        return tr("Switchboard could not record the message (%1); nothing was sent.").arg(message);
    const QString plain = explain(code, httpStatus);
    return plain.isEmpty() ? message : plain;
}

TwilioError TwilioError::fromHttp(int httpStatus, const QByteArray &body) {
    TwilioError error;
    error.kind = Kind::Http;
    error.httpStatus = httpStatus;
    const QJsonObject json = QJsonDocument::fromJson(body).object();
    error.code = json.value(QLatin1String("code")).toInt();
    error.message = json.value(QLatin1String("message")).toString();
    error.moreInfo = json.value(QLatin1String("more_info")).toString();
    if (error.moreInfo.isEmpty())
        error.moreInfo = docsLink(error.code);
    if (error.message.isEmpty())
        error.message = tr("HTTP %1").arg(httpStatus);
    return error;
}

TwilioError TwilioError::network(const QString &what) {
    TwilioError error;
    error.kind = Kind::Network;
    error.message = what;
    return error;
}

} // namespace sb

namespace sb {

TwilioError TwilioError::local(const QString &what) {
    TwilioError error;
    error.kind = Kind::Local;
    error.message = what;
    return error;
}

} // namespace sb
