#include "Await.h"
#include "TestSupport.h"
#include "providers/twilio/TwilioClient.h"
#include "providers/twilio/Twiml.h"
#include "providers/twilio/TwimlBuilder.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QtTest>

using namespace sb;
using sbtest::await;

// Every call and recording request TwilioClient makes, checked by Prism against Twilio's
// official OpenAPI description (../shared/openapi/twilio_api_v2010.json): a request that does
// not match the spec gets 422 from Prism, so "no 422" means the spec accepts it. The answers
// are the spec's own examples, so the parsed fields are checked against those.
class TestTwilioCallsPrism : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void createCall_data();
    void createCall();
    void fetchCall();
    void listCalls();
    void fetchCallsPage();
    void updateCall_data();
    void updateCall();
    void listCallRecordings();
    void fetchRecording();
    void deleteRecording();
    void invalidUpdateStatusIsRefusedByTheMock();
    void malformedRecordingSidIsRefusedByTheMock();

private:
    template <typename T> void expectAccepted(const TwilioResult<T> &result);

    sbtest::Child m_prism;
    QNetworkAccessManager m_nam;
    std::unique_ptr<TwilioClient> m_client;
    QUrl m_base;
    QObject m_ctx;
};

namespace {

const QString kAccount = QStringLiteral("AC0123456789abcdef0123456789abcdef");
const QString kCall = QStringLiteral("CA0123456789abcdef0123456789abcdef");
const QString kRecording = QStringLiteral("RE0123456789abcdef0123456789abcdef");

QString menuTwiml() {
    TwimlBuilder b;
    b.add(Twiml::gather({.input = QStringLiteral("dtmf"),
                         .numDigits = 1,
                         .action = QStringLiteral("https://abc.ngrok.app/twilio/gather-response")},
                        {Twiml::say(QStringLiteral("Press 1 for sales & 2 for support."))}));
    return QString::fromUtf8(b.build().xml);
}

} // namespace

void TestTwilioCallsPrism::initTestCase() {
    SB_REQUIRE_SHARED("/openapi/twilio_api_v2010.json");
    SB_REQUIRE_PRISM_INSTALLED();
    QVERIFY(sbtest::startPrism(
        m_prism, sbtest::sharedDir() + QStringLiteral("/openapi/twilio_api_v2010.json"), &m_base));
    // Prism takes several seconds to load the 1.9 MB spec: wait for the port, not a fixed time.
    QVERIFY2(m_prism.waitForHttp(m_base, 90000), m_prism.output().right(2000).constData());
    m_client = std::make_unique<TwilioClient>(
        &m_nam, TwilioCredentials{kAccount, QStringLiteral("token"), m_base});
}

template <typename T> void TestTwilioCallsPrism::expectAccepted(const TwilioResult<T> &result) {
    QVERIFY2(result.error.httpStatus != 422, qPrintable(result.error.message));
    QVERIFY2(
        result.ok(),
        qPrintable(
            QStringLiteral("HTTP %1: %2").arg(result.error.httpStatus).arg(result.error.message)));
}

void TestTwilioCallsPrism::createCall_data() {
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("twiml");
    QTest::addColumn<bool>("record");
    QTest::addColumn<QString>("machineDetection");
    QTest::addColumn<bool>("statusEvents");
    QTest::addColumn<bool>("recordingEvents");
    QTest::newRow("Url") << "https://abc.ngrok.app/twilio/voice-response"
                         << "" << false << "" << false << false;
    QTest::newRow("Twiml from the builder, recorded, the recording posted back")
        << "" << menuTwiml() << true << "" << false << false;
    QTest::newRow("Url with a query, answering-machine detection")
        << "https://abc.ngrok.app/twilio/voice-response?menu=2&x=%C3%A9"
        << "" << false << "DetectMessageEnd" << false << false;
    QTest::newRow("Url, every status event") << "https://abc.ngrok.app/twilio/voice-response"
                                             << "" << false << "Enable" << true << false;
    QTest::newRow("Url, recorded, the recording posted back as CallPlacer asks")
        << "https://abc.ngrok.app/twilio/voice-response"
        << "" << true << "" << false << false;
    QTest::newRow("Url, recorded, every recording event")
        << "https://abc.ngrok.app/twilio/voice-response"
        << "" << true << "" << false << true;
}

