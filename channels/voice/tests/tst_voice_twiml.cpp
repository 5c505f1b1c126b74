#include "TestSupport.h"
#include "http/HttpServer.h"
#include "providers/twilio/SignatureValidator.h"
#include "providers/twilio/TwilioResources.h"
#include "sandbox/Sandbox.h"
#include "voice/SandboxWav.h"
#include "voice/VoiceRoutes.h"
#include "voice/VoiceSandbox.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtEndian>
#include <QtTest>

using namespace sb;

// The sandbox following a call's TwiML as Twilio does, against a small TwiML application over
// loopback: every request it makes (fetches, actions, status and recording callbacks) is
// recorded with whether its signature is the sandbox's. Covers each verb, Gather fed by the
// keypad endpoint, by SandboxDigits and by nothing (timeout), Redirect, Record with its
// recording (signed callback, Twilio's Recordings resource, a real WAV), Dial to a test
// number, Hangup, Reject, an unknown verb, hanging up mid-script, inbound calls, and the
// official Node helper driving the Recordings resource.
class TestVoiceTwiml : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void sayPlayPauseTakeTimeThenTheCallCompletes();
    void gatherTakesKeypadDigits();
    void gatherTakesScriptedDigits();
    void gatherTimesOutToTheNextVerbAndRedirects();
    void gatherWithActionOnEmptyResultPostsNoDigits();
    void recordMakesARecordingServedAsWav();
    void recordEndsOnAKey();
    void wavIsWellFormedAndCapped_data();
    void wavIsWellFormedAndCapped();
    void dialToABusyNumberReportsBusy();
    void dialRecordsFromAnswer();
    void endings_data();
    void endings();
    void hangingUpStopsTheScript();
    void redirectingByUpdateReplacesTheScript();
    void keypadRefusesWhatItCannotDo();
    void inboundCallFollowsTheConsolesVoiceResponse();
    void recordingsHaveTheSpecsFields();
    void officialNodeHelperDrivesRecordings();

private:
    struct Hit {
        QString name; // the path after /app/, or the whole path
        QByteArray method;
        FormFields fields;
        bool signatureValid = false;
    };
    QString app(const QString &name) const { return m_appBase + QStringLiteral("/app/") + name; }
    sbtest::Reply api(const QByteArray &method, const QString &pathUnderAccount,
                      const FormFields &form = {});
    sbtest::Reply sandboxPost(const QString &path, const FormFields &form,
                              bool authenticated = true);
    // A call to an ordinary number whose TwiML is the document served as `name`.
    QString startCall(const QString &name, const FormFields &extra = {});
    QList<Hit> hits(const QString &name, const QString &callSid = QString()) const;
    QJsonObject callJson(const QString &sid);
    QString statusOf(const QString &sid) { return callJson(sid).value("status").toString(); }
    void serve(const QString &name, const QByteArray &responseBody);

    std::unique_ptr<Sandbox> m_sandbox;
    VoiceSandbox *m_voice = nullptr;
    QString m_base;
    HttpServer m_app{QStringLiteral("app")};
    QString m_appBase;
    QHash<QString, QByteArray> m_documents;
    QList<Hit> m_hits;
    sbtest::Http m_http;
};

static QByteArray twiml(const QByteArray &verbs) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>" + verbs + "</Response>";
}

void TestVoiceTwiml::initTestCase() {
    // The application: /app/{name} answers the TwiML registered as name (an empty <Response>
    // otherwise), by POST or GET; the console's voice paths are served the same way.
    m_app.setLogRequests(false);
    auto handler = [this](const HttpRequest &r, HttpServer::Reply reply) {
        Hit hit;
        hit.name = r.path.startsWith(QLatin1String("/app/")) ? r.path.mid(5) : r.path;
        hit.method = r.method;
        const QString url = m_appBase + r.target;
        const QByteArray signature = r.header("X-Twilio-Signature");
        SignatureValidator validator(m_sandbox->authToken().toUtf8());
        if (r.method == "GET") {
            for (const auto &[k, v] : r.query.queryItems(QUrl::FullyDecoded))
                hit.fields.append({k, v});
            hit.signatureValid = validator.validateForm(url, {}, signature);
        } else {
            if (const FormFields *form = r.form())
                hit.fields = *form;
            hit.signatureValid = validator.validate(url, r.body, signature);
        }
        m_hits.append(hit);
        reply(HttpResponse::xml(200, m_documents.value(hit.name, twiml(""))));
    };
    for (const char *method : {"GET", "POST"}) {
        m_app.route(method, QStringLiteral("/app/{name}"), handler);
        m_app.route(method, VoiceRoutes::voiceResponse(), handler);
        m_app.route(method, VoiceRoutes::callStatus(), handler);
    }
    const quint16 appPort = m_app.listenOn(QHostAddress::LocalHost, 0);
    QVERIFY(appPort);
    m_appBase = QStringLiteral("http://127.0.0.1:%1").arg(appPort);

    SandboxOptions options;
    options.statusDelayMs = 10;
    options.twimlSecondMs = 10;
    m_sandbox = std::make_unique<Sandbox>(options);
    // The voice part alone, with this application as the console (for inbound calls).
    VoiceSandbox::install(*m_sandbox, m_appBase);
    m_voice = m_sandbox->findChild<VoiceSandbox *>();
    QVERIFY(m_voice);
    const quint16 port = m_sandbox->listen(QHostAddress::LocalHost, 0);
    QVERIFY(port);
    m_base = QStringLiteral("http://127.0.0.1:%1").arg(port);
    QCOMPARE(m_sandbox->baseUrl(), m_base);
}

