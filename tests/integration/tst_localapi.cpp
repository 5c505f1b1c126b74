#include "Await.h"
#include "PgTestServer.h"
#include "TestSupport.h"
#include "api/LocalApi.h"
#include "db/Store.h"
#include "http/HttpServer.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace sb;
using sbtest::await;

// The local API's shared part in live mode, on a real server and a real SQLite file: the token
// guards every route but health, a message SID is looked up whatever its channel, and the
// sandbox's inbound simulation does not exist at all.
class TestLocalApi : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void healthNeedsNoToken();
    void everyOtherRouteNeedsTheToken_data();
    void everyOtherRouteNeedsTheToken();
    void messageStatusNamesTheChannel_data();
    void messageStatusNamesTheChannel();
    void unknownSidIs404();
    void sandboxInboundDoesNotExistInLiveMode();

private:
    QUrl api(const QString &name) const {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(LocalApi::path(name)));
    }
    QList<QPair<QByteArray, QByteArray>> auth() const {
        return {{"Authorization", "Bearer tok-1"}};
    }

    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;
    HttpServer m_server{QStringLiteral("api")};
    std::unique_ptr<LocalApi> m_api;
    quint16 m_port = 0;
    sbtest::Http m_http;
    QObject m_ctx;
};

void TestLocalApi::initTestCase() {
    m_store = sbtest::makeStore(m_dir.filePath(QStringLiteral("switchboard.sqlite")));
    const auto opened = await<StoreResult<bool>>([&](auto done) { m_store->open(&m_ctx, done); });
    QVERIFY(opened && opened->ok());
    for (const auto &[sid, channel, from] :
         {std::tuple{"SM00000000000000000000000000000001", "sms", "+14155550100"},
          std::tuple{"SM00000000000000000000000000000002", "whatsapp", "whatsapp:+14155550100"}}) {
        InboundMessage in;
        in.sid = QString::fromLatin1(sid);
        in.channel = QString::fromLatin1(channel);
        in.from = QString::fromLatin1(from);
        in.to = QStringLiteral("+15005550006");
        in.body = QStringLiteral("hello");
        const auto stored = await<StoreResult<bool>>(
            [&](auto done) { m_store->addInboundMessage(in, &m_ctx, done); });
        QVERIFY(stored && stored->ok());
    }
    m_server.setLogRequests(false);
    LocalApiSettings settings;
    settings.apiToken = QStringLiteral("tok-1");
    settings.mode = QStringLiteral("live");
    m_api = std::make_unique<LocalApi>(&m_server, m_store.get(), settings);
    m_port = m_server.listenOn(QHostAddress::LocalHost, 0);
    QVERIFY(m_port != 0);
}

void TestLocalApi::healthNeedsNoToken() {
    const sbtest::Reply r = m_http.get(api(QStringLiteral("health")));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(QLatin1String("mode")).toString(), QStringLiteral("live"));
    QVERIFY(!r.json().value(QLatin1String("version")).toString().isEmpty());
}

void TestLocalApi::everyOtherRouteNeedsTheToken_data() {
    QTest::addColumn<QByteArray>("header");
    QTest::newRow("no Authorization") << QByteArray();
    QTest::newRow("wrong token") << QByteArray("Bearer tok-2");
    QTest::newRow("token as a prefix") << QByteArray("Bearer tok-");
    QTest::newRow("token with a tail") << QByteArray("Bearer tok-11");
    QTest::newRow("Basic instead of Bearer") << QByteArray("Basic dG9rLTE=");
}

void TestLocalApi::everyOtherRouteNeedsTheToken() {
    QFETCH(QByteArray, header);
    QList<QPair<QByteArray, QByteArray>> headers;
    if (!header.isEmpty())
        headers.append({"Authorization", header});
    const sbtest::Reply r = m_http.get(
        api(QStringLiteral("message-status/SM00000000000000000000000000000001")), headers);
    QCOMPARE(r.status, 401);
    // The error says what is wrong without echoing what was sent.
    const QString message = r.json()
                                .value(QLatin1String("error"))
                                .toObject()
                                .value(QLatin1String("message"))
                                .toString();
    QVERIFY2(!message.isEmpty(), r.body.constData());
    QVERIFY(!r.body.contains("tok-"));
}

void TestLocalApi::messageStatusNamesTheChannel_data() {
    QTest::addColumn<QString>("sid");
    QTest::addColumn<QString>("channel");
    QTest::newRow("SMS") << QStringLiteral("SM00000000000000000000000000000001")
                         << QStringLiteral("sms");
    QTest::newRow("WhatsApp") << QStringLiteral("SM00000000000000000000000000000002")
                              << QStringLiteral("whatsapp");
}

void TestLocalApi::messageStatusNamesTheChannel() {
    QFETCH(QString, sid);
    QFETCH(QString, channel);
    const sbtest::Reply r = m_http.get(api(QStringLiteral("message-status/") + sid), auth());
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(QLatin1String("channel")).toString(), channel);
    QCOMPARE(r.json().value(QLatin1String("direction")).toString(), QStringLiteral("inbound"));
}

void TestLocalApi::unknownSidIs404() {
    const sbtest::Reply r = m_http.get(
        api(QStringLiteral("message-status/SM0000000000000000000000000000dead")), auth());
    QCOMPARE(r.status, 404);
    QVERIFY(r.json()
                .value(QLatin1String("error"))
                .toObject()
                .value(QLatin1String("message"))
                .toString()
                .contains(QLatin1String("SM0000000000000000000000000000dead")));
}

void TestLocalApi::sandboxInboundDoesNotExistInLiveMode() {
    const QJsonObject json{{QStringLiteral("from"), QStringLiteral("+14155550100")},
                           {QStringLiteral("body"), QStringLiteral("hi")},
                           {QStringLiteral("channel"), QStringLiteral("sms")}};
    QCOMPARE(m_http.postJson(api(QStringLiteral("sandbox/inbound")), json, auth()).status, 404);
    // Nothing was stored on its account.
    MessageQuery query;
    query.text = QStringLiteral("hi");
    const auto found = await<StoreResult<QList<MessageRecord>>>(
        [&](auto done) { m_store->findMessages(query, &m_ctx, done); });
    QVERIFY(found && found->ok());
    QVERIFY(found->value.isEmpty());
}

QTEST_GUILESS_MAIN(TestLocalApi)
#include "tst_localapi.moc"
