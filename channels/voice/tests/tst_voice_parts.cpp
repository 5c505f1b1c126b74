#include "Await.h"
#include "PgTestServer.h"
#include "db/Store.h"
#include "db/StoreWorker.h"
#include "providers/twilio/TwilioResources.h"
#include "voice/CallStatuses.h"
#include "voice/VoiceCalls.h"
#include "voice/VoiceChannel.h"
#include "voice/VoiceRoutes.h"
#include "voice/VoiceWebhooks.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

using namespace sb;
using sbtest::await;

// The voice channel's parts on their own: its status model, reading a status callback, the
// greeting TwiML, and its tables on a real SQLite file (a callback committed before the
// create answer is merged into the call, never a second row).
class TestVoiceParts : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void statuses_data();
    void statuses();
    void unknownStatusHasNoRank();
    void statusUpdateIsRead();
    void statusUpdateRefusals_data();
    void statusUpdateRefusals();
    void greetingIsTwimlThatHangsUp();
    void channelDescribesItself();
    void callbackBeforeCreateAnswerIsMerged();
    void sameClientRefFindsTheCall();

private:
    template <typename T>
    StoreResult<T> run(std::function<std::optional<T>(StoreWorker &, QString *)> job) {
        const auto r =
            await<StoreResult<T>>([&](auto done) { m_store->run<T>(&m_ctx, job, done); });
        return r ? *r : StoreResult<T>{T{}, QStringLiteral("timed out")};
    }

    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;
    QObject m_ctx;
};

void TestVoiceParts::initTestCase() {
    m_store = sbtest::makeStore(m_dir.filePath(QStringLiteral("voice.sqlite")));
    m_store->addSchema({VoiceChannel::Id, VoiceChannel().schema()});
    const auto opened = await<StoreResult<bool>>([&](auto done) { m_store->open(&m_ctx, done); });
    QVERIFY(opened && opened->ok());
}

void TestVoiceParts::statuses_data() {
    QTest::addColumn<QString>("status");
    QTest::addColumn<int>("rank");
    QTest::addColumn<bool>("final");
    QTest::addColumn<int>("tone");
    QTest::newRow("queued") << "queued" << 1 << false << int(StatusTone::Progress);
    QTest::newRow("initiated") << "initiated" << 2 << false << int(StatusTone::Progress);
    QTest::newRow("ringing") << "ringing" << 3 << false << int(StatusTone::Sent);
    QTest::newRow("in-progress") << "in-progress" << 4 << false << int(StatusTone::Success);
    QTest::newRow("completed") << "completed" << 5 << true << int(StatusTone::Success);
    QTest::newRow("busy") << "busy" << 5 << true << int(StatusTone::Failure);
    QTest::newRow("no-answer") << "no-answer" << 5 << true << int(StatusTone::Failure);
    QTest::newRow("failed") << "failed" << 5 << true << int(StatusTone::Failure);
    QTest::newRow("canceled") << "canceled" << 5 << true << int(StatusTone::Failure);
}

void TestVoiceParts::statuses() {
    QFETCH(QString, status);
    QFETCH(int, rank);
    QFETCH(bool, final);
    QFETCH(int, tone);
    const StatusInfo info = CallStatuses::instance().info(status);
    QCOMPARE(info.rank, rank);
    QCOMPARE(info.final, final);
    QCOMPARE(int(info.tone), tone);
    QVERIFY(!info.label.isEmpty());
    QVERIFY(!info.label.contains(QLatin1Char('-'))); // "in progress", "no answer"
    QVERIFY(info.meaning.endsWith(QLatin1Char('.')));
    QVERIFY(CallStatuses::all().contains(status));
}

void TestVoiceParts::unknownStatusHasNoRank() {
    QCOMPARE(CallStatuses::instance().info(QStringLiteral("delivered")).rank, 0);
    QVERIFY(
        !CallStatuses::instance().isKnown(QStringLiteral("answered"))); // an event, not a status
    QCOMPARE(CallStatuses::all().size(), 9);
}

void TestVoiceParts::statusUpdateIsRead() {
    HttpRequest request;
    request.body = FormEncoding::encode(
        {{QStringLiteral("CallSid"), QStringLiteral("CA123")},
         {QStringLiteral("CallStatus"), QStringLiteral("completed")},
         {QStringLiteral("From"), QStringLiteral("+15005550006")},
         {QStringLiteral("To"), QStringLiteral("+14155550100")},
         {QStringLiteral("Direction"), QStringLiteral("outbound-api")},
         {QStringLiteral("CallDuration"), QStringLiteral("17")},
         {QStringLiteral("SequenceNumber"), QStringLiteral("3")},
         {QStringLiteral("AnsweredBy"), QStringLiteral("human")},
         {QStringLiteral("Timestamp"), QStringLiteral("Wed, 25 Nov 2026 11:00:00 +0000")}});
    QString error;
    const std::optional<CallStatusUpdate> u = VoiceWebhooks::statusUpdate(request, &error);
    QVERIFY2(u, qPrintable(error));
    QCOMPARE(u->callSid, QStringLiteral("CA123"));
    QCOMPARE(u->status, QStringLiteral("completed"));
    QCOMPARE(u->durationSeconds, 17);
    QCOMPARE(u->sequence, 3);
    QCOMPARE(u->answeredBy, QStringLiteral("human"));
    QCOMPARE(u->timestamp, QDateTime(QDate(2026, 11, 25), QTime(11, 0), Qt::UTC));
}

