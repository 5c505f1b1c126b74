#include "TwilioError.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

namespace sb {

bool TwilioError::isAmbiguous() const {
    return kind == Kind::Network || (kind == Kind::Http && httpStatus >= 500) ||
           kind == Kind::Protocol;
}

QString TwilioError::explain(int code, int httpStatus) {
    switch (code) {
    case 20003:
        return TwilioError::tr(
            "Twilio rejected the credentials: check TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN.");
    case 20404:
        return TwilioError::tr("Twilio has no such resource on this account.");
    case 20429:
        return TwilioError::tr(
            "Twilio is rate-limiting this account; the request was not processed and will "
            "be retried.");
    case 21211:
        return TwilioError::tr("The 'To' number is not a valid phone number.");
    case 21212:
        return TwilioError::tr(
            "The 'From' number is not a valid phone number, short code or sender ID.");
    case 21408:
        return TwilioError::tr(
            "This account may not send SMS to that country; enable it in Twilio's "
            "Geo Permissions.");
    case 21602:
        return TwilioError::tr("The message needs a body or media.");
    case 21604:
        return TwilioError::tr("The message needs a 'To' number.");
    case 21606:
        return TwilioError::tr("The 'From' number is not an SMS-capable number on this account.");
    case 21610:
        return TwilioError::tr(
            "The recipient replied STOP; Twilio blocks messages to them until they reply "
            "START.");
    case 21611:
        return TwilioError::tr("The 'From' number has too many messages queued; try again later.");
    case 21612:
        return TwilioError::tr("Twilio cannot route a message between these two numbers.");
    case 21614:
        return TwilioError::tr("The 'To' number is not a mobile number and cannot receive SMS.");
    case 21617:
        return TwilioError::tr("The message body is longer than 1600 characters.");
    case 30003:
        return TwilioError::tr(
            "The recipient's phone is unreachable (switched off or out of coverage).");
    case 30004:
        return TwilioError::tr("The message was blocked by the recipient or their carrier.");
    case 30005:
        return TwilioError::tr("The recipient's number is unknown or no longer exists.");
    case 30006:
        return TwilioError::tr("The recipient's number is a landline or cannot receive SMS.");
    case 30007:
        return TwilioError::tr("The carrier filtered the message as spam or for its content.");
    case 30008:
        return TwilioError::tr(
            "The message could not be delivered, for a reason the carrier did not give.");
    // Content templates (any channel).
    case 21655:
        return TwilioError::tr(
            "There is no such template (ContentSid) on this account: it was deleted, "
            "belongs to another account, or the SID is mistyped.");
    case 21656:
        return TwilioError::tr(
            "The template's variables were refused: each one needs a value, and none may "
            "be empty.");
    // WhatsApp (Twilio's 630xx codes stand for WhatsApp's own refusals).
    case 63001:
        return TwilioError::tr(
            "WhatsApp could not authenticate this WhatsApp sender; it may have to be "
            "connected to Twilio again.");
    case 63003:
        return TwilioError::tr(
            "The recipient's address is not an active WhatsApp account (check the number "
            "and the whatsapp: prefix).");
    case 63005:
        return TwilioError::tr(
            "WhatsApp did not accept this content: the recipient may not be a valid "
            "WhatsApp user, or a media file was refused.");
    case 63007:
        return TwilioError::tr(
            "The 'From' address is not a WhatsApp sender on this Twilio account (or it is "
            "still awaiting approval).");
    case 63013:
        return TwilioError::tr(
            "WhatsApp refused the message under its policies, e.g. a template variable "
            "left empty or only spaces.");
    case 63014:
        return TwilioError::tr(
            "The recipient blocked this business on WhatsApp; messages cannot reach them.");
    case 63016:
        return TwilioError::tr(
            "Outside the 24-hour customer-service window WhatsApp only accepts an "
            "approved template; the window reopens when the customer writes again.");
    case 63018:
        return TwilioError::tr(
            "WhatsApp's sending limit for this sender was reached; wait before sending "
            "more.");
    case 63020:
        return TwilioError::tr(
            "WhatsApp refused the message because of a problem with the business's Meta "
            "Business Manager account (e.g. its payment method or Twilio's access "
            "request); fix it in Meta Business Manager.");
    case 63021:
        return TwilioError::tr(
            "WhatsApp refused the content: a media type it does not support, or a "
            "template longer than 1024 characters once filled in.");
    case 63024:
        return TwilioError::tr(
            "The recipient cannot receive WhatsApp messages: not a WhatsApp user, terms "
            "not accepted, or an outdated app.");
    case 63030:
        return TwilioError::tr(
            "WhatsApp does not accept one of the message's parameters for this kind of "
            "message.");
    case 63032:
        return TwilioError::tr(
            "WhatsApp does not deliver marketing templates to this user (one of Meta's "
            "experiments) unless a conversation is already open.");
    case 63049:
        return TwilioError::tr(
            "Meta chose not to deliver this marketing template (never to U.S. numbers, "
            "and not to users who already got many); retry later or use SMS.");
    case 63051:
        return TwilioError::tr(
            "The WhatsApp Business Account is locked by Meta; nothing can be sent until "
            "Meta unlocks it.");
    default:
        break;
    }
    if (httpStatus == 401)
        return explain(20003);
    if (httpStatus == 403)
        return TwilioError::tr(
            "These credentials are not allowed to do this (insufficient permissions).");
    if (httpStatus == 429)
        return explain(20429);
    if (httpStatus >= 500)
        return TwilioError::tr(
            "Twilio had a server error; the request may not have been processed.");
    if (httpStatus == 404)
        return explain(20404);
    if (code != 0)
        return TwilioError::tr("Twilio error %1.").arg(code);
    return {};
}

QString TwilioError::docsLink(int code) {
    return code > 0 ? QStringLiteral("https://www.twilio.com/docs/errors/%1").arg(code) : QString();
}

QString TwilioError::explanation() const {
    if (kind == Kind::Network)
        return TwilioError::tr("Could not reach Twilio (%1).").arg(message);
    if (kind == Kind::Protocol)
        return TwilioError::tr("Twilio's answer could not be read.");
    if (kind == Kind::Local)
        return TwilioError::tr("Switchboard could not record the message (%1); nothing was sent.")
            .arg(message);
    if (isRefusedLocally() && !message.isEmpty())
        return message;
    const QString plain = explain(code, httpStatus);
    return plain.isEmpty() ? message : plain;
}

TwilioError TwilioError::refusedLocally(int code, const QString &why) {
    TwilioError error;
    error.kind = Kind::Http;
    error.code = code;
    error.message = why;
    error.moreInfo = docsLink(code);
    error.refusedHere = true;
    return error;
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
        error.message = TwilioError::tr("HTTP %1").arg(httpStatus);
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
