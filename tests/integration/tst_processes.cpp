#include "Await.h"
#include "PgTestServer.h"
#include "TestSupport.h"
#include "db/Store.h"
#include "sms/SmsChannel.h"
#include "sms/SmsRoutes.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>

// The built executables as a user runs them: switchboard --headless and switchboard-sandbox
// as separate processes, including a crash in the middle of a send.
class TestProcesses : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void headlessRunsAndStopsCleanlyOnSigterm();
    void configurationErrorIsOneClearLine();
    void crashBetweenStoreAndSendSendsExactlyOnce();
    void crashAfterTwilioAcceptedIsReconciledNotResent();
    void sendsRacingStartUpAreSentOnceWithTheirCallback();

private:
    QProcessEnvironment switchboardEnv(quint16 port, const QString &sandboxUrl,
                                       const QString &fault = {}) const;
    bool startSandbox();
    QJsonArray sandboxMessages();
    sbtest::Reply sendSms(quint16 port, const QString &body);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<sbtest::Child> m_sandbox;
    QString m_sandboxUrl;
    sbtest::Http m_http;
    const QString m_sid = QStringLiteral("AC00000000000000000000000000000001");
    const QString m_token = QStringLiteral("sandbox-auth-token-for-tests");
};

void TestProcesses::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    m_sandbox.reset();
}

QProcessEnvironment TestProcesses::switchboardEnv(quint16 port, const QString &sandboxUrl,
                                                  const QString &fault) const {
    QProcessEnvironment env = sbtest::childEnv(m_dir->filePath(QStringLiteral("data")), port,
                                               QStringLiteral("proc-token"), fault);
    env.insert(QStringLiteral("SWITCHBOARD_SANDBOX_DELAY_MS"), QStringLiteral("20"));
    env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("switchboard.http.info=true"));
    if (!sandboxUrl.isEmpty()) {
        env.insert(QStringLiteral("TWILIO_ACCOUNT_SID"), m_sid);
        env.insert(QStringLiteral("TWILIO_AUTH_TOKEN"), m_token);
        env.insert(QStringLiteral("TWILIO_PHONE_NUMBER"), QStringLiteral("+15005550006"));
        env.insert(QStringLiteral("TWILIO_API_BASE_URL"), sandboxUrl);
    }
    return env;
}

bool TestProcesses::startSandbox() {
    m_sandbox = std::make_unique<sbtest::Child>();
    if (!m_sandbox->start(sbtest::binDir() + QStringLiteral("/switchboard-sandbox"),
                          {QStringLiteral("--account-sid"), m_sid, QStringLiteral("--auth-token"),
                           m_token, QStringLiteral("--delay-ms"), QStringLiteral("20")}))
        return false;
    QByteArray line;
    if (!m_sandbox->waitForLine("SANDBOX_URL=", &line))
        return false;
    m_sandboxUrl = QString::fromLatin1(line.mid(12));
    return true;
}

QJsonArray TestProcesses::sandboxMessages() {
    const QByteArray basic = "Basic " + (m_sid + QLatin1Char(':') + m_token).toUtf8().toBase64();
    QJsonArray all;
    QString next = QStringLiteral("/2010-04-01/Accounts/%1/Messages.json?PageSize=1000").arg(m_sid);
    while (!next.isEmpty()) {
        const QJsonObject page =
            m_http.get(QUrl(m_sandboxUrl + next), {{"Authorization", basic}}).json();
        for (const QJsonValue v : page.value(QLatin1String("messages")).toArray())
            all.append(v);
        next = page.value(QLatin1String("next_page_uri")).toString();
    }
    return all;
}

sbtest::Reply TestProcesses::sendSms(quint16 port, const QString &body) {
    return m_http.postJson(
        QUrl(QStringLiteral("http://127.0.0.1:%1/api/v1/twilio/send-sms").arg(port)),
        {{QStringLiteral("to"), QStringLiteral("+14155550100")}, {QStringLiteral("body"), body}},
        {{"Authorization", "Bearer proc-token"}});
}

