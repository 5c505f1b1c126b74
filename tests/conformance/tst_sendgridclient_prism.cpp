#include "Await.h"
#include "TestSupport.h"
#include "email/EmailSandbox.h"
#include "email/SandboxEmailTemplates.h"
#include "providers/sendgrid/SendGridClient.h"
#include "sandbox/Sandbox.h"

#include <QFile>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QtTest>

using namespace sb;
using sbtest::await;
using MailResult = SendGridResult<SendGridSendReceipt>;

// Every request SendGridClient makes, checked by Prism against SendGrid's official OpenAPI
// descriptions (../shared/openapi/tsg_mail_v3.json and tsg_templates_v3.json): a request that
// does not match gets 422, or the operation's declared 400 (401 without the bearer key), so
// "accepted" means the spec takes it. Parsed fields are compared with the spec's own response
// examples.
class TestSendGridClientPrism : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void sendMail_data();
    void sendMail();
    void listDynamicTemplates();
    void fetchTemplate();
    void fetchTemplateVersion();
    void missingKeyIsRefusedByTheMock();
    void malformedAddressIsRefusedByTheMock();
    void sandboxTemplatesApiMatchesTheSpec_data();
    void sandboxTemplatesApiMatchesTheSpec();

private:
    static EmailDraft draft();

    sbtest::Child m_mailPrism;
    sbtest::Child m_templatesPrism;
    sbtest::Child m_proxy; // prism proxy in front of the sandbox's templates API
    QUrl m_proxyBase;
    std::unique_ptr<Sandbox> m_sandbox;
    QUrl m_mailBase;
    QUrl m_templatesBase;
    QNetworkAccessManager m_nam;
    std::unique_ptr<SendGridClient> m_mail;
    std::unique_ptr<SendGridClient> m_templates;
    QObject m_ctx;
};

namespace {
const QString kKey = QStringLiteral("SG.conformance.key-0123456789");
}

void TestSendGridClientPrism::initTestCase() {
    SB_REQUIRE_SHARED("/openapi/tsg_mail_v3.json");
    SB_REQUIRE_SHARED("/openapi/tsg_templates_v3.json");
    SB_REQUIRE_PRISM_INSTALLED();
    // Both start at once; each is waited for by its port, not a fixed time.
    const QString specs = sbtest::sharedDir() + QStringLiteral("/openapi/");
    QVERIFY(
        sbtest::startPrism(m_mailPrism, specs + QStringLiteral("tsg_mail_v3.json"), &m_mailBase));
    QVERIFY(sbtest::startPrism(m_templatesPrism, specs + QStringLiteral("tsg_templates_v3.json"),
                               &m_templatesBase));
    QVERIFY2(m_mailPrism.waitForHttp(m_mailBase, 90000),
             m_mailPrism.output().right(2000).constData());
    QVERIFY2(m_templatesPrism.waitForHttp(m_templatesBase, 90000),
             m_templatesPrism.output().right(2000).constData());
    m_mail = std::make_unique<SendGridClient>(&m_nam, SendGridCredentials{kKey, m_mailBase});
    m_templates =
        std::make_unique<SendGridClient>(&m_nam, SendGridCredentials{kKey, m_templatesBase});
}

EmailDraft TestSendGridClientPrism::draft() {
    EmailDraft d;
    d.to = {{QStringLiteral("customer@example.com"), QStringLiteral("Ana Customer")}};
    d.from = {QStringLiteral("support@shop.example"), QStringLiteral("Shop Support")};
    d.subject = QStringLiteral("Your order #4242");
    d.text = QStringLiteral("Hello Ana");
    d.emailId = QStringLiteral("email-17");
    return d;
}

void TestSendGridClientPrism::sendMail_data() {
    QTest::addColumn<int>("shape");
    QTest::newRow("text only") << 0;
    QTest::newRow("text and HTML, cc, bcc, reply-to, categories") << 1;
    QTest::newRow("attachments, one inline with a non-ASCII name") << 2;
    QTest::newRow("dynamic template with data") << 3;
}

