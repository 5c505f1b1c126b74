#include "ServiceFixture.h"
#include "TestSupport.h"
#include "email/EmailRoutes.h"
#include "email/EmailSandbox.h"
#include "email/SandboxEmailTemplates.h"
#include "runtime/BuiltInChannels.h"
#include "runtime/SwitchboardService.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace sb;

// Email through the whole headless product in sandbox mode, over loopback only: the seed's
// send-email request goes through the outbox to the sandbox's SendGrid stand-in, whose event
// batches come back signed with the key pair it made (its public key handed to the console),
// up to `delivered`; its test addresses bounce and drop, and a bounced address is refused.
class TestEmailEndToEnd : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void seedRequestReachesDelivered();
    void templateWithAttachmentIsAccepted();
    void templateEmailIsFilledInEndToEnd();
    void unknownTemplateIsDropped();
    void bounceSuppressesTheAddress();
    void droppedIsFinal();
    void invalidFields_data();
    void invalidFields();
    void everyInvalidFieldIsReportedAtOnce();
    void unknownEmailIs404();

private:
    QUrl api(const QString &path) const;
    sbtest::Reply send(const QJsonObject &json);
    QJsonObject status(const QString &id);
    QJsonObject waitForStatus(const QString &id, const QString &wanted);
    static QStringList events(const QJsonObject &status);

    QTemporaryDir m_dir;
    std::unique_ptr<SwitchboardService> m_service;
    sbtest::Http m_http;
    const QByteArray m_auth = "Bearer email-token";
};

void TestEmailEndToEnd::initTestCase() {
    qputenv("SWITCHBOARD_SANDBOX_DELAY_MS", "20");
    QString error;
    m_service = sbtest::startService(m_dir.path(), QStringLiteral("email-token"), {}, {}, &error);
    QVERIFY2(m_service, qPrintable(error));
    QVERIFY(m_service->isSandbox());
}

void TestEmailEndToEnd::cleanupTestCase() {
    m_service.reset();
}

QUrl TestEmailEndToEnd::api(const QString &path) const {
    return QUrl(
        QStringLiteral("http://127.0.0.1:%1/api/v1/twilio/%2").arg(m_service->port()).arg(path));
}

sbtest::Reply TestEmailEndToEnd::send(const QJsonObject &json) {
    return m_http.postJson(api(EmailRoutes::send()), json, {{"Authorization", m_auth}});
}

QJsonObject TestEmailEndToEnd::status(const QString &id) {
    return m_http.get(api(QStringLiteral("email-status/") + id), {{"Authorization", m_auth}})
        .json();
}

QJsonObject TestEmailEndToEnd::waitForStatus(const QString &id, const QString &wanted) {
    QJsonObject last;
    for (int i = 0; i < 200; ++i) {
        last = status(id);
        if (last.value(QLatin1String("status")).toString() == wanted)
            return last;
        QTest::qWait(25);
    }
    return last;
}

QStringList TestEmailEndToEnd::events(const QJsonObject &status) {
    QStringList list;
    for (const QJsonValue e : status.value(QLatin1String("events")).toArray())
        list.append(e.toObject().value(QLatin1String("event")).toString());
    return list;
}

void TestEmailEndToEnd::seedRequestReachesDelivered() {
    const sbtest::Reply sent = send({{"to", "ana@example.com"},
                                     {"from", "support@example.com"},
                                     {"subject", "Your order"},
                                     {"text", "It ships today."},
                                     {"html", "<p>It ships <b>today</b>.</p>"}});
    QCOMPARE(sent.status, 202);
    const QString id = sent.json().value(QLatin1String("id")).toString();
    QVERIFY(id.startsWith(QLatin1String("EM")));
    QCOMPARE(sent.json().value(QLatin1String("status")).toString(), QStringLiteral("queued"));
    QVERIFY(!sent.json().value(QLatin1String("sgMessageId")).toString().isEmpty());

    // processed, delivered, then an open, which is kept but does not move the status.
    QTRY_COMPARE_WITH_TIMEOUT(events(status(id)).size(), 3, 10000);
    const QJsonObject done = status(id);
    QCOMPARE(done.value(QLatin1String("status")).toString(), QStringLiteral("delivered"));
    QCOMPARE(events(done), (QStringList{QStringLiteral("processed"), QStringLiteral("delivered"),
                                        QStringLiteral("open")}));
    QCOMPARE(done.value(QLatin1String("subject")).toString(), QStringLiteral("Your order"));
    QCOMPARE(done.value(QLatin1String("to")).toArray().at(0).toObject().value("email").toString(),
             QStringLiteral("ana@example.com"));
    QVERIFY(done.value(QLatin1String("final")).toBool());
}

