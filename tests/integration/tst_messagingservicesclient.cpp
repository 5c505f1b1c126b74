#include "Await.h"
#include "TestSupport.h"
#include "providers/twilio/MessagingServicesClient.h"
#include "sandbox/Sandbox.h"

#include <QNetworkAccessManager>
#include <QtTest>

using namespace sb;
using sbtest::await;
using Services = MessagingServicesClient::Services;
using Numbers = MessagingServicesClient::Numbers;

// MessagingServicesClient against the sandbox's Messaging API over loopback: every page of the
// services (more than one PageSize, so next_page_url is followed), each service's numbers with
// their capabilities, and Twilio's errors: unknown service (20404), wrong credentials (20003),
// an account without access (20403), nobody answering.
class TestMessagingServicesClient : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void listsEveryPageOfServices();
    void listsServicesWithTheirNumbers();
    void unknownServiceIs404();
    void wrongCredentialsAre20003();
    void forbiddenServicesAre20403();
    void networkFailure();

private:
    MessagingServicesClient client(const Sandbox &sandbox, const QString &token = {});

    static constexpr int ServiceCount = 2 * MessagingServicesClient::PageSize + 7; // three pages
    std::unique_ptr<Sandbox> m_sandbox;
    QNetworkAccessManager m_nam;
    QObject m_ctx;
};

void TestMessagingServicesClient::initTestCase() {
    SandboxOptions options;
    options.numbers = {QStringLiteral("+15005550006"), QStringLiteral("+15005550010")};
    options.smsUrl = QStringLiteral("https://console.example.com/twilio/incoming-sms");
    options.messagingServices.clear();
    for (int i = 0; i < ServiceCount; ++i)
        options.messagingServices.append(
            QStringLiteral("Service %1").arg(i, 3, 10, QLatin1Char('0')));
    m_sandbox = std::make_unique<Sandbox>(options);
    QVERIFY(m_sandbox->listen(QHostAddress::LocalHost, 0));
}

MessagingServicesClient TestMessagingServicesClient::client(const Sandbox &sandbox,
                                                            const QString &token) {
    return MessagingServicesClient(
        &m_nam, {sandbox.accountSid(), token.isEmpty() ? sandbox.authToken() : token, {}},
        QUrl(sandbox.baseUrl()));
}

void TestMessagingServicesClient::listsEveryPageOfServices() {
    MessagingServicesClient c = client(*m_sandbox);
    const auto all =
        await<TwilioResult<Services>>([&](auto done) { c.listServices(&m_ctx, done); });
    QVERIFY(all);
    QVERIFY2(all->ok(), qPrintable(all->error.explanation()));
    QCOMPARE(all->value.size(), ServiceCount);
    for (int i = 0; i < ServiceCount; ++i) {
        QCOMPARE(all->value[i].sid, m_sandbox->messagingServices()[i].sid);
        QCOMPARE(all->value[i].friendlyName, m_sandbox->messagingServices()[i].friendlyName);
    }
    const TwilioMessagingService &first = all->value.first();
    QVERIFY(first.sid.startsWith(QLatin1String("MG")));
    QCOMPARE(first.inboundRequestUrl,
             QStringLiteral("https://console.example.com/twilio/incoming-sms"));
    QCOMPARE(first.inboundMethod, QStringLiteral("POST"));
    QVERIFY(first.statusCallback.isEmpty());
    QVERIFY(first.fallbackUrl.isEmpty());
    QVERIFY(first.useInboundWebhookOnNumber);
    QCOMPARE(first.usecase, QStringLiteral("notifications"));
    QVERIFY(first.numbers.isEmpty()); // listServices() does not read the pools
}

