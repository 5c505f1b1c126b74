#include "TestSupport.h"
#include "providers/twilio/SignatureValidator.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>

// What a user troubleshooting does first, QT_LOGGING_RULES="*.debug=true", must not put a
// secret in the log: switchboard --headless in live mode against switchboard-sandbox, both
// real processes, with authenticated local-API calls, signed status callbacks and inbound
// messages from the sandbox, and a signed webhook of our own; then neither process's output
// holds the API token, the auth token, the Basic credentials or any X-Twilio-Signature sent.
class TestLogSecrets : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void debugLogsHoldNoSecret();
    void builtInSandboxModeHoldsNoSecret();

private:
    QProcessEnvironment debugEnvironment() const;
    QList<QPair<QByteArray, QByteArray>> bearer() const {
        return {{"Authorization", "Bearer " + m_apiToken.toLatin1()}};
    }
    QByteArray basic() const {
        return (m_sid + QLatin1Char(':') + m_authToken).toUtf8().toBase64();
    }

    QTemporaryDir m_dir;
    sbtest::Http m_http;
    const QString m_sid = QStringLiteral("AC0123456789abcdef0123456789abcdef");
    const QString m_authToken = QStringLiteral("authtoken0f1e2d3c4b5a69788796a5b4");
    const QString m_apiToken = QStringLiteral("apitoken-7c1d9e3f5a");
};

void TestLogSecrets::initTestCase() {
    QVERIFY(m_dir.isValid());
}

QProcessEnvironment TestLogSecrets::debugEnvironment() const {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_PHONE_NUMBER",
                             "SWITCHBOARD_PUBLIC_URL", "SENDGRID_API_KEY", "QT_MESSAGE_PATTERN"})
        env.remove(QString::fromLatin1(name));
    env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("*.debug=true"));
    return env;
}

