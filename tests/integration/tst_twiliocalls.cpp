#include "Await.h"
#include "TestSupport.h"
#include "http/HttpServer.h"
#include "providers/twilio/TwilioClient.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QtTest>

using namespace sb;
using sbtest::await;

// TwilioClient's calls and recordings against two small servers over loopback: "api" stands
// for the configured API base, "elsewhere" for any other host (the storage a media URL
// redirects to, a URL a callback could name). What is proved here: the account's credentials
// reach only Twilio's hosts and the API base, Twilio's errors arrive as TwilioErrors, paging
// follows next_page_uri and stays on the account, and the form fields of a call are the ones
// Twilio documents.
class TestTwilioCalls : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void mayReceiveCredentials_data();
    void mayReceiveCredentials();
    void audioFromTheApiBaseCarriesCredentials();
    void redirectToAnotherHostGetsNoCredentials();
    void urlOnAnotherHostGetsNoCredentials();
    void endlessRedirectsStop();
    void unknownCallIs20404();
    void wrongCredentialsAre20003();
    void listFollowsPagesAndStaysOnTheAccount();
    void createCallSendsTheDocumentedFields();
    void hangUpAndRedirect();
    void recordingsListFetchAndDelete();

private:
    QUrl api(const QString &path = {}) const {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_apiPort).arg(path));
    }
    QUrl elsewhere(const QString &path = {}) const {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_otherPort).arg(path));
    }
    TwilioClient client(const QString &token = QStringLiteral("secret-token"));
    QByteArray authSeenBy(const QList<HttpRequest> &requests, const QString &pathEnd) const;

    HttpServer m_api{QStringLiteral("twilio-api")};
    HttpServer m_other{QStringLiteral("elsewhere")};
    quint16 m_apiPort = 0;
    quint16 m_otherPort = 0;
    QNetworkAccessManager m_nam;
    QObject m_ctx;
    QList<HttpRequest> m_apiRequests;
    QList<HttpRequest> m_otherRequests;
};

namespace {

const QString kAccount = QStringLiteral("AC0123456789abcdef0123456789abcdef");
const QString kCall = QStringLiteral("CA00000000000000000000000000000001");
const QString kCall2 = QStringLiteral("CA00000000000000000000000000000002");
const QString kCall3 = QStringLiteral("CA00000000000000000000000000000003");
const QString kMissingCall = QStringLiteral("CA0000000000000000000000000000dead");
const QString kRecording = QStringLiteral("RE00000000000000000000000000000001");
const QByteArray kAudio = QByteArray("RIFF\x24\x00\x00\x00WAVEfmt ", 16) + QByteArray(32, '\x7f');
const QByteArray kGoodAuth =
    "Basic " + (kAccount + QStringLiteral(":secret-token")).toUtf8().toBase64();

HttpResponse twilioError(int status, int code, const QString &message) {
    return HttpResponse::json(status,
                              {{QStringLiteral("code"), code},
                               {QStringLiteral("message"), message},
                               {QStringLiteral("more_info"),
                                QStringLiteral("https://www.twilio.com/docs/errors/%1").arg(code)},
                               {QStringLiteral("status"), status}});
}

QJsonObject call(const QString &sid, const QString &status) {
    return {{QStringLiteral("sid"), sid},
            {QStringLiteral("account_sid"), kAccount},
            {QStringLiteral("from"), QStringLiteral("+15005550006")},
            {QStringLiteral("to"), QStringLiteral("+14155550100")},
            {QStringLiteral("status"), status},
            {QStringLiteral("direction"), QStringLiteral("outbound-api")},
            {QStringLiteral("answered_by"), QStringLiteral("human")},
            {QStringLiteral("duration"), QStringLiteral("42")},
            {QStringLiteral("price"), QStringLiteral("-0.0130")},
            {QStringLiteral("price_unit"), QStringLiteral("USD")},
            {QStringLiteral("start_time"), QStringLiteral("Wed, 25 Nov 2026 11:00:00 +0000")},
            {QStringLiteral("end_time"), QStringLiteral("Wed, 25 Nov 2026 11:00:42 +0000")}};
}

QJsonObject recording(const QString &mediaUrl) {
    return {{QStringLiteral("sid"), kRecording},
            {QStringLiteral("account_sid"), kAccount},
            {QStringLiteral("call_sid"), kCall},
            {QStringLiteral("status"), QStringLiteral("completed")},
            {QStringLiteral("source"), QStringLiteral("RecordVerb")},
            {QStringLiteral("channels"), 1},
            {QStringLiteral("duration"), QStringLiteral("7")},
            {QStringLiteral("media_url"), mediaUrl}};
}

} // namespace