void TestMessagingServicesClient::listsServicesWithTheirNumbers() {
    MessagingServicesClient c = client(*m_sandbox);
    const auto all =
        await<TwilioResult<Services>>([&](auto done) { c.listServicesWithNumbers(&m_ctx, done); });
    QVERIFY(all);
    QVERIFY2(all->ok(), qPrintable(all->error.explanation()));
    QCOMPARE(all->value.size(), ServiceCount);
    const Numbers &pool = all->value.first().numbers;
    QCOMPARE(pool.size(), m_sandbox->numbers().size());
    for (qsizetype i = 0; i < pool.size(); ++i) {
        QCOMPARE(pool[i].sid, m_sandbox->numbers()[i].sid);
        QCOMPARE(pool[i].phoneNumber, m_sandbox->numbers()[i].phoneNumber);
        QVERIFY(pool[i].has(QStringLiteral("SMS")));
        QVERIFY(pool[i].has(QStringLiteral("mms"))); // case-insensitive
        QVERIFY(pool[i].has(QStringLiteral("Voice")));
        QVERIFY(!pool[i].has(QStringLiteral("WhatsApp")));
    }
    for (qsizetype i = 1; i < all->value.size(); ++i)
        QVERIFY(all->value[i].numbers.isEmpty());

    const auto one = await<TwilioResult<Numbers>>([&](auto done) {
        c.listPhoneNumbers(m_sandbox->messagingServices().first().sid, &m_ctx, done);
    });
    QVERIFY(one && one->ok());
    QCOMPARE(one->value.size(), m_sandbox->numbers().size());
}

void TestMessagingServicesClient::unknownServiceIs404() {
    MessagingServicesClient c = client(*m_sandbox);
    const auto missing = await<TwilioResult<Numbers>>([&](auto done) {
        c.listPhoneNumbers(QStringLiteral("MG0123456789abcdef0123456789abcdef"), &m_ctx, done);
    });
    QVERIFY(missing);
    QCOMPARE(missing->error.kind, TwilioError::Kind::Http);
    QCOMPARE(missing->error.httpStatus, 404);
    QCOMPARE(missing->error.code, 20404);
}

void TestMessagingServicesClient::wrongCredentialsAre20003() {
    MessagingServicesClient c = client(*m_sandbox, QStringLiteral("wrong-token"));
    const auto denied =
        await<TwilioResult<Services>>([&](auto done) { c.listServicesWithNumbers(&m_ctx, done); });
    QVERIFY(denied);
    QCOMPARE(denied->error.httpStatus, 401);
    QCOMPARE(denied->error.code, 20003);
    QVERIFY(denied->value.isEmpty());
}

void TestMessagingServicesClient::forbiddenServicesAre20403() {
    SandboxOptions options;
    options.forbidden = {QStringLiteral("Services")};
    Sandbox restricted(options);
    QVERIFY(restricted.listen(QHostAddress::LocalHost, 0));
    MessagingServicesClient c = client(restricted);
    const auto denied =
        await<TwilioResult<Services>>([&](auto done) { c.listServices(&m_ctx, done); });
    QVERIFY(denied);
    QCOMPARE(denied->error.httpStatus, 403);
    QCOMPARE(denied->error.code, 20403);
    const auto pool = await<TwilioResult<Numbers>>([&](auto done) {
        c.listPhoneNumbers(restricted.messagingServices().first().sid, &m_ctx, done);
    });
    QVERIFY(pool);
    QCOMPARE(pool->error.code, 20403);
}

void TestMessagingServicesClient::networkFailure() {
    MessagingServicesClient c(&m_nam, {m_sandbox->accountSid(), m_sandbox->authToken(), {}},
                              QUrl(QStringLiteral("http://127.0.0.1:%1").arg(sbtest::freePort())));
    const auto failed =
        await<TwilioResult<Services>>([&](auto done) { c.listServices(&m_ctx, done); });
    QVERIFY(failed);
    QCOMPARE(failed->error.kind, TwilioError::Kind::Network);
}

QTEST_GUILESS_MAIN(TestMessagingServicesClient)
#include "tst_messagingservicesclient.moc"