void TestVoiceTwiml::init() {
    m_hits.clear();
    m_documents.clear();
}

void TestVoiceTwiml::serve(const QString &name, const QByteArray &responseBody) {
    m_documents.insert(name, responseBody);
}

sbtest::Reply TestVoiceTwiml::api(const QByteArray &method, const QString &pathUnderAccount,
                                  const FormFields &form) {
    QList<QPair<QByteArray, QByteArray>> headers{
        {"Authorization",
         "Basic " + (m_sandbox->accountSid() + QLatin1Char(':') + m_sandbox->authToken())
                        .toUtf8()
                        .toBase64()}};
    QByteArray body;
    if (!form.isEmpty()) {
        body = FormEncoding::encode(form);
        headers.append(
            qMakePair(QByteArray("Content-Type"), QByteArray("application/x-www-form-urlencoded")));
    }
    const QString url =
        pathUnderAccount.startsWith(QLatin1String("http"))
            ? pathUnderAccount
            : m_base + QStringLiteral("/2010-04-01/Accounts/%1/").arg(m_sandbox->accountSid()) +
                  pathUnderAccount;
    return m_http.request(method, QUrl(url), body, headers);
}

sbtest::Reply TestVoiceTwiml::sandboxPost(const QString &path, const FormFields &form,
                                          bool authenticated) {
    QList<QPair<QByteArray, QByteArray>> headers;
    if (authenticated)
        headers.append(qMakePair(QByteArray("Authorization"),
                                 QByteArray("Basic ") + (m_sandbox->accountSid() +
                                                         QLatin1Char(':') + m_sandbox->authToken())
                                                            .toUtf8()
                                                            .toBase64()));
    return m_http.postForm(QUrl(m_base + path), form, headers);
}

QString TestVoiceTwiml::startCall(const QString &name, const FormFields &extra) {
    FormFields form{{QStringLiteral("To"), QStringLiteral("+14155550100")},
                    {QStringLiteral("From"), QStringLiteral("+15005550006")},
                    {QStringLiteral("Url"), app(name)},
                    {QStringLiteral("StatusCallback"), app(QStringLiteral("status"))}};
    form.append(extra);
    const sbtest::Reply r = api("POST", QStringLiteral("Calls.json"), form);
    if (r.status != 201)
        qWarning() << r.body;
    return r.json().value(QLatin1String("sid")).toString();
}

QList<TestVoiceTwiml::Hit> TestVoiceTwiml::hits(const QString &name, const QString &callSid) const {
    QList<Hit> found;
    for (const Hit &h : m_hits) {
        if (h.name == name && (callSid.isEmpty() ||
                               FormEncoding::value(h.fields, QStringLiteral("CallSid")) == callSid))
            found.append(h);
    }
    return found;
}

QJsonObject TestVoiceTwiml::callJson(const QString &sid) {
    return api("GET", QStringLiteral("Calls/%1.json").arg(sid)).json();
}

void TestVoiceTwiml::sayPlayPauseTakeTimeThenTheCallCompletes() {
    // 75 characters of Say (5 s at 15 a second), a Play (1 s) and a 3 s Pause: 9 s of 10 ms.
    serve("talk", twiml("<Say voice=\"alice\">" + QByteArray(75, 'a') +
                        "</Say><Play>https://example.com/a.mp3</Play><Pause length=\"3\"/>"));
    QElapsedTimer clock;
    clock.start();
    const QString sid = startCall("talk");
    QVERIFY(sid.startsWith(QLatin1String("CA")));
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(sid), QStringLiteral("completed"), 5000);
    QVERIFY2(clock.elapsed() >= 90, qPrintable(QString::number(clock.elapsed())));
    const QList<Hit> fetches = hits("talk", sid);
    QCOMPARE(fetches.size(), 1);
    QVERIFY(fetches.first().signatureValid);
    QCOMPARE(fetches.first().method, QByteArray("POST"));
    QCOMPARE(FormEncoding::value(fetches.first().fields, QStringLiteral("CallStatus")),
             QStringLiteral("in-progress"));
    QCOMPARE(FormEncoding::value(fetches.first().fields, QStringLiteral("Direction")),
             QStringLiteral("outbound-api"));
    QVERIFY(callJson(sid).value("sandbox_notes").toArray().isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(hits("status", sid).size(), 1, 5000); // completed, signed
    QVERIFY(hits("status", sid).first().signatureValid);
}

