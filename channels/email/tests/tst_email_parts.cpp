#include "config/Config.h"
#include "email/EmailEvents.h"
#include "email/EmailRequest.h"
#include "email/EmailSandbox.h"
#include "email/EmailStatuses.h"
#include "email/EmailStore.h"
#include "providers/sendgrid/SendGridClient.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QtTest>

using namespace sb;

// The email channel's parts on their own: the status ranks, the request's size limit and
// address rule, the sandbox's mail/send validation in SendGrid's words, the batch parser.
class TestEmailParts : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void statusesNeverGoBackwards_data();
    void statusesNeverGoBackwards();
    void engagementIsNotAStatus();
    void addresses_data();
    void addresses();
    void oversizedIsRefusedBeforeSending();
    void sandboxValidatesAsSendGrid();
    void sandboxTestAddresses();
    void batchParser();
    void defaultSender_data();
    void defaultSender();
    void categories_data();
    void categories();
    void senderSettings_data();
    void senderSettings();
};

void TestEmailParts::statusesNeverGoBackwards_data() {
    QTest::addColumn<QString>("earlier");
    QTest::addColumn<QString>("later");
    QTest::newRow("queued < processed") << "queued"
                                        << "processed";
    QTest::newRow("unknown < processed") << "unknown"
                                         << "processed";
    QTest::newRow("processed < deferred") << "processed"
                                          << "deferred";
    QTest::newRow("deferred < delivered") << "deferred"
                                          << "delivered";
    QTest::newRow("deferred < bounce") << "deferred"
                                       << "bounce";
    QTest::newRow("delivered < spamreport") << "delivered"
                                            << "spamreport";
    QTest::newRow("pending < queued") << "pending"
                                      << "queued";
}

void TestEmailParts::statusesNeverGoBackwards() {
    QFETCH(QString, earlier);
    QFETCH(QString, later);
    const EmailStatuses &s = EmailStatuses::instance();
    QVERIFY(s.info(earlier).rank > 0);
    QVERIFY(s.info(earlier).rank < s.info(later).rank);
    QVERIFY(!s.info(later).meaning.isEmpty());
}

void TestEmailParts::engagementIsNotAStatus() {
    for (const char *e : {"open", "click", "unsubscribe", "group_unsubscribe"}) {
        QVERIFY(EmailStatuses::isEngagementEvent(QLatin1String(e)));
        QVERIFY(!EmailStatuses::isStatusEvent(QLatin1String(e)));
        QCOMPARE(EmailStatuses::instance().info(QLatin1String(e)).rank, 0);
    }
    // A bounce and a drop are the same rank: neither replaces the other.
    QCOMPARE(EmailStatuses::instance().info("bounce").rank,
             EmailStatuses::instance().info("dropped").rank);
    QVERIFY(EmailStatuses::suppresses("bounce"));
    QVERIFY(EmailStatuses::suppresses("spamreport"));
    QVERIFY(!EmailStatuses::suppresses("dropped"));
}

void TestEmailParts::addresses_data() {
    QTest::addColumn<QString>("address");
    QTest::addColumn<bool>("valid");
    QTest::newRow("plain") << "ana@example.com" << true;
    QTest::newRow("plus and dots") << "ana.b+tag@mail.example.co.uk" << true;
    QTest::newRow("no domain") << "ana@" << false;
    QTest::newRow("no tld") << "ana@example" << false;
    QTest::newRow("space") << "an a@example.com" << false;
    QTest::newRow("two ats") << "a@b@example.com" << false;
    QTest::newRow("display name") << "Ana <ana@example.com>" << false;
    QTest::newRow("too long") << QString(250, QLatin1Char('a')) + "@x.io" << false;
}

void TestEmailParts::addresses() {
    QFETCH(QString, address);
    QFETCH(bool, valid);
    QCOMPARE(EmailRequest::isValidAddress(address), valid);
}

