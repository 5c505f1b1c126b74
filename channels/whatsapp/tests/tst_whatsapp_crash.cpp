#include "TestSupport.h"
#include "whatsapp/SandboxTemplates.h"
#include "whatsapp/WhatsAppSandbox.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>

using namespace sb;

// A WhatsApp template through the durable outbox when the process dies mid-send, with the
// built executables as a user runs them: switchboard --headless against switchboard-sandbox
// (its Messages and Content APIs), killed by fault injection before or after the POST.
class TestWhatsAppCrash : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void crashAfterPostIsReconciledNotResent();
    void crashBeforePostSendsTheTemplateOnce();

private:
    QProcessEnvironment env(quint16 port, const QString &fault = {}) const;
    bool startSandbox();
    QJsonArray sandboxMessages();
    sbtest::Reply sendTemplate(quint16 port, const QString &to);
    QUrl api(quint16 port, const QString &path) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<sbtest::Child> m_sandbox;
    QString m_sandboxUrl;
    sbtest::Http m_http;
    const QString m_sid = QStringLiteral("AC00000000000000000000000000000002");
    const QString m_token = QStringLiteral("whatsapp-crash-test-token");
    const QString m_body = QStringLiteral("Hi Ana, your order #4242 has shipped and should arrive "
                                          "by Monday. Reply to this message if you have any "
                                          "questions.");
};

void TestWhatsAppCrash::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(startSandbox());
}

QProcessEnvironment TestWhatsAppCrash::env(quint16 port, const QString &fault) const {
    QProcessEnvironment env = sbtest::childEnv(m_dir->filePath(QStringLiteral("data")), port,
                                               QStringLiteral("crash-token"), fault);
    env.insert(QStringLiteral("TWILIO_ACCOUNT_SID"), m_sid);
    env.insert(QStringLiteral("TWILIO_AUTH_TOKEN"), m_token);
    env.insert(QStringLiteral("TWILIO_PHONE_NUMBER"), QStringLiteral("+15005550006"));
    env.insert(QStringLiteral("TWILIO_WHATSAPP_NUMBER"), WhatsAppSandbox::sender());
    env.insert(QStringLiteral("TWILIO_API_BASE_URL"), m_sandboxUrl);
    env.insert(QStringLiteral("TWILIO_CONTENT_BASE_URL"), m_sandboxUrl);
    env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("switchboard.http.info=false"));
    return env;
}