void TestLogSecrets::debugLogsHoldNoSecret() {
    const quint16 port = sbtest::freePort();
    const QString publicUrl = QStringLiteral("http://localhost:%1").arg(port);
    const QString incoming = publicUrl + QStringLiteral("/twilio/incoming-sms");

    // The Twilio stand-in, with credentials we know, so we can look for them.
    sbtest::Child sandbox;
    QVERIFY(sandbox.start(sbtest::binDir() + QStringLiteral("/switchboard-sandbox"),
                          {QStringLiteral("--account-sid"), m_sid, QStringLiteral("--auth-token"),
                           m_authToken, QStringLiteral("--delay-ms"), QStringLiteral("20"),
                           QStringLiteral("--sms-url"), incoming},
                          debugEnvironment()));
    QByteArray line;
    QVERIFY(sandbox.waitForLine("SANDBOX_URL=", &line));
    const QString sandboxUrl = QString::fromLatin1(line.mid(12));

    // Switchboard in live mode against it.
    QProcessEnvironment env = debugEnvironment();
    env.insert(QStringLiteral("TWILIO_ACCOUNT_SID"), m_sid);
    env.insert(QStringLiteral("TWILIO_AUTH_TOKEN"), m_authToken);
    env.insert(QStringLiteral("TWILIO_PHONE_NUMBER"), QStringLiteral("+15005550006"));
    env.insert(QStringLiteral("TWILIO_API_BASE_URL"), sandboxUrl);
    env.insert(QStringLiteral("SWITCHBOARD_API_TOKEN"), m_apiToken);
    env.insert(QStringLiteral("SWITCHBOARD_PORT"), QString::number(port));
    env.insert(QStringLiteral("SWITCHBOARD_DATA_DIR"), m_dir.filePath(QStringLiteral("data")));
    sbtest::Child app;
    QVERIFY(app.start(sbtest::binDir() + QStringLiteral("/switchboard"),
                      {QStringLiteral("--headless")}, env));
    const QString api = QStringLiteral("http://127.0.0.1:%1/api/v1/twilio").arg(port);
    QVERIFY(app.waitForHttp(QUrl(api + QStringLiteral("/health"))));

    // Authenticated local-API calls; the sandbox posts three signed status callbacks.
    const sbtest::Reply sent =
        m_http.postJson(QUrl(api + QStringLiteral("/send-sms")),
                        {{QStringLiteral("to"), QStringLiteral("+14155550100")},
                         {QStringLiteral("body"), QStringLiteral("log test")}},
                        bearer());
    QCOMPARE(sent.status, 201);
    const QString sid = sent.json().value(QLatin1String("sid")).toString();
    QVERIFY(sid.startsWith(QLatin1String("SM")));
    QTRY_COMPARE_WITH_TIMEOUT(m_http.get(QUrl(api + QStringLiteral("/sms-status/") + sid), bearer())
                                  .json()
                                  .value(QLatin1String("status"))
                                  .toString(),
                              QStringLiteral("delivered"), 15000);

    // An inbound message, which the sandbox posts signed to our webhook.
    const sbtest::Reply inbound =
        m_http.postForm(QUrl(sandboxUrl + QStringLiteral("/sandbox/inbound")),
                        {{QStringLiteral("From"), QStringLiteral("+14155550199")},
                         {QStringLiteral("To"), QStringLiteral("+15005550006")},
                         {QStringLiteral("Body"), QStringLiteral("hello from outside")}},
                        {{"Authorization", "Basic " + basic()}});
    QCOMPARE(inbound.status, 201);
    const QJsonObject delivered = inbound.json().value(QLatin1String("webhook")).toObject();
    QCOMPARE(delivered.value(QLatin1String("status")).toInt(), 200);

    // A signed webhook of our own.
    const sb::FormFields webhook{{QStringLiteral("MessageSid"), sid},
                                 {QStringLiteral("MessageStatus"), QStringLiteral("delivered")},
                                 {QStringLiteral("AccountSid"), m_sid}};
    const QString statusUrl = publicUrl + QStringLiteral("/twilio/sms-status");
    const QByteArray ownSignature =
        sb::SignatureValidator::sign(m_authToken.toUtf8(), statusUrl, webhook);
    QCOMPARE(m_http
                 .postForm(QUrl(QStringLiteral("http://127.0.0.1:%1/twilio/sms-status").arg(port)),
                           webhook, {{"X-Twilio-Signature", ownSignature}})
                 .status,
             200);

    ::kill(app.process().processId(), SIGTERM);
    QCOMPARE(app.waitForExit(), 0);
    ::kill(sandbox.process().processId(), SIGTERM);
    QCOMPARE(sandbox.waitForExit(), 0);
    const QByteArray appLog = app.output();
    const QByteArray sandboxLog = sandbox.output();

    // Debug logging was really on, and Qt's request dumps with their headers were written.
    QVERIFY2(appLog.contains("debug qt.httpserver: Request:"), appLog.constData());
    QVERIFY2(sandboxLog.contains("debug qt.httpserver: Request:"), sandboxLog.constData());
    QVERIFY(appLog.contains("X-Twilio-Signature"));

    // Every signature the sandbox sent: status callbacks (sending, sent, delivered) and the
    // inbound message, recomputed from what they carried.
    QList<QByteArray> signatures{ownSignature};
    for (const char *status : {"sending", "sent", "delivered"})
        signatures.append(sb::SignatureValidator::sign(
            m_authToken.toUtf8(), statusUrl,
            {{QStringLiteral("AccountSid"), m_sid},
             {QStringLiteral("ApiVersion"), QStringLiteral("2010-04-01")},
             {QStringLiteral("From"), QStringLiteral("+15005550006")},
             {QStringLiteral("To"), QStringLiteral("+14155550100")},
             {QStringLiteral("MessageSid"), sid},
             {QStringLiteral("SmsSid"), sid},
             {QStringLiteral("MessageStatus"), QString::fromLatin1(status)},
             {QStringLiteral("SmsStatus"), QString::fromLatin1(status)}}));
    const QString inboundSid = inbound.json().value(QLatin1String("sid")).toString();
    signatures.append(sb::SignatureValidator::sign(
        m_authToken.toUtf8(), incoming,
        {{QStringLiteral("ToCountry"), QStringLiteral("US")},
         {QStringLiteral("SmsMessageSid"), inboundSid},
         {QStringLiteral("NumMedia"), QStringLiteral("0")},
         {QStringLiteral("SmsSid"), inboundSid},
         {QStringLiteral("SmsStatus"), QStringLiteral("received")},
         {QStringLiteral("Body"), QStringLiteral("hello from outside")},
         {QStringLiteral("To"), QStringLiteral("+15005550006")},
         {QStringLiteral("NumSegments"), QStringLiteral("1")},
         {QStringLiteral("MessageSid"), inboundSid},
         {QStringLiteral("AccountSid"), m_sid},
         {QStringLiteral("From"), QStringLiteral("+14155550199")},
         {QStringLiteral("ApiVersion"), QStringLiteral("2010-04-01")}}));

    const QList<QByteArray> secrets =
        QList<QByteArray>{m_apiToken.toLatin1(), m_authToken.toLatin1(), basic()} + signatures;
    for (const QByteArray &log : {appLog, sandboxLog}) {
        for (const QByteArray &secret : secrets)
            QVERIFY2(
                !log.contains(secret),
                qPrintable(QStringLiteral("'%1' is in the log").arg(QString::fromLatin1(secret))));
        // Whatever the value, a credential header is printed masked.
        static const QRegularExpression header(
            QStringLiteral("\"(Authorization|X-Twilio-Signature)\": \"([^\"]*)\""),
            QRegularExpression::CaseInsensitiveOption);
        int headers = 0;
        for (auto it = header.globalMatch(QString::fromUtf8(log)); it.hasNext(); ++headers) {
            const QRegularExpressionMatch m = it.next();
            QCOMPARE(m.captured(2), QStringLiteral("[redacted]"));
        }
        QVERIFY(headers > 0);
    }
    // The request dumps are still there and still useful: the idempotency token is kept.
    QVERIFY(appLog.contains("\"I-Twilio-Idempotency-Token\": \""));
    QVERIFY(!appLog.contains("\"I-Twilio-Idempotency-Token\": \"[redacted]\""));
}

