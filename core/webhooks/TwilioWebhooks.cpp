#include "TwilioWebhooks.h"

#include "common/Logging.h"
#include "http/HttpServer.h"
#include "store/Store.h"
#include "twilio/MessageStatus.h"

namespace sb {

namespace {

HttpResponse badRequest(const QString &message) {
    return HttpResponse::error(400, message);
}

} // namespace

TwilioWebhooks::TwilioWebhooks(HttpServer *server, Store *store, QObject *parent)
    : QObject(parent)
    , m_store(store) {
    server->addFilter(QStringLiteral("/twilio/"),
                      [this](const HttpRequest &r) { return checkSignature(r); });
    server->route(
        "POST", QStringLiteral("/twilio/sms-status"),
        [this](const HttpRequest &r, HttpServer::Reply reply) { reply(statusCallback(r)); });
    server->route("POST", QStringLiteral("/twilio/incoming-sms"),
                  [this](const HttpRequest &r, HttpServer::Reply reply) { reply(incomingSms(r)); });
}

QByteArray TwilioWebhooks::emptyTwiml() {
    return QByteArrayLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>");
}

std::optional<HttpResponse> TwilioWebhooks::checkSignature(const HttpRequest &request) {
    if (!m_validator.isEnabled())
        return std::nullopt;
    const QByteArray signature = request.header("X-Twilio-Signature");
    const QString url = m_publicUrl + request.target;
    if (!signature.isEmpty() && m_validator.validate(url, request.body, request.form(), signature))
        return std::nullopt;
    qCWarning(lcWebhook).noquote()
        << "rejected" << request.path << "from" << request.peer.toString()
        << (signature.isEmpty() ? "(no X-Twilio-Signature)"
                                : "(X-Twilio-Signature does not match)");
    return HttpResponse::error(403, tr("The X-Twilio-Signature is missing or does not match this "
                                       "request signed for %1. Check SWITCHBOARD_PUBLIC_URL and "
                                       "the auth token.")
                                        .arg(url));
}

HttpResponse TwilioWebhooks::statusCallback(const HttpRequest &request) {
    if (!request.form())
        return badRequest(tr("The body is not application/x-www-form-urlencoded."));
    const FormFields &form = *request.form();
    StatusCallback cb;
    cb.messageSid = FormEncoding::value(form, QStringLiteral("MessageSid"));
    cb.status = FormEncoding::value(form, QStringLiteral("MessageStatus"));
    if (cb.status.isEmpty())
        cb.status = FormEncoding::value(form, QStringLiteral("SmsStatus"));
    if (cb.messageSid.isEmpty() || cb.status.isEmpty())
        return badRequest(tr("MessageSid and MessageStatus are required."));
    if (!MessageStatus::isKnown(cb.status))
        return badRequest(tr("Unknown MessageStatus '%1'.").arg(cb.status));
    cb.errorCode = FormEncoding::value(form, QStringLiteral("ErrorCode")).toInt();
    cb.errorMessage = FormEncoding::value(form, QStringLiteral("ErrorMessage"));
    cb.from = FormEncoding::value(form, QStringLiteral("From"));
    cb.to = FormEncoding::value(form, QStringLiteral("To"));
    cb.idempotencyToken = QString::fromLatin1(request.header("I-Twilio-Idempotency-Token"));
    cb.payload = request.body; // exactly what Twilio sent, form-encoded
    m_store->applyStatusCallback(cb);
    noteArrival(request.path);
    return HttpResponse::xml(200, emptyTwiml());
}

void TwilioWebhooks::noteArrival(const QString &path) {
    if (m_sinceAnnounced.isValid() && m_sinceAnnounced.elapsed() < 250)
        return;
    m_sinceAnnounced.start();
    Q_EMIT webhookReceived(path, QDateTime::currentDateTimeUtc());
}

HttpResponse TwilioWebhooks::incomingSms(const HttpRequest &request) {
    if (!request.form())
        return badRequest(tr("The body is not application/x-www-form-urlencoded."));
    const FormFields &form = *request.form();
    InboundMessage message;
    message.sid = FormEncoding::value(form, QStringLiteral("MessageSid"));
    if (message.sid.isEmpty())
        message.sid = FormEncoding::value(form, QStringLiteral("SmsSid"));
    message.from = FormEncoding::value(form, QStringLiteral("From"));
    message.to = FormEncoding::value(form, QStringLiteral("To"));
    message.body = FormEncoding::value(form, QStringLiteral("Body"));
    if (message.sid.isEmpty() || message.from.isEmpty())
        return badRequest(tr("MessageSid and From are required."));
    if (message.from.startsWith(QLatin1String("whatsapp:")))
        message.channel = QStringLiteral("whatsapp");
    message.payload = request.body;
    m_store->addInboundMessage(message);
    noteArrival(request.path);
    Q_EMIT inboundMessage(message.from, message.body);
    return HttpResponse::xml(200, emptyTwiml());
}

} // namespace sb