TwilioClient TestTwilioCalls::client(const QString &token) {
    return TwilioClient(&m_nam, TwilioCredentials{kAccount, token, api()});
}

QByteArray TestTwilioCalls::authSeenBy(const QList<HttpRequest> &requests,
                                       const QString &pathEnd) const {
    for (const HttpRequest &r : requests)
        if (r.path.endsWith(pathEnd))
            return r.header("Authorization");
    return "(no such request)";
}

void TestTwilioCalls::initTestCase() {
    const QString accountPath = QStringLiteral("/2010-04-01/Accounts/{account}");
    auto authorised = [](const HttpRequest &r) {
        return r.header("Authorization") == kGoodAuth;
    };
    m_api.addFilter(QStringLiteral("/"),
                    [this, authorised](const HttpRequest &r) -> std::optional<HttpResponse> {
                        m_apiRequests.append(r);
                        if (!authorised(r))
                            return twilioError(401, 20003, QStringLiteral("Authenticate"));
                        return std::nullopt;
                    });
    m_api.route("GET", accountPath + QStringLiteral("/Calls/{file}"),
                [](const HttpRequest &r, HttpServer::Reply reply) {
                    if (r.args.value(1) == kMissingCall + QStringLiteral(".json"))
                        reply(twilioError(404, 20404,
                                          QStringLiteral("The requested resource was not found")));
                    else
                        reply(HttpResponse::json(200, call(kCall, QStringLiteral("completed"))));
                });
    m_api.route(
        "POST", accountPath + QStringLiteral("/Calls/{file}"),
        [](const HttpRequest &r, HttpServer::Reply reply) {
            const FormFields *form = r.form();
            const bool hangUp =
                form && form->contains({QStringLiteral("Status"), QStringLiteral("completed")});
            reply(HttpResponse::json(200, call(kCall, hangUp ? QStringLiteral("completed")
                                                             : QStringLiteral("in-progress"))));
        });
    m_api.route("POST", accountPath + QStringLiteral("/Calls.json"),
                [](const HttpRequest &, HttpServer::Reply reply) {
                    reply(HttpResponse::json(201, call(kCall, QStringLiteral("queued"))));
                });
    m_api.route("GET", accountPath + QStringLiteral("/Calls.json"),
                [](const HttpRequest &r, HttpServer::Reply reply) {
                    const bool second =
                        r.query.queryItemValue(QStringLiteral("PageToken")) == QLatin1String("PA2");
                    QJsonObject page{
                        {QStringLiteral("calls"),
                         second ? QJsonArray{call(kCall3, QStringLiteral("busy"))}
                                : QJsonArray{call(kCall, QStringLiteral("completed")),
                                             call(kCall2, QStringLiteral("no-answer"))}},
                        {QStringLiteral("next_page_uri"),
                         second ? QJsonValue(QJsonValue::Null)
                                : QJsonValue(QStringLiteral("/2010-04-01/Accounts/") + kAccount +
                                             QStringLiteral("/Calls.json?Status=completed&"
                                                            "PageSize=2&Page=1&PageToken=PA2"))}};
                    reply(HttpResponse::json(200, page));
                });
    m_api.route("GET", accountPath + QStringLiteral("/Calls/{call}/Recordings.json"),
                [this](const HttpRequest &, HttpServer::Reply reply) {
                    reply(HttpResponse::json(
                        200, {{QStringLiteral("recordings"),
                               QJsonArray{recording(api(QStringLiteral("/media")).toString())}},
                              {QStringLiteral("next_page_uri"), QJsonValue(QJsonValue::Null)}}));
                });
    m_api.route(
        "GET", accountPath + QStringLiteral("/Recordings/{file}"),
        [this](const HttpRequest &r, HttpServer::Reply reply) {
            const QString file = r.args.value(1);
            if (file.endsWith(QLatin1String(".json"))) {
                reply(HttpResponse::json(200, recording({})));
            } else if (file.startsWith(QLatin1String("REredirect"))) {
                // What Twilio does for stored media: a redirect to other storage.
                HttpResponse moved = HttpResponse::empty(302);
                moved.headers.append(
                    {"Location", elsewhere(QStringLiteral("/media/RE1.wav?sig=abc")).toEncoded()});
                reply(moved);
            } else if (file.startsWith(QLatin1String("REloop"))) {
                HttpResponse moved = HttpResponse::empty(302);
                moved.headers.append({"Location", r.path.toUtf8()});
                reply(moved);
            } else {
                HttpResponse audio;
                audio.contentType = "audio/x-wav";
                audio.body = kAudio;
                reply(audio);
            }
        });
    m_api.route(
        "DELETE", accountPath + QStringLiteral("/Recordings/{file}"),
        [](const HttpRequest &, HttpServer::Reply reply) { reply(HttpResponse::empty(204)); });
    m_other.addFilter(QStringLiteral("/"),
                      [this](const HttpRequest &r) -> std::optional<HttpResponse> {
                          m_otherRequests.append(r);
                          return std::nullopt;
                      });
    m_other.route("GET", QStringLiteral("/media/{file}"),
                  [](const HttpRequest &, HttpServer::Reply reply) {
                      HttpResponse audio;
                      audio.contentType = "audio/mpeg";
                      audio.body = "ID3-elsewhere";
                      reply(audio);
                  });
    m_apiPort = m_api.listenOn(QHostAddress::LocalHost, 0);
    m_otherPort = m_other.listenOn(QHostAddress::LocalHost, 0);
    QVERIFY(m_apiPort && m_otherPort);
}

