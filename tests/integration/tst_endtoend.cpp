#include "Await.h"
#include "ServiceFixture.h"
#include "TestSupport.h"
#include "db/Store.h"
#include "providers/twilio/SignatureValidator.h"
#include "runtime/BuiltInChannels.h"
#include "runtime/SwitchboardService.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace sb;
using sbtest::await;

// The whole headless product in sandbox mode, driven only over HTTP on loopback: the local
// API, the sandbox's signed callbacks to the embedded server, and the SQLite store.
class TestEndToEnd : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void healthNeedsNoTokenButEverythingElseDoes();
    void sendSmsIsDeliveredThroughSignedCallbacks();
    void idempotencyKeySendsOnce();
    void invalidInputIs400WithTheField_data();
    void invalidInputIs400WithTheField();
    void everyInvalidFieldIsReportedAtOnce();
    void testNumberErrorsSurfaceWithTheirCode_data();
    void testNumberErrorsSurfaceWithTheirCode();
    void deliveryFailureIsVisibleInStatus();
    void inboundSmsIsStored();
    void badSignatureIs403AndNothingStored_data();
    void badSignatureIs403AndNothingStored();
    void signedButUnknownPathIs404();
    void replayedAndOutOfOrderCallbacks();
    void malformedWebhookBodyIs400();
    void oversizedWebhookIs413();
    void storeFailureAnswers500AndTwilioRetryIsStored();

private:
    QUrl api(const QString &path) const;
    QUrl hook(const QString &path) const;
    sbtest::Reply sendSms(const QJsonObject &json,
                          QList<QPair<QByteArray, QByteArray>> headers = {});
    sbtest::Reply status(const QString &sid);
    sbtest::Reply postSigned(const QString &path, const FormFields &fields,
                             const QByteArray &token = {}, const QByteArray &idempotency = {});
    std::optional<MessageRecord> stored(const QString &sid);

    QTemporaryDir m_dir;
    std::unique_ptr<SwitchboardService> m_service;
    sbtest::Http m_http;
    QObject m_ctx;
    const QByteArray m_auth = "Bearer e2e-token";
};

void TestEndToEnd::initTestCase() {
    qputenv("SWITCHBOARD_SANDBOX_DELAY_MS", "20");
    QString error;
    m_service = sbtest::startService(m_dir.path(), QStringLiteral("e2e-token"), {}, {}, &error);
    QVERIFY2(m_service, qPrintable(error));
    QVERIFY(m_service->isSandbox());
    QVERIFY(m_service->port() != 0);
}

void TestEndToEnd::cleanupTestCase() {
    m_service.reset();
}

QUrl TestEndToEnd::api(const QString &path) const {
    return QUrl(
        QStringLiteral("http://127.0.0.1:%1/api/v1/twilio/%2").arg(m_service->port()).arg(path));
}

QUrl TestEndToEnd::hook(const QString &path) const {
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_service->port()).arg(path));
}

sbtest::Reply TestEndToEnd::sendSms(const QJsonObject &json,
                                    QList<QPair<QByteArray, QByteArray>> headers) {
    headers.append({"Authorization", m_auth});
    return m_http.postJson(api(QStringLiteral("send-sms")), json, headers);
}

sbtest::Reply TestEndToEnd::status(const QString &sid) {
    return m_http.get(api(QStringLiteral("sms-status/") + sid), {{"Authorization", m_auth}});
}

sbtest::Reply TestEndToEnd::postSigned(const QString &path, const FormFields &fields,
                                       const QByteArray &token, const QByteArray &idempotency) {
    // Signed for the public URL Twilio was given, exactly as Twilio does.
    const QString url = m_service->publicUrl().toString() + path;
    const QByteArray key = token.isEmpty() ? m_service->config().authToken.toUtf8() : token;
    QList<QPair<QByteArray, QByteArray>> headers{
        {"X-Twilio-Signature", SignatureValidator::sign(key, url, fields)}};
    if (!idempotency.isEmpty())
        headers.append({"I-Twilio-Idempotency-Token", idempotency});
    return m_http.postForm(hook(path), fields, headers);
}

