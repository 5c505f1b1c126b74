#include "Await.h"
#include "TestSupport.h"
#include "common/Logging.h"
#include "http/HttpServer.h"
#include "providers/sendgrid/SendGridClient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QRandomGenerator>
#include <QTemporaryFile>
#include <QtTest>

#include <cstdio>
#include <unistd.h>

using namespace sb;
using sbtest::await;
using MailResult = SendGridResult<SendGridSendReceipt>;

// SendGridClient against a SendGrid-shaped server on loopback (our own HttpServer): the exact
// mail/send body it builds, each error status mapped to its SendGridError and sentence, the
// size limit enforced before any request, and the templates API.
class TestSendGridClient : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void sendsTheWholeDraft();
    void nonAsciiAttachmentNamesArriveIntact_data();
    void nonAsciiAttachmentNamesArriveIntact();
    void errorsAreMapped_data();
    void errorsAreMapped();
    void rateLimitSaysWhenToRetry_data();
    void rateLimitSaysWhenToRetry();
    void oversizedEmailIsRefusedBeforeAnyRequest();
    void networkFailureIsAmbiguous();
    void listsDynamicTemplates();
    void fetchesTemplateWithItsActiveVersion();
    void fetchesTheActiveVersionWhenTheListingIsLean();
    void unknownTemplateIs404();
    void apiKeyIsRedactedFromEveryLogLine();

private:
    QUrl base() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port)); }
    MailResult send(const EmailDraft &draft);
    static EmailDraft simpleDraft();

    HttpServer m_server{QStringLiteral("sendgrid-api")};
    quint16 m_port = 0;
    QNetworkAccessManager m_nam;
    QObject m_ctx;
    std::unique_ptr<SendGridClient> m_client;
    QList<HttpRequest> m_requests;
    HttpResponse m_nextMailResponse;
};

namespace {

const QString kApiKey = QStringLiteral("SG.test-key.0123456789abcdefghijklmnop");
const QString kTemplate = QStringLiteral("d-0123456789abcdef0123456789abcdef");
const QString kLeanTemplate = QStringLiteral("d-fedcba9876543210fedcba9876543210");
const QDateTime kNow(QDate(2026, 11, 26), QTime(10, 0, 0), Qt::UTC);

HttpResponse sendGridErrors(int status, const QList<QPair<QString, QString>> &fieldMessages) {
    QJsonArray errors;
    for (const auto &[field, message] : fieldMessages)
        errors.append(
            QJsonObject{{QStringLiteral("message"), message},
                        {QStringLiteral("field"),
                         field.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(field)},
                        {QStringLiteral("help"), QJsonValue(QJsonValue::Null)}});
    return HttpResponse::json(status, {{QStringLiteral("errors"), errors}});
}

QJsonObject version(const QString &id, const QString &templateId, int active, bool withContent) {
    QJsonObject v{{QStringLiteral("id"), id},
                  {QStringLiteral("template_id"), templateId},
                  {QStringLiteral("active"), active},
                  {QStringLiteral("name"), QStringLiteral("v-%1").arg(id)},
                  {QStringLiteral("updated_at"), QStringLiteral("2026-11-20 09:00:00")}};
    if (withContent) {
        v.insert(QStringLiteral("subject"), QStringLiteral("Order {{order}}"));
        v.insert(QStringLiteral("html_content"),
                 QStringLiteral("<p>Hi {{name}}</p>{{#each items}}<li>{{this}}</li>{{/each}}"));
        v.insert(QStringLiteral("plain_content"), QStringLiteral("Hi {{name}}"));
    }
    return v;
}

} // namespace

