#include "TwilioWebhooks.h"

#include "common/Logging.h"
#include "http/HttpServer.h"
#include "db/Store.h"
#include "messaging/MessageStatus.h"

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
    server->route("POST", QStringLiteral("/twilio/sms-status"),
                  [this](const HttpRequest &r, HttpServer::Reply reply) {
                      statusCallback(r, std::move(reply));
                  });
    server->route("POST", QStringLiteral("/twilio/incoming-sms"),
                  [this](const HttpRequest &r, HttpServer::Reply reply) {
                      incomingSms(r, std::move(reply));
                  });
}

QByteArray TwilioWebhooks::emptyTwiml() {
    return QByteArrayLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>");
}

std::optional<HttpResponse> TwilioWebhooks::checkSignature(const HttpRequest &request) {
    if (!m_validator.isEnabled())
        return std::nullopt;
    // The URL Twilio signed: the public URL as configured plus the target exactly as it
    // arrived, never a QUrl's rewrite of either.
    const QString url = m_publicUrl + request.target;
    using Verdict = SignatureValidator::Verdict;
    const Verdict verdict =
        m_validator.check(url, request.body, request.form(), request.header("X-Twilio-Signature"));
    if (verdict == Verdict::Valid)
        return std::nullopt;
    QString reason;
    int status = 403;
    switch (verdict) {
    case Verdict::NoSignature:
        reason = tr("There is no X-Twilio-Signature header: only requests signed by Twilio are "
                    "accepted here.");
        break;
    case Verdict::BodyNotForm:
        status = 400;
        reason = tr("The body is not valid application/x-www-form-urlencoded (a malformed "
                    "%-escape or invalid UTF-8), so its signature cannot be checked. Twilio "
                    "sends its webhooks form-encoded.");
        break;
    case Verdict::BodyHashMismatch:
        reason = tr("The body is not the one the URL's bodySHA256 was computed for: it was "
                    "changed on the way.");
        break;
    case Verdict::Mismatch:
    case Verdict::Valid:
        reason = tr("The X-Twilio-Signature does not match this request signed for %1. Check "
                    "SWITCHBOARD_PUBLIC_URL (it must be exactly the URL Twilio calls) and the "
                    "auth token.")
                     .arg(url);
        break;
    }
    qCWarning(lcWebhook).noquote()
        << "rejected" << request.path << "from" << request.peer.toString() << status << reason;
    return HttpResponse::error(status, reason);
}

Store::Done TwilioWebhooks::answerWhenStored(const HttpServer::Reply &reply) {
    // Twilio retries what is not answered 2xx: answer only once the record is durable, and
    // 500 when it could not be stored, so Twilio tries again rather than the event being lost.
    return [reply](const StoreResult<bool> &stored) {
        if (stored.ok())
            return reply(HttpResponse::xml(200, emptyTwiml()));
        qCWarning(lcWebhook).noquote() << "webhook not stored:" << stored.error;
        reply(HttpResponse::error(500, tr("The event could not be stored; Twilio will retry it.")));
    };
}

void TwilioWebhooks::statusCallback(const HttpRequest &request, const HttpServer::Reply &reply) {
    if (!request.form())
        return reply(badRequest(tr("The body is not application/x-www-form-urlencoded.")));
    const FormFields &form = *request.form();
    StatusCallback cb;
    cb.messageSid = FormEncoding::value(form, QStringLiteral("MessageSid"));
    cb.status = FormEncoding::value(form, QStringLiteral("MessageStatus"));
    if (cb.status.isEmpty())
        cb.status = FormEncoding::value(form, QStringLiteral("SmsStatus"));
    if (cb.messageSid.isEmpty() || cb.status.isEmpty())
        return reply(badRequest(tr("MessageSid and MessageStatus are required.")));
    if (!MessageStatus::isKnown(cb.status))
        return reply(badRequest(tr("Unknown MessageStatus '%1'.").arg(cb.status)));
    cb.errorCode = FormEncoding::value(form, QStringLiteral("ErrorCode")).toInt();
    cb.errorMessage = FormEncoding::value(form, QStringLiteral("ErrorMessage"));
    cb.from = FormEncoding::value(form, QStringLiteral("From"));
    cb.to = FormEncoding::value(form, QStringLiteral("To"));
    cb.idempotencyToken = QString::fromLatin1(request.header("I-Twilio-Idempotency-Token"));
    cb.payload = request.body; // exactly what Twilio sent, form-encoded
    m_store->applyStatusCallback(cb, this, answerWhenStored(reply));
}

void TwilioWebhooks::incomingSms(const HttpRequest &request, const HttpServer::Reply &reply) {
    if (!request.form())
        return reply(badRequest(tr("The body is not application/x-www-form-urlencoded.")));
    const FormFields &form = *request.form();
    InboundMessage message;
    message.sid = FormEncoding::value(form, QStringLiteral("MessageSid"));
    if (message.sid.isEmpty())
        message.sid = FormEncoding::value(form, QStringLiteral("SmsSid"));
    message.from = FormEncoding::value(form, QStringLiteral("From"));
    message.to = FormEncoding::value(form, QStringLiteral("To"));
    message.body = FormEncoding::value(form, QStringLiteral("Body"));
    if (message.sid.isEmpty() || message.from.isEmpty())
        return reply(badRequest(tr("MessageSid and From are required.")));
    if (message.from.startsWith(QLatin1String("whatsapp:")))
        message.channel = QStringLiteral("whatsapp");
    message.payload = request.body;
    m_store->addInboundMessage(message, this, answerWhenStored(reply));
}

} // namespace sb
