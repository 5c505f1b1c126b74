#include "Await.h"
#include "TestSupport.h"
#include "email/EmailSandbox.h"
#include "email/SandboxEmailTemplates.h"
#include "http/HttpServer.h"
#include "providers/sendgrid/DynamicTemplateVariables.h"
#include "providers/sendgrid/SendGridClient.h"
#include "sandbox/Sandbox.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace sb;
using sbtest::await;

// The sandbox's SendGrid templates API over loopback, read with the real SendGridClient and
// raw HTTP (SendGrid's shapes, paging, generations, 404 and 401), and mail/send with a
// template: filled in with the personalization's data, escaped as Handlebars escapes; an
// unknown template_id accepted and then dropped, as SendGrid does.
class TestEmailTemplatesSandbox : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void listsTheDynamicTemplates();
    void listsLegacyOnlyByDefault();
    void pagesWithPageToken();
    void refusesABadPageSize_data();
    void refusesABadPageSize();
    void fetchesEachWithItsActiveVersion_data();
    void fetchesEachWithItsActiveVersion();
    void fetchesOneVersion();
    void unknownTemplateIs404InSendGridsShape();
    void wrongKeyIs401_data();
    void wrongKeyIs401();
    void templateEmailIsFilledInAndEscaped();
    void unknownTemplateIdIsAcceptedThenDropped();

private:
    QUrl url(const QString &pathAndQuery) const;
    sbtest::Reply get(const QString &pathAndQuery, const QByteArray &key = {});
    sbtest::Reply sendMail(const QJsonObject &mail);

    std::unique_ptr<Sandbox> m_sandbox;
    HttpServer m_console{QStringLiteral("console")}; // the console's Event Webhook stand-in
    QList<QJsonObject> m_events;
    QNetworkAccessManager m_nam;
    std::unique_ptr<SendGridClient> m_client;
    sbtest::Http m_http;
    quint16 m_port = 0;
    QObject m_ctx;
};

void TestEmailTemplatesSandbox::initTestCase() {
    m_console.route("POST", QStringLiteral("/sendgrid/events"),
                    [this](const HttpRequest &r, HttpServer::Reply reply) {
                        for (const QJsonValue e : QJsonDocument::fromJson(r.body).array())
                            m_events.append(e.toObject());
                        reply(HttpResponse::empty(200));
                    });
    const quint16 consolePort = m_console.listenOn(QHostAddress::LocalHost, 0);
    QVERIFY(consolePort != 0);
    SandboxOptions options;
    options.statusDelayMs = 10;
    m_sandbox = std::make_unique<Sandbox>(options);
    EmailSandbox::install(*m_sandbox,
                          QStringLiteral("http://127.0.0.1:%1/sendgrid/events").arg(consolePort));
    m_port = m_sandbox->listen(QHostAddress::LocalHost, 0);
    QVERIFY2(m_port != 0, qPrintable(m_sandbox->errorString()));
    m_client = std::make_unique<SendGridClient>(
        &m_nam, SendGridCredentials{m_sandbox->sendgridApiKey(),
                                    QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port))});
}

QUrl TestEmailTemplatesSandbox::url(const QString &pathAndQuery) const {
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(pathAndQuery));
}

sbtest::Reply TestEmailTemplatesSandbox::get(const QString &pathAndQuery, const QByteArray &key) {
    const QByteArray bearer = key.isNull() ? m_sandbox->sendgridApiKey().toUtf8() : key;
    return m_http.get(url(pathAndQuery), {{"Authorization", "Bearer " + bearer}});
}

sbtest::Reply TestEmailTemplatesSandbox::sendMail(const QJsonObject &mail) {
    return m_http.postJson(url(QStringLiteral("/v3/mail/send")), mail,
                           {{"Authorization", "Bearer " + m_sandbox->sendgridApiKey().toUtf8()}});
}

void TestEmailTemplatesSandbox::listsTheDynamicTemplates() {
    const auto r = await<SendGridResult<QList<SendGridTemplate>>>(
        [&](auto done) { m_client->listDynamicTemplates(&m_ctx, done); });
    QVERIFY(r);
    QVERIFY2(r->ok(), qPrintable(r->error.explanation()));
    QStringList ids;
    for (const SendGridTemplate &t : r->value) {
        ids << t.id;
        QCOMPARE(t.generation, QStringLiteral("dynamic"));
        QVERIFY(t.id.startsWith(QLatin1String("d-")) && t.id.size() == 34);
        QCOMPARE(t.versions.size(), 2);
        QVERIFY(t.activeVersion); // exactly the active one is flagged
        QVERIFY(!t.activeVersion->subject.isEmpty());
        // A listing is lean: no content (the client fetches it when a template is picked).
        QVERIFY(t.activeVersion->htmlContent.isEmpty());
    }
    QCOMPARE(ids, (QStringList{SandboxEmailTemplates::orderShipped(),
                               SandboxEmailTemplates::passwordReset(),
                               SandboxEmailTemplates::ticketReply()}));
    QCOMPARE(r->value.first().name, QStringLiteral("Order shipped"));
}

