#include "Await.h"
#include "IvrTwimlTree.h"
#include "ServiceFixture.h"
#include "TestSupport.h"
#include "db/Store.h"
#include "providers/twilio/SignatureValidator.h"
#include "runtime/BuiltInChannels.h"
#include "runtime/SwitchboardService.h"
#include "voice/VoiceRoutes.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <atomic>

using namespace sb;
using sbtest::await;

namespace {

// The time the service reads: the real one unless a test sets it (milliseconds since the
// epoch, UTC; 0: real).
std::atomic<qint64> g_fixedNowMs{0};

QJsonObject menuWithOption1Saying(const QString &text) {
    return QJsonObject{
        {"greeting", QJsonObject{{"text", "Press 1."}}},
        {"options", QJsonObject{{"1", QJsonObject{{"action", QJsonObject{{"type", "say"},
                                                                         {"text", text},
                                                                         {"then", "hangup"}}}}}}}};
}

} // namespace

// The IVR through the whole headless product in sandbox mode, over loopback: GET and PUT
// /api/v1/twilio/ivr with the bearer token (400 naming every problem's path), a call walking
// the menu with signed voice-response and gather-response requests, a PUT while a call is in
// the menu (the call keeps its version), out-of-hours with an injected clock, a hostile
// greeting escaped on the wire, a bad signature refused with 403, a store failure answered
// 500, and an SMS key that queues a message to the caller through the outbox.
class TestVoiceIvrEndToEnd : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void freshInstallAnswersTheBuiltInMenu();
    void putStoresANewVersionThatGetAnswers();
    void invalidPutNamesEveryPath_data();
    void invalidPutNamesEveryPath();
    void ivrNeedsTheBearerToken();
    void callKeepsItsVersionWhenTheMenuChanges();
    void callWalksIntoASubMenuAndVoicemail();
    void gatherResponseRefusesBadSignatures_data();
    void gatherResponseRefusesBadSignatures();
    void outOfHoursFollowsTheClock();
    void hostileGreetingIsEscapedOnTheWire();
    void storeFailureAnswers500NeverAMenu();
    void smsKeySendsTheCallerAMessage();

private:
    QUrl api(const QString &path) const;
    sbtest::Reply getIvr();
    sbtest::Reply putIvr(const QByteArray &body, bool withToken = true);
    // Posts to an absolute URL the console gave out (a Gather's action), signed as Twilio does.
    sbtest::Reply postSignedUrl(const QString &url, const FormFields &fields);
    sbtest::Reply voiceResponse(const QString &callSid, FormFields extra = {});
    static TwimlNode twiml(const sbtest::Reply &reply);

    QTemporaryDir m_dir;
    std::unique_ptr<SwitchboardService> m_service;
    sbtest::Http m_http;
    QObject m_ctx;
    const QByteArray m_auth = "Bearer ivr-token";
};

void TestVoiceIvrEndToEnd::initTestCase() {
    qputenv("SWITCHBOARD_SANDBOX_DELAY_MS", "20");
    QString error;
    m_service = sbtest::startService(
        m_dir.path(), QStringLiteral("ivr-token"), {},
        [] {
            const qint64 fixed = g_fixedNowMs.load();
            return fixed ? QDateTime::fromMSecsSinceEpoch(fixed, Qt::UTC)
                         : QDateTime::currentDateTimeUtc();
        },
        &error);
    QVERIFY2(m_service, qPrintable(error));
    QVERIFY(m_service->isSandbox());
}

void TestVoiceIvrEndToEnd::cleanupTestCase() {
    m_service.reset();
}

void TestVoiceIvrEndToEnd::init() {
    g_fixedNowMs = 0;
}

QUrl TestVoiceIvrEndToEnd::api(const QString &path) const {
    return QUrl(
        QStringLiteral("http://127.0.0.1:%1/api/v1/twilio/%2").arg(m_service->port()).arg(path));
}

sbtest::Reply TestVoiceIvrEndToEnd::getIvr() {
    return m_http.get(api(VoiceRoutes::ivr()), {{"Authorization", m_auth}});
}

sbtest::Reply TestVoiceIvrEndToEnd::putIvr(const QByteArray &body, bool withToken) {
    QList<QPair<QByteArray, QByteArray>> headers{{"Content-Type", "application/json"}};
    if (withToken)
        headers.append({"Authorization", m_auth});
    return m_http.request("PUT", api(VoiceRoutes::ivr()), body, headers);
}

