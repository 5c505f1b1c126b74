#include "Await.h"
#include "PgTestServer.h"
#include "TestSupport.h"
#include "db/Store.h"
#include "email/EmailSandbox.h"
#include "email/EmailStore.h"
#include "email/EmailSubmitter.h"
#include "sandbox/Sandbox.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>

using namespace sb;

// The crash rule with the built executable as a user runs it: switchboard --headless sending
// to a SendGrid stand-in (in this process, counting what it accepts), killed by fault injection
// right after SendGrid accepted the email and before the answer was recorded. Restarted, the
// email is `unknown` and SendGrid is not asked to send it a second time.
class TestEmailCrash : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void crashAfterSendGridAcceptedIsUnknownNotResent();
    void crashBeforeTheRequestSendsOnce();
    void storedButNeverHandedToTheOutboxIsSentOnce();

private:
    QProcessEnvironment env(quint16 port, const QString &fault = {}) const;
    QUrl api(quint16 port, const QString &path) const;
    sbtest::Reply send(quint16 port);
    QString onlyEmailId(quint16 port);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Sandbox> m_sendgrid;
    QList<QJsonObject> m_accepted;
    QString m_sendgridUrl;
    sbtest::Http m_http;
};

void TestEmailCrash::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    m_accepted.clear();
    m_sendgrid = std::make_unique<Sandbox>(SandboxOptions{});
    EmailSandbox::install(*m_sendgrid, QString(),
                          [this](const QJsonObject &mail) { m_accepted.append(mail); });
    const quint16 port = m_sendgrid->listen(QHostAddress::LocalHost, 0);
    QVERIFY(port);
    m_sendgridUrl = QStringLiteral("http://127.0.0.1:%1").arg(port);
}

QProcessEnvironment TestEmailCrash::env(quint16 port, const QString &fault) const {
    QProcessEnvironment env = sbtest::childEnv(m_dir->filePath(QStringLiteral("data")), port,
                                               QStringLiteral("crash-token"), fault);
    env.insert(QStringLiteral("SENDGRID_API_KEY"), m_sendgrid->sendgridApiKey());
    env.insert(QStringLiteral("SENDGRID_API_BASE_URL"), m_sendgridUrl);
    env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("switchboard.http.info=false"));
    return env;
}

QUrl TestEmailCrash::api(quint16 port, const QString &path) const {
    return QUrl(QStringLiteral("http://127.0.0.1:%1/api/v1/twilio/%2").arg(port).arg(path));
}

sbtest::Reply TestEmailCrash::send(quint16 port) {
    return m_http.postJson(api(port, QStringLiteral("send-email")),
                           {{"to", "ana@example.com"},
                            {"from", "support@example.com"},
                            {"subject", "Your order"},
                            {"text", "It ships today."}},
                           {{"Authorization", "Bearer crash-token"}});
}

QString TestEmailCrash::onlyEmailId(quint16 port) {
    (void)port;
    if (m_accepted.size() != 1)
        return {};
    return m_accepted.at(0)
        .value(QLatin1String("personalizations"))
        .toArray()
        .at(0)
        .toObject()
        .value(QLatin1String("custom_args"))
        .toObject()
        .value(QLatin1String("switchboard_id"))
        .toString();
}

void TestEmailCrash::crashAfterSendGridAcceptedIsUnknownNotResent() {
    const quint16 port = sbtest::freePort();
    {
        sbtest::Child crashing;
        QVERIFY(crashing.start(sbtest::binDir() + QStringLiteral("/switchboard"),
                               {QStringLiteral("--headless")},
                               env(port, QStringLiteral("crash-after-post"))));
        QVERIFY(crashing.waitForHttp(api(port, QStringLiteral("health"))));
        QCOMPARE(send(port).status, 0); // it died before answering
        QCOMPARE(crashing.waitForExit(), 86);
    }
    // SendGrid has it; our record says only "submitted".
    const QString id = onlyEmailId(port);
    QVERIFY(id.startsWith(QLatin1String("EM")));

    sbtest::Child restarted;
    QVERIFY(restarted.start(sbtest::binDir() + QStringLiteral("/switchboard"),
                            {QStringLiteral("--headless")}, env(port)));
    QVERIFY(restarted.waitForHttp(api(port, QStringLiteral("health"))));
    QJsonObject status;
    QTRY_VERIFY_WITH_TIMEOUT((status = m_http
                                           .get(api(port, QStringLiteral("email-status/") + id),
                                                {{"Authorization", "Bearer crash-token"}})
                                           .json())
                                     .value(QLatin1String("status"))
                                     .toString() == QLatin1String("unknown"),
                             10000);
    QVERIFY(status.value(QLatin1String("error")).toString().contains(QLatin1String("Activity")));
    QTest::qWait(500); // time for a resend, were there one
    QCOMPARE(m_accepted.size(), 1);
}

