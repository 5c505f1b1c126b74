#pragma once

#include "RecordingRecord.h"

#include <QDateTime>
#include <QObject>
#include <QSet>
#include <QUrl>

#include <functional>

namespace sb {

class RecordingFeed;
class Store;
class TwilioClient;
struct TwilioError;

// Downloads each recording's audio (its RecordingUrl + ".wav") through TwilioClient into
// <folder>/<RecordingSid>.wav, written atomically (QSaveFile: a crash never leaves half a file
// under the final name), and keeps its state in the recording's row: pending -> downloaded, or
// failed with the reason. Transient failures (no answer, 5xx, 429) are retried with doubling
// delays; a 4xx is not (asking again gets the same answer). A RecordingUrl that is neither on
// Twilio's hosts nor on the configured API base is refused before any request: the callback
// names it, and nothing from the account must go there. Lives on the network thread, next to
// the TwilioClient it uses; call fetch()/resume() there (QMetaObject::invokeMethod).
class RecordingFetcher : public QObject {
    Q_OBJECT
public:
    struct Options {
        int firstRetryMs = 2000;        // the first retry's delay; doubled each time after
        int maxRetryMs = 5 * 60 * 1000; // the longest delay between two attempts
        int maxAttempts = 8;            // per run; then "failed" until asked again
        // Larger audio is refused: the download is held in memory whole. Twilio's WAV is
        // 16 kB a second, so this is more than four hours.
        qint64 maxBytes = 256ll << 20;
    };

    // Made on the store's thread (see RecordingFeed::of), then moved to the network thread.
    RecordingFetcher(Store *store, TwilioClient *twilio, QString folder,
                     std::function<QDateTime()> clock, Options options, QObject *parent = nullptr);

    QString folder() const { return m_folder; }
    // Starts downloading it unless it has no audio to fetch or is being fetched already.
    void fetch(const RecordingRecord &recording);
    // Fetches every recording still pending (what an earlier run left unfinished).
    void resume();

    static QUrl audioUrl(const QString &recordingUrl);
    static bool isTransient(const TwilioError &error);
    int retryDelayMs(int failedAttempts) const; // after the n-th failure, n >= 1

Q_SIGNALS:
    // Each attempt's end, for logs and tests: state is "downloaded", "pending" (retry
    // scheduled), "failed", or "deleted" (the row went while the audio was on the way; the
    // file written is removed).
    void attemptFinished(const QString &sid, const QString &state, const QString &reason);

private:
    void attempt(const RecordingRecord &recording, int tries);
    void succeeded(const RecordingRecord &recording, int tries, const QByteArray &audio);
    void failed(const RecordingRecord &recording, int tries, bool transient, const QString &reason);
    bool mayFetch(const QUrl &url) const;

    Store *m_store;
    RecordingFeed *m_feed;
    TwilioClient *m_twilio;
    QString m_folder;
    std::function<QDateTime()> m_clock;
    Options m_options;
    QSet<QString> m_active; // being fetched or waiting for a retry
};

} // namespace sb