void TestTwilioCalls::init() {
    m_apiRequests.clear();
    m_otherRequests.clear();
}

void TestTwilioCalls::mayReceiveCredentials_data() {
    QTest::addColumn<QUrl>("url");
    QTest::addColumn<bool>("allowed");
    const auto row = [](const char *name, const char *url, bool allowed) {
        QTest::newRow(name) << QUrl(QString::fromLatin1(url)) << allowed;
    };
    row("api.twilio.com", "https://api.twilio.com/2010-04-01/Accounts/AC1/Recordings/RE1", true);
    row("another twilio.com host", "https://media.twilio.com/v1/x", true);
    row("upper-case host", "https://API.TWILIO.COM/x", true);
    row("twilio host over plain http", "http://api.twilio.com/x", false);
    row("a look-alike domain", "https://evil-twilio.com/x", false);
    row("twilio.com as a subdomain of another", "https://api.twilio.com.evil.org/x", false);
    row("user info naming twilio", "https://api.twilio.com@evil.org/x", false);
    row("S3 storage", "https://s3.amazonaws.com/com.twilio.prod.twilio-api/RE1", false);
    row("the API base", "http://127.0.0.1:4010/2010-04-01/x", true);
    row("the API base's host on another port", "http://127.0.0.1:4011/x", false);
    row("the API base's host over https", "https://127.0.0.1:4010/x", false);
    row("localhost (not the base's host)", "http://localhost:4010/x", false);
    row("relative", "/2010-04-01/x", false);
}

void TestTwilioCalls::mayReceiveCredentials() {
    QFETCH(QUrl, url);
    QFETCH(bool, allowed);
    QCOMPARE(
        TwilioClient::mayReceiveCredentials(url, QUrl(QStringLiteral("http://127.0.0.1:4010"))),
        allowed);
}

