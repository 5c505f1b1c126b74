#include "Await.h"
#include "FakeMediaHost.h"
#include "PgTestServer.h"
#include "db/Store.h"
#include "db/StoreWorker.h"
#include "media/MediaFetcher.h"
#include "media/MediaRows.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace sb;
using sbtest::await;

// The media downloader against real servers on loopback, with a real SQLite store in a
// temporary folder: where the account's credentials go (the API base, never a stranger, never
// across a redirect), what a failed or oversized download leaves on the message, and that a
// retry then succeeds. The rows are stored the way the webhooks store them (the message and
// its media in one job).
class TestMediaFetcher : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void apiBaseGetsCredentialsAndTheFileIsStoredByHash();
    void foreignHostNeverGetsCredentials();
    void redirectToAnotherHostIsFollowedWithoutCredentials();
    void failedDownloadSaysWhyThenARetrySucceeds_data();
    void failedDownloadSaysWhyThenARetrySucceeds();
    void restartTakesUpWhatWasLeft();
    void sameContentIsStoredOnce();

private:
    void makeFetcher(MediaFetcher::Options options = fastOptions());
    static MediaFetcher::Options fastOptions();
    // Stores an inbound message with these media URLs (as the webhook does); returns its SID.
    QString receive(const QList<InboundMedia> &media);
    QList<MediaRecord> mediaOf(const QString &sid);
    // Waits until every media row of `sid` is in `state`.
    bool waitFor(const QString &sid, const QString &state, int timeoutMs = 10000);
    QByteArray basic() const;
    QString apiPath(const QString &me) const {
        return QStringLiteral("/2010-04-01/Accounts/%1/Messages/MM1/Media/%2").arg(m_sid, me);
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<MediaFetcher> m_fetcher;
    std::unique_ptr<FakeMediaHost> m_api;     // the configured API base
    std::unique_ptr<FakeMediaHost> m_foreign; // any other host
    QObject m_ctx;
    const QString m_sid = QStringLiteral("AC") + QString(32, QLatin1Char('a'));
    const QString m_token = QStringLiteral("media-secret-token-123");
    int m_next = 0;
};

MediaFetcher::Options TestMediaFetcher::fastOptions() {
    MediaFetcher::Options o;
    o.firstRetryMs = 100;
    o.maxRetryMs = 400;
    o.timeoutMs = 5000;
    return o;
}

void TestMediaFetcher::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    m_store = sbtest::makeStore(m_dir->filePath(QStringLiteral("switchboard.sqlite")));
    m_store->addSchema(MediaRows::schema());
    const auto opened = await<StoreResult<bool>>([&](auto done) { m_store->open(&m_ctx, done); });
    QVERIFY(opened && opened->ok());
    m_nam = std::make_unique<QNetworkAccessManager>();
    m_api = std::make_unique<FakeMediaHost>();
    m_foreign = std::make_unique<FakeMediaHost>();
    QVERIFY(m_api->port() && m_foreign->port());
}

void TestMediaFetcher::cleanup() {
    m_fetcher.reset();
    m_store.reset();
    m_nam.reset();
    m_api.reset();
    m_foreign.reset();
    m_dir.reset();
}

void TestMediaFetcher::makeFetcher(MediaFetcher::Options options) {
    m_fetcher = std::make_unique<MediaFetcher>(
        m_nam.get(), m_store.get(), MediaCredentials{m_sid, m_token, QUrl(m_api->base())},
        m_dir->path(), [] { return QDateTime::currentDateTimeUtc(); }, options);
    m_fetcher->start();
}

QByteArray TestMediaFetcher::basic() const {
    return "Basic " + (m_sid + QLatin1Char(':') + m_token).toUtf8().toBase64();
}

QString TestMediaFetcher::receive(const QList<InboundMedia> &media) {
    InboundMessage message;
    message.sid = QStringLiteral("MM%1").arg(++m_next, 32, 10, QLatin1Char('0'));
    message.from = QStringLiteral("+14155550100");
    message.to = QStringLiteral("+15005550006");
    message.body = QStringLiteral("see attached");
    message.media = media;
    const auto stored = await<StoreResult<bool>>([&](auto done) {
        m_store->run<bool>(
            &m_ctx,
            [message](StoreWorker &w, QString *error) -> std::optional<bool> {
                if (!w.addInboundMessage(message, error) ||
                    !MediaRows::addInbound(w, message, QDateTime::currentDateTimeUtc(), error))
                    return std::nullopt;
                return true;
            },
            done);
    });
    return stored && stored->ok() ? message.sid : QString();
}

