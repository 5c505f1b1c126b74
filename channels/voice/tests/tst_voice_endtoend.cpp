#include "Await.h"
#include "ServiceFixture.h"
#include "TestSupport.h"
#include "db/Store.h"
#include "providers/twilio/SignatureValidator.h"
#include "runtime/BuiltInChannels.h"
#include "runtime/SwitchboardService.h"
#include "voice/VoiceRoutes.h"
#include "voice/VoiceSandbox.h"

#include <QJsonArray>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

using namespace sb;
using sbtest::await;

// Voice through the whole headless product in sandbox mode, over loopback only: the seed's
// initiate-call request, the sandbox's signed callbacks to completed (and its test numbers'
// endings), the TwiML fetch passing the console's signature check, callbacks repeated and out
// of order, unsigned requests refused, invalid input refused field by field, an
// Idempotency-Key that dials once, and a store that cannot commit answered with 500.
class TestVoiceEndToEnd : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void seedRequestReachesCompletedWithItsTimeline();
    void testNumbersEndAsDocumented_data();
    void testNumbersEndAsDocumented();
    void callbacksOutOfOrderAndRepeatedNeverMoveBack();
    void callbackBeforeTheCreateAnswerIsKept();
    void signedVoiceResponseAnswersTwiml();
    void unsignedWebhooksAreRefused_data();
    void unsignedWebhooksAreRefused();
    void invalidFieldsAreAllReported_data();
    void invalidFieldsAreAllReported();
    void idempotencyKeyDialsOnce();
    void twilioRefusalIsPassedOnAndNotRetried();
    void unknownCallIs404();
    void storeFailureAnswers500AndTheRetryIsStored();

private:
    QUrl api(const QString &path) const;
    sbtest::Reply initiate(const QJsonObject &json,
                           QList<QPair<QByteArray, QByteArray>> headers = {});
    sbtest::Reply status(const QString &sid);
    sbtest::Reply postSigned(const QString &path, const FormFields &fields);
    sbtest::Reply sandboxGet(const QString &pathUnderAccount);
    // Polls call-status until the call has a final status; returns the last answer.
    QJsonObject waitUntilFinal(const QString &sid);
    static QStringList historyOf(const QJsonObject &call);
    static QString newCallSid();

    QTemporaryDir m_dir;
    std::unique_ptr<SwitchboardService> m_service;
    sbtest::Http m_http;
    QObject m_ctx;
    const QByteArray m_auth = "Bearer voice-token";
};

void TestVoiceEndToEnd::initTestCase() {
    qputenv("SWITCHBOARD_SANDBOX_DELAY_MS", "20");
    QString error;
    m_service = sbtest::startService(m_dir.path(), QStringLiteral("voice-token"), {}, {}, &error);
    QVERIFY2(m_service, qPrintable(error));
    QVERIFY(m_service->isSandbox());
}

void TestVoiceEndToEnd::cleanupTestCase() {
    m_service.reset();
}

QUrl TestVoiceEndToEnd::api(const QString &path) const {
    return QUrl(
        QStringLiteral("http://127.0.0.1:%1/api/v1/twilio/%2").arg(m_service->port()).arg(path));
}

sbtest::Reply TestVoiceEndToEnd::initiate(const QJsonObject &json,
                                          QList<QPair<QByteArray, QByteArray>> headers) {
    headers.append({"Authorization", m_auth});
    return m_http.postJson(api(VoiceRoutes::initiateCall()), json, headers);
}

sbtest::Reply TestVoiceEndToEnd::status(const QString &sid) {
    return m_http.get(api(VoiceRoutes::callStatusOf(sid)), {{"Authorization", m_auth}});
}

sbtest::Reply TestVoiceEndToEnd::postSigned(const QString &path, const FormFields &fields) {
    const QString url = m_service->publicUrl().toString() + path;
    return m_http.postForm(
        QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_service->port()).arg(path)), fields,
        {{"X-Twilio-Signature",
          SignatureValidator::sign(m_service->config().authToken.toUtf8(), url, fields)}});
}

sbtest::Reply TestVoiceEndToEnd::sandboxGet(const QString &pathUnderAccount) {
    const QByteArray basic = "Basic " + (m_service->config().accountSid + QLatin1Char(':') +
                                         m_service->config().authToken)
                                            .toUtf8()
                                            .toBase64();
    return m_http.get(
        QUrl(m_service->sandboxUrl().toString() +
             QStringLiteral("/2010-04-01/Accounts/%1/").arg(m_service->config().accountSid) +
             pathUnderAccount),
        {{"Authorization", basic}});
}

QJsonObject TestVoiceEndToEnd::waitUntilFinal(const QString &sid) {
    QJsonObject last;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 10000) {
        last = status(sid).json();
        if (last.value(QLatin1String("final")).toBool())
            break;
        QTest::qWait(20);
    }
    return last;
}

