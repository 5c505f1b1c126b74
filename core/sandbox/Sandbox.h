#pragma once

#include "SandboxChannel.h"
#include "TwilioApiSurface.h"
#include "http/FormEncoding.h"
#include "http/HttpMessage.h"
#include "providers/sendgrid/SendGridEventSigner.h"

#include <QDateTime>
#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QRandomGenerator>
#include <QSet>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

class QNetworkAccessManager;

namespace sb {

class HttpServer;

struct SandboxOptions {
    QString accountSid; // generated when empty
    QString authToken;  // generated when empty
    // The SendGrid stand-in's API key (generated when empty): given when the console is
    // another process that must be told it (switchboard-sandbox --sendgrid-api-key).
    QString sendgridApiKey;
    QStringList numbers{QStringLiteral("+15005550006")};
    QString smsUrl;          // where inbound messages to our numbers are posted
    int statusDelayMs = 400; // between queued -> sending -> sent -> delivered
    // How long one second of a call's TwiML takes in the sandbox (Say, Pause, Gather's and
    // Record's timeouts...); 0: statusDelayMs, so that a fast sandbox is fast throughout.
    int twimlSecondMs = 0;
    QString friendlyName = QStringLiteral("Switchboard Sandbox");
    // Resources this account may not use, by the path segment after the account (e.g.
    // "Balance", "IncomingPhoneNumbers", "Calls"): answered 403 with Twilio's 20403, as for an
    // account without the permission.
    // On the Messaging API (/v1/...) by the segment after /v1/, e.g. "Services".
    QStringList forbidden;
    // The account's Messaging Services (Messaging API v1, /v1/Services), by name: the first
    // has the account's numbers in its sender pool, the others none.
    QStringList messagingServices{QStringLiteral("Switchboard Sandbox Service")};
    std::function<QDateTime()> clock; // UTC now; QDateTime::currentDateTimeUtc when unset
    // A fault: this share (percent, 0-100) of status callbacks is not posted, as Twilio's are
    // sometimes lost; the message still reaches its true status, which a fetch returns.
    int dropCallbacksPercent = 0;
    // Picks which callbacks are dropped, so that a test sees the same ones on every run.
    quint32 dropSeed = 1;
    // False: no webhook at all is posted (inbound messages, status callbacks), as Twilio's
    // never reach a console behind NAT without a tunnel; such a console polls (ReceiveMode).
    bool webhooksReachConsole = true;
};

// An offline stand-in for Twilio's REST API over real HTTP on loopback: Twilio's JSON shapes,
// error format and Basic auth; the Messages resource with status progression and signed status
// callbacks; the account's numbers; and inbound messages posted, signed, to their webhook.
// What each channel's messages do (which addresses, test numbers, statuses, inbound webhook)
// is the channel's own part of the sandbox (SandboxChannel), plugged in with addChannel().
// Everything under /2010-04-01/ it does not implement is refused in Twilio's error shape (see
// TwilioApiSurface), so the official helpers raise their usual exception with a code.
// Control endpoint: POST /sandbox/inbound (From, To?, Body, Channel?) simulates a customer
// writing; the channel's part says which webhook gets it.
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
    QDateTime now() const;
    // The pause between one status and the next (SandboxOptions::statusDelayMs).
    int statusDelayMs() const { return m_options.statusDelayMs; }
    int twimlSecondMs() const {
        return m_options.twimlSecondMs > 0 ? m_options.twimlSecondMs : m_options.statusDelayMs;
    }
    // Where it listens, e.g. "http://127.0.0.1:8080" (empty before listen()): the base of the
    // URLs it hands out for its own resources, such as a recording's media.
    QString baseUrl() const { return m_baseUrl; }