QList<MediaRecord> TestMediaFetcher::mediaOf(const QString &sid) {
    const auto rows = await<StoreResult<QList<MediaRecord>>>([&](auto done) {
        m_store->run<QList<MediaRecord>>(
            &m_ctx,
            [sid](StoreWorker &w, QString *error) {
                return MediaRows::forMessageSid(w, sid, error);
            },
            done);
    });
    return rows && rows->ok() ? rows->value : QList<MediaRecord>();
}

bool TestMediaFetcher::waitFor(const QString &sid, const QString &state, int timeoutMs) {
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        const QList<MediaRecord> rows = mediaOf(sid);
        if (!rows.isEmpty() && std::all_of(rows.cbegin(), rows.cend(),
                                           [&](const MediaRecord &m) { return m.state == state; }))
            return true;
        QTest::qWait(20);
    }
    return false;
}

void TestMediaFetcher::apiBaseGetsCredentialsAndTheFileIsStoredByHash() {
    const QByteArray bytes = "\x89PNG not really, but bytes all the same";
    m_api->serve(apiPath(QStringLiteral("ME1")), {200, "image/png", bytes, {}});
    makeFetcher();
    const QString sid = receive({{m_api->base() + apiPath(QStringLiteral("ME1")), "image/png"}});
    QVERIFY(!sid.isEmpty());
    QVERIFY(waitFor(sid, QStringLiteral("stored")));
    const QList<FakeMediaHost::Seen> seen = m_api->seen();
    QCOMPARE(seen.size(), 1);
    QCOMPARE(seen.first().authorization, basic());

    const MediaRecord m = mediaOf(sid).first();
    const QString sha =
        QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    QCOMPARE(m.sha256, sha);
    QCOMPARE(m.size, bytes.size());
    QCOMPARE(m.path, QStringLiteral("media/%1/%2.png").arg(sha.left(2), sha));
    QFile file(m_dir->filePath(m.path));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), bytes);
    QVERIFY(m.error.isEmpty());
    // No temporary file is left behind.
    QCOMPARE(QDir(m_dir->filePath(QStringLiteral("media/tmp"))).entryList(QDir::Files).size(), 0);
}

void TestMediaFetcher::foreignHostNeverGetsCredentials() {
    // "localhost" on another port: not the API base (127.0.0.1 and its own port), not Twilio.
    m_foreign->serve(QStringLiteral("/evil.png"), {200, "image/png", "evil bytes", {}});
    makeFetcher();
    const QString sid =
        receive({{m_foreign->base(QStringLiteral("localhost")) + QStringLiteral("/evil.png"),
                  "image/png"}});
    QVERIFY(waitFor(sid, QStringLiteral("stored")));
    const QList<FakeMediaHost::Seen> seen = m_foreign->seen();
    QCOMPARE(seen.size(), 1);
    QVERIFY2(seen.first().authorization.isEmpty(),
             "an Authorization header reached a host that is not the API base");
}

void TestMediaFetcher::redirectToAnotherHostIsFollowedWithoutCredentials() {
    // Twilio's media URLs answer with a redirect to a storage host.
    const QString storage =
        m_foreign->base(QStringLiteral("localhost")) + QStringLiteral("/bucket/abc");
    m_api->serve(apiPath(QStringLiteral("ME2")), {307, {}, {}, storage.toUtf8()});
    m_foreign->serve(QStringLiteral("/bucket/abc"), {200, "image/jpeg", "jpeg bytes", {}});
    makeFetcher();
    const QString sid = receive({{m_api->base() + apiPath(QStringLiteral("ME2")), "image/jpeg"}});
    QVERIFY(waitFor(sid, QStringLiteral("stored")));
    QCOMPARE(m_api->seen().size(), 1);
    QCOMPARE(m_api->seen().first().authorization, basic());
    QCOMPARE(m_foreign->seen().size(), 1);
    QVERIFY2(m_foreign->seen().first().authorization.isEmpty(),
             "an Authorization header reached a host that is not the API base");
    QCOMPARE(mediaOf(sid).first().path.section(QLatin1Char('.'), -1), QStringLiteral("jpg"));
}