std::optional<MessageRecord> TestEndToEnd::stored(const QString &sid) {
    const auto r = await<StoreResult<std::optional<MessageRecord>>>(
        [&](auto done) { m_service->store()->messageBySid(sid, &m_ctx, done); });
    return r ? r->value : std::nullopt;
}

void TestEndToEnd::healthNeedsNoTokenButEverythingElseDoes() {
    const sbtest::Reply health = m_http.get(api(QStringLiteral("health")));
    QCOMPARE(health.status, 200);
    QCOMPARE(health.json().value(QLatin1String("mode")).toString(), QStringLiteral("sandbox"));
    QCOMPARE(m_http.postJson(api(QStringLiteral("send-sms")), {}).status, 401);
    QCOMPARE(m_http.get(api(QStringLiteral("sms-status/SM1")), {{"Authorization", "Bearer wrong"}})
                 .status,
             401);
    QCOMPARE(m_http.get(api(QStringLiteral("nothing-here")), {{"Authorization", m_auth}}).status,
             404);
}

void TestEndToEnd::sendSmsIsDeliveredThroughSignedCallbacks() {
    const sbtest::Reply sent =
        sendSms({{QStringLiteral("to"), QStringLiteral("+14155550100")},
                 {QStringLiteral("body"), QStringLiteral("Your order has shipped")}});
    QCOMPARE(sent.status, 201);
    const QJsonObject json = sent.json();
    const QString sid = json.value(QLatin1String("messageSid")).toString();
    QVERIFY(sid.startsWith(QLatin1String("SM")));
    QCOMPARE(json.value(QLatin1String("from")).toString(), QStringLiteral("+15005550006"));
    QCOMPARE(json.value(QLatin1String("segments")).toInt(), 1);
    QCOMPARE(json.value(QLatin1String("encoding")).toString(), QStringLiteral("GSM-7"));

    QTRY_COMPARE_WITH_TIMEOUT(status(sid).json().value(QLatin1String("status")).toString(),
                              QStringLiteral("delivered"), 10000);
    const QJsonArray history = status(sid).json().value(QLatin1String("history")).toArray();
    QStringList statuses;
    for (const QJsonValue v : history)
        statuses.append(v.toObject().value(QLatin1String("status")).toString());
    QCOMPARE(statuses, (QStringList{QStringLiteral("sending"), QStringLiteral("sent"),
                                    QStringLiteral("delivered")}));
}

void TestEndToEnd::idempotencyKeySendsOnce() {
    const QJsonObject message{{QStringLiteral("to"), QStringLiteral("+14155550111")},
                              {QStringLiteral("body"), QStringLiteral("exactly once")}};
    const sbtest::Reply first = sendSms(message, {{"Idempotency-Key", "order-42"}});
    const sbtest::Reply again = sendSms(message, {{"Idempotency-Key", "order-42"}});
    QCOMPARE(first.status, 201);
    QCOMPARE(again.status, 200);
    QCOMPARE(again.json().value(QLatin1String("replayed")).toBool(), true);
    QCOMPARE(again.json().value(QLatin1String("messageSid")),
             first.json().value(QLatin1String("messageSid")));
}

