#pragma once

#include "Channel.h"
#include "ReceiveMode.h"
#include "common/Metrics.h"
#include "common/Receiver.h"
#include "config/Config.h"
#include "db/Migrations.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QObject>
#include <QThread>
#include <QUrl>

#include <functional>
#include <memory>

namespace sb {

class ContentClient;
class MessagingServicesClient;
class SendGridClient;
class HttpServer;
class LocalApi;
class MessagePoller;
class StatusReconciler;
class MediaShares;
class NumberWiring;
class Outbox;
class Sandbox;
class RotatingLogFile;
class Store;
class TwilioClient;
class TwilioWebhookGuard;
class WebhookInspector;

// Wires the core together, one job per thread:
//   server thread  - the embedded HTTP server: webhooks under /twilio/, the local API
//   network thread - TwilioClient and the Outbox (QNetworkAccessManager's own asynchrony)
//   store thread   - inside Store
//   sandbox thread - the built-in Twilio stand-in, in sandbox mode only
// The thread that creates the service (the GUI thread in the console) only receives signals.
// start() is asynchronous: started() or failed() follows. Webhook arrivals and new inbound
// messages are announced by the store's change feed (Store::webhooksCommitted, messagesArrived)
// once committed.
class SwitchboardService : public QObject {
    Q_OBJECT
public:
    // `channels`: what the service serves (builtInChannels() in the product; tests may pick).
    SwitchboardService(Config config, ChannelList channels, QObject *parent = nullptr);
    ~SwitchboardService() override;

    // Every schema module the service registers with its store, in order (core's, the
    // channels', the inbox's and its channel glue): what a database of the running app has.
    static QList<Schema> schemas(const ChannelList &channels);

    using Clock = std::function<QDateTime()>; // UTC now, callable from any thread

    // The time every time-bound rule reads (WhatsApp's 24-hour window, the sandbox's clock).
    // Tests inject theirs before start(); unset, the real UTC time.
    void setClock(Clock clock);
    Clock clock() const { return m_clock; }

    void start();

    const Config &config() const { return m_config; }
    Store *store() const { return m_store; }
    Outbox *outbox() const { return m_outbox; }
    // Fetches messages whose status callback never came, and lists the newest in polling mode
    // (on the network thread; null before start(), and when SWITCHBOARD_RECONCILE_AFTER_S is 0
    // and SWITCHBOARD_RECEIVE is webhooks).
    StatusReconciler *reconciler() const { return m_reconciler; }
    // One reconciliation pass now (reconciled() follows), e.g. from a test or a menu.
    void reconcileNow();
    TwilioClient *twilioClient() const { return m_client; }
    // Twilio's Content API (templates and their WhatsApp approval), on the network thread next
    // to the TwilioClient; in sandbox mode it asks the sandbox. Null before start().
    ContentClient *contentClient() const { return m_content; }
    // The Messaging API (Messaging Services), on the network thread.
    MessagingServicesClient *messagingClient() const { return m_messaging; }
    // SendGrid's API (dynamic templates for the Email tab), on the network thread; in sandbox
    // mode without a SendGrid key it asks the sandbox's stand-in. Null before start().
    SendGridClient *sendGridClient() const { return m_sendgrid; }
    // The attachments the console serves to Twilio at GET /media/{token}; share() may be
    // called from any thread. Null before start().
    MediaShares *mediaShares() const { return m_mediaShares; }
    // Every request to /twilio/ and /sendgrid/ as received (on the server thread; null
    // before start()).
    WebhookInspector *webhookInspector() const { return m_inspector; }
    // "Wire to this console" for the account's numbers, on the network thread (null before
    // start()).
    NumberWiring *numberWiring() const { return m_wiring; }
    const ChannelList &channels() const { return m_channels; }
    // What GET /metrics renders; record into it from any thread. Lives as long as the service.
    Metrics *metrics() { return &m_metrics; }
    // The port the server listens on; 0 for a team's console, which binds none.
    quint16 port() const { return m_port; }
    // Every route the embedded server answers, "METHOD" and pattern; fixed once started.
    QList<QPair<QByteArray, QString>> routes() const;
    // <data>/logs/switchboard.log: every log line of the process (redacted) while the service
    // runs; empty when SWITCHBOARD_LOG_MAX_MB is 0 or the file cannot be opened.
    QString logFilePath() const;
    void flushLogFile();
    QUrl publicUrl() const { return m_publicUrl; }
    QUrl sandboxUrl() const { return m_sandboxUrl; }
    // Webhooks or polling, and why (ReceiveMode): decided once the port is known, so read it
    // after started().
    ReceiveMode receiveMode() const { return m_receiveMode; }
    bool isSandbox() const { return m_config.sandbox; }