void TestProcesses::headlessRunsAndStopsCleanlyOnSigterm() {
    const quint16 port = sbtest::freePort();
    sbtest::Child app;
    QVERIFY(app.start(sbtest::binDir() + QStringLiteral("/switchboard"),
                      {QStringLiteral("--headless")}, switchboardEnv(port, {})));
    QVERIFY(app.waitForHttp(
        QUrl(QStringLiteral("http://127.0.0.1:%1/api/v1/twilio/health").arg(port))));
    const sbtest::Reply sent = sendSms(port, QStringLiteral("from a process"));
    QCOMPARE(sent.status, 201);
    ::kill(app.process().processId(), SIGTERM);
    QCOMPARE(app.waitForExit(), 0);
    const QByteArray log = app.output();
    QVERIFY2(log.contains("SANDBOX MODE"), log.constData());
    QVERIFY(log.contains("POST /api/v1/twilio/send-sms 201"));
    QVERIFY(log.contains("shutting down"));
    QVERIFY(!log.contains("proc-token")); // secrets never in logs
}

void TestProcesses::configurationErrorIsOneClearLine() {
    QProcessEnvironment env = switchboardEnv(0, {});
    env.insert(QStringLiteral("SWITCHBOARD_PORT"), QStringLiteral("eighty"));
    sbtest::Child app;
    QVERIFY(app.start(sbtest::binDir() + QStringLiteral("/switchboard"),
                      {QStringLiteral("--headless")}, env));
    QCOMPARE(app.waitForExit(), 2);
    const QByteArray out = app.output().trimmed();
    QVERIFY2(out.contains("SWITCHBOARD_PORT: 'eighty' is not a port number"), out.constData());
    QCOMPARE(out.count('\n'), 0);
}

void TestProcesses::crashBetweenStoreAndSendSendsExactlyOnce() {
    QVERIFY(startSandbox());
    const quint16 port = sbtest::freePort();
    {
        sbtest::Child crashing;
        QVERIFY(crashing.start(
            sbtest::binDir() + QStringLiteral("/switchboard"), {QStringLiteral("--headless")},
            switchboardEnv(port, m_sandboxUrl, QStringLiteral("crash-after-persist"))));
        QVERIFY(crashing.waitForHttp(
            QUrl(QStringLiteral("http://127.0.0.1:%1/api/v1/twilio/health").arg(port))));
        const sbtest::Reply r = sendSms(port, QStringLiteral("survives a crash"));
        QCOMPARE(r.status, 0); // the process died mid-request
        QCOMPARE(crashing.waitForExit(), 86);
    }
    QCOMPARE(sandboxMessages().size(), 0); // stored, never sent

    for (int run = 0; run < 2; ++run) { // resumes once; a second restart sends nothing more
        sbtest::Child restarted;
        QVERIFY(restarted.start(sbtest::binDir() + QStringLiteral("/switchboard"),
                                {QStringLiteral("--headless")},
                                switchboardEnv(port, m_sandboxUrl)));
        QVERIFY(restarted.waitForHttp(
            QUrl(QStringLiteral("http://127.0.0.1:%1/api/v1/twilio/health").arg(port))));
        QTRY_COMPARE(sandboxMessages().size(), 1);
        const QString sid =
            sandboxMessages().at(0).toObject().value(QLatin1String("sid")).toString();
        QTRY_COMPARE(m_http
                         .get(QUrl(QStringLiteral("http://127.0.0.1:%1/api/v1/twilio/sms-status/%2")
                                       .arg(port)
                                       .arg(sid)),
                              {{"Authorization", "Bearer proc-token"}})
                         .json()
                         .value(QLatin1String("status"))
                         .toString(),
                     QStringLiteral("delivered"));
        QTest::qWait(300);
        QCOMPARE(sandboxMessages().size(), 1);
        ::kill(restarted.process().processId(), SIGTERM);
        QCOMPARE(restarted.waitForExit(), 0);
    }
}