void TestEndToEnd::invalidInputIs400WithTheField_data() {
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("field");
    QTest::newRow("not JSON") << QByteArray("to=+1415") << "body";
    QTest::newRow("JSON array") << QByteArray("[]") << "body";
    QTest::newRow("missing to") << QByteArray(R"({"body":"hi"})") << "to";
    QTest::newRow("to not E.164") << QByteArray(R"({"to":"4155550100","body":"hi"})") << "to";
    QTest::newRow("to too short") << QByteArray(R"({"to":"+1415","body":"hi"})") << "to";
    QTest::newRow("to is a number") << QByteArray(R"({"to":14155550100,"body":"hi"})") << "to";
    QTest::newRow("bad from") << QByteArray(R"({"to":"+14155550100","from":"+1","body":"hi"})")
                              << "from";
    QTest::newRow("empty body") << QByteArray(R"({"to":"+14155550100","body":"  "})") << "body";
    QTest::newRow("to is a WhatsApp address")
        << QByteArray(R"({"to":"whatsapp:+14155550100","body":"hi"})") << "to";
    QTest::newRow("from starts with +0")
        << QByteArray(R"({"to":"+14155550100","from":"+0987654321","body":"hi"})") << "from";
    QTest::newRow("body over 1600")
        << QByteArray(R"({"to":"+14155550100","body":")") + QByteArray(1601, 'a') + "\"}"
        << "body";
}

void TestEndToEnd::invalidInputIs400WithTheField() {
    QFETCH(QByteArray, body);
    QFETCH(QString, field);
    const sbtest::Reply r =
        m_http.request("POST", api(QStringLiteral("send-sms")), body,
                       {{"Authorization", m_auth}, {"Content-Type", "application/json"}});
    QCOMPARE(r.status, 400);
    const QJsonObject error = r.json().value(QLatin1String("error")).toObject();
    QCOMPARE(error.value(QLatin1String("field")).toString(), field);
    QVERIFY(!error.value(QLatin1String("message")).toString().isEmpty());
}

void TestEndToEnd::everyInvalidFieldIsReportedAtOnce() {
    const sbtest::Reply r =
        sendSms({{QStringLiteral("to"), QStringLiteral("whatsapp:+14155550100")},
                 {QStringLiteral("from"), QStringLiteral("+0987654321")},
                 {QStringLiteral("body"), QStringLiteral(" ")}});
    QCOMPARE(r.status, 400);
    const QJsonObject error = r.json().value(QLatin1String("error")).toObject();
    const QJsonArray errors = error.value(QLatin1String("errors")).toArray();
    QCOMPARE(errors.size(), 3);
    QStringList fields;
    for (const QJsonValue e : errors)
        fields.append(e.toObject().value(QLatin1String("field")).toString());
    QCOMPARE(fields,
             (QStringList{QStringLiteral("to"), QStringLiteral("from"), QStringLiteral("body")}));
    const QString message = error.value(QLatin1String("message")).toString();
    QVERIFY2(message.contains(QLatin1String("send-whatsapp")), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("0 is not a country code")), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("empty")), qPrintable(message));
}

void TestEndToEnd::testNumberErrorsSurfaceWithTheirCode_data() {
    QTest::addColumn<QString>("to");
    QTest::addColumn<QString>("from");
    QTest::addColumn<int>("code");
    QTest::newRow("21211") << "+15005550001"
                           << "" << 21211;
    QTest::newRow("21612") << "+15005550002"
                           << "" << 21612;
    QTest::newRow("21408") << "+15005550003"
                           << "" << 21408;
    QTest::newRow("21610") << "+15005550004"
                           << "" << 21610;
    QTest::newRow("21614") << "+15005550009"
                           << "" << 21614;
    QTest::newRow("21212") << "+14155550100"
                           << "+15005550001" << 21212;
    QTest::newRow("21606") << "+14155550100"
                           << "+15005550007" << 21606;
}

