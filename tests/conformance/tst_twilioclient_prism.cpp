#include "Await.h"
#include "TestSupport.h"
#include "http/FormEncoding.h"
#include "http/HttpServer.h"
#include "providers/twilio/TwilioClient.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QtTest>

using namespace sb;
using sbtest::await;

// Every request TwilioClient makes, checked by Prism against Twilio's official OpenAPI
// description (../shared/openapi/twilio_api_v2010.json): a request that does not match the
// spec gets 422 from Prism, so "no 422" means the spec accepts it.
class TestTwilioClientPrism : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void createMessage_data();
    void createMessage();
    void createMessageThroughMessagingService_data();
    void createMessageThroughMessagingService();
    void malformedMessagingServiceSidIsRefusedByTheMock();
    void fetchMessage();
    void listMessages();
    void account();
    void balance();
    void incomingNumbers();
    void missingCredentialsAreRefusedByTheMock();
    void malformedContentSidIsRefusedByTheMock();

private:
    template <typename T> void expectAccepted(const TwilioResult<T> &result);

    sbtest::Child m_prism;
    QNetworkAccessManager m_nam;
    std::unique_ptr<TwilioClient> m_client;
    QUrl m_base;
    QObject m_ctx;
};

void TestTwilioClientPrism::initTestCase() {
    SB_REQUIRE_SHARED("/openapi/twilio_api_v2010.json");
    SB_REQUIRE_PRISM_INSTALLED();
    QVERIFY(sbtest::startPrism(
        m_prism, sbtest::sharedDir() + QStringLiteral("/openapi/twilio_api_v2010.json"), &m_base));
    // Prism takes several seconds to load the 1.9 MB spec: wait for the port, not a fixed time.
    QVERIFY2(m_prism.waitForHttp(m_base, 90000), m_prism.output().right(2000).constData());
    m_client = std::make_unique<TwilioClient>(
        &m_nam, TwilioCredentials{QStringLiteral("AC0123456789abcdef0123456789abcdef"),
                                  QStringLiteral("token"), m_base});
}

template <typename T> void TestTwilioClientPrism::expectAccepted(const TwilioResult<T> &result) {
    QVERIFY2(result.error.httpStatus != 422, qPrintable(result.error.message));
    QVERIFY2(
        result.ok(),
        qPrintable(
            QStringLiteral("HTTP %1: %2").arg(result.error.httpStatus).arg(result.error.message)));
}

void TestTwilioClientPrism::createMessage_data() {
    QTest::addColumn<QString>("to");
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("body");
    QTest::addColumn<QString>("contentSid");
    QTest::addColumn<QString>("contentVariables");
    QTest::addColumn<QStringList>("mediaUrls"); // each a MediaUrl field
    QTest::newRow("SMS") << "+14155550100"
                         << "+15005550006"
                         << "Hello + welcome & thanks = 100%"
                         << ""
                         << "" << QStringList{};
    QTest::newRow("WhatsApp, free text") << "whatsapp:+14155550100"
                                         << "whatsapp:+14155238886"
                                         << "Your order ships today."
                                         << ""
                                         << "" << QStringList{};
    // What the outbox sends for a template (any channel): ContentSid and ContentVariables, no
    // Body.
    QTest::newRow("WhatsApp, template with variables")
        << "whatsapp:+14155550100"
        << "whatsapp:+14155238886"
        << ""
        << "HX611d3e3343e5194d7f290e44b392b617"
        << R"({"1":"Ana","2":"#4242","3":"Monday \"after 5\" & later"})" << QStringList{};
    QTest::newRow("WhatsApp, template without variables") << "whatsapp:+14155550100"
                                                          << "whatsapp:+14155238886"
                                                          << ""
                                                          << "HXcdd3aefeae2ca465734bec85e8ca06b1"
                                                          << "" << QStringList{};
    QTest::newRow("SMS, template") << "+14155550100"
                                   << "+15005550006"
                                   << ""
                                   << "HX98535d84544ae00de72304c14fb7aeb3"
                                   << R"({"1":"Sam"})" << QStringList{};
    // Media (MMS, WhatsApp): each URL its own MediaUrl field, with text or without.
    const QStringList two{
        QStringLiteral("https://abc.ngrok.app/media/GVPcwUApWMkylrKrYHcOMKJzJ6tx"),
        QStringLiteral("https://abc.ngrok.app/media/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")};
    QTest::newRow("MMS, two media and text") << "+14155550100"
                                             << "+15005550006"
                                             << "Your receipt"
                                             << ""
                                             << "" << two;
    QTest::newRow("MMS, media only") << "+14155550100"
                                     << "+15005550006"
                                     << ""
                                     << ""
                                     << "" << QStringList{two.first()};
    QTest::newRow("WhatsApp, one image with a caption") << "whatsapp:+14155550100"
                                                        << "whatsapp:+14155238886"
                                                        << "Here it is"
                                                        << ""
                                                        << "" << QStringList{two.first()};
}

