#include "MediaRows.h"

#include "db/SqlDialect.h"
#include "db/SqlValues.h"
#include "db/StoreWorker.h"

#include <QSqlQuery>
#include <QStringList>

namespace sb {

namespace {

const QString kColumns = QStringLiteral(
    "mm.id, mm.message_id, m.sid, mm.position, mm.url, mm.content_type, mm.size, mm.sha256, "
    "mm.file_name, mm.path, mm.state, mm.error, mm.attempts, mm.next_attempt_at, mm.updated_at");
const QString kFrom =
    QStringLiteral(" FROM message_media mm JOIN messages m ON m.id = mm.message_id ");

MediaRecord readRow(const QSqlQuery &q) {
    MediaRecord r;
    r.id = q.value(0).toLongLong();
    r.messageId = q.value(1).toLongLong();
    r.messageSid = q.value(2).toString();
    r.position = q.value(3).toInt();
    r.url = q.value(4).toString();
    r.contentType = q.value(5).toString();
    r.size = q.value(6).toLongLong();
    r.sha256 = q.value(7).toString();
    r.fileName = q.value(8).toString();
    r.path = q.value(9).toString();
    r.state = q.value(10).toString();
    r.error = q.value(11).toString();
    r.attempts = q.value(12).toInt();
    r.nextAttemptAt = sql::fromMs(q.value(13).toLongLong());
    r.updatedAt = sql::fromMs(q.value(14).toLongLong());
    return r;
}

std::optional<QList<MediaRecord>> select(StoreWorker &w, const QString &where,
                                         const QVariantList &binds, QString *error) {
    QSqlQuery q(w.database());
    sql::prepare(q, QStringLiteral("SELECT ") + kColumns + kFrom + where +
                        QStringLiteral(" ORDER BY mm.message_id, mm.position"));
    for (const QVariant &v : binds)
        q.addBindValue(v);
    if (!sql::exec(q, error))
        return std::nullopt;
    QList<MediaRecord> rows;
    while (q.next())
        rows.append(readRow(q));
    return rows;
}

QString idList(const QList<qint64> &ids) {
    QStringList parts;
    parts.reserve(ids.size());
    for (qint64 id : ids)
        parts.append(QString::number(id)); // numbers only: safe to inline
    return parts.join(QLatin1Char(','));
}

std::optional<MediaRecord> one(StoreWorker &w, qint64 id, QString *error) {
    auto rows = select(w, QStringLiteral("WHERE mm.id = ?"), {id}, error);
    if (!rows)
        return std::nullopt;
    if (rows->isEmpty()) {
        *error = QStringLiteral("no media row %1").arg(id);
        return std::nullopt;
    }
    return rows->first();
}

} // namespace

Schema MediaRows::schema() {
    return {QStringLiteral("media"),
            {{
                QStringLiteral(R"(CREATE TABLE message_media (
                    id INTEGER PRIMARY KEY,
                    message_id INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    url TEXT NOT NULL,
                    content_type TEXT NOT NULL DEFAULT '',
                    size INTEGER NOT NULL DEFAULT 0,
                    sha256 TEXT NOT NULL DEFAULT '',
                    file_name TEXT NOT NULL DEFAULT '',
                    path TEXT NOT NULL DEFAULT '',
                    state TEXT NOT NULL DEFAULT 'pending',
                    error TEXT NOT NULL DEFAULT '',
                    attempts INTEGER NOT NULL DEFAULT 0,
                    next_attempt_at INTEGER NOT NULL DEFAULT 0,
                    updated_at INTEGER NOT NULL,
                    UNIQUE (message_id, position)))"),
                QStringLiteral("CREATE INDEX message_media_unfinished ON message_media(state) "
                               "WHERE state != 'stored'"),
            }}};
}

bool MediaRows::addInbound(StoreWorker &w, const InboundMessage &message, const QDateTime &now,
                           QString *error) {
    if (message.media.isEmpty())
        return true;
    QSqlQuery q(w.database());
    sql::prepare(q, QStringLiteral("SELECT id FROM messages WHERE sid = ?"));
    q.addBindValue(message.sid);
    if (!sql::exec(q, error))
        return false;
    if (!q.next()) {
        *error = QStringLiteral("message %1 is not stored").arg(message.sid);
        return false;
    }
    const qint64 messageId = q.value(0).toLongLong();
    q.finish();
    sql::prepare(
        q, QStringLiteral("INSERT INTO message_media (message_id, position, url, content_type, "
                          "updated_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING "
                          "RETURNING id"));
    for (int n = 0; n < message.media.size(); ++n) {
        q.bindValue(0, messageId);
        q.bindValue(1, n);
        q.bindValue(2, sql::text(message.media.at(n).url));
        q.bindValue(3, sql::text(message.media.at(n).contentType));
        q.bindValue(4, sql::toMs(now));
        if (!sql::exec(q, error))
            return false;
        if (q.next())
            w.touchedRow(QString::fromLatin1(Table), q.value(0).toLongLong(), true);
        q.finish();
    }
    return true;
}