void TestEmailTemplatesSandbox::listsLegacyOnlyByDefault() {
    // SendGrid's generations defaults to legacy: a client that forgets it sees no dynamic ones.
    const sbtest::Reply legacy = get(QStringLiteral("/v3/templates?page_size=50"));
    QCOMPARE(legacy.status, 200);
    const QJsonArray result = legacy.json().value(QLatin1String("result")).toArray();
    QCOMPARE(result.size(), 1);
    QCOMPARE(result.at(0).toObject().value(QLatin1String("id")).toString(),
             SandboxEmailTemplates::legacyNewsletter());
    const sbtest::Reply both =
        get(QStringLiteral("/v3/templates?generations=legacy,dynamic&page_size=50"));
    QCOMPARE(both.json().value(QLatin1String("result")).toArray().size(), 4);
    QCOMPARE(both.json().value(QLatin1String("_metadata")).toObject().value("count").toInt(), 4);
    // The comma percent-encoded, as a proxy or a helper library may send it.
    const sbtest::Reply encoded =
        get(QStringLiteral("/v3/templates?generations=legacy%2Cdynamic&page_size=50"));
    QCOMPARE(encoded.json().value(QLatin1String("result")).toArray().size(), 4);
}

void TestEmailTemplatesSandbox::pagesWithPageToken() {
    const sbtest::Reply first =
        get(QStringLiteral("/v3/templates?generations=dynamic&page_size=2"));
    QCOMPARE(first.status, 200);
    QCOMPARE(first.json().value(QLatin1String("result")).toArray().size(), 2);
    const QJsonObject metadata = first.json().value(QLatin1String("_metadata")).toObject();
    QCOMPARE(metadata.value(QLatin1String("count")).toInt(), 3);
    const QUrl next(metadata.value(QLatin1String("next")).toString());
    QVERIFY2(next.isValid() && next.hasQuery(), qPrintable(next.toString()));
    const sbtest::Reply second = get(next.path() + QLatin1Char('?') + next.query());
    QCOMPARE(second.status, 200);
    const QJsonArray rest = second.json().value(QLatin1String("result")).toArray();
    QCOMPARE(rest.size(), 1);
    QCOMPARE(rest.at(0).toObject().value(QLatin1String("id")).toString(),
             SandboxEmailTemplates::ticketReply());
    QVERIFY(!second.json().value(QLatin1String("_metadata")).toObject().contains("next"));
}

void TestEmailTemplatesSandbox::refusesABadPageSize_data() {
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("field");
    QTest::newRow("no page_size (the spec requires it)") << "generations=dynamic"
                                                         << "page_size";
    QTest::newRow("page_size 0") << "generations=dynamic&page_size=0"
                                 << "page_size";
    QTest::newRow("page_size 201") << "generations=dynamic&page_size=201"
                                   << "page_size";
    QTest::newRow("an unknown generation") << "generations=modern&page_size=5"
                                           << "generations";
}

void TestEmailTemplatesSandbox::refusesABadPageSize() {
    QFETCH(QString, query);
    QFETCH(QString, field);
    const sbtest::Reply r = get(QStringLiteral("/v3/templates?") + query);
    QCOMPARE(r.status, 400);
    const QJsonObject error = r.json().value(QLatin1String("errors")).toArray().at(0).toObject();
    QCOMPARE(error.value(QLatin1String("field")).toString(), field);
    QVERIFY(!error.value(QLatin1String("message")).toString().isEmpty());
}

void TestEmailTemplatesSandbox::fetchesEachWithItsActiveVersion_data() {
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("subject");
    QTest::addColumn<QStringList>("fields"); // each field's path, in the form's order
    QTest::newRow("order shipped")
        << SandboxEmailTemplates::orderShipped() << "Order {{order_id}} is on its way"
        << QStringList{"order_id", "first_name", "items", "tracking_url", "carrier", "gift_note"};
    QTest::newRow("password reset")
        << SandboxEmailTemplates::passwordReset() << "Reset your {{product_name}} password"
        << QStringList{"product_name",    "first_name",     "email",         "reset_url",
                       "expires_minutes", "requested_from", "security_alert"};
    QTest::newRow("ticket reply") << SandboxEmailTemplates::ticketReply()
                                  << "Re: [#{{ticket.id}}] {{{ticket.subject}}}"
                                  << QStringList{"ticket.id",     "ticket.subject", "customer.name",
                                                 "reply_html",    "agent.name",     "agent.team",
                                                 "ticket.closed", "reply_text"};
}

