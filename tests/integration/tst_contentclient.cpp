#include "Await.h"
#include "TestSupport.h"
#include "http/HttpServer.h"
#include "providers/twilio/ContentClient.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QtTest>

using namespace sb;
using sbtest::await;
using Templates = ContentClient::Templates;

// ContentClient against a small Content API served over loopback by our own HttpServer: paging
// through meta.next_page_url, the approval mapping, and every kind of failure arriving as a
// TwilioError with the sentence an agent reads.
class TestContentClient : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void listsEveryPageWithApprovals();
    void listsTemplatesWithoutApprovals();
    void fetchesOneApproval();
    void wrongCredentialsAre20003();
    void unknownTemplateIs404();
    void unknownPathIs404();
    void networkFailure();
    void unreadableAnswerIsAProtocolError();
    void nextPageOutsideTheListIsRefused();
    void endlessPagingStops();
    void worksUnderABasePath();
    void receiverGoneGetsNothing();

private:
    QUrl base(const QString &path = {}) const {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path));
    }
    ContentClient client(const QUrl &base, const QString &token = QStringLiteral("secret"));
    static QJsonObject page(const QJsonArray &contents, const QString &next);
    static QJsonObject content(const QString &sid, const QString &name, const QString &body,
                               const QJsonValue &approval = QJsonValue::Undefined);
    void servePages(const QString &prefix);

    HttpServer m_server{QStringLiteral("content-api")};
    quint16 m_port = 0;
    QNetworkAccessManager m_nam;
    QObject m_ctx;
    QList<HttpRequest> m_requests;
};

namespace {

const QString kSid = QStringLiteral("AC0123456789abcdef0123456789abcdef");
const QString kApproved = QStringLiteral("HX00000000000000000000000000000001");
const QString kPending = QStringLiteral("HX00000000000000000000000000000002");
const QString kRejected = QStringLiteral("HX00000000000000000000000000000003");
const QString kUnsubmitted = QStringLiteral("HX00000000000000000000000000000004");

QJsonObject approval(const QString &status, const QString &reason = {}) {
    return {{QStringLiteral("name"), QStringLiteral("t")},
            {QStringLiteral("category"), QStringLiteral("UTILITY")},
            {QStringLiteral("content_type"), QStringLiteral("twilio/text")},
            {QStringLiteral("status"), status},
            {QStringLiteral("rejection_reason"), reason},
            {QStringLiteral("allow_category_change"), true}};
}

HttpResponse twilioError(int status, int code, const QString &message) {
    return HttpResponse::json(status,
                              {{QStringLiteral("code"), code},
                               {QStringLiteral("message"), message},
                               {QStringLiteral("more_info"),
                                QStringLiteral("https://www.twilio.com/docs/errors/%1").arg(code)},
                               {QStringLiteral("status"), status}});
}

} // namespace

ContentClient TestContentClient::client(const QUrl &base, const QString &token) {
    return ContentClient(&m_nam, TwilioCredentials{kSid, token, {}}, base);
}

QJsonObject TestContentClient::page(const QJsonArray &contents, const QString &next) {
    return {{QStringLiteral("contents"), contents},
            {QStringLiteral("meta"),
             QJsonObject{{QStringLiteral("page_size"), 2},
                         {QStringLiteral("key"), QStringLiteral("contents")},
                         {QStringLiteral("next_page_url"),
                          next.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(next)}}}};
}

QJsonObject TestContentClient::content(const QString &sid, const QString &name, const QString &body,
                                       const QJsonValue &approvalValue) {
    QJsonObject o{
        {QStringLiteral("sid"), sid},
        {QStringLiteral("account_sid"), kSid},
        {QStringLiteral("friendly_name"), name},
        {QStringLiteral("language"), QStringLiteral("en")},
        {QStringLiteral("variables"),
         QJsonObject{{QStringLiteral("1"), QStringLiteral("Customer")}}},
        {QStringLiteral("types"), QJsonObject{{QStringLiteral("twilio/text"),
                                               QJsonObject{{QStringLiteral("body"), body}}}}}};
    if (!approvalValue.isUndefined())
        o.insert(QStringLiteral("approval_requests"), approvalValue);
    return o;
}

