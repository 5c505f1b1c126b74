#include "Await.h"
#include "ServiceFixture.h"
#include "TestSupport.h"
#include "db/Store.h"
#include "providers/twilio/SignatureValidator.h"
#include "runtime/BuiltInChannels.h"
#include "runtime/SwitchboardService.h"
#include "whatsapp/SandboxTemplates.h"
#include "whatsapp/WhatsAppContacts.h"
#include "whatsapp/WhatsAppRoutes.h"

#include <QAtomicInteger>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace sb;
using namespace std::chrono_literals;
using sbtest::await;

// WhatsApp through the whole headless product in sandbox mode, over loopback only: the seed's
// send-whatsapp request, the sandbox's signed callbacks up to `read`, customers writing in with
// their profile name, and the 24-hour window on an injected clock (the console's and the
// sandbox's), with approved templates as the way out of it.
class TestWhatsAppEndToEnd : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void seedRequestReachesReadThroughSignedCallbacks();
    void statusLookupsSayWhatsApp();
    void inboundKeepsProfileNameAndWaId();
    void replayedInboundDoesNotMoveTheWindow();
    void windowBoundary_data();
    void windowBoundary();
    void neverWrittenIsRefusedWithItsOwnReason();
    void templateOutsideTheWindowReachesRead();
    void unapprovedTemplatesAreRefusedOutsideTheWindow_data();
    void unapprovedTemplatesAreRefusedOutsideTheWindow();
    void unapprovedTemplateGoesInsideTheWindow();
    void templateMistakesAreRefusedBeforeSending_data();
    void templateMistakesAreRefusedBeforeSending();
    void everyInvalidFieldIsReportedAtOnce();
    void invalidFields_data();
    void invalidFields();
    void plainNumberIsTakenAsWhatsApp();
    void idempotencyKeySendsOnce();
    void statusCallbacksAreDeduplicatedAndNeverGoBack();
    void unsignedWebhooksAreRefused();
    void smsPostedToTheWhatsAppWebhookIsRefused();
    void refusalTwilioStillSendsIsExplainedOnTheMessage();

private:
    QUrl api(const QString &path) const;
    sbtest::Reply send(const QJsonObject &json, QList<QPair<QByteArray, QByteArray>> headers = {});
    sbtest::Reply status(const QString &sid,
                         const QString &endpoint = QStringLiteral("sms-status"));
    sbtest::Reply postSigned(const QString &path, const FormFields &fields,
                             const QByteArray &idempotency = {});
    // The customer writes, through the local API's sandbox/inbound (the sandbox posts the signed
    // webhook); returns once the message is stored.
    void customerWrites(const QString &from, const QString &body, const QString &profileName = {});
    // Every message the sandbox has to or from `address`, newest first.
    QJsonArray sandboxMessages(const QString &address);
    QString waitForStatus(const QString &sid, const QString &status);
    std::optional<WhatsAppContact> contact(const QString &address);
    QDateTime lastInbound(const QString &address);
    void travel(std::chrono::milliseconds by) { m_offsetMs.fetchAndAddRelaxed(by.count()); }
    QDateTime now() const;
    static QString uniqueCustomer();

    QTemporaryDir m_dir;
    std::unique_ptr<SwitchboardService> m_service;
    sbtest::Http m_http;
    QObject m_ctx;
    QAtomicInteger<qint64> m_offsetMs{0}; // the injected clock: real UTC time plus this
    const QByteArray m_auth = "Bearer wa-token";
};

void TestWhatsAppEndToEnd::initTestCase() {
    qputenv("SWITCHBOARD_SANDBOX_DELAY_MS", "20");
    QString error;
    m_service = sbtest::startService(
        m_dir.path(), QStringLiteral("wa-token"), {}, [this] { return now(); }, &error);
    QVERIFY2(m_service, qPrintable(error));
    QVERIFY(m_service->isSandbox());
    QVERIFY(m_service->contentClient());
}

void TestWhatsAppEndToEnd::cleanupTestCase() {
    m_service.reset();
}

QDateTime TestWhatsAppEndToEnd::now() const {
    return QDateTime::currentDateTimeUtc().addMSecs(m_offsetMs.loadRelaxed());
}

