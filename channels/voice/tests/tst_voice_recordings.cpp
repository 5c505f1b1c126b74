#include "Await.h"
#include "FakeTwilioMedia.h"
#include "PgTestServer.h"
#include "ServiceFixture.h"
#include "TestSupport.h"
#include "db/Store.h"
#include "db/StoreWorker.h"
#include "providers/twilio/SignatureValidator.h"
#include "providers/twilio/TwilioClient.h"
#include "runtime/BuiltInChannels.h"
#include "runtime/SwitchboardService.h"
#include "voice/RecordingFeed.h"
#include "voice/RecordingFetcher.h"
#include "voice/VoiceCalls.h"
#include "voice/VoiceChannel.h"
#include "voice/VoiceRecordings.h"
#include "voice/VoiceRoutes.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace sb;
using sbtest::await;

namespace {

const QString Account = QStringLiteral("AC00000000000000000000000000000001");
const QString Token = QStringLiteral("recordings-test-token");

QString newSid(const char *prefix) {
    QString sid = QLatin1String(prefix);
    for (int i = 0; i < 32; ++i)
        sid += QLatin1Char("0123456789abcdef"[QRandomGenerator::global()->bounded(16)]);
    return sid;
}

QByteArray basicAuth() {
    return "Basic " + (Account + QLatin1Char(':') + Token).toUtf8().toBase64();
}

} // namespace

// Recordings on the console's side. The fetcher on its own against real loopback servers
// (download through TwilioClient, atomic file, state in the row, retry with back-off on 5xx,
// none on 4xx, a foreign host refused before any request, resume after a restart); then the
// whole headless product in live mode against the same stand-in as its API base: the signed
// recording-complete webhook stored once however often Twilio retries it, refused unsigned
// (403) or incomplete (400), answered 500 when the store cannot commit; the local API listing
// a call's recordings and serving exactly the downloaded bytes, 503/409/404 otherwise, and
// deleting one at Twilio and here.
class TestVoiceRecordings : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    // The fetcher.
    void downloadsThroughTwilioClientIntoTheDataFolder();
    void transientErrorsAreRetriedWithBackOff();
    void deletedWhileDownloadingLeavesNoFile();
    void clientErrorsAreNotRetried_data();
    void clientErrorsAreNotRetried();
    void retriesEndInFailed();
    void foreignHostIsRefusedWithoutARequest();
    void pendingDownloadsResumeAfterARestart();
    void aDatabaseAtTheFirstVoiceStepIsMigrated();

    // The product.
    void webhookStoresOnceDownloadsAndServesTheBytes();
    void recordingsAreNumberedInTheOrderRecorded();
    void unsignedRecordingCallbacksAreRefused_data();
    void unsignedRecordingCallbacksAreRefused();
    void incompleteCallbacksAre400_data();
    void incompleteCallbacksAre400();
    void storeFailureAnswers500AndTheRetryIsStored();
    void audioNotDownloadedYetIs503AndAbsentIs409();
    void deletingRemovesItAtTwilioAndHere();

private:
    struct Rig {
        QTemporaryDir dir;
        std::unique_ptr<Store> store;
        std::unique_ptr<QNetworkAccessManager> nam;
        std::unique_ptr<TwilioClient> twilio;
        std::unique_ptr<RecordingFetcher> fetcher;
    };
    // A store with the voice tables, a TwilioClient on the fake's base, and a fetcher.
    void makeRig(Rig &rig, RecordingFetcher::Options options, const QString &dbDir = {});
    RecordingRecord addRecording(Store *store, const QString &url, QString sid = {},
                                 const QString &callSid = {});
    // The row as stored; an empty one when there is none.
    RecordingRecord recording(Store *store, const QString &sid);
    // Waits for the fetcher (watched by `spy`, made before the fetch) to report `state` for
    // `sid`; its reason, "ok" when none, or empty after 10 s.
    static QString waitForAttempt(QSignalSpy &spy, const QString &sid, const QString &state);

    QUrl api(const QString &path) const;
    sbtest::Reply postSigned(const QString &path, const FormFields &fields);
    FormFields callback(const QString &callSid, const QString &recordingSid,
                        const QString &status = QStringLiteral("completed"),
                        const QString &start = {}) const;
    QJsonObject callStatus(const QString &callSid);
    // Polls call-status until the recording's audio is downloaded (or 10 s pass).
    QJsonObject waitUntilDownloaded(const QString &callSid, int n);

    FakeTwilioMedia m_media;
    QTemporaryDir m_dir;
    std::unique_ptr<SwitchboardService> m_service;
    sbtest::Http m_http;
    QObject m_ctx;
    const QByteArray m_auth = "Bearer recordings-token";
};