void TestVoiceTwiml::gatherTakesKeypadDigits() {
    serve("menu", twiml("<Gather numDigits=\"2\" action=\"/app/chosen\" timeout=\"100\">"
                        "<Say>Press two keys</Say></Gather><Say>Nothing pressed</Say>"));
    serve("chosen", twiml("<Say>Thanks</Say><Hangup/>"));
    QSignalSpy waiting(m_voice, &VoiceSandbox::waitingForDigits);
    const QString sid = startCall("menu");
    QTRY_COMPARE_WITH_TIMEOUT(waiting.size(), 1, 5000);
    QCOMPARE(waiting.first().at(0).toString(), sid);
    QCOMPARE(waiting.first().at(1).toString(), QStringLiteral("Gather"));

    const sbtest::Reply pressed = sandboxPost(QStringLiteral("/sandbox/calls/%1/digits").arg(sid),
                                              {{QStringLiteral("Digits"), QStringLiteral("42")}});
    QVERIFY2(pressed.status == 200, pressed.body.constData());
    QCOMPARE(pressed.json().value("queued").toString(), QString()); // taken at once
    QTRY_COMPARE_WITH_TIMEOUT(hits("chosen", sid).size(), 1, 5000);
    const Hit chosen = hits("chosen", sid).first();
    QVERIFY(chosen.signatureValid);
    QCOMPARE(FormEncoding::value(chosen.fields, QStringLiteral("Digits")), QStringLiteral("42"));
    QCOMPARE(FormEncoding::value(chosen.fields, QStringLiteral("AccountSid")),
             m_sandbox->accountSid());
    QCOMPARE(FormEncoding::value(chosen.fields, QStringLiteral("From")),
             QStringLiteral("+15005550006"));
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(sid), QStringLiteral("completed"), 5000);
}

void TestVoiceTwiml::gatherTakesScriptedDigits() {
    // No action: the digits go back to the document's own URL, as on Twilio.
    serve("scripted", twiml("<Gather timeout=\"100\"><Play>https://example.com/p.wav</Play>"
                            "</Gather>"));
    const QString sid =
        startCall("scripted", {{QStringLiteral("SandboxDigits"), QStringLiteral("7#")}});
    QTRY_COMPARE_WITH_TIMEOUT(hits("scripted", sid).size(), 2, 5000);
    const Hit second = hits("scripted", sid).at(1);
    QVERIFY(second.signatureValid);
    QCOMPARE(FormEncoding::value(second.fields, QStringLiteral("Digits")), QStringLiteral("7"));
    QCOMPARE(FormEncoding::value(second.fields, QStringLiteral("FinishedOnKey")),
             QStringLiteral("#"));
    QVERIFY(FormEncoding::value(hits("scripted", sid).first().fields, "Digits").isEmpty());
    // The second time the queue is empty: it times out, and the document's end ends the call.
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(sid), QStringLiteral("completed"), 5000);
    QCOMPARE(hits("scripted", sid).size(), 2);
}

void TestVoiceTwiml::gatherTimesOutToTheNextVerbAndRedirects() {
    serve("quiet", twiml("<Gather action=\"/app/never\" timeout=\"2\"><Say>Hello?</Say></Gather>"
                         "<Redirect method=\"GET\">/app/after?step=2</Redirect>"));
    serve("after", twiml("<Redirect>after2</Redirect>"));
    serve("after2", twiml("<Hangup/>"));
    const QString sid = startCall("quiet");
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(sid), QStringLiteral("completed"), 5000);
    QVERIFY(hits("never").isEmpty());
    const QList<Hit> after = hits("after", sid);
    QCOMPARE(after.size(), 1);
    QCOMPARE(after.first().method, QByteArray("GET")); // method="GET": parameters in the query
    QVERIFY(after.first().signatureValid);
    QCOMPARE(FormEncoding::value(after.first().fields, QStringLiteral("step")),
             QStringLiteral("2"));
    // A relative URL resolves against the document that holds it; POST by default.
    QCOMPARE(hits("after2", sid).size(), 1);
    QCOMPARE(hits("after2", sid).first().method, QByteArray("POST"));
    QVERIFY(hits("after2", sid).first().signatureValid);
}

void TestVoiceTwiml::gatherWithActionOnEmptyResultPostsNoDigits() {
    serve("empty", twiml("<Gather action=\"/app/emptyresult\" timeout=\"1\" "
                         "actionOnEmptyResult=\"true\"/>"));
    const QString sid = startCall("empty");
    QTRY_COMPARE_WITH_TIMEOUT(hits("emptyresult", sid).size(), 1, 5000);
    const Hit hit = hits("emptyresult", sid).first();
    QVERIFY(hit.signatureValid);
    QCOMPARE(FormEncoding::value(hit.fields, QStringLiteral("Digits")), QString());
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(sid), QStringLiteral("completed"), 5000);
}

// A WAV's header fields, as a player reads them.
struct WavInfo {
    bool ok = false;
    int channels = 0;
    int sampleRate = 0;
    int bits = 0;
    qint64 dataBytes = -1;
};

static WavInfo parseWav(const QByteArray &wav) {
    WavInfo info;
    if (wav.size() < 12 || !wav.startsWith("RIFF") || wav.mid(8, 4) != "WAVE" ||
        qFromLittleEndian<quint32>(wav.constData() + 4) != quint32(wav.size() - 8))
        return info;
    qsizetype at = 12;
    while (at + 8 <= wav.size()) {
        const QByteArray id = wav.mid(at, 4);
        const quint32 size = qFromLittleEndian<quint32>(wav.constData() + at + 4);
        const char *chunk = wav.constData() + at + 8;
        if (id == "fmt " && size >= 16) {
            if (qFromLittleEndian<quint16>(chunk) != 1)
                return info; // PCM only
            info.channels = qFromLittleEndian<quint16>(chunk + 2);
            info.sampleRate = int(qFromLittleEndian<quint32>(chunk + 4));
            info.bits = qFromLittleEndian<quint16>(chunk + 14);
        } else if (id == "data") {
            info.dataBytes = size;
            info.ok = at + 8 + qsizetype(size) == wav.size() && info.sampleRate > 0;
        }
        at += 8 + size;
    }
    return info;
}