void TestTwilioCallsPrism::createCall() {
    QFETCH(QString, url);
    QFETCH(QString, twiml);
    QFETCH(bool, record);
    QFETCH(QString, machineDetection);
    QFETCH(bool, statusEvents);
    QFETCH(bool, recordingEvents);
    CreateCallParams p;
    p.to = QStringLiteral("+14155550100");
    p.from = QStringLiteral("+15005550006");
    p.url = url;
    p.twiml = twiml;
    p.statusCallback = QStringLiteral("https://abc.ngrok.app/twilio/call-status");
    if (statusEvents)
        p.statusCallbackEvents = {QStringLiteral("initiated"), QStringLiteral("ringing"),
                                  QStringLiteral("answered"), QStringLiteral("completed")};
    p.statusCallbackMethod = QStringLiteral("POST");
    p.record = record;
    if (record) {
        // As CallPlacer sends a recorded call: where its recording goes once ready.
        p.recordingStatusCallback =
            QStringLiteral("https://abc.ngrok.app/twilio/recording-complete");
        p.recordingStatusCallbackMethod = QStringLiteral("POST");
    }
    if (recordingEvents)
        p.recordingStatusCallbackEvents = {QStringLiteral("in-progress"),
                                           QStringLiteral("completed"), QStringLiteral("absent")};
    p.machineDetection = machineDetection;
    p.timeoutSeconds = 25;
    const auto r =
        *await<TwilioResult<TwilioCall>>([&](auto done) { m_client->createCall(p, &m_ctx, done); });
    if (statusEvents || recordingEvents) {
        // Twilio takes one StatusCallbackEvent (and RecordingStatusCallbackEvent) field per
        // event, as its helper libraries send them (tst_twiliocalls checks the client does).
        // Prism 5 keeps only the last of repeated form keys and then wants an array
        // (stoplightio/prism#2473, open; a single key fails the same way), so it cannot judge
        // this request; an unexpected pass here means Prism learnt to.
        QEXPECT_FAIL("", "Prism 5 reads repeated form keys as one value (prism#2473)", Abort);
        QVERIFY(r.error.httpStatus != 422);
    }
    expectAccepted(r);
    // The spec's "create" example.
    QCOMPARE(r.value.sid, QStringLiteral("CAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"));
    QCOMPARE(r.value.accountSid, QStringLiteral("ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"));
    QCOMPARE(r.value.from, QStringLiteral("+14158675308"));
    QCOMPARE(r.value.durationSeconds, 15);
    QCOMPARE(r.value.dateCreated, QDateTime(QDate(2010, 8, 31), QTime(20, 36, 28), Qt::UTC));
}

void TestTwilioCallsPrism::fetchCall() {
    const auto r = *await<TwilioResult<TwilioCall>>(
        [&](auto done) { m_client->fetchCall(kCall, &m_ctx, done); });
    expectAccepted(r);
    // The spec's "fetch" example.
    QCOMPARE(r.value.status, QStringLiteral("completed"));
    QCOMPARE(r.value.direction, QStringLiteral("outbound-api"));
    QCOMPARE(r.value.answeredBy, QStringLiteral("machine_start"));
    QCOMPARE(r.value.durationSeconds, 4);
    QCOMPARE(r.value.price, QStringLiteral("-0.200"));
    QCOMPARE(r.value.priceUnit, QStringLiteral("USD"));
    QCOMPARE(r.value.parentCallSid, QStringLiteral("CAdeadbeefdeadbeefdeadbeefdeadbeef"));
    QCOMPARE(r.value.startTime, QDateTime(QDate(2019, 10, 18), QTime(17, 2), Qt::UTC));
    QCOMPARE(r.value.endTime, QDateTime(QDate(2019, 10, 18), QTime(17, 3), Qt::UTC));
}

void TestTwilioCallsPrism::listCalls() {
    ListCallsFilter filter;
    filter.to = QStringLiteral("+14155550100");
    filter.from = QStringLiteral("+15005550006");
    filter.status = QStringLiteral("in-progress");
    filter.pageSize = 20;
    const auto r = *await<TwilioResult<TwilioCallPage>>(
        [&](auto done) { m_client->listCalls(filter, &m_ctx, done); });
    expectAccepted(r);
    QVERIFY(!r.value.calls.isEmpty());
    QCOMPARE(r.value.calls[0].sid, QStringLiteral("CAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"));
    QCOMPARE(r.value.calls[0].from, QStringLiteral("+13051416799"));
}