// Two pages of each list under `prefix`; the first page's next_page_url names Twilio's own
// host, as the real API does: the client must come back here, not go there.
void TestContentClient::servePages(const QString &prefix) {
    const QString host = QStringLiteral("https://content.twilio.com") + prefix;
    m_server.route(
        "GET", prefix + QStringLiteral("/v1/ContentAndApprovals"),
        [host](const HttpRequest &r, HttpServer::Reply reply) {
            if (r.query.queryItemValue(QStringLiteral("PageToken")) == QLatin1String("PT2")) {
                reply(HttpResponse::json(
                    200,
                    page({content(kRejected, QStringLiteral("promo"), QStringLiteral("Sale {{1}}"),
                                  approval(QStringLiteral("rejected"),
                                           QStringLiteral("INVALID_FORMAT"))),
                          content(kUnsubmitted, QStringLiteral("draft"), QStringLiteral("Draft"),
                                  QJsonValue(QJsonValue::Null))},
                         {})));
                return;
            }
            reply(HttpResponse::json(
                200,
                page({content(kApproved, QStringLiteral("order_ready"),
                              QStringLiteral("Hi {{1}}, order {{2}} is ready."),
                              approval(QStringLiteral("approved"))),
                      content(kPending, QStringLiteral("reminder"), QStringLiteral("See you {{1}}"),
                              approval(QStringLiteral("received")))},
                     host + QStringLiteral("/v1/ContentAndApprovals?PageSize=2&Page=1&"
                                           "PageToken=PT2"))));
        });
    m_server.route(
        "GET", prefix + QStringLiteral("/v1/Content"),
        [host](const HttpRequest &r, HttpServer::Reply reply) {
            const bool second =
                r.query.queryItemValue(QStringLiteral("Page")) == QLatin1String("1");
            reply(HttpResponse::json(
                200,
                second ? page({content(kRejected, QStringLiteral("promo"), QStringLiteral("Sale"))},
                              {})
                       : page({content(kApproved, QStringLiteral("order_ready"),
                                       QStringLiteral("Hi {{1}}"))},
                              host + QStringLiteral("/v1/Content?PageSize=1&Page=1"))));
        });
}

void TestContentClient::initTestCase() {
    m_server.setLogRequests(false);
    // Every request is recorded, and must carry the account's Basic credentials.
    m_server.addFilter(QStringLiteral("/"),
                       [this](const HttpRequest &r) -> std::optional<HttpResponse> {
                           m_requests.append(r);
                           const QByteArray expected =
                               "Basic " + (kSid + QStringLiteral(":secret")).toUtf8().toBase64();
                           if (r.header("Authorization") != expected)
                               return twilioError(401, 20003, QStringLiteral("Authenticate"));
                           return std::nullopt;
                       });
    servePages(QString());
    servePages(QStringLiteral("/proxy/content"));
    m_server.route("GET", QStringLiteral("/v1/Content/{sid}/ApprovalRequests"),
                   [](const HttpRequest &r, HttpServer::Reply reply) {
                       const QString sid = r.args.value(0);
                       if (sid != kPending) {
                           reply(twilioError(404, 20404,
                                             QStringLiteral("The requested resource /v1/Content/%1/"
                                                            "ApprovalRequests was not found")
                                                 .arg(sid)));
                           return;
                       }
                       reply(HttpResponse::json(
                           200, {{QStringLiteral("sid"), sid},
                                 {QStringLiteral("account_sid"), kSid},
                                 {QStringLiteral("whatsapp"), approval(QStringLiteral("pending"))},
                                 {QStringLiteral("url"),
                                  QStringLiteral("https://content.twilio.com/v1/Content/") + sid +
                                      QStringLiteral("/ApprovalRequests")}}));
                   });
    // Misbehaving lists, each under its own prefix.
    m_server.route("GET", QStringLiteral("/garbled/v1/ContentAndApprovals"),
                   [](const HttpRequest &, HttpServer::Reply reply) {
                       reply({200, "application/json", "<html>not json</html>", {}});
                   });
    m_server.route("GET", QStringLiteral("/elsewhere/v1/ContentAndApprovals"),
                   [](const HttpRequest &, HttpServer::Reply reply) {
                       reply(HttpResponse::json(
                           200, page({content(kApproved, QStringLiteral("a"), QStringLiteral("a"))},
                                     QStringLiteral("https://content.twilio.com/elsewhere/v1/"
                                                    "Secrets?Page=1"))));
                   });
    m_server.route("GET", QStringLiteral("/loop/v1/ContentAndApprovals"),
                   [](const HttpRequest &, HttpServer::Reply reply) {
                       reply(HttpResponse::json(
                           200, page({}, QStringLiteral("https://content.twilio.com/loop/v1/"
                                                        "ContentAndApprovals?Page=1"))));
                   });
    m_port = m_server.listenOn(QHostAddress::LocalHost, 0);
    QVERIFY(m_port != 0);
}

void TestContentClient::init() {
    m_requests.clear();
}

