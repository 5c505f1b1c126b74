#include "PgTestServer.h"
#include "ServiceFixture.h"
#include "TeamFixture.h"
#include "TestSupport.h"
#include "db/Store.h"
#include "media/MediaShares.h"
#include "messaging/Records.h"
#include "outbox/Outbox.h"
#include "runtime/SwitchboardService.h"
#include "sandbox/Sandbox.h"
#include "sms/SmsRoutes.h"

#include <QHash>
#include <QJsonObject>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <optional>

using namespace sb;

// A team's console (SWITCHBOARD_ROLE=console) binds no port: a receiver (switchboard
// --headless, another process) takes Twilio's webhooks at the team's public URL, and what it
// commits reaches the console through the shared PostgreSQL's change feed. One Twilio for
// both: the sandbox, in this process, posting every webhook to the receiver.
class TestTeamConsole : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void aConsoleWithoutAPortSendsAndSeesWhatTheReceiverStores();
    void headlessRefusesTheConsoleRole();

private:
    QString receiverBase() const { return sbtest::TeamFixture::base(m_receiverPort); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<sbtest::TeamFixture> m_team;
    quint16 m_receiverPort = 0;
};

void TestTeamConsole::initTestCase() {
    SB_REQUIRE_POSTGRES();
}

void TestTeamConsole::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    m_receiverPort = sbtest::freePort();
    m_team = std::make_unique<sbtest::TeamFixture>();
    QString error;
    QVERIFY2(m_team->setUp(QStringLiteral("team"), m_receiverPort, 50, &error), qPrintable(error));
}

void TestTeamConsole::cleanup() {
    m_team.reset();
    m_dir.reset();
}