void TestEmailTemplatesSandbox::fetchesEachWithItsActiveVersion() {
    QFETCH(QString, id);
    QFETCH(QString, subject);
    QFETCH(QStringList, fields);
    const auto r = await<SendGridResult<SendGridTemplate>>(
        [&](auto done) { m_client->fetchTemplate(id, &m_ctx, done); });
    QVERIFY(r);
    QVERIFY2(r->ok(), qPrintable(r->error.explanation()));
    QCOMPARE(r->value.id, id);
    QVERIFY(r->value.activeVersion);
    const SendGridTemplateVersion &active = *r->value.activeVersion;
    QCOMPARE(active.subject, subject);
    QVERIFY(active.htmlContent.startsWith(QLatin1String("<html>")));
    QVERIFY(!active.plainContent.isEmpty());
    QCOMPARE(active.templateId, id);
    // The sample templates are valid Handlebars with the variables the README lists.
    const DynamicTemplateVariables variables(
        {active.subject, active.htmlContent, active.plainContent});
    QVERIFY2(variables.isValid(), qPrintable(variables.error()));
    QStringList paths;
    for (const TemplateField &f : variables.fields())
        paths << f.path;
    QCOMPARE(paths, fields);
}

void TestEmailTemplatesSandbox::fetchesOneVersion() {
    const SandboxEmailTemplate *t =
        SandboxEmailTemplates::find(SandboxEmailTemplates::ticketReply());
    QVERIFY(t);
    const QString old = t->versions.at(1).id;
    const auto r = await<SendGridResult<SendGridTemplateVersion>>(
        [&](auto done) { m_client->fetchTemplateVersion(t->id, old, &m_ctx, done); });
    QVERIFY(r);
    QVERIFY2(r->ok(), qPrintable(r->error.explanation()));
    QCOMPARE(r->value.id, old);
    QVERIFY(!r->value.active);
    QCOMPARE(r->value.subject, QStringLiteral("Re: your ticket {{ticket_id}}"));
    QCOMPARE(get(QStringLiteral("/v3/templates/%1/versions/nope").arg(t->id)).status, 404);
}

void TestEmailTemplatesSandbox::unknownTemplateIs404InSendGridsShape() {
    const sbtest::Reply raw =
        get(QStringLiteral("/v3/templates/d-00000000000000000000000000000000"));
    QCOMPARE(raw.status, 404);
    const QJsonObject error = raw.json().value(QLatin1String("errors")).toArray().at(0).toObject();
    QCOMPARE(error.value(QLatin1String("message")).toString(),
             QStringLiteral("resource not found"));
    QVERIFY(error.contains(QLatin1String("field")));
    const auto r = await<SendGridResult<SendGridTemplate>>([&](auto done) {
        m_client->fetchTemplate(QStringLiteral("d-00000000000000000000000000000000"), &m_ctx, done);
    });
    QVERIFY(r);
    QCOMPARE(r->error.httpStatus, 404);
    QVERIFY2(r->error.explanation().contains(QLatin1String("template id")),
             qPrintable(r->error.explanation()));
}

void TestEmailTemplatesSandbox::wrongKeyIs401_data() {
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("key");
    const QString list = QStringLiteral("/v3/templates?generations=dynamic&page_size=10");
    const QString one = QStringLiteral("/v3/templates/") + SandboxEmailTemplates::orderShipped();
    QTest::newRow("list, wrong key") << list << QByteArray("SG.wrong");
    QTest::newRow("list, empty key") << list << QByteArray("");
    QTest::newRow("fetch, wrong key") << one << QByteArray("SG.wrong");
    QTest::newRow("unknown template, wrong key: no hint it does not exist")
        << QStringLiteral("/v3/templates/d-nope") << QByteArray("SG.wrong");
}

void TestEmailTemplatesSandbox::wrongKeyIs401() {
    QFETCH(QString, path);
    QFETCH(QByteArray, key);
    const sbtest::Reply r = get(path, key);
    QCOMPARE(r.status, 401);
    QVERIFY(r.json().value(QLatin1String("errors")).toArray().size() == 1);
}

