#include "Await.h"
#include "TestSupport.h"
#include "http/HttpServer.h"
#include "providers/twilio/SignatureValidator.h"
#include "providers/twilio/TwilioClient.h"
#include "sandbox/Sandbox.h"

#include <QNetworkAccessManager>
#include <QtTest>

using namespace sb;
using sbtest::await;

// TwilioClient against the sandbox over real HTTP on loopback.
class TestTwilioClientSandbox : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void createFetchAndWatchDelivery();
    void statusCallbacksAreSigned();
    void listFilters();
    void accountBalanceNumbers();
    void badCredentialsAre20003();
    void testNumbersFail_data();
    void testNumbersFail();
    void deliveryFailures_data();
    void deliveryFailures();
    void unreachableServerIsNetworkError();

private:
    TwilioResult<TwilioMessage> send(const QString &to,
                                     const QString &from = QStringLiteral("+15005550006"),
                                     const QString &callback = {});
    TwilioResult<TwilioMessage> fetch(const QString &sid);

    QNetworkAccessManager m_nam;
    std::unique_ptr<Sandbox> m_sandbox;
    std::unique_ptr<TwilioClient> m_client;
    HttpServer m_receiver{QStringLiteral("receiver")};
    QList<QPair<HttpRequest, QString>> m_received; // request, URL it was sent to
    quint16 m_receiverPort = 0;
    QObject m_ctx;
};

void TestTwilioClientSandbox::initTestCase() {
    SandboxOptions options;
    options.statusDelayMs = 20;
    m_sandbox = std::make_unique<Sandbox>(options);
    sbtest::addChannels(*m_sandbox);
    const quint16 port = m_sandbox->listen(QHostAddress::LocalHost, 0);
    QVERIFY(port);
    m_client = std::make_unique<TwilioClient>(
        &m_nam, TwilioCredentials{m_sandbox->accountSid(), m_sandbox->authToken(),
                                  QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port))});
    m_receiver.setLogRequests(false);
    m_receiver.route(
        "POST", QStringLiteral("/cb"), [this](const HttpRequest &r, HttpServer::Reply reply) {
            m_received.append({r, QStringLiteral("http://127.0.0.1:%1/cb").arg(m_receiverPort)});
            reply(HttpResponse::xml(200, "<Response/>"));
        });
    m_receiverPort = m_receiver.listenOn(QHostAddress::LocalHost, 0);
}

TwilioResult<TwilioMessage> TestTwilioClientSandbox::send(const QString &to, const QString &from,
                                                          const QString &callback) {
    SendMessageParams p;
    p.to = to;
    p.from = from;
    p.body = QStringLiteral("Hello from the test");
    p.statusCallback = callback;
    return *await<TwilioResult<TwilioMessage>>(
        [&](auto done) { m_client->createMessage(p, &m_ctx, done); });
}

TwilioResult<TwilioMessage> TestTwilioClientSandbox::fetch(const QString &sid) {
    return *await<TwilioResult<TwilioMessage>>(
        [&](auto done) { m_client->fetchMessage(sid, &m_ctx, done); });
}

void TestTwilioClientSandbox::createFetchAndWatchDelivery() {
    const auto created = send(QStringLiteral("+14155550100"));
    QVERIFY2(created.ok(), qPrintable(created.error.explanation()));
    QVERIFY(created.value.sid.startsWith(QLatin1String("SM")));
    QCOMPARE(created.value.sid.size(), 34);
    QCOMPARE(created.value.status, QStringLiteral("queued"));
    QCOMPARE(created.value.numSegments, 1);
    QVERIFY(created.value.dateCreated.isValid());
    QTRY_COMPARE(fetch(created.value.sid).value.status, QStringLiteral("delivered"));
    const auto missing = fetch(QStringLiteral("SM00000000000000000000000000000000"));
    QCOMPARE(missing.error.code, 20404);
    QCOMPARE(missing.error.httpStatus, 404);
}

void TestTwilioClientSandbox::statusCallbacksAreSigned() {
    m_received.clear();
    const auto created = send(QStringLiteral("+14155550101"), QStringLiteral("+15005550006"),
                              QStringLiteral("http://127.0.0.1:%1/cb").arg(m_receiverPort));
    QVERIFY(created.ok());
    QTRY_COMPARE(m_received.size(), 3); // sending, sent, delivered: no callback for "queued"
    const SignatureValidator validator(m_sandbox->authToken().toUtf8());
    QStringList statuses;
    QSet<QByteArray> tokens;
    for (const auto &[request, target] : std::as_const(m_received)) {
        QVERIFY(validator.validate(target, request.body, request.header("X-Twilio-Signature")));
        tokens.insert(request.header("I-Twilio-Idempotency-Token"));
        FormFields f;
        QVERIFY(FormEncoding::decode(request.body, &f));
        QCOMPARE(FormEncoding::value(f, QStringLiteral("MessageSid")), created.value.sid);
        statuses.append(FormEncoding::value(f, QStringLiteral("MessageStatus")));
    }
    QCOMPARE(statuses, (QStringList{QStringLiteral("sending"), QStringLiteral("sent"),
                                    QStringLiteral("delivered")}));
    QCOMPARE(tokens.size(), 3);
}

void TestTwilioClientSandbox::listFilters() {
    QVERIFY(send(QStringLiteral("+14155550123")).ok());
    QVERIFY(send(QStringLiteral("+14155550124")).ok());
    ListMessagesFilter filter;
    filter.to = QStringLiteral("+14155550123");
    const auto page = *await<TwilioResult<TwilioMessagePage>>(
        [&](auto done) { m_client->listMessages(filter, &m_ctx, done); });
    QVERIFY(page.ok());
    QCOMPARE(page.value.messages.size(), 1);
    QCOMPARE(page.value.messages[0].to, QStringLiteral("+14155550123"));
}

