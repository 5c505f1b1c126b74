#pragma once

#include "SignatureValidator.h"
#include "http/HttpMessage.h"

#include <QObject>

#include <optional>

namespace sb {

class HttpServer;
class RejectionLog;

// Every request under /twilio/ is checked against X-Twilio-Signature before routing: a bad or
// missing signature gets 403 and reaches no channel's route, so nothing is stored. The URL
// checked is the public URL exactly as configured plus the request target exactly as it
// arrived (never a QUrl's rewrite of either, nor the Host header, which QtHttpServer 6.4 turns
// into host:0 when it lacks a port). Lives on the server's thread.
class TwilioWebhookGuard : public QObject {
    Q_OBJECT
public:
    static constexpr QLatin1String PathPrefix{"/twilio/"};

    TwilioWebhookGuard(HttpServer *server, QObject *parent = nullptr);

    // Called on the server's thread once the public URL is known.
    void setPublicUrl(const QString &baseUrl) { m_publicUrl = baseUrl; }
    void setAuthToken(const QByteArray &token) { m_validator = SignatureValidator(token); }
    QString publicUrl() const { return m_publicUrl; }

private:
    std::optional<HttpResponse> check(const HttpRequest &request) const;

    RejectionLog *m_rejections;
    SignatureValidator m_validator;
    QString m_publicUrl;
};

} // namespace sb