void TestEndToEnd::testNumberErrorsSurfaceWithTheirCode() {
    QFETCH(QString, to);
    QFETCH(QString, from);
    QFETCH(int, code);
    QJsonObject body{{QStringLiteral("to"), to},
                     {QStringLiteral("body"), QStringLiteral("test %1").arg(code)}};
    if (!from.isEmpty())
        body.insert(QStringLiteral("from"), from);
    const sbtest::Reply r = sendSms(body);
    QCOMPARE(r.status, 400);
    const QJsonObject error = r.json().value(QLatin1String("error")).toObject();
    QCOMPARE(error.value(QLatin1String("code")).toInt(), code);
    QCOMPARE(error.value(QLatin1String("moreInfo")).toString(),
             QStringLiteral("https://www.twilio.com/docs/errors/%1").arg(code));
    QVERIFY(!error.value(QLatin1String("message")).toString().isEmpty());

    // The refused message stays in the store as failed, with the code: nothing vanishes.
    MessageQuery q;
    q.text = QStringLiteral("test %1").arg(code);
    const auto found = await<StoreResult<QList<MessageRecord>>>(
        [&](auto done) { m_service->store()->findMessages(q, &m_ctx, done); });
    QCOMPARE(found->value.size(), 1);
    QCOMPARE(found->value[0].status, QStringLiteral("failed"));
    QCOMPARE(found->value[0].errorCode, code);
}

void TestEndToEnd::deliveryFailureIsVisibleInStatus() {
    const sbtest::Reply sent =
        sendSms({{QStringLiteral("to"), QStringLiteral("+15005553003")},
                 {QStringLiteral("body"), QStringLiteral("to a switched-off phone")}});
    QCOMPARE(sent.status, 201);
    const QString sid = sent.json().value(QLatin1String("messageSid")).toString();
    QTRY_COMPARE_WITH_TIMEOUT(status(sid).json().value(QLatin1String("status")).toString(),
                              QStringLiteral("undelivered"), 10000);
    const QJsonObject json = status(sid).json();
    QCOMPARE(json.value(QLatin1String("errorCode")).toInt(), 30003);
    QVERIFY(json.value(QLatin1String("errorMessage"))
                .toString()
                .contains(QStringLiteral("unreachable")));
}

void TestEndToEnd::inboundSmsIsStored() {
    const QByteArray basic = "Basic " + (m_service->config().accountSid + QLatin1Char(':') +
                                         m_service->config().authToken)
                                            .toUtf8()
                                            .toBase64();
    const sbtest::Reply r = m_http.postForm(
        QUrl(m_service->sandboxUrl().toString() + QStringLiteral("/sandbox/inbound")),
        {{QStringLiteral("From"), QStringLiteral("+14155550199")},
         {QStringLiteral("Body"), QStringLiteral("Where is my order?")}},
        {{"Authorization", basic}});
    QCOMPARE(r.status, 201);
    QCOMPARE(
        r.json().value(QLatin1String("webhook")).toObject().value(QLatin1String("status")).toInt(),
        200);
    const QString sid = r.json().value(QLatin1String("sid")).toString();
    const auto message = stored(sid);
    QVERIFY(message);
    QCOMPARE(message->direction, QStringLiteral("inbound"));
    QCOMPARE(message->from, QStringLiteral("+14155550199"));
    QCOMPARE(message->to, QStringLiteral("+15005550006"));
    QCOMPARE(message->body, QStringLiteral("Where is my order?"));
    QCOMPARE(status(sid).json().value(QLatin1String("status")).toString(),
             QStringLiteral("received"));
}

void TestEndToEnd::badSignatureIs403AndNothingStored_data() {
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("signature");
    QTest::newRow("status, no signature") << "/twilio/sms-status" << QByteArray();
    QTest::newRow("status, wrong signature")
        << "/twilio/sms-status" << QByteArray("AAAAAAAAAAAAAAAAAAAAAAAAAAA=");
    QTest::newRow("inbound, signed with another token")
        << "/twilio/incoming-sms" << QByteArray("other-token");
}