void TestTwilioClientSandbox::accountBalanceNumbers() {
    const auto account = *await<TwilioResult<TwilioAccount>>(
        [&](auto done) { m_client->fetchAccount(&m_ctx, done); });
    QVERIFY(account.ok());
    QCOMPARE(account.value.sid, m_sandbox->accountSid());
    QCOMPARE(account.value.friendlyName, QStringLiteral("Switchboard Sandbox"));
    const auto balance = *await<TwilioResult<TwilioBalance>>(
        [&](auto done) { m_client->fetchBalance(&m_ctx, done); });
    QCOMPARE(balance.value.currency, QStringLiteral("USD"));
    QVERIFY(!balance.value.balance.isEmpty());
    const auto numbers = *await<TwilioResult<QList<TwilioIncomingNumber>>>(
        [&](auto done) { m_client->listIncomingNumbers(&m_ctx, done); });
    QCOMPARE(numbers.value.size(), 1);
    QCOMPARE(numbers.value[0].phoneNumber, QStringLiteral("+15005550006"));
    QVERIFY(numbers.value[0].sms);
}

void TestTwilioClientSandbox::badCredentialsAre20003() {
    TwilioClient wrong(&m_nam, {m_sandbox->accountSid(), QStringLiteral("wrong"),
                                m_client->credentials().apiBase});
    const auto r =
        *await<TwilioResult<TwilioAccount>>([&](auto done) { wrong.fetchAccount(&m_ctx, done); });
    QCOMPARE(r.error.kind, TwilioError::Kind::Http);
    QCOMPARE(r.error.httpStatus, 401);
    QCOMPARE(r.error.code, 20003);
    QVERIFY(!r.error.explanation().contains(QStringLiteral("wrong")));
}

void TestTwilioClientSandbox::testNumbersFail_data() {
    QTest::addColumn<QString>("to");
    QTest::addColumn<QString>("from");
    QTest::addColumn<int>("code");
    QTest::newRow("To +15005550001: invalid") << "+15005550001"
                                              << "+15005550006" << 21211;
    QTest::newRow("To +15005550002: cannot route") << "+15005550002"
                                                   << "+15005550006" << 21612;
    QTest::newRow("To +15005550003: no international permission") << "+15005550003"
                                                                  << "+15005550006" << 21408;
    QTest::newRow("To +15005550004: blocked (STOP)") << "+15005550004"
                                                     << "+15005550006" << 21610;
    QTest::newRow("To +15005550009: not SMS-capable") << "+15005550009"
                                                      << "+15005550006" << 21614;
    QTest::newRow("From +15005550001: invalid") << "+14155550100"
                                                << "+15005550001" << 21212;
    QTest::newRow("From +15005550007: not owned") << "+14155550100"
                                                  << "+15005550007" << 21606;
    QTest::newRow("From +15005550008: queue full") << "+14155550100"
                                                   << "+15005550008" << 21611;
    QTest::newRow("From a number not on the account") << "+14155550100"
                                                      << "+14155559999" << 21606;
}

void TestTwilioClientSandbox::testNumbersFail() {
    QFETCH(QString, to);
    QFETCH(QString, from);
    QFETCH(int, code);
    const auto r = send(to, from);
    QCOMPARE(r.error.kind, TwilioError::Kind::Http);
    QCOMPARE(r.error.httpStatus, 400);
    QCOMPARE(r.error.code, code);
    QCOMPARE(r.error.moreInfo, QStringLiteral("https://www.twilio.com/docs/errors/%1").arg(code));
    QVERIFY(!r.error.explanation().isEmpty());
}

void TestTwilioClientSandbox::deliveryFailures_data() {
    QTest::addColumn<QString>("to");
    QTest::addColumn<QString>("status");
    QTest::addColumn<int>("code");
    for (int code = 30003; code <= 30007; ++code)
        QTest::addRow("%d", code) << QStringLiteral("+1500555%1").arg(code - 27000) << "undelivered"
                                  << code;
    QTest::newRow("30008") << "+15005553008"
                           << "failed" << 30008;
}

void TestTwilioClientSandbox::deliveryFailures() {
    QFETCH(QString, to);
    QFETCH(QString, status);
    QFETCH(int, code);
    const auto created = send(to);
    QVERIFY2(created.ok(), qPrintable(created.error.explanation()));
    QTRY_COMPARE(fetch(created.value.sid).value.status, status);
    QCOMPARE(fetch(created.value.sid).value.errorCode, code);
}

void TestTwilioClientSandbox::unreachableServerIsNetworkError() {
    TwilioClient offline(&m_nam,
                         {m_sandbox->accountSid(), m_sandbox->authToken(),
                          QUrl(QStringLiteral("http://127.0.0.1:%1").arg(sbtest::freePort()))});
    const auto r =
        *await<TwilioResult<TwilioBalance>>([&](auto done) { offline.fetchBalance(&m_ctx, done); });
    QCOMPARE(r.error.kind, TwilioError::Kind::Network);
    QVERIFY(r.error.isAmbiguous());
    QVERIFY(r.error.explanation().startsWith(QStringLiteral("Could not reach Twilio")));
}

QTEST_GUILESS_MAIN(TestTwilioClientSandbox)
#include "tst_twilioclient_sandbox.moc"