QStringList TestVoiceEndToEnd::historyOf(const QJsonObject &call) {
    QStringList statuses;
    for (const QJsonValue e : call.value(QLatin1String("history")).toArray())
        statuses.append(e.toObject().value(QLatin1String("status")).toString());
    return statuses;
}

QString TestVoiceEndToEnd::newCallSid() {
    QString sid = QStringLiteral("CA");
    for (int i = 0; i < 32; ++i)
        sid += QLatin1Char("0123456789abcdef"[QRandomGenerator::global()->bounded(16)]);
    return sid;
}

void TestVoiceEndToEnd::seedRequestReachesCompletedWithItsTimeline() {
    const sbtest::Reply r = initiate({{"to", "+14155550100"}});
    QVERIFY2(r.status == 201, r.body.constData());
    const QString sid = r.json().value(QLatin1String("callSid")).toString();
    QVERIFY2(sid.startsWith(QLatin1String("CA")) && sid.size() == 34, qPrintable(sid));
    QCOMPARE(r.json().value(QLatin1String("status")).toString(), QStringLiteral("queued"));
    QCOMPARE(r.json().value(QLatin1String("from")).toString(), m_service->config().phoneNumber);
    // Without a url the call runs the console's own TwiML.
    QCOMPARE(r.json().value(QLatin1String("url")).toString(),
             m_service->publicUrl().toString() + VoiceRoutes::voiceResponse());

    const QJsonObject done = waitUntilFinal(sid);
    QCOMPARE(done.value(QLatin1String("status")).toString(), QStringLiteral("completed"));
    QCOMPARE(historyOf(done),
             (QStringList{"queued", "initiated", "ringing", "in-progress", "completed"}));
    QVERIFY(done.value(QLatin1String("duration")).toInt(-1) >= 0);
    for (const QJsonValue e : done.value(QLatin1String("history")).toArray())
        QVERIFY(!e.toObject().value(QLatin1String("at")).toString().isEmpty());

    // The sandbox fetched the call's TwiML from the console with a signed POST, and the
    // console's signature check let it through (403 otherwise).
    QJsonObject atTwilio;
    QTRY_VERIFY_WITH_TIMEOUT(
        (atTwilio = sandboxGet(QStringLiteral("Calls/%1.json").arg(sid)).json())
                .value(QLatin1String("twiml_fetch_status"))
                .toInt() != 0,
        5000);
    QCOMPARE(atTwilio.value(QLatin1String("twiml_fetch_status")).toInt(), 200);
    QCOMPARE(atTwilio.value(QLatin1String("status")).toString(), QStringLiteral("completed"));
}

void TestVoiceEndToEnd::testNumbersEndAsDocumented_data() {
    QTest::addColumn<QString>("to");
    QTest::addColumn<QStringList>("history");
    QTest::newRow("busy") << VoiceSandbox::busyNumber()
                          << QStringList{"queued", "initiated", "ringing", "busy"};
    QTest::newRow("no-answer") << VoiceSandbox::noAnswerNumber()
                               << QStringList{"queued", "initiated", "ringing", "no-answer"};
    QTest::newRow("failed") << VoiceSandbox::failedNumber()
                            << QStringList{"queued", "initiated", "failed"};
    QTest::newRow("canceled") << VoiceSandbox::canceledNumber()
                              << QStringList{"queued", "initiated", "ringing", "canceled"};
}

void TestVoiceEndToEnd::testNumbersEndAsDocumented() {
    QFETCH(QString, to);
    QFETCH(QStringList, history);
    const sbtest::Reply r = initiate({{"to", to}});
    QVERIFY2(r.status == 201, r.body.constData());
    const QJsonObject done = waitUntilFinal(r.json().value(QLatin1String("callSid")).toString());
    QCOMPARE(done.value(QLatin1String("status")).toString(), history.last());
    QCOMPARE(historyOf(done), history);
    QCOMPARE(done.value(QLatin1String("final")).toBool(), true);
    QVERIFY(!done.value(QLatin1String("meaning")).toString().isEmpty());
}