void TestEndToEnd::badSignatureIs403AndNothingStored() {
    QFETCH(QString, path);
    QFETCH(QByteArray, signature);
    const QString sid = QStringLiteral("SMforged%1")
                            .arg(QTest::currentDataTag())
                            .remove(QLatin1Char(' '))
                            .remove(QLatin1Char(','));
    const FormFields fields{{QStringLiteral("MessageSid"), sid},
                            {QStringLiteral("MessageStatus"), QStringLiteral("delivered")},
                            {QStringLiteral("From"), QStringLiteral("+14155550100")}};
    sbtest::Reply r;
    if (signature == "other-token")
        r = postSigned(path, fields, "other-token");
    else
        r = m_http.postForm(hook(path), fields,
                            signature.isEmpty() ? QList<QPair<QByteArray, QByteArray>>{}
                                                : QList<QPair<QByteArray, QByteArray>>{
                                                      {"X-Twilio-Signature", signature}});
    QCOMPARE(r.status, 403);
    QVERIFY(!stored(sid));
}

void TestEndToEnd::signedButUnknownPathIs404() {
    QCOMPARE(
        postSigned(QStringLiteral("/twilio/unknown"), {{QStringLiteral("A"), QStringLiteral("1")}})
            .status,
        404);
    QCOMPARE(m_http
                 .postForm(hook(QStringLiteral("/twilio/unknown")),
                           {{QStringLiteral("A"), QStringLiteral("1")}})
                 .status,
             403);
    // A signed GET of a POST-only webhook: 405.
    const QString url = m_service->publicUrl().toString() + QStringLiteral("/twilio/sms-status");
    const sbtest::Reply get =
        m_http.get(hook(QStringLiteral("/twilio/sms-status")),
                   {{"X-Twilio-Signature",
                     SignatureValidator::sign(m_service->config().authToken.toUtf8(), url, {})}});
    QCOMPARE(get.status, 405);
}

void TestEndToEnd::replayedAndOutOfOrderCallbacks() {
    const QString sid = QStringLiteral("SMreorder00000000000000000000000001");
    auto fields = [&](const char *status) {
        return FormFields{{QStringLiteral("MessageSid"), sid},
                          {QStringLiteral("MessageStatus"), QString::fromLatin1(status)},
                          {QStringLiteral("From"), QStringLiteral("+15005550006")},
                          {QStringLiteral("To"), QStringLiteral("+14155550100")}};
    };
    QCOMPARE(
        postSigned(QStringLiteral("/twilio/sms-status"), fields("delivered"), {}, "tok-a").status,
        200);
    QCOMPARE(postSigned(QStringLiteral("/twilio/sms-status"), fields("sent"), {}, "tok-b").status,
             200);
    QCOMPARE(
        postSigned(QStringLiteral("/twilio/sms-status"), fields("delivered"), {}, "tok-a").status,
        200); // Twilio retry
    QCOMPARE(postSigned(QStringLiteral("/twilio/sms-status"), fields("sent"), {}, "tok-c").status,
             200); // same sid+status
    const sbtest::Reply r = status(sid);
    QCOMPARE(r.json().value(QLatin1String("status")).toString(), QStringLiteral("delivered"));
    const QJsonArray history = r.json().value(QLatin1String("history")).toArray();
    QCOMPARE(history.size(), 2);
    QCOMPARE(history[0].toObject().value(QLatin1String("status")).toString(),
             QStringLiteral("delivered"));
    QCOMPARE(history[1].toObject().value(QLatin1String("status")).toString(),
             QStringLiteral("sent"));
}

void TestEndToEnd::malformedWebhookBodyIs400() {
    const sbtest::Reply missing =
        postSigned(QStringLiteral("/twilio/sms-status"),
                   {{QStringLiteral("MessageStatus"), QStringLiteral("sent")}});
    QCOMPARE(missing.status, 400);
    const sbtest::Reply unknown =
        postSigned(QStringLiteral("/twilio/sms-status"),
                   {{QStringLiteral("MessageSid"), QStringLiteral("SMx")},
                    {QStringLiteral("MessageStatus"), QStringLiteral("exploded")}});
    QCOMPARE(unknown.status, 400);
    QVERIFY(!stored(QStringLiteral("SMx")));
}

