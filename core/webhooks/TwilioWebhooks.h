#pragma once

#include "SignatureValidator.h"
#include "http/HttpMessage.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QObject>

#include <optional>

namespace sb {

class HttpServer;
class Store;

// Twilio's webhooks under /twilio/. Every request there is signature-checked before routing
// (a bad or missing X-Twilio-Signature gets 403 and nothing is stored), against the public URL
// Twilio was given plus the raw path and query, never the Host header (which QtHttpServer 6.4
// turns into host:0 when it lacks a port). Answers TwiML quickly; the store does the rest.
class TwilioWebhooks : public QObject {
    Q_OBJECT
public:
    TwilioWebhooks(HttpServer *server, Store *store, QObject *parent = nullptr);

    // Called on the server's thread once the public URL is known.
    void setPublicUrl(const QString &baseUrl) { m_publicUrl = baseUrl; }
    void setAuthToken(const QByteArray &token) { m_validator = SignatureValidator(token); }
    QString publicUrl() const { return m_publicUrl; }

    static QByteArray emptyTwiml();

Q_SIGNALS:
    // At most a few times a second, whatever the rate: it feeds "last webhook at" displays,
    // and one cross-thread event per webhook would cost more than the webhook itself.
    void webhookReceived(const QString &path, const QDateTime &at);
    void inboundMessage(const QString &from, const QString &body);

private:
    std::optional<HttpResponse> checkSignature(const HttpRequest &request);
    HttpResponse statusCallback(const HttpRequest &request);
    HttpResponse incomingSms(const HttpRequest &request);
    void noteArrival(const QString &path);

    Store *m_store;
    SignatureValidator m_validator;
    QString m_publicUrl;
    QElapsedTimer m_sinceAnnounced;
};

} // namespace sb
