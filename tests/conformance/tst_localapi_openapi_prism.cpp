#include "ServiceFixture.h"
#include "TestSupport.h"
#include "api/LocalApi.h"
#include "runtime/SwitchboardService.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

using namespace sb;

// The running server against its own OpenAPI document: Prism in proxy mode with --errors sits
// in front of the real embedded server (sandbox mode) and checks every request and every
// answer against openapi.json as served; each documented operation is exercised through it,
// its happy path and a 400 (or the error it documents), and no answer may carry a violation.
class TestLocalApiOpenApiPrism : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void throughTheProxy_data();
    void throughTheProxy();

private:
    QString fill(QString text) const;

    QTemporaryDir m_dir;
    std::unique_ptr<SwitchboardService> m_service;
    sbtest::Child m_prism;
    QUrl m_proxy;
    sbtest::Http m_http;
    QString m_messageSid;
    QString m_callSid;
    QString m_emailId;
    QString m_numberSid;
};

void TestLocalApiOpenApiPrism::initTestCase() {
    SB_REQUIRE_PRISM_INSTALLED();
    qputenv("SWITCHBOARD_SANDBOX_DELAY_MS", "20");
    QString error;
    m_service = sbtest::startService(m_dir.path() + QStringLiteral("/data"),
                                     QStringLiteral("prism-token"), {}, {}, &error);
    QVERIFY2(m_service, qPrintable(error));
    // The document exactly as the server serves it.
    const QString spec = m_dir.path() + QStringLiteral("/openapi.json");
    QFile file(spec);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(LocalApi::openApiDocument());
    file.close();
    const quint16 port = sbtest::freePort();
    QVERIFY(
        m_prism.start(sbtest::prismPath(),
                      {QStringLiteral("proxy"), QStringLiteral("-h"), QStringLiteral("127.0.0.1"),
                       QStringLiteral("-p"), QString::number(port), QStringLiteral("--errors"),
                       spec, QStringLiteral("http://127.0.0.1:%1").arg(m_service->port())}));
    m_proxy = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
    QVERIFY2(m_prism.waitForHttp(
                 QUrl(m_proxy.toString() + LocalApi::path(QStringLiteral("health"))), 60000),
             m_prism.output().constData());

    // Something for the status routes to find (straight to the server, not through Prism).
    const QList<QPair<QByteArray, QByteArray>> auth{{"Authorization", "Bearer prism-token"}};
    const QString base = QStringLiteral("http://127.0.0.1:%1").arg(m_service->port());
    m_messageSid = m_http
                       .postJson(QUrl(base + LocalApi::path(QStringLiteral("send-sms"))),
                                 {{QStringLiteral("to"), QStringLiteral("+14155550123")},
                                  {QStringLiteral("body"), QStringLiteral("Hi")}},
                                 auth)
                       .json()
                       .value(QLatin1String("messageSid"))
                       .toString();
    m_callSid = m_http
                    .postJson(QUrl(base + LocalApi::path(QStringLiteral("initiate-call"))),
                              {{QStringLiteral("to"), QStringLiteral("+14155550124")}}, auth)
                    .json()
                    .value(QLatin1String("callSid"))
                    .toString();
    m_emailId = m_http
                    .postJson(QUrl(base + LocalApi::path(QStringLiteral("send-email"))),
                              {{QStringLiteral("to"), QStringLiteral("ana@example.com")},
                               {QStringLiteral("subject"), QStringLiteral("Hi")},
                               {QStringLiteral("text"), QStringLiteral("Hello")}},
                              auth)
                    .json()
                    .value(QLatin1String("id"))
                    .toString();
    m_numberSid = m_http.get(QUrl(base + LocalApi::path(QStringLiteral("phone-numbers"))), auth)
                      .json()
                      .value(QLatin1String("phoneNumbers"))
                      .toArray()
                      .first()
                      .toObject()
                      .value(QLatin1String("sid"))
                      .toString();
    QVERIFY(!m_messageSid.isEmpty() && !m_callSid.isEmpty() && !m_emailId.isEmpty());
    QVERIFY(!m_numberSid.isEmpty());
}

void TestLocalApiOpenApiPrism::cleanupTestCase() {
    m_service.reset();
}

QString TestLocalApiOpenApiPrism::fill(QString text) const {
    return text.replace(QLatin1String("{messageSid}"), m_messageSid)
        .replace(QLatin1String("{callSid}"), m_callSid)
        .replace(QLatin1String("{emailId}"), m_emailId)
        .replace(QLatin1String("{numberSid}"), m_numberSid);
}