void TestEndToEnd::oversizedWebhookIs413() {
    const sbtest::Reply r = m_http.request("POST", hook(QStringLiteral("/twilio/sms-status")),
                                           QByteArray(3 * 1024 * 1024, 'a'),
                                           {{"Content-Type", "application/x-www-form-urlencoded"}});
    QCOMPARE(r.status, 413);
    QCOMPARE(m_http.get(api(QStringLiteral("health"))).status, 200); // and the server is fine
}

void TestEndToEnd::storeFailureAnswers500AndTwilioRetryIsStored() {
    Store *store = m_service->store();
    auto inject = [&](StoreFault fault) {
        await<bool>([&](auto done) { store->injectFault(fault, &m_ctx, [done] { done(true); }); });
    };
    const FormFields status{{QStringLiteral("MessageSid"), QStringLiteral("SMstorefail")},
                            {QStringLiteral("MessageStatus"), QStringLiteral("sent")}};
    const FormFields inbound{{QStringLiteral("MessageSid"), QStringLiteral("SMinstorefail")},
                             {QStringLiteral("From"), QStringLiteral("+14155550199")},
                             {QStringLiteral("To"), QStringLiteral("+15005550006")},
                             {QStringLiteral("Body"), QStringLiteral("are you there?")}};
    const QString basic = QStringLiteral("Basic ") +
                          QString::fromLatin1((m_service->config().accountSid + QLatin1Char(':') +
                                               m_service->config().authToken)
                                                  .toUtf8()
                                                  .toBase64());
    auto sandboxCount = [&] {
        return m_http
            .get(QUrl(m_service->sandboxUrl().toString() +
                      QStringLiteral("/2010-04-01/Accounts/%1/Messages.json?PageSize=1000")
                          .arg(m_service->config().accountSid)),
                 {{"Authorization", basic.toLatin1()}})
            .json()
            .value(QLatin1String("messages"))
            .toArray()
            .size();
    };
    const qsizetype sentBefore = sandboxCount();

    inject(StoreFault::ReadOnly);
    // Twilio must not be told "200" for what was not stored: 500 makes it retry.
    QCOMPARE(postSigned(QStringLiteral("/twilio/sms-status"), status).status, 500);
    QCOMPARE(postSigned(QStringLiteral("/twilio/incoming-sms"), inbound).status, 500);
    const sbtest::Reply send = sendSms({{QStringLiteral("to"), QStringLiteral("+14155550100")},
                                        {QStringLiteral("body"), QStringLiteral("not stored")}});
    QCOMPARE(send.status, 500);
    QVERIFY2(send.json()
                 .value(QLatin1String("error"))
                 .toObject()
                 .value(QLatin1String("message"))
                 .toString()
                 .contains(QLatin1String("nothing was sent")),
             send.body.constData());
    QCOMPARE(sandboxCount(), sentBefore);
    QVERIFY(!stored(QStringLiteral("SMstorefail")));
    QVERIFY(!stored(QStringLiteral("SMinstorefail")));

    inject(StoreFault::CommitFails);
    QCOMPARE(postSigned(QStringLiteral("/twilio/sms-status"), status).status, 500);
    QVERIFY(!stored(QStringLiteral("SMstorefail")));

    inject(StoreFault::None);
    QCOMPARE(postSigned(QStringLiteral("/twilio/sms-status"), status).status, 200);
    QCOMPARE(postSigned(QStringLiteral("/twilio/incoming-sms"), inbound).status, 200);
    QCOMPARE(stored(QStringLiteral("SMstorefail"))->status, QStringLiteral("sent"));
    QCOMPARE(stored(QStringLiteral("SMinstorefail"))->body, QStringLiteral("are you there?"));
}

QTEST_GUILESS_MAIN(TestEndToEnd)
#include "tst_endtoend.moc"