void TestTwilioCalls::audioFromTheApiBaseCarriesCredentials() {
    TwilioClient c = client();
    const QUrl url = c.recordingAudioUrl(kRecording);
    QCOMPARE(url.path(), QStringLiteral("/2010-04-01/Accounts/") + kAccount +
                             QStringLiteral("/Recordings/") + kRecording + QStringLiteral(".wav"));
    const auto r = *await<TwilioResult<TwilioRecordingAudio>>(
        [&](auto done) { c.downloadRecording(url, &m_ctx, done); });
    QVERIFY2(r.ok(), qPrintable(r.error.message));
    QCOMPARE(r.value.data, kAudio);
    QCOMPARE(r.value.contentType, QByteArray("audio/x-wav"));
    QCOMPARE(authSeenBy(m_apiRequests, QStringLiteral(".wav")), kGoodAuth);
}

void TestTwilioCalls::redirectToAnotherHostGetsNoCredentials() {
    TwilioClient c = client();
    const auto r = *await<TwilioResult<TwilioRecordingAudio>>([&](auto done) {
        c.downloadRecording(c.recordingAudioUrl(QStringLiteral("REredirect")), &m_ctx, done);
    });
    QVERIFY2(r.ok(), qPrintable(r.error.message));
    QCOMPARE(r.value.data, QByteArray("ID3-elsewhere"));
    QCOMPARE(authSeenBy(m_apiRequests, QStringLiteral("REredirect.wav")), kGoodAuth);
    QCOMPARE(m_otherRequests.size(), 1);
    QCOMPARE(m_otherRequests[0].query.queryItemValue(QStringLiteral("sig")), QStringLiteral("abc"));
    QCOMPARE(m_otherRequests[0].header("Authorization"), QByteArray());
}

void TestTwilioCalls::urlOnAnotherHostGetsNoCredentials() {
    // E.g. a RecordingUrl in a callback that names somewhere else.
    TwilioClient c = client();
    const auto r = *await<TwilioResult<TwilioRecordingAudio>>([&](auto done) {
        c.downloadRecording(elsewhere(QStringLiteral("/media/RE1.mp3")), &m_ctx, done);
    });
    QVERIFY2(r.ok(), qPrintable(r.error.message));
    QCOMPARE(r.value.contentType, QByteArray("audio/mpeg"));
    QCOMPARE(m_otherRequests.size(), 1);
    QCOMPARE(m_otherRequests[0].header("Authorization"), QByteArray());
    QVERIFY(m_apiRequests.isEmpty());
}

void TestTwilioCalls::endlessRedirectsStop() {
    TwilioClient c = client();
    const auto r = *await<TwilioResult<TwilioRecordingAudio>>([&](auto done) {
        c.downloadRecording(c.recordingAudioUrl(QStringLiteral("REloop")), &m_ctx, done);
    });
    QVERIFY(!r.ok());
    QCOMPARE(r.error.kind, TwilioError::Kind::Protocol);
    QCOMPARE(m_apiRequests.size(), 6); // the first request and five redirects
}

void TestTwilioCalls::unknownCallIs20404() {
    TwilioClient c = client();
    const auto r = *await<TwilioResult<TwilioCall>>(
        [&](auto done) { c.fetchCall(kMissingCall, &m_ctx, done); });
    QVERIFY(!r.ok());
    QCOMPARE(r.error.kind, TwilioError::Kind::Http);
    QCOMPARE(r.error.httpStatus, 404);
    QCOMPARE(r.error.code, 20404);
    QCOMPARE(r.error.moreInfo, QStringLiteral("https://www.twilio.com/docs/errors/20404"));
    QCOMPARE(r.error.explanation(), TwilioError::explain(20404));
    QVERIFY(!r.error.isAmbiguous());
}

void TestTwilioCalls::wrongCredentialsAre20003() {
    TwilioClient c = client(QStringLiteral("wrong-token"));
    const auto r =
        *await<TwilioResult<TwilioCall>>([&](auto done) { c.fetchCall(kCall, &m_ctx, done); });
    QVERIFY(!r.ok());
    QCOMPARE(r.error.httpStatus, 401);
    QCOMPARE(r.error.code, 20003);
    QVERIFY(r.error.explanation().contains(QLatin1String("TWILIO_AUTH_TOKEN")));
    QVERIFY(!r.error.explanation().contains(QLatin1String("wrong-token")));
    QVERIFY(!r.error.message.contains(QLatin1String("wrong-token")));
    // The same refusal when fetching audio: an error, never the 401 body as "audio".
    const auto audio = *await<TwilioResult<TwilioRecordingAudio>>(
        [&](auto done) { c.downloadRecording(c.recordingAudioUrl(kRecording), &m_ctx, done); });
    QVERIFY(!audio.ok());
    QCOMPARE(audio.error.code, 20003);
    QVERIFY(audio.value.data.isEmpty());
}

