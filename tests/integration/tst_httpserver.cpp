#include "TestSupport.h"
#include "http/HttpServer.h"

#include <QTimer>
#include <QtTest>

using namespace sb;

// The routing server on QtHttpServer 6.4 with a real QNetworkAccessManager and raw sockets
// on loopback: limits, methods, pipelining order and 100-continue.
class TestHttpServer : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void routesWithPlaceholders();
    void unknownPathIs404AndWrongMethod405();
    void filterRunsBeforeRouting();
    void observerSeesWhatTheFilterFound();
    void oversizedBodyRejectedBeforeBuffering();
    void bodyAtTheLimitIsAccepted();
    void oversizedHeadersRejected();
    void chunkedBodiesRefused();
    void expectContinueAnswered();
    void pipelinedResponsesStayInOrder();
    void malformedRequestLineDoesNotCrash();

private:
    QUrl url(const QString &path) const {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path));
    }
    struct Observed {
        QString verifiedFor;
        QString fieldA;
        int status = 0;
    };
    QList<Observed> m_observed;
    HttpServer m_server{QStringLiteral("test")};
    quint16 m_port = 0;
    sbtest::Http m_http;
};

void TestHttpServer::initTestCase() {
    m_server.setMaxBodyBytes(1024 * 1024);
    m_server.setLogRequests(false);
    m_server.route("GET", QStringLiteral("/items/{id}.json"),
                   [](const HttpRequest &r, HttpServer::Reply reply) {
                       reply(HttpResponse::json(200, {{QStringLiteral("id"), r.args.value(0)}}));
                   });
    m_server.route(
        "POST", QStringLiteral("/echo"), [](const HttpRequest &r, HttpServer::Reply reply) {
            reply({200, "application/octet-stream", QByteArray::number(r.body.size()), {}});
        });
    m_server.route("GET", QStringLiteral("/slow"),
                   [](const HttpRequest &, HttpServer::Reply reply) {
                       QTimer::singleShot(200, [reply] { reply({200, "text/plain", "slow", {}}); });
                   });
    m_server.route("GET", QStringLiteral("/fast"),
                   [](const HttpRequest &, HttpServer::Reply reply) {
                       reply({200, "text/plain", "fast", {}});
                   });
    m_server.route("GET", QStringLiteral("/private/thing"),
                   [](const HttpRequest &, HttpServer::Reply reply) {
                       reply({200, "text/plain", "secret", {}});
                   });
    m_server.addFilter(QStringLiteral("/private/"),
                       [](const HttpRequest &r) -> std::optional<HttpResponse> {
                           if (r.header("X-Key") == "yes")
                               return std::nullopt;
                           return HttpResponse::error(403, QStringLiteral("no"));
                       });
    // A filter that verifies, as the signature guard does, and an observer that records, as
    // the webhook inspector does: the observer must get the verdict and the decoded form, not
    // a copy of the request taken before the filter ran.
    m_server.route("POST", QStringLiteral("/observed/form"),
                   [](const HttpRequest &, HttpServer::Reply reply) {
                       reply({200, "text/plain", "ok", {}});
                   });
    m_server.addFilter(QStringLiteral("/observed/"),
                       [](const HttpRequest &r) -> std::optional<HttpResponse> {
                           if (r.form())
                               r.signatureVerifiedFor = QStringLiteral("checked:") + r.target;
                           return std::nullopt;
                       });
    m_server.observe(QStringLiteral("/observed/"), [this](const HttpRequest &r,
                                                          const HttpResponse &response, qint64) {
        m_observed.append({r.signatureVerifiedFor,
                           r.form() ? FormEncoding::value(*r.form(), QStringLiteral("a"))
                                    : QStringLiteral("<no form>"),
                           response.status});
    });
    m_port = m_server.listenOn(QHostAddress::LocalHost, 0);
    QVERIFY(m_port != 0);
}

void TestHttpServer::routesWithPlaceholders() {
    const sbtest::Reply r = m_http.get(url(QStringLiteral("/items/abc.json")));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(QLatin1String("id")).toString(), QStringLiteral("abc"));
}

void TestHttpServer::unknownPathIs404AndWrongMethod405() {
    QCOMPARE(m_http.get(url(QStringLiteral("/nope"))).status, 404);
    QCOMPARE(m_http.get(url(QStringLiteral("/items/.json"))).status, 404);
    const sbtest::Reply r = m_http.request("DELETE", url(QStringLiteral("/echo")));
    QCOMPARE(r.status, 405);
    QCOMPARE(r.header("Allow"), QByteArray("POST"));
    QVERIFY(r.json().value(QLatin1String("error")).toObject().contains(QLatin1String("message")));
}

