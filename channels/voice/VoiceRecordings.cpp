#include "VoiceRecordings.h"

#include "db/SqlDialect.h"
#include "db/SqlValues.h"
#include "db/StoreWorker.h"

#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

namespace sb {

namespace {

const QString Columns = QStringLiteral(
    "id, sid, call_sid, account_sid, media_url, status, source, duration, channels, error_code, "
    "start_time, download_state, download_error, download_attempts, audio_path, audio_bytes, "
    "created_at, updated_at");

// The order recorded: Twilio's start time when it gave one, else when the callback came.
const QString RecordedOrder =
    QStringLiteral("CASE WHEN start_time > 0 THEN start_time ELSE created_at END, id");

RecordingRecord readRecording(const QSqlQuery &q) {
    RecordingRecord r;
    r.id = q.value(0).toLongLong();
    r.sid = q.value(1).toString();
    r.callSid = q.value(2).toString();
    r.accountSid = q.value(3).toString();
    r.mediaUrl = q.value(4).toString();
    r.status = q.value(5).toString();
    r.source = q.value(6).toString();
    r.durationSeconds = q.value(7).toInt();
    r.channels = q.value(8).toInt();
    r.errorCode = q.value(9).toInt();
    r.startTime = sql::fromMs(q.value(10).toLongLong());
    r.downloadState = q.value(11).toString();
    r.downloadError = q.value(12).toString();
    r.downloadAttempts = q.value(13).toInt();
    r.audioPath = q.value(14).toString();
    r.audioBytes = q.value(15).toLongLong();
    r.created = sql::fromMs(q.value(16).toLongLong());
    r.updated = sql::fromMs(q.value(17).toLongLong());
    return r;
}

std::optional<QList<RecordingRecord>> readMany(StoreWorker &w, const QString &where,
                                               const QVariant &value, QString *error) {
    QSqlQuery q(w.database());
    sql::prepare(q, QStringLiteral("SELECT %1 FROM voice_recordings WHERE %2 = ? ORDER BY %3")
                        .arg(Columns, where, RecordedOrder));
    q.addBindValue(value);
    if (!sql::exec(q, error))
        return std::nullopt;
    QList<RecordingRecord> list;
    while (q.next())
        list.append(readRecording(q));
    return list;
}

std::optional<RecordingRecord> readExisting(StoreWorker &w, const QString &sid, QString *error) {
    const auto found = VoiceRecordings::bySid(w, sid, error);
    if (!found)
        return std::nullopt;
    if (!*found) {
        *error = QStringLiteral("recording %1 is not stored").arg(sid);
        return std::nullopt;
    }
    return **found;
}

} // namespace

bool VoiceRecordings::isValidSid(const QString &sid) {
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9]{2,64}$"));
    return pattern.match(sid).hasMatch();
}

