#pragma once

#include "MediaDownload.h"
#include "MediaRecord.h"

#include <QDateTime>
#include <QHash>
#include <QObject>

#include <functional>

class QNetworkAccessManager;
class QTimer;

namespace sb {

class Store;

// Downloads every inbound message's media in the background, on the network thread: each row
// of message_media that is pending (a webhook just stored it, or the agent asked again), and
// at start() everything an earlier run left unfinished. Each file is stored once by its
// content: <data>/media/<first two hex digits>/<sha256>.<ext> (the same picture sent twice is
// one file; both rows name it). A failed or oversized download marks the row failed with the
// reason and is tried again with doubling delays, up to maxAttempts per run; a new run (a
// restart, or the agent's Retry, MediaRows::requeue) tries again. Where credentials go: see
// MediaDownload. Call start() on its thread once the store is open.
class MediaFetcher : public QObject {
    Q_OBJECT
public:
    struct Options {
        int firstRetryMs = 2000;        // the first retry's delay; doubled each time after
        int maxRetryMs = 5 * 60 * 1000; // the longest delay between two attempts
        int maxAttempts = 6;            // per run; then failed until a restart or a Retry
        qint64 maxBytes = MaxBytes;
        int maxParallel = 3;       // downloads at once; the rest wait their turn
        int timeoutMs = 60 * 1000; // a transfer silent this long is given up (and retried)
    };
    // Twilio accepts at most 5 MB for MMS and 16 MB for WhatsApp: anything larger is not a
    // customer's media, and a hostile URL cannot fill the disk.
    static constexpr qint64 MaxBytes = 20ll << 20;

    MediaFetcher(QNetworkAccessManager *nam, Store *store, MediaCredentials credentials,
                 QString dataDir, std::function<QDateTime()> clock, Options options,
                 QObject *parent = nullptr);

    ~MediaFetcher() override;

    void start();

    // "media/ab/abcdef….png": where a file with this hash and type is stored, relative to the
    // data folder.
    static QString relativePath(const QString &sha256, const QString &contentType);
    static QString extensionFor(const QString &contentType); // "png"; "bin" when unknown
    // A name for the agent: the URL's own file name when it has an extension, else
    // attachment-<position + 1>.<ext>.
    static QString displayName(const MediaRecord &media, const QString &contentType);
    int retryDelayMs(int failedAttempts) const; // after the n-th failure of a run, n >= 1

Q_SIGNALS:
    // Each attempt's end, for logs and tests: "stored" or "failed" (with the reason).
    void attemptFinished(qint64 mediaId, const QString &state, const QString &reason);

private:
    struct Job {
        MediaRecord media;
        int tries = 0; // failed attempts in this run
    };
    void onRowsChanged(const QList<qint64> &ids);
    QMetaObject::Connection m_rowsChanged;
    void take(const QList<MediaRecord> &rows);
    void enqueue(const Job &job);
    void pump();
    void finished(MediaDownload *download, Job job, const MediaDownload::Result &result);
    void failed(Job job, const QString &reason);

    QNetworkAccessManager *m_nam;
    Store *m_store;
    MediaCredentials m_credentials;
    QString m_dataDir;
    std::function<QDateTime()> m_clock;
    Options m_options;
    QList<Job> m_queue;
    QHash<qint64, QTimer *> m_waiting; // failed, retry timer running
    QSet<qint64> m_busy;               // queued or downloading
    int m_running = 0;
};

} // namespace sb