void TestSendGridClient::initTestCase() {
    m_server.route("POST", QStringLiteral("/v3/mail/send"),
                   [this](const HttpRequest &r, HttpServer::Reply reply) {
                       m_requests.append(r);
                       reply(m_nextMailResponse);
                   });
    m_server.route("GET", QStringLiteral("/v3/templates"),
                   [this](const HttpRequest &r, HttpServer::Reply reply) {
                       m_requests.append(r);
                       QJsonArray result{QJsonObject{
                           {QStringLiteral("id"), kTemplate},
                           {QStringLiteral("name"), QStringLiteral("Order shipped")},
                           {QStringLiteral("generation"), QStringLiteral("dynamic")},
                           {QStringLiteral("updated_at"), QStringLiteral("2026-11-20 09:00:00")},
                           {QStringLiteral("versions"),
                            QJsonArray{version(QStringLiteral("v1"), kTemplate, 1, false)}}}};
                       reply(HttpResponse::json(200, {{QStringLiteral("result"), result}}));
                   });
    m_server.route(
        "GET", QStringLiteral("/v3/templates/{id}"),
        [this](const HttpRequest &r, HttpServer::Reply reply) {
            m_requests.append(r);
            const QString id = r.args.value(0);
            if (id != kTemplate && id != kLeanTemplate) {
                reply(sendGridErrors(404, {{{}, QStringLiteral("Not Found")}}));
                return;
            }
            const bool lean = id == kLeanTemplate;
            reply(HttpResponse::json(
                200, {{QStringLiteral("id"), id},
                      {QStringLiteral("name"), QStringLiteral("Order shipped")},
                      {QStringLiteral("generation"), QStringLiteral("dynamic")},
                      {QStringLiteral("updated_at"), QStringLiteral("2026-11-20 09:00:00")},
                      {QStringLiteral("versions"),
                       QJsonArray{version(QStringLiteral("old"), id, 0, !lean),
                                  version(QStringLiteral("cur"), id, 1, !lean)}}}));
        });
    m_server.route(
        "GET", QStringLiteral("/v3/templates/{id}/versions/{version}"),
        [this](const HttpRequest &r, HttpServer::Reply reply) {
            m_requests.append(r);
            reply(HttpResponse::json(200, version(r.args.value(1), r.args.value(0), 1, true)));
        });
    m_port = m_server.listenOn(QHostAddress::LocalHost, 0);
    QVERIFY2(m_port != 0, qPrintable(m_server.errorString()));
}

void TestSendGridClient::init() {
    m_requests.clear();
    m_nextMailResponse = HttpResponse::empty(202);
    m_nextMailResponse.headers.append(
        qMakePair(QByteArray("X-Message-Id"), QByteArray("W8Kx2m1cRhe9iCt0PjZf4Q")));
    m_client = std::make_unique<SendGridClient>(&m_nam, SendGridCredentials{kApiKey, base()});
    m_client->setClock([] { return kNow; });
}

EmailDraft TestSendGridClient::simpleDraft() {
    EmailDraft d;
    d.to = {{QStringLiteral("customer@example.com"), QStringLiteral("Ana Customer")}};
    d.from = {QStringLiteral("support@shop.example"), QStringLiteral("Shop Support")};
    d.subject = QStringLiteral("Your order");
    d.text = QStringLiteral("Hello");
    d.emailId = QStringLiteral("email-42");
    return d;
}

MailResult TestSendGridClient::send(const EmailDraft &draft) {
    const auto r = await<MailResult>([&](auto done) { m_client->sendMail(draft, &m_ctx, done); });
    return r ? *r : MailResult{{}, SendGridError::network(QStringLiteral("test: no answer"))};
}