void TestVoiceRecordings::initTestCase() {
    QVERIFY(m_media.port() != 0);
    QProcessEnvironment env;
    env.insert(QStringLiteral("TWILIO_ACCOUNT_SID"), Account);
    env.insert(QStringLiteral("TWILIO_AUTH_TOKEN"), Token);
    env.insert(QStringLiteral("TWILIO_PHONE_NUMBER"), QStringLiteral("+15005550006"));
    env.insert(QStringLiteral("TWILIO_API_BASE_URL"), m_media.base());
    QString error;
    m_service =
        sbtest::startService(m_dir.path(), QStringLiteral("recordings-token"), env, {}, &error);
    QVERIFY2(m_service, qPrintable(error));
    QVERIFY(!m_service->isSandbox());
}

void TestVoiceRecordings::cleanupTestCase() {
    m_service.reset();
}

void TestVoiceRecordings::makeRig(Rig &rig, RecordingFetcher::Options options,
                                  const QString &dbDir) {
    const QString dir = dbDir.isEmpty() ? rig.dir.path() : dbDir;
    rig.store = sbtest::makeStore(dir + QStringLiteral("/db.sqlite"));
    rig.store->addSchema({VoiceChannel::Id, VoiceChannel().schema()});
    const auto opened = await<StoreResult<bool>>([&](auto done) { rig.store->open(&m_ctx, done); });
    QVERIFY(opened && opened->ok());
    rig.nam = std::make_unique<QNetworkAccessManager>();
    rig.twilio = std::make_unique<TwilioClient>(
        rig.nam.get(), TwilioCredentials{Account, Token, QUrl(m_media.base())});
    rig.fetcher = std::make_unique<RecordingFetcher>(
        rig.store.get(), rig.twilio.get(), dir + QStringLiteral("/recordings"),
        [] { return QDateTime::currentDateTimeUtc(); }, options);
}

RecordingRecord TestVoiceRecordings::addRecording(Store *store, const QString &url, QString sid,
                                                  const QString &callSid) {
    RecordingCallback c;
    c.recordingSid = sid.isEmpty() ? newSid("RE") : sid;
    c.callSid = callSid.isEmpty() ? newSid("CA") : callSid;
    c.recordingUrl = url.isEmpty() ? m_media.recordingUrl(Account, c.recordingSid) : url;
    c.status = QStringLiteral("completed");
    c.durationSeconds = 2;
    const auto added = await<StoreResult<VoiceRecordings::Added>>([&](auto done) {
        store->run<VoiceRecordings::Added>(
            &m_ctx,
            [c](StoreWorker &w, QString *error) {
                return VoiceRecordings::add(w, c, QDateTime::currentDateTimeUtc(), error);
            },
            done);
    });
    return added && added->ok() ? added->value.recording : RecordingRecord{};
}

RecordingRecord TestVoiceRecordings::recording(Store *store, const QString &sid) {
    const auto found = await<StoreResult<std::optional<RecordingRecord>>>([&](auto done) {
        store->run<std::optional<RecordingRecord>>(
            &m_ctx,
            [sid](StoreWorker &w, QString *error) { return VoiceRecordings::bySid(w, sid, error); },
            done);
    });
    if (!found || !found->ok() || !found->value)
        return {};
    return *found->value;
}

QString TestVoiceRecordings::waitForAttempt(QSignalSpy &spy, const QString &sid,
                                            const QString &state) {
    QElapsedTimer timer;
    timer.start();
    int seen = 0;
    while (timer.elapsed() < 10000) {
        for (; seen < spy.size(); ++seen) {
            if (spy.at(seen).at(0).toString() == sid && spy.at(seen).at(1).toString() == state)
                return spy.at(seen).at(2).toString().isEmpty() ? QStringLiteral("ok")
                                                               : spy.at(seen).at(2).toString();
        }
        spy.wait(50);
    }
    return {};
}