void TestEmailParts::oversizedIsRefusedBeforeSending() {
    // 23 MB of bytes is over 30 MB once in base64: refused, naming attachments and the sizes.
    const QByteArray bytes(23'000'000, 'x');
    QJsonObject json{{"to", "ana@example.com"},
                     {"from", "support@example.com"},
                     {"subject", "Big"},
                     {"text", "see attached"},
                     {"attachments",
                      QJsonArray{QJsonObject{{"filename", "big.bin"},
                                             {"content", QString::fromLatin1(bytes.toBase64())}}}}};
    FieldErrors errors;
    const EmailDraft draft = EmailRequest::parse(json, errors);
    QVERIFY(errors.has(QStringLiteral("attachments")));
    QVERIFY(draft.mailSendBytes() > SendGridClient::MaxMailSendBytes);
    QVERIFY(EmailRequest::sizeProblem(draft).contains(QLatin1String("30 MB")));
    // 22 MB fits (29.3 MB in base64).
    json.insert("attachments",
                QJsonArray{QJsonObject{
                    {"filename", "ok.bin"},
                    {"content", QString::fromLatin1(QByteArray(22'000'000, 'x').toBase64())}}});
    FieldErrors fits;
    EmailRequest::parse(json, fits);
    QVERIFY(fits.isEmpty());
}

void TestEmailParts::sandboxValidatesAsSendGrid() {
    const QJsonObject good{
        {"personalizations",
         QJsonArray{QJsonObject{{"to", QJsonArray{QJsonObject{{"email", "ana@example.com"}}}}}}},
        {"from", QJsonObject{{"email", "support@example.com"}}},
        {"subject", "Hi"},
        {"content", QJsonArray{QJsonObject{{"type", "text/plain"}, {"value", "x"}}}}};
    QVERIFY(EmailSandbox::validate(good).isEmpty());
    QJsonObject bad = good;
    bad.insert("from", QJsonObject{{"email", "nope"}});
    bad.remove("subject");
    bad.remove("content");
    QStringList fields;
    for (const QJsonObject &e : EmailSandbox::validate(bad))
        fields.append(e.value("field").toString());
    QCOMPARE(fields, (QStringList{"from.email", "subject", "content"}));
    QJsonObject withTemplate = bad;
    withTemplate.insert("from", QJsonObject{{"email", "support@example.com"}});
    withTemplate.insert("template_id", "d-1");
    QVERIFY(EmailSandbox::validate(withTemplate).isEmpty()); // a template needs neither
}

void TestEmailParts::sandboxTestAddresses() {
    QCOMPARE(EmailSandbox::eventsFor("bounce@sandbox.test"), (QStringList{"processed", "bounce"}));
    QCOMPARE(EmailSandbox::eventsFor("dropped@sandbox.test"), QStringList{"dropped"});
    QCOMPARE(EmailSandbox::eventsFor("anyone@example.com"),
             (QStringList{"processed", "delivered", "open"}));
}

void TestEmailParts::batchParser() {
    const auto events = EmailEvents::parse(
        R"([{"email":"a@x.io","timestamp":1764000000,"event":"bounce","sg_event_id":"e1",)"
        R"("sg_message_id":"m1.filter","switchboard_id":"EM1","reason":"550 no"},)"
        R"({"email":"a@x.io","timestamp":1764000001,"event":"deferred","sg_event_id":"e2",)"
        R"("response":"421 later"}])");
    QVERIFY(events);
    QCOMPARE(events->size(), 2);
    QCOMPARE(events->at(0).emailId, QStringLiteral("EM1"));
    QCOMPARE(events->at(0).reason, QStringLiteral("550 no"));
    QCOMPARE(events->at(0).at.toSecsSinceEpoch(), 1764000000);
    QCOMPARE(events->at(1).reason, QStringLiteral("421 later"));
    QVERIFY(!EmailEvents::parse("{}"));
    QVERIFY(!EmailEvents::parse("[1]"));
    QVERIFY(!EmailEvents::parse("not json"));
}

