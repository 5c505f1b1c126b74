#include "TestSupport.h"
#include "email/EmailRoutes.h"
#include "runtime/BuiltInChannels.h"
#include "runtime/SwitchboardService.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace sb;

// The daily limit (SENDGRID_DAILY_LIMIT, here 3) on a clock the test moves across midnight
// UTC, in sandbox mode with its default sender: emails accepted that day are counted from the
// store, email-usage reports the figures, the next send gets 429 with them and nothing is
// stored or sent, and after midnight the count starts again.
class TestEmailQuota : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void limitHoldsUntilMidnightUtc();

private:
    QUrl api(const QString &path) const;
    sbtest::Reply send(const QString &to);
    QJsonObject usage();

    QTemporaryDir m_dir;
    std::shared_ptr<QDateTime> m_now;
    std::unique_ptr<SwitchboardService> m_service;
    sbtest::Http m_http;
    const QByteArray m_auth = "Bearer quota-token";
};

void TestEmailQuota::initTestCase() {
    qputenv("SWITCHBOARD_SANDBOX_DELAY_MS", "20");
    QProcessEnvironment env;
    env.insert(QStringLiteral("SWITCHBOARD_DATA_DIR"), m_dir.path());
    env.insert(QStringLiteral("SWITCHBOARD_PORT"), QStringLiteral("0"));
    env.insert(QStringLiteral("SWITCHBOARD_API_TOKEN"), QStringLiteral("quota-token"));
    env.insert(QStringLiteral("SENDGRID_DAILY_LIMIT"), QStringLiteral("3"));
    QString error;
    const auto config = ConfigLoader::load(env, QString(), &error);
    QVERIFY2(config, qPrintable(error));
    QCOMPARE(config->sendgridDailyLimit, 3);
    m_now = std::make_shared<QDateTime>(
        QDateTime::fromString(QStringLiteral("2026-03-01T23:58:00Z"), Qt::ISODate));
    m_service = std::make_unique<SwitchboardService>(*config, builtInChannels());
    m_service->setClock([now = m_now] { return *now; });
    QSignalSpy started(m_service.get(), &SwitchboardService::started);
    m_service->start();
    QVERIFY(started.wait(10000));
}

void TestEmailQuota::cleanupTestCase() {
    m_service.reset();
}

QUrl TestEmailQuota::api(const QString &path) const {
    return QUrl(
        QStringLiteral("http://127.0.0.1:%1/api/v1/twilio/%2").arg(m_service->port()).arg(path));
}

sbtest::Reply TestEmailQuota::send(const QString &to) {
    return m_http.postJson(api(EmailRoutes::send()),
                           {{"to", to}, {"subject", "Hello"}, {"text", "Hi"}},
                           {{"Authorization", m_auth}});
}

QJsonObject TestEmailQuota::usage() {
    const sbtest::Reply r = m_http.get(api(EmailRoutes::usage()), {{"Authorization", m_auth}});
    return r.status == 200 ? r.json() : QJsonObject{{"httpStatus", r.status}};
}

void TestEmailQuota::limitHoldsUntilMidnightUtc() {
    QCOMPARE(usage(),
             (QJsonObject{
                 {"sentToday", 0}, {"dailyLimit", 3}, {"resetsAt", "2026-03-02T00:00:00.000Z"}}));
    for (int i = 0; i < 3; ++i)
        QCOMPARE(send(QStringLiteral("ana%1@example.com").arg(i)).status, 202);
    QCOMPARE(usage().value(QLatin1String("sentToday")).toInt(), 3);

    // The fourth is refused with the figures and when the count starts again.
    *m_now = m_now->addSecs(60); // 23:59:00
    const sbtest::Reply refused = send(QStringLiteral("ben@example.com"));
    QCOMPARE(refused.status, 429);
    const QJsonObject error = refused.json().value(QLatin1String("error")).toObject();
    QCOMPARE(error.value(QLatin1String("sentToday")).toInt(), 3);
    QCOMPARE(error.value(QLatin1String("dailyLimit")).toInt(), 3);
    QCOMPARE(error.value(QLatin1String("resetsAt")).toString(),
             QStringLiteral("2026-03-02T00:00:00.000Z"));
    QVERIFY2(error.value(QLatin1String("message")).toString().contains(QLatin1String("3 of 3")),
             refused.body.constData());
    QCOMPARE(refused.header("Retry-After"), QByteArray("60"));
    // Nothing was stored: still three.
    QCOMPARE(usage().value(QLatin1String("sentToday")).toInt(), 3);

    // A second after midnight UTC the count starts again.
    *m_now = QDateTime::fromString(QStringLiteral("2026-03-02T00:00:01Z"), Qt::ISODate);
    QCOMPARE(usage(),
             (QJsonObject{
                 {"sentToday", 0}, {"dailyLimit", 3}, {"resetsAt", "2026-03-03T00:00:00.000Z"}}));
    QCOMPARE(send(QStringLiteral("ben@example.com")).status, 202);
    QCOMPARE(usage().value(QLatin1String("sentToday")).toInt(), 1);
}

QTEST_GUILESS_MAIN(TestEmailQuota)
#include "tst_email_quota.moc"