void TestVoiceRecordings::downloadsThroughTwilioClientIntoTheDataFolder() {
    Rig rig;
    makeRig(rig, {});
    QSignalSpy spy(rig.fetcher.get(), &RecordingFetcher::attemptFinished);
    QSignalSpy changed(RecordingFeed::of(rig.store.get()), &RecordingFeed::recordingsChanged);
    const RecordingRecord r = addRecording(rig.store.get(), {});
    QCOMPARE(r.downloadState, QStringLiteral("pending"));
    rig.fetcher->fetch(r);
    QVERIFY(!waitForAttempt(spy, r.sid, QStringLiteral("downloaded")).isEmpty());

    const QString path = rig.dir.filePath(QStringLiteral("recordings/%1.wav").arg(r.sid));
    QFile file(path);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
    QCOMPARE(file.readAll(), m_media.audio());
    // Written through QSaveFile: nothing but the final file is left in the folder.
    QCOMPARE(QDir(rig.dir.filePath(QStringLiteral("recordings"))).entryList(QDir::Files),
             QStringList{r.sid + QStringLiteral(".wav")});

    const auto row = recording(rig.store.get(), r.sid);
    QVERIFY(!row.sid.isEmpty());
    QCOMPARE(row.downloadState, QStringLiteral("downloaded"));
    QCOMPARE(row.audioPath, path);
    QCOMPARE(row.audioBytes, qint64(m_media.audio().size()));
    QCOMPARE(row.downloadAttempts, 1);
    // The audio's URL is RecordingUrl + .wav, asked once, with the account's credentials (the
    // configured API base may receive them).
    const auto seen = m_media.seen(r.sid);
    QCOMPARE(seen.size(), 1);
    QVERIFY(seen.first().path.endsWith(r.sid + QStringLiteral(".wav")));
    QCOMPARE(seen.first().authorization, basicAuth());
    // Announced after the commit, with the new state.
    QTRY_VERIFY(!changed.isEmpty());
    const auto announced = changed.last().at(0).value<QList<RecordingRecord>>();
    QCOMPARE(announced.size(), 1);
    QCOMPARE(announced.first().downloadState, QStringLiteral("downloaded"));
}

void TestVoiceRecordings::transientErrorsAreRetriedWithBackOff() {
    Rig rig;
    RecordingFetcher::Options options;
    options.firstRetryMs = 100;
    makeRig(rig, options);
    QSignalSpy spy(rig.fetcher.get(), &RecordingFetcher::attemptFinished);
    const QString sid = newSid("RE");
    m_media.script(sid, {503, 500, 429});
    const RecordingRecord r = addRecording(rig.store.get(), {}, sid);
    rig.fetcher->fetch(r);
    QVERIFY(!waitForAttempt(spy, sid, QStringLiteral("downloaded")).isEmpty());
    const auto seen = m_media.seen(sid);
    QCOMPARE(seen.size(), 4);
    // Each wait doubles: 100, 200, 400 ms (a coarse timer may fire up to 5% early, and late
    // under load: only the lower bound and the growth are checked).
    const qint64 gaps[] = {seen[1].atMs - seen[0].atMs, seen[2].atMs - seen[1].atMs,
                           seen[3].atMs - seen[2].atMs};
    QVERIFY2(gaps[0] >= 90 && gaps[1] >= 180 && gaps[2] >= 360,
             qPrintable(QStringLiteral("%1 %2 %3").arg(gaps[0]).arg(gaps[1]).arg(gaps[2])));
    const auto row = recording(rig.store.get(), sid);
    QCOMPARE(row.downloadState, QStringLiteral("downloaded"));
    QCOMPARE(row.downloadAttempts, 4);
    QCOMPARE(rig.fetcher->retryDelayMs(1), 100);
    QCOMPARE(rig.fetcher->retryDelayMs(3), 400);
}