sbtest::Reply TestVoiceIvrEndToEnd::postSignedUrl(const QString &url, const FormFields &fields) {
    const QString base = m_service->publicUrl().toString();
    if (!url.startsWith(base))
        qWarning() << url << "is not under" << base;
    const QString target = url.mid(base.size());
    return m_http.postForm(
        QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_service->port()).arg(target)), fields,
        {{"X-Twilio-Signature",
          SignatureValidator::sign(m_service->config().authToken.toUtf8(), url, fields)}});
}

sbtest::Reply TestVoiceIvrEndToEnd::voiceResponse(const QString &callSid, FormFields extra) {
    extra.append({QStringLiteral("CallSid"), callSid});
    extra.append({QStringLiteral("CallStatus"), QStringLiteral("in-progress")});
    return postSignedUrl(m_service->publicUrl().toString() + VoiceRoutes::voiceResponse(), extra);
}

TwimlNode TestVoiceIvrEndToEnd::twiml(const sbtest::Reply &reply) {
    QString error;
    const TwimlNode root = TwimlNode::parse(reply.body, &error);
    if (!error.isEmpty())
        qWarning() << "not XML:" << error << reply.body;
    return root;
}

void TestVoiceIvrEndToEnd::freshInstallAnswersTheBuiltInMenu() {
    const sbtest::Reply r = getIvr();
    QCOMPARE(r.status, 200);
    const QJsonObject json = r.json();
    QCOMPARE(json.value(QLatin1String("version")).toInt(-1), 0);
    QVERIFY(json.value(QLatin1String("updatedAt")).isNull());
    const QJsonObject menu = json.value(QLatin1String("menu")).toObject();
    QVERIFY(!menu.value(QLatin1String("greeting"))
                 .toObject()
                 .value(QLatin1String("text"))
                 .toString()
                 .isEmpty());
    // A call on a fresh install hears it.
    const TwimlNode doc = twiml(voiceResponse(QStringLiteral("CAfresh")));
    QCOMPARE(doc.names(), (QStringList{"Response", "Gather", "Say", "Redirect"}));
    QCOMPARE(
        doc.find(QStringLiteral("Say"))->text,
        menu.value(QLatin1String("greeting")).toObject().value(QLatin1String("text")).toString());
}

void TestVoiceIvrEndToEnd::putStoresANewVersionThatGetAnswers() {
    const qint64 before = getIvr().json().value(QLatin1String("version")).toInteger();
    const sbtest::Reply put =
        putIvr(QJsonDocument(menuWithOption1Saying(QStringLiteral("Stored."))).toJson());
    QVERIFY2(put.status == 200, put.body.constData());
    const qint64 version = put.json().value(QLatin1String("version")).toInteger();
    QVERIFY(version > before);
    QVERIFY(!put.json().value(QLatin1String("updatedAt")).toString().isEmpty());
    const sbtest::Reply got = getIvr();
    QCOMPARE(got.json().value(QLatin1String("version")).toInteger(), version);
    QCOMPARE(got.json().value(QLatin1String("menu")), put.json().value(QLatin1String("menu")));
    // What GET answers goes back as it is, and makes a version of its own.
    const sbtest::Reply again = putIvr(got.body);
    QVERIFY2(again.status == 200, again.body.constData());
    QCOMPARE(again.json().value(QLatin1String("version")).toInteger(), version + 1);
    QCOMPARE(again.json().value(QLatin1String("menu")), got.json().value(QLatin1String("menu")));
}

void TestVoiceIvrEndToEnd::invalidPutNamesEveryPath_data() {
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QStringList>("fields");
    QTest::newRow("an empty action, a bad forward number, an empty greeting")
        << QByteArray(R"({"greeting": {"text": ""}, "options": {
               "1": {"action": {"type": "say", "text": ""}},
               "2": {"action": {"type": "forward", "number": "+1555"}}}})")
        << QStringList{"greeting.text", "options.1.action.text", "options.2.action.number"};
    QTest::newRow("a loop without exit") << QByteArray(R"({"greeting": {"text": "Hi"}, "options": {
               "1": {"action": {"type": "say", "text": "Hi", "then": "menu"}},
               "3": {"action": {"type": "submenu", "menu": {"greeting": {"text": "Sub"},
                     "options": {"1": {"action": {"type": "say", "text": "x", "then": "menu"}}},
                     "noInput": {"action": {"type": "say", "text": "?", "then": "menu"}}}}}},
               "noInput": {"action": {"type": "say", "text": "?", "then": "menu"}}})")
                                         << QStringList{"options.3", "options"};
    QTest::newRow("unknown type, bad key, bad hours")
        << QByteArray(R"({"greeting": {"text": "Hi"}, "options": {
               "1": {"action": {"type": "transfer"}}, "x": {"action": {"type": "hangup"}}},
               "hours": {"timezone": "Nowhere", "weekly": {"mon": ["9-5"]},
                         "closed": {"type": "hangup"}}})")
        << QStringList{"options.1.action.type", "options.x", "hours.timezone",
                       "hours.weekly.mon.0"};
    QTest::newRow("not JSON") << QByteArray("greeting=hi") << QStringList{"body"};
}

