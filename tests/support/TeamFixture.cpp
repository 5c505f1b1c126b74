#include "TeamFixture.h"

#include "PgTestServer.h"
#include "TestSupport.h"
#include "sandbox/Sandbox.h"

#include <QUrl>

namespace sbtest {

TeamFixture::TeamFixture() = default;
TeamFixture::~TeamFixture() = default;

QString TeamFixture::base(quint16 port) {
    return QStringLiteral("http://127.0.0.1:%1").arg(port);
}

QString TeamFixture::publicBase() const {
    return base(m_publicPort);
}

bool TeamFixture::setUp(const QString &databaseName, quint16 publicPort, int statusDelayMs,
                        QString *error) {
    m_databaseUrl = PgTestServer::createDatabase(databaseName, error);
    if (m_databaseUrl.isEmpty())
        return false;
    m_publicPort = publicPort;
    sb::SandboxOptions options;
    options.statusDelayMs = statusDelayMs;
    m_twilio = std::make_unique<sb::Sandbox>(options);
    addChannels(*m_twilio, publicBase());
    const quint16 port = m_twilio->listen(QHostAddress::LocalHost, 0);
    if (!port) {
        *error = QStringLiteral("the Twilio stand-in cannot listen");
        return false;
    }
    m_twilioBase = base(port);
    return true;
}

QProcessEnvironment TeamFixture::env() const {
    QProcessEnvironment env;
    env.insert(QStringLiteral("SWITCHBOARD_DATABASE_URL"), m_databaseUrl);
    env.insert(QStringLiteral("TWILIO_ACCOUNT_SID"), m_twilio->accountSid());
    env.insert(QStringLiteral("TWILIO_AUTH_TOKEN"), m_twilio->authToken());
    env.insert(QStringLiteral("TWILIO_PHONE_NUMBER"), QStringLiteral("+15005550006"));
    env.insert(QStringLiteral("TWILIO_API_BASE_URL"), m_twilioBase);
    env.insert(QStringLiteral("SWITCHBOARD_PUBLIC_URL"), publicBase());
    return env;
}

QProcessEnvironment TeamFixture::consoleEnv(const QString &dataDir, const QString &agent) const {
    QProcessEnvironment console = env();
    console.insert(QStringLiteral("SWITCHBOARD_DATA_DIR"), dataDir);
    console.insert(QStringLiteral("SWITCHBOARD_ROLE"), QStringLiteral("console"));
    if (!agent.isEmpty())
        console.insert(QStringLiteral("SWITCHBOARD_AGENT_NAME"), agent);
    return console;
}

bool TeamFixture::startReceiver(Child &child, const QString &dataDir, quint16 port,
                                const QString &apiToken, const QProcessEnvironment &extra) const {
    QProcessEnvironment receiver = childEnv(dataDir, port, apiToken);
    const QProcessEnvironment team = env();
    for (const QString &key : team.keys())
        receiver.insert(key, team.value(key));
    for (const QString &key : extra.keys())
        receiver.insert(key, extra.value(key));
    return child.start(binDir() + QStringLiteral("/switchboard"), {QStringLiteral("--headless")},
                       receiver) &&
           child.waitForHttp(QUrl(base(port) + QStringLiteral("/api/v1/twilio/health")));
}

} // namespace sbtest