void TestSendGridClientPrism::sendMail() {
    QFETCH(int, shape);
    EmailDraft d = draft();
    switch (shape) {
    case 1:
        d.html = QStringLiteral("<p>Hello <b>Ana</b></p>");
        d.cc = {{QStringLiteral("boss@example.com"), {}}};
        d.bcc = {{QStringLiteral("archive@shop.example"), QStringLiteral("Archive")}};
        d.replyTo = {QStringLiteral("replies@shop.example"), QStringLiteral("Replies")};
        d.categories = {QStringLiteral("support"), QStringLiteral("orders")};
        break;
    case 2:
        d.html = QStringLiteral("<p><img src=\"cid:logo\"></p>");
        d.attachments = {{QByteArray("%PDF-1.4"),
                          QStringLiteral("Rechnung – Müller.pdf"),
                          QStringLiteral("application/pdf"),
                          {},
                          {}},
                         {QByteArray("\x89PNG", 4), QStringLiteral("ロゴ.png"),
                          QStringLiteral("image/png"), QStringLiteral("inline"),
                          QStringLiteral("logo")}};
        break;
    case 3:
        d.subject.clear();
        d.text.clear();
        d.templateId = QStringLiteral("d-0123456789abcdef0123456789abcdef");
        d.dynamicTemplateData = {
            {QStringLiteral("name"), QStringLiteral("Ana")},
            {QStringLiteral("items"), QJsonArray{QStringLiteral("mug"), QStringLiteral("tea")}}};
        break;
    default:
        break;
    }
    const auto r = await<MailResult>([&](auto done) { m_mail->sendMail(d, &m_ctx, done); });
    QVERIFY(r);
    QVERIFY2(r->ok(), qPrintable(r->error.explanation()));
    // The spec's 202 declares no headers, so Prism sends no X-Message-Id: accepted all the same
    // (events still name the email through custom_args).
    QVERIFY(r->value.messageId.isEmpty());
}

void TestSendGridClientPrism::listDynamicTemplates() {
    const auto r = await<SendGridResult<QList<SendGridTemplate>>>(
        [&](auto done) { m_templates->listDynamicTemplates(&m_ctx, done); });
    QVERIFY(r);
    QVERIFY2(r->ok(), qPrintable(r->error.explanation()));
    // The spec's example answer.
    QCOMPARE(r->value.size(), 1);
    QCOMPARE(r->value.first().id, QStringLiteral("fae7c985-eb92-4b47-9987-28ec29dbc698"));
    QCOMPARE(r->value.first().name, QStringLiteral("example_name"));
    QCOMPARE(r->value.first().updatedAt, QStringLiteral("2020-11-12 12:00:09"));
}

void TestSendGridClientPrism::fetchTemplate() {
    const auto r = await<SendGridResult<SendGridTemplate>>([&](auto done) {
        m_templates->fetchTemplate(QStringLiteral("d-0123456789abcdef0123456789abcdef"), &m_ctx,
                                   done);
    });
    QVERIFY(r);
    QVERIFY2(r->ok(), qPrintable(r->error.explanation()));
    // Prism answers with the TransactionalTemplate schema's example, which lists no versions.
    QCOMPARE(r->value.id, QStringLiteral("33feeff2-5069-43fe-8853-428651e5be79"));
    QCOMPARE(r->value.name, QStringLiteral("example_name"));
    QCOMPARE(r->value.generation, QStringLiteral("legacy"));
    QCOMPARE(r->value.updatedAt, QStringLiteral("2021-04-28 13:12:46"));
    QVERIFY(r->value.versions.isEmpty());
    QVERIFY(!r->value.activeVersion);
}

void TestSendGridClientPrism::fetchTemplateVersion() {
    // The spec types this path's template_id as a UUID (a legacy template's id); real dynamic
    // ids (d-...) work with SendGrid itself, but the mock would refuse them with 422.
    const auto r = await<SendGridResult<SendGridTemplateVersion>>([&](auto done) {
        m_templates->fetchTemplateVersion(QStringLiteral("ddb96bbc-9b92-425e-8979-99464621b543"),
                                          QStringLiteral("8aefe0ee-f12b-4575-b5b7-c97e21cb36f3"),
                                          &m_ctx, done);
    });
    QVERIFY(r);
    QVERIFY2(r->ok(), qPrintable(r->error.explanation()));
    QCOMPARE(r->value.id, QStringLiteral("8aefe0ee-f12b-4575-b5b7-c97e21cb36f3"));
    QCOMPARE(r->value.templateId, QStringLiteral("ddb96bbc-9b92-425e-8979-99464621b543"));
    QVERIFY(r->value.active);
    QCOMPARE(r->value.name, QStringLiteral("example_version_name"));
    QCOMPARE(r->value.htmlContent, QStringLiteral("<%body%>"));
    QCOMPARE(r->value.plainContent, QStringLiteral("<%body%>"));
    QCOMPARE(r->value.subject, QStringLiteral("<%subject%>"));
}