void TestTwilioCalls::listFollowsPagesAndStaysOnTheAccount() {
    TwilioClient c = client();
    ListCallsFilter filter;
    filter.status = QStringLiteral("completed");
    filter.to = QStringLiteral("+14155550100");
    filter.pageSize = 2;
    const auto first =
        *await<TwilioResult<TwilioCallPage>>([&](auto done) { c.listCalls(filter, &m_ctx, done); });
    QVERIFY2(first.ok(), qPrintable(first.error.message));
    QCOMPARE(first.value.calls.size(), 2);
    QCOMPARE(first.value.calls[1].status, QStringLiteral("no-answer"));
    QCOMPARE(m_apiRequests.last().query.queryItemValue(QStringLiteral("To"), QUrl::FullyDecoded),
             QStringLiteral("+14155550100"));
    QCOMPARE(m_apiRequests.last().query.queryItemValue(QStringLiteral("Status")),
             QStringLiteral("completed"));
    QVERIFY(!first.value.nextPageUri.isEmpty());

    const auto second = *await<TwilioResult<TwilioCallPage>>(
        [&](auto done) { c.fetchCallsPage(first.value.nextPageUri, &m_ctx, done); });
    QVERIFY2(second.ok(), qPrintable(second.error.message));
    QCOMPARE(second.value.calls.size(), 1);
    QCOMPARE(second.value.calls[0].sid, kCall3);
    QVERIFY(second.value.nextPageUri.isEmpty());

    // A "next page" on another host or another account is not followed (credentials stay).
    const int before = m_apiRequests.size();
    for (const QString &bad :
         {elsewhere(QStringLiteral("/2010-04-01/Accounts/") + kAccount +
                    QStringLiteral("/Calls.json?Page=1"))
              .toString(),
          QStringLiteral("/2010-04-01/Accounts/AC99999999999999999999999999999999/Calls.json"),
          QStringLiteral("/2010-04-01/Accounts/") + kAccount + QStringLiteral("/Messages.json")}) {
        const auto r = *await<TwilioResult<TwilioCallPage>>(
            [&](auto done) { c.fetchCallsPage(bad, &m_ctx, done); });
        QVERIFY2(!r.ok(), qPrintable(bad));
        QCOMPARE(r.error.kind, TwilioError::Kind::Protocol);
    }
    QCOMPARE(m_apiRequests.size(), before);
    QVERIFY(m_otherRequests.isEmpty());
}