void TestProcesses::crashAfterTwilioAcceptedIsReconciledNotResent() {
    QVERIFY(startSandbox());
    const quint16 port = sbtest::freePort();
    {
        sbtest::Child crashing;
        QVERIFY(crashing.start(
            sbtest::binDir() + QStringLiteral("/switchboard"), {QStringLiteral("--headless")},
            switchboardEnv(port, m_sandboxUrl, QStringLiteral("crash-after-post"))));
        QVERIFY(crashing.waitForHttp(
            QUrl(QStringLiteral("http://127.0.0.1:%1/api/v1/twilio/health").arg(port))));
        sendSms(port, QStringLiteral("accepted, then we crashed"));
        QCOMPARE(crashing.waitForExit(), 86);
    }
    QCOMPARE(sandboxMessages().size(), 1); // Twilio has it; our record says only "submitted"
    const QString sid = sandboxMessages().at(0).toObject().value(QLatin1String("sid")).toString();

    sbtest::Child restarted;
    QVERIFY(restarted.start(sbtest::binDir() + QStringLiteral("/switchboard"),
                            {QStringLiteral("--headless")}, switchboardEnv(port, m_sandboxUrl)));
    QVERIFY(restarted.waitForHttp(
        QUrl(QStringLiteral("http://127.0.0.1:%1/api/v1/twilio/health").arg(port))));
    // Reconciled: our record gets Twilio's SID, and nothing is sent again.
    QTRY_COMPARE(m_http
                     .get(QUrl(QStringLiteral("http://127.0.0.1:%1/api/v1/twilio/sms-status/%2")
                                   .arg(port)
                                   .arg(sid)),
                          {{"Authorization", "Bearer proc-token"}})
                     .status,
                 200);
    QTest::qWait(300);
    QCOMPARE(sandboxMessages().size(), 1);
    ::kill(restarted.process().processId(), SIGTERM);
    QCOMPARE(restarted.waitForExit(), 0);
    QVERIFY(restarted.output().contains("was already accepted as"));
}

namespace {

// Fires sends at a port from the moment it is asked to, retrying each one while the port
// refuses connections (the process is still starting), with its own Idempotency-Key so a
// retry can never become a second message.
class StartUpRacer : public QObject {
public:
    StartUpRacer(quint16 port, QStringList bodies)
        : m_port(port)
        , m_bodies(std::move(bodies)) {}

    void fire() {
        for (const QString &body : std::as_const(m_bodies))
            send(body);
    }
    bool done() const { return m_status.size() == m_bodies.size(); }
    QHash<QString, int> status() const { return m_status; }

private:
    void send(const QString &body) {
        QNetworkRequest request(
            QUrl(QStringLiteral("http://127.0.0.1:%1/api/v1/twilio/send-sms").arg(m_port)));
        request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
        request.setRawHeader("Authorization", "Bearer proc-token");
        request.setRawHeader("Idempotency-Key", body.toUtf8());
        request.setTransferTimeout(20000);
        const QByteArray json = QJsonDocument(QJsonObject{{"to", "+14155550100"}, {"body", body}})
                                    .toJson(QJsonDocument::Compact);
        QNetworkReply *reply = m_nam.post(request, json);
        connect(reply, &QNetworkReply::finished, this, [this, reply, body] {
            reply->deleteLater();
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (status == 0 && reply->error() == QNetworkReply::ConnectionRefusedError) {
                QTimer::singleShot(2, this, [this, body] { send(body); });
                return;
            }
            m_status.insert(body, status);
        });
    }

    quint16 m_port;
    QStringList m_bodies;
    QNetworkAccessManager m_nam;
    QHash<QString, int> m_status;
};

} // namespace

