#include "RecordingFetcher.h"

#include "RecordingFeed.h"
#include "VoiceLogging.h"
#include "VoiceRecordings.h"
#include "db/Store.h"
#include "db/StoreWorker.h"
#include "providers/twilio/TwilioClient.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QTimer>

namespace sb {

RecordingFetcher::RecordingFetcher(Store *store, TwilioClient *twilio, QString folder,
                                   std::function<QDateTime()> clock, Options options,
                                   QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_feed(RecordingFeed::of(store))
    , m_twilio(twilio)
    , m_folder(std::move(folder))
    , m_clock(std::move(clock))
    , m_options(options) {}

QUrl RecordingFetcher::audioUrl(const QString &recordingUrl) {
    // Twilio's RecordingUrl names the recording without an extension; ".wav" asks for the
    // uncompressed audio every platform plays. One that already names a format is kept.
    if (recordingUrl.endsWith(QLatin1String(".wav"), Qt::CaseInsensitive) ||
        recordingUrl.endsWith(QLatin1String(".mp3"), Qt::CaseInsensitive))
        return QUrl(recordingUrl);
    return QUrl(recordingUrl + QStringLiteral(".wav"));
}

bool RecordingFetcher::isTransient(const TwilioError &error) {
    return error.kind == TwilioError::Kind::Network || error.httpStatus >= 500 ||
           error.isRateLimited();
}

int RecordingFetcher::retryDelayMs(int failedAttempts) const {
    qint64 delay = m_options.firstRetryMs;
    for (int i = 1; i < failedAttempts && delay < m_options.maxRetryMs; ++i)
        delay *= 2;
    return int(std::min<qint64>(delay, m_options.maxRetryMs));
}

bool RecordingFetcher::mayFetch(const QUrl &url) const {
    const QUrl apiBase = m_twilio->credentials().apiBase;
    QUrl resolved = apiBase.resolved(url);
    // TwilioClient asks Twilio's own hosts over https even when the URL says http.
    const QString host = resolved.host().toLower();
    if (resolved.scheme() == QLatin1String("http") &&
        (host == QLatin1String("twilio.com") || host.endsWith(QLatin1String(".twilio.com"))))
        resolved.setScheme(QStringLiteral("https"));
    return TwilioClient::mayReceiveCredentials(resolved, apiBase);
}

void RecordingFetcher::resume() {
    m_store->run<QList<RecordingRecord>>(
        this, [](StoreWorker &w, QString *error) { return VoiceRecordings::pending(w, error); },
        [this](const StoreResult<QList<RecordingRecord>> &pending) {
            if (!pending.ok()) {
                qCWarning(lcVoice).noquote()
                    << "pending recordings could not be read:" << pending.error;
                return;
            }
            if (!pending.value.isEmpty())
                qCInfo(lcVoice) << "resuming" << pending.value.size() << "recording downloads";
            for (const RecordingRecord &r : pending.value)
                fetch(r);
        });
}

void RecordingFetcher::fetch(const RecordingRecord &recording) {
    if (recording.downloadState != QLatin1String("pending") || m_active.contains(recording.sid))
        return;
    m_active.insert(recording.sid);
    // The row as it is now: the record given may be older than a download just committed
    // (a callback Twilio repeated while the first was being fetched).
    m_store->run<std::optional<RecordingRecord>>(
        this,
        [sid = recording.sid](StoreWorker &w, QString *error) {
            return VoiceRecordings::bySid(w, sid, error);
        },
        [this, sid = recording.sid](const StoreResult<std::optional<RecordingRecord>> &now) {
            if (!now.ok() || !now.value || now.value->downloadState != QLatin1String("pending")) {
                m_active.remove(sid);
                return;
            }
            attempt(*now.value, 0);
        });
}

void RecordingFetcher::attempt(const RecordingRecord &recording, int tries) {
    const QUrl url = audioUrl(recording.mediaUrl);
    if (!VoiceRecordings::isValidSid(recording.sid))
        return failed(recording, tries, false,
                      tr("'%1' is not a recording SID").arg(recording.sid));
    if (!mayFetch(url)) {
        // Host and port only: a URL's user-info is nobody's business in a log or the row.
        const QString where =
            url.port() < 0 ? url.host() : QStringLiteral("%1:%2").arg(url.host()).arg(url.port());
        return failed(recording, tries, false,
                      tr("its RecordingUrl is on %1, which is neither Twilio's nor the "
                         "configured API base: not fetched, so the account's credentials go "
                         "nowhere else")
                          .arg(where.isEmpty() ? tr("no host") : where));
    }
    ++tries;
    m_twilio->downloadRecording(
        url, this, [this, recording, tries](const TwilioResult<TwilioRecordingAudio> &result) {
            if (!result.ok())
                return failed(recording, tries, isTransient(result.error),
                              result.error.explanation());
            if (result.value.data.size() > m_options.maxBytes)
                return failed(recording, tries, false,
                              tr("its audio is %1 bytes, more than the %2 accepted")
                                  .arg(result.value.data.size())
                                  .arg(m_options.maxBytes));
            succeeded(recording, tries, result.value.data);
        });
}

void RecordingFetcher::succeeded(const RecordingRecord &recording, int tries,
                                 const QByteArray &audio) {
    // Written here, on the network thread: a few MB at most, never on the GUI thread.
    const QString path = QDir(m_folder).filePath(recording.sid + QStringLiteral(".wav"));
    QSaveFile file(path);
    if (!QDir().mkpath(m_folder) || !file.open(QIODevice::WriteOnly) ||
        file.write(audio) != audio.size() || !file.commit())
        // A full disk may have room later: worth trying again.
        return failed(recording, tries, true,
                      tr("cannot write %1: %2").arg(path, file.errorString()));
    const int attempts = recording.downloadAttempts + tries;
    const qint64 bytes = audio.size();
    m_store->run<RecordingRecord>(
        this,
        [feed = m_feed, sid = recording.sid, path, bytes, attempts,
         now = m_clock()](StoreWorker &w, QString *error) -> std::optional<RecordingRecord> {
            auto stored = VoiceRecordings::downloaded(w, sid, path, bytes, attempts, now, error);
            if (stored && !stored->sid.isEmpty())
                feed->afterCommit(
                    w, [r = *stored](RecordingFeed *feed) { Q_EMIT feed->recordingsChanged({r}); });
            return stored;
        },
        [this, sid = recording.sid, path](const StoreResult<RecordingRecord> &stored) {
            m_active.remove(sid);
            if (stored.ok() && stored.value.sid.isEmpty()) {
                // Deleted while its audio was on the way: keep no orphan file of it.
                if (!QFile::remove(path))
                    qCWarning(lcVoice).noquote()
                        << "recording" << sid << "was deleted; its file stays:" << path;
                Q_EMIT attemptFinished(sid, QStringLiteral("deleted"), QString());
                return;
            }
            if (!stored.ok()) {
                // The file is there; the row says pending: the next start-up fetches again.
                qCWarning(lcVoice).noquote()
                    << "recording" << sid << "downloaded but not recorded:" << stored.error;
                Q_EMIT attemptFinished(sid, QStringLiteral("pending"), stored.error);
                return;
            }
            qCInfo(lcVoice).noquote()
                << "recording" << sid << "downloaded," << stored.value.audioBytes << "bytes";
            Q_EMIT attemptFinished(sid, QStringLiteral("downloaded"), QString());
        });
}

void RecordingFetcher::failed(const RecordingRecord &recording, int tries, bool transient,
                              const QString &reason) {
    const bool retry = transient && tries < m_options.maxAttempts;
    const int delay = retry ? retryDelayMs(tries) : 0;
    const QString why = retry ? tr("attempt %1 failed (%2); trying again in %3 s")
                                    .arg(tries)
                                    .arg(reason)
                                    .arg(delay / 1000.0, 0, 'f', 1)
                              : reason;
    qCInfo(lcVoice).noquote() << "recording" << recording.sid << "not downloaded:" << why;
    const int attempts = recording.downloadAttempts + tries;
    m_store->run<RecordingRecord>(
        this,
        [feed = m_feed, sid = recording.sid, final = !retry, why, attempts,
         now = m_clock()](StoreWorker &w, QString *error) -> std::optional<RecordingRecord> {
            auto stored = VoiceRecordings::attemptFailed(w, sid, final, why, attempts, now, error);
            if (stored)
                feed->afterCommit(
                    w, [r = *stored](RecordingFeed *feed) { Q_EMIT feed->recordingsChanged({r}); });
            return stored;
        },
        [](const StoreResult<RecordingRecord> &) {});
    if (retry) {
        QTimer::singleShot(delay, this, [this, recording, tries] { attempt(recording, tries); });
        Q_EMIT attemptFinished(recording.sid, QStringLiteral("pending"), why);
        return;
    }
    m_active.remove(recording.sid);
    Q_EMIT attemptFinished(recording.sid, QStringLiteral("failed"), why);
}

} // namespace sb