void TestVoiceTwiml::recordMakesARecordingServedAsWav() {
    serve("voicemail", twiml("<Say>Leave a message</Say><Record action=\"/app/recorded\" "
                             "maxLength=\"30\" timeout=\"2\" "
                             "recordingStatusCallback=\"/app/recording-status\"/>"));
    serve("recorded", twiml("<Hangup/>"));
    const QString sid = startCall("voicemail");
    QTRY_COMPARE_WITH_TIMEOUT(hits("recorded", sid).size(), 1, 5000);
    const Hit action = hits("recorded", sid).first();
    QVERIFY(action.signatureValid);
    const QString recordingSid = FormEncoding::value(action.fields, QStringLiteral("RecordingSid"));
    const QString recordingUrl = FormEncoding::value(action.fields, QStringLiteral("RecordingUrl"));
    QVERIFY(recordingSid.startsWith(QLatin1String("RE")) && recordingSid.size() == 34);
    // Where Twilio puts it: the account's Recordings, no extension.
    QCOMPARE(recordingUrl, m_base + QStringLiteral("/2010-04-01/Accounts/%1/Recordings/%2")
                                        .arg(m_sandbox->accountSid(), recordingSid));
    // The caller spoke for 2 s, then 2 s of silence ended it; the silence is trimmed.
    QCOMPARE(FormEncoding::value(action.fields, QStringLiteral("RecordingDuration")),
             QStringLiteral("2"));

    QTRY_COMPARE_WITH_TIMEOUT(hits("recording-status").size(), 1, 5000);
    const Hit status = hits("recording-status").first();
    QVERIFY(status.signatureValid);
    const QList<std::pair<QString, QString>> expected{{"AccountSid", m_sandbox->accountSid()},
                                                      {"CallSid", sid},
                                                      {"RecordingSid", recordingSid},
                                                      {"RecordingUrl", recordingUrl},
                                                      {"RecordingStatus", "completed"},
                                                      {"RecordingDuration", "2"},
                                                      {"RecordingChannels", "1"},
                                                      {"RecordingSource", "RecordVerb"}};
    for (const auto &[key, value] : expected)
        QCOMPARE(FormEncoding::value(status.fields, key), value);
    QVERIFY(parseTwilioDate(FormEncoding::value(status.fields, "RecordingStartTime")).isValid());
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(sid), QStringLiteral("completed"), 5000);

    // The audio, as Twilio serves it: a WAV as long as the recording.
    for (const QString &suffix : {QString(), QStringLiteral(".wav")}) {
        const sbtest::Reply audio = api("GET", recordingUrl + suffix);
        QCOMPARE(audio.status, 200);
        QCOMPARE(audio.header("Content-Type"), QByteArray("audio/x-wav"));
        const WavInfo wav = parseWav(audio.body);
        QVERIFY(wav.ok);
        QCOMPARE(wav.channels, 1);
        QCOMPARE(wav.sampleRate, 8000);
        QCOMPARE(wav.bits, 16);
        QCOMPARE(wav.dataBytes, qint64(2 * 8000 * 2));
    }
    const QString callPath = QStringLiteral("Calls/%1/Recordings/%2").arg(sid, recordingSid);
    QCOMPARE(parseWav(api("GET", callPath + QStringLiteral(".wav")).body).dataBytes,
             qint64(2 * 8000 * 2));
    const sbtest::Reply mp3 = api("GET", callPath + QStringLiteral(".mp3"));
    QCOMPARE(mp3.status, 404);
    QCOMPARE(mp3.json().value("code").toInt(), 20404);

    // Listed with its call, fetched, deleted: then gone.
    const QJsonArray listed = api("GET", QStringLiteral("Calls/%1/Recordings.json").arg(sid))
                                  .json()
                                  .value("recordings")
                                  .toArray();
    QCOMPARE(listed.size(), 1);
    QCOMPARE(listed.first().toObject().value("sid").toString(), recordingSid);
    const QJsonObject fetched = api("GET", callPath + QStringLiteral(".json")).json();
    QCOMPARE(fetched.value("call_sid").toString(), sid);
    QCOMPARE(fetched.value("duration").toString(), QStringLiteral("2"));
    QCOMPARE(fetched.value("source").toString(), QStringLiteral("RecordVerb"));
    QCOMPARE(
        api("GET", QStringLiteral("Calls/CA00000000000000000000000000000000/Recordings/%1.json")
                       .arg(recordingSid))
            .status,
        404); // another call's path does not reach it
    QCOMPARE(api("DELETE", callPath + QStringLiteral(".json")).status, 204);
    QCOMPARE(api("GET", callPath + QStringLiteral(".json")).status, 404);
    QCOMPARE(api("GET", recordingUrl).status, 404);
    QCOMPARE(api("DELETE", callPath + QStringLiteral(".json")).status, 404);
}

void TestVoiceTwiml::wavIsWellFormedAndCapped_data() {
    QTest::addColumn<int>("seconds");
    QTest::addColumn<int>("served"); // seconds of audio in the file
    QTest::newRow("empty") << 0 << 0;
    QTest::newRow("one second") << 1 << 1;
    QTest::newRow("at the cap") << SandboxWav::MaxSeconds << SandboxWav::MaxSeconds;
    QTest::newRow("an hour, cut to the cap") << 3600 << SandboxWav::MaxSeconds;
}

