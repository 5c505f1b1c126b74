#include "ServiceFixture.h"
#include "TestSupport.h"
#include "runtime/BuiltInChannels.h"
#include "runtime/SwitchboardService.h"
#include "voice/VoiceRoutes.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtEndian>
#include <QtTest>

using namespace sb;

// The IVR walked by a caller, with nothing played by hand: the console in sandbox mode places
// a call without a URL (so it runs the console's own IVR), the sandbox answers it, fetches
// /twilio/voice-response signed, speaks the menu and presses the keys the test gives its
// keypad, as a caller would. 1 forwards (the sandbox rings the forward number as a child leg
// of the call); 2 leaves a voicemail (the sandbox records, posts recording-complete, the
// console stores it, downloads its audio and serves it as a WAV one could play).
class TestVoiceIvrWalk : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void keyOneForwardsTheCall();
    void keyTwoLeavesAVoicemailThatCanBePlayed();

private:
    QUrl api(const QString &path) const;
    QByteArray basicAuth() const;
    QString placeCall(const QString &to);
    QJsonObject callStatus(const QString &sid);
    bool press(const QString &sid, const QString &digits);

    QTemporaryDir m_dir;
    std::unique_ptr<SwitchboardService> m_service;
    sbtest::Http m_http;
    const QByteArray m_auth = "Bearer walk-token";
    static constexpr auto ForwardTo = "+14155550177";
};

void TestVoiceIvrWalk::initTestCase() {
    // One sandbox "second" of TwiML is this long: a Gather waits five of them for a key.
    qputenv("SWITCHBOARD_SANDBOX_DELAY_MS", "150");
    QString error;
    m_service = sbtest::startService(m_dir.path(), QStringLiteral("walk-token"), {}, {}, &error);
    QVERIFY2(m_service, qPrintable(error));
    QVERIFY(m_service->isSandbox());

    // The menu under test: silence repeats it often enough for the keypad to be heard.
    const QJsonObject menu{
        {"greeting", QJsonObject{{"text", "Press 1 for sales, 2 to leave a message."}}},
        {"noInput", QJsonObject{{"repeats", 5},
                                {"action", QJsonObject{{"type", "hangup"}, {"text", "Bye."}}}}},
        {"options",
         QJsonObject{{"1", QJsonObject{{"action", QJsonObject{{"type", "forward"},
                                                              {"number", QString(ForwardTo)}}}}},
                     {"2", QJsonObject{{"action", QJsonObject{{"type", "voicemail"},
                                                              {"prompt", "After the tone."},
                                                              {"maxLength", 10}}}}}}}};
    const sbtest::Reply put =
        m_http.request("PUT", api(VoiceRoutes::ivr()), QJsonDocument(menu).toJson(),
                       {{"Content-Type", "application/json"}, {"Authorization", m_auth}});
    QVERIFY2(put.status == 200, put.body.constData());
}

void TestVoiceIvrWalk::cleanupTestCase() {
    m_service.reset();
}

QUrl TestVoiceIvrWalk::api(const QString &path) const {
    return QUrl(
        QStringLiteral("http://127.0.0.1:%1/api/v1/twilio/%2").arg(m_service->port()).arg(path));
}

QByteArray TestVoiceIvrWalk::basicAuth() const {
    return "Basic " +
           (m_service->config().accountSid + QLatin1Char(':') + m_service->config().authToken)
               .toUtf8()
               .toBase64();
}

QString TestVoiceIvrWalk::placeCall(const QString &to) {
    const sbtest::Reply r = m_http.postJson(api(VoiceRoutes::initiateCall()),
                                            QJsonObject{{"to", to}}, {{"Authorization", m_auth}});
    if (r.status != 201)
        qWarning() << "initiate-call:" << r.status << r.body;
    return r.json().value(QLatin1String("callSid")).toString();
}

QJsonObject TestVoiceIvrWalk::callStatus(const QString &sid) {
    return m_http.get(api(VoiceRoutes::callStatusOf(sid)), {{"Authorization", m_auth}}).json();
}

bool TestVoiceIvrWalk::press(const QString &sid, const QString &digits) {
    const QUrl keypad(m_service->sandboxUrl().toString() +
                      QStringLiteral("/sandbox/calls/%1/digits").arg(sid));
    const sbtest::Reply r = m_http.postForm(keypad, {{QStringLiteral("Digits"), digits}},
                                            {{"Authorization", basicAuth()}});
    if (r.status != 200)
        qWarning() << "keypad:" << r.status << r.body;
    return r.status == 200;
}

