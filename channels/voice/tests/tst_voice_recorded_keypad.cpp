#include "TestSupport.h"
#include "runtime/BuiltInChannels.h"
#include "runtime/SwitchboardService.h"
#include "voice/VoiceRoutes.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace sb;

// Two things a sandbox-mode console does over its local API, end to end over loopback with
// the real service and its sandbox:
// - a recorded ordinary call (initiate-call with "record": true, as the Calls tab's Record
//   box places it) asks Twilio to post its recording to /twilio/recording-complete; the
//   sandbox records the call and posts it signed when the call completes; the console stores
//   it, downloads its WAV and serves it. An unrecorded call has none.
// - the keypad route, POST calls/{callSid}/digits, presses keys on a simulated call (the IVR
//   hears them: 1 forwards), refuses what is not a key (400), an unknown call (404), a call
//   that has ended (409), and everything in live mode (409).
class TestVoiceRecordedKeypad : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void recordedCallEndsWithItsRecordingStored();
    void unrecordedCallHasNoRecording();
    void keypadPressesKeysTheIvrHears();
    void keypadWaitsOnW();
    void keypadRefusesWhatIsNotAKey_data();
    void keypadRefusesWhatIsNotAKey();
    void keypadUnknownCallIs404();
    void keypadEndedCallIs409();
    void keypadInLiveModeIs409();

private:
    QUrl api(const QString &path, quint16 port = 0) const;
    QByteArray basicAuth() const;
    QString placeCall(const QJsonObject &body);
    QJsonObject callStatus(const QString &sid);
    QJsonObject sandboxCall(const QString &sid);
    QJsonArray sandboxCallsTo(const QString &to);
    sbtest::Reply press(const QString &sid, const QJsonValue &digits, quint16 port = 0);
    void putMenu(const QJsonObject &menu);

    QTemporaryDir m_dir;
    std::unique_ptr<SwitchboardService> m_service;
    sbtest::Http m_http;
    const QByteArray m_auth = "Bearer keypad-token";
};

namespace {

QJsonObject hangUp(const QString &text) {
    return {{"type", "hangup"}, {"text", text}};
}

// A short menu: one silent pass, then goodbye (the call ends by itself in about a second).
QJsonObject shortMenu() {
    return {{"greeting", QJsonObject{{"text", "Hello."}}},
            {"timeoutSeconds", 1},
            {"noInput", QJsonObject{{"repeats", 0}, {"action", hangUp("Bye.")}}},
            {"options", QJsonObject{{"0", QJsonObject{{"action", hangUp("Bye.")}}}}}};
}

// A menu that waits long for a key: 1 forwards to ForwardTo, 2 to ForwardTo2.
constexpr auto ForwardTo = "+14155550191";
constexpr auto ForwardTo2 = "+14155550192";
QJsonObject keypadMenu() {
    auto forward = [](const char *number) {
        return QJsonObject{
            {"action", QJsonObject{{"type", "forward"}, {"number", QString(number)}}}};
    };
    return {{"greeting", QJsonObject{{"text", "Press 1 or 2."}}},
            {"noInput", QJsonObject{{"repeats", 10}, {"action", hangUp("Bye.")}}},
            {"options", QJsonObject{{"1", forward(ForwardTo)}, {"2", forward(ForwardTo2)}}}};
}

} // namespace

void TestVoiceRecordedKeypad::initTestCase() {
    // One sandbox "second" of TwiML is this long.
    qputenv("SWITCHBOARD_SANDBOX_DELAY_MS", "150");
    QProcessEnvironment env;
    env.insert(QStringLiteral("SWITCHBOARD_DATA_DIR"), m_dir.path());
    env.insert(QStringLiteral("SWITCHBOARD_PORT"), QStringLiteral("0"));
    env.insert(QStringLiteral("SWITCHBOARD_API_TOKEN"), QStringLiteral("keypad-token"));
    QString error;
    const auto config = ConfigLoader::load(env, QString(), &error);
    QVERIFY2(config, qPrintable(error));
    m_service = std::make_unique<SwitchboardService>(*config, builtInChannels());
    QSignalSpy started(m_service.get(), &SwitchboardService::started);
    m_service->start();
    QVERIFY(started.wait(10000));
    QVERIFY(m_service->isSandbox());
}

void TestVoiceRecordedKeypad::cleanupTestCase() {
    m_service.reset();
}