void TestVoiceTwiml::wavIsWellFormedAndCapped() {
    QFETCH(int, seconds);
    QFETCH(int, served);
    const QByteArray wav = SandboxWav::tone(seconds);
    const WavInfo info = parseWav(wav);
    QVERIFY(info.ok);
    QCOMPARE(info.dataBytes, qint64(served) * 8000 * 2);
    QCOMPARE(wav.size(), SandboxWav::HeaderBytes + served * 8000 * 2);
    // Not silence: a tone is there to hear (its first samples rise from zero).
    if (served > 0) {
        qint16 loudest = 0;
        for (int i = 0; i < 400; ++i)
            loudest = qMax(loudest, qFromLittleEndian<qint16>(wav.constData() + 44 + 2 * i));
        QVERIFY(loudest > 1000);
    }
}

void TestVoiceTwiml::recordEndsOnAKey() {
    // Any key ends a recording by default; "#" was pressed at once.
    serve("beep", twiml("<Record playBeep=\"false\" action=\"/app/keyed\" timeout=\"50\"/>"));
    const QString sid = startCall("beep", {{QStringLiteral("SandboxDigits"), QStringLiteral("#")}});
    QTRY_COMPARE_WITH_TIMEOUT(hits("keyed", sid).size(), 1, 5000);
    const Hit hit = hits("keyed", sid).first();
    QCOMPARE(FormEncoding::value(hit.fields, QStringLiteral("Digits")), QStringLiteral("#"));
    QCOMPARE(FormEncoding::value(hit.fields, QStringLiteral("RecordingDuration")),
             QStringLiteral("1"));
}

void TestVoiceTwiml::dialToABusyNumberReportsBusy() {
    serve("forward",
          twiml("<Dial action=\"/app/dialed\" timeout=\"20\"><Number statusCallback=\"/app/leg\" "
                "statusCallbackEvent=\"initiated ringing answered completed\">+15005554001"
                "</Number></Dial>"));
    serve("dialed", twiml("<Say>They are busy</Say>"));
    const QString sid = startCall("forward");
    QTRY_COMPARE_WITH_TIMEOUT(hits("dialed", sid).size(), 1, 5000);
    const Hit dialed = hits("dialed", sid).first();
    QVERIFY(dialed.signatureValid);
    QCOMPARE(FormEncoding::value(dialed.fields, QStringLiteral("DialCallStatus")),
             QStringLiteral("busy"));
    QCOMPARE(FormEncoding::value(dialed.fields, QStringLiteral("DialCallDuration")),
             QStringLiteral("0"));
    const QString leg = FormEncoding::value(dialed.fields, QStringLiteral("DialCallSid"));
    QVERIFY(leg.startsWith(QLatin1String("CA")) && leg != sid);

    // The leg: a call of its own, outbound-dial, under its parent, with its own callbacks.
    QStringList legStatuses;
    for (const Hit &h : hits("leg", leg)) {
        QVERIFY(h.signatureValid);
        QCOMPARE(FormEncoding::value(h.fields, QStringLiteral("ParentCallSid")), sid);
        QCOMPARE(FormEncoding::value(h.fields, QStringLiteral("Direction")),
                 QStringLiteral("outbound-dial"));
        legStatuses.append(FormEncoding::value(h.fields, QStringLiteral("CallStatus")));
    }
    QCOMPARE(legStatuses, (QStringList{"initiated", "ringing", "busy"}));
    const QJsonObject legJson = callJson(leg);
    QCOMPARE(legJson.value("parent_call_sid").toString(), sid);
    QCOMPARE(legJson.value("direction").toString(), QStringLiteral("outbound-dial"));
    QCOMPARE(legJson.value("from").toString(), QStringLiteral("+15005550006"));
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(sid), QStringLiteral("completed"), 5000);
}

void TestVoiceTwiml::dialRecordsFromAnswer() {
    serve("bridge", twiml("<Dial record=\"record-from-answer\" callerId=\"+15005550006\" "
                          "recordingStatusCallback=\"/app/dial-recording\">+14155550177</Dial>"
                          "<Say>Goodbye</Say>"));
    const QString sid = startCall("bridge");
    QTRY_COMPARE_WITH_TIMEOUT(hits("dial-recording", sid).size(), 1, 5000);
    const Hit hit = hits("dial-recording", sid).first();
    QVERIFY(hit.signatureValid);
    QCOMPARE(FormEncoding::value(hit.fields, QStringLiteral("RecordingSource")),
             QStringLiteral("DialVerb"));
    QCOMPARE(FormEncoding::value(hit.fields, QStringLiteral("RecordingStatus")),
             QStringLiteral("completed"));
    QVERIFY(FormEncoding::value(hit.fields, QStringLiteral("RecordingDuration")).toInt() >= 1);
    // Without an action the document goes on after the Dial, and its end ends the call.
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(sid), QStringLiteral("completed"), 5000);
    const QJsonArray recordings = api("GET", QStringLiteral("Calls/%1/Recordings.json").arg(sid))
                                      .json()
                                      .value("recordings")
                                      .toArray();
    QCOMPARE(recordings.size(), 1);
    QCOMPARE(recordings.first().toObject().value("source").toString(), QStringLiteral("DialVerb"));
}

