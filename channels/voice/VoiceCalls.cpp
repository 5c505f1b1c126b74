#include "VoiceCalls.h"

#include "CallStatuses.h"
#include "VoiceRecordings.h"
#include "db/SqlDialect.h"
#include "db/SqlValues.h"
#include "db/StoreWorker.h"
#include "providers/twilio/TwilioResources.h"

#include <QSqlError>
#include <QSqlQuery>

namespace sb {

namespace {

QVariant sidOrNull(const QString &sid) {
    return sid.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(sid);
}

int rankOf(const QString &status) {
    return CallStatuses::instance().info(status).rank;
}

const QString Columns = QStringLiteral(
    "id, sid, client_ref, direction, from_number, to_number, url, status, request_state, "
    "answered_by, duration, error_code, error_message, created_at, updated_at, "
    "(SELECT count(*) FROM voice_recordings r WHERE r.call_sid = voice_calls.sid), agent");

CallRecord readCall(const QSqlQuery &q) {
    CallRecord c;
    c.id = q.value(0).toLongLong();
    c.sid = q.value(1).toString();
    c.clientRef = q.value(2).toString();
    c.direction = q.value(3).toString();
    c.from = q.value(4).toString();
    c.to = q.value(5).toString();
    c.url = q.value(6).toString();
    c.status = q.value(7).toString();
    c.requestState = q.value(8).toString();
    c.answeredBy = q.value(9).toString();
    c.durationSeconds = q.value(10).toInt();
    c.errorCode = q.value(11).toInt();
    c.errorMessage = q.value(12).toString();
    c.created = sql::fromMs(q.value(13).toLongLong());
    c.updated = sql::fromMs(q.value(14).toLongLong());
    c.recordingCount = q.value(15).toInt();
    c.agent = q.value(16).toString();
    return c;
}

std::optional<std::optional<CallRecord>> readOne(StoreWorker &w, const QString &where,
                                                 const QVariant &value, QString *error) {
    QSqlQuery q(w.database());
    sql::prepare(q, QStringLiteral("SELECT %1 FROM voice_calls WHERE %2 = ?").arg(Columns, where));
    q.addBindValue(value);
    if (!sql::exec(q, error))
        return std::nullopt;
    if (!q.next())
        return std::optional<CallRecord>();
    CallRecord c = readCall(q);
    q.finish();
    if (!c.sid.isEmpty()) {
        sql::prepare(q, QStringLiteral("SELECT status, at, sequence, source FROM voice_call_events "
                                       "WHERE call_sid = ? ORDER BY rank, at, id"));
        q.addBindValue(c.sid);
        if (!sql::exec(q, error))
            return std::nullopt;
        while (q.next())
            c.history.append({q.value(0).toString(), sql::fromMs(q.value(1).toLongLong()),
                              q.value(2).toInt(), q.value(3).toString() == QLatin1String("poll")});
        q.finish();
        auto recordings = VoiceRecordings::forCall(w, c.sid, error);
        if (!recordings)
            return std::nullopt;
        c.recordings = *recordings;
    }
    return std::optional(c);
}

// Each status once per call: a repeated callback changes nothing. True when it is new.
bool addEvent(StoreWorker &w, const QString &sid, const QString &status, const QDateTime &at,
              int sequence, const QDateTime &now, bool polled, bool *inserted, QString *error) {
    QSqlQuery q(w.database());
    sql::prepare(
        q, QStringLiteral(
               "INSERT OR IGNORE INTO voice_call_events (call_sid, status, rank, at, sequence, "
               "received_at, source) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(sid);
    q.addBindValue(status);
    q.addBindValue(rankOf(status));
    q.addBindValue(sql::toMs(at.isValid() ? at : now));
    q.addBindValue(sequence);
    q.addBindValue(sql::toMs(now));
    q.addBindValue(polled ? QStringLiteral("poll") : QStringLiteral("webhook"));
    if (!sql::exec(q, error))
        return false;
    *inserted = q.numRowsAffected() > 0;
    return true;
}

} // namespace

QList<QStringList> VoiceCalls::schema() {
    return {
        // 1: calls, their timelines, their recordings
        {
            QStringLiteral(R"(CREATE TABLE voice_calls (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                sid TEXT UNIQUE,
                client_ref TEXT UNIQUE,
                direction TEXT NOT NULL DEFAULT 'outbound-api',
                from_number TEXT NOT NULL DEFAULT '',
                to_number TEXT NOT NULL DEFAULT '',
                url TEXT NOT NULL DEFAULT '',
                status TEXT NOT NULL DEFAULT '',
                request_state TEXT NOT NULL DEFAULT 'created',
                answered_by TEXT NOT NULL DEFAULT '',
                duration INTEGER NOT NULL DEFAULT -1,
                price TEXT NOT NULL DEFAULT '',
                price_unit TEXT NOT NULL DEFAULT '',
                error_code INTEGER NOT NULL DEFAULT 0,
                error_message TEXT NOT NULL DEFAULT '',
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL))"),
            QStringLiteral(R"(CREATE TABLE voice_call_events (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                call_sid TEXT NOT NULL,
                status TEXT NOT NULL,
                rank INTEGER NOT NULL,
                at INTEGER NOT NULL,
                sequence INTEGER NOT NULL DEFAULT -1,
                received_at INTEGER NOT NULL,
                UNIQUE (call_sid, status)))"),
            QStringLiteral(R"(CREATE TABLE voice_recordings (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                sid TEXT NOT NULL UNIQUE,
                call_sid TEXT NOT NULL,
                media_url TEXT NOT NULL DEFAULT '',
                duration INTEGER NOT NULL DEFAULT -1,
                status TEXT NOT NULL DEFAULT '',
                audio_path TEXT NOT NULL DEFAULT '',
                created_at INTEGER NOT NULL))"),
            QStringLiteral("CREATE INDEX voice_recordings_call ON voice_recordings (call_sid)"),
        },
        // 2: the rest of what recording-complete carries, and where each recording's audio is
        // (VoiceRecordings)
        {
            QStringLiteral("ALTER TABLE voice_recordings ADD COLUMN account_sid TEXT NOT NULL "
                           "DEFAULT ''"),
            QStringLiteral("ALTER TABLE voice_recordings ADD COLUMN source TEXT NOT NULL "
                           "DEFAULT ''"),
            QStringLiteral("ALTER TABLE voice_recordings ADD COLUMN channels INTEGER NOT NULL "
                           "DEFAULT 0"),
            QStringLiteral("ALTER TABLE voice_recordings ADD COLUMN error_code INTEGER NOT NULL "
                           "DEFAULT 0"),
            QStringLiteral("ALTER TABLE voice_recordings ADD COLUMN start_time INTEGER NOT NULL "
                           "DEFAULT 0"),
            QStringLiteral("ALTER TABLE voice_recordings ADD COLUMN download_state TEXT NOT NULL "
                           "DEFAULT 'pending'"),
            QStringLiteral("ALTER TABLE voice_recordings ADD COLUMN download_error TEXT NOT NULL "
                           "DEFAULT ''"),
            QStringLiteral("ALTER TABLE voice_recordings ADD COLUMN download_attempts INTEGER "
                           "NOT NULL DEFAULT 0"),
            QStringLiteral("ALTER TABLE voice_recordings ADD COLUMN audio_bytes INTEGER NOT NULL "
                           "DEFAULT 0"),
            QStringLiteral("ALTER TABLE voice_recordings ADD COLUMN updated_at INTEGER NOT NULL "
                           "DEFAULT 0"),
            QStringLiteral("CREATE INDEX voice_recordings_download ON voice_recordings "
                           "(download_state)"),
        },
    };
}