QUrl TestVoiceRecordedKeypad::api(const QString &path, quint16 port) const {
    return QUrl(QStringLiteral("http://127.0.0.1:%1/api/v1/twilio/%2")
                    .arg(port ? port : m_service->port())
                    .arg(path));
}

QByteArray TestVoiceRecordedKeypad::basicAuth() const {
    return "Basic " +
           (m_service->config().accountSid + QLatin1Char(':') + m_service->config().authToken)
               .toUtf8()
               .toBase64();
}

void TestVoiceRecordedKeypad::putMenu(const QJsonObject &menu) {
    const sbtest::Reply put =
        m_http.request("PUT", api(VoiceRoutes::ivr()), QJsonDocument(menu).toJson(),
                       {{"Content-Type", "application/json"}, {"Authorization", m_auth}});
    QVERIFY2(put.status == 200, put.body.constData());
}

QString TestVoiceRecordedKeypad::placeCall(const QJsonObject &body) {
    const sbtest::Reply r =
        m_http.postJson(api(VoiceRoutes::initiateCall()), body, {{"Authorization", m_auth}});
    if (r.status != 201)
        qWarning() << "initiate-call:" << r.status << r.body;
    return r.json().value(QLatin1String("callSid")).toString();
}

QJsonObject TestVoiceRecordedKeypad::callStatus(const QString &sid) {
    return m_http.get(api(VoiceRoutes::callStatusOf(sid)), {{"Authorization", m_auth}}).json();
}

QJsonObject TestVoiceRecordedKeypad::sandboxCall(const QString &sid) {
    const QUrl url(m_service->sandboxUrl().toString() +
                   QStringLiteral("/2010-04-01/Accounts/%1/Calls/%2.json")
                       .arg(m_service->config().accountSid, sid));
    return m_http.get(url, {{"Authorization", basicAuth()}}).json();
}

QJsonArray TestVoiceRecordedKeypad::sandboxCallsTo(const QString &to) {
    const QUrl url(
        m_service->sandboxUrl().toString() +
        QStringLiteral("/2010-04-01/Accounts/%1/Calls.json?To=%2")
            .arg(m_service->config().accountSid, QString::fromLatin1(QUrl::toPercentEncoding(to))));
    return m_http.get(url, {{"Authorization", basicAuth()}})
        .json()
        .value(QLatin1String("calls"))
        .toArray();
}

sbtest::Reply TestVoiceRecordedKeypad::press(const QString &sid, const QJsonValue &digits,
                                             quint16 port) {
    QJsonObject body;
    if (!digits.isUndefined())
        body.insert(QStringLiteral("digits"), digits);
    return m_http.postJson(api(VoiceRoutes::digitsOf(sid), port), body,
                           {{"Authorization", m_auth}});
}

void TestVoiceRecordedKeypad::recordedCallEndsWithItsRecordingStored() {
    putMenu(shortMenu());
    const QString sid = placeCall({{"to", "+14155550181"}, {"record", true}});
    QVERIFY(sid.startsWith(QLatin1String("CA")));

    // Twilio was asked to record and to post the recording to the console's webhook.
    const QJsonObject asked = sandboxCall(sid);
    QCOMPARE(asked.value(QLatin1String("record")).toBool(), true);
    QCOMPARE(asked.value(QLatin1String("recording_status_callback")).toString(),
             m_service->config().publicBase(m_service->port()) + VoiceRoutes::recordingComplete());

    // The call completes by itself; its recording came back signed, was stored with the call
    // and downloaded.
    QTRY_COMPARE_WITH_TIMEOUT(callStatus(sid).value(QLatin1String("status")).toString(),
                              QStringLiteral("completed"), 15000);
    QJsonObject recording;
    QTRY_VERIFY_WITH_TIMEOUT(
        (recording =
             callStatus(sid).value(QLatin1String("recordings")).toArray().first().toObject())
            .value(QLatin1String("downloaded"))
            .toBool(),
        15000);
    const QJsonObject call = callStatus(sid);
    QCOMPARE(call.value(QLatin1String("recordings")).toArray().size(), 1);
    QVERIFY(recording.value(QLatin1String("sid")).toString().startsWith(QLatin1String("RE")));
    QCOMPARE(recording.value(QLatin1String("status")).toString(), QStringLiteral("completed"));
    QCOMPARE(recording.value(QLatin1String("source")).toString(), QStringLiteral("OutboundAPI"));
    // The whole call was recorded: as long as the call.
    QVERIFY(recording.value(QLatin1String("duration")).toInt() > 0);
    QCOMPARE(recording.value(QLatin1String("duration")).toInt(),
             call.value(QLatin1String("duration")).toInt());

    // And downloadable: a WAV, from the local API.
    const sbtest::Reply audio = m_http.get(api(recording.value(QLatin1String("url"))
                                                   .toString()
                                                   .section(QStringLiteral("/twilio/"), 1)),
                                           {{"Authorization", m_auth}});
    QCOMPARE(audio.status, 200);
    QCOMPARE(audio.header("Content-Type"), QByteArray("audio/wav"));
    QCOMPARE(audio.body.left(4), QByteArray("RIFF"));
    QCOMPARE(audio.body.mid(8, 4), QByteArray("WAVE"));
}