void TestEmailEndToEnd::templateWithAttachmentIsAccepted() {
    const QJsonArray attachments{
        QJsonObject{{"filename", QStringLiteral("Rechnung-März.pdf")},
                    {"type", "application/pdf"},
                    {"content", QString::fromLatin1(QByteArray("%PDF-1.4 ...").toBase64())}}};
    const sbtest::Reply sent = send({{"to", QJsonArray{"ben@example.com", "cy@example.com"}},
                                     {"cc", "dee@example.com"},
                                     {"from", "support@example.com"},
                                     {"replyTo", "help@example.com"},
                                     {"templateId", SandboxEmailTemplates::orderShipped()},
                                     {"dynamicTemplateData", QJsonObject{{"first_name", "Ben"}}},
                                     {"attachments", attachments}});
    QCOMPARE(sent.status, 202);
    const QString id = sent.json().value(QLatin1String("id")).toString();
    const QJsonObject done = waitForStatus(id, QStringLiteral("delivered"));
    QCOMPARE(done.value(QLatin1String("status")).toString(), QStringLiteral("delivered"));
    const QJsonObject attachment =
        done.value(QLatin1String("attachments")).toArray().at(0).toObject();
    QCOMPARE(attachment.value(QLatin1String("filename")).toString(),
             QStringLiteral("Rechnung-März.pdf"));
    QCOMPARE(attachment.value(QLatin1String("size")).toInt(), 12);
}

void TestEmailEndToEnd::templateEmailIsFilledInEndToEnd() {
    // The agent's request, as the Email tab sends it from EmailTemplatePicker's values.
    const QJsonObject data{
        {"first_name", "Dee & \"Co\""}, {"product_name", "Acme"},
        {"email", "dee@example.com"},   {"reset_url", "https://acme.example/reset?t=abc"},
        {"expires_minutes", 30},        {"security_alert", true}};
    const sbtest::Reply sent = send({{"to", "dee@example.com"},
                                     {"from", "support@example.com"},
                                     {"templateId", SandboxEmailTemplates::passwordReset()},
                                     {"dynamicTemplateData", data}});
    QCOMPARE(sent.status, 202);
    const QString id = sent.json().value(QLatin1String("id")).toString();
    const QString sgMessageId = sent.json().value(QLatin1String("sgMessageId")).toString();
    QVERIFY(!sgMessageId.isEmpty());

    // What SendGrid's stand-in made of it: the active version, filled in and escaped.
    const QByteArray basic =
        (m_service->config().accountSid + QLatin1Char(':') + m_service->config().authToken)
            .toUtf8()
            .toBase64();
    const sbtest::Reply seen = m_http.get(
        QUrl(m_service->sandboxUrl().toString() + QStringLiteral("/sandbox/emails/") + sgMessageId),
        {{"Authorization", "Basic " + basic}});
    QCOMPARE(seen.status, 200);
    QCOMPARE(seen.json().value(QLatin1String("template_id")).toString(),
             SandboxEmailTemplates::passwordReset());
    const QJsonObject email =
        seen.json().value(QLatin1String("personalizations")).toArray().at(0).toObject();
    QCOMPARE(email.value(QLatin1String("subject")).toString(),
             QStringLiteral("Reset your Acme password"));
    const QString html = email.value(QLatin1String("html")).toString();
    QVERIFY2(html.contains(QLatin1String("Hello Dee &amp; &quot;Co&quot;,")), qPrintable(html));
    QVERIFY(html.contains(QLatin1String("href=\"https://acme.example/reset?t&#x3D;abc\"")));
    QVERIFY(html.contains(QLatin1String("works for 30 minutes")));
    QVERIFY(html.contains(QLatin1String("we will lock the account")));
    QVERIFY(!html.contains(QLatin1String("{{")));

    // And it is delivered like any email; the console keeps the template it used.
    const QJsonObject done = waitForStatus(id, QStringLiteral("delivered"));
    QCOMPARE(done.value(QLatin1String("status")).toString(), QStringLiteral("delivered"));
    QCOMPARE(done.value(QLatin1String("templateId")).toString(),
             SandboxEmailTemplates::passwordReset());
}