void TestTwilioCalls::createCallSendsTheDocumentedFields() {
    TwilioClient c = client();
    CreateCallParams p;
    p.to = QStringLiteral("+14155550100");
    p.from = QStringLiteral("+15005550006");
    p.url = QStringLiteral("https://abc.ngrok.app/twilio/voice-response");
    p.statusCallback = QStringLiteral("https://abc.ngrok.app/twilio/call-status");
    p.statusCallbackEvents = {QStringLiteral("initiated"), QStringLiteral("ringing"),
                              QStringLiteral("answered"), QStringLiteral("completed")};
    p.statusCallbackMethod = QStringLiteral("POST");
    p.record = true;
    p.recordingStatusCallback = QStringLiteral("https://abc.ngrok.app/twilio/recording-complete");
    p.recordingStatusCallbackEvents = {QStringLiteral("in-progress"), QStringLiteral("completed")};
    p.recordingStatusCallbackMethod = QStringLiteral("POST");
    p.machineDetection = QStringLiteral("Enable");
    const auto r =
        *await<TwilioResult<TwilioCall>>([&](auto done) { c.createCall(p, &m_ctx, done); });
    QVERIFY2(r.ok(), qPrintable(r.error.message));
    QCOMPARE(r.value.sid, kCall);
    QCOMPARE(r.value.status, QStringLiteral("queued"));
    QCOMPARE(r.value.durationSeconds, 42);
    QCOMPARE(r.value.price, QStringLiteral("-0.0130"));
    QCOMPARE(r.value.answeredBy, QStringLiteral("human"));
    QCOMPARE(r.value.endTime, QDateTime(QDate(2026, 11, 25), QTime(11, 0, 42), Qt::UTC));

    const FormFields *form = m_apiRequests.last().form();
    QVERIFY(form);
    QStringList events;
    QStringList recordingEvents;
    QStringList names;
    for (const auto &[k, v] : *form) {
        names << k;
        if (k == QLatin1String("StatusCallbackEvent"))
            events << v;
        if (k == QLatin1String("RecordingStatusCallbackEvent"))
            recordingEvents << v;
    }
    QCOMPARE(events, p.statusCallbackEvents); // one field per event, as Twilio's helpers send
    QCOMPARE(recordingEvents, p.recordingStatusCallbackEvents);
    QVERIFY(form->contains({QStringLiteral("Record"), QStringLiteral("true")}));
    QVERIFY(form->contains({QStringLiteral("RecordingStatusCallback"), p.recordingStatusCallback}));
    QVERIFY(
        form->contains({QStringLiteral("RecordingStatusCallbackMethod"), QStringLiteral("POST")}));
    QVERIFY(form->contains({QStringLiteral("MachineDetection"), QStringLiteral("Enable")}));
    QVERIFY(form->contains({QStringLiteral("Url"), p.url}));
    QVERIFY(!names.contains(QStringLiteral("Twiml"))); // Url or Twiml, never an empty one
}

void TestTwilioCalls::hangUpAndRedirect() {
    TwilioClient c = client();
    const auto hung = *await<TwilioResult<TwilioCall>>(
        [&](auto done) { c.updateCall(kCall, UpdateCallParams::hangUp(), &m_ctx, done); });
    QVERIFY2(hung.ok(), qPrintable(hung.error.message));
    QCOMPARE(hung.value.status, QStringLiteral("completed"));
    QCOMPARE(*m_apiRequests.last().form(),
             FormFields({{QStringLiteral("Status"), QStringLiteral("completed")}}));

    const QString twiml = QStringLiteral(
        R"(<?xml version="1.0" encoding="UTF-8"?><Response><Say>Bye</Say></Response>)");
    const auto moved = *await<TwilioResult<TwilioCall>>(
        [&](auto done) { c.updateCall(kCall, UpdateCallParams::runTwiml(twiml), &m_ctx, done); });
    QVERIFY2(moved.ok(), qPrintable(moved.error.message));
    QCOMPARE(*m_apiRequests.last().form(), FormFields({{QStringLiteral("Twiml"), twiml}}));
}

void TestTwilioCalls::recordingsListFetchAndDelete() {
    TwilioClient c = client();
    const auto list = *await<TwilioResult<TwilioRecordingPage>>(
        [&](auto done) { c.listCallRecordings(kCall, &m_ctx, done); });
    QVERIFY2(list.ok(), qPrintable(list.error.message));
    QCOMPARE(list.value.recordings.size(), 1);
    QCOMPARE(list.value.recordings[0].durationSeconds, 7);
    QCOMPARE(list.value.recordings[0].callSid, kCall);

    const auto one = *await<TwilioResult<TwilioRecording>>(
        [&](auto done) { c.fetchRecording(kRecording, &m_ctx, done); });
    QVERIFY2(one.ok(), qPrintable(one.error.message));
    QCOMPARE(one.value.sid, kRecording);

    const auto gone =
        *await<TwilioResult<bool>>([&](auto done) { c.deleteRecording(kRecording, &m_ctx, done); });
    QVERIFY2(gone.ok(), qPrintable(gone.error.message));
    QVERIFY(gone.value);
    QCOMPARE(m_apiRequests.last().method, QByteArray("DELETE"));
}

QTEST_GUILESS_MAIN(TestTwilioCalls)
#include "tst_twiliocalls.moc"
