#include "TestSupport.h"
#include "email/EmailRoutes.h"
#include "runtime/BuiltInChannels.h"
#include "runtime/SwitchboardService.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>

using namespace sb;

// A live send whose SendGrid never answers: "SendGrid" is a loopback server that accepts the
// connection, reads the request and stays silent. With the client's timeout shortened, the
// email ends `unknown`, is never sent a second time, and tells the agent to check SendGrid's
// Activity feed. The service here has no default sender, so `from` is required.
class TestEmailTimeout : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void withoutDefaultSenderFromIsRequired();
    void silentSendGridEndsUnknownAndIsNotResent();

private:
    QUrl api(const QString &path) const;

    QTemporaryDir m_dir;
    QTcpServer m_silent;
    QList<QTcpSocket *> m_connections;
    QByteArray m_received;
    std::unique_ptr<SwitchboardService> m_service;
    sbtest::Http m_http;
    const QByteArray m_auth = "Bearer timeout-token";
};

void TestEmailTimeout::initTestCase() {
    connect(&m_silent, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_silent.nextPendingConnection()) {
            m_connections.append(socket);
            connect(socket, &QTcpSocket::readyRead, this,
                    [this, socket] { m_received += socket->readAll(); });
        }
    });
    QVERIFY(m_silent.listen(QHostAddress::LocalHost, 0));

    QProcessEnvironment env;
    env.insert(QStringLiteral("SWITCHBOARD_DATA_DIR"), m_dir.path());
    env.insert(QStringLiteral("SWITCHBOARD_PORT"), QStringLiteral("0"));
    env.insert(QStringLiteral("SWITCHBOARD_API_TOKEN"), QStringLiteral("timeout-token"));
    env.insert(QStringLiteral("SENDGRID_API_KEY"), QStringLiteral("SG.silent-test-key"));
    env.insert(QStringLiteral("SENDGRID_API_BASE_URL"),
               QStringLiteral("http://127.0.0.1:%1").arg(m_silent.serverPort()));
    QString error;
    auto config = ConfigLoader::load(env, QString(), &error);
    QVERIFY2(config, qPrintable(error));
    QVERIFY(config->sendgridFromEmail.isEmpty()); // a SendGrid key: no sandbox default
    config->sendgridTimeout = std::chrono::milliseconds(400);
    m_service = std::make_unique<SwitchboardService>(*config, builtInChannels());
    QSignalSpy started(m_service.get(), &SwitchboardService::started);
    m_service->start();
    QVERIFY(started.wait(10000));
}

void TestEmailTimeout::cleanupTestCase() {
    m_service.reset();
    qDeleteAll(m_connections);
}

QUrl TestEmailTimeout::api(const QString &path) const {
    return QUrl(
        QStringLiteral("http://127.0.0.1:%1/api/v1/twilio/%2").arg(m_service->port()).arg(path));
}

void TestEmailTimeout::withoutDefaultSenderFromIsRequired() {
    const sbtest::Reply r = m_http.postJson(
        api(EmailRoutes::send()), {{"to", "ana@example.com"}, {"subject", "Hello"}, {"text", "Hi"}},
        {{"Authorization", m_auth}});
    QCOMPARE(r.status, 400);
    const QJsonObject error = r.json().value(QLatin1String("error")).toObject();
    QCOMPARE(error.value(QLatin1String("field")).toString(), QStringLiteral("from"));
    QVERIFY2(error.value(QLatin1String("message"))
                 .toString()
                 .contains(QLatin1String("SENDGRID_FROM_EMAIL")),
             r.body.constData());
    QVERIFY(m_received.isEmpty());
}

void TestEmailTimeout::silentSendGridEndsUnknownAndIsNotResent() {
    QElapsedTimer timer;
    timer.start();
    const sbtest::Reply sent = m_http.postJson(api(EmailRoutes::send()),
                                               {{"to", "ana@example.com"},
                                                {"from", "support@example.com"},
                                                {"subject", "Hello"},
                                                {"text", "Hi"}},
                                               {{"Authorization", m_auth}});
    QVERIFY2(sent.status == 504, sent.body.constData());
    QVERIFY2(timer.elapsed() < 10000, "the injected timeout, not the default 30 s");
    const QJsonObject answer = sent.json().value(QLatin1String("error")).toObject();
    QCOMPARE(answer.value(QLatin1String("status")).toInt(), 504);
    QCOMPARE(answer.value(QLatin1String("sent")), QJsonValue(QJsonValue::Null));
    const QString id = answer.value(QLatin1String("id")).toString();
    QVERIFY(id.startsWith(QLatin1String("EM")));
    QCOMPARE(m_received.count("POST /v3/mail/send"), 1);

    const QJsonObject status =
        m_http.get(api(QStringLiteral("email-status/") + id), {{"Authorization", m_auth}}).json();
    QCOMPARE(status.value(QLatin1String("status")).toString(), QStringLiteral("unknown"));
    QVERIFY2(
        status.value(QLatin1String("error")).toString().contains(QLatin1String("Activity feed")),
        qPrintable(status.value(QLatin1String("error")).toString()));

    // Many timeouts later it has still not been sent again.
    QTest::qWait(2000);
    QCOMPARE(m_received.count("POST /v3/mail/send"), 1);
    QCOMPARE(m_http.get(api(QStringLiteral("email-status/") + id), {{"Authorization", m_auth}})
                 .json()
                 .value(QLatin1String("status"))
                 .toString(),
             QStringLiteral("unknown"));
}

QTEST_GUILESS_MAIN(TestEmailTimeout)
#include "tst_email_timeout.moc"