void TestEmailEndToEnd::unknownTemplateIsDropped() {
    // SendGrid answers 202 for any template_id and drops the email afterwards: the console
    // learns it from the dropped event, with SendGrid's reason.
    const sbtest::Reply sent = send({{"to", "eve@example.com"},
                                     {"from", "support@example.com"},
                                     {"templateId", "d-0123456789abcdef0123456789abcdef"},
                                     {"dynamicTemplateData", QJsonObject{{"name", "Eve"}}}});
    QCOMPARE(sent.status, 202);
    const QJsonObject dropped =
        waitForStatus(sent.json().value(QLatin1String("id")).toString(), QStringLiteral("dropped"));
    QCOMPARE(dropped.value(QLatin1String("status")).toString(), QStringLiteral("dropped"));
    QCOMPARE(dropped.value(QLatin1String("events"))
                 .toArray()
                 .last()
                 .toObject()
                 .value(QLatin1String("reason"))
                 .toString(),
             QLatin1String(EmailSandbox::InvalidHeaderReason));
}

void TestEmailEndToEnd::bounceSuppressesTheAddress() {
    const QJsonObject email{{"to", "bounce@sandbox.test"},
                            {"from", "support@example.com"},
                            {"subject", "Hello"},
                            {"text", "Hi"}};
    const sbtest::Reply sent = send(email);
    QCOMPARE(sent.status, 202);
    const QString id = sent.json().value(QLatin1String("id")).toString();
    const QJsonObject bounced = waitForStatus(id, QStringLiteral("bounce"));
    QCOMPARE(bounced.value(QLatin1String("status")).toString(), QStringLiteral("bounce"));
    QVERIFY(bounced.value(QLatin1String("events"))
                .toArray()
                .last()
                .toObject()
                .value(QLatin1String("reason"))
                .toString()
                .contains(QLatin1String("5.1.1")));

    // A later send to it is refused, naming the field and why; nothing is stored or sent.
    const sbtest::Reply again = send(email);
    QCOMPARE(again.status, 400);
    const QJsonObject error = again.json().value(QLatin1String("error")).toObject();
    QCOMPARE(error.value(QLatin1String("field")).toString(), QStringLiteral("to"));
    QVERIFY2(error.value(QLatin1String("message")).toString().contains(QLatin1String("bounced")),
             again.body.constData());
    // The same address in cc is refused under cc; the address compares case-insensitively.
    QJsonObject viaCc{{"to", "ok@example.com"},
                      {"cc", "Bounce@Sandbox.test"},
                      {"from", "support@example.com"},
                      {"subject", "Hello"},
                      {"text", "Hi"}};
    const sbtest::Reply cc = send(viaCc);
    QCOMPARE(cc.status, 400);
    QCOMPARE(cc.json().value("error").toObject().value("field").toString(), QStringLiteral("cc"));
}

void TestEmailEndToEnd::droppedIsFinal() {
    const sbtest::Reply sent = send({{"to", "dropped@sandbox.test"},
                                     {"from", "support@example.com"},
                                     {"subject", "Hello"},
                                     {"text", "Hi"}});
    QCOMPARE(sent.status, 202);
    const QJsonObject dropped =
        waitForStatus(sent.json().value(QLatin1String("id")).toString(), QStringLiteral("dropped"));
    QCOMPARE(dropped.value(QLatin1String("status")).toString(), QStringLiteral("dropped"));
    QCOMPARE(events(dropped), QStringList{QStringLiteral("dropped")});
}