void TestVoiceTwiml::endings_data() {
    QTest::addColumn<QByteArray>("document");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("note"); // in sandbox_notes, empty: none
    QTest::newRow("Hangup, the rest unread")
        << twiml("<Hangup/><Dance/>") << "completed" << QString();
    QTest::newRow("Reject busy") << twiml("<Reject reason=\"busy\"/>") << "busy" << QString();
    QTest::newRow("Reject") << twiml("<Reject/>") << "no-answer" << QString();
    QTest::newRow("Message noted") << twiml("<Message>Hi</Message>") << "completed"
                                   << "<Message>";
    QTest::newRow("unknown verb") << twiml("<Say>Hi</Say><Dance/><Say>never</Say>") << "completed"
                                  << "12100: Document parse failure: unknown verb <Dance>";
    QTest::newRow("not TwiML") << QByteArray("<html><body>oops</body></html>") << "completed"
                               << "12100";
    QTest::newRow("not XML") << QByteArray("Hello") << "completed"
                             << "12100";
}

void TestVoiceTwiml::endings() {
    QFETCH(QByteArray, document);
    QFETCH(QString, status);
    QFETCH(QString, note);
    serve("ending", document);
    const QString sid = startCall("ending");
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(sid), status, 5000);
    const QJsonArray notes = callJson(sid).value("sandbox_notes").toArray();
    if (note.isEmpty()) {
        QVERIFY(notes.isEmpty());
    } else {
        QCOMPARE(notes.size(), 1);
        QVERIFY2(notes.first().toString().contains(note), qPrintable(notes.first().toString()));
    }
    // The ending is posted, signed, with the call's duration (none for a rejected call).
    QTRY_COMPARE_WITH_TIMEOUT(hits("status", sid).size(), 1, 5000);
    const Hit ended = hits("status", sid).first();
    QVERIFY(ended.signatureValid);
    QCOMPARE(FormEncoding::value(ended.fields, QStringLiteral("CallStatus")), status);
    if (status != QLatin1String("completed"))
        QCOMPARE(FormEncoding::value(ended.fields, QStringLiteral("CallDuration")),
                 QStringLiteral("0"));
}

void TestVoiceTwiml::hangingUpStopsTheScript() {
    serve("long", twiml("<Gather action=\"/app/late\" timeout=\"300\"/>"));
    QSignalSpy waiting(m_voice, &VoiceSandbox::waitingForDigits);
    const QString sid = startCall("long");
    QTRY_COMPARE_WITH_TIMEOUT(waiting.size(), 1, 5000);
    const sbtest::Reply r = api("POST", QStringLiteral("Calls/%1.json").arg(sid),
                                {{QStringLiteral("Status"), QStringLiteral("completed")}});
    QCOMPARE(r.json().value("status").toString(), QStringLiteral("completed"));
    // Keys for a call that has ended are refused; the Gather never posts.
    const sbtest::Reply late = sandboxPost(QStringLiteral("/sandbox/calls/%1/digits").arg(sid),
                                           {{QStringLiteral("Digits"), QStringLiteral("1")}});
    QCOMPARE(late.status, 409);
    QTest::qWait(200);
    QVERIFY(hits("late").isEmpty());
    QCOMPARE(hits("status", sid).size(), 1);
}

void TestVoiceTwiml::redirectingByUpdateReplacesTheScript() {
    serve("waiting", twiml("<Gather action=\"/app/stale\" timeout=\"300\"/>"));
    serve("replacement", twiml("<Say>Moved</Say><Hangup/>"));
    QSignalSpy waiting(m_voice, &VoiceSandbox::waitingForDigits);
    const QString sid = startCall("waiting");
    QTRY_COMPARE_WITH_TIMEOUT(waiting.size(), 1, 5000);
    const sbtest::Reply r = api("POST", QStringLiteral("Calls/%1.json").arg(sid),
                                {{QStringLiteral("Url"), app("replacement")}});
    QCOMPARE(r.status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(sid), QStringLiteral("completed"), 5000);
    QCOMPARE(hits("replacement", sid).size(), 1);
    QVERIFY(hits("replacement", sid).first().signatureValid);
    // Keys pressed now find no Gather: the old document is gone.
    QCOMPARE(sandboxPost(QStringLiteral("/sandbox/calls/%1/digits").arg(sid),
                         {{QStringLiteral("Digits"), QStringLiteral("1")}})
                 .status,
             409);
    QVERIFY(hits("stale").isEmpty());
}