void TestVoiceIvrEndToEnd::invalidPutNamesEveryPath() {
    QFETCH(QByteArray, body);
    QFETCH(QStringList, fields);
    const qint64 before = getIvr().json().value(QLatin1String("version")).toInteger();
    const sbtest::Reply r = putIvr(body);
    QCOMPARE(r.status, 400);
    const QJsonObject error = r.json().value(QLatin1String("error")).toObject();
    QStringList got;
    for (const QJsonValue e : error.value(QLatin1String("errors")).toArray()) {
        got.append(e.toObject().value(QLatin1String("field")).toString());
        QVERIFY(!e.toObject().value(QLatin1String("message")).toString().isEmpty());
    }
    QCOMPARE(got, fields);
    // The message names each path too, for a human reading it.
    for (const QString &field : fields)
        QVERIFY2(error.value(QLatin1String("message")).toString().contains(field + ':'),
                 qPrintable(error.value(QLatin1String("message")).toString()));
    QCOMPARE(getIvr().json().value(QLatin1String("version")).toInteger(), before); // nothing stored
}

void TestVoiceIvrEndToEnd::ivrNeedsTheBearerToken() {
    const qint64 before = getIvr().json().value(QLatin1String("version")).toInteger();
    QCOMPARE(m_http.get(api(VoiceRoutes::ivr())).status, 401);
    QCOMPARE(putIvr(QJsonDocument(menuWithOption1Saying("x")).toJson(), false).status, 401);
    QCOMPARE(getIvr().json().value(QLatin1String("version")).toInteger(), before);
}

void TestVoiceIvrEndToEnd::callKeepsItsVersionWhenTheMenuChanges() {
    QCOMPARE(
        putIvr(QJsonDocument(menuWithOption1Saying(QStringLiteral("Old menu."))).toJson()).status,
        200);
    const TwimlNode first = twiml(voiceResponse(QStringLiteral("CAkeeps1")));
    const QString action = first.find(QStringLiteral("Gather"))->attributes.value("action");
    QVERIFY2(action.contains(QLatin1String("/twilio/gather-response?v=")), qPrintable(action));

    // The agent changes the menu while the caller listens to the greeting.
    QCOMPARE(
        putIvr(QJsonDocument(menuWithOption1Saying(QStringLiteral("New menu."))).toJson()).status,
        200);
    const FormFields press1{{QStringLiteral("CallSid"), QStringLiteral("CAkeeps1")},
                            {QStringLiteral("Digits"), QStringLiteral("1")}};
    const sbtest::Reply pressed = postSignedUrl(action, press1);
    QCOMPARE(pressed.status, 200);
    QCOMPARE(twiml(pressed).find(QStringLiteral("Say"))->text, QStringLiteral("Old menu."));

    // A call that starts now runs the new one.
    const TwimlNode second = twiml(voiceResponse(QStringLiteral("CAkeeps2")));
    const QString newAction = second.find(QStringLiteral("Gather"))->attributes.value("action");
    QVERIFY(newAction != action);
    const FormFields press1Again{{QStringLiteral("CallSid"), QStringLiteral("CAkeeps2")},
                                 {QStringLiteral("Digits"), QStringLiteral("1")}};
    QCOMPARE(twiml(postSignedUrl(newAction, press1Again)).find(QStringLiteral("Say"))->text,
             QStringLiteral("New menu."));
    // Even a gather URL naming the new version serves the first call its own.
    QCOMPARE(twiml(postSignedUrl(newAction, press1)).find(QStringLiteral("Say"))->text,
             QStringLiteral("Old menu."));
}

