#include "MediaFetcher.h"

#include "MediaRows.h"
#include "common/Logging.h"
#include "db/Store.h"
#include "db/StoreWorker.h"

#include <QDir>
#include <QMimeDatabase>
#include <QRegularExpression>
#include <QTimer>

namespace sb {

MediaFetcher::MediaFetcher(QNetworkAccessManager *nam, Store *store, MediaCredentials credentials,
                           QString dataDir, std::function<QDateTime()> clock, Options options,
                           QObject *parent)
    : QObject(parent)
    , m_nam(nam)
    , m_store(store)
    , m_credentials(std::move(credentials))
    , m_dataDir(std::move(dataDir))
    , m_clock(std::move(clock))
    , m_options(options) {}

QString MediaFetcher::extensionFor(const QString &contentType) {
    static const QRegularExpression safe(QStringLiteral("^[a-z0-9]{1,8}$"));
    const QString suffix =
        QMimeDatabase()
            .mimeTypeForName(contentType.section(QLatin1Char(';'), 0, 0).trimmed())
            .preferredSuffix()
            .toLower();
    return safe.match(suffix).hasMatch() ? suffix : QStringLiteral("bin");
}

QString MediaFetcher::relativePath(const QString &sha256, const QString &contentType) {
    return QStringLiteral("media/%1/%2.%3").arg(sha256.left(2), sha256, extensionFor(contentType));
}

QString MediaFetcher::displayName(const MediaRecord &media, const QString &contentType) {
    static const QRegularExpression named(
        QStringLiteral("^[\\w .,()+-]{1,80}\\.[A-Za-z0-9]{1,8}$"));
    const QString last = QUrl(media.url).fileName();
    if (named.match(last).hasMatch())
        return last;
    return QStringLiteral("attachment-%1.%2")
        .arg(media.position + 1)
        .arg(extensionFor(contentType));
}

int MediaFetcher::retryDelayMs(int failedAttempts) const {
    qint64 delay = m_options.firstRetryMs;
    for (int i = 1; i < failedAttempts && delay < m_options.maxRetryMs; ++i)
        delay *= 2;
    return int(std::min<qint64>(delay, m_options.maxRetryMs));
}

MediaFetcher::~MediaFetcher() {
    disconnect(m_rowsChanged);
}

void MediaFetcher::start() {
    // Looked at where the store announces (its object's thread): only this table's changes
    // wake the network thread, not every commit's (each wake-up preempted the GUI thread).
    const Receiver me(this);
    m_rowsChanged = connect(
        m_store, &Store::rowsChanged, m_store,
        [me, this](const QString &table, const QList<qint64> &ids, const QList<qint64> &) {
            if (table == QLatin1String(MediaRows::Table))
                me.post([this, ids] { onRowsChanged(ids); });
        },
        Qt::DirectConnection);
    m_store->run<QList<MediaRecord>>(
        this, [](StoreWorker &w, QString *error) { return MediaRows::unfinished(w, error); },
        [this](const StoreResult<QList<MediaRecord>> &rows) {
            if (!rows.ok()) {
                qCWarning(lcService).noquote()
                    << "media to download could not be read:" << rows.error;
                return;
            }
            if (!rows.value.isEmpty())
                qCInfo(lcService) << "resuming" << rows.value.size() << "media downloads";
            // A new run: what failed before is tried again, from the first delay.
            for (const MediaRecord &m : rows.value) {
                if (!m_busy.contains(m.id) && !m_waiting.contains(m.id))
                    enqueue({m, 0});
            }
        });
}

void MediaFetcher::onRowsChanged(const QList<qint64> &ids) {
    m_store->run<QList<MediaRecord>>(
        this, [ids](StoreWorker &w, QString *error) { return MediaRows::byIds(w, ids, error); },
        [this](const StoreResult<QList<MediaRecord>> &rows) {
            if (rows.ok())
                take(rows.value);
        });
}

void MediaFetcher::take(const QList<MediaRecord> &rows) {
    for (const MediaRecord &m : rows) {
        if (m.state != QLatin1String("pending") || m_busy.contains(m.id))
            continue;
        // Asked again while waiting for a retry: now, and as a new run.
        if (QTimer *timer = m_waiting.take(m.id))
            timer->deleteLater();
        enqueue({m, 0});
    }
}

void MediaFetcher::enqueue(const Job &job) {
    m_busy.insert(job.media.id);
    m_queue.append(job);
    pump();
}

void MediaFetcher::pump() {
    while (m_running < m_options.maxParallel && !m_queue.isEmpty()) {
        const Job job = m_queue.takeFirst();
        ++m_running;
        auto *download = new MediaDownload(m_nam, m_credentials, QUrl(job.media.url),
                                           QDir(m_dataDir).filePath(QStringLiteral("media/tmp")),
                                           m_options.maxBytes, m_options.timeoutMs, this);
        connect(download, &MediaDownload::finished, this,
                [this, download, job](const MediaDownload::Result &result) {
                    finished(download, job, result);
                });
        download->start();
    }
}

void MediaFetcher::finished(MediaDownload *download, Job job, const MediaDownload::Result &result) {
    --m_running;
    download->deleteLater();
    QMetaObject::invokeMethod(this, &MediaFetcher::pump, Qt::QueuedConnection);
    if (!result.ok)
        return failed(job, result.error);
    MediaRecord stored = job.media;
    // Twilio's webhook names the type; the answer's is the fallback.
    if (stored.contentType.isEmpty())
        stored.contentType = result.contentType;
    stored.sha256 = result.sha256;
    stored.size = result.size;
    stored.path = relativePath(result.sha256, stored.contentType);
    stored.fileName = displayName(stored, stored.contentType);
    stored.attempts = job.media.attempts + job.tries + 1;
    QString error;
    if (!download->storeAs(QDir(m_dataDir).filePath(stored.path), &error))
        return failed(job, error);
    m_store->run<MediaRecord>(
        this,
        [stored, now = m_clock()](StoreWorker &w, QString *error) {
            return MediaRows::markStored(w, stored, now, error);
        },
        [this, stored](const StoreResult<MediaRecord> &done) {
            m_busy.remove(stored.id);
            if (!done.ok()) {
                // The file is there; the row stays unfinished and the next run finds it.
                qCWarning(lcService).noquote()
                    << "media" << stored.id << "stored but not recorded:" << done.error;
                Q_EMIT attemptFinished(stored.id, QStringLiteral("failed"), done.error);
                return;
            }
            qCInfo(lcService).noquote() << "media" << stored.id << "of" << stored.messageSid
                                        << "stored," << stored.size << "bytes";
            Q_EMIT attemptFinished(stored.id, QStringLiteral("stored"), QString());
        });
}

void MediaFetcher::failed(Job job, const QString &reason) {
    ++job.tries;
    const bool retry = job.tries < m_options.maxAttempts;
    const int delay = retry ? retryDelayMs(job.tries) : 0;
    const QDateTime now = m_clock();
    const QString why =
        retry ? tr("%1; trying again in %2 s").arg(reason).arg(delay / 1000.0, 0, 'f', 1)
              : tr("%1; gave up after %n attempt(s)", nullptr, job.tries).arg(reason);
    qCInfo(lcService).noquote() << "media" << job.media.id << "of" << job.media.messageSid
                                << "not downloaded:" << why;
    const int attempts = job.media.attempts + job.tries;
    m_store->run<MediaRecord>(
        this,
        [id = job.media.id, why, attempts, retryAt = retry ? now.addMSecs(delay) : QDateTime(),
         now](StoreWorker &w, QString *error) {
            return MediaRows::markFailed(w, id, why, attempts, retryAt, now, error);
        },
        [this, job, retry, delay, why](const StoreResult<MediaRecord> &) {
            m_busy.remove(job.media.id);
            if (retry) {
                auto *timer = new QTimer(this);
                timer->setSingleShot(true);
                connect(timer, &QTimer::timeout, this, [this, job, timer] {
                    if (m_waiting.value(job.media.id) != timer)
                        return;
                    m_waiting.remove(job.media.id);
                    timer->deleteLater();
                    enqueue(job);
                });
                m_waiting.insert(job.media.id, timer);
                timer->start(delay);
            }
            Q_EMIT attemptFinished(job.media.id, QStringLiteral("failed"), why);
        });
}

} // namespace sb