void TestTwilioClientPrism::createMessage() {
    QFETCH(QString, to);
    QFETCH(QString, from);
    QFETCH(QString, body);
    QFETCH(QString, contentSid);
    QFETCH(QString, contentVariables);
    QFETCH(QStringList, mediaUrls);
    SendMessageParams p;
    p.to = to;
    p.from = from;
    p.body = body;
    p.contentSid = contentSid;
    p.contentVariables = contentVariables;
    p.mediaUrls = mediaUrls;
    p.statusCallback = QStringLiteral("https://abc.ngrok.app/twilio/sms-status");
    TwilioClient *client = m_client.get();
    // Media goes as one MediaUrl field per URL, as Twilio's helpers send it. Prism cannot read
    // repeated form keys as an array (stoplightio/prism#2473) but reads "MediaUrl[]" ones: a
    // relay on loopback checks the request exactly as sent, renames only those keys, and hands
    // it to Prism, so every other byte of it is still checked against the spec.
    HttpServer relay(QStringLiteral("relay"));
    relay.setLogRequests(false);
    std::unique_ptr<TwilioClient> relayed;
    QList<FormFields> seen;
    if (!mediaUrls.isEmpty()) {
        relay.route("POST", QStringLiteral("/2010-04-01/Accounts/{sid}/Messages.json"),
                    [&](const HttpRequest &request, HttpServer::Reply reply) {
                        FormFields fields;
                        FormEncoding::decode(request.body, &fields);
                        seen.append(fields);
                        for (auto &[key, value] : fields) {
                            if (key == QLatin1String("MediaUrl"))
                                key = QStringLiteral("MediaUrl[]");
                        }
                        QNetworkRequest forward(QUrl(m_base.toString() + request.path));
                        forward.setHeader(QNetworkRequest::ContentTypeHeader,
                                          QByteArrayLiteral("application/x-www-form-urlencoded"));
                        forward.setRawHeader("Authorization", request.header("Authorization"));
                        QNetworkReply *answer = m_nam.post(forward, FormEncoding::encode(fields));
                        connect(answer, &QNetworkReply::finished, this, [answer, reply] {
                            answer->deleteLater();
                            HttpResponse response;
                            response.status =
                                answer->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                            response.contentType =
                                answer->header(QNetworkRequest::ContentTypeHeader).toByteArray();
                            response.body = answer->readAll();
                            reply(response);
                        });
                    });
        const quint16 port = relay.listenOn(QHostAddress::LocalHost, 0);
        QVERIFY(port);
        relayed = std::make_unique<TwilioClient>(
            &m_nam, TwilioCredentials{QStringLiteral("AC0123456789abcdef0123456789abcdef"),
                                      QStringLiteral("token"),
                                      QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port))});
        client = relayed.get();
    }
    const auto r = *await<TwilioResult<TwilioMessage>>(
        [&](auto done) { client->createMessage(p, &m_ctx, done); });
    if (!mediaUrls.isEmpty()) {
        QCOMPARE(seen.size(), 1);
        QStringList sent;
        for (const auto &[key, value] : seen.first()) {
            if (key == QLatin1String("MediaUrl"))
                sent.append(value);
        }
        QCOMPARE(sent, mediaUrls); // one MediaUrl field each, in order
    }
    expectAccepted(r);
    QVERIFY(r.value.sid.startsWith(QLatin1String("SM")) ||
            r.value.sid.startsWith(QLatin1String("MM")));
}

void TestTwilioClientPrism::createMessageThroughMessagingService_data() {
    QTest::addColumn<QString>("body");
    QTest::addColumn<QString>("contentSid");
    QTest::newRow("SMS text, no From") << "Your table is ready"
                                       << "";
    QTest::newRow("template, no From") << ""
                                       << "HX98535d84544ae00de72304c14fb7aeb3";
}