void TestContentClient::listsEveryPageWithApprovals() {
    ContentClient c = client(base());
    const auto r = *await<TwilioResult<Templates>>(
        [&](auto done) { c.listTemplatesWithApprovals(&m_ctx, done); });
    QVERIFY2(r.ok(), qPrintable(r.error.explanation()));
    QCOMPARE(r.value.size(), 4);

    // Two requests, both here: the first with our page size, the second with Twilio's token.
    QCOMPARE(m_requests.size(), 2);
    QCOMPARE(m_requests[0].path, QStringLiteral("/v1/ContentAndApprovals"));
    QCOMPARE(m_requests[0].query.queryItemValue(QStringLiteral("PageSize")),
             QString::number(ContentClient::PageSize));
    QCOMPARE(m_requests[1].path, QStringLiteral("/v1/ContentAndApprovals"));
    QCOMPARE(m_requests[1].query.queryItemValue(QStringLiteral("PageToken")),
             QStringLiteral("PT2"));
    QCOMPARE(m_requests[1].query.queryItemValue(QStringLiteral("PageSize")), QStringLiteral("2"));

    // Approved, pending, rejected with WhatsApp's reason, never submitted: in page order.
    const Templates &t = r.value;
    QCOMPARE(t[0].sid, kApproved);
    QCOMPARE(t[0].friendlyName, QStringLiteral("order_ready"));
    QCOMPARE(t[0].body, QStringLiteral("Hi {{1}}, order {{2}} is ready."));
    QCOMPARE(t[0].variables.value(QStringLiteral("1")), QStringLiteral("Customer"));
    QCOMPARE(t[0].approval.status, ContentApproval::Status::Approved);
    QVERIFY(t[0].canSendOutsideWindow());
    QCOMPARE(t[1].approval.status, ContentApproval::Status::Pending);
    QCOMPARE(t[1].approval.rawStatus, QStringLiteral("received"));
    QVERIFY(!t[1].canSendOutsideWindow());
    QCOMPARE(t[2].approval.status, ContentApproval::Status::Rejected);
    QCOMPARE(t[2].approval.rejectionReason, QStringLiteral("INVALID_FORMAT"));
    QVERIFY(t[2].approval.explanation().contains(QStringLiteral("INVALID_FORMAT")));
    QCOMPARE(t[3].approval.status, ContentApproval::Status::NotSubmitted);
    QCOMPARE(t[3].approval.label(), QStringLiteral("Not submitted"));
}

void TestContentClient::listsTemplatesWithoutApprovals() {
    ContentClient c = client(base());
    const auto r =
        *await<TwilioResult<Templates>>([&](auto done) { c.listTemplates(&m_ctx, done); });
    QVERIFY2(r.ok(), qPrintable(r.error.explanation()));
    QCOMPARE(r.value.size(), 2);
    QCOMPARE(m_requests.size(), 2);
    QCOMPARE(m_requests[1].query.queryItemValue(QStringLiteral("Page")), QStringLiteral("1"));
    QCOMPARE(r.value[0].body, QStringLiteral("Hi {{1}}"));
    QCOMPARE(r.value[1].body, QStringLiteral("Sale"));
    for (const ContentTemplate &t : r.value)
        QCOMPARE(t.approval.status, ContentApproval::Status::Unknown);
}

void TestContentClient::fetchesOneApproval() {
    ContentClient c = client(base());
    const auto r = *await<TwilioResult<ContentApproval>>(
        [&](auto done) { c.fetchApproval(kPending, &m_ctx, done); });
    QVERIFY2(r.ok(), qPrintable(r.error.explanation()));
    QCOMPARE(r.value.status, ContentApproval::Status::Pending);
    QCOMPARE(r.value.category, QStringLiteral("UTILITY"));
    QCOMPARE(m_requests.size(), 1);
    QCOMPARE(m_requests[0].path, QStringLiteral("/v1/Content/%1/ApprovalRequests").arg(kPending));
}

void TestContentClient::wrongCredentialsAre20003() {
    ContentClient c = client(base(), QStringLiteral("wrong-token"));
    const auto r = *await<TwilioResult<Templates>>(
        [&](auto done) { c.listTemplatesWithApprovals(&m_ctx, done); });
    QVERIFY(!r.ok());
    QCOMPARE(r.error.kind, TwilioError::Kind::Http);
    QCOMPARE(r.error.httpStatus, 401);
    QCOMPARE(r.error.code, 20003);
    QCOMPARE(r.error.explanation(), TwilioError::explain(20003));
    QVERIFY(r.error.explanation().contains(QStringLiteral("TWILIO_AUTH_TOKEN")));
    QVERIFY(!r.error.explanation().contains(QStringLiteral("wrong-token")));
    QVERIFY(r.value.isEmpty());
}