void TestTeamConsole::aConsoleWithoutAPortSendsAndSeesWhatTheReceiverStores() {
    const QProcessEnvironment team = m_team->env();
    sbtest::Child receiver;
    QVERIFY(m_team->startReceiver(receiver, m_dir->filePath(QStringLiteral("receiver")),
                                  m_receiverPort, QStringLiteral("team-token")));
    const QString api = receiverBase() + QStringLiteral("/api/v1/twilio/");

    // The console, given a port it must leave alone.
    const quint16 consolePort = sbtest::freePort();
    QProcessEnvironment consoleEnv = team;
    consoleEnv.insert(QStringLiteral("SWITCHBOARD_ROLE"), QStringLiteral("console"));
    consoleEnv.insert(QStringLiteral("SWITCHBOARD_PORT"), QString::number(consolePort));
    QString error;
    auto console = sbtest::startService(m_dir->filePath(QStringLiteral("console")),
                                        QStringLiteral("console-token"), consoleEnv, {}, &error);
    QVERIFY2(console, qPrintable(error));
    QCOMPARE(console->port(), quint16(0));
    QVERIFY(!console->receiveMode().polling());
    {
        QTcpServer probe;
        QVERIFY2(probe.listen(QHostAddress::LocalHost, consolePort), "the console bound a port");
    }

    // What the console's store announces: its change feed, which the receiver's commits feed.
    QHash<QString, QStringList> statuses;
    QStringList arrived;
    QObject ctx;
    connect(console->store(), &Store::messagesChanged, &ctx,
            [&statuses](const QList<MessageRecord> &changed) {
                for (const MessageRecord &m : changed) {
                    if (!m.sid.isEmpty() && statuses.value(m.sid).value(0) != m.status)
                        statuses[m.sid].prepend(m.status);
                }
            });
    connect(console->store(), &Store::messagesArrived, &ctx,
            [&arrived](const QList<MessageRecord> &messages) {
                for (const MessageRecord &m : messages)
                    arrived << m.body;
            });

    // Sent from the console: through its outbox, with the status callback at the receiver.
    OutboundDraft draft;
    draft.from = QStringLiteral("+15005550006");
    draft.to = QStringLiteral("+14155550100");
    draft.body = QStringLiteral("Sent from a console without a port");
    draft.clientRef = QStringLiteral("team-console-1");
    draft.statusCallback = SmsRoutes::status(); // as the SMS tab sends
    std::optional<SendOutcome> outcome;
    Outbox *outbox = console->outbox();
    const Receiver back(&ctx);
    QMetaObject::invokeMethod(outbox, [outbox, draft, back, &outcome] {
        outbox->send(draft, back, [&outcome](const SendOutcome &o) { outcome = o; });
    });
    QTRY_VERIFY_WITH_TIMEOUT(outcome.has_value(), 10000);
    QCOMPARE(OutboxEntry::stateName(outcome->entry.state), QStringLiteral("accepted"));
    const QString sid = outcome->entry.message.sid;
    QVERIFY(sid.startsWith(QLatin1String("SM")));
    // Twilio's callbacks went to the receiver (the console has no port to take them); the
    // console sees each status as it commits.
    if (!QTest::qWaitFor([&] { return statuses.value(sid).value(0) == QLatin1String("delivered"); },
                         15000))
        QFAIL(qPrintable(QStringLiteral("not delivered (%1); the receiver said:\n%2")
                             .arg(statuses.value(sid).join(QLatin1Char(' ')),
                                  QString::fromUtf8(receiver.output()))));
    QVERIFY2(statuses.value(sid).contains(QStringLiteral("sent")),
             qPrintable(statuses.value(sid).join(QLatin1Char(' '))));
    // The receiver answers for a message it did not send.
    sbtest::Http http;
    const sbtest::Reply status = http.get(QUrl(api + QStringLiteral("sms-status/") + sid),
                                          {{"Authorization", "Bearer team-token"}});
    QCOMPARE(status.status, 200);
    QCOMPARE(status.json().value(QLatin1String("status")).toString(), QStringLiteral("delivered"));

    // A customer writes: Twilio posts to the receiver, and the console shows it.
    const sbtest::Reply inbound =
        http.postForm(QUrl(m_team->twilioBase() + QStringLiteral("/sandbox/inbound")),
                      {{QStringLiteral("Channel"), QStringLiteral("sms")},
                       {QStringLiteral("From"), QStringLiteral("+14155550123")},
                       {QStringLiteral("Body"), QStringLiteral("Is my order on its way?")}},
                      {{"Authorization", sbtest::sandboxBasicAuth(m_team->twilio())}});
    QVERIFY2(inbound.status / 100 == 2, inbound.body.constData());
    QTRY_VERIFY_WITH_TIMEOUT(arrived.contains(QStringLiteral("Is my order on its way?")), 10000);

    // An attachment from the console: its URL is the receivers', and a receiver serves it
    // from the database (the console's own folder is out of its reach).
    const QByteArray picture = QByteArray("\x89PNG\r\n\x1a\n", 8) + QByteArray(2000, 'p');
    std::optional<StoreResult<MediaShare>> shared;
    console->mediaShares()->shareData(picture, QStringLiteral("parcel.png"), &ctx,
                                      [&shared](const StoreResult<MediaShare> &r) { shared = r; });
    QTRY_VERIFY_WITH_TIMEOUT(shared.has_value(), 10000);
    QVERIFY2(shared->ok(), qPrintable(shared->error));
    QVERIFY2(shared->value.url.startsWith(receiverBase() + QStringLiteral("/media/")),
             qPrintable(shared->value.url));
    const sbtest::Reply fetched = http.get(QUrl(shared->value.url));
    QCOMPARE(fetched.status, 200);
    QCOMPARE(fetched.body, picture);
    QCOMPARE(fetched.header("Content-Type"), QByteArray("image/png"));
    QCOMPARE(
        http.get(QUrl(receiverBase() + MediaShares::pathFor(QString(32, QLatin1Char('A'))))).status,
        404);

    console.reset();
    ::kill(receiver.process().processId(), SIGTERM);
    QCOMPARE(receiver.waitForExit(), 0);
}

void TestTeamConsole::headlessRefusesTheConsoleRole() {
    QProcessEnvironment env = sbtest::childEnv(m_dir->filePath(QStringLiteral("data")),
                                               sbtest::freePort(), QStringLiteral("token"));
    const QProcessEnvironment team = m_team->env();
    for (const QString &key : team.keys())
        env.insert(key, team.value(key));
    env.insert(QStringLiteral("SWITCHBOARD_ROLE"), QStringLiteral("console"));
    sbtest::Child headless;
    QVERIFY(headless.start(sbtest::binDir() + QStringLiteral("/switchboard"),
                           {QStringLiteral("--headless")}, env));
    QCOMPARE(headless.waitForExit(), 2);
    QVERIFY2(headless.output().contains("--headless runs a receiver"),
             headless.output().constData());
}

QTEST_GUILESS_MAIN(TestTeamConsole)
#include "tst_teamconsole.moc"