std::optional<QList<MediaRecord>> MediaRows::forMessageSid(StoreWorker &w, const QString &sid,
                                                           QString *error) {
    return select(w, QStringLiteral("WHERE m.sid = ?"), {sid}, error);
}

std::optional<QList<MediaRecord>> MediaRows::forMessages(StoreWorker &w, const QList<qint64> &ids,
                                                         QString *error) {
    if (ids.isEmpty())
        return QList<MediaRecord>();
    return select(w, QStringLiteral("WHERE mm.message_id IN (%1)").arg(idList(ids)), {}, error);
}

std::optional<QList<MediaRecord>> MediaRows::byIds(StoreWorker &w, const QList<qint64> &ids,
                                                   QString *error) {
    if (ids.isEmpty())
        return QList<MediaRecord>();
    return select(w, QStringLiteral("WHERE mm.id IN (%1)").arg(idList(ids)), {}, error);
}

std::optional<QList<MediaRecord>> MediaRows::unfinished(StoreWorker &w, QString *error) {
    return select(w, QStringLiteral("WHERE mm.state != 'stored'"), {}, error);
}

std::optional<MediaRecord> MediaRows::markStored(StoreWorker &w, const MediaRecord &stored,
                                                 const QDateTime &now, QString *error) {
    QSqlQuery q(w.database());
    sql::prepare(
        q, QStringLiteral(
               "UPDATE message_media SET state = 'stored', error = '', content_type = ?, size = ?, "
               "sha256 = ?, file_name = ?, path = ?, attempts = ?, next_attempt_at = 0, updated_at "
               "= ? "
               "WHERE id = ?"));
    q.addBindValue(sql::text(stored.contentType));
    q.addBindValue(stored.size);
    q.addBindValue(sql::text(stored.sha256));
    q.addBindValue(sql::text(stored.fileName));
    q.addBindValue(sql::text(stored.path));
    q.addBindValue(stored.attempts);
    q.addBindValue(sql::toMs(now));
    q.addBindValue(stored.id);
    if (!sql::exec(q, error))
        return std::nullopt;
    w.touchedRow(QString::fromLatin1(Table), stored.id);
    return one(w, stored.id, error);
}

std::optional<MediaRecord> MediaRows::markFailed(StoreWorker &w, qint64 id, const QString &reason,
                                                 int attempts, const QDateTime &retryAt,
                                                 const QDateTime &now, QString *error) {
    QSqlQuery q(w.database());
    // A row stored meanwhile (a second run finished first) stays stored.
    sql::prepare(
        q, QStringLiteral("UPDATE message_media SET state = 'failed', error = ?, attempts = ?, "
                          "next_attempt_at = ?, updated_at = ? WHERE id = ? AND state != "
                          "'stored'"));
    q.addBindValue(sql::text(reason));
    q.addBindValue(attempts);
    q.addBindValue(retryAt.isValid() ? sql::toMs(retryAt) : 0);
    q.addBindValue(sql::toMs(now));
    q.addBindValue(id);
    if (!sql::exec(q, error))
        return std::nullopt;
    w.touchedRow(QString::fromLatin1(Table), id);
    return one(w, id, error);
}

std::optional<MediaRecord> MediaRows::requeue(StoreWorker &w, qint64 id, const QDateTime &now,
                                              QString *error) {
    QSqlQuery q(w.database());
    sql::prepare(q,
                 QStringLiteral("UPDATE message_media SET state = 'pending', next_attempt_at = 0, "
                                "updated_at = ? WHERE id = ? AND state != 'stored'"));
    q.addBindValue(sql::toMs(now));
    q.addBindValue(id);
    if (!sql::exec(q, error))
        return std::nullopt;
    w.touchedRow(QString::fromLatin1(Table), id);
    return one(w, id, error);
}

} // namespace sb
