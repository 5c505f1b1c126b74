#include "SwitchboardService.h"

#include "ChannelContext.h"
#include "MetricsEndpoint.h"
#include "account/AccountApi.h"
#include "account/NumberWiring.h"
#include "account/WiredNumbers.h"
#include "api/LocalApi.h"
#include "api/MessageListApi.h"
#include "api/ScheduledApi.h"
#include "canned/CannedResponses.h"
#include "common/Logging.h"
#include "common/RotatingLogFile.h"
#include "config/Settings.h"
#include "db/Store.h"
#include "http/HttpServer.h"
#include "http/RestRequest.h"
#include "inbox/ContactApi.h"
#include "inbox/Inbox.h"
#include "inspector/WebhookApi.h"
#include "inspector/WebhookInspector.h"
#include "inspector/WebhookLog.h"
#include "media/MediaApi.h"
#include "media/MediaFetcher.h"
#include "media/MediaRows.h"
#include "media/MediaShares.h"
#include "messaging/MessagePoller.h"
#include "messaging/MessageStatus.h"
#include "messaging/OptOuts.h"
#include "messaging/StatusReconciler.h"
#include "outbox/OptOutCheck.h"
#include "outbox/Outbox.h"
#include "providers/sendgrid/SendGridClient.h"
#include "providers/twilio/ContentClient.h"
#include "providers/twilio/MessagingServicesClient.h"
#include "providers/twilio/TwilioClient.h"
#include "providers/twilio/TwilioWebhookGuard.h"
#include "sandbox/Sandbox.h"
#include "sandbox/SandboxContext.h"

#include <QNetworkAccessManager>