void TestVoiceTwiml::keypadRefusesWhatItCannotDo() {
    const sbtest::Reply unknown =
        sandboxPost(QStringLiteral("/sandbox/calls/CA00000000000000000000000000000000/digits"),
                    {{QStringLiteral("Digits"), QStringLiteral("1")}});
    QCOMPARE(unknown.status, 404);
    QCOMPARE(unknown.json().value("code").toInt(), 20404);
    serve("wait", twiml("<Gather timeout=\"300\"/>"));
    const QString sid = startCall("wait");
    const QString path = QStringLiteral("/sandbox/calls/%1/digits").arg(sid);
    QCOMPARE(sandboxPost(path, {{QStringLiteral("Digits"), QStringLiteral("12a")}}).status, 400);
    QCOMPARE(sandboxPost(path, {}).status, 400);
    QCOMPARE(sandboxPost(path, {{QStringLiteral("Digits"), QStringLiteral("1")}}, false).status,
             401); // behind the sandbox's Basic auth, as /sandbox/inbound
    QCOMPARE(api("POST", QStringLiteral("Calls.json"),
                 {{QStringLiteral("To"), QStringLiteral("+14155550100")},
                  {QStringLiteral("From"), QStringLiteral("+15005550006")},
                  {QStringLiteral("Url"), app("wait")},
                  {QStringLiteral("SandboxDigits"), QStringLiteral("1x")}})
                 .status,
             400);
    api("POST", QStringLiteral("Calls/%1.json").arg(sid),
        {{QStringLiteral("Status"), QStringLiteral("completed")}});
}

void TestVoiceTwiml::inboundCallFollowsTheConsolesVoiceResponse() {
    serve(VoiceRoutes::voiceResponse(), twiml("<Say>Welcome</Say>"));
    const sbtest::Reply r = sandboxPost(QStringLiteral("/sandbox/inbound-call"),
                                        {{QStringLiteral("From"), QStringLiteral("+14155550188")}});
    QVERIFY2(r.status == 201, r.body.constData());
    const QString sid = r.json().value("sid").toString();
    QVERIFY(sid.startsWith(QLatin1String("CA")));
    QCOMPARE(r.json().value("direction").toString(), QStringLiteral("inbound"));
    QCOMPARE(r.json().value("to").toString(), QStringLiteral("+15005550006"));

    QTRY_COMPARE_WITH_TIMEOUT(statusOf(sid), QStringLiteral("completed"), 5000);
    const QList<Hit> fetches = hits(VoiceRoutes::voiceResponse(), sid);
    QCOMPARE(fetches.size(), 1);
    QVERIFY(fetches.first().signatureValid);
    QCOMPARE(FormEncoding::value(fetches.first().fields, QStringLiteral("Direction")),
             QStringLiteral("inbound"));
    QCOMPARE(FormEncoding::value(fetches.first().fields, QStringLiteral("From")),
             QStringLiteral("+14155550188"));
    QCOMPARE(FormEncoding::value(fetches.first().fields, QStringLiteral("To")),
             QStringLiteral("+15005550006"));
    QTRY_COMPARE_WITH_TIMEOUT(hits(VoiceRoutes::callStatus(), sid).size(), 3, 5000);
    QStringList statuses;
    for (const Hit &h : hits(VoiceRoutes::callStatus(), sid)) {
        QVERIFY(h.signatureValid);
        statuses.append(FormEncoding::value(h.fields, QStringLiteral("CallStatus")));
    }
    QCOMPARE(statuses, (QStringList{"ringing", "in-progress", "completed"}));

    // Refused: a caller that is no number, a To that is not the account's.
    QCOMPARE(sandboxPost(QStringLiteral("/sandbox/inbound-call"),
                         {{QStringLiteral("From"), QStringLiteral("nobody")}})
                 .status,
             400);
    QCOMPARE(sandboxPost(QStringLiteral("/sandbox/inbound-call"),
                         {{QStringLiteral("From"), QStringLiteral("+14155550188")},
                          {QStringLiteral("To"), QStringLiteral("+14155550199")}})
                 .status,
             400);
}