void TestVoiceRecordings::deletedWhileDownloadingLeavesNoFile() {
    Rig rig;
    RecordingFetcher::Options options;
    options.firstRetryMs = 300;
    makeRig(rig, options);
    QSignalSpy spy(rig.fetcher.get(), &RecordingFetcher::attemptFinished);
    const QString sid = newSid("RE");
    m_media.script(sid, {503});
    const RecordingRecord r = addRecording(rig.store.get(), {}, sid);
    rig.fetcher->fetch(r);
    // The first attempt fails; while the retry waits, the recording is deleted (as DELETE
    // .../recordings/{n} does), and the retry's audio arrives for a row that is gone.
    QVERIFY(!waitForAttempt(spy, sid, QStringLiteral("pending")).isEmpty());
    const auto removed = await<StoreResult<bool>>([&](auto done) {
        rig.store->run<bool>(
            &m_ctx,
            [sid](StoreWorker &w, QString *error) -> std::optional<bool> {
                if (!VoiceRecordings::remove(w, sid, error))
                    return std::nullopt;
                return true;
            },
            done);
    });
    QVERIFY(removed && removed->ok());
    QCOMPARE(waitForAttempt(spy, sid, QStringLiteral("deleted")), QStringLiteral("ok"));
    QCOMPARE(m_media.seen(sid).size(), 2);
    QVERIFY(recording(rig.store.get(), sid).sid.isEmpty());
    QCOMPARE(QDir(rig.dir.filePath(QStringLiteral("recordings"))).entryList(QDir::Files),
             QStringList());
}

void TestVoiceRecordings::clientErrorsAreNotRetried_data() {
    QTest::addColumn<int>("status");
    QTest::newRow("404 not found") << 404;
    QTest::newRow("401 unauthorized") << 401;
    QTest::newRow("403 forbidden") << 403;
}

void TestVoiceRecordings::clientErrorsAreNotRetried() {
    QFETCH(int, status);
    Rig rig;
    RecordingFetcher::Options options;
    options.firstRetryMs = 50;
    makeRig(rig, options);
    QSignalSpy spy(rig.fetcher.get(), &RecordingFetcher::attemptFinished);
    const QString sid = newSid("RE");
    m_media.script(sid, {status, status, status});
    const RecordingRecord r = addRecording(rig.store.get(), {}, sid);
    rig.fetcher->fetch(r);
    const QString reason = waitForAttempt(spy, sid, QStringLiteral("failed"));
    QVERIFY(!reason.isEmpty());
    QTest::qWait(300); // several retry delays: none comes
    QCOMPARE(m_media.seen(sid).size(), 1);
    const auto row = recording(rig.store.get(), sid);
    QCOMPARE(row.downloadState, QStringLiteral("failed"));
    QVERIFY(!row.downloadError.isEmpty());
    QVERIFY2(!row.downloadError.contains(Token), "no secret in the reason");
}

void TestVoiceRecordings::retriesEndInFailed() {
    Rig rig;
    RecordingFetcher::Options options;
    options.firstRetryMs = 20;
    options.maxAttempts = 3;
    makeRig(rig, options);
    QSignalSpy spy(rig.fetcher.get(), &RecordingFetcher::attemptFinished);
    const QString sid = newSid("RE");
    m_media.script(sid, {502, 502, 502, 502, 502});
    rig.fetcher->fetch(addRecording(rig.store.get(), {}, sid));
    QVERIFY(!waitForAttempt(spy, sid, QStringLiteral("failed")).isEmpty());
    QCOMPARE(m_media.seen(sid).size(), 3);
    QCOMPARE(recording(rig.store.get(), sid).downloadState, QStringLiteral("failed"));
    QCOMPARE(recording(rig.store.get(), sid).downloadAttempts, 3);
}

void TestVoiceRecordings::foreignHostIsRefusedWithoutARequest() {
    Rig rig;
    makeRig(rig, {});
    QSignalSpy spy(rig.fetcher.get(), &RecordingFetcher::attemptFinished);
    FakeTwilioMedia elsewhere; // another port: neither Twilio nor the configured API base
    const QString sid = newSid("RE");
    const RecordingRecord r =
        addRecording(rig.store.get(), elsewhere.recordingUrl(Account, sid), sid);
    rig.fetcher->fetch(r);
    const QString reason = waitForAttempt(spy, sid, QStringLiteral("failed"));
    QVERIFY2(reason.contains(QStringLiteral("127.0.0.1:%1").arg(elsewhere.port())),
             qPrintable(reason));
    QTest::qWait(100);
    QCOMPARE(elsewhere.seen().size(), 0); // asked nothing, so sent nothing
    const auto row = recording(rig.store.get(), sid);
    QCOMPARE(row.downloadState, QStringLiteral("failed"));
    QCOMPARE(row.downloadError, reason);
    // The rule it applies is TwilioClient's own.
    QVERIFY(!TwilioClient::mayReceiveCredentials(QUrl(elsewhere.base()), QUrl(m_media.base())));
    QVERIFY(TwilioClient::mayReceiveCredentials(
        QUrl(QStringLiteral("https://api.twilio.com/2010-04-01/x")), QUrl(m_media.base())));
}