void TestVoiceRecordedKeypad::unrecordedCallHasNoRecording() {
    putMenu(shortMenu());
    const QString sid = placeCall({{"to", "+14155550182"}});
    QVERIFY(sid.startsWith(QLatin1String("CA")));
    const QJsonObject asked = sandboxCall(sid);
    QCOMPARE(asked.value(QLatin1String("record")).toBool(), false);
    QVERIFY(asked.value(QLatin1String("recording_status_callback")).isNull());
    QTRY_COMPARE_WITH_TIMEOUT(callStatus(sid).value(QLatin1String("status")).toString(),
                              QStringLiteral("completed"), 15000);
    // Long enough for a recording callback to have come, had there been one.
    QTest::qWait(500);
    QCOMPARE(callStatus(sid).value(QLatin1String("recordings")).toArray().size(), 0);
}

void TestVoiceRecordedKeypad::keypadPressesKeysTheIvrHears() {
    putMenu(keypadMenu());
    const QString sid = placeCall({{"to", "+14155550183"}});
    QVERIFY(sid.startsWith(QLatin1String("CA")));
    QTRY_COMPARE_WITH_TIMEOUT(callStatus(sid).value(QLatin1String("status")).toString(),
                              QStringLiteral("in-progress"), 10000);
    const sbtest::Reply r = press(sid, QStringLiteral("1"));
    QVERIFY2(r.status == 200, r.body.constData());
    QCOMPARE(r.json().value(QLatin1String("callSid")).toString(), sid);
    QCOMPARE(r.json().value(QLatin1String("pressed")).toString(), QStringLiteral("1"));
    // The IVR took the key: option 1 rang its forward number as a leg of this call.
    QJsonArray legs;
    QTRY_VERIFY_WITH_TIMEOUT(!(legs = sandboxCallsTo(QString(ForwardTo))).isEmpty(), 10000);
    QCOMPARE(legs.first().toObject().value(QLatin1String("parent_call_sid")).toString(), sid);
}

void TestVoiceRecordedKeypad::keypadWaitsOnW() {
    putMenu(keypadMenu());
    const QString sid = placeCall({{"to", "+14155550184"}});
    QVERIFY(sid.startsWith(QLatin1String("CA")));
    QTRY_COMPARE_WITH_TIMEOUT(callStatus(sid).value(QLatin1String("status")).toString(),
                              QStringLiteral("in-progress"), 10000);
    // w is a pause, not a key: 2 arrives half a second later and is what the menu hears.
    const sbtest::Reply r = press(sid, QStringLiteral("w2"));
    QVERIFY2(r.status == 200, r.body.constData());
    QCOMPARE(r.json().value(QLatin1String("pressed")).toString(), QStringLiteral("w2"));
    QCOMPARE(r.json().value(QLatin1String("queued")).toString(), QString()); // not yet
    QJsonArray legs;
    QTRY_VERIFY_WITH_TIMEOUT(!(legs = sandboxCallsTo(QString(ForwardTo2))).isEmpty(), 10000);
    QCOMPARE(legs.first().toObject().value(QLatin1String("parent_call_sid")).toString(), sid);
}