void TestSendGridClientPrism::missingKeyIsRefusedByTheMock() {
    // Proves the mock checks the bearer key: without it the spec's security fails.
    SendGridClient noKey(&m_nam, {QString(), m_mailBase});
    EmailDraft d = draft();
    const auto r = await<MailResult>([&](auto done) { noKey.sendMail(d, &m_ctx, done); });
    QVERIFY(r);
    QVERIFY(!r->ok());
    QCOMPARE(r->error.httpStatus, 401);
}

void TestSendGridClientPrism::malformedAddressIsRefusedByTheMock() {
    // Proves the mock validates the body: the spec's from.email has format "email". Prism
    // answers an invalid request with the operation's own 400 when the spec declares one (as
    // mail/send does), else 422: either way, sendMail's acceptance above is the spec's.
    EmailDraft d = draft();
    d.from.email = QStringLiteral("not an address");
    const auto r = await<MailResult>([&](auto done) { m_mail->sendMail(d, &m_ctx, done); });
    QVERIFY(r);
    QVERIFY(!r->ok());
    QCOMPARE(r->error.httpStatus, 400);
    QVERIFY(!r->error.errors.isEmpty()); // the spec's example errors, parsed
}

void TestSendGridClientPrism::sandboxTemplatesApiMatchesTheSpec_data() {
    QTest::addColumn<QString>("pathAndQuery");
    QTest::newRow("list dynamic templates")
        << QStringLiteral("/v3/templates?generations=dynamic&page_size=200");
    QTest::newRow("list, a page of two")
        << QStringLiteral("/v3/templates?generations=legacy,dynamic&page_size=2&page_token=2");
    for (const SandboxEmailTemplate &t : SandboxEmailTemplates::all())
        QTest::addRow("fetch %s", qPrintable(t.name)) << QStringLiteral("/v3/templates/") + t.id;
    const SandboxEmailTemplate *legacy =
        SandboxEmailTemplates::find(SandboxEmailTemplates::legacyNewsletter());
    // The spec types this path's ids as UUIDs: only a legacy template's can be asked here.
    QTest::newRow("fetch a legacy template's version")
        << QStringLiteral("/v3/templates/%1/versions/%2").arg(legacy->id, legacy->versions[0].id);
}

void TestSendGridClientPrism::sandboxTemplatesApiMatchesTheSpec() {
    // The sandbox's answers, through `prism proxy`, which checks each request and response
    // against tsg_templates_v3.json and lists what does not match in its sl-violations header.
    QFETCH(QString, pathAndQuery);
    if (!m_sandbox) {
        m_sandbox = std::make_unique<Sandbox>(SandboxOptions{});
        EmailSandbox::install(*m_sandbox, QString());
        const quint16 port = m_sandbox->listen(QHostAddress::LocalHost, 0);
        QVERIFY(port != 0);
        const quint16 proxyPort = sbtest::freePort();
        QVERIFY(m_proxy.start(
            sbtest::prismPath(),
            {QStringLiteral("proxy"), QStringLiteral("-h"), QStringLiteral("127.0.0.1"),
             QStringLiteral("-p"), QString::number(proxyPort),
             sbtest::sharedDir() + QStringLiteral("/openapi/tsg_templates_v3.json"),
             QStringLiteral("http://127.0.0.1:%1").arg(port)}));
        m_proxyBase = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(proxyPort));
        QVERIFY2(m_proxy.waitForHttp(m_proxyBase, 90000), m_proxy.output().right(2000).constData());
    }
    sbtest::Http http;
    const sbtest::Reply r =
        http.get(QUrl(m_proxyBase.toString() + pathAndQuery),
                 {{"Authorization", "Bearer " + m_sandbox->sendgridApiKey().toUtf8()}});
    QVERIFY2(r.status == 200, r.body.constData());
    QVERIFY(!r.json().isEmpty());
    // The only disagreement allowed is SendGrid's own: its spec says a template's id is a
    // 36-character UUID, yet dynamic templates' ids are "d-" and 32 hex digits (34).
    const QJsonArray violations = QJsonDocument::fromJson(r.header("sl-violations")).array();
    for (const QJsonValue v : violations) {
        const QJsonObject violation = v.toObject();
        const QString message = violation.value(QLatin1String("message")).toString();
        const QString path = violation.value(QLatin1String("location"))
                                 .toVariant()
                                 .toStringList()
                                 .join(QLatin1Char('.'));
        const bool dynamicId =
            path.endsWith(QLatin1String("id")) &&
            (message.contains(QLatin1String("36")) || message.contains(QLatin1String("uuid")));
        QVERIFY2(dynamicId, QJsonDocument(violation).toJson().constData());
    }
}

QTEST_GUILESS_MAIN(TestSendGridClientPrism)
#include "tst_sendgridclient_prism.moc"