void TestSendGridClient::sendsTheWholeDraft() {
    EmailDraft d = simpleDraft();
    d.cc = {{QStringLiteral("boss@example.com"), {}}};
    d.bcc = {{QStringLiteral("archive@shop.example"), QStringLiteral("Archive")}};
    d.replyTo = {QStringLiteral("replies@shop.example"), QStringLiteral("Replies")};
    d.html = QStringLiteral("<p>Hello <img src=\"cid:logo\"></p>");
    d.attachments = {{QByteArray("%PDF-1.4 \x00\xff binary", 18),
                      QStringLiteral("invoice.pdf"),
                      QStringLiteral("application/pdf"),
                      {},
                      {}},
                     {QByteArray("\x89PNG", 4), QStringLiteral("logo.png"),
                      QStringLiteral("image/png"), QStringLiteral("inline"),
                      QStringLiteral("logo")}};
    d.templateId = kTemplate;
    d.dynamicTemplateData = {{QStringLiteral("name"), QStringLiteral("Ana")},
                             {QStringLiteral("items"), QJsonArray{1, 2}}};
    d.categories = {QStringLiteral("support"), QStringLiteral("orders")};

    const MailResult r = send(d);
    QVERIFY2(r.ok(), qPrintable(r.error.explanation()));
    QCOMPARE(r.value.messageId, QStringLiteral("W8Kx2m1cRhe9iCt0PjZf4Q"));

    QCOMPARE(m_requests.size(), 1);
    const HttpRequest &req = m_requests.first();
    QCOMPARE(req.header("Authorization"), "Bearer " + kApiKey.toLatin1());
    QVERIFY(req.header("Content-Type").startsWith("application/json"));
    const QJsonObject body = QJsonDocument::fromJson(req.body).object();
    const QJsonObject p = body.value(QLatin1String("personalizations")).toArray().at(0).toObject();
    QCOMPARE(body.value(QLatin1String("personalizations")).toArray().size(), 1);
    QCOMPARE(
        p.value(QLatin1String("to")).toArray(),
        (QJsonArray{QJsonObject{{QStringLiteral("email"), QStringLiteral("customer@example.com")},
                                {QStringLiteral("name"), QStringLiteral("Ana Customer")}}}));
    QCOMPARE(
        p.value(QLatin1String("cc")).toArray(),
        (QJsonArray{QJsonObject{{QStringLiteral("email"), QStringLiteral("boss@example.com")}}}));
    QCOMPARE(p.value(QLatin1String("bcc")).toArray().at(0).toObject().value(QLatin1String("name")),
             QStringLiteral("Archive"));
    QCOMPARE(p.value(QLatin1String("dynamic_template_data")).toObject(), d.dynamicTemplateData);
    QCOMPARE(p.value(QLatin1String("custom_args")).toObject(),
             (QJsonObject{{QStringLiteral("switchboard_id"), QStringLiteral("email-42")}}));
    QCOMPARE(body.value(QLatin1String("from")).toObject(),
             (QJsonObject{{QStringLiteral("email"), QStringLiteral("support@shop.example")},
                          {QStringLiteral("name"), QStringLiteral("Shop Support")}}));
    QCOMPARE(body.value(QLatin1String("reply_to")).toObject().value(QLatin1String("email")),
             QStringLiteral("replies@shop.example"));
    QCOMPARE(body.value(QLatin1String("subject")).toString(), QStringLiteral("Your order"));
    const QJsonArray content = body.value(QLatin1String("content")).toArray();
    QCOMPARE(content.size(), 2); // text/plain first, as SendGrid requires
    QCOMPARE(content.at(0).toObject().value(QLatin1String("type")), QStringLiteral("text/plain"));
    QCOMPARE(content.at(1).toObject().value(QLatin1String("type")), QStringLiteral("text/html"));
    QCOMPARE(content.at(1).toObject().value(QLatin1String("value")).toString(), d.html);
    const QJsonArray attachments = body.value(QLatin1String("attachments")).toArray();
    QCOMPARE(attachments.size(), 2);
    const QJsonObject pdf = attachments.at(0).toObject();
    QCOMPARE(QByteArray::fromBase64(pdf.value(QLatin1String("content")).toString().toLatin1()),
             d.attachments.at(0).content);
    QCOMPARE(pdf.value(QLatin1String("disposition")), QStringLiteral("attachment"));
    QCOMPARE(pdf.value(QLatin1String("type")), QStringLiteral("application/pdf"));
    const QJsonObject logo = attachments.at(1).toObject();
    QCOMPARE(logo.value(QLatin1String("disposition")), QStringLiteral("inline"));
    QCOMPARE(logo.value(QLatin1String("content_id")), QStringLiteral("logo"));
    QCOMPARE(body.value(QLatin1String("template_id")).toString(), kTemplate);
    QCOMPARE(body.value(QLatin1String("categories")).toArray(),
             (QJsonArray{QStringLiteral("support"), QStringLiteral("orders")}));
}

void TestSendGridClient::nonAsciiAttachmentNamesArriveIntact_data() {
    QTest::addColumn<QString>("filename");
    QTest::newRow("accents and a dash") << QStringLiteral("Résumé – Ana Müller.pdf");
    QTest::newRow("Japanese") << QStringLiteral("請求書_2026年11月.pdf");
    QTest::newRow("emoji outside the BMP") << QStringLiteral("party 🎉 plan.txt");
    QTest::newRow("quotes and a backslash") << QStringLiteral(R"(a "quoted" \ name.txt)");
}