void TestProcesses::sendsRacingStartUpAreSentOnceWithTheirCallback() {
    QVERIFY(startSandbox());
    const quint16 port = sbtest::freePort();
    // Work an earlier run left: two entries never sent, one marked submitted before a crash.
    QStringList bodies;
    {
        sb::Store store(m_dir->filePath(QStringLiteral("data/switchboard.sqlite")),
                        sbtest::PgTestServer::sharedDatabaseFor(
                            m_dir->filePath(QStringLiteral("data/switchboard.sqlite"))));
        QObject ctx;
        QVERIFY(
            sbtest::await<sb::StoreResult<bool>>([&](auto done) { store.open(&ctx, done); })->ok());
        for (int i = 0; i < 3; ++i) {
            sb::OutboundDraft draft;
            draft.to = QStringLiteral("+14155550100");
            draft.from = QStringLiteral("+15005550006");
            draft.body = QStringLiteral("left over %1").arg(i);
            draft.channel = sb::SmsChannel::Id;
            draft.statusCallback = sb::SmsRoutes::status(); // as the SMS channel stores it
            const auto created = sbtest::await<sb::StoreResult<sb::OutboxEntry>>(
                [&](auto done) { store.createOutbound(draft, &ctx, done); });
            QVERIFY(created && created->ok());
            bodies.append(draft.body);
            if (i == 2)
                sbtest::await<sb::StoreResult<sb::OutboxEntry>>(
                    [&](auto done) { store.markSubmitted(created->value.id, &ctx, done); });
        }
    }

    // Restarts, each with sends fired from before the port opens; the process is killed as
    // soon as they are answered, so resumed work is often still in flight.
    // A longer run by hand: SB_RACE_ROUNDS=40 SB_RACE_SENDS=25 (1,000 sends over 41 starts).
    const int Rounds = qEnvironmentVariableIntValue("SB_RACE_ROUNDS") > 0
                           ? qEnvironmentVariableIntValue("SB_RACE_ROUNDS")
                           : 4;
    const int SendsPerRound = qEnvironmentVariableIntValue("SB_RACE_SENDS") > 0
                                  ? qEnvironmentVariableIntValue("SB_RACE_SENDS")
                                  : 15;
    QHash<QString, int> answered;
    for (int round = 0; round <= Rounds; ++round) {
        QStringList fresh;
        for (int i = 0; i < SendsPerRound; ++i)
            fresh.append(QStringLiteral("round %1 send %2").arg(round).arg(i));
        bodies += fresh;
        StartUpRacer racer(port, fresh);
        racer.fire(); // before the process even starts: every send is refused until it is up
        sbtest::Child app;
        QVERIFY(app.start(sbtest::binDir() + QStringLiteral("/switchboard"),
                          {QStringLiteral("--headless")}, switchboardEnv(port, m_sandboxUrl)));
        QTRY_VERIFY_WITH_TIMEOUT(racer.done(), 30000);
        for (auto it = racer.status().cbegin(); it != racer.status().cend(); ++it)
            answered.insert(it.key(), it.value());
        if (round < Rounds) {
            ::kill(app.process().processId(), SIGKILL);
            app.waitForExit();
            continue;
        }
        // The last run is left alone until everything has settled.
        QVERIFY(app.waitForHttp(
            QUrl(QStringLiteral("http://127.0.0.1:%1/api/v1/twilio/health").arg(port))));
        QTRY_COMPARE_WITH_TIMEOUT(sandboxMessages().size(), bodies.size(), 20000);
        QTest::qWait(300);

        QHash<QString, int> copies;
        for (const QJsonValue v : sandboxMessages())
            ++copies[v.toObject().value(QLatin1String("body")).toString()];
        for (const QString &body : std::as_const(bodies))
            QVERIFY2(copies.value(body) == 1,
                     qPrintable(QStringLiteral("'%1' reached the sandbox %2 times")
                                    .arg(body)
                                    .arg(copies.value(body))));
        // Every copy was sent with this console's StatusCallback (callbacks for those sent
        // just before a kill found nobody listening, as they would with Twilio).
        const QString callback = QStringLiteral("http://localhost:%1/twilio/sms-status").arg(port);
        for (const QJsonValue v : sandboxMessages())
            QCOMPARE(v.toObject().value(QLatin1String("status_callback")).toString(), callback);
        // Those of the last run, left alone, went all the way through.
        for (const QJsonValue v : sandboxMessages()) {
            if (!fresh.contains(v.toObject().value(QLatin1String("body")).toString()))
                continue;
            const QString sid = v.toObject().value(QLatin1String("sid")).toString();
            QTRY_COMPARE_WITH_TIMEOUT(
                m_http
                    .get(QUrl(QStringLiteral("http://127.0.0.1:%1/api/v1/twilio/sms-status/%2")
                                  .arg(port)
                                  .arg(sid)),
                         {{"Authorization", "Bearer proc-token"}})
                    .json()
                    .value(QLatin1String("status"))
                    .toString(),
                QStringLiteral("delivered"), 10000);
        }
        ::kill(app.process().processId(), SIGTERM);
        QCOMPARE(app.waitForExit(), 0);
    }
    for (auto it = answered.cbegin(); it != answered.cend(); ++it)
        QVERIFY2(it.value() == 201,
                 qPrintable(it.key() + QStringLiteral(": HTTP ") + QString::number(it.value())));
}

QTEST_GUILESS_MAIN(TestProcesses)
#include "tst_processes.moc"