QList<QStringList> VoiceCalls::eventSourceSchema() {
    return {
        // Whether a status came in Twilio's callback or was learned by asking Twilio
        // (CallReconciler): 'webhook' or 'poll'.
        {
            QStringLiteral("ALTER TABLE voice_call_events ADD COLUMN source TEXT NOT NULL "
                           "DEFAULT 'webhook'"),
        },
    };
}

QList<QStringList> VoiceCalls::agentSchema() {
    return {
        {
            QStringLiteral("ALTER TABLE voice_calls ADD COLUMN agent TEXT NOT NULL DEFAULT ''"),
        },
    };
}

std::optional<VoiceCalls::Requested> VoiceCalls::request(StoreWorker &w, const CallRequest &request,
                                                         const QDateTime &now, QString *error) {
    if (!request.clientRef.isEmpty()) {
        const auto found = readOne(w, QStringLiteral("client_ref"), request.clientRef, error);
        if (!found)
            return std::nullopt;
        if (*found)
            return Requested{**found, true};
    }
    QSqlQuery q(w.database());
    sql::prepare(q,
                 QStringLiteral(
                     "INSERT INTO voice_calls (client_ref, direction, from_number, to_number, url, "
                     "request_state, created_at, updated_at, agent) VALUES (?, 'outbound-api', ?, "
                     "?, ?, 'requesting', ?, ?, ?) RETURNING id"));
    q.addBindValue(sidOrNull(request.clientRef));
    q.addBindValue(sql::text(request.from));
    q.addBindValue(sql::text(request.to));
    q.addBindValue(sql::text(request.url));
    q.addBindValue(sql::toMs(now));
    q.addBindValue(sql::toMs(now));
    q.addBindValue(sql::text(request.agent));
    if (!sql::exec(q, error))
        return std::nullopt;
    const qint64 id = q.next() ? q.value(0).toLongLong() : 0; // RETURNING id
    q.finish();
    const auto stored = readOne(w, QStringLiteral("id"), id, error);
    if (!stored || !*stored)
        return std::nullopt;
    w.touchedRow(Table, (*stored)->id, true);
    return Requested{**stored, false};
}