QString TestWhatsAppEndToEnd::uniqueCustomer() {
    static int next = 0; // +14155550101 ...: a fresh customer, and so a fresh window, per use
    return QStringLiteral("whatsapp:+14155550%1").arg(100 + ++next);
}

QUrl TestWhatsAppEndToEnd::api(const QString &path) const {
    return QUrl(
        QStringLiteral("http://127.0.0.1:%1/api/v1/twilio/%2").arg(m_service->port()).arg(path));
}

sbtest::Reply TestWhatsAppEndToEnd::send(const QJsonObject &json,
                                         QList<QPair<QByteArray, QByteArray>> headers) {
    headers.append({"Authorization", m_auth});
    return m_http.postJson(api(WhatsAppRoutes::send()), json, headers);
}

sbtest::Reply TestWhatsAppEndToEnd::status(const QString &sid, const QString &endpoint) {
    return m_http.get(api(endpoint + QLatin1Char('/') + sid), {{"Authorization", m_auth}});
}

sbtest::Reply TestWhatsAppEndToEnd::postSigned(const QString &path, const FormFields &fields,
                                               const QByteArray &idempotency) {
    const QString url = m_service->publicUrl().toString() + path;
    QList<QPair<QByteArray, QByteArray>> headers{
        {"X-Twilio-Signature",
         SignatureValidator::sign(m_service->config().authToken.toUtf8(), url, fields)}};
    if (!idempotency.isEmpty())
        headers.append({"I-Twilio-Idempotency-Token", idempotency});
    return m_http.postForm(
        QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_service->port()).arg(path)), fields,
        headers);
}

void TestWhatsAppEndToEnd::customerWrites(const QString &from, const QString &body,
                                          const QString &profileName) {
    QJsonObject json{{QStringLiteral("from"), from},
                     {QStringLiteral("body"), body},
                     {QStringLiteral("channel"), QStringLiteral("whatsapp")}};
    if (!profileName.isEmpty())
        json.insert(QStringLiteral("profileName"), profileName);
    const sbtest::Reply r =
        m_http.postJson(api(QStringLiteral("sandbox/inbound")), json, {{"Authorization", m_auth}});
    QCOMPARE(r.status, 201);
    // The sandbox answers once our webhook did, and our webhook answers once it is stored.
    const QJsonObject webhook = r.json().value(QLatin1String("webhook")).toObject();
    QCOMPARE(webhook.value(QLatin1String("status")).toInt(), 200);
    QVERIFY(webhook.value(QLatin1String("url")).toString().endsWith(WhatsAppRoutes::incoming()));
}

QJsonArray TestWhatsAppEndToEnd::sandboxMessages(const QString &address) {
    const QByteArray basic = "Basic " + (m_service->config().accountSid + QLatin1Char(':') +
                                         m_service->config().authToken)
                                            .toUtf8()
                                            .toBase64();
    QJsonArray matching;
    for (const char *filter : {"To", "From"}) {
        QUrlQuery query;
        query.addQueryItem(QString::fromLatin1(filter), address);
        query.addQueryItem(QStringLiteral("PageSize"), QStringLiteral("1000"));
        QUrl url = m_service->sandboxUrl();
        url.setPath(QStringLiteral("/2010-04-01/Accounts/%1/Messages.json")
                        .arg(m_service->config().accountSid));
        url.setQuery(query);
        const QJsonArray page = m_http.get(url, {{"Authorization", basic}})
                                    .json()
                                    .value(QLatin1String("messages"))
                                    .toArray();
        for (const QJsonValue v : page)
            matching.append(v);
    }
    return matching;
}

QString TestWhatsAppEndToEnd::waitForStatus(const QString &sid, const QString &wanted) {
    QString last;
    QDeadlineTimer deadline(10000);
    while (!deadline.hasExpired()) {
        last = status(sid).json().value(QLatin1String("status")).toString();
        if (last == wanted)
            break;
        QTest::qWait(20);
    }
    return last;
}

std::optional<WhatsAppContact> TestWhatsAppEndToEnd::contact(const QString &address) {
    const auto r = await<StoreResult<std::optional<WhatsAppContact>>>(
        [&](auto done) { WhatsAppContacts::contact(m_service->store(), address, &m_ctx, done); });
    return r && r->ok() ? r->value : std::nullopt;
}