void TestContentClient::unknownTemplateIs404() {
    ContentClient c = client(base());
    const auto r = *await<TwilioResult<ContentApproval>>([&](auto done) {
        c.fetchApproval(QStringLiteral("HX0000000000000000000000000000dead"), &m_ctx, done);
    });
    QVERIFY(!r.ok());
    QCOMPARE(r.error.httpStatus, 404);
    QCOMPARE(r.error.code, 20404);
    QCOMPARE(r.error.moreInfo, QStringLiteral("https://www.twilio.com/docs/errors/20404"));
    QCOMPARE(r.error.explanation(), TwilioError::explain(20404));
    QVERIFY(!r.error.isAmbiguous());
}

void TestContentClient::unknownPathIs404() {
    // A base that is not a Content API at all: 404 without Twilio's body still reads plainly.
    ContentClient c = client(base(QStringLiteral("/not-here")));
    const auto r = *await<TwilioResult<Templates>>(
        [&](auto done) { c.listTemplatesWithApprovals(&m_ctx, done); });
    QVERIFY(!r.ok());
    QCOMPARE(r.error.httpStatus, 404);
    QCOMPARE(r.error.code, 0);
    QCOMPARE(r.error.explanation(), TwilioError::explain(20404));
}

void TestContentClient::networkFailure() {
    // Nothing listens on this port: refused, no HTTP answer at all.
    ContentClient c = client(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(sbtest::freePort())));
    const auto r = *await<TwilioResult<Templates>>(
        [&](auto done) { c.listTemplatesWithApprovals(&m_ctx, done); });
    QVERIFY(!r.ok());
    QCOMPARE(r.error.kind, TwilioError::Kind::Network);
    QCOMPARE(r.error.httpStatus, 0);
    QVERIFY(r.error.explanation().startsWith(QStringLiteral("Could not reach Twilio")));
    QVERIFY(!r.error.message.isEmpty());
}

void TestContentClient::unreadableAnswerIsAProtocolError() {
    ContentClient c = client(base(QStringLiteral("/garbled")));
    const auto r = *await<TwilioResult<Templates>>(
        [&](auto done) { c.listTemplatesWithApprovals(&m_ctx, done); });
    QVERIFY(!r.ok());
    QCOMPARE(r.error.kind, TwilioError::Kind::Protocol);
    QCOMPARE(r.error.httpStatus, 200);
    QCOMPARE(r.error.explanation(), QStringLiteral("Twilio's answer could not be read."));
}

void TestContentClient::nextPageOutsideTheListIsRefused() {
    ContentClient c = client(base(QStringLiteral("/elsewhere")));
    const auto r = *await<TwilioResult<Templates>>(
        [&](auto done) { c.listTemplatesWithApprovals(&m_ctx, done); });
    QVERIFY(!r.ok());
    QCOMPARE(r.error.kind, TwilioError::Kind::Protocol);
    QCOMPARE(m_requests.size(), 1); // the odd next page was never asked for
}

void TestContentClient::endlessPagingStops() {
    ContentClient c = client(base(QStringLiteral("/loop")));
    const auto r = *await<TwilioResult<Templates>>(
        [&](auto done) { c.listTemplatesWithApprovals(&m_ctx, done); });
    QVERIFY(!r.ok());
    QCOMPARE(r.error.kind, TwilioError::Kind::Protocol);
    QCOMPARE(m_requests.size(), ContentClient::MaxPages);
}

void TestContentClient::worksUnderABasePath() {
    // A base with a path (a proxy, the sandbox): the next page keeps it.
    ContentClient c = client(base(QStringLiteral("/proxy/content/")));
    const auto r = *await<TwilioResult<Templates>>(
        [&](auto done) { c.listTemplatesWithApprovals(&m_ctx, done); });
    QVERIFY2(r.ok(), qPrintable(r.error.explanation()));
    QCOMPARE(r.value.size(), 4);
    QCOMPARE(m_requests.size(), 2);
    QCOMPARE(m_requests[1].path, QStringLiteral("/proxy/content/v1/ContentAndApprovals"));
}

void TestContentClient::receiverGoneGetsNothing() {
    ContentClient c = client(base());
    bool called = false;
    {
        QObject receiver;
        c.listTemplatesWithApprovals(&receiver,
                                     [&](const TwilioResult<Templates> &) { called = true; });
    }
    // Both pages are still fetched; the result has nowhere to go.
    QTRY_COMPARE(m_requests.size(), 2);
    QTest::qWait(100);
    QVERIFY(!called);
}

QTEST_GUILESS_MAIN(TestContentClient)
#include "tst_contentclient.moc"