std::optional<CallRecord> VoiceCalls::created(StoreWorker &w, qint64 id, const TwilioCall &call,
                                              const QDateTime &now, QString *error) {
    QString status = call.status.isEmpty() ? QStringLiteral("queued") : call.status;
    QSqlQuery q(w.database());
    // A callback may have been committed first, under a row of its own: keep what it knew.
    sql::prepare(q,
                 QStringLiteral("SELECT id, status, answered_by, duration FROM voice_calls WHERE "
                                "sid = ? AND id != ?"));
    q.addBindValue(call.sid);
    q.addBindValue(id);
    if (!sql::exec(q, error))
        return std::nullopt;
    QString answeredBy = call.answeredBy;
    int duration = -1;
    if (q.next()) {
        const qint64 stub = q.value(0).toLongLong();
        if (rankOf(q.value(1).toString()) > rankOf(status))
            status = q.value(1).toString();
        if (answeredBy.isEmpty())
            answeredBy = q.value(2).toString();
        duration = q.value(3).toInt();
        q.finish();
        sql::prepare(q, QStringLiteral("DELETE FROM voice_calls WHERE id = ?"));
        q.addBindValue(stub);
        if (!sql::exec(q, error))
            return std::nullopt;
    }
    sql::prepare(
        q,
        QStringLiteral(
            "UPDATE voice_calls SET sid = ?, status = ?, request_state = 'created', answered_by = "
            "?, "
            "duration = max(duration, ?), from_number = CASE WHEN ? != '' THEN ? ELSE from_number "
            "END, updated_at = ? WHERE id = ?"));
    q.addBindValue(call.sid);
    q.addBindValue(status);
    q.addBindValue(sql::text(answeredBy));
    q.addBindValue(duration);
    q.addBindValue(sql::text(call.from));
    q.addBindValue(sql::text(call.from));
    q.addBindValue(sql::toMs(now));
    q.addBindValue(id);
    if (!sql::exec(q, error))
        return std::nullopt;
    bool inserted = false;
    const QString answered = call.status.isEmpty() ? QStringLiteral("queued") : call.status;
    if (!addEvent(w, call.sid, answered, call.dateCreated, -1, now, false, &inserted, error))
        return std::nullopt;
    const auto stored = readOne(w, QStringLiteral("id"), id, error);
    if (!stored)
        return std::nullopt;
    if (!*stored) {
        *error = QStringLiteral("the call's row is gone");
        return std::nullopt;
    }
    w.touchedRow(Table, id);
    return **stored;
}

std::optional<bool> VoiceCalls::adoptRequested(StoreWorker &w, const TwilioCall &call,
                                               const QDateTime &before, const QDateTime &now,
                                               QString *error) {
    const QDateTime placed = call.dateCreated.isValid() ? call.dateCreated : call.dateUpdated;
    if (call.sid.isEmpty() || call.direction != QLatin1String("outbound-api") || !placed.isValid())
        return false;
    constexpr qint64 Window = 10 * 60 * 1000;
    QSqlQuery q(w.database());
    sql::prepare(
        q,
        QStringLiteral(
            "SELECT id FROM voice_calls WHERE sid IS NULL AND request_state = 'requesting' AND "
            "direction = 'outbound-api' AND to_number = ? AND from_number = ? AND created_at < ? "
            "AND created_at BETWEEN ? AND ? LIMIT 2"));
    q.addBindValue(sql::text(call.to));
    q.addBindValue(sql::text(call.from));
    q.addBindValue(sql::toMs(before));
    q.addBindValue(sql::toMs(placed) - Window);
    q.addBindValue(sql::toMs(placed) + Window);
    if (!sql::exec(q, error))
        return std::nullopt;
    QList<qint64> ids;
    while (q.next())
        ids.append(q.value(0).toLongLong());
    q.finish();
    // None, or two requests alike: which one Twilio dialled is not known.
    if (ids.size() != 1)
        return false;
    TwilioCall answer = call; // what the create answer would have said
    answer.status = QStringLiteral("queued");
    if (!created(w, ids.first(), answer, now, error))
        return std::nullopt;
    return true;
}

bool VoiceCalls::refused(StoreWorker &w, qint64 id, int errorCode, const QString &message,
                         const QDateTime &now, QString *error) {
    QSqlQuery q(w.database());
    sql::prepare(q,
                 QStringLiteral("UPDATE voice_calls SET request_state = 'refused', error_code = ?, "
                                "error_message = ?, updated_at = ? WHERE id = ?"));
    q.addBindValue(errorCode);
    q.addBindValue(sql::text(message));
    q.addBindValue(sql::toMs(now));
    q.addBindValue(id);
    if (!sql::exec(q, error))
        return false;
    w.touchedRow(Table, id);
    return true;
}