void TestHttpServer::filterRunsBeforeRouting() {
    QCOMPARE(m_http.get(url(QStringLiteral("/private/thing"))).status, 403);
    QCOMPARE(m_http.get(url(QStringLiteral("/private/unknown"))).status, 403); // no path probing
    QCOMPARE(m_http.get(url(QStringLiteral("/private/thing")), {{"X-Key", "yes"}}).status, 200);
    QCOMPARE(m_http.get(url(QStringLiteral("/private/unknown")), {{"X-Key", "yes"}}).status, 404);
}

void TestHttpServer::observerSeesWhatTheFilterFound() {
    m_observed.clear();
    const QList<QPair<QByteArray, QByteArray>> form{
        {"Content-Type", "application/x-www-form-urlencoded"}};
    QCOMPARE(m_http.request("POST", url(QStringLiteral("/observed/form?x=1")), "a=b%20c&d=e", form)
                 .status,
             200);
    QTRY_COMPARE(m_observed.size(), 1);
    QCOMPARE(m_observed.at(0).verifiedFor, QStringLiteral("checked:/observed/form?x=1"));
    QCOMPARE(m_observed.at(0).fieldA, QStringLiteral("b c"));
    QCOMPARE(m_observed.at(0).status, 200);
    // Not verified (not a form): the observer sees no verdict, and the route's own 404.
    QCOMPARE(m_http.request("POST", url(QStringLiteral("/observed/none")), "%zz", form).status,
             404);
    QTRY_COMPARE(m_observed.size(), 2);
    QCOMPARE(m_observed.at(1).verifiedFor, QString());
    QCOMPARE(m_observed.at(1).fieldA, QStringLiteral("<no form>"));
    QCOMPARE(m_observed.at(1).status, 404);
}

void TestHttpServer::oversizedBodyRejectedBeforeBuffering() {
    // Declares 50 MB, sends only the headers: the answer must come without the body.
    const QByteArray request = "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 52428800\r\n\r\n";
    const QByteArray answer = sbtest::rawExchange(m_port, request, 5000);
    QVERIFY2(answer.startsWith("HTTP/1.1 413"), answer.constData());
    QVERIFY(answer.contains("over the limit"));

    // Through a real client, with the body actually sent.
    const sbtest::Reply r =
        m_http.request("POST", url(QStringLiteral("/echo")), QByteArray(2 * 1024 * 1024, 'x'));
    QCOMPARE(r.status, 413);
}

void TestHttpServer::bodyAtTheLimitIsAccepted() {
    const sbtest::Reply r =
        m_http.request("POST", url(QStringLiteral("/echo")), QByteArray(1024 * 1024, 'x'));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body, QByteArray::number(1024 * 1024));
}

void TestHttpServer::oversizedHeadersRejected() {
    const QByteArray request =
        "GET /fast HTTP/1.1\r\nX-Big: " + QByteArray(20000, 'a') + "\r\n\r\n";
    QVERIFY(sbtest::rawExchange(m_port, request).startsWith("HTTP/1.1 431"));
}

void TestHttpServer::chunkedBodiesRefused() {
    const QByteArray request = "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: "
                               "chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n";
    QVERIFY(sbtest::rawExchange(m_port, request).startsWith("HTTP/1.1 411"));
}

void TestHttpServer::expectContinueAnswered() {
    // curl sends Expect: 100-continue and waits for it before the body.
    const QByteArray request =
        "POST /echo HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\nhello";
    const QByteArray answer = sbtest::rawExchange(m_port, request, 1500, 300);
    QVERIFY2(answer.startsWith("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200"), answer.constData());
    QVERIFY(answer.endsWith("\r\n\r\n5"));
}

void TestHttpServer::pipelinedResponsesStayInOrder() {
    const QByteArray request =
        "GET /slow HTTP/1.1\r\nHost: x\r\n\r\nGET /fast HTTP/1.1\r\nHost: x\r\n\r\n";
    const QByteArray answer = sbtest::rawExchange(m_port, request, 1500);
    const qsizetype slow = answer.indexOf("slow");
    const qsizetype fast = answer.indexOf("fast");
    QVERIFY2(slow > 0 && fast > slow, answer.constData());
}

void TestHttpServer::malformedRequestLineDoesNotCrash() {
    sbtest::rawExchange(m_port, "NONSENSE\r\n\r\n", 500);
    sbtest::rawExchange(m_port, "POST /echo HTTP/1.1\r\nContent-Length: 10\r\n\r\nabc", 300);
    QCOMPARE(m_http.get(url(QStringLiteral("/fast"))).status, 200);
}

QTEST_GUILESS_MAIN(TestHttpServer)
#include "tst_httpserver.moc"