void TestVoiceIvrWalk::keyOneForwardsTheCall() {
    const QString sid = placeCall(QStringLiteral("+14155550170"));
    QVERIFY(sid.startsWith(QLatin1String("CA")));
    QTRY_COMPARE_WITH_TIMEOUT(callStatus(sid).value(QLatin1String("status")).toString(),
                              QStringLiteral("in-progress"), 10000);
    QVERIFY(press(sid, QStringLiteral("1")));

    // The sandbox dialled the forward number as a leg of this call, from the console's number.
    const QUrl legs(m_service->sandboxUrl().toString() +
                    QStringLiteral("/2010-04-01/Accounts/%1/Calls.json?To=%2B14155550177")
                        .arg(m_service->config().accountSid));
    QJsonObject leg;
    QTRY_VERIFY_WITH_TIMEOUT(!(leg = m_http.get(legs, {{"Authorization", basicAuth()}})
                                         .json()
                                         .value(QLatin1String("calls"))
                                         .toArray()
                                         .first()
                                         .toObject())
                                  .isEmpty(),
                             10000);
    QCOMPARE(leg.value(QLatin1String("parent_call_sid")).toString(), sid);
    QCOMPARE(leg.value(QLatin1String("direction")).toString(), QStringLiteral("outbound-dial"));
    QCOMPARE(leg.value(QLatin1String("from")).toString(), m_service->config().phoneNumber);
    // The caller's call ends once the forwarded leg has: completed, with its whole timeline.
    QTRY_COMPARE_WITH_TIMEOUT(callStatus(sid).value(QLatin1String("status")).toString(),
                              QStringLiteral("completed"), 20000);
    QStringList timeline;
    for (const QJsonValue &e : callStatus(sid).value(QLatin1String("history")).toArray())
        timeline << e.toObject().value(QLatin1String("status")).toString();
    QCOMPARE(timeline, (QStringList{"queued", "initiated", "ringing", "in-progress", "completed"}));
}

void TestVoiceIvrWalk::keyTwoLeavesAVoicemailThatCanBePlayed() {
    const QString sid = placeCall(QStringLiteral("+14155550171"));
    QVERIFY(sid.startsWith(QLatin1String("CA")));
    QTRY_COMPARE_WITH_TIMEOUT(callStatus(sid).value(QLatin1String("status")).toString(),
                              QStringLiteral("in-progress"), 10000);
    QVERIFY(press(sid, QStringLiteral("2")));

    // recording-complete came back signed, was stored with the call, and its audio downloaded.
    QJsonObject recording;
    QTRY_VERIFY_WITH_TIMEOUT(
        (recording =
             callStatus(sid).value(QLatin1String("recordings")).toArray().first().toObject())
            .value(QLatin1String("downloaded"))
            .toBool(),
        20000);
    QVERIFY(recording.value(QLatin1String("sid")).toString().startsWith(QLatin1String("RE")));
    QCOMPARE(recording.value(QLatin1String("n")).toInt(), 1);
    QVERIFY(recording.value(QLatin1String("duration")).toInt() > 0);

    // Served by the local API as a WAV a player can open: RIFF/WAVE, PCM, its data as long as
    // the recording says.
    const sbtest::Reply audio = m_http.get(api(QStringLiteral("calls/%1/recordings/1").arg(sid)),
                                           {{"Authorization", m_auth}});
    QCOMPARE(audio.status, 200);
    QVERIFY2(audio.header("Content-Type").startsWith("audio/"), audio.header("Content-Type"));
    const QByteArray &wav = audio.body;
    QVERIFY(wav.size() > 44);
    QCOMPARE(wav.left(4), QByteArray("RIFF"));
    QCOMPARE(wav.mid(8, 4), QByteArray("WAVE"));
    QCOMPARE(wav.mid(12, 4), QByteArray("fmt "));
    QCOMPARE(qFromLittleEndian<quint16>(wav.constData() + 20), quint16(1)); // PCM
    const quint32 byteRate = qFromLittleEndian<quint32>(wav.constData() + 28);
    QVERIFY(byteRate > 0);
    const int dataAt = wav.indexOf("data", 36);
    QVERIFY(dataAt > 0);
    const quint32 dataBytes = qFromLittleEndian<quint32>(wav.constData() + dataAt + 4);
    QCOMPARE(qsizetype(dataAt + 8 + dataBytes), wav.size());
    const int seconds = recording.value(QLatin1String("duration")).toInt();
    // The sandbox synthesizes at most five seconds of audio for any recording.
    QCOMPARE(dataBytes, quint32(byteRate * qMin(seconds, 5)));

    // The voicemail thanks the caller and hangs up.
    QTRY_COMPARE_WITH_TIMEOUT(callStatus(sid).value(QLatin1String("status")).toString(),
                              QStringLiteral("completed"), 20000);
}

QTEST_GUILESS_MAIN(TestVoiceIvrWalk)
#include "tst_voice_ivr_walk.moc"