void TestEmailCrash::crashBeforeTheRequestSendsOnce() {
    const quint16 port = sbtest::freePort();
    {
        sbtest::Child crashing;
        QVERIFY(crashing.start(sbtest::binDir() + QStringLiteral("/switchboard"),
                               {QStringLiteral("--headless")},
                               env(port, QStringLiteral("crash-after-persist"))));
        QVERIFY(crashing.waitForHttp(api(port, QStringLiteral("health"))));
        QCOMPARE(send(port).status, 0);
        QCOMPARE(crashing.waitForExit(), 86);
    }
    QVERIFY(m_accepted.isEmpty()); // stored `pending`, never sent
    sbtest::Child restarted;
    QVERIFY(restarted.start(sbtest::binDir() + QStringLiteral("/switchboard"),
                            {QStringLiteral("--headless")}, env(port)));
    QVERIFY(restarted.waitForHttp(api(port, QStringLiteral("health"))));
    // Never sent, so simply sent now, once.
    QTRY_COMPARE_WITH_TIMEOUT(m_accepted.size(), 1, 10000);
    const QString id = onlyEmailId(port);
    QTRY_COMPARE_WITH_TIMEOUT(m_http
                                  .get(api(port, QStringLiteral("email-status/") + id),
                                       {{"Authorization", "Bearer crash-token"}})
                                  .json()
                                  .value(QLatin1String("status"))
                                  .toString(),
                              QStringLiteral("queued"), 10000);
    QTest::qWait(500);
    QCOMPARE(m_accepted.size(), 1);
}

// The email is committed, then handed to the outbox in a second commit; a console killed
// between the two (issue 15's crash harness found it) left the email `pending` with no outbox
// entry: never sent, while a retry with its Idempotency-Key was answered with it as pending.
// Nothing was ever sent for it, so the next start sends it, once.
void TestEmailCrash::storedButNeverHandedToTheOutboxIsSentOnce() {
    const quint16 port = sbtest::freePort();
    {
        sbtest::Child first; // makes the data folder and its tables
        QVERIFY(first.start(sbtest::binDir() + QStringLiteral("/switchboard"),
                            {QStringLiteral("--headless")}, env(port)));
        QVERIFY(first.waitForHttp(api(port, QStringLiteral("health"))));
        ::kill(first.process().processId(), SIGTERM);
        QCOMPARE(first.waitForExit(), 0);
    }
    EmailDraft draft;
    draft.emailId = EmailSubmitter::newEmailId();
    draft.to = {{QStringLiteral("ana@example.com"), QString()}};
    draft.from = {QStringLiteral("support@example.com"), QString()};
    draft.subject = QStringLiteral("Stored, then the console stopped");
    draft.text = QStringLiteral("It ships today.");
    {
        // What the first commit left: the email, and no outbox entry.
        Store store(m_dir->filePath(QStringLiteral("data/switchboard.sqlite")),
                    sbtest::PgTestServer::sharedDatabaseFor(
                        m_dir->filePath(QStringLiteral("data/switchboard.sqlite"))));
        QObject ctx;
        QVERIFY(sbtest::await<StoreResult<bool>>([&](auto done) { store.open(&ctx, done); })->ok());
        const auto stored = sbtest::await<StoreResult<QList<EmailSuppression>>>(
            [&](auto done) { EmailStore::create(&store, draft, &ctx, done); });
        QVERIFY(stored && stored->ok() && stored->value.isEmpty());
    }
    QVERIFY(m_accepted.isEmpty());

    for (int run = 0; run < 2; ++run) { // sent at the next start; a second start sends nothing
        sbtest::Child restarted;
        QVERIFY(restarted.start(sbtest::binDir() + QStringLiteral("/switchboard"),
                                {QStringLiteral("--headless")}, env(port)));
        QVERIFY(restarted.waitForHttp(api(port, QStringLiteral("health"))));
        QTRY_COMPARE_WITH_TIMEOUT(m_accepted.size(), 1, 10000);
        QCOMPARE(onlyEmailId(port), draft.emailId);
        QTRY_COMPARE_WITH_TIMEOUT(
            m_http
                .get(api(port, QStringLiteral("email-status/") + draft.emailId),
                     {{"Authorization", "Bearer crash-token"}})
                .json()
                .value(QLatin1String("status"))
                .toString(),
            QStringLiteral("queued"), 10000);
        QTest::qWait(500);
        QCOMPARE(m_accepted.size(), 1);
        ::kill(restarted.process().processId(), SIGTERM);
        QCOMPARE(restarted.waitForExit(), 0);
    }
}

QTEST_GUILESS_MAIN(TestEmailCrash)
#include "tst_email_crash.moc"
