#include "Await.h"
#include "http/HttpServer.h"
#include "http/RestRequest.h"

#include <QNetworkAccessManager>
#include <QtTest>

using namespace sb;
using sbtest::await;

// Credentials go only where they were configured: Qt 6.4 keeps a raw Authorization header when
// it follows a redirect to another host, so RestRequest follows redirects to the same origin
// only. Two real servers on loopback; another port is another origin.
class TestRestRequest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void sameOrigin_data();
    void sameOrigin();
    void redirectOnTheSameOriginIsFollowedWithCredentials();
    void redirectToAnotherHostIsNotFollowed_data();
    void redirectToAnotherHostIsNotFollowed();

private:
    QString base(quint16 port) const { return QStringLiteral("http://127.0.0.1:%1").arg(port); }
    static void addServer(HttpServer &server, QList<QByteArray> *authorizations);

    HttpServer m_home{QStringLiteral("home")};
    HttpServer m_elsewhere{QStringLiteral("elsewhere")};
    quint16 m_homePort = 0;
    quint16 m_elsewherePort = 0;
    QList<QByteArray> m_homeAuth;
    QList<QByteArray> m_elsewhereAuth;
    QNetworkAccessManager m_nam;
    QObject m_ctx;
};

void TestRestRequest::addServer(HttpServer &server, QList<QByteArray> *authorizations) {
    server.setLogRequests(false);
    server.route("GET", QStringLiteral("/landing"),
                 [authorizations](const HttpRequest &r, HttpServer::Reply reply) {
                     authorizations->append(r.header("Authorization"));
                     reply(HttpResponse::json(200, {{QStringLiteral("landed"), true}}));
                 });
    server.route("GET", QStringLiteral("/go"), [](const HttpRequest &r, HttpServer::Reply reply) {
        const QByteArray to =
            r.query.queryItemValue(QStringLiteral("to"), QUrl::FullyDecoded).toUtf8();
        reply({302, "text/plain", {}, {{"Location", to}}});
    });
}

void TestRestRequest::initTestCase() {
    addServer(m_home, &m_homeAuth);
    addServer(m_elsewhere, &m_elsewhereAuth);
    m_homePort = m_home.listenOn(QHostAddress::LocalHost, 0);
    m_elsewherePort = m_elsewhere.listenOn(QHostAddress::LocalHost, 0);
    QVERIFY(m_homePort && m_elsewherePort);
}

void TestRestRequest::sameOrigin_data() {
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<bool>("same");
    QTest::newRow("same path elsewhere") << "https://api.twilio.com/x"
                                         << "https://api.twilio.com/y" << true;
    QTest::newRow("default port written out") << "https://api.twilio.com/x"
                                              << "https://api.twilio.com:443/y" << true;
    QTest::newRow("host case") << "https://API.twilio.com/x"
                               << "https://api.twilio.com/y" << true;
    QTest::newRow("another host") << "https://api.twilio.com/x"
                                  << "https://evil.example/y" << false;
    QTest::newRow("a look-alike host") << "https://api.twilio.com/x"
                                       << "https://api.twilio.com.evil.example/y" << false;
    QTest::newRow("https to http") << "https://api.twilio.com/x"
                                   << "http://api.twilio.com/y" << false;
    QTest::newRow("another port") << "http://127.0.0.1:1000/x"
                                  << "http://127.0.0.1:1001/y" << false;
}

void TestRestRequest::sameOrigin() {
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(bool, same);
    QCOMPARE(RestRequest::sameOrigin(QUrl(a), QUrl(b)), same);
}

void TestRestRequest::redirectOnTheSameOriginIsFollowedWithCredentials() {
    m_homeAuth.clear();
    const QString to = base(m_homePort) + QStringLiteral("/landing");
    const auto r = await<RestResponse>([&](auto done) {
        RestRequest(&m_nam, QUrl(base(m_homePort)))
            .path(QStringLiteral("/go"))
            .query(QUrlQuery{{QStringLiteral("to"), to}})
            .basicAuth(QStringLiteral("AC123"), QStringLiteral("token-xyz"))
            .get(&m_ctx, done);
    });
    QVERIFY(r);
    QCOMPARE(r->status, 200);
    QCOMPARE(m_homeAuth.size(), 1);
    QVERIFY(m_homeAuth.first().startsWith("Basic "));
}

void TestRestRequest::redirectToAnotherHostIsNotFollowed_data() {
    QTest::addColumn<QString>("target"); // %1: the other server's port
    QTest::newRow("another port") << QStringLiteral("http://127.0.0.1:%1/landing");
    QTest::newRow("another host name") << QStringLiteral("http://localhost:%1/landing");
}

void TestRestRequest::redirectToAnotherHostIsNotFollowed() {
    QFETCH(QString, target);
    m_elsewhereAuth.clear();
    const QString to = target.arg(m_elsewherePort);
    const auto r = await<RestResponse>([&](auto done) {
        RestRequest(&m_nam, QUrl(base(m_homePort)))
            .path(QStringLiteral("/go"))
            .query(QUrlQuery{{QStringLiteral("to"), to}})
            .basicAuth(QStringLiteral("AC123"), QStringLiteral("token-xyz"))
            .get(&m_ctx, done);
    });
    QVERIFY(r);
    QVERIFY(!r->answered());
    QCOMPARE(r->error, QNetworkReply::InsecureRedirectError);
    QVERIFY2(r->errorString.contains(QLatin1String("another host")), qPrintable(r->errorString));
    QVERIFY(!r->errorString.contains(QLatin1String("token-xyz")));
    // The other server never saw a request, with or without the credentials.
    QTest::qWait(100);
    QVERIFY(m_elsewhereAuth.isEmpty());
}

QTEST_GUILESS_MAIN(TestRestRequest)
#include "tst_restrequest.moc"