QDateTime TestWhatsAppEndToEnd::lastInbound(const QString &address) {
    const auto r = await<StoreResult<QDateTime>>([&](auto done) {
        WhatsAppContacts::lastInbound(m_service->store(), address, QString(), &m_ctx, done);
    });
    return r && r->ok() ? r->value : QDateTime();
}

void TestWhatsAppEndToEnd::seedRequestReachesReadThroughSignedCallbacks() {
    const QString customer = uniqueCustomer();
    customerWrites(customer, QStringLiteral("Hi, where is my order?"), QStringLiteral("Ana Lima"));
    // The seed's exact request.
    const sbtest::Reply sent =
        send({{QStringLiteral("to"), customer},
              {QStringLiteral("from"), QStringLiteral("whatsapp:+14155238886")},
              {QStringLiteral("body"), QStringLiteral("Your order ships today.")}});
    QCOMPARE(sent.status, 201);
    const QJsonObject json = sent.json();
    const QString sid = json.value(QLatin1String("messageSid")).toString();
    QVERIFY(sid.startsWith(QLatin1String("SM")));
    QVERIFY(!json.value(QLatin1String("status")).toString().isEmpty());
    QCOMPARE(json.value(QLatin1String("channel")).toString(), QStringLiteral("whatsapp"));
    QCOMPARE(json.value(QLatin1String("to")).toString(), customer);
    QCOMPARE(json.value(QLatin1String("from")).toString(), QStringLiteral("whatsapp:+14155238886"));
    QCOMPARE(
        json.value(QLatin1String("window")).toObject().value(QLatin1String("state")).toString(),
        QStringLiteral("open"));

    QCOMPARE(waitForStatus(sid, QStringLiteral("read")), QStringLiteral("read"));
    QStringList statuses;
    for (const QJsonValue v : status(sid).json().value(QLatin1String("history")).toArray())
        statuses.append(v.toObject().value(QLatin1String("status")).toString());
    QCOMPARE(statuses, (QStringList{QStringLiteral("sent"), QStringLiteral("delivered"),
                                    QStringLiteral("read")}));

    // `from` is optional: in sandbox mode the sandbox's WhatsApp sender.
    const sbtest::Reply defaulted = send(
        {{QStringLiteral("to"), customer}, {QStringLiteral("body"), QStringLiteral("And again")}});
    QCOMPARE(defaulted.status, 201);
    QCOMPARE(defaulted.json().value(QLatin1String("from")).toString(),
             QStringLiteral("whatsapp:+14155238886"));
}

void TestWhatsAppEndToEnd::statusLookupsSayWhatsApp() {
    const QString customer = uniqueCustomer();
    customerWrites(customer, QStringLiteral("hello"));
    const QString sid = send({{QStringLiteral("to"), customer},
                              {QStringLiteral("body"), QStringLiteral("Hello back")}})
                            .json()
                            .value(QLatin1String("messageSid"))
                            .toString();
    QVERIFY(!sid.isEmpty());
    // A message SID is a message SID: both lookups answer for WhatsApp, with its channel.
    for (const QString &endpoint :
         {QStringLiteral("sms-status"), QStringLiteral("message-status")}) {
        const sbtest::Reply r = status(sid, endpoint);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QLatin1String("channel")).toString(), QStringLiteral("whatsapp"));
        QCOMPARE(r.json().value(QLatin1String("sid")).toString(), sid);
    }
}