void TestVoiceRecordings::pendingDownloadsResumeAfterARestart() {
    QTemporaryDir dir;
    QString sid = newSid("RE");
    {
        // A run that stored the callback and stopped before downloading.
        Rig first;
        makeRig(first, {}, dir.path());
        QCOMPARE(addRecording(first.store.get(), {}, sid).downloadState, QStringLiteral("pending"));
    }
    Rig second;
    makeRig(second, {}, dir.path());
    QSignalSpy spy(second.fetcher.get(), &RecordingFetcher::attemptFinished);
    second.fetcher->resume();
    QVERIFY(!waitForAttempt(spy, sid, QStringLiteral("downloaded")).isEmpty());
    QFile file(dir.filePath(QStringLiteral("recordings/%1.wav").arg(sid)));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), m_media.audio());
    QCOMPARE(recording(second.store.get(), sid).downloadState, QStringLiteral("downloaded"));
}

void TestVoiceRecordings::aDatabaseAtTheFirstVoiceStepIsMigrated() {
    // Databases already applied voice step 1 (with voice_recordings): step 2 adds its columns
    // without touching what is there.
    if (qEnvironmentVariable("SWITCHBOARD_TEST_STORE") == QLatin1String("postgres"))
        QSKIP("a SQLite file from an older version; team mode's databases began at this one");
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("db.sqlite"));
    const QString sid = newSid("RE");
    {
        Store old(path);
        old.addSchema({QStringLiteral("voice"), {VoiceCalls::schema().first()}});
        const auto opened = await<StoreResult<bool>>([&](auto done) { old.open(&m_ctx, done); });
        QVERIFY(opened && opened->ok());
        const auto inserted = await<StoreResult<bool>>([&](auto done) {
            old.run<bool>(
                &m_ctx,
                [sid](StoreWorker &w, QString *error) -> std::optional<bool> {
                    QSqlQuery q(w.database());
                    q.prepare(QStringLiteral("INSERT INTO voice_recordings (sid, call_sid, "
                                             "media_url, duration, status, created_at) VALUES "
                                             "(?, 'CA1', 'https://api.twilio.com/x', 7, "
                                             "'completed', 1)"));
                    q.addBindValue(sid);
                    if (!q.exec()) {
                        *error = q.lastError().text();
                        return std::nullopt;
                    }
                    return true;
                },
                done);
        });
        QVERIFY(inserted && inserted->ok());
    }
    Rig rig;
    makeRig(rig, {}, dir.path());
    const RecordingRecord row = recording(rig.store.get(), sid);
    QCOMPARE(row.sid, sid);
    QCOMPARE(row.durationSeconds, 7);
    QCOMPARE(row.downloadState, QStringLiteral("pending")); // never downloaded: it will be
    QCOMPARE(row.downloadAttempts, 0);
}

QUrl TestVoiceRecordings::api(const QString &path) const {
    return QUrl(
        QStringLiteral("http://127.0.0.1:%1/api/v1/twilio/%2").arg(m_service->port()).arg(path));
}

sbtest::Reply TestVoiceRecordings::postSigned(const QString &path, const FormFields &fields) {
    const QString url = m_service->publicUrl().toString() + path;
    return m_http.postForm(
        QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_service->port()).arg(path)), fields,
        {{"X-Twilio-Signature", SignatureValidator::sign(Token.toUtf8(), url, fields)}});
}

FormFields TestVoiceRecordings::callback(const QString &callSid, const QString &recordingSid,
                                         const QString &status, const QString &start) const {
    FormFields f{{QStringLiteral("AccountSid"), Account},
                 {QStringLiteral("CallSid"), callSid},
                 {QStringLiteral("RecordingSid"), recordingSid},
                 {QStringLiteral("RecordingUrl"), m_media.recordingUrl(Account, recordingSid)},
                 {QStringLiteral("RecordingStatus"), status},
                 {QStringLiteral("RecordingDuration"), QStringLiteral("2")},
                 {QStringLiteral("RecordingChannels"), QStringLiteral("1")},
                 {QStringLiteral("RecordingSource"), QStringLiteral("RecordVerb")},
                 {QStringLiteral("ErrorCode"), QStringLiteral("0")}};
    if (!start.isEmpty())
        f.append({QStringLiteral("RecordingStartTime"), start});
    return f;
}