void TestVoiceEndToEnd::callbacksOutOfOrderAndRepeatedNeverMoveBack() {
    const QString sid = newCallSid();
    auto callback = [&](const QString &status, int sequence, const QString &duration = {}) {
        FormFields fields{{QStringLiteral("CallSid"), sid},
                          {QStringLiteral("CallStatus"), status},
                          {QStringLiteral("From"), QStringLiteral("+15005550006")},
                          {QStringLiteral("To"), QStringLiteral("+14155550142")},
                          {QStringLiteral("Direction"), QStringLiteral("outbound-api")},
                          {QStringLiteral("SequenceNumber"), QString::number(sequence)}};
        if (!duration.isEmpty())
            fields.append({QStringLiteral("CallDuration"), duration});
        return postSigned(VoiceRoutes::callStatus(), fields).status;
    };
    QCOMPARE(callback(QStringLiteral("ringing"), 1), 200);
    QCOMPARE(callback(QStringLiteral("completed"), 3, QStringLiteral("42")), 200);
    QCOMPARE(callback(QStringLiteral("initiated"), 0), 200);                       // late
    QCOMPARE(callback(QStringLiteral("ringing"), 1), 200);                         // repeated
    QCOMPARE(callback(QStringLiteral("in-progress"), 2), 200);                     // late
    QCOMPARE(callback(QStringLiteral("completed"), 3, QStringLiteral("42")), 200); // repeated
    QCOMPARE(callback(QStringLiteral("busy"), 4), 200); // another ending: too late to count

    const QJsonObject call = status(sid).json();
    QCOMPARE(call.value(QLatin1String("status")).toString(), QStringLiteral("completed"));
    QCOMPARE(call.value(QLatin1String("duration")).toInt(), 42);
    QCOMPARE(call.value(QLatin1String("to")).toString(), QStringLiteral("+14155550142"));
    // Each status once, in the order a call goes through them, whatever order they came in.
    QCOMPARE(historyOf(call),
             (QStringList{"initiated", "ringing", "in-progress", "completed", "busy"}));
}

void TestVoiceEndToEnd::callbackBeforeTheCreateAnswerIsKept() {
    // A callback for a call the console has no row for (its create answer not committed yet,
    // or placed elsewhere) is stored, not refused, and found by its SID.
    const QString sid = newCallSid();
    QCOMPARE(postSigned(VoiceRoutes::callStatus(),
                        {{QStringLiteral("CallSid"), sid},
                         {QStringLiteral("CallStatus"), QStringLiteral("ringing")}})
                 .status,
             200);
    const sbtest::Reply r = status(sid);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(QLatin1String("status")).toString(), QStringLiteral("ringing"));
}

void TestVoiceEndToEnd::signedVoiceResponseAnswersTwiml() {
    const sbtest::Reply r =
        postSigned(VoiceRoutes::voiceResponse(),
                   {{QStringLiteral("CallSid"), newCallSid()},
                    {QStringLiteral("CallStatus"), QStringLiteral("in-progress")},
                    {QStringLiteral("From"), QStringLiteral("+15005550006")},
                    {QStringLiteral("To"), QStringLiteral("+14155550100")}});
    QCOMPARE(r.status, 200);
    QVERIFY(r.header("Content-Type").startsWith("text/xml"));
    QXmlStreamReader xml(r.body);
    QStringList elements;
    while (!xml.atEnd()) {
        if (xml.readNext() == QXmlStreamReader::StartElement)
            elements.append(xml.name().toString());
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    // The IVR's menu (the built-in one on a fresh install): a greeting inside a Gather.
    QCOMPARE(elements, (QStringList{"Response", "Gather", "Say", "Redirect"}));
}

void TestVoiceEndToEnd::unsignedWebhooksAreRefused_data() {
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("signature");
    QTest::newRow("call-status, no signature") << VoiceRoutes::callStatus() << QByteArray();
    QTest::newRow("call-status, wrong signature")
        << VoiceRoutes::callStatus() << QByteArray("bm90IGEgc2lnbmF0dXJl");
    QTest::newRow("voice-response, no signature") << VoiceRoutes::voiceResponse() << QByteArray();
    QTest::newRow("voice-response, wrong signature")
        << VoiceRoutes::voiceResponse() << QByteArray("bm90IGEgc2lnbmF0dXJl");
}

void TestVoiceEndToEnd::unsignedWebhooksAreRefused() {
    QFETCH(QString, path);
    QFETCH(QByteArray, signature);
    const QString sid = newCallSid();
    QList<QPair<QByteArray, QByteArray>> headers;
    if (!signature.isEmpty())
        headers.append({"X-Twilio-Signature", signature});
    const sbtest::Reply r = m_http.postForm(
        QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_service->port()).arg(path)),
        {{QStringLiteral("CallSid"), sid},
         {QStringLiteral("CallStatus"), QStringLiteral("ringing")}},
        headers);
    QCOMPARE(r.status, 403);
    QVERIFY2(!r.body.contains("<Say"), r.body.constData()); // never the TwiML
    QCOMPARE(status(sid).status, 404);                      // nothing stored
}