    // Asks the sandbox to deliver a customer's message on `channel` to this console, signed,
    // as Twilio would (sandbox mode only), with the sandbox's sample files named in `media`
    // (SandboxMedia: "photo", "chart", "voice-note", "invoice").
    void simulateInbound(const QString &channel, const QString &from, const QString &body,
                         const QString &profileName = {}, const QStringList &media = {});
    // What simulated messages carry when simulateInbound() names no media (the console's
    // Sandbox ▸ With a picture); empty: nothing.
    void setSimulatedMedia(const QStringList &media) { m_simulatedMedia = media; }

    // Sandbox mode: presses keys on a simulated call in progress (POST
    // /sandbox/calls/{callSid}/digits, form field Digits), as the caller would on their phone.
    // `done` gets the sandbox's HTTP status (0: not reached) and, when it refused, its answer.
    void pressSandboxDigits(const QString &callSid, const QString &digits, Receiver receiver,
                            std::function<void(int httpStatus, const QString &error)> done);

Q_SIGNALS:
    void started();
    void failed(const QString &reason);
    void simulationFailed(const QString &reason);
    // A reconciliation pass ended: messages fetched from Twilio, statuses it corrected.
    void reconciled(int fetched, int fixed);
    // The start-up sweep ended: messages Twilio listed, statuses corrected, inbound stored.
    void sweepFinished(int listed, int fixed, int arrived);
    // Polling mode: a poll ended (MessagePoller::polled), at `at`.
    void polled(const QDateTime &at, int listed, int fixed, int arrived, int nextMs);

private:
    void declareMetrics();
    void startSandbox();
    void startServer();
    void resumeOutbox();
    void openPort();
    void beginWork();
    void fail(const QString &reason);

    void openLogFile();

    Config m_config;
    std::unique_ptr<RotatingLogFile> m_logFile;
    int m_logListener = 0;
    Metrics m_metrics; // before the threads and objects that record into it
    Store *m_store = nullptr;
    QThread m_serverThread;
    QThread m_networkThread;
    QThread m_sandboxThread;
    HttpServer *m_server = nullptr;
    ChannelList m_channels;
    TwilioWebhookGuard *m_webhookGuard = nullptr;
    WebhookInspector *m_inspector = nullptr;
    LocalApi *m_localApi = nullptr;
    QObject *m_networkRoot = nullptr;
    TwilioClient *m_client = nullptr;
    ContentClient *m_content = nullptr;
    MessagingServicesClient *m_messaging = nullptr;
    SendGridClient *m_sendgrid = nullptr;
    Clock m_clock;
    Outbox *m_outbox = nullptr;
    StatusReconciler *m_reconciler = nullptr;
    MessagePoller *m_poller = nullptr; // polling mode only
    QMetaObject::Connection m_pollerNudges;
    static constexpr int NudgeEveryMs = 250; // the poller's shortest interval is seconds
    QElapsedTimer m_sinceNudge;
    ReceiveMode m_receiveMode;
    MediaShares *m_mediaShares = nullptr;
    NumberWiring *m_wiring = nullptr;
    Sandbox *m_sandbox = nullptr;
    quint16 m_port = 0;
    QUrl m_publicUrl;
    QUrl m_sandboxUrl;
    bool m_failed = false;
    QStringList m_simulatedMedia;
};

} // namespace sb