void TestLocalApiOpenApiPrism::throughTheProxy_data() {
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    auto row = [](const char *name, const char *method, const char *path, const char *body,
                  int status) {
        QTest::newRow(name) << QByteArray(method) << QString::fromLatin1(path) << QByteArray(body)
                            << status;
    };
    row("health", "GET", "health", "", 200);
    row("openapi.json", "GET", "openapi.json", "", 200);
    row("send-sms", "POST", "send-sms", R"({"to":"+14155550125","body":"Hello"})", 201);
    row("send-sms 400", "POST", "send-sms", R"({"to":"12","body":"Hello"})", 400);
    row("sms-status", "GET", "sms-status/{messageSid}", "", 200);
    row("sms-status 404", "GET", "sms-status/SM00000000000000000000000000009999", "", 404);
    row("message-status", "GET", "message-status/{messageSid}", "", 200);
    row("media list 404", "GET", "messages/SM00000000000000000000000000009999/media", "", 404);
    row("media file 404", "GET", "messages/SM00000000000000000000000000009999/media/1", "", 404);
    row("send-whatsapp", "POST", "send-whatsapp",
        R"({"to":"whatsapp:+14155550126","contentSid":"HX611d3e3343e5194d7f290e44b392b617",)"
        R"("contentVariables":{"1":"Ana","2":"#4242","3":"Monday"}})",
        201);
    row("send-whatsapp 400", "POST", "send-whatsapp", R"({"to":"messenger:ana","body":"Hi"})", 400);
    row("send-email", "POST", "send-email", R"({"to":"bo@example.com","subject":"Hi","text":"Yo"})",
        202);
    row("send-email 400", "POST", "send-email",
        R"({"to":"not an address","subject":"Hi","text":"Yo"})", 400);
    row("email-status", "GET", "email-status/{emailId}", "", 200);
    row("email-status 404", "GET", "email-status/EM00000000000000000000000000009999", "", 404);
    row("email-usage", "GET", "email-usage", "", 200);
    row("initiate-call", "POST", "initiate-call", R"({"to":"+14155550127"})", 201);
    row("initiate-call 400", "POST", "initiate-call", R"({"to":"nobody"})", 400);
    row("click-to-call 400 (no agent phone)", "POST", "click-to-call", R"({"to":"+14155550128"})",
        400);
    row("call-status", "GET", "call-status/{callSid}", "", 200);
    row("call-status 404", "GET", "call-status/CA00000000000000000000000000009999", "", 404);
    row("digits 400", "POST", "calls/{callSid}/digits", R"({"digits":"abc"})", 400);
    row("digits 404", "POST", "calls/CA00000000000000000000000000009999/digits",
        R"({"digits":"1"})", 404);
    row("recording 404", "GET", "calls/{callSid}/recordings/1", "", 404);
    row("recording delete 404", "DELETE", "calls/{callSid}/recordings/1", "", 404);
    row("ivr", "GET", "ivr", "", 200);
    row("ivr 400", "PUT", "ivr", R"({"greeting":5})", 400);
    row("messages", "GET", "messages?limit=2&channel=sms", "", 200);
    row("messages 400", "GET", "messages?before=abc", "", 400);
    row("scheduled", "GET", "scheduled", "", 200);
    row("scheduled delete 404", "DELETE", "scheduled/999999", "", 404);
    row("sandbox inbound", "POST", "sandbox/inbound", R"({"from":"+14155550129","body":"Hi"})",
        201);
    row("sandbox inbound 400", "POST", "sandbox/inbound", R"({"from":"nobody","body":"Hi"})", 400);
    row("account-info", "GET", "account-info", "", 200);
    row("phone-numbers", "GET", "phone-numbers", "", 200);
    row("wire", "POST", "phone-numbers/{numberSid}/wire", R"({"onlyWhileRunning":false})", 200);
    row("restore", "POST", "phone-numbers/{numberSid}/restore", "", 200);
    row("restore 404", "POST", "phone-numbers/{numberSid}/restore", "", 404);
    row("wire 404", "POST", "phone-numbers/PN00000000000000000000000000009999/wire", "", 404);
    row("messaging-services", "GET", "messaging-services", "", 200);
    row("calls", "GET", "calls?limit=2", "", 200);
    row("calls 400", "GET", "calls?before=abc", "", 400);
    row("emails", "GET", "emails?limit=2", "", 200);
    row("emails 400", "GET", "emails?before=abc", "", 400);
    row("contacts", "GET", "contacts?limit=2&q=%2B1415", "", 200);
    row("contacts 400", "GET", "contacts?before=abc", "", 400);
    // Contact 1 is the first number the sends above wrote to.
    row("assign", "POST", "contacts/1/assign", R"({"agent":"Ana Lima"})", 200);
    row("assign 409", "POST", "contacts/1/assign", R"({"agent":"Ben","ifAssignee":null})", 409);
    row("assign 400", "POST", "contacts/1/assign", R"({"agent":"Ana\nLima"})", 400);
    row("assign 404", "POST", "contacts/999999/assign", R"({"agent":"Ana"})", 404);
    row("contacts by assignee", "GET", "contacts?assignee=Ana%20Lima", "", 200);
    row("agents", "GET", "agents", "", 200);
    row("presence put", "PUT", "contacts/1/presence", R"({"agent":"Ana Lima","state":"viewing"})",
        204);
    row("presence", "GET", "contacts/1/presence", "", 200);
    row("presence 400", "PUT", "contacts/1/presence", R"({"agent":"Ana\nLima","state":null})", 400);
    row("presence 404", "PUT", "contacts/999999/presence", R"({"agent":"Ana","state":"viewing"})",
        404);
    row("webhooks", "GET", "webhooks?limit=5", "", 200);
    row("webhook 404", "GET", "webhooks/999999", "", 404);
}

void TestLocalApiOpenApiPrism::throughTheProxy() {
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QList<QPair<QByteArray, QByteArray>> headers{{"Authorization", "Bearer prism-token"}};
    if (!body.isEmpty())
        headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
    const sbtest::Reply reply = m_http.request(
        method, QUrl(m_proxy.toString() + LocalApi::path(fill(path))), body, headers);
    // Prism marks what does not match the document: a header, or (with --errors) its own 422/500.
    QVERIFY2(reply.header("sl-violations").isEmpty(), reply.header("sl-violations").constData());
    QVERIFY2(
        reply.status == status,
        qPrintable(QStringLiteral("%1: %2").arg(reply.status).arg(QString::fromUtf8(reply.body))));
}

QTEST_GUILESS_MAIN(TestLocalApiOpenApiPrism)
#include "tst_localapi_openapi_prism.moc"