void TestEmailTemplatesSandbox::templateEmailIsFilledInAndEscaped() {
    const QJsonObject data{
        {"first_name", "Ana <script>"},
        {"order_id", "A&B-1001"},
        {"items", QJsonArray{QJsonObject{{"name", "Mug \"XL\""}, {"quantity", 2}, {"price", "$9"}},
                             QJsonObject{{"name", "Tea"}, {"quantity", 1}, {"price", "$4.50"}}}},
        {"tracking_url", "https://track.example/1Z999"},
        {"carrier", "UPS"}};
    const QJsonObject mail{
        {"personalizations",
         QJsonArray{QJsonObject{{"to", QJsonArray{QJsonObject{{"email", "ana@example.com"}}}},
                                {"dynamic_template_data", data}}}},
        {"from", QJsonObject{{"email", "shop@example.com"}}},
        {"template_id", SandboxEmailTemplates::orderShipped()}};
    const sbtest::Reply sent = sendMail(mail);
    QCOMPARE(sent.status, 202);
    const QByteArray messageId = sent.header("X-Message-Id");
    QVERIFY(!messageId.isEmpty());

    const sbtest::Reply seen =
        m_http.get(url(QStringLiteral("/sandbox/emails/") + QString::fromLatin1(messageId)),
                   {{"Authorization", "Basic " + (m_sandbox->accountSid() + QLatin1Char(':') +
                                                  m_sandbox->authToken())
                                                     .toUtf8()
                                                     .toBase64()}});
    QCOMPARE(seen.status, 200);
    const QJsonObject email =
        seen.json().value(QLatin1String("personalizations")).toArray().at(0).toObject();
    QCOMPARE(email.value(QLatin1String("subject")).toString(),
             QStringLiteral("Order A&amp;B-1001 is on its way"));
    const QString html = email.value(QLatin1String("html")).toString();
    QVERIFY2(html.contains(QLatin1String("<p>Hi Ana &lt;script&gt;,</p>")), qPrintable(html));
    QVERIFY2(html.contains(QLatin1String("<td>Mug &quot;XL&quot;</td><td>&times; 2</td>")),
             qPrintable(html));
    QVERIFY(html.contains(QLatin1String("<td>Tea</td>")));
    QVERIFY(!html.contains(QLatin1String("gift note"))); // {{#if gift_note}} was false
    QVERIFY(!html.contains(QLatin1String("{{")));
    QVERIFY(email.value(QLatin1String("text"))
                .toString()
                .contains(QLatin1String("- Mug &quot;XL&quot; x 2 ($9)")));
    QCOMPARE(
        seen.json().value(QLatin1String("template_version_id")).toString(),
        SandboxEmailTemplates::find(SandboxEmailTemplates::orderShipped())->activeVersion()->id);

    // Delivered as any other email.
    QTRY_VERIFY_WITH_TIMEOUT(std::any_of(m_events.cbegin(), m_events.cend(),
                                         [&](const QJsonObject &e) {
                                             return e.value("event").toString() ==
                                                        QLatin1String("delivered") &&
                                                    e.value("sg_message_id")
                                                        .toString()
                                                        .startsWith(QString::fromLatin1(messageId));
                                         }),
                             5000);
}

void TestEmailTemplatesSandbox::unknownTemplateIdIsAcceptedThenDropped() {
    const QJsonObject mail{
        {"personalizations",
         QJsonArray{QJsonObject{{"to", QJsonArray{QJsonObject{{"email", "ben@example.com"}}}},
                                {"dynamic_template_data", QJsonObject{{"x", 1}}}}}},
        {"from", QJsonObject{{"email", "shop@example.com"}}},
        {"template_id", "d-ffffffffffffffffffffffffffffffff"}};
    const sbtest::Reply sent = sendMail(mail);
    QCOMPARE(sent.status, 202); // SendGrid does not look the id up before answering
    const QString messageId = QString::fromLatin1(sent.header("X-Message-Id"));
    auto ofThis = [&] {
        QList<QJsonObject> mine;
        for (const QJsonObject &e : std::as_const(m_events)) {
            if (e.value("sg_message_id").toString().startsWith(messageId))
                mine.append(e);
        }
        return mine;
    };
    QTRY_COMPARE_WITH_TIMEOUT(ofThis().size(), 1, 5000);
    QTest::qWait(100); // nothing follows a drop
    QCOMPARE(ofThis().size(), 1);
    QCOMPARE(ofThis().first().value("event").toString(), QStringLiteral("dropped"));
    QCOMPARE(ofThis().first().value("reason").toString(),
             QLatin1String(EmailSandbox::InvalidHeaderReason));
}

QTEST_GUILESS_MAIN(TestEmailTemplatesSandbox)
#include "tst_email_templates_sandbox.moc"