std::optional<VoiceRecordings::Added> VoiceRecordings::add(StoreWorker &w,
                                                           const RecordingCallback &callback,
                                                           const QDateTime &now, QString *error) {
    QSqlQuery q(w.database());
    // Its call, when the console has no row for it yet (its status callbacks fill it in).
    sql::prepare(q, QStringLiteral("INSERT OR IGNORE INTO voice_calls (sid, status, created_at, "
                                   "updated_at) VALUES (?, '', ?, ?)"));
    q.addBindValue(callback.callSid);
    q.addBindValue(sql::toMs(now));
    q.addBindValue(sql::toMs(now));
    if (!sql::exec(q, error))
        return std::nullopt;
    // Only a completed recording has audio to fetch; absent and failed ones never will.
    const bool hasAudio =
        callback.status == QLatin1String("completed") && !callback.recordingUrl.isEmpty();
    sql::prepare(
        q, QStringLiteral(
               "INSERT OR IGNORE INTO voice_recordings (sid, call_sid, account_sid, media_url, "
               "status, "
               "source, duration, channels, error_code, start_time, download_state, created_at, "
               "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(callback.recordingSid);
    q.addBindValue(callback.callSid);
    q.addBindValue(sql::text(callback.accountSid));
    q.addBindValue(sql::text(callback.recordingUrl));
    q.addBindValue(sql::text(callback.status));
    q.addBindValue(sql::text(callback.source));
    q.addBindValue(callback.durationSeconds);
    q.addBindValue(callback.channels);
    q.addBindValue(callback.errorCode);
    q.addBindValue(sql::toMs(callback.startTime));
    q.addBindValue(hasAudio ? QStringLiteral("pending") : QStringLiteral("none"));
    q.addBindValue(sql::toMs(now));
    q.addBindValue(sql::toMs(now));
    if (!sql::exec(q, error))
        return std::nullopt;
    const bool inserted = q.numRowsAffected() > 0;
    q.finish();
    const auto stored = readExisting(w, callback.recordingSid, error);
    if (!stored)
        return std::nullopt;
    return Added{*stored, inserted};
}

std::optional<QList<RecordingRecord>>
VoiceRecordings::forCall(StoreWorker &w, const QString &callSid, QString *error) {
    return readMany(w, QStringLiteral("call_sid"), callSid, error);
}

std::optional<std::optional<RecordingRecord>>
VoiceRecordings::bySid(StoreWorker &w, const QString &sid, QString *error) {
    const auto list = readMany(w, QStringLiteral("sid"), sid, error);
    if (!list)
        return std::nullopt;
    if (list->isEmpty())
        return std::optional<RecordingRecord>();
    return std::optional(list->first());
}

std::optional<QList<RecordingRecord>> VoiceRecordings::pending(StoreWorker &w, QString *error) {
    return readMany(w, QStringLiteral("download_state"), QStringLiteral("pending"), error);
}

std::optional<RecordingRecord> VoiceRecordings::downloaded(StoreWorker &w, const QString &sid,
                                                           const QString &path, qint64 bytes,
                                                           int attempts, const QDateTime &now,
                                                           QString *error) {
    QSqlQuery q(w.database());
    sql::prepare(
        q, QStringLiteral(
               "UPDATE voice_recordings SET download_state = 'downloaded', download_error = '', "
               "audio_path = ?, audio_bytes = ?, download_attempts = ?, updated_at = ? WHERE sid = "
               "?"));
    q.addBindValue(path);
    q.addBindValue(bytes);
    q.addBindValue(attempts);
    q.addBindValue(sql::toMs(now));
    q.addBindValue(sid);
    if (!sql::exec(q, error))
        return std::nullopt;
    if (q.numRowsAffected() == 0)
        return RecordingRecord{};
    return readExisting(w, sid, error);
}

std::optional<RecordingRecord> VoiceRecordings::attemptFailed(StoreWorker &w, const QString &sid,
                                                              bool final, const QString &reason,
                                                              int attempts, const QDateTime &now,
                                                              QString *error) {
    QSqlQuery q(w.database());
    sql::prepare(
        q, QStringLiteral("UPDATE voice_recordings SET download_state = ?, download_error = ?, "
                          "download_attempts = ?, updated_at = ? WHERE sid = ? AND "
                          "download_state = 'pending'"));
    q.addBindValue(final ? QStringLiteral("failed") : QStringLiteral("pending"));
    q.addBindValue(sql::text(reason));
    q.addBindValue(attempts);
    q.addBindValue(sql::toMs(now));
    q.addBindValue(sid);
    if (!sql::exec(q, error))
        return std::nullopt;
    return readExisting(w, sid, error);
}

bool VoiceRecordings::remove(StoreWorker &w, const QString &sid, QString *error) {
    QSqlQuery q(w.database());
    sql::prepare(q, QStringLiteral("DELETE FROM voice_recordings WHERE sid = ?"));
    q.addBindValue(sid);
    return sql::exec(q, error);
}

} // namespace sb