void TestWhatsAppEndToEnd::inboundKeepsProfileNameAndWaId() {
    QSignalSpy arrived(m_service->store(), &Store::messagesArrived);
    const QString customer = uniqueCustomer();
    const QDateTime before = now();
    customerWrites(customer, QStringLiteral("Is the blue one in stock?"),
                   QStringLiteral("Ana Lima"));
    const std::optional<WhatsAppContact> c = contact(customer);
    QVERIFY(c);
    QCOMPARE(c->profileName, QStringLiteral("Ana Lima"));
    QCOMPARE(c->waId, customer.mid(10)); // the digits, without whatsapp:+
    QVERIFY(c->lastInbound >= before.addMSecs(-1) && c->lastInbound <= now());

    QTRY_VERIFY(!arrived.isEmpty());
    const auto records = arrived.last()[0].value<QList<MessageRecord>>();
    QCOMPARE(records.size(), 1);
    QCOMPARE(records[0].channel, QStringLiteral("whatsapp"));
    QCOMPARE(records[0].from, customer);
    QCOMPARE(records[0].to, QStringLiteral("whatsapp:+14155238886"));
    QCOMPARE(records[0].body, QStringLiteral("Is the blue one in stock?"));

    // A later message without a profile name keeps the name; a new name replaces it.
    customerWrites(customer, QStringLiteral("hello?"));
    QCOMPARE(contact(customer)->profileName, QStringLiteral("Ana Lima"));
    customerWrites(customer, QStringLiteral("it's me"), QStringLiteral("Ana L."));
    QCOMPARE(contact(customer)->profileName, QStringLiteral("Ana L."));
}

void TestWhatsAppEndToEnd::replayedInboundDoesNotMoveTheWindow() {
    const QString customer = uniqueCustomer();
    const FormFields webhook{
        {QStringLiteral("MessageSid"), QStringLiteral("SMreplay%1").arg(customer.right(4))},
        {QStringLiteral("From"), customer},
        {QStringLiteral("To"), QStringLiteral("whatsapp:+14155238886")},
        {QStringLiteral("Body"), QStringLiteral("first")},
        {QStringLiteral("ProfileName"), QStringLiteral("Rui")},
        {QStringLiteral("WaId"), customer.mid(10)}};
    QCOMPARE(postSigned(WhatsAppRoutes::incoming(), webhook).status, 200);
    const QDateTime opened = lastInbound(customer);
    QVERIFY(opened.isValid());
    travel(2h);
    // Twilio retries the same webhook two hours later: stored once, the window unmoved.
    QCOMPARE(postSigned(WhatsAppRoutes::incoming(), webhook).status, 200);
    QCOMPARE(lastInbound(customer), opened);
}

void TestWhatsAppEndToEnd::windowBoundary_data() {
    QTest::addColumn<int>("minutesAfter");
    QTest::addColumn<bool>("goes");
    QTest::newRow("23:59 after the last message: open") << (23 * 60 + 59) << true;
    QTest::newRow("24:01 after the last message: closed") << (24 * 60 + 1) << false;
}

void TestWhatsAppEndToEnd::windowBoundary() {
    QFETCH(int, minutesAfter);
    QFETCH(bool, goes);
    const QString customer = uniqueCustomer();
    customerWrites(customer, QStringLiteral("Can you call me back?"));
    travel(std::chrono::minutes(minutesAfter));
    const sbtest::Reply r = send(
        {{QStringLiteral("to"), customer}, {QStringLiteral("body"), QStringLiteral("Of course")}});
    const QJsonArray atSandbox = sandboxMessages(customer);
    if (goes) {
        QCOMPARE(r.status, 201);
        QCOMPARE(waitForStatus(r.json().value(QLatin1String("messageSid")).toString(),
                               QStringLiteral("read")),
                 QStringLiteral("read"));
        QCOMPARE(atSandbox.size(), 2); // the customer's message and ours
        return;
    }
    QCOMPARE(r.status, 400);
    const QJsonObject error = r.json().value(QLatin1String("error")).toObject();
    QCOMPARE(error.value(QLatin1String("code")).toInt(), 63016);
    QCOMPARE(error.value(QLatin1String("field")).toString(), QStringLiteral("body"));
    QVERIFY2(error.value(QLatin1String("message")).toString().contains(QLatin1String("24 hours")),
             r.body.constData());
    QCOMPARE(
        error.value(QLatin1String("window")).toObject().value(QLatin1String("state")).toString(),
        QStringLiteral("closed"));
    // Refused before any request: the sandbox has only the customer's message, and nothing
    // was stored to send later.
    QCOMPARE(atSandbox.size(), 1);
    QCOMPARE(atSandbox.at(0).toObject().value(QLatin1String("direction")).toString(),
             QStringLiteral("inbound"));
    MessageQuery query;
    query.contact = customer;
    const auto stored = await<StoreResult<QList<MessageRecord>>>(
        [&](auto done) { m_service->store()->findMessages(query, &m_ctx, done); });
    QCOMPARE(stored->value.size(), 1);
    QCOMPARE(stored->value.at(0).direction, QStringLiteral("inbound"));
}

