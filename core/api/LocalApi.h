#pragma once

#include "http/HttpServer.h"

#include <QObject>
#include <QUrl>

#include <memory>
#include <optional>

class QNetworkAccessManager;

namespace sb {

class Store;
class TokenBucketLimiter;
struct TwilioError;

struct LocalApiSettings {
    QString apiToken; // secret: the bearer token every call but health needs
    QString mode;     // "sandbox" or "live"
    // Sandbox mode only: where the built-in sandbox listens, and its credentials.
    QUrl sandboxUrl;
    QString sandboxAccountSid;
    QString sandboxAuthToken;
    // Token bucket per client; 0 in either: no limit.
    double ratePerSecond = 0;
    int burst = 0;
};

// The local REST API's shared part under /api/v1/twilio/ (JSON in and out, bearer token); each
// channel adds its own routes under the same prefix (e.g. send-sms):
//   GET  health                                  no token needed
//   GET  openapi.json                            this API described as OpenAPI 3.0
//   GET  message-status/{messageSid}             any message, whatever its channel
//   POST sandbox/inbound {from, body, channel?, profileName?, media?}   sandbox mode only: the
//        sandbox delivers a signed inbound message to this console, as a customer writing would;
//        `media` names sample files it carries (SandboxMedia: photo, chart, voice-note, invoice)
// Errors share one shape: {"error": {"status", "message", "field"?, "code"?, "moreInfo"?}}.
// Invalid input 400; bad API token or bad Twilio credentials 401; permissions 403; Twilio or
// network failures 502 (504 on timeouts); rate limits 429.
class LocalApi : public QObject {
    Q_OBJECT
public:
    static const QString Prefix; // "/api/v1/twilio"
    static QString path(const QString &name);

    LocalApi(HttpServer *server, Store *store, LocalApiSettings settings,
             QObject *parent = nullptr);
    ~LocalApi() override;

    // What health says of how Twilio's news arrives (ReceiveMode::name()), on the server
    // thread before the port opens.
    void setReceiveMode(const QString &name) { m_receive = name; }

    // The OpenAPI 3.0 document describing every route under Prefix, as served.
    static QByteArray openApiDocument();

    static int httpStatusFor(const TwilioError &error);
    static HttpResponse errorResponse(const TwilioError &error);

private:
    std::optional<HttpResponse> authorize(const HttpRequest &request);
    std::optional<HttpResponse> limitRate(const HttpRequest &request, bool authorized);
    void simulateInbound(const HttpRequest &request, HttpServer::Reply reply);

    Store *m_store;
    LocalApiSettings m_settings;
    QNetworkAccessManager *m_nam = nullptr;
    std::unique_ptr<TokenBucketLimiter> m_limiter;
    QString m_receive = QStringLiteral("webhooks");
};

} // namespace sb