void TestVoiceParts::statusUpdateRefusals_data() {
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("no CallSid") << QByteArray("CallStatus=ringing");
    QTest::newRow("no CallStatus") << QByteArray("CallSid=CA1");
    QTest::newRow("a message's status") << QByteArray("CallSid=CA1&CallStatus=delivered");
    QTest::newRow("not a form") << QByteArray("CallSid=CA1&CallStatus=%zz");
}

void TestVoiceParts::statusUpdateRefusals() {
    QFETCH(QByteArray, body);
    HttpRequest request;
    request.body = body;
    QString error;
    QVERIFY(!VoiceWebhooks::statusUpdate(request, &error));
    QVERIFY(!error.isEmpty());
}

void TestVoiceParts::greetingIsTwimlThatHangsUp() {
    QXmlStreamReader xml(VoiceWebhooks::greeting());
    QStringList elements;
    while (!xml.atEnd()) {
        if (xml.readNext() == QXmlStreamReader::StartElement)
            elements.append(xml.name().toString());
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QCOMPARE(elements, (QStringList{"Response", "Say", "Hangup"}));
}

void TestVoiceParts::channelDescribesItself() {
    const auto voice = makeVoiceChannel();
    QCOMPARE(voice->id(), QStringLiteral("voice"));
    QCOMPARE(&voice->statuses(), &CallStatuses::instance());
    QStringList paths;
    for (const WebhookEndpoint &hook : voice->webhooks()) {
        paths.append(hook.path);
        QVERIFY(!hook.purpose.isEmpty());
    }
    QCOMPARE(paths, (QStringList{VoiceRoutes::voiceResponse(), VoiceRoutes::callStatus(),
                                 VoiceRoutes::recordingComplete()}));
}

void TestVoiceParts::callbackBeforeCreateAnswerIsMerged() {
    const QDateTime now = QDateTime::currentDateTimeUtc();
    CallRequest request{QStringLiteral("ref-merge"),
                        QStringLiteral("+15005550006"),
                        QStringLiteral("+14155550100"),
                        QStringLiteral("https://example.com/t"),
                        false,
                        {}};
    const auto requested = run<VoiceCalls::Requested>(
        [&](StoreWorker &w, QString *e) { return VoiceCalls::request(w, request, now, e); });
    QVERIFY2(requested.ok(), qPrintable(requested.error));
    QCOMPARE(requested.value.call.requestState, QStringLiteral("requesting"));

    // Twilio's "ringing" is committed before the create answer is.
    CallStatusUpdate ringing;
    ringing.callSid = QStringLiteral("CAmerge");
    ringing.status = QStringLiteral("ringing");
    const auto applied = run<bool>([&](StoreWorker &w, QString *e) -> std::optional<bool> {
        if (!VoiceCalls::applyStatus(w, ringing, now, e))
            return std::nullopt;
        return true;
    });
    QVERIFY(applied.ok());

    TwilioCall answer;
    answer.sid = QStringLiteral("CAmerge");
    answer.status = QStringLiteral("queued");
    const auto created = run<CallRecord>([&](StoreWorker &w, QString *e) {
        return VoiceCalls::created(w, requested.value.call.id, answer, now, e);
    });
    QVERIFY2(created.ok(), qPrintable(created.error));
    QCOMPARE(created.value.status, QStringLiteral("ringing")); // not back to queued
    QCOMPARE(created.value.clientRef, QStringLiteral("ref-merge"));
    QCOMPARE(created.value.to, QStringLiteral("+14155550100"));
    QStringList history;
    for (const CallEvent &e : created.value.history)
        history.append(e.status);
    QCOMPARE(history, (QStringList{"queued", "ringing"}));

    const auto rows = run<int>([](StoreWorker &w, QString *) -> std::optional<int> {
        QSqlQuery q(w.database());
        q.exec(QStringLiteral("SELECT count(*) FROM voice_calls WHERE sid = 'CAmerge'"));
        return q.next() ? q.value(0).toInt() : -1;
    });
    QCOMPARE(rows.value, 1);
}

void TestVoiceParts::sameClientRefFindsTheCall() {
    const QDateTime now = QDateTime::currentDateTimeUtc();
    CallRequest request{QStringLiteral("ref-twice"),
                        QStringLiteral("+15005550006"),
                        QStringLiteral("+14155550101"),
                        QStringLiteral("https://example.com/t"),
                        false,
                        {}};
    auto ask = [&] {
        return run<VoiceCalls::Requested>(
            [&](StoreWorker &w, QString *e) { return VoiceCalls::request(w, request, now, e); });
    };
    const auto first = ask();
    const auto second = ask();
    QVERIFY(first.ok() && second.ok());
    QVERIFY(!first.value.existed);
    QVERIFY(second.value.existed);
    QCOMPARE(second.value.call.id, first.value.call.id);
    QCOMPARE(second.value.call.requestState, QStringLiteral("requesting")); // outcome unknown
}

QTEST_GUILESS_MAIN(TestVoiceParts)
#include "tst_voice_parts.moc"
