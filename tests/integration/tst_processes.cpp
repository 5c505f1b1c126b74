#include "TestSupport.h"

#include <QJsonArray>
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
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_PHONE_NUMBER",
                             "SWITCHBOARD_PUBLIC_URL"})
        env.remove(QString::fromLatin1(name));
    env.insert(QStringLiteral("SWITCHBOARD_DATA_DIR"), m_dir->filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("SWITCHBOARD_PORT"), QString::number(port));
    env.insert(QStringLiteral("SWITCHBOARD_API_TOKEN"), QStringLiteral("proc-token"));
    env.insert(QStringLiteral("SWITCHBOARD_SANDBOX_DELAY_MS"), QStringLiteral("20"));
    env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("switchboard.http.info=true"));
    if (!sandboxUrl.isEmpty()) {
        env.insert(QStringLiteral("TWILIO_ACCOUNT_SID"), m_sid);
        env.insert(QStringLiteral("TWILIO_AUTH_TOKEN"), m_token);
        env.insert(QStringLiteral("TWILIO_PHONE_NUMBER"), QStringLiteral("+15005550006"));
        env.insert(QStringLiteral("TWILIO_API_BASE_URL"), sandboxUrl);
    }
    if (!fault.isEmpty())
        env.insert(QStringLiteral("SWITCHBOARD_FAULT"), fault);
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
    const sbtest::Reply r = m_http.get(
        QUrl(m_sandboxUrl + QStringLiteral("/2010-04-01/Accounts/%1/Messages.json").arg(m_sid)),
        {{"Authorization", basic}});
    return r.json().value(QLatin1String("messages")).toArray();
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

QTEST_GUILESS_MAIN(TestProcesses)
#include "tst_processes.moc"