void TestWhatsAppEndToEnd::neverWrittenIsRefusedWithItsOwnReason() {
    const QString customer = uniqueCustomer();
    const sbtest::Reply r = send(
        {{QStringLiteral("to"), customer}, {QStringLiteral("body"), QStringLiteral("Hi there")}});
    QCOMPARE(r.status, 400);
    const QJsonObject error = r.json().value(QLatin1String("error")).toObject();
    QCOMPARE(error.value(QLatin1String("code")).toInt(), 63016);
    QVERIFY2(
        error.value(QLatin1String("message")).toString().contains(QLatin1String("has not written")),
        r.body.constData());
    QCOMPARE(sandboxMessages(customer).size(), 0);
}

void TestWhatsAppEndToEnd::templateOutsideTheWindowReachesRead() {
    const QString customer = uniqueCustomer();
    customerWrites(customer, QStringLiteral("thanks"));
    travel(25h);
    const sbtest::Reply r = send({{QStringLiteral("to"), customer},
                                  {QStringLiteral("contentSid"), SandboxTemplates::orderUpdate()},
                                  {QStringLiteral("contentVariables"),
                                   QJsonObject{{QStringLiteral("1"), QStringLiteral("Ana")},
                                               {QStringLiteral("2"), QStringLiteral("#4242")},
                                               {QStringLiteral("3"), QStringLiteral("Monday")}}}});
    QCOMPARE(r.status, 201);
    const QJsonObject json = r.json();
    const QString expected = QStringLiteral("Hi Ana, your order #4242 has shipped and should "
                                            "arrive by Monday. Reply to this message if you have "
                                            "any questions.");
    QCOMPARE(json.value(QLatin1String("body")).toString(), expected);
    QCOMPARE(json.value(QLatin1String("contentSid")).toString(), SandboxTemplates::orderUpdate());
    QCOMPARE(json.value(QLatin1String("contentVariables")).toObject().value(QLatin1String("2")),
             QJsonValue(QStringLiteral("#4242")));
    QCOMPARE(
        json.value(QLatin1String("window")).toObject().value(QLatin1String("state")).toString(),
        QStringLiteral("closed"));
    const QString sid = json.value(QLatin1String("messageSid")).toString();
    QCOMPARE(waitForStatus(sid, QStringLiteral("read")), QStringLiteral("read"));
    // Only the sandbox fills templates in: its copy reads the template with our variables, so
    // ContentSid and ContentVariables reached it (and no Body stood in for them).
    bool found = false;
    for (const QJsonValue v : sandboxMessages(customer)) {
        const QJsonObject m = v.toObject();
        if (m.value(QLatin1String("sid")).toString() == sid) {
            found = true;
            QCOMPARE(m.value(QLatin1String("body")).toString(), expected);
        }
    }
    QVERIFY(found);
}

void TestWhatsAppEndToEnd::unapprovedTemplatesAreRefusedOutsideTheWindow_data() {
    QTest::addColumn<QString>("contentSid");
    QTest::addColumn<QString>("because");
    QTest::newRow("pending") << SandboxTemplates::springSale() << "still reviewing";
    QTest::newRow("rejected") << SandboxTemplates::paymentOverdue() << "at the start or end";
}

void TestWhatsAppEndToEnd::unapprovedTemplatesAreRefusedOutsideTheWindow() {
    QFETCH(QString, contentSid);
    QFETCH(QString, because);
    const QString customer = uniqueCustomer();
    const sbtest::Reply r =
        send({{QStringLiteral("to"), customer}, {QStringLiteral("contentSid"), contentSid}});
    QCOMPARE(r.status, 400);
    const QJsonObject error = r.json().value(QLatin1String("error")).toObject();
    QCOMPARE(error.value(QLatin1String("code")).toInt(), 63016);
    QCOMPARE(error.value(QLatin1String("field")).toString(), QStringLiteral("contentSid"));
    QVERIFY2(error.value(QLatin1String("message")).toString().contains(because),
             r.body.constData());
    QCOMPARE(sandboxMessages(customer).size(), 0);
}