void TestEmailParts::defaultSender_data() {
    QTest::addColumn<QJsonValue>("from");
    QTest::addColumn<QString>("defaultEmail");
    QTest::addColumn<QString>("wantEmail"); // empty: 400 naming from
    QTest::addColumn<QString>("wantName");
    QTest::newRow("omitted, default set") << QJsonValue() << "support@example.com"
                                          << "support@example.com"
                                          << "Acme";
    QTest::newRow("empty, default set") << QJsonValue("") << "support@example.com"
                                        << "support@example.com"
                                        << "Acme";
    QTest::newRow("given, default set")
        << QJsonValue("billing@example.com") << "support@example.com"
        << "billing@example.com"
        << "";
    QTest::newRow("omitted, no default") << QJsonValue() << ""
                                         << ""
                                         << "";
    QTest::newRow("invalid, default set") << QJsonValue("billing@") << "support@example.com"
                                          << ""
                                          << "";
}

void TestEmailParts::defaultSender() {
    QFETCH(QJsonValue, from);
    QFETCH(QString, defaultEmail);
    QFETCH(QString, wantEmail);
    QFETCH(QString, wantName);
    QJsonObject json{{"to", "ana@example.com"}, {"subject", "Hello"}, {"text", "Hi"}};
    if (!from.isNull())
        json.insert("from", from);
    FieldErrors errors;
    const EmailDraft d = EmailRequest::parse(
        json, EmailAddress{defaultEmail, defaultEmail.isEmpty() ? QString() : "Acme"}, errors);
    if (wantEmail.isEmpty()) {
        QVERIFY(errors.has(QStringLiteral("from")));
        return;
    }
    QVERIFY(errors.isEmpty());
    QCOMPARE(d.from.email, wantEmail);
    QCOMPARE(d.from.name, wantName);
}

void TestEmailParts::categories_data() {
    QTest::addColumn<QStringList>("categories");
    QTest::addColumn<bool>("fine");
    QStringList ten;
    for (int i = 0; i < 10; ++i)
        ten.append(QStringLiteral("c%1").arg(i));
    const QStringList eleven = ten + QStringList{"c10"};
    QTest::newRow("none") << QStringList() << true;
    QTest::newRow("ten (SendGrid's most)") << ten << true;
    QTest::newRow("eleven") << eleven << false;
    QTest::newRow("255 characters") << QStringList{QString(255, 'x')} << true;
    QTest::newRow("256 characters") << QStringList{QString(256, 'x')} << false;
    QTest::newRow("printable ASCII") << QStringList{"Receipts & refunds: 2026/03"} << true;
    QTest::newRow("accented") << QStringList{QStringLiteral("rëceipts")} << false;
    QTest::newRow("emoji") << QStringList{QStringLiteral("sale \U0001F525")} << false;
    QTest::newRow("control character") << QStringList{"a\tb"} << false;
    QTest::newRow("empty") << QStringList{""} << false;
    QTest::newRow("repeated") << QStringList{"a", "a"} << false;
}

void TestEmailParts::categories() {
    QFETCH(QStringList, categories);
    QFETCH(bool, fine);
    QCOMPARE(EmailRequest::categoriesProblem(categories).isEmpty(), fine);
    QJsonObject json{{"to", "ana@example.com"},
                     {"from", "support@example.com"},
                     {"subject", "Hello"},
                     {"text", "Hi"},
                     {"categories", QJsonArray::fromStringList(categories)}};
    FieldErrors errors;
    const EmailDraft d = EmailRequest::parse(json, errors);
    QCOMPARE(errors.has(QStringLiteral("categories")), !fine);
    if (fine) {
        QCOMPARE(d.categories, categories);
        QCOMPARE(d.toMailSendJson().value("categories").toArray().size(), categories.size());
    }
}

