#pragma once

#include "TwilioApiSurface.h"
#include "http/FormEncoding.h"
#include "http/HttpMessage.h"

#include <QDateTime>
#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QStringList>

#include <functional>
#include <optional>

class QNetworkAccessManager;

namespace sb {

class HttpServer;

struct SandboxOptions {
    QString accountSid; // generated when empty
    QString authToken;  // generated when empty
    QStringList numbers{QStringLiteral("+15005550006")};
    QString smsUrl;          // where inbound messages to our numbers are posted
    int statusDelayMs = 400; // between queued -> sending -> sent -> delivered
    QString friendlyName = QStringLiteral("Switchboard Sandbox");
    std::function<QDateTime()> clock; // UTC now; QDateTime::currentDateTimeUtc when unset
};

// An offline stand-in for Twilio's REST API over real HTTP on loopback: Twilio's JSON shapes,
// error format and Basic auth; the magic test numbers (see TestNumbers); status progression
// with signed status callbacks; and inbound messages posted, signed, to a number's SmsUrl.
// Everything under /2010-04-01/ it does not implement is refused in Twilio's error shape (see
// TwilioApiSurface), so the official helpers raise their usual exception with a code.
// Control endpoint: POST /sandbox/inbound (From, To, Body) simulates a customer's SMS.
// Its account SID and auth token are registered with the log redactor as it makes them.
class Sandbox : public QObject {
    Q_OBJECT
public:
    explicit Sandbox(SandboxOptions options, QObject *parent = nullptr);
    ~Sandbox() override;

    // Must be called on the thread the sandbox lives on. Returns the port, 0 on failure.
    quint16 listen(const QHostAddress &address, quint16 port);
    QString errorString() const;

    QString accountSid() const { return m_options.accountSid; }
    QString authToken() const { return m_options.authToken; }
    // The inbound webhook for every number that has none of its own.
    void setSmsUrl(const QString &url);

    static QString newSid(const char *prefix);

Q_SIGNALS:
    void callbackDelivered(const QString &messageSid, const QString &status, int httpStatus);

private:
    struct Message {
        QString sid;
        QString from;
        QString to;
        QString body;
        QString status;
        QString direction;
        QString statusCallback;
        int errorCode = 0;
        int numSegments = 1;
        QStringList mediaUrls;
        QDateTime created;
        QDateTime updated;
        QDateTime sent;
    };
    struct Number {
        QString sid;
        QString phoneNumber;
        QString smsUrl;
    };

    void setUpRoutes();
    void serve(const QByteArray &method, const QString &pattern,
               std::function<void(const HttpRequest &, std::function<void(const HttpResponse &)>)>
                   handler);
    std::optional<HttpResponse> authenticate(const HttpRequest &request) const;
    std::optional<HttpResponse> refuseUnimplemented(const HttpRequest &request) const;
    HttpResponse createMessage(const HttpRequest &request);
    HttpResponse listMessages(const HttpRequest &request) const;
    HttpResponse updateNumber(const HttpRequest &request);
    void simulateInbound(const HttpRequest &request,
                         std::function<void(const HttpResponse &)> reply);

    void advance(const QString &sid, const QStringList &remaining, int finalError);
    void postSigned(const QString &url, const FormFields &params,
                    std::function<void(int httpStatus)> done);
    QJsonObject messageJson(const Message &m) const;
    QJsonObject numberJson(const Number &n) const;
    static HttpResponse twilioError(int httpStatus, int code, const QString &message);
    QString messagesUri() const;
    QDateTime now() const;

    SandboxOptions m_options;
    HttpServer *m_server;
    QNetworkAccessManager *m_nam;
    QHash<QString, Message> m_messages;
    QStringList m_order; // oldest first
    QList<Number> m_numbers;
    TwilioApiSurface m_surface;
};

} // namespace sb