void TestWhatsAppEndToEnd::unapprovedTemplateGoesInsideTheWindow() {
    // In a conversation WhatsApp takes any template, approved or not, as it takes free text.
    const QString customer = uniqueCustomer();
    customerWrites(customer, QStringLiteral("any deals?"));
    const sbtest::Reply r = send({{QStringLiteral("to"), customer},
                                  {QStringLiteral("contentSid"), SandboxTemplates::springSale()}});
    QCOMPARE(r.status, 201);
    QCOMPARE(waitForStatus(r.json().value(QLatin1String("messageSid")).toString(),
                           QStringLiteral("read")),
             QStringLiteral("read"));
}

void TestWhatsAppEndToEnd::templateMistakesAreRefusedBeforeSending_data() {
    QTest::addColumn<QString>("contentSid");
    QTest::addColumn<QJsonObject>("variables");
    QTest::addColumn<int>("code");
    QTest::newRow("no such template")
        << QStringLiteral("HX0123456789abcdef0123456789abcdef") << QJsonObject() << 21655;
    QTest::newRow("a variable the template does not have")
        << SandboxTemplates::orderUpdate()
        << QJsonObject{{QStringLiteral("9"), QStringLiteral("x")}} << 21656;
}

void TestWhatsAppEndToEnd::templateMistakesAreRefusedBeforeSending() {
    QFETCH(QString, contentSid);
    QFETCH(QJsonObject, variables);
    QFETCH(int, code);
    const QString customer = uniqueCustomer();
    QJsonObject json{{QStringLiteral("to"), customer}, {QStringLiteral("contentSid"), contentSid}};
    if (!variables.isEmpty())
        json.insert(QStringLiteral("contentVariables"), variables);
    const sbtest::Reply r = send(json);
    QCOMPARE(r.status, 400);
    const QJsonObject error = r.json().value(QLatin1String("error")).toObject();
    QCOMPARE(error.value(QLatin1String("code")).toInt(), code);
    QVERIFY(!error.value(QLatin1String("message")).toString().isEmpty());
    QCOMPARE(sandboxMessages(customer).size(), 0);
}

void TestWhatsAppEndToEnd::everyInvalidFieldIsReportedAtOnce() {
    const sbtest::Reply r = send({{QStringLiteral("to"), QStringLiteral("messenger:+14155550100")},
                                  {QStringLiteral("from"), QStringLiteral("whatsapp:+1")},
                                  {QStringLiteral("body"), QStringLiteral("hello")},
                                  {QStringLiteral("contentSid"), QStringLiteral("HX12")},
                                  {QStringLiteral("contentVariables"), QStringLiteral("Ana")}});
    QCOMPARE(r.status, 400);
    const QJsonObject error = r.json().value(QLatin1String("error")).toObject();
    QStringList fields;
    for (const QJsonValue e : error.value(QLatin1String("errors")).toArray())
        fields.append(e.toObject().value(QLatin1String("field")).toString());
    fields.sort();
    QCOMPARE(fields, (QStringList{QStringLiteral("body"), QStringLiteral("contentSid"),
                                  QStringLiteral("contentVariables"), QStringLiteral("from"),
                                  QStringLiteral("to")}));
    QVERIFY(error.value(QLatin1String("message")).toString().contains(QLatin1String("messenger")));
}