void TestMediaFetcher::failedDownloadSaysWhyThenARetrySucceeds_data() {
    QTest::addColumn<int>("status");
    QTest::addColumn<qint64>("size");
    QTest::addColumn<QString>("reason");
    QTest::newRow("not found (404)") << 404 << qint64(10) << QStringLiteral("HTTP 404");
    QTest::newRow("server error (500)") << 500 << qint64(10) << QStringLiteral("HTTP 500");
    QTest::newRow("over 20 MB") << 200 << MediaFetcher::MaxBytes + 1
                                << QStringLiteral("more than the 20971520 accepted");
}

void TestMediaFetcher::failedDownloadSaysWhyThenARetrySucceeds() {
    QFETCH(int, status);
    QFETCH(qint64, size);
    QFETCH(QString, reason);
    const QByteArray good = "the real picture";
    const QString path = apiPath(QStringLiteral("ME3"));
    // First the failure, then (from the second request on) the file.
    m_api->script(path,
                  {{status, "image/png", QByteArray(size, 'x'), {}}, {200, "image/png", good, {}}});
    MediaFetcher::Options options = fastOptions();
    options.firstRetryMs = 600; // long enough to see the failed state between the attempts
    makeFetcher(options);
    QSignalSpy attempts(m_fetcher.get(), &MediaFetcher::attemptFinished);
    const QString sid = receive({{m_api->base() + path, "image/png"}});
    QVERIFY(attempts.wait(10000));
    QCOMPARE(attempts.first().at(1).toString(), QStringLiteral("failed"));
    // The message stays, its media failed with the reason (and no secret).
    const MediaRecord failed = mediaOf(sid).first();
    QCOMPARE(failed.state, QStringLiteral("failed"));
    QVERIFY2(failed.error.contains(reason), qPrintable(failed.error));
    QVERIFY(!failed.error.contains(m_token));
    QCOMPARE(failed.attempts, 1);
    QVERIFY(failed.nextAttemptAt.isValid());
    // The retry, with back-off, gets the file.
    QVERIFY(waitFor(sid, QStringLiteral("stored")));
    const MediaRecord stored = mediaOf(sid).first();
    QCOMPARE(stored.size, good.size());
    QCOMPARE(stored.attempts, 2);
    QVERIFY(stored.error.isEmpty());
    QCOMPARE(QDir(m_dir->filePath(QStringLiteral("media/tmp"))).entryList(QDir::Files).size(), 0);
}

void TestMediaFetcher::restartTakesUpWhatWasLeft() {
    // Stored while no downloader runs (the console was closed): the next start fetches it.
    m_api->serve(apiPath(QStringLiteral("ME4")), {200, "audio/wav", "RIFF....WAVE", {}});
    const QString sid = receive({{m_api->base() + apiPath(QStringLiteral("ME4")), "audio/wav"}});
    QTest::qWait(100);
    QCOMPARE(mediaOf(sid).first().state, QStringLiteral("pending"));
    makeFetcher();
    QVERIFY(waitFor(sid, QStringLiteral("stored")));
}

void TestMediaFetcher::sameContentIsStoredOnce() {
    const QByteArray same = "one picture, sent three times";
    m_api->serve(apiPath(QStringLiteral("ME5")), {200, "image/png", same, {}});
    m_api->serve(apiPath(QStringLiteral("ME6")), {200, "image/png", same, {}});
    makeFetcher();
    const QString first = receive({{m_api->base() + apiPath(QStringLiteral("ME5")), "image/png"},
                                   {m_api->base() + apiPath(QStringLiteral("ME6")), "image/png"}});
    const QString second = receive({{m_api->base() + apiPath(QStringLiteral("ME5")), "image/png"}});
    QVERIFY(waitFor(first, QStringLiteral("stored")));
    QVERIFY(waitFor(second, QStringLiteral("stored")));
    QList<MediaRecord> all = mediaOf(first) + mediaOf(second);
    QCOMPARE(all.size(), 3);
    for (const MediaRecord &m : all)
        QCOMPARE(m.path, all.first().path);
    int files = 0;
    for (QDirIterator it(m_dir->filePath(QStringLiteral("media")), QDir::Files,
                         QDirIterator::Subdirectories);
         it.hasNext(); it.next())
        ++files;
    QCOMPARE(files, 1);
}

QTEST_MAIN(TestMediaFetcher)
#include "tst_media_fetcher.moc"