void TestVoiceTwiml::recordingsHaveTheSpecsFields() {
    SB_REQUIRE_SHARED("/openapi/twilio_api_v2010.json");
    QFile file(sbtest::sharedDir() + QStringLiteral("/openapi/twilio_api_v2010.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject spec = QJsonDocument::fromJson(file.readAll()).object();
    const QJsonObject schemas =
        spec.value(QLatin1String("components")).toObject().value("schemas").toObject();
    const QJsonObject properties = schemas.value("api.v2010.account.call.call_recording")
                                       .toObject()
                                       .value("properties")
                                       .toObject();
    QVERIFY(properties.size() > 15);
    auto enumOf = [&](const char *name) {
        QStringList values;
        for (const QJsonValue v :
             schemas.value(QLatin1String(name)).toObject().value("enum").toArray())
            values.append(v.toString());
        return values;
    };
    const QStringList statuses = enumOf("call_recording_enum_status");
    const QStringList sources = enumOf("call_recording_enum_source");
    QVERIFY(statuses.contains(QStringLiteral("completed")));
    QVERIFY(sources.contains(QStringLiteral("RecordVerb")));
    // The list's envelope, as the spec's 200 answer lists it.
    const QJsonObject listSchema =
        spec.value("paths")
            .toObject()
            .value("/2010-04-01/Accounts/{AccountSid}/Calls/{CallSid}/Recordings.json")
            .toObject()
            .value("get")
            .toObject()
            .value("responses")
            .toObject()
            .value("200")
            .toObject()
            .value("content")
            .toObject()
            .value("application/json")
            .toObject()
            .value("schema")
            .toObject()
            .value("properties")
            .toObject();
    QVERIFY(listSchema.contains(QStringLiteral("recordings")));

    // An action of its own: without one a Record posts back to its own document, as on
    // Twilio, and records again.
    serve("rec", twiml("<Record maxLength=\"1\" timeout=\"1\" action=\"/app/rec-done\"/>"));
    const QString sid = startCall("rec");
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(sid), QStringLiteral("completed"), 5000);
    const QJsonObject list = api("GET", QStringLiteral("Calls/%1/Recordings.json").arg(sid)).json();
    QStringList problems;
    for (auto it = listSchema.begin(); it != listSchema.end(); ++it) {
        if (!list.contains(it.key()))
            problems.append(QStringLiteral("list: ") + it.key() + QStringLiteral(": missing"));
    }
    QCOMPARE(list.value("recordings").toArray().size(), 1);
    const QJsonObject json = list.value("recordings").toArray().first().toObject();
    for (auto it = properties.begin(); it != properties.end(); ++it) {
        const QJsonObject property = it.value().toObject();
        const QJsonValue value = json.value(it.key());
        const QString type = property.value("type").toString();
        if (value.isUndefined())
            problems.append(it.key() + QStringLiteral(": missing"));
        else if (value.isNull() && !property.value("nullable").toBool())
            problems.append(it.key() + QStringLiteral(": null"));
        else if (!value.isNull() && type == QLatin1String("string") && !value.isString())
            problems.append(it.key() + QStringLiteral(": not a string"));
        else if (!value.isNull() && type == QLatin1String("integer") && !value.isDouble())
            problems.append(it.key() + QStringLiteral(": not an integer"));
        else if (property.value("format").toString() == QLatin1String("date-time-rfc-2822") &&
                 value.isString() && !parseTwilioDate(value.toString()).isValid())
            problems.append(it.key() + QStringLiteral(": not an RFC 2822 date"));
    }
    for (auto it = json.begin(); it != json.end(); ++it) {
        if (!properties.contains(it.key()))
            problems.append(it.key() + QStringLiteral(": not in the spec"));
    }
    if (!statuses.contains(json.value("status").toString()))
        problems.append(QStringLiteral("status: not one of Twilio's"));
    if (!sources.contains(json.value("source").toString()))
        problems.append(QStringLiteral("source: not one of Twilio's"));
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QStringLiteral("; "))));
    QCOMPARE(json.value("duration").toString(), QStringLiteral("1")); // maxLength
}

void TestVoiceTwiml::officialNodeHelperDrivesRecordings() {
    SB_REQUIRE_TWILIO_NODE();

    // Twilio's own helper: a call whose inline TwiML records, then its recordings listed,
    // fetched and removed, and the removed one no longer found.
    const QByteArray script = R"JS(
const twilio = require('twilio');
const client = twilio(process.env.SID, process.env.TOKEN);
client.api.baseUrl = process.env.BASE;
const failure = (e) => ({ name: e.constructor.name, status: e.status, code: e.code });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
(async () => {
  const call = await client.calls.create({
    to: '+14155550160', from: '+15005550006',
    twiml: '<Response><Record maxLength="1" timeout="1"/></Response>' });
  let fetched = await client.calls(call.sid).fetch();
  for (let i = 0; i < 100 && fetched.status !== 'completed'; ++i) {
    await sleep(50);
    fetched = await client.calls(call.sid).fetch();
  }
  const listed = await client.calls(call.sid).recordings.list();
  const one = await client.calls(call.sid).recordings(listed[0].sid).fetch();
  const removed = await client.calls(call.sid).recordings(one.sid).remove();
  let gone = null;
  try { await client.calls(call.sid).recordings(one.sid).fetch(); }
  catch (e) { gone = failure(e); }
  console.log(JSON.stringify({
    call: call.sid, status: fetched.status,
    listed: listed.map((r) => r.sid),
    one: { sid: one.sid, callSid: one.callSid, duration: one.duration, source: one.source,
           channels: one.channels, status: one.status },
    removed, gone }));
})().catch((e) => { console.log(JSON.stringify({ fatal: String(e) })); process.exit(1); });
)JS";

    QProcessEnvironment env;
    env.insert(QStringLiteral("SID"), m_sandbox->accountSid());
    env.insert(QStringLiteral("TOKEN"), m_sandbox->authToken());
    env.insert(QStringLiteral("BASE"), m_base);
    // The sandbox answers on this thread: runTwilioNode turns its event loop.
    QJsonObject out;
    QString error;
    QVERIFY2(sbtest::runTwilioNode(script, env, &out, &error), qPrintable(error));
    QCOMPARE(out.value("status").toString(), QStringLiteral("completed"));
    QCOMPARE(out.value("listed").toArray().size(), 1);
    const QJsonObject one = out.value("one").toObject();
    QCOMPARE(one.value("sid").toString(), out.value("listed").toArray().first().toString());
    QCOMPARE(one.value("callSid").toString(), out.value("call").toString());
    QCOMPARE(one.value("duration").toString(), QStringLiteral("1"));
    QCOMPARE(one.value("source").toString(), QStringLiteral("RecordVerb"));
    QCOMPARE(one.value("channels").toInt(), 1);
    QCOMPARE(one.value("status").toString(), QStringLiteral("completed"));
    QCOMPARE(out.value("removed").toBool(), true);
    const QJsonObject gone = out.value("gone").toObject();
    QCOMPARE(gone.value("name").toString(), QStringLiteral("RestException"));
    QCOMPARE(gone.value("status").toInt(), 404);
    QCOMPARE(gone.value("code").toInt(), 20404);
}

QTEST_GUILESS_MAIN(TestVoiceTwiml)
#include "tst_voice_twiml.moc"