void TestVoiceIvrEndToEnd::callWalksIntoASubMenuAndVoicemail() {
    const QByteArray menu = R"({"greeting": {"text": "Main."}, "options": {
        "#": {"action": {"type": "submenu", "menu": {"greeting": {"text": "Sub."},
              "options": {"*": {"action": {"type": "voicemail", "prompt": "Speak."}}}}}}}})";
    QCOMPARE(putIvr(menu).status, 200);
    const QString sid = QStringLiteral("CAwalk");
    QString action =
        twiml(voiceResponse(sid)).find(QStringLiteral("Gather"))->attributes.value("action");
    TwimlNode doc = twiml(postSignedUrl(action, {{QStringLiteral("CallSid"), sid},
                                                 {QStringLiteral("Digits"), QStringLiteral("#")}}));
    QCOMPARE(doc.find(QStringLiteral("Say"))->text, QStringLiteral("Sub."));
    action = doc.find(QStringLiteral("Gather"))->attributes.value("action");
    QVERIFY2(action.endsWith(QLatin1String("node=%23")), qPrintable(action)); // "#", encoded
    doc = twiml(postSignedUrl(action, {{QStringLiteral("CallSid"), sid},
                                       {QStringLiteral("Digits"), QStringLiteral("*")}}));
    QCOMPARE(doc.names(), (QStringList{"Response", "Say", "Record"}));
    // Twilio posts the recording to the Record's action: thanks, and the call ends.
    const QString recorded = doc.find(QStringLiteral("Record"))->attributes.value("action");
    doc = twiml(postSignedUrl(
        recorded, {{QStringLiteral("CallSid"), sid},
                   {QStringLiteral("RecordingUrl"), QStringLiteral("https://api.twilio.com/x")}}));
    QCOMPARE(doc.names(), (QStringList{"Response", "Say", "Hangup"}));
}

void TestVoiceIvrEndToEnd::gatherResponseRefusesBadSignatures_data() {
    QTest::addColumn<QString>("how");
    QTest::newRow("no signature") << "none";
    QTest::newRow("wrong signature") << "wrong";
    QTest::newRow("signed for another version") << "other-url";
}

void TestVoiceIvrEndToEnd::gatherResponseRefusesBadSignatures() {
    QFETCH(QString, how);
    const QString path = VoiceRoutes::gatherResponse() + QStringLiteral("?v=0&node=");
    const FormFields fields{{QStringLiteral("CallSid"), QStringLiteral("CAforged")},
                            {QStringLiteral("Digits"), QStringLiteral("1")}};
    QList<QPair<QByteArray, QByteArray>> headers;
    if (how == QLatin1String("wrong"))
        headers.append({QByteArray("X-Twilio-Signature"), QByteArray("bm90IGEgc2lnbmF0dXJl")});
    if (how == QLatin1String("other-url"))
        headers.append({QByteArray("X-Twilio-Signature"),
                        SignatureValidator::sign(m_service->config().authToken.toUtf8(),
                                                 m_service->publicUrl().toString() +
                                                     VoiceRoutes::gatherResponse() +
                                                     QStringLiteral("?v=1&node="),
                                                 fields)});
    const sbtest::Reply r = m_http.postForm(
        QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_service->port()).arg(path)), fields,
        headers);
    QCOMPARE(r.status, 403);
    QVERIFY2(!r.body.contains("<Say") && !r.body.contains("<Dial"), r.body.constData());
}

void TestVoiceIvrEndToEnd::outOfHoursFollowsTheClock() {
    const QByteArray menu = R"({"greeting": {"text": "We are open."},
        "options": {"0": {"action": {"type": "hangup"}}},
        "hours": {"timezone": "Europe/Berlin", "weekly": {"mon": ["09:00-17:00"]},
                  "closed": {"type": "say", "text": "We are closed.", "then": "hangup"}}})";
    QCOMPARE(putIvr(menu).status, 200);
    // Monday 30 November 2026, 10:00 in Berlin (UTC+1).
    g_fixedNowMs = QDateTime::fromString(QStringLiteral("2026-11-30T09:00:00Z"), Qt::ISODate)
                       .toMSecsSinceEpoch();
    QCOMPARE(twiml(voiceResponse(QStringLiteral("CAopen"))).find(QStringLiteral("Say"))->text,
             QStringLiteral("We are open."));
    // The same Monday at 17:30 in Berlin.
    g_fixedNowMs = QDateTime::fromString(QStringLiteral("2026-11-30T16:30:00Z"), Qt::ISODate)
                       .toMSecsSinceEpoch();
    const TwimlNode closed = twiml(voiceResponse(QStringLiteral("CAclosed")));
    QCOMPARE(closed.names(), (QStringList{"Response", "Say", "Hangup"}));
    QCOMPARE(closed.find(QStringLiteral("Say"))->text, QStringLiteral("We are closed."));
}