void TestEmailEndToEnd::invalidFields_data() {
    QTest::addColumn<QJsonObject>("change");
    QTest::addColumn<QString>("field");
    QTest::newRow("no to") << QJsonObject{{"to", QJsonValue()}} << "to";
    QTest::newRow("to not an address") << QJsonObject{{"to", "ana@"}} << "to";
    QTest::newRow("one of the to list invalid")
        << QJsonObject{{"to", QJsonArray{"ana@example.com", "not an address"}}} << "to";
    QTest::newRow("to a number") << QJsonObject{{"to", 42}} << "to";
    QTest::newRow("cc invalid") << QJsonObject{{"cc", "x@@example.com"}} << "cc";
    QTest::newRow("bcc invalid") << QJsonObject{{"bcc", QJsonArray{"b c@example.com"}}} << "bcc";
    QTest::newRow("from invalid") << QJsonObject{{"from", "support"}} << "from";
    QTest::newRow("replyTo invalid") << QJsonObject{{"replyTo", "help@"}} << "replyTo";
    QTest::newRow("no subject") << QJsonObject{{"subject", ""}} << "subject";
    QTest::newRow("no content") << QJsonObject{{"text", ""}, {"html", ""}} << "text";
    QTest::newRow("html not a string") << QJsonObject{{"html", 1}} << "html";
    QTest::newRow("template id not d-") << QJsonObject{{"templateId", "abc"}} << "templateId";
    QTest::newRow("template data not an object")
        << QJsonObject{{"templateId", "d-1"}, {"dynamicTemplateData", "x"}}
        << "dynamicTemplateData";
    QTest::newRow("attachments not a list") << QJsonObject{{"attachments", "a"}} << "attachments";
    QTest::newRow("attachment without filename")
        << QJsonObject{{"attachments", QJsonArray{QJsonObject{{"content", "aGk="}}}}}
        << "attachments[0].filename";
    QTest::newRow("attachment not base64")
        << QJsonObject{{"attachments",
                        QJsonArray{QJsonObject{{"filename", "a.txt"}, {"content", "***"}}}}}
        << "attachments[0].content";
}

void TestEmailEndToEnd::invalidFields() {
    QFETCH(QJsonObject, change);
    QFETCH(QString, field);
    QJsonObject email{{"to", "ana@example.com"},
                      {"from", "support@example.com"},
                      {"subject", "Hello"},
                      {"text", "Hi"}};
    for (auto it = change.begin(); it != change.end(); ++it) {
        if (it.value().isNull())
            email.remove(it.key());
        else
            email.insert(it.key(), it.value());
    }
    const sbtest::Reply r = send(email);
    QCOMPARE(r.status, 400);
    QStringList fields;
    for (const QJsonValue e :
         r.json().value("error").toObject().value(QLatin1String("errors")).toArray())
        fields.append(e.toObject().value(QLatin1String("field")).toString());
    QVERIFY2(fields.contains(field), r.body.constData());
}

void TestEmailEndToEnd::everyInvalidFieldIsReportedAtOnce() {
    const sbtest::Reply r = send({{"to", "ana@"}, {"cc", "b@"}, {"from", "x"}, {"text", 5}});
    QCOMPARE(r.status, 400);
    QStringList fields;
    for (const QJsonValue e : r.json().value("error").toObject().value("errors").toArray())
        fields.append(e.toObject().value(QLatin1String("field")).toString());
    for (const char *f : {"to", "cc", "from", "text", "subject"})
        QVERIFY2(fields.contains(QLatin1String(f)), r.body.constData());
}

void TestEmailEndToEnd::unknownEmailIs404() {
    QCOMPARE(
        m_http.get(api(QStringLiteral("email-status/EMnope")), {{"Authorization", m_auth}}).status,
        404);
}

QTEST_GUILESS_MAIN(TestEmailEndToEnd)
#include "tst_email_endtoend.moc"