void TestVoiceRecordedKeypad::keypadRefusesWhatIsNotAKey_data() {
    QTest::addColumn<QJsonValue>("digits");
    QTest::newRow("missing") << QJsonValue(QJsonValue::Undefined);
    QTest::newRow("empty") << QJsonValue(QString());
    QTest::newRow("a letter") << QJsonValue(QStringLiteral("12a"));
    QTest::newRow("a space") << QJsonValue(QStringLiteral("1 2"));
    QTest::newRow("a plus") << QJsonValue(QStringLiteral("+1"));
    QTest::newRow("capital W") << QJsonValue(QStringLiteral("1W2"));
    QTest::newRow("a number, not a string") << QJsonValue(12);
    QTest::newRow("65 keys") << QJsonValue(QString(65, QLatin1Char('1')));
}

void TestVoiceRecordedKeypad::keypadRefusesWhatIsNotAKey() {
    QFETCH(QJsonValue, digits);
    // Checked before the sandbox is asked: the call need not exist.
    const sbtest::Reply r = press(QStringLiteral("CA00000000000000000000000000000000"), digits);
    QCOMPARE(r.status, 400);
    const QJsonObject error = r.json().value(QLatin1String("error")).toObject();
    QCOMPARE(error.value(QLatin1String("field")).toString(), QStringLiteral("digits"));
    QVERIFY(!error.value(QLatin1String("message")).toString().isEmpty());
}

void TestVoiceRecordedKeypad::keypadUnknownCallIs404() {
    const sbtest::Reply r =
        press(QStringLiteral("CA00000000000000000000000000000000"), QStringLiteral("12#"));
    QCOMPARE(r.status, 404);
    QVERIFY(r.json()
                .value(QLatin1String("error"))
                .toObject()
                .value(QLatin1String("message"))
                .toString()
                .contains(QLatin1String("CA00000000000000000000000000000000")));
}

void TestVoiceRecordedKeypad::keypadEndedCallIs409() {
    putMenu(shortMenu());
    const QString sid = placeCall({{"to", "+14155550185"}});
    QVERIFY(sid.startsWith(QLatin1String("CA")));
    QTRY_COMPARE_WITH_TIMEOUT(callStatus(sid).value(QLatin1String("status")).toString(),
                              QStringLiteral("completed"), 15000);
    const sbtest::Reply r = press(sid, QStringLiteral("1"));
    QCOMPARE(r.status, 409);
    QVERIFY2(r.json()
                 .value(QLatin1String("error"))
                 .toObject()
                 .value(QLatin1String("message"))
                 .toString()
                 .contains(QLatin1String("ended")),
             r.body.constData());
}

void TestVoiceRecordedKeypad::keypadInLiveModeIs409() {
    // A live console (its Twilio never asked: the refusal comes first).
    QTemporaryDir dir;
    QProcessEnvironment env;
    env.insert(QStringLiteral("TWILIO_ACCOUNT_SID"),
               QStringLiteral("AC0123456789abcdef0123456789abcdef"));
    env.insert(QStringLiteral("TWILIO_AUTH_TOKEN"), QStringLiteral("live-auth-token"));
    env.insert(QStringLiteral("TWILIO_PHONE_NUMBER"), QStringLiteral("+15005550006"));
    env.insert(QStringLiteral("TWILIO_API_BASE_URL"), QStringLiteral("http://127.0.0.1:9"));
    env.insert(QStringLiteral("SWITCHBOARD_DATA_DIR"), dir.path());
    env.insert(QStringLiteral("SWITCHBOARD_PORT"), QStringLiteral("0"));
    env.insert(QStringLiteral("SWITCHBOARD_API_TOKEN"), QStringLiteral("keypad-token"));
    QString error;
    const auto config = ConfigLoader::load(env, QString(), &error);
    QVERIFY2(config, qPrintable(error));
    SwitchboardService live(*config, builtInChannels());
    QSignalSpy started(&live, &SwitchboardService::started);
    live.start();
    QVERIFY(started.wait(10000));
    QVERIFY(!live.isSandbox());
    const sbtest::Reply r = press(QStringLiteral("CA0123456789abcdef0123456789abcdef"),
                                  QStringLiteral("1"), live.port());
    QCOMPARE(r.status, 409);
    QVERIFY2(r.json()
                 .value(QLatin1String("error"))
                 .toObject()
                 .value(QLatin1String("message"))
                 .toString()
                 .contains(QLatin1String("live mode")),
             r.body.constData());
}

QTEST_GUILESS_MAIN(TestVoiceRecordedKeypad)
#include "tst_voice_recorded_keypad.moc"