void TestVoiceEndToEnd::invalidFieldsAreAllReported_data() {
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QStringList>("fields");
    QTest::newRow("every field wrong")
        << QByteArray(R"({"to": "12", "from": "not a number", "url": "ftp://example.com/x"})")
        << QStringList{"to", "from", "url"};
    QTest::newRow("no to") << QByteArray(R"({"url": "https://example.com/twiml"})")
                           << QStringList{"to"};
    QTest::newRow("wrong types") << QByteArray(R"({"to": 14155550100, "from": true, "url": 3})")
                                 << QStringList{"to", "from", "url"};
    QTest::newRow("relative url") << QByteArray(R"({"to": "+14155550100", "url": "/twiml"})")
                                  << QStringList{"url"};
    QTest::newRow("not JSON") << QByteArray("to=+14155550100") << QStringList{"body"};
}

void TestVoiceEndToEnd::invalidFieldsAreAllReported() {
    QFETCH(QByteArray, body);
    QFETCH(QStringList, fields);
    const sbtest::Reply r =
        m_http.request("POST", api(VoiceRoutes::initiateCall()), body,
                       {{"Authorization", m_auth}, {"Content-Type", "application/json"}});
    QCOMPARE(r.status, 400);
    QStringList got;
    for (const QJsonValue e : r.json()
                                  .value(QLatin1String("error"))
                                  .toObject()
                                  .value(QLatin1String("errors"))
                                  .toArray()) {
        got.append(e.toObject().value(QLatin1String("field")).toString());
        QVERIFY(!e.toObject().value(QLatin1String("message")).toString().isEmpty());
    }
    QCOMPARE(got, fields);
}

void TestVoiceEndToEnd::idempotencyKeyDialsOnce() {
    const QString to = QStringLiteral("+14155550177");
    const sbtest::Reply first = initiate({{"to", to}}, {{"Idempotency-Key", "call-once-1"}});
    QVERIFY2(first.status == 201, first.body.constData());
    const sbtest::Reply again = initiate({{"to", to}}, {{"Idempotency-Key", "call-once-1"}});
    QCOMPARE(again.status, 200);
    QCOMPARE(again.json().value(QLatin1String("callSid")),
             first.json().value(QLatin1String("callSid")));
    QCOMPARE(again.json().value(QLatin1String("replayed")).toBool(), true);
    const QJsonArray atTwilio = sandboxGet(QStringLiteral("Calls.json?To=%2B14155550177"))
                                    .json()
                                    .value(QLatin1String("calls"))
                                    .toArray();
    QCOMPARE(atTwilio.size(), 1); // the customer was rung once
}

void TestVoiceEndToEnd::twilioRefusalIsPassedOnAndNotRetried() {
    // A valid number that is not one of the account's: Twilio refuses it with 21210.
    const QJsonObject json{{"to", "+14155550178"}, {"from", "+14155550199"}};
    const sbtest::Reply r = initiate(json, {{"Idempotency-Key", "refused-once"}});
    QCOMPARE(r.status, 400);
    const QJsonObject error = r.json().value(QLatin1String("error")).toObject();
    QCOMPARE(error.value(QLatin1String("code")).toInt(), 21210);
    QVERIFY(!error.value(QLatin1String("message")).toString().isEmpty());
    // The same key again is told so, and Twilio is not asked twice.
    const sbtest::Reply again = initiate(json, {{"Idempotency-Key", "refused-once"}});
    QCOMPARE(again.status, 409);
    QCOMPARE(again.json().value(QLatin1String("error")).toObject().value(QLatin1String("code")),
             QJsonValue(21210));
    QCOMPARE(sandboxGet(QStringLiteral("Calls.json?To=%2B14155550178"))
                 .json()
                 .value(QLatin1String("calls"))
                 .toArray()
                 .size(),
             0);
}

void TestVoiceEndToEnd::unknownCallIs404() {
    const sbtest::Reply r = status(newCallSid());
    QCOMPARE(r.status, 404);
    QVERIFY(!r.json().value(QLatin1String("error")).toObject().isEmpty());
}

void TestVoiceEndToEnd::storeFailureAnswers500AndTheRetryIsStored() {
    Store *store = m_service->store();
    auto inject = [&](StoreFault fault) {
        await<bool>([&](auto done) { store->injectFault(fault, &m_ctx, [done] { done(true); }); });
    };
    const QString sid = newCallSid();
    const FormFields fields{{QStringLiteral("CallSid"), sid},
                            {QStringLiteral("CallStatus"), QStringLiteral("in-progress")}};
    inject(StoreFault::CommitFails);
    QCOMPARE(postSigned(VoiceRoutes::callStatus(), fields).status, 500);
    inject(StoreFault::None);
    QCOMPARE(status(sid).status, 404);                                   // nothing was kept
    QCOMPARE(postSigned(VoiceRoutes::callStatus(), fields).status, 200); // Twilio's retry
    QCOMPARE(status(sid).json().value(QLatin1String("status")).toString(),
             QStringLiteral("in-progress"));
}

QTEST_GUILESS_MAIN(TestVoiceEndToEnd)
#include "tst_voice_endtoend.moc"