bool TestWhatsAppCrash::startSandbox() {
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

QJsonArray TestWhatsAppCrash::sandboxMessages() {
    const QByteArray basic = "Basic " + (m_sid + QLatin1Char(':') + m_token).toUtf8().toBase64();
    return m_http
        .get(QUrl(m_sandboxUrl +
                  QStringLiteral("/2010-04-01/Accounts/%1/Messages.json?PageSize=1000").arg(m_sid)),
             {{"Authorization", basic}})
        .json()
        .value(QLatin1String("messages"))
        .toArray();
}

QUrl TestWhatsAppCrash::api(quint16 port, const QString &path) const {
    return QUrl(QStringLiteral("http://127.0.0.1:%1/api/v1/twilio/%2").arg(port).arg(path));
}

sbtest::Reply TestWhatsAppCrash::sendTemplate(quint16 port, const QString &to) {
    // The customer never wrote: only an approved template may go, and this one is.
    return m_http.postJson(api(port, QStringLiteral("send-whatsapp")),
                           {{QStringLiteral("to"), to},
                            {QStringLiteral("contentSid"), SandboxTemplates::orderUpdate()},
                            {QStringLiteral("contentVariables"),
                             QJsonObject{{QStringLiteral("1"), QStringLiteral("Ana")},
                                         {QStringLiteral("2"), QStringLiteral("#4242")},
                                         {QStringLiteral("3"), QStringLiteral("Monday")}}}},
                           {{"Authorization", "Bearer crash-token"}});
}

void TestWhatsAppCrash::crashAfterPostIsReconciledNotResent() {
    const quint16 port = sbtest::freePort();
    {
        sbtest::Child crashing;
        QVERIFY(crashing.start(sbtest::binDir() + QStringLiteral("/switchboard"),
                               {QStringLiteral("--headless")},
                               env(port, QStringLiteral("crash-after-post"))));
        QVERIFY(crashing.waitForHttp(api(port, QStringLiteral("health"))));
        QCOMPARE(sendTemplate(port, QStringLiteral("whatsapp:+14155550170")).status, 0);
        QCOMPARE(crashing.waitForExit(), 86);
    }
    // Twilio has it, filled in; our record says only "submitted".
    QCOMPARE(sandboxMessages().size(), 1);
    const QJsonObject atTwilio = sandboxMessages().at(0).toObject();
    QCOMPARE(atTwilio.value(QLatin1String("body")).toString(), m_body);
    const QString sid = atTwilio.value(QLatin1String("sid")).toString();

    sbtest::Child restarted;
    QVERIFY(restarted.start(sbtest::binDir() + QStringLiteral("/switchboard"),
                            {QStringLiteral("--headless")}, env(port)));
    QVERIFY(restarted.waitForHttp(api(port, QStringLiteral("health"))));
    // Reconciled: our record takes Twilio's SID, as a WhatsApp message, and nothing is resent.
    QTRY_COMPARE(m_http
                     .get(api(port, QStringLiteral("message-status/") + sid),
                          {{"Authorization", "Bearer crash-token"}})
                     .status,
                 200);
    const QJsonObject ours = m_http
                                 .get(api(port, QStringLiteral("message-status/") + sid),
                                      {{"Authorization", "Bearer crash-token"}})
                                 .json();
    QCOMPARE(ours.value(QLatin1String("channel")).toString(), QStringLiteral("whatsapp"));
    QCOMPARE(ours.value(QLatin1String("body")).toString(), m_body);
    QTest::qWait(300);
    QCOMPARE(sandboxMessages().size(), 1);
    ::kill(restarted.process().processId(), SIGTERM);
    QCOMPARE(restarted.waitForExit(), 0);
    QVERIFY2(restarted.output().contains("was already accepted as"),
             restarted.output().right(3000).constData());
}

void TestWhatsAppCrash::crashBeforePostSendsTheTemplateOnce() {
    const quint16 port = sbtest::freePort();
    {
        sbtest::Child crashing;
        QVERIFY(crashing.start(sbtest::binDir() + QStringLiteral("/switchboard"),
                               {QStringLiteral("--headless")},
                               env(port, QStringLiteral("crash-after-persist"))));
        QVERIFY(crashing.waitForHttp(api(port, QStringLiteral("health"))));
        QCOMPARE(sendTemplate(port, QStringLiteral("whatsapp:+14155550171")).status, 0);
        QCOMPARE(crashing.waitForExit(), 86);
    }
    QCOMPARE(sandboxMessages().size(), 0); // stored, never sent

    sbtest::Child restarted;
    QVERIFY(restarted.start(sbtest::binDir() + QStringLiteral("/switchboard"),
                            {QStringLiteral("--headless")}, env(port)));
    QVERIFY(restarted.waitForHttp(api(port, QStringLiteral("health"))));
    // The outbox kept the template and its variables: the sandbox fills in the same text.
    QTRY_COMPARE(sandboxMessages().size(), 1);
    const QJsonObject atTwilio = sandboxMessages().at(0).toObject();
    QCOMPARE(atTwilio.value(QLatin1String("body")).toString(), m_body);
    const QString sid = atTwilio.value(QLatin1String("sid")).toString();
    QTRY_COMPARE(m_http
                     .get(api(port, QStringLiteral("message-status/") + sid),
                          {{"Authorization", "Bearer crash-token"}})
                     .json()
                     .value(QLatin1String("status"))
                     .toString(),
                 QStringLiteral("read"));
    QTest::qWait(300);
    QCOMPARE(sandboxMessages().size(), 1);
    ::kill(restarted.process().processId(), SIGTERM);
    QCOMPARE(restarted.waitForExit(), 0);
}

QTEST_GUILESS_MAIN(TestWhatsAppCrash)
#include "tst_whatsapp_crash.moc"
