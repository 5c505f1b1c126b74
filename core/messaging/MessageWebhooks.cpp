#include "MessageWebhooks.h"

#include "common/Logging.h"
#include "messaging/MessageStatus.h"

#include <QCoreApplication>

namespace sb {

namespace {

const FormFields *formOf(const HttpRequest &request, QString *error) {
    const FormFields *form = request.form();
    if (!form)
        *error = MessageWebhooks::tr("The body is not application/x-www-form-urlencoded.");
    return form;
}

} // namespace

QByteArray MessageWebhooks::emptyTwiml() {
    return QByteArrayLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>");
}

std::optional<StatusCallback> MessageWebhooks::statusCallback(const HttpRequest &request,
                                                              QString *error) {
    const FormFields *form = formOf(request, error);
    if (!form)
        return std::nullopt;
    StatusCallback cb;
    cb.messageSid = FormEncoding::value(*form, QStringLiteral("MessageSid"));
    cb.status = FormEncoding::value(*form, QStringLiteral("MessageStatus"));
    if (cb.status.isEmpty())
        cb.status = FormEncoding::value(*form, QStringLiteral("SmsStatus"));
    if (cb.messageSid.isEmpty() || cb.status.isEmpty()) {
        *error = MessageWebhooks::tr("MessageSid and MessageStatus are required.");
        return std::nullopt;
    }
    if (!MessageStatus::isKnown(cb.status)) {
        *error = MessageWebhooks::tr("Unknown MessageStatus '%1'.").arg(cb.status);
        return std::nullopt;
    }
    cb.errorCode = FormEncoding::value(*form, QStringLiteral("ErrorCode")).toInt();
    cb.errorMessage = FormEncoding::value(*form, QStringLiteral("ErrorMessage"));
    cb.from = FormEncoding::value(*form, QStringLiteral("From"));
    cb.to = FormEncoding::value(*form, QStringLiteral("To"));
    cb.idempotencyToken = QString::fromLatin1(request.header("I-Twilio-Idempotency-Token"));
    cb.payload = request.body; // exactly what Twilio sent, form-encoded
    return cb;
}

std::optional<InboundMessage> MessageWebhooks::inboundMessage(const HttpRequest &request,
                                                              QString *error) {
    const FormFields *form = formOf(request, error);
    if (!form)
        return std::nullopt;
    InboundMessage message;
    message.sid = FormEncoding::value(*form, QStringLiteral("MessageSid"));
    if (message.sid.isEmpty())
        message.sid = FormEncoding::value(*form, QStringLiteral("SmsSid"));
    message.from = FormEncoding::value(*form, QStringLiteral("From"));
    message.to = FormEncoding::value(*form, QStringLiteral("To"));
    message.body = FormEncoding::value(*form, QStringLiteral("Body"));
    message.optOutType = FormEncoding::value(*form, QStringLiteral("OptOutType"));
    message.messagingServiceSid = FormEncoding::value(*form, QStringLiteral("MessagingServiceSid"));
    // Informational: a malformed count is stored as 0 (not said), never a reason to refuse.
    message.segments = qMax(0, FormEncoding::value(*form, QStringLiteral("NumSegments")).toInt());
    if (message.sid.isEmpty() || message.from.isEmpty()) {
        *error = MessageWebhooks::tr("MessageSid and From are required.");
        return std::nullopt;
    }
    // MMS and WhatsApp media: NumMedia files, MediaUrl{N} and MediaContentType{N} from 0.
    const QString numMedia = FormEncoding::value(*form, QStringLiteral("NumMedia"));
    bool numeric = true;
    const int count = numMedia.isEmpty() ? 0 : numMedia.toInt(&numeric);
    if (!numeric || count < 0 || count > MaxMedia) {
        *error = MessageWebhooks::tr("NumMedia '%1' is not a number from 0 to %2.")
                     .arg(numMedia)
                     .arg(MaxMedia);
        return std::nullopt;
    }
    for (int n = 0; n < count; ++n) {
        InboundMedia media;
        media.url = FormEncoding::value(*form, QStringLiteral("MediaUrl%1").arg(n));
        media.contentType = FormEncoding::value(*form, QStringLiteral("MediaContentType%1").arg(n));
        if (media.url.isEmpty()) {
            *error =
                MessageWebhooks::tr("NumMedia is %1 but MediaUrl%2 is missing.").arg(count).arg(n);
            return std::nullopt;
        }
        message.media.append(media);
    }
    message.payload = request.body;
    return message;
}

Store::Done MessageWebhooks::answerWhenStored(const HttpServer::Reply &reply) {
    return [reply](const StoreResult<bool> &stored) {
        if (stored.ok())
            return reply(HttpResponse::xml(200, emptyTwiml()));
        qCWarning(lcWebhook).noquote() << "webhook not stored:" << stored.error;
        reply(HttpResponse::error(
            500, MessageWebhooks::tr("The event could not be stored; Twilio will retry it.")));
    };
}

} // namespace sb
