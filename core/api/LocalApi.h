#pragma once

#include "http/HttpMessage.h"

#include <QObject>

#include <optional>

namespace sb {

class HttpServer;
class Outbox;
class Store;
struct SendOutcome;
struct TwilioError;

struct LocalApiSettings {
    QString apiToken;    // secret: the bearer token every call but health needs
    QString defaultFrom; // TWILIO_PHONE_NUMBER
    QString mode;        // "sandbox" or "live"
};

// The local REST API under /api/v1/twilio/ (JSON in and out, bearer token):
//   GET  health                      no token needed
//   POST send-sms {to, from?, body}  optional Idempotency-Key header
//   GET  sms-status/{messageSid}
// Errors share one shape: {"error": {"status", "message", "field"?, "code"?, "moreInfo"?}}.
// Invalid input 400; bad API token or bad Twilio credentials 401; permissions 403; Twilio or
// network failures 502 (504 on timeouts); rate limits 429.
class LocalApi : public QObject {
    Q_OBJECT
public:
    LocalApi(HttpServer *server, Store *store, Outbox *outbox, LocalApiSettings settings,
             QObject *parent = nullptr);

    static int httpStatusFor(const TwilioError &error);
    static HttpResponse errorResponse(const TwilioError &error);

private:
    std::optional<HttpResponse> authorize(const HttpRequest &request) const;
    void sendSms(const HttpRequest &request, std::function<void(const HttpResponse &)> reply);
    void smsStatus(const HttpRequest &request, std::function<void(const HttpResponse &)> reply);

    Store *m_store;
    Outbox *m_outbox;
    LocalApiSettings m_settings;
};

} // namespace sb