// A Messaging Service as the sender: MessagingServiceSid instead of From (Twilio's spec says one
// of them is required, and the service's pattern is MG + 32 hex). A scheduled message never
// carries SendAt: Switchboard holds it until its time and then sends it like this.
void TestTwilioClientPrism::createMessageThroughMessagingService() {
    QFETCH(QString, body);
    QFETCH(QString, contentSid);
    SendMessageParams p;
    p.to = QStringLiteral("+14155550100");
    p.messagingServiceSid = QStringLiteral("MG0123456789abcdef0123456789abcdef");
    p.body = body;
    p.contentSid = contentSid;
    p.statusCallback = QStringLiteral("https://abc.ngrok.app/twilio/sms-status");
    const auto r = *await<TwilioResult<TwilioMessage>>(
        [&](auto done) { m_client->createMessage(p, &m_ctx, done); });
    expectAccepted(r);
}

void TestTwilioClientPrism::malformedMessagingServiceSidIsRefusedByTheMock() {
    // Proves the mock checks the field we send, so the case above is a real check.
    SendMessageParams p;
    p.to = QStringLiteral("+14155550100");
    p.messagingServiceSid = QStringLiteral("MG123");
    p.body = QStringLiteral("x");
    const auto r = *await<TwilioResult<TwilioMessage>>(
        [&](auto done) { m_client->createMessage(p, &m_ctx, done); });
    QVERIFY(!r.ok());
    QCOMPARE(r.error.httpStatus, 422);
}

void TestTwilioClientPrism::fetchMessage() {
    const auto r = *await<TwilioResult<TwilioMessage>>([&](auto done) {
        m_client->fetchMessage(QStringLiteral("SM0123456789abcdef0123456789abcdef"), &m_ctx, done);
    });
    expectAccepted(r);
}

void TestTwilioClientPrism::listMessages() {
    ListMessagesFilter filter;
    filter.to = QStringLiteral("+14155550100");
    filter.from = QStringLiteral("+15005550006");
    filter.dateSentOnOrAfter = QDateTime(QDate(2026, 11, 1), QTime(0, 0), Qt::UTC);
    filter.pageSize = 100;
    const auto r = *await<TwilioResult<TwilioMessagePage>>(
        [&](auto done) { m_client->listMessages(filter, &m_ctx, done); });
    expectAccepted(r);
}

void TestTwilioClientPrism::account() {
    expectAccepted(*await<TwilioResult<TwilioAccount>>(
        [&](auto done) { m_client->fetchAccount(&m_ctx, done); }));
}

void TestTwilioClientPrism::balance() {
    expectAccepted(*await<TwilioResult<TwilioBalance>>(
        [&](auto done) { m_client->fetchBalance(&m_ctx, done); }));
}

void TestTwilioClientPrism::incomingNumbers() {
    expectAccepted(*await<TwilioResult<QList<TwilioIncomingNumber>>>(
        [&](auto done) { m_client->listIncomingNumbers(&m_ctx, done); }));
}

void TestTwilioClientPrism::missingCredentialsAreRefusedByTheMock() {
    // Proves the mock really validates: a malformed account SID breaks the spec's pattern.
    TwilioClient bad(&m_nam, {QStringLiteral("not-an-account"), QStringLiteral("token"), m_base});
    const auto r =
        *await<TwilioResult<TwilioBalance>>([&](auto done) { bad.fetchBalance(&m_ctx, done); });
    QVERIFY(!r.ok());
    QCOMPARE(r.error.httpStatus, 422);
}

void TestTwilioClientPrism::malformedContentSidIsRefusedByTheMock() {
    // Proves the mock checks ContentSid: the spec's pattern is HX + 32 hex.
    SendMessageParams p;
    p.to = QStringLiteral("whatsapp:+14155550100");
    p.from = QStringLiteral("whatsapp:+14155238886");
    p.contentSid = QStringLiteral("HX123");
    const auto r = *await<TwilioResult<TwilioMessage>>(
        [&](auto done) { m_client->createMessage(p, &m_ctx, done); });
    QVERIFY(!r.ok());
    QCOMPARE(r.error.httpStatus, 422);
}

QTEST_GUILESS_MAIN(TestTwilioClientPrism)
#include "tst_twilioclient_prism.moc"
