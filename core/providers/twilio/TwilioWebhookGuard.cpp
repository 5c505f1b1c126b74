#include "TwilioWebhookGuard.h"

#include "common/Logging.h"
#include "http/HttpServer.h"
#include "http/RejectionLog.h"

namespace sb {

TwilioWebhookGuard::TwilioWebhookGuard(HttpServer *server, QObject *parent)
    : QObject(parent)
    , m_rejections(server->rejectionLog()) {
    server->addFilter(PathPrefix, [this](const HttpRequest &r) { return check(r); });
}

std::optional<HttpResponse> TwilioWebhookGuard::check(const HttpRequest &request) const {
    if (!m_validator.isEnabled())
        return std::nullopt;
    // The URL Twilio signed: the public URL as configured plus the target exactly as it
    // arrived, never a QUrl's rewrite of either.
    const QString url = m_publicUrl + request.target;
    using Verdict = SignatureValidator::Verdict;
    const Verdict verdict =
        m_validator.check(url, request.body, request.form(), request.header("X-Twilio-Signature"));
    if (verdict == Verdict::Valid) {
        request.signatureVerifiedFor = url;
        return std::nullopt;
    }
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
    // Summarised: a flood of unsigned requests must not fill the disk with log lines.
    m_rejections->note(QStringLiteral("webhook signature"),
                       QStringLiteral("%1 %2 from %3: %4")
                           .arg(status)
                           .arg(request.path, request.peer.toString(), reason));
    return HttpResponse::error(status, reason);
}

} // namespace sb
