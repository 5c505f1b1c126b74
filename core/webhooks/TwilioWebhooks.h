#pragma once

#include "providers/twilio/SignatureValidator.h"
#include "http/HttpServer.h"
#include "db/Store.h"

#include <QObject>

#include <optional>

namespace sb {

// Twilio's webhooks under /twilio/. Every request there is signature-checked before routing
// (a bad or missing X-Twilio-Signature gets 403 and nothing is stored), against the public URL
// Twilio was given plus the raw path and query, never the Host header (which QtHttpServer 6.4
// turns into host:0 when it lacks a port). Each is answered only once its record is committed
// (the store batches commits, well inside Twilio's 15 s), or 500 when it could not be stored.
// Announcements (the tray, "last webhook") come from the store's change feed after the commit.
class TwilioWebhooks : public QObject {
    Q_OBJECT
public:
    TwilioWebhooks(HttpServer *server, Store *store, QObject *parent = nullptr);

    // Called on the server's thread once the public URL is known.
    void setPublicUrl(const QString &baseUrl) { m_publicUrl = baseUrl; }
    void setAuthToken(const QByteArray &token) { m_validator = SignatureValidator(token); }
    QString publicUrl() const { return m_publicUrl; }

    static QByteArray emptyTwiml();

private:
    std::optional<HttpResponse> checkSignature(const HttpRequest &request);
    void statusCallback(const HttpRequest &request, const HttpServer::Reply &reply);
    void incomingSms(const HttpRequest &request, const HttpServer::Reply &reply);
    static Store::Done answerWhenStored(const HttpServer::Reply &reply);

    Store *m_store;
    SignatureValidator m_validator;
    QString m_publicUrl;
};

} // namespace sb