void TestVoiceIvrEndToEnd::hostileGreetingIsEscapedOnTheWire() {
    const QString hostile = QStringLiteral("</Say><Dial>+15005550006</Dial><Say>");
    QJsonObject menu = menuWithOption1Saying(QStringLiteral("x"));
    menu.insert(QStringLiteral("greeting"), QJsonObject{{"text", hostile}});
    QCOMPARE(putIvr(QJsonDocument(menu).toJson()).status, 200);
    const sbtest::Reply r = voiceResponse(QStringLiteral("CAhostile"));
    QCOMPARE(r.status, 200);
    QVERIFY(!r.body.contains("<Dial>"));
    const TwimlNode doc = twiml(r);
    QVERIFY(!doc.find(QStringLiteral("Dial")));
    QCOMPARE(doc.find(QStringLiteral("Say"))->text, hostile);
}

void TestVoiceIvrEndToEnd::storeFailureAnswers500NeverAMenu() {
    Store *store = m_service->store();
    auto inject = [&](StoreFault fault) {
        await<bool>([&](auto done) { store->injectFault(fault, &m_ctx, [done] { done(true); }); });
    };
    inject(StoreFault::CommitFails);
    const sbtest::Reply failed = voiceResponse(QStringLiteral("CAstorefails"));
    inject(StoreFault::None);
    QCOMPARE(failed.status, 500);
    QVERIFY2(!failed.body.contains("<Gather") && !failed.body.contains("<Say"),
             failed.body.constData());
    // Twilio's retry gets the menu.
    const sbtest::Reply retried = voiceResponse(QStringLiteral("CAstorefails"));
    QCOMPARE(retried.status, 200);
    QVERIFY(twiml(retried).find(QStringLiteral("Gather")));
}

void TestVoiceIvrEndToEnd::smsKeySendsTheCallerAMessage() {
    const QByteArray menu = R"({"greeting": {"text": "Press 5 for our address."}, "options": {
        "5": {"action": {"type": "sms", "text": "We are at 1 Main St.", "then": "hangup",
                         "confirmation": "Texted."}}}})";
    QCOMPARE(putIvr(menu).status, 200);
    const QString caller = QStringLiteral("+14155550161");
    const QString sid = QStringLiteral("CAsms");
    const FormFields call{{QStringLiteral("From"), caller},
                          {QStringLiteral("To"), m_service->config().phoneNumber},
                          {QStringLiteral("Direction"), QStringLiteral("inbound")}};
    const QString action =
        twiml(voiceResponse(sid, call)).find(QStringLiteral("Gather"))->attributes.value("action");
    FormFields press = call;
    press.append({QStringLiteral("CallSid"), sid});
    press.append({QStringLiteral("Digits"), QStringLiteral("5")});
    const TwimlNode doc = twiml(postSignedUrl(action, press));
    QCOMPARE(doc.names(), (QStringList{"Response", "Say", "Hangup"}));
    QCOMPARE(doc.find(QStringLiteral("Say"))->text, QStringLiteral("Texted."));
    // Pressed again (or Twilio retrying): still one message.
    QCOMPARE(postSignedUrl(action, press).status, 200);

    // The outbox sent it to the caller: the sandbox (Twilio here) has it.
    const QByteArray basic = "Basic " + (m_service->config().accountSid + QLatin1Char(':') +
                                         m_service->config().authToken)
                                            .toUtf8()
                                            .toBase64();
    const QUrl messages(m_service->sandboxUrl().toString() +
                        QStringLiteral("/2010-04-01/Accounts/%1/Messages.json?To=%2B14155550161")
                            .arg(m_service->config().accountSid));
    QJsonArray sent;
    QTRY_VERIFY_WITH_TIMEOUT(!(sent = m_http.get(messages, {{"Authorization", basic}})
                                          .json()
                                          .value(QLatin1String("messages"))
                                          .toArray())
                                  .isEmpty(),
                             5000);
    QTest::qWait(200); // a second message would have arrived by now
    sent = m_http.get(messages, {{"Authorization", basic}})
               .json()
               .value(QLatin1String("messages"))
               .toArray();
    QCOMPARE(sent.size(), 1);
    QCOMPARE(sent.at(0).toObject().value(QLatin1String("body")).toString(),
             QStringLiteral("We are at 1 Main St."));
    QCOMPARE(sent.at(0).toObject().value(QLatin1String("from")).toString(),
             m_service->config().phoneNumber);
}

QTEST_GUILESS_MAIN(TestVoiceIvrEndToEnd)
#include "tst_voice_ivr_endtoend.moc"