void TestTwilioCallsPrism::fetchCallsPage() {
    // A next_page_uri as Twilio writes them.
    const auto r = *await<TwilioResult<TwilioCallPage>>([&](auto done) {
        m_client->fetchCallsPage(QStringLiteral("/2010-04-01/Accounts/") + kAccount +
                                     QStringLiteral("/Calls.json?Status=completed&PageSize=20&"
                                                    "Page=1&PageToken=PACAaaaaaaaaaaaa"),
                                 &m_ctx, done);
    });
    expectAccepted(r);
    QVERIFY(!r.value.calls.isEmpty());
}

void TestTwilioCallsPrism::updateCall_data() {
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("twiml");
    QTest::newRow("hang up") << "completed"
                             << ""
                             << "";
    QTest::newRow("cancel while ringing") << "canceled"
                                          << ""
                                          << "";
    QTest::newRow("redirect to a URL") << ""
                                       << "https://abc.ngrok.app/twilio/voice-response"
                                       << "";
    QTest::newRow("redirect to TwiML") << ""
                                       << "" << menuTwiml();
}

void TestTwilioCallsPrism::updateCall() {
    QFETCH(QString, status);
    QFETCH(QString, url);
    QFETCH(QString, twiml);
    UpdateCallParams p;
    p.status = status;
    p.url = url;
    p.twiml = twiml;
    const auto r = *await<TwilioResult<TwilioCall>>(
        [&](auto done) { m_client->updateCall(kCall, p, &m_ctx, done); });
    expectAccepted(r);
    QCOMPARE(r.value.sid, QStringLiteral("CAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"));
}

void TestTwilioCallsPrism::listCallRecordings() {
    const auto r = *await<TwilioResult<TwilioRecordingPage>>(
        [&](auto done) { m_client->listCallRecordings(kCall, &m_ctx, done, 20); });
    expectAccepted(r);
    QCOMPARE(r.value.recordings.size(), 1);
    const TwilioRecording &rec = r.value.recordings[0];
    QCOMPARE(rec.sid, QStringLiteral("REaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"));
    QCOMPARE(rec.callSid, QStringLiteral("CAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"));
    QCOMPARE(rec.durationSeconds, 4);
    QCOMPARE(rec.channels, 2);
    QCOMPARE(rec.status, QStringLiteral("completed"));
    QCOMPARE(rec.source, QStringLiteral("StartCallRecordingAPI"));
    QVERIFY(r.value.nextPageUri.isEmpty());
}

void TestTwilioCallsPrism::fetchRecording() {
    const auto r = *await<TwilioResult<TwilioRecording>>(
        [&](auto done) { m_client->fetchRecording(kRecording, &m_ctx, done); });
    expectAccepted(r);
    QCOMPARE(r.value.conferenceSid, QStringLiteral("CFaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"));
    QCOMPARE(r.value.price, QStringLiteral("-0.00250"));
    QCOMPARE(r.value.mediaUrl, QStringLiteral("http://api.twilio.com/2010-04-01/Accounts/"
                                              "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Recordings/"
                                              "REaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"));
    // Such a media URL (Twilio's host) is one the credentials may go to, once made https.
    QVERIFY(!TwilioClient::mayReceiveCredentials(QUrl(r.value.mediaUrl), m_base));
    QUrl secure(r.value.mediaUrl);
    secure.setScheme(QStringLiteral("https"));
    QVERIFY(TwilioClient::mayReceiveCredentials(secure, m_base));
}

void TestTwilioCallsPrism::deleteRecording() {
    const auto r = *await<TwilioResult<bool>>(
        [&](auto done) { m_client->deleteRecording(kRecording, &m_ctx, done); });
    expectAccepted(r);
    QVERIFY(r.value);
}

void TestTwilioCallsPrism::invalidUpdateStatusIsRefusedByTheMock() {
    // Proves the mock validates the update's form: Status may only be canceled or completed.
    UpdateCallParams p;
    p.status = QStringLiteral("in-progress");
    const auto r = *await<TwilioResult<TwilioCall>>(
        [&](auto done) { m_client->updateCall(kCall, p, &m_ctx, done); });
    QVERIFY(!r.ok());
    QCOMPARE(r.error.httpStatus, 422);
}

void TestTwilioCallsPrism::malformedRecordingSidIsRefusedByTheMock() {
    // Proves the mock checks the path: a recording SID is RE + 32 hex.
    const auto r = *await<TwilioResult<bool>>(
        [&](auto done) { m_client->deleteRecording(QStringLiteral("RE123"), &m_ctx, done); });
    QVERIFY(!r.ok());
    QCOMPARE(r.error.httpStatus, 422);
}

QTEST_GUILESS_MAIN(TestTwilioCallsPrism)
#include "tst_twiliocalls_prism.moc"