bool VoiceCalls::applyStatus(StoreWorker &w, const CallStatusUpdate &update, const QDateTime &now,
                             QString *error) {
    QSqlQuery q(w.database());
    sql::prepare(
        q, QStringLiteral(
               "INSERT OR IGNORE INTO voice_calls (sid, direction, from_number, to_number, status, "
               "created_at, updated_at) VALUES (?, ?, ?, ?, '', ?, ?)"));
    q.addBindValue(update.callSid);
    q.addBindValue(update.direction.isEmpty() ? QStringLiteral("outbound-api") : update.direction);
    q.addBindValue(sql::text(update.from));
    q.addBindValue(sql::text(update.to));
    q.addBindValue(sql::toMs(now));
    q.addBindValue(sql::toMs(now));
    if (!sql::exec(q, error))
        return false;
    const bool newCall = q.numRowsAffected() > 0;
    bool inserted = false;
    if (!addEvent(w, update.callSid, update.status, update.timestamp, update.sequence, now,
                  update.polled, &inserted, error))
        return false;
    if (!inserted)
        return true; // Twilio repeated it: already applied
    sql::prepare(q, QStringLiteral("SELECT status, id FROM voice_calls WHERE sid = ?"));
    q.addBindValue(update.callSid);
    if (!sql::exec(q, error))
        return false;
    const bool found = q.next();
    const QString current = found ? q.value(0).toString() : QString();
    const qint64 id = found ? q.value(1).toLongLong() : 0;
    q.finish();
    if (id > 0)
        w.touchedRow(Table, id, newCall);
    const bool forward = rankOf(update.status) > rankOf(current);
    // What a late callback adds (duration, answered-by) is kept even when its status is not.
    sql::prepare(
        q, QStringLiteral("UPDATE voice_calls SET status = CASE WHEN ? THEN ? ELSE status END, "
                          "answered_by = CASE WHEN ? != '' THEN ? ELSE answered_by END, "
                          "duration = max(duration, ?), "
                          "error_code = CASE WHEN ? != 0 THEN ? ELSE error_code END, "
                          "updated_at = ? WHERE sid = ?"));
    q.addBindValue(forward);
    q.addBindValue(update.status);
    q.addBindValue(sql::text(update.answeredBy));
    q.addBindValue(sql::text(update.answeredBy));
    q.addBindValue(update.durationSeconds);
    q.addBindValue(update.errorCode);
    q.addBindValue(update.errorCode);
    q.addBindValue(sql::toMs(now));
    q.addBindValue(update.callSid);
    return sql::exec(q, error);
}

std::optional<QList<CallRecord>> VoiceCalls::byIds(StoreWorker &w, const QList<qint64> &ids,
                                                   QString *error) {
    QList<CallRecord> calls;
    for (const qint64 id : ids) {
        const auto found = readOne(w, QStringLiteral("id"), id, error);
        if (!found)
            return std::nullopt;
        if (*found)
            calls.append(**found);
    }
    return calls;
}

std::optional<QList<CallRecord>> VoiceCalls::page(StoreWorker &w, qint64 beforeId, int limit,
                                                  QString *error) {
    // A keyset on the primary key: as cheap for the thousandth page as for the first, and a
    // call stored meanwhile never shifts what the next page holds.
    QSqlQuery q(w.database());
    if (beforeId > 0) {
        sql::prepare(
            q, QStringLiteral("SELECT id FROM voice_calls WHERE id < ? ORDER BY id DESC LIMIT ?"));
        q.addBindValue(beforeId);
    } else {
        sql::prepare(q, QStringLiteral("SELECT id FROM voice_calls ORDER BY id DESC LIMIT ?"));
    }
    q.addBindValue(limit);
    if (!sql::exec(q, error))
        return std::nullopt;
    QList<qint64> ids;
    while (q.next())
        ids.append(q.value(0).toLongLong());
    q.finish();
    return byIds(w, ids, error);
}

std::optional<std::optional<CallRecord>> VoiceCalls::bySid(StoreWorker &w, const QString &sid,
                                                           QString *error) {
    return readOne(w, QStringLiteral("sid"), sid, error);
}

void VoiceCalls::call(Store *store, const QString &sid, Receiver receiver,
                      std::function<void(const StoreResult<std::optional<CallRecord>> &)> done) {
    store->run<std::optional<CallRecord>>(
        std::move(receiver), [sid](StoreWorker &w, QString *error) { return bySid(w, sid, error); },
        std::move(done));
}

} // namespace sb