QJsonObject TestVoiceRecordings::callStatus(const QString &callSid) {
    return m_http.get(api(VoiceRoutes::callStatusOf(callSid)), {{"Authorization", m_auth}}).json();
}

QJsonObject TestVoiceRecordings::waitUntilDownloaded(const QString &callSid, int n) {
    QJsonObject last;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 10000) {
        last =
            callStatus(callSid).value(QLatin1String("recordings")).toArray().at(n - 1).toObject();
        if (last.value(QLatin1String("downloaded")).toBool())
            break;
        QTest::qWait(20);
    }
    return last;
}

void TestVoiceRecordings::webhookStoresOnceDownloadsAndServesTheBytes() {
    const QString callSid = newSid("CA"); // a call the console has never seen
    const QString sid = newSid("RE");
    QSignalSpy arrived(RecordingFeed::of(m_service->store()), &RecordingFeed::recordingsArrived);
    // Twilio retries: the same callback three times.
    for (int i = 0; i < 3; ++i) {
        const sbtest::Reply r =
            postSigned(VoiceRoutes::recordingComplete(), callback(callSid, sid));
        QVERIFY2(r.status == 200, r.body.constData());
    }
    const QJsonObject rec = waitUntilDownloaded(callSid, 1);
    QCOMPARE(rec.value(QLatin1String("sid")).toString(), sid);
    QCOMPARE(rec.value(QLatin1String("downloaded")).toBool(), true);
    QCOMPARE(rec.value(QLatin1String("duration")).toInt(), 2);
    QCOMPARE(rec.value(QLatin1String("status")).toString(), QStringLiteral("completed"));
    const QJsonObject call = callStatus(callSid);
    QCOMPARE(call.value(QLatin1String("recordings")).toArray().size(), 1); // stored once
    QCOMPARE(m_media.seen(sid).size(), 1);                                 // fetched once
    QCOMPARE(m_media.seen(sid).first().authorization, basicAuth());
    QTRY_COMPARE(arrived.size(), 1); // the agent is told once
    QCOMPARE(arrived.first().at(0).value<QList<RecordingRecord>>().first().sid, sid);

    // Served from the data folder, byte for byte what was downloaded, by n and by SID.
    const QString file =
        VoiceChannel::recordingsFolder(m_service->config()) + QStringLiteral("/%1.wav").arg(sid);
    QFile stored(file);
    QVERIFY2(stored.open(QIODevice::ReadOnly), qPrintable(file));
    const QByteArray onDisk = stored.readAll();
    QCOMPARE(onDisk, m_media.audio());
    const QString url = rec.value(QLatin1String("url")).toString();
    QCOMPARE(url, QStringLiteral("/api/v1/twilio/") + VoiceRoutes::recordingOf(callSid, "1"));
    for (const QString &n : {QStringLiteral("1"), sid}) {
        const sbtest::Reply audio =
            m_http.get(api(VoiceRoutes::recordingOf(callSid, n)), {{"Authorization", m_auth}});
        QCOMPARE(audio.status, 200);
        QCOMPARE(audio.header("Content-Type"), QByteArray("audio/wav"));
        QCOMPARE(audio.body, onDisk);
    }
    // No such recording: 404 with a JSON error saying what there is.
    for (const QString &n : {QStringLiteral("2"), QStringLiteral("0"), newSid("RE")}) {
        const sbtest::Reply missing =
            m_http.get(api(VoiceRoutes::recordingOf(callSid, n)), {{"Authorization", m_auth}});
        QCOMPARE(missing.status, 404);
        QVERIFY(!missing.json()
                     .value(QLatin1String("error"))
                     .toObject()
                     .value(QLatin1String("message"))
                     .toString()
                     .isEmpty());
    }
    QCOMPARE(
        m_http.get(api(VoiceRoutes::recordingOf(newSid("CA"), "1")), {{"Authorization", m_auth}})
            .status,
        404);
    // The local API wants its token for audio too.
    QCOMPARE(m_http.get(api(VoiceRoutes::recordingOf(callSid, "1"))).status, 401);
}

