#include "SwitchboardService.h"

#include "api/LocalApi.h"
#include "common/Logging.h"
#include "http/HttpServer.h"
#include "http/RestRequest.h"
#include "outbox/Outbox.h"
#include "sandbox/Sandbox.h"
#include "db/Store.h"
#include "providers/twilio/TwilioClient.h"
#include "webhooks/TwilioWebhooks.h"

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

SwitchboardService::SwitchboardService(Config config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config)) {
    m_serverThread.setObjectName(QStringLiteral("server"));
    m_networkThread.setObjectName(QStringLiteral("network"));
    m_sandboxThread.setObjectName(QStringLiteral("sandbox"));
    m_store = new Store(m_config.databasePath());
}

SwitchboardService::~SwitchboardService() {
    // Stop taking requests first, then stop sending, then the sandbox; the store last, so
    // everything queued is committed.
    retire(m_server, m_serverThread);
    retire(m_networkRoot, m_networkThread);
    retire(m_sandbox, m_sandboxThread);
    delete m_store;
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

void SwitchboardService::startSandbox() {
    SandboxOptions options;
    options.numbers = {m_config.phoneNumber};
    const int delay = qEnvironmentVariableIntValue("SWITCHBOARD_SANDBOX_DELAY_MS");
    if (delay > 0)
        options.statusDelayMs = delay;
    m_sandbox = new Sandbox(options);
    m_sandbox->moveToThread(&m_sandboxThread);
    m_sandboxThread.start();
    m_config.accountSid = m_sandbox->accountSid();
    m_config.authToken = m_sandbox->authToken();
    QMetaObject::invokeMethod(m_sandbox, [me = Receiver(this), this, sandbox = m_sandbox] {
        const quint16 port = sandbox->listen(QHostAddress::LocalHost, 0);
        const QString error = sandbox->errorString();
        me.post([this, port, error] {
            if (!port)
                return fail(tr("Cannot start the sandbox: %1").arg(error));
            m_sandboxUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
            m_config.twilioApiBase = m_sandboxUrl;
            startServer();
        });
    });
}

void SwitchboardService::startServer() {
    // Network thread: the Twilio client and the outbox.
    m_networkRoot = new QObject;
    auto *nam = new QNetworkAccessManager(m_networkRoot);
    m_client = new TwilioClient(
        nam, {m_config.accountSid, m_config.authToken, m_config.twilioApiBase}, m_networkRoot);
    m_outbox = new Outbox(m_store, m_client, m_networkRoot);
    m_outbox->setFault(Outbox::faultFromName(qEnvironmentVariable("SWITCHBOARD_FAULT")));
    m_networkRoot->moveToThread(&m_networkThread);
    m_networkThread.start();

    // Server thread: webhooks and the local API on one port.
    m_server = new HttpServer(QStringLiteral("http"));
    m_webhooks = new TwilioWebhooks(m_server, m_store, m_server);
    m_webhooks->setAuthToken(m_config.authToken.toUtf8());
    m_api = new LocalApi(m_server, m_store, m_outbox,
                         {m_config.apiToken, m_config.phoneNumber,
                          m_config.sandbox ? QStringLiteral("sandbox") : QStringLiteral("live")},
                         m_server);
    m_server->moveToThread(&m_serverThread);
    m_serverThread.start();

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
    QMetaObject::invokeMethod(m_webhooks,
                              [webhooks = m_webhooks, base] { webhooks->setPublicUrl(base); });
    if (m_sandbox) {
        const QString smsUrl = base + QStringLiteral("/twilio/incoming-sms");
        QMetaObject::invokeMethod(m_sandbox,
                                  [sandbox = m_sandbox, smsUrl] { sandbox->setSmsUrl(smsUrl); });
    }
    const QString statusCallback = base + QStringLiteral("/twilio/sms-status");
    QMetaObject::invokeMethod(m_outbox,
                              [me = Receiver(this), this, outbox = m_outbox, statusCallback] {
                                  outbox->setStatusCallbackUrl(statusCallback);
                                  outbox->resume(me, [this](int resumed, const QString &error) {
                                      if (resumed < 0)
                                          return fail(tr("Cannot read the outbox: %1").arg(error));
                                      openPort();
                                  });
                              });
}

void SwitchboardService::openPort() {
    QMetaObject::invokeMethod(m_server, [me = Receiver(this), this, server = m_server] {
        server->resumeAccepting();
        me.post([this] { Q_EMIT started(); });
    });
}

void SwitchboardService::simulateInboundSms(const QString &from, const QString &body) {
    if (!m_sandbox || !m_networkRoot)
        return;
    QMetaObject::invokeMethod(m_networkRoot, [me = Receiver(this), this, from, body] {
        auto *nam = m_networkRoot->findChild<QNetworkAccessManager *>();
        RestRequest(nam, m_sandboxUrl)
            .path(QStringLiteral("/sandbox/inbound"))
            .basicAuth(m_config.accountSid, m_config.authToken)
            .form({{QStringLiteral("From"), from},
                   {QStringLiteral("To"), m_config.phoneNumber},
                   {QStringLiteral("Body"), body}})
            .post(m_networkRoot, [me, this](const RestResponse &r) {
                if (r.ok())
                    return;
                qCWarning(lcSandbox) << "simulated inbound SMS failed: HTTP" << r.status;
                const QString reason = QString::fromUtf8(r.body);
                me.post([this, reason] { Q_EMIT simulationFailed(reason); });
            });
    });
}

} // namespace sb