void TestEmailParts::senderSettings_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("live"); // with a SendGrid key (else the sandbox's stand-in)
    QTest::addColumn<QString>("wantFrom");
    QTest::addColumn<int>("wantLimit");
    QTest::addColumn<QString>("error"); // a part of the error; empty: loads
    QTest::newRow("sandbox default sender") << ""
                                            << "" << false << "support@sandbox.test" << 100 << "";
    QTest::newRow("no default with a SendGrid key") << ""
                                                    << "" << true << "" << 100 << "";
    QTest::newRow("from email set")
        << "SENDGRID_FROM_EMAIL"
        << "help@example.com" << true << "help@example.com" << 100 << "";
    QTest::newRow("from email invalid")
        << "SENDGRID_FROM_EMAIL"
        << "help@" << true << "" << 100 << "SENDGRID_FROM_EMAIL: 'help@'";
    QTest::newRow("from email with a name in it")
        << "SENDGRID_FROM_EMAIL"
        << "Help <help@example.com>" << false << "" << 100 << "SENDGRID_FROM_EMAIL";
    QTest::newRow("from name with a newline")
        << "SENDGRID_FROM_NAME"
        << "Acme\nBcc: x" << false << "" << 100 << "SENDGRID_FROM_NAME";
    QTest::newRow("daily limit 0") << "SENDGRID_DAILY_LIMIT"
                                   << "0" << false << "support@sandbox.test" << 0 << "";
    QTest::newRow("daily limit 40000") << "SENDGRID_DAILY_LIMIT"
                                       << "40000" << false << "support@sandbox.test" << 40000 << "";
    QTest::newRow("daily limit negative")
        << "SENDGRID_DAILY_LIMIT"
        << "-1" << false << "" << 0 << "SENDGRID_DAILY_LIMIT: '-1'";
    QTest::newRow("daily limit not a number")
        << "SENDGRID_DAILY_LIMIT"
        << "lots" << false << "" << 0 << "SENDGRID_DAILY_LIMIT";
    QTest::newRow("max age negative") << "SENDGRID_WEBHOOK_MAX_AGE_S"
                                      << "-5" << false << "" << 0 << "SENDGRID_WEBHOOK_MAX_AGE_S";
    QTest::newRow("base URL not http") << "SENDGRID_API_BASE_URL"
                                       << "ftp://x" << false << "" << 0 << "SENDGRID_API_BASE_URL";
}

void TestEmailParts::senderSettings() {
    QFETCH(QString, name);
    QFETCH(QString, value);
    QFETCH(bool, live);
    QFETCH(QString, wantFrom);
    QFETCH(int, wantLimit);
    QFETCH(QString, error);
    QTemporaryDir dir;
    QProcessEnvironment env;
    env.insert(QStringLiteral("SWITCHBOARD_DATA_DIR"), dir.path());
    env.insert(QStringLiteral("SWITCHBOARD_API_TOKEN"), QStringLiteral("t"));
    if (live)
        env.insert(QStringLiteral("SENDGRID_API_KEY"), QStringLiteral("SG.key"));
    if (!name.isEmpty())
        env.insert(name, value);
    QString problem;
    const auto config = ConfigLoader::load(env, QString(), &problem);
    // The Settings dialog applies the same rule to what is typed.
    QCOMPARE(ConfigLoader::problemWith(name, value).isEmpty(), error.isEmpty());
    if (!error.isEmpty()) {
        QVERIFY(!config);
        QVERIFY2(problem.startsWith(error), qPrintable(problem));
        return;
    }
    QVERIFY2(config, qPrintable(problem));
    QCOMPARE(config->sendgridFromEmail, wantFrom);
    QCOMPARE(config->sendgridDailyLimit, wantLimit);
}

QTEST_GUILESS_MAIN(TestEmailParts)
#include "tst_email_parts.moc"