    // Channel parts (on the sandbox's thread). A message belongs to the first part that owns
    // its addresses.
    void addChannel(std::shared_ptr<const SandboxChannel> part);
    // The webhook a channel's inbound messages go to when the number has none of its own.
    void setInboundUrl(const QString &channel, const QString &url);
    QString inboundUrl(const QString &channel) const { return m_inboundUrls.value(channel); }
    // The account's numbers' own "A message comes in" URL (SmsUrl), where it is unset.
    void setSmsUrl(const QString &url);
    // A part's own HTTP routes (e.g. WhatsApp's Content API under /v1/), answered on the
    // sandbox's thread behind its Basic auth like everything else it serves.
    using Handler =
        std::function<void(const HttpRequest &, std::function<void(const HttpResponse &)>)>;
    void addRoute(const QByteArray &method, const QString &pattern, Handler handler);
    // A part's route with credentials of its own (SendGrid's Bearer API key, not Twilio's
    // Basic auth): `authenticate` runs before routing for the pattern's first segment.
    using Filter = std::function<std::optional<HttpResponse>(const HttpRequest &)>;
    void addRoute(const QByteArray &method, const QString &pattern, Handler handler,
                  Filter authenticate);
    // A route's own body limit (before listen()), e.g. SendGrid's 30 MB mail/send; every
    // other route keeps the server's 1 MiB.
    void setMaxBodyBytes(const QByteArray &method, const QString &path, qint64 bytes);
    // Whether the next status callback is to be dropped (SandboxOptions::dropCallbacksPercent):
    // for parts that post status callbacks of their own (a call's), on the sandbox's thread.
    bool dropNextCallback();
    // SandboxOptions::webhooksReachConsole: parts posting webhooks of their own ask first.
    bool reachesConsole() const { return m_options.webhooksReachConsole; }
    // For parts that post webhooks of their own (on the sandbox's thread).
    QNetworkAccessManager *network() const { return m_nam; }
    // The SendGrid stand-in's credentials, made with the sandbox like the Twilio ones: the API
    // key it takes, and the key pair its Event Webhook batches are signed with (the console
    // verifies them with publicKeyBase64(), as it would SendGrid's).
    QString sendgridApiKey() const { return m_sendgridApiKey; }
    const SendGridEventSigner &sendgridSigner() const { return m_sendgridSigner; }
    // Twilio's error shape: {"code", "message", "more_info", "status"}.
    static HttpResponse twilioError(int httpStatus, int code, const QString &message);

    struct Number {
        QString sid;
        QString phoneNumber;
        QString smsUrl;
        QString voiceUrl;
        QString statusCallback;
    };
    const QList<Number> &numbers() const { return m_numbers; }
    struct Service {
        QString sid; // MG…
        QString friendlyName;
    };
    const QList<Service> &messagingServices() const { return m_services; }
    bool isOwnNumber(const QString &address) const;
    // When `customer` last wrote to `to` (invalid if never): what a channel's rules may need.
    QDateTime lastInbound(const QString &customer, const QString &to) const;

    static QString newSid(const char *prefix);

Q_SIGNALS:
    void callbackDelivered(const QString &messageSid, const QString &status, int httpStatus);
    // A status callback not posted because of SandboxOptions::dropCallbacksPercent.
    void callbackDropped(const QString &messageSid, const QString &status);
    // A message's MediaUrl was fetched, as Twilio fetches it before sending: the HTTP status
    // (0: not reached), the Content-Type and the bytes' SHA-256 (hex), for tests and demos.
    void mediaFetched(const QString &messageSid, const QString &url, int httpStatus,
                      const QString &contentType, const QByteArray &sha256);

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
    void setUpRoutes();
    const SandboxChannel *partFor(const QString &from, const QString &to) const;
    void serve(const QByteArray &method, const QString &pattern, Handler handler);
    std::optional<HttpResponse> authenticate(const HttpRequest &request) const;
    std::optional<HttpResponse> refuseUnimplemented(const HttpRequest &request) const;
    HttpResponse createMessage(const HttpRequest &request);
    HttpResponse listMessages(const HttpRequest &request) const;
    HttpResponse updateNumber(const HttpRequest &request);
    void simulateInbound(const HttpRequest &request,
                         std::function<void(const HttpResponse &)> reply);

    void advance(const QString &sid, const QStringList &remaining, int finalError);
    // Downloads every MediaUrl (asynchronously), then advances as the verdict says, or fails
    // the message with Twilio's code: 11200 when a download fails, 12300 for a content type
    // the channel does not take.
    void fetchMedia(const QString &sid, const SandboxChannel *part, const QStringList &statuses,
                    int finalError);
    void postSigned(const QString &url, const FormFields &params,
                    std::function<void(int httpStatus)> done);
    QJsonObject messageJson(const Message &m) const;
    QJsonObject numberJson(const Number &n) const;
    void serveMessagingServices();
    QJsonObject serviceJson(const Service &service, const QString &base) const;
    QString messagesUri() const;

    SandboxOptions m_options;
    HttpServer *m_server;
    QNetworkAccessManager *m_nam;
    QHash<QString, Message> m_messages;
    QStringList m_order; // oldest first
    QList<Number> m_numbers;
    QList<Service> m_services;
    TwilioApiSurface m_surface;
    QList<std::shared_ptr<const SandboxChannel>> m_parts;
    QHash<QString, QString> m_inboundUrls;    // channel id -> URL
    QSet<QPair<QString, QString>> m_optedOut; // (our sender, customer) after their STOP
    QStringList m_authenticated;              // path prefixes behind Basic auth
    QString m_baseUrl;
    QString m_sendgridApiKey;
    SendGridEventSigner m_sendgridSigner;
    QRandomGenerator m_dropRandom;
};

} // namespace sb