void TestVoiceRecordings::recordingsAreNumberedInTheOrderRecorded() {
    const QString callSid = newSid("CA");
    const QString later = newSid("RE");
    const QString earlier = newSid("RE");
    // The later one's callback arrives first.
    QCOMPARE(postSigned(VoiceRoutes::recordingComplete(),
                        callback(callSid, later, QStringLiteral("completed"),
                                 QStringLiteral("Wed, 25 Nov 2026 11:05:00 +0000")))
                 .status,
             200);
    QCOMPARE(postSigned(VoiceRoutes::recordingComplete(),
                        callback(callSid, earlier, QStringLiteral("completed"),
                                 QStringLiteral("Wed, 25 Nov 2026 11:00:00 +0000")))
                 .status,
             200);
    waitUntilDownloaded(callSid, 1);
    waitUntilDownloaded(callSid, 2);
    const QJsonArray list = callStatus(callSid).value(QLatin1String("recordings")).toArray();
    QCOMPARE(list.size(), 2);
    QCOMPARE(list.at(0).toObject().value(QLatin1String("sid")).toString(), earlier);
    QCOMPARE(list.at(1).toObject().value(QLatin1String("sid")).toString(), later);
    QCOMPARE(list.at(1).toObject().value(QLatin1String("n")).toInt(), 2);
}

void TestVoiceRecordings::unsignedRecordingCallbacksAreRefused_data() {
    QTest::addColumn<QByteArray>("signature");
    QTest::newRow("no signature") << QByteArray();
    QTest::newRow("wrong signature") << QByteArray("bm90IGEgc2lnbmF0dXJl");
}

void TestVoiceRecordings::unsignedRecordingCallbacksAreRefused() {
    QFETCH(QByteArray, signature);
    const QString callSid = newSid("CA");
    QList<QPair<QByteArray, QByteArray>> headers;
    if (!signature.isEmpty())
        headers.append({"X-Twilio-Signature", signature});
    const sbtest::Reply r = m_http.postForm(QUrl(QStringLiteral("http://127.0.0.1:%1%2")
                                                     .arg(m_service->port())
                                                     .arg(VoiceRoutes::recordingComplete())),
                                            callback(callSid, newSid("RE")), headers);
    QCOMPARE(r.status, 403);
    QCOMPARE(
        m_http.get(api(VoiceRoutes::callStatusOf(callSid)), {{"Authorization", m_auth}}).status,
        404); // nothing stored, not even the call
}

void TestVoiceRecordings::incompleteCallbacksAre400_data() {
    QTest::addColumn<QString>("drop");
    QTest::addColumn<QString>("recordingSid");
    QTest::newRow("no RecordingSid") << QStringLiteral("RecordingSid") << newSid("RE");
    QTest::newRow("no CallSid") << QStringLiteral("CallSid") << newSid("RE");
    QTest::newRow("a path for a RecordingSid") << QString() << QStringLiteral("../../etc/x");
}

void TestVoiceRecordings::incompleteCallbacksAre400() {
    QFETCH(QString, drop);
    QFETCH(QString, recordingSid);
    const QString callSid = newSid("CA");
    FormFields fields;
    for (const auto &f : callback(callSid, recordingSid)) {
        if (f.first != drop)
            fields.append(f);
    }
    const sbtest::Reply r = postSigned(VoiceRoutes::recordingComplete(), fields);
    QCOMPARE(r.status, 400);
    QVERIFY(!r.json()
                 .value(QLatin1String("error"))
                 .toObject()
                 .value(QLatin1String("message"))
                 .toString()
                 .isEmpty());
    QCOMPARE(
        m_http.get(api(VoiceRoutes::callStatusOf(callSid)), {{"Authorization", m_auth}}).status,
        404);
}

void TestVoiceRecordings::storeFailureAnswers500AndTheRetryIsStored() {
    Store *store = m_service->store();
    auto inject = [&](StoreFault fault) {
        await<bool>([&](auto done) { store->injectFault(fault, &m_ctx, [done] { done(true); }); });
    };
    const QString callSid = newSid("CA");
    const QString sid = newSid("RE");
    QSignalSpy arrived(RecordingFeed::of(store), &RecordingFeed::recordingsArrived);
    inject(StoreFault::CommitFails);
    QCOMPARE(postSigned(VoiceRoutes::recordingComplete(), callback(callSid, sid)).status, 500);
    inject(StoreFault::None);
    QTest::qWait(100);
    QCOMPARE(arrived.size(), 0); // nothing kept, nothing announced
    QCOMPARE(
        m_http.get(api(VoiceRoutes::callStatusOf(callSid)), {{"Authorization", m_auth}}).status,
        404);
    QCOMPARE(postSigned(VoiceRoutes::recordingComplete(), callback(callSid, sid)).status, 200);
    QCOMPARE(waitUntilDownloaded(callSid, 1).value(QLatin1String("sid")).toString(), sid);
    QTRY_COMPARE(arrived.size(), 1);
}