void TestSendGridClient::nonAsciiAttachmentNamesArriveIntact() {
    QFETCH(QString, filename);
    EmailDraft d = simpleDraft();
    d.attachments = {{QByteArray("contents"), filename, QStringLiteral("text/plain"), {}, {}}};
    const MailResult r = send(d);
    QVERIFY2(r.ok(), qPrintable(r.error.explanation()));
    QCOMPARE(m_requests.size(), 1);
    // The bytes on the wire are UTF-8 JSON (no \u escapes, no other encoding); decoding
    // them gives the name back unchanged.
    if (!filename.contains(QLatin1Char('"')))
        QVERIFY(m_requests.first().body.contains(filename.toUtf8()));
    const QJsonObject body = QJsonDocument::fromJson(m_requests.first().body).object();
    QCOMPARE(body.value(QLatin1String("attachments"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QLatin1String("filename"))
                 .toString(),
             filename);
}

void TestSendGridClient::errorsAreMapped_data() {
    QTest::addColumn<int>("status");
    QTest::addColumn<QStringList>("fields");
    QTest::addColumn<QStringList>("messages");
    QTest::addColumn<QStringList>("explanationSays");
    QTest::addColumn<bool>("ambiguous");

    QTest::newRow("400 with every field")
        << 400 << QStringList{"from.email", "personalizations.0.to.0.email"}
        << QStringList{"The from email does not contain a valid address.",
                       "Does not contain a valid address."}
        << QStringList{"from.email: The from email does not contain a valid address.",
                       "personalizations.0.to.0.email: Does not contain a valid address."}
        << false;
    QTest::newRow("400 without a field")
        << 400 << QStringList{""} << QStringList{"Bad Request"}
        << QStringList{"SendGrid refused the email: Bad Request"} << false;
    QTest::newRow("401") << 401 << QStringList{""}
                         << QStringList{"The provided authorization grant is invalid, expired, "
                                        "or revoked"}
                         << QStringList{"SENDGRID_API_KEY", "revoked"} << false;
    QTest::newRow("403 sender identity")
        << 403 << QStringList{"from"}
        << QStringList{"The from address does not match a verified Sender Identity. Mail cannot "
                       "be sent until this error is resolved."}
        << QStringList{"not a verified sender identity", "Settings > Sender Authentication",
                       "from: The from address does not match a verified Sender Identity"}
        << false;
    QTest::newRow("413") << 413 << QStringList{""} << QStringList{"content too large"}
                         << QStringList{"too large", "30 MB"} << false;
    QTest::newRow("500") << 500 << QStringList{""} << QStringList{"internal error"}
                         << QStringList{"may or may not have accepted"} << true;
}

void TestSendGridClient::errorsAreMapped() {
    QFETCH(int, status);
    QFETCH(QStringList, fields);
    QFETCH(QStringList, messages);
    QFETCH(QStringList, explanationSays);
    QFETCH(bool, ambiguous);
    QList<QPair<QString, QString>> pairs;
    for (int i = 0; i < fields.size(); ++i)
        pairs.append({fields.at(i), messages.at(i)});
    m_nextMailResponse = sendGridErrors(status, pairs);

    const MailResult r = send(simpleDraft());
    QVERIFY(!r.ok());
    QCOMPARE(r.error.kind, SendGridError::Kind::Http);
    QCOMPARE(r.error.httpStatus, status);
    QCOMPARE(r.error.errors.size(), fields.size());
    for (int i = 0; i < fields.size(); ++i) {
        QCOMPARE(r.error.errors.at(i).field, fields.at(i));
        QCOMPARE(r.error.errors.at(i).message, messages.at(i));
    }
    const QString text = r.error.explanation();
    for (const QString &part : explanationSays)
        QVERIFY2(text.contains(part), qPrintable(text));
    QVERIFY2(!text.contains(kApiKey), qPrintable(text));
    QCOMPARE(r.error.isAmbiguous(), ambiguous);
    QVERIFY(!r.error.isRateLimited());
}

void TestSendGridClient::rateLimitSaysWhenToRetry_data() {
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QDateTime>("retryAt");
    const QDateTime reset = kNow.addSecs(37);
    QTest::newRow("X-RateLimit-Reset")
        << QByteArray("X-RateLimit-Reset") << QByteArray::number(reset.toSecsSinceEpoch()) << reset;
    QTest::newRow("Retry-After") << QByteArray("Retry-After") << QByteArray("90")
                                 << kNow.addSecs(90);
    QTest::newRow("neither") << QByteArray("X-Unrelated") << QByteArray("1") << QDateTime();
}

void TestSendGridClient::rateLimitSaysWhenToRetry() {
    QFETCH(QByteArray, header);
    QFETCH(QByteArray, value);
    QFETCH(QDateTime, retryAt);
    m_nextMailResponse = sendGridErrors(429, {{{}, QStringLiteral("too many requests")}});
    m_nextMailResponse.headers.append(
        qMakePair(QByteArray("X-RateLimit-Limit"), QByteArray("600")));
    m_nextMailResponse.headers.append(
        qMakePair(QByteArray("X-RateLimit-Remaining"), QByteArray("0")));
    m_nextMailResponse.headers.append(qMakePair(header, value));
    const MailResult r = send(simpleDraft());
    QVERIFY(r.error.isRateLimited());
    QVERIFY(!r.error.isAmbiguous()); // never processed: safe to retry
    QCOMPARE(r.error.retryAt, retryAt);
    const QString text = r.error.explanation();
    QVERIFY2(text.contains(QLatin1String("rate-limiting")), qPrintable(text));
    if (retryAt.isValid())
        QVERIFY2(text.contains(retryAt.toString(Qt::ISODate)), qPrintable(text));
}

void TestSendGridClient::oversizedEmailIsRefusedBeforeAnyRequest() {
    EmailDraft d = simpleDraft();
    // 22.6 MB of file is 30.1 MB after base64: under the limit as a file, over it as sent.
    d.attachments = {{QByteArray(22'600'000, 'a'),
                      QStringLiteral("video.mp4"),
                      QStringLiteral("video/mp4"),
                      {},
                      {}}};
    QVERIFY(d.attachments.first().content.size() < SendGridClient::MaxMailSendBytes);
    const MailResult r = send(d);
    QCOMPARE(r.error.kind, SendGridError::Kind::TooLarge);
    QCOMPARE(r.error.limitBytes, SendGridClient::MaxMailSendBytes);
    QCOMPARE(r.error.sizeBytes, d.mailSendBytes());
    QVERIFY(r.error.sizeBytes > SendGridClient::MaxMailSendBytes);
    const QString text = r.error.explanation();
    QVERIFY2(text.contains(QLatin1String("30.1 MB")) && text.contains(QLatin1String("30.0 MB")),
             qPrintable(text));
    QVERIFY2(text.contains(QString::number(r.error.sizeBytes)), qPrintable(text));
    QVERIFY(!r.error.isAmbiguous()); // nothing left this machine
    // Give a request the time to arrive if one had been made.
    QTest::qWait(100);
    QCOMPARE(m_requests.size(), 0);
}

void TestSendGridClient::networkFailureIsAmbiguous() {
    SendGridClient client(
        &m_nam, {kApiKey, QUrl(QStringLiteral("http://127.0.0.1:%1").arg(sbtest::freePort()))});
    const auto r =
        await<MailResult>([&](auto done) { client.sendMail(simpleDraft(), &m_ctx, done); });
    QVERIFY(r);
    QCOMPARE(r->error.kind, SendGridError::Kind::Network);
    QVERIFY(r->error.isAmbiguous());
    QVERIFY(!r->error.explanation().contains(kApiKey));
}

void TestSendGridClient::listsDynamicTemplates() {
    const auto r = await<SendGridResult<QList<SendGridTemplate>>>(
        [&](auto done) { m_client->listDynamicTemplates(&m_ctx, done); });
    QVERIFY(r);
    QVERIFY2(r->ok(), qPrintable(r->error.explanation()));
    QCOMPARE(r->value.size(), 1);
    QCOMPARE(r->value.first().id, kTemplate);
    QCOMPARE(r->value.first().generation, QStringLiteral("dynamic"));
    QVERIFY(r->value.first().activeVersion);
    QCOMPARE(r->value.first().activeVersion->id, QStringLiteral("v1"));
    QCOMPARE(m_requests.size(), 1);
    QCOMPARE(m_requests.first().query.queryItemValue(QStringLiteral("generations")),
             QStringLiteral("dynamic"));
    QCOMPARE(m_requests.first().query.queryItemValue(QStringLiteral("page_size")),
             QStringLiteral("200"));
    QCOMPARE(m_requests.first().header("Authorization"), "Bearer " + kApiKey.toLatin1());
}

void TestSendGridClient::fetchesTemplateWithItsActiveVersion() {
    const auto r = await<SendGridResult<SendGridTemplate>>(
        [&](auto done) { m_client->fetchTemplate(kTemplate, &m_ctx, done); });
    QVERIFY(r);
    QVERIFY2(r->ok(), qPrintable(r->error.explanation()));
    QCOMPARE(r->value.versions.size(), 2);
    QVERIFY(r->value.activeVersion);
    QCOMPARE(r->value.activeVersion->id, QStringLiteral("cur"));
    QCOMPARE(r->value.activeVersion->subject, QStringLiteral("Order {{order}}"));
    QVERIFY(r->value.activeVersion->htmlContent.contains(QLatin1String("{{#each items}}")));
    QCOMPARE(m_requests.size(), 1); // the content came with the template
}

void TestSendGridClient::fetchesTheActiveVersionWhenTheListingIsLean() {
    const auto r = await<SendGridResult<SendGridTemplate>>(
        [&](auto done) { m_client->fetchTemplate(kLeanTemplate, &m_ctx, done); });
    QVERIFY(r);
    QVERIFY2(r->ok(), qPrintable(r->error.explanation()));
    QCOMPARE(m_requests.size(), 2);
    QCOMPARE(m_requests.at(1).path,
             QStringLiteral("/v3/templates/%1/versions/cur").arg(kLeanTemplate));
    QVERIFY(r->value.activeVersion);
    QCOMPARE(r->value.activeVersion->id, QStringLiteral("cur"));
    QCOMPARE(r->value.activeVersion->plainContent, QStringLiteral("Hi {{name}}"));
}

void TestSendGridClient::unknownTemplateIs404() {
    const auto r = await<SendGridResult<SendGridTemplate>>([&](auto done) {
        m_client->fetchTemplate(QStringLiteral("d-00000000000000000000000000000000"), &m_ctx, done);
    });
    QVERIFY(r);
    QCOMPARE(r->error.httpStatus, 404);
    QVERIFY2(r->error.explanation().contains(QLatin1String("template id")),
             qPrintable(r->error.explanation()));
}

void TestSendGridClient::apiKeyIsRedactedFromEveryLogLine() {
    // A key no configuration has seen: only the client can have told the redactor about it.
    const QString key =
        QStringLiteral("SG.fresh-%1").arg(QRandomGenerator::global()->generate64(), 0, 16);
    SendGridClient client(&m_nam, {key, base()});

    QTemporaryFile capture;
    QVERIFY(capture.open());
    std::fflush(stderr);
    const int savedStderr = dup(STDERR_FILENO);
    QVERIFY(savedStderr >= 0);
    QVERIFY(dup2(capture.handle(), STDERR_FILENO) >= 0);
    const QtMessageHandler testHandler = qInstallMessageHandler(nullptr);
    installLogFormat(); // the product's handler, with the process's redactor
    qCWarning(lcSendGrid) << "about to use" << key;
    qCWarning(lcSendGrid).noquote() << "Authorization: Bearer" << key;
    qInstallMessageHandler(testHandler);
    std::fflush(stderr);
    dup2(savedStderr, STDERR_FILENO);
    close(savedStderr);

    capture.seek(0);
    const QByteArray logged = capture.readAll();
    QVERIFY2(logged.contains("about to use"), logged.constData());
    QVERIFY2(!logged.contains(key.toLatin1()), logged.constData());
    QCOMPARE(logged.count("[redacted]"), 2);
}

QTEST_GUILESS_MAIN(TestSendGridClient)
#include "tst_sendgridclient.moc"