namespace sb {

namespace {

// Deletes `object` on its own thread, then stops that thread.
void retire(QObject *object, QThread &thread) {
    if (object && thread.isRunning())
        QMetaObject::invokeMethod(
            object, [object] { delete object; }, Qt::BlockingQueuedConnection);
    else
        delete object;
    thread.quit();
    thread.wait();
}

} // namespace

SwitchboardService::SwitchboardService(Config config, ChannelList channels, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_channels(std::move(channels)) {
    m_serverThread.setObjectName(QStringLiteral("server"));
    m_networkThread.setObjectName(QStringLiteral("network"));
    m_sandboxThread.setObjectName(QStringLiteral("sandbox"));
    setClock({});
    openLogFile();
    declareMetrics();
    // Team mode: the team's PostgreSQL (SWITCHBOARD_DATABASE_URL); else SQLite in the data folder.
    m_store = new Store(m_config.databasePath(), m_config.sharedDatabase);
    m_store->setMetrics(&m_metrics);
    for (const Schema &schema : schemas(m_channels))
        m_store->addSchema(schema);
}

QList<Schema> SwitchboardService::schemas(const ChannelList &channels) {
    QList<Schema> all{MediaShares::schema()};
    // Core's own modules beside the channels' (opt-outs concern every message channel).
    all.append(OptOuts::schema());
    for (const auto &channel : channels) {
        const QList<QStringList> steps = channel->schema();
        if (!steps.isEmpty())
            all.append({channel->id(), steps});
    }
    all.append(MediaRows::schema()); // inbound MMS / WhatsApp media (core/media)
    // The inbox's contacts, notes and search indexes: after the channels' tables, since the
    // channels' contact glue (Channel::contactSchema()) reads both.
    all.append(Inbox::schemas(channels));
    // The console's own tables beside the channels' (each module versioned on its own).
    all.append(CannedResponses::schema());
    all.append(WebhookLog::schema());   // the webhook inspector's requests
    all.append(WiredNumbers::schema()); // numbers pointed at this console, and what they had
    return all;
}

SwitchboardService::~SwitchboardService() {
    // Stop taking requests first, then stop sending, then the sandbox; the store last, so
    // everything queued is committed.
    disconnect(m_pollerNudges); // the poller goes with the network thread
    retire(m_server, m_serverThread);
    retire(m_networkRoot, m_networkThread);
    retire(m_sandbox, m_sandboxThread);
    delete m_store;
    if (m_logListener)
        removeLogListener(m_logListener);
}

QString SwitchboardService::logFilePath() const {
    return m_logFile ? m_config.dataDir + QStringLiteral("/logs/switchboard.log") : QString();
}

void SwitchboardService::flushLogFile() {
    if (m_logFile)
        m_logFile->flush();
}

void SwitchboardService::openLogFile() {
    const auto number = [](const QString &name, qint64 fallback) {
        bool ok = false;
        const qint64 value = qEnvironmentVariable(qPrintable(name)).toLongLong(&ok);
        return ok ? value : fallback;
    };
    const qint64 maxBytes =
        number(setting::LogMaxMb, RotatingLogFile::DefaultMaxBytes / (1024 * 1024)) * 1024 * 1024;
    if (maxBytes <= 0 || m_config.dataDir.isEmpty())
        return;
    auto file = std::make_unique<RotatingLogFile>(
        m_config.dataDir + QStringLiteral("/logs/switchboard.log"), maxBytes,
        int(number(setting::LogFiles, RotatingLogFile::DefaultKeepFiles)));
    if (!file->isOpen()) {
        qCWarning(lcService).noquote() << "no log file:" << file->errorString();
        return;
    }
    m_logFile = std::move(file);
    // Lines arrive already redacted (the process's handler, Logging.cpp). A warning or worse
    // reaches the disk at once: it may be the last line before a crash.
    m_logListener = addLogListener([file = m_logFile.get()](const LogLine &line) {
        file->append(line.text, line.type >= QtWarningMsg);
    });
}

void SwitchboardService::setClock(Clock clock) {
    if (!clock)
        clock = [] {
            return QDateTime::currentDateTimeUtc();
        };
    m_clock = std::move(clock);
}

void SwitchboardService::fail(const QString &reason) {
    if (m_failed)
        return;
    m_failed = true;
    Q_EMIT failed(reason);
}

// Start-up runs in this order, each step on its own thread, so that nothing is accepted or
// sent before the outbox has claimed what an earlier run left unfinished and the status
// callback URL is known: store -> sandbox (sandbox mode) -> network thread -> port bound but
// paused -> public URL -> outbox resumed -> connections accepted -> started().
void SwitchboardService::start() {
    m_store->open(this, [this](const StoreResult<bool> &opened) {
        if (!opened.ok())
            return fail(tr("Cannot open the database: %1").arg(opened.error));
        if (m_config.sandbox)
            startSandbox();
        else
            startServer();
    });
}

void SwitchboardService::declareMetrics() {
    HttpServer::declareMetrics(m_metrics);
    MetricsEndpoint::declare(m_metrics);
    // Declared here so that they are scraped (at 0) before the code that records them exists.
    m_metrics.counter(QStringLiteral("switchboard_reconciliation_fixes_total"),
                      QStringLiteral("Messages and calls brought up to date by polling Twilio."));
    m_metrics.counter(QStringLiteral("switchboard_inspector_dropped_total"),
                      QStringLiteral("Webhooks the inspector did not keep: the store was behind."));
    m_metrics.counter(QStringLiteral("switchboard_inspector_refused_skipped_total"),
                      QStringLiteral("Refused requests the inspector did not keep: over its "
                                     "share a second (a flood of junk)."));
    m_metrics.counter(
        QStringLiteral("switchboard_provider_errors_total"),
        QStringLiteral("Errors answered by Twilio or SendGrid, by provider and code."));
    m_metrics.histogram(QStringLiteral("switchboard_send_latency_seconds"),
                        QStringLiteral("From outbox submission to the provider accepting it."),
                        Metrics::latencyBounds());
    m_metrics.histogram(QStringLiteral("switchboard_store_commit_seconds"),
                        QStringLiteral("Time the store takes to commit one transaction."),
                        Metrics::latencyBounds());
    m_metrics.histogram(
        QStringLiteral("switchboard_store_checkpoint_seconds"),
        QStringLiteral("Time one checkpoint of the write-ahead log takes, off the store thread."),
        Metrics::latencyBounds());
}

void SwitchboardService::startSandbox() {
    SandboxOptions options;
    options.numbers = {m_config.phoneNumber};
    const int delay = qEnvironmentVariableIntValue(qPrintable(setting::SandboxDelayMs));
    if (delay > 0)
        options.statusDelayMs = delay;
    options.clock = m_clock;
    options.dropCallbacksPercent = m_config.sandboxDropCallbacksPercent;
    // Polling chosen on the sandbox: it plays a Twilio that cannot reach this console.
    options.webhooksReachConsole = m_config.receive != Config::Receive::Polling;
    m_sandbox = new Sandbox(options);
    m_sandbox->moveToThread(&m_sandboxThread);
    m_sandboxThread.start();
    m_config.accountSid = m_sandbox->accountSid();
    m_config.authToken = m_sandbox->authToken();
    // Without a SendGrid account email goes to the sandbox's SendGrid stand-in too, whose
    // Event Webhook batches are signed with the key pair it made.
    const bool sandboxSendGrid = m_config.sendgridApiKey.isEmpty();
    if (sandboxSendGrid) {
        m_config.sendgridApiKey = m_sandbox->sendgridApiKey();
        m_config.sendgridWebhookPublicKey = m_sandbox->sendgridSigner().publicKeyBase64();
    }
    QMetaObject::invokeMethod(
        m_sandbox, [me = Receiver(this), this, sandbox = m_sandbox, sandboxSendGrid] {
            const quint16 port = sandbox->listen(QHostAddress::LocalHost, 0);
            const QString error = sandbox->errorString();
            me.post([this, port, error, sandboxSendGrid] {
                if (!port)
                    return fail(tr("Cannot start the sandbox: %1").arg(error));
                m_sandboxUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
                m_config.twilioApiBase = m_sandboxUrl;
                m_config.contentApiBase = m_sandboxUrl;   // it serves the Content API too
                m_config.messagingApiBase = m_sandboxUrl; // and the Messaging API
                if (sandboxSendGrid)
                    m_config.sendgridApiBase = m_sandboxUrl;
                startServer();
            });
        });
}

void SwitchboardService::startServer() {
    // Network thread: the Twilio clients and the outbox.
    m_networkRoot = new QObject;
    auto *nam = new QNetworkAccessManager(m_networkRoot);
    const TwilioCredentials credentials{m_config.accountSid, m_config.authToken,
                                        m_config.twilioApiBase};
    m_client = new TwilioClient(nam, credentials, m_networkRoot);
    m_content = new ContentClient(nam, credentials, m_config.contentApiBase, m_networkRoot);
    m_messaging =
        new MessagingServicesClient(nam, credentials, m_config.messagingApiBase, m_networkRoot);
    m_sendgrid = new SendGridClient(
        nam, {m_config.sendgridApiKey, m_config.sendgridApiBase, m_config.sendgridTimeout},
        m_networkRoot);
    m_outbox = new Outbox(m_store, m_client, m_networkRoot);
    m_outbox->setFault(Outbox::faultFromName(qEnvironmentVariable("SWITCHBOARD_FAULT")));
    m_outbox->setClock(m_clock);
    m_outbox->setMetrics(&m_metrics);
    m_outbox->setAgent(m_config.agentName);
    if (m_config.sharedDatabase) // other processes send from it too
        m_outbox->shareOutbox(int(Store::OutboxLeaseMs / 3));
    m_outbox->addCheck(new OptOutCheck(m_store, m_clock, m_networkRoot));
    OutboxSenderContext senders{nam, m_store, m_config, m_networkRoot};
    senders.clock = m_clock;
    for (const auto &channel : std::as_const(m_channels)) {
        if (OutboxSender *sender = channel->makeOutboxSender(senders))
            m_outbox->setSender(channel->id(), sender);
        if (OutboxCheck *check = channel->makeOutboxCheck(senders))
            m_outbox->addCheck(check);
    }
    // Polling mode stands on the reconciler too (its listing), even with reconciliation off.
    if (m_config.reconcileAfterS > 0 || m_config.receive != Config::Receive::Webhooks) {
        m_reconciler = new StatusReconciler(m_store, m_client, m_clock,
                                            StatusReconciler::optionsFor(m_config.reconcileAfterS),
                                            m_networkRoot);
        m_reconciler->setMetrics(&m_metrics);
        for (const auto &channel : std::as_const(m_channels)) {
            for (const PolledInbound &how : channel->polledInbound())
                m_reconciler->addPolledInbound(how);
        }
        // Queued to this (the service's) thread: the reconciler lives on the network thread.
        connect(m_reconciler, &StatusReconciler::passFinished, this,
                &SwitchboardService::reconciled);
        connect(m_reconciler, &StatusReconciler::sweepFinished, this,
                &SwitchboardService::sweepFinished);
        m_poller = new MessagePoller(m_reconciler, {}, m_networkRoot);
        connect(m_poller, &MessagePoller::polled, this,
                [this](int listed, int fixed, int arrived, int nextMs) {
                    Q_EMIT polled(m_clock(), listed, fixed, arrived, nextMs);
                });
        // Something sent is worth a poll soon: its statuses come next.
        // Looked at here, on the store object's thread, and at most every NudgeEveryMs: a
        // queued call per commit woke the network thread a thousand times a second under a
        // flood, for a poll that is seconds away.
        m_pollerNudges = connect(
            m_store, &Store::messagesChanged, this, [this](const QList<MessageRecord> &changed) {
                if (m_sinceNudge.isValid() && m_sinceNudge.elapsed() < NudgeEveryMs)
                    return;
                for (const MessageRecord &m : changed) {
                    if (m.direction == QLatin1String("outbound") &&
                        !MessageStatus::isFinal(m.status)) {
                        m_sinceNudge.start();
                        QMetaObject::invokeMethod(m_poller, &MessagePoller::nudge,
                                                  Qt::QueuedConnection);
                        return;
                    }
                }
            });
    }
    // Inbound media: downloaded in the background, on this thread like every other request.
    MediaFetcher::Options mediaOptions;
    if (const int retryMs = qEnvironmentVariableIntValue("SWITCHBOARD_MEDIA_RETRY_MS"); retryMs > 0)
        mediaOptions.firstRetryMs = retryMs;
    auto *mediaFetcher = new MediaFetcher(
        nam, m_store, {m_config.accountSid, m_config.authToken, m_config.twilioApiBase},
        m_config.dataDir, m_clock, mediaOptions, m_networkRoot);
    QList<NumberHook> hooks;
    for (const auto &channel : std::as_const(m_channels)) {
        for (const WebhookEndpoint &hook : channel->webhooks()) {
            if (!hook.numberSetting.isEmpty())
                hooks.append({hook.numberSetting, hook.path});
        }
    }
    m_wiring = new NumberWiring(m_store, m_client, hooks, m_networkRoot);
    m_wiring->setRequirePublicUrl(!m_config.sandbox);
    m_networkRoot->moveToThread(&m_networkThread);
    m_networkThread.start();
    QMetaObject::invokeMethod(mediaFetcher, &MediaFetcher::start);

    // Server thread: webhooks and the local API on one port. Core's parts first (the signature
    // guard for /twilio/, the API's token check), then each channel's routes.
    m_server = new HttpServer(QStringLiteral("http"));
    m_server->setMetrics(&m_metrics);
    m_server->setUnavailableWhen([store = m_store] { return !store->isReachable(); });
    m_webhookGuard = new TwilioWebhookGuard(m_server, m_server);
    m_webhookGuard->setAuthToken(m_config.authToken.toUtf8());
    LocalApiSettings api{m_config.apiToken,
                         m_config.sandbox ? QStringLiteral("sandbox") : QStringLiteral("live"),
                         m_sandboxUrl, m_config.accountSid, m_config.authToken};
    if (!m_config.sandbox)
        api.sandboxUrl = QUrl();
    api.ratePerSecond = m_config.apiRatePerSecond;
    api.burst = m_config.apiBurst;
    m_localApi = new LocalApi(m_server, m_store, api, m_server);
    // Every webhook as received; its row is written after the answer has gone out.
    WebhookInspector::Options inspection;
    inspection.authToken = m_config.authToken.toUtf8();
    inspection.publicBase = [guard = m_webhookGuard] {
        return guard->publicUrl();
    };
    inspection.maxBytes = m_config.inspectorMaxBytes;
    inspection.maxAgeDays = m_config.inspectorDays;
    inspection.clock = m_clock;
    inspection.metrics = &m_metrics;
    m_inspector = new WebhookInspector(m_server, m_store, inspection, m_server);
    new WebhookApi(m_server, m_inspector, m_server);
    // Behind the API token like the rest of the API (LocalApi's filter): the figures say how
    // busy the console is and which routes exist, nothing a stranger on the network needs.
    new MetricsEndpoint(m_server, m_store, &m_metrics, m_clock, m_server);
    // Public like the webhooks (Twilio fetches attachments without credentials): only a
    // share's unguessable token reaches its file.
    m_mediaShares = new MediaShares(m_store, m_config.dataDir + QStringLiteral("/outgoing-media"),
                                    m_clock, m_server);
    m_mediaShares->addRoutes(*m_server);
    new MediaApi(m_server, m_store, m_config.dataDir, m_server);
    new ScheduledApi(m_server, m_store, m_server);
    new MessageListApi(m_server, m_store, m_server);
    // The inbox's contact list for API clients (the console's Inbox tab has an engine of its
    // own). Only read here: it need not follow the change feed to announce contacts' changes.
    auto *contacts = new Inbox(m_store, m_channels, m_server);
    QObject::disconnect(m_store, nullptr, contacts, nullptr);
    new ContactApi(m_server, contacts, m_server);
    AccountApiContext account{m_store,
                              m_client,
                              m_wiring,
                              [guard = m_webhookGuard] { return guard->publicUrl(); },
                              m_config.whatsappNumber,
                              m_config.sandbox ? QStringLiteral("sandbox")
                                               : QStringLiteral("live")};
    account.messaging = m_messaging;
    new AccountApi(m_server, account, m_server);
    ChannelContext context{*m_server, m_server, m_store, m_outbox, m_config, m_clock, m_content};
    context.twilio = m_client;
    context.metrics = &m_metrics;
    // The guard lives on the server thread and learns the public URL before the port opens.
    context.publicBase = [guard = m_webhookGuard] {
        return guard->publicUrl();
    };
    for (const auto &channel : std::as_const(m_channels))
        channel->addRoutes(context);
    m_server->moveToThread(&m_serverThread);
    m_serverThread.start();
    if (!m_config.bindsPort()) {
        // A team's console: the receivers take the webhooks, and what they store reaches
        // this console through the shared database's change feed.
        qCInfo(lcService).noquote() << "team console: no port bound; webhooks go to the team's "
                                       "receivers at"
                                    << m_config.publicUrlText;
        return resumeOutbox();
    }

    // Bound but paused: the port number is known, nothing is served yet.
    QMetaObject::invokeMethod(m_server, [me = Receiver(this), this, server = m_server,
                                         address = m_config.bindAddress, port = m_config.port] {
        const quint16 bound = server->listenOn(address, port, true);
        const QString error = server->errorString();
        me.post([this, bound, error, address, port] {
            if (!bound)
                return fail(tr("Cannot listen on %1:%2 (SWITCHBOARD_BIND / SWITCHBOARD_PORT): %3")
                                .arg(address.toString())
                                .arg(port)
                                .arg(error));
            m_port = bound;
            resumeOutbox();
        });
    });
}

void SwitchboardService::resumeOutbox() {
    m_publicUrl = m_config.effectivePublicUrl(m_port);
    const QString base = m_config.publicBase(m_port);
    m_receiveMode = ReceiveMode::decide(m_config, m_publicUrl, m_port);
    qCInfo(lcService).noquote() << "receiving by" << m_receiveMode.name() << "-"
                                << m_receiveMode.reason;
    QMetaObject::invokeMethod(
        m_localApi, [api = m_localApi, name = m_receiveMode.name()] { api->setReceiveMode(name); });
    QMetaObject::invokeMethod(m_webhookGuard,
                              [guard = m_webhookGuard, base] { guard->setPublicUrl(base); });
    m_mediaShares->setPublicBase(base);
    if (m_receiveMode.polling())
        m_mediaShares->setUnreachable(m_receiveMode.reason);
    QMetaObject::invokeMethod(m_mediaShares, [shares = m_mediaShares] { shares->purgeExpired(); });
    QMetaObject::invokeMethod(m_inspector, [inspector = m_inspector] { inspector->prune(); });
    // A number wired "only while Switchboard runs" by a console that then crashed (or was
    // killed) points at a console that is gone: put it back now.
    QMetaObject::invokeMethod(m_wiring, [me = Receiver(this), wiring = m_wiring] {
        wiring->restoreTemporary(
            NumberWiring::Runs::Earlier, me, [](int restored, const QStringList &errors) {
                if (restored > 0)
                    qCInfo(lcAccount).noquote()
                        << "restored" << restored
                        << "number(s) wired only while the previous run was up";
                for (const QString &error : errors)
                    qCWarning(lcAccount).noquote() << "could not restore a number:" << error;
            });
    });
    if (m_sandbox) {
        // Each channel plugs its part into the sandbox, now that its webhooks' URL is known.
        QMetaObject::invokeMethod(m_sandbox, [sandbox = m_sandbox, channels = m_channels, base] {
            SandboxContext context(*sandbox, base);
            for (const auto &channel : channels)
                channel->addToSandbox(context);
        });
    }
    QMetaObject::invokeMethod(m_outbox, [me = Receiver(this), this, outbox = m_outbox, base,
                                         callbacks = !m_receiveMode.polling()] {
        outbox->setPublicBase(base);
        outbox->setStatusCallbacks(callbacks);
        outbox->resume(me, [this](int resumed, const QString &error) {
            if (resumed < 0)
                return fail(tr("Cannot read the outbox: %1").arg(error));
            openPort();
        });
    });
}

void SwitchboardService::openPort() {
    if (!m_config.bindsPort())
        return beginWork();
    QMetaObject::invokeMethod(m_server, [me = Receiver(this), this, server = m_server] {
        server->resumeAccepting();
        me.post([this] { beginWork(); });
    });
}

void SwitchboardService::beginWork() {
    // Once webhooks are taken: what the sweep stores and what they bring meet in the store,
    // which keeps each message and status once.
    if (m_reconciler && m_config.reconcileAfterS > 0)
        QMetaObject::invokeMethod(m_reconciler, &StatusReconciler::start);
    if (m_poller && m_receiveMode.polling())
        QMetaObject::invokeMethod(m_poller, &MessagePoller::start);
    Q_EMIT started();
}

void SwitchboardService::reconcileNow() {
    if (m_reconciler)
        QMetaObject::invokeMethod(m_reconciler, &StatusReconciler::reconcileNow);
}

void SwitchboardService::simulateInbound(const QString &channel, const QString &from,
                                         const QString &body, const QString &profileName,
                                         const QStringList &media) {
    if (!m_sandbox || !m_networkRoot)
        return;
    FormFields form{{QStringLiteral("Channel"), channel},
                    {QStringLiteral("From"), from},
                    {QStringLiteral("Body"), body}};
    if (!profileName.isEmpty())
        form.append({QStringLiteral("ProfileName"), profileName});
    if (const QStringList carried = media.isEmpty() ? m_simulatedMedia : media; !carried.isEmpty())
        form.append({QStringLiteral("Media"), carried.join(QLatin1Char(','))});
    QMetaObject::invokeMethod(m_networkRoot, [me = Receiver(this), this, form] {
        auto *nam = m_networkRoot->findChild<QNetworkAccessManager *>();
        RestRequest(nam, m_sandboxUrl)
            .path(QStringLiteral("/sandbox/inbound"))
            .basicAuth(m_config.accountSid, m_config.authToken)
            .form(form)
            .post(m_networkRoot, [me, this](const RestResponse &r) {
                if (r.ok())
                    return;
                qCWarning(lcSandbox) << "simulated inbound message failed: HTTP" << r.status;
                const QString reason = QString::fromUtf8(r.body);
                me.post([this, reason] { Q_EMIT simulationFailed(reason); });
            });
    });
}

void SwitchboardService::pressSandboxDigits(
    const QString &callSid, const QString &digits, Receiver receiver,
    std::function<void(int httpStatus, const QString &error)> done) {
    if (!m_sandbox || !m_networkRoot) {
        receiver.post([done] { done(0, tr("Not in sandbox mode.")); });
        return;
    }
    const QString path = QStringLiteral("/sandbox/calls/%1/digits")
                             .arg(QString::fromLatin1(QUrl::toPercentEncoding(callSid)));
    const FormFields form{{QStringLiteral("Digits"), digits}};
    QMetaObject::invokeMethod(m_networkRoot, [receiver, done, this, path, form] {
        auto *nam = m_networkRoot->findChild<QNetworkAccessManager *>();
        RestRequest(nam, m_sandboxUrl)
            .path(path)
            .basicAuth(m_config.accountSid, m_config.authToken)
            .form(form)
            .post(m_networkRoot, [receiver, done](const RestResponse &r) {
                const QString error = r.ok() ? QString() : QString::fromUtf8(r.body).left(500);
                if (!r.ok())
                    qCWarning(lcSandbox) << "sandbox keypad: HTTP" << r.status;
                receiver.post([done, status = r.status, error] { done(status, error); });
            });
    });
}

QList<QPair<QByteArray, QString>> SwitchboardService::routes() const {
    // Routes are all added before the server listens and never after: reading them from
    // another thread once started is safe.
    return m_server ? m_server->routes() : QList<QPair<QByteArray, QString>>();
}

} // namespace sb