void TestVoiceRecordings::audioNotDownloadedYetIs503AndAbsentIs409() {
    const QString callSid = newSid("CA");
    const QString slow = newSid("RE");
    m_media.script(slow, {503}); // the product retries after 2 s: until then, not downloaded
    QCOMPARE(postSigned(VoiceRoutes::recordingComplete(), callback(callSid, slow)).status, 200);
    QTRY_COMPARE(m_media.seen(slow).size(), 1);
    const sbtest::Reply pending =
        m_http.get(api(VoiceRoutes::recordingOf(callSid, "1")), {{"Authorization", m_auth}});
    QCOMPARE(pending.status, 503);
    QCOMPARE(pending.header("Retry-After"), QByteArray("5"));
    QVERIFY(!pending.json().value(QLatin1String("error")).toObject().isEmpty());
    QCOMPARE(callStatus(callSid)
                 .value(QLatin1String("recordings"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QLatin1String("downloaded"))
                 .toBool(true),
             false);
    // Then the retry succeeds by itself.
    QCOMPARE(waitUntilDownloaded(callSid, 1).value(QLatin1String("downloaded")).toBool(), true);
    QCOMPARE(m_media.seen(slow).size(), 2);

    // A recording Twilio has no audio for is stored, never fetched, and says so.
    const QString absent = newSid("RE");
    QCOMPARE(postSigned(VoiceRoutes::recordingComplete(),
                        callback(callSid, absent, QStringLiteral("absent")))
                 .status,
             200);
    const sbtest::Reply none =
        m_http.get(api(VoiceRoutes::recordingOf(callSid, absent)), {{"Authorization", m_auth}});
    QCOMPARE(none.status, 409);
    QVERIFY(none.json()
                .value(QLatin1String("error"))
                .toObject()
                .value(QLatin1String("message"))
                .toString()
                .contains(QStringLiteral("absent")));
    QCOMPARE(m_media.seen(absent).size(), 0);
}

void TestVoiceRecordings::deletingRemovesItAtTwilioAndHere() {
    const QString callSid = newSid("CA");
    const QString sid = newSid("RE");
    QCOMPARE(postSigned(VoiceRoutes::recordingComplete(), callback(callSid, sid)).status, 200);
    waitUntilDownloaded(callSid, 1);
    const QString file =
        VoiceChannel::recordingsFolder(m_service->config()) + QStringLiteral("/%1.wav").arg(sid);
    QVERIFY(QFile::exists(file));
    QSignalSpy changed(RecordingFeed::of(m_service->store()), &RecordingFeed::recordingsChanged);

    // Twilio refuses first: nothing is removed here.
    m_media.script(sid, {500});
    const sbtest::Reply refused = m_http.request(
        "DELETE", api(VoiceRoutes::recordingOf(callSid, "1")), {}, {{"Authorization", m_auth}});
    QVERIFY2(refused.status >= 500, refused.body.constData());
    QVERIFY(QFile::exists(file));
    QCOMPARE(callStatus(callSid).value(QLatin1String("recordings")).toArray().size(), 1);

    const sbtest::Reply deleted = m_http.request(
        "DELETE", api(VoiceRoutes::recordingOf(callSid, "1")), {}, {{"Authorization", m_auth}});
    QCOMPARE(deleted.status, 204);
    const auto seen = m_media.seen(sid);
    QCOMPARE(seen.last().method, QByteArray("DELETE"));
    QCOMPARE(seen.last().authorization, basicAuth());
    QVERIFY(!QFile::exists(file));
    QCOMPARE(callStatus(callSid).value(QLatin1String("recordings")).toArray().size(), 0);
    QCOMPARE(
        m_http.get(api(VoiceRoutes::recordingOf(callSid, "1")), {{"Authorization", m_auth}}).status,
        404);
    QTRY_VERIFY(!changed.isEmpty());
    QCOMPARE(changed.last().at(0).value<QList<RecordingRecord>>().first().downloadState,
             QStringLiteral("deleted"));
}

QTEST_GUILESS_MAIN(TestVoiceRecordings)
#include "tst_voice_recordings.moc"