void TestWhatsAppEndToEnd::invalidFields_data() {
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("field");
    QTest::newRow("not JSON") << QByteArray("to=whatsapp:+1415") << "body";
    QTest::newRow("missing to") << QByteArray(R"({"body":"hi"})") << "to";
    QTest::newRow("to is a number") << QByteArray(R"({"to":14155550100,"body":"hi"})") << "to";
    QTest::newRow("to too short") << QByteArray(R"({"to":"whatsapp:+1415","body":"hi"})") << "to";
    QTest::newRow("to on another channel")
        << QByteArray(R"({"to":"sms:+14155550100","body":"hi"})") << "to";
    QTest::newRow("empty body") << QByteArray(R"({"to":"whatsapp:+14155550100","body":" "})")
                                << "body";
    QTest::newRow("body over 1600")
        << QByteArray(R"({"to":"whatsapp:+14155550100","body":")") + QByteArray(1601, 'a') + "\"}"
        << "body";
    QTest::newRow("body beside a template")
        << QByteArray(R"({"to":"whatsapp:+14155550100","body":"hi","contentSid":")") +
               SandboxTemplates::orderUpdate().toLatin1() + "\"}"
        << "body";
    QTest::newRow("variables without a template")
        << QByteArray(R"({"to":"whatsapp:+14155550100","body":"hi","contentVariables":{"1":"A"}})")
        << "contentVariables";
    QTest::newRow("an empty variable")
        << QByteArray(R"({"to":"whatsapp:+14155550100","contentSid":")") +
               SandboxTemplates::orderUpdate().toLatin1() + R"(","contentVariables":{"1":" "}})"
        << "contentVariables";
    QTest::newRow("a variable that is no text")
        << QByteArray(R"({"to":"whatsapp:+14155550100","contentSid":")") +
               SandboxTemplates::orderUpdate().toLatin1() + R"(","contentVariables":{"1":["A"]}})"
        << "contentVariables";
    // Twilio would pick the sender from the service, and the window belongs to each sender:
    // refused with the reason rather than silently sent from the default sender.
    QTest::newRow("a Messaging Service")
        << QByteArray(R"({"to":"whatsapp:+14155550100","body":"hi",)"
                      R"("messagingServiceSid":"MG0123456789abcdef0123456789abcdef"})")
        << "messagingServiceSid";
}

void TestWhatsAppEndToEnd::invalidFields() {
    QFETCH(QByteArray, body);
    QFETCH(QString, field);
    const sbtest::Reply r =
        m_http.request("POST", api(WhatsAppRoutes::send()), body,
                       {{"Authorization", m_auth}, {"Content-Type", "application/json"}});
    QCOMPARE(r.status, 400);
    const QJsonObject error = r.json().value(QLatin1String("error")).toObject();
    QCOMPARE(error.value(QLatin1String("field")).toString(), field);
    QVERIFY(!error.value(QLatin1String("message")).toString().isEmpty());
}

void TestWhatsAppEndToEnd::plainNumberIsTakenAsWhatsApp() {
    const QString customer = uniqueCustomer();
    customerWrites(customer, QStringLiteral("hi"));
    const sbtest::Reply r = send({{QStringLiteral("to"), customer.mid(9)}, // +1415...
                                  {QStringLiteral("body"), QStringLiteral("Hello")}});
    QCOMPARE(r.status, 201);
    QCOMPARE(r.json().value(QLatin1String("to")).toString(), customer);
}

void TestWhatsAppEndToEnd::idempotencyKeySendsOnce() {
    const QString customer = uniqueCustomer();
    const QJsonObject message{{QStringLiteral("to"), customer},
                              {QStringLiteral("contentSid"), SandboxTemplates::supportFollowUp()}};
    const sbtest::Reply first = send(message, {{"Idempotency-Key", "wa-ticket-4711"}});
    const sbtest::Reply again = send(message, {{"Idempotency-Key", "wa-ticket-4711"}});
    QCOMPARE(first.status, 201);
    QCOMPARE(again.status, 200);
    QCOMPARE(again.json().value(QLatin1String("replayed")).toBool(), true);
    QCOMPARE(again.json().value(QLatin1String("messageSid")),
             first.json().value(QLatin1String("messageSid")));
    QCOMPARE(sandboxMessages(customer).size(), 1);
}