// Sandbox mode: the sandbox runs inside switchboard on its own thread and makes its token
// there; the Basic header and the signatures it sends are the process's own.
void TestLogSecrets::builtInSandboxModeHoldsNoSecret() {
    const quint16 port = sbtest::freePort();
    QProcessEnvironment env = debugEnvironment();
    env.insert(QStringLiteral("SWITCHBOARD_API_TOKEN"), m_apiToken);
    env.insert(QStringLiteral("SWITCHBOARD_PORT"), QString::number(port));
    env.insert(QStringLiteral("SWITCHBOARD_SANDBOX_DELAY_MS"), QStringLiteral("20"));
    env.insert(QStringLiteral("SWITCHBOARD_DATA_DIR"), m_dir.filePath(QStringLiteral("sandbox")));
    sbtest::Child app;
    QVERIFY(app.start(sbtest::binDir() + QStringLiteral("/switchboard"),
                      {QStringLiteral("--headless")}, env));
    const QString api = QStringLiteral("http://127.0.0.1:%1/api/v1/twilio").arg(port);
    QVERIFY(app.waitForHttp(QUrl(api + QStringLiteral("/health"))));
    const sbtest::Reply sent =
        m_http.postJson(QUrl(api + QStringLiteral("/send-sms")),
                        {{QStringLiteral("to"), QStringLiteral("+14155550100")},
                         {QStringLiteral("body"), QStringLiteral("sandbox log test")}},
                        bearer());
    QCOMPARE(sent.status, 201);
    const QString sid = sent.json().value(QLatin1String("sid")).toString();
    QTRY_COMPARE_WITH_TIMEOUT(m_http.get(QUrl(api + QStringLiteral("/sms-status/") + sid), bearer())
                                  .json()
                                  .value(QLatin1String("status"))
                                  .toString(),
                              QStringLiteral("delivered"), 15000);
    ::kill(app.process().processId(), SIGTERM);
    QCOMPARE(app.waitForExit(), 0);
    const QString log = QString::fromUtf8(app.output());
    QVERIFY2(log.contains(QLatin1String("SANDBOX MODE")), qPrintable(log));
    QVERIFY(!log.contains(m_apiToken));
    // The sandbox's token is generated: every credential header, whoever sent it, is masked.
    static const QRegularExpression header(
        QStringLiteral("\"(Authorization|X-Twilio-Signature)\": \"([^\"]*)\""),
        QRegularExpression::CaseInsensitiveOption);
    QSet<QString> names;
    for (auto it = header.globalMatch(log); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        QCOMPARE(m.captured(2), QStringLiteral("[redacted]"));
        names.insert(m.captured(1));
    }
    // Bearer (local API), Basic (to the sandbox) and signatures (its callbacks) were all there.
    QCOMPARE(names, (QSet<QString>{QStringLiteral("Authorization"),
                                   QStringLiteral("X-Twilio-Signature")}));
    QVERIFY(!log.contains(QLatin1String("Basic ")));
    QVERIFY(!log.contains(QLatin1String("Bearer ")));
}

QTEST_GUILESS_MAIN(TestLogSecrets)
#include "tst_logsecrets.moc"