void TestWhatsAppEndToEnd::statusCallbacksAreDeduplicatedAndNeverGoBack() {
    const QString sid = QStringLiteral("SMwa0123456789abcdef0123456789ab");
    auto callback = [&](const QString &status) {
        return FormFields{{QStringLiteral("MessageSid"), sid},
                          {QStringLiteral("MessageStatus"), status},
                          {QStringLiteral("From"), QStringLiteral("whatsapp:+14155238886")},
                          {QStringLiteral("To"), QStringLiteral("whatsapp:+14155550199")},
                          {QStringLiteral("ChannelPrefix"), QStringLiteral("whatsapp")}};
    };
    // Out of order, and the `read` one twice (the same idempotency token).
    QCOMPARE(
        postSigned(WhatsAppRoutes::status(), callback(QStringLiteral("read")), "tok-read").status,
        200);
    QCOMPARE(
        postSigned(WhatsAppRoutes::status(), callback(QStringLiteral("read")), "tok-read").status,
        200);
    QCOMPARE(postSigned(WhatsAppRoutes::status(), callback(QStringLiteral("delivered")), "tok-del")
                 .status,
             200);
    const QJsonObject json = status(sid).json();
    QCOMPARE(json.value(QLatin1String("status")).toString(), QStringLiteral("read"));
    QCOMPARE(json.value(QLatin1String("channel")).toString(), QStringLiteral("whatsapp"));
    QCOMPARE(json.value(QLatin1String("history")).toArray().size(), 2);
}

void TestWhatsAppEndToEnd::unsignedWebhooksAreRefused() {
    for (const QString &path : {WhatsAppRoutes::incoming(), WhatsAppRoutes::status()}) {
        const sbtest::Reply r = m_http.postForm(
            QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_service->port()).arg(path)),
            {{QStringLiteral("MessageSid"), QStringLiteral("SMforged")},
             {QStringLiteral("From"), QStringLiteral("whatsapp:+14155550100")},
             {QStringLiteral("MessageStatus"), QStringLiteral("read")}},
            {{"X-Twilio-Signature", "bm90IGEgc2lnbmF0dXJl"}});
        QCOMPARE(r.status, 403);
    }
    QCOMPARE(status(QStringLiteral("SMforged")).status, 404);
}

void TestWhatsAppEndToEnd::smsPostedToTheWhatsAppWebhookIsRefused() {
    // A number whose SMS webhook points here by mistake: said plainly, not filed as WhatsApp.
    const sbtest::Reply r = postSigned(WhatsAppRoutes::incoming(),
                                       {{QStringLiteral("MessageSid"), QStringLiteral("SMsms1")},
                                        {QStringLiteral("From"), QStringLiteral("+14155550100")},
                                        {QStringLiteral("To"), QStringLiteral("+15005550006")},
                                        {QStringLiteral("Body"), QStringLiteral("hi")}});
    QCOMPARE(r.status, 400);
    QVERIFY(r.body.contains("whatsapp:"));
    QCOMPARE(status(QStringLiteral("SMsms1")).status, 404);
}

void TestWhatsAppEndToEnd::refusalTwilioStillSendsIsExplainedOnTheMessage() {
    // The customer's message reached us but not the sandbox (it has no record of it): we think
    // the window is open, Twilio knows better and fails the message with 63016 afterwards.
    const QString customer = uniqueCustomer();
    QCOMPARE(postSigned(WhatsAppRoutes::incoming(),
                        {{QStringLiteral("MessageSid"),
                          QStringLiteral("SMonlyours%1").arg(customer.right(3))},
                         {QStringLiteral("From"), customer},
                         {QStringLiteral("To"), QStringLiteral("whatsapp:+14155238886")},
                         {QStringLiteral("Body"), QStringLiteral("hello")}})
                 .status,
             200);
    const sbtest::Reply r =
        send({{QStringLiteral("to"), customer}, {QStringLiteral("body"), QStringLiteral("Hi!")}});
    QCOMPARE(r.status, 201);
    const QString sid = r.json().value(QLatin1String("messageSid")).toString();
    QCOMPARE(waitForStatus(sid, QStringLiteral("failed")), QStringLiteral("failed"));
    const QJsonObject json = status(sid).json();
    QCOMPARE(json.value(QLatin1String("errorCode")).toInt(), 63016);
    QVERIFY2(
        json.value(QLatin1String("errorMessage")).toString().contains(QLatin1String("24-hour")),
        qPrintable(json.value(QLatin1String("errorMessage")).toString()));
    QCOMPARE(json.value(QLatin1String("moreInfo")).toString(),
             QStringLiteral("https://www.twilio.com/docs/errors/63016"));
}

QTEST_GUILESS_MAIN(TestWhatsAppEndToEnd)
#include "tst_whatsapp_endtoend.moc"
