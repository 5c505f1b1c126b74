#include "WebhookLog.h"

#include "db/SqlDialect.h"
#include "db/StoreWorker.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace sb {

namespace {

const char kColumns[] = "id, received_at, method, target, path, headers, peer, sid, signature, "
                        "diagnosis, status, elapsed_us, replay_of";
// The same places, with no headers or diagnosis.
const char kSummaryColumns[] = "id, received_at, method, target, path, NULL, peer, sid, "
                               "signature, NULL, status, elapsed_us, replay_of";

// A header's Latin-1 bytes as a JSON string: escaped by hand, because QJsonArray and
// QJsonDocument for every captured webhook took a tenth of the store thread's time at ingest.
void appendJsonString(QByteArray &out, const QByteArray &latin1) {
    static constexpr char Hex[] = "0123456789abcdef";
    out.append('"');
    for (const char c : latin1) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte == '"' || byte == '\\') {
            out.append('\\').append(c);
        } else if (byte < 0x20) {
            out.append("\\u00").append(Hex[byte >> 4]).append(Hex[byte & 0xf]);
        } else if (byte >= 0x80) { // Latin-1 to UTF-8: two bytes
            out.append(char(0xc0 | (byte >> 6))).append(char(0x80 | (byte & 0x3f)));
        } else {
            out.append(c);
        }
    }
    out.append('"');
}

QByteArray headersJson(const HeaderList &headers) {
    QByteArray out;
    out.reserve(64 * headers.size() + 2);
    out.append('[');
    for (const auto &[name, value] : headers) {
        if (out.size() > 1)
            out.append(',');
        out.append('[');
        appendJsonString(out, name);
        out.append(',');
        appendJsonString(out, value);
        out.append(']');
    }
    out.append(']');
    return out;
}

HeaderList headersFrom(const QByteArray &json) {
    HeaderList headers;
    for (const QJsonValue pair : QJsonDocument::fromJson(json).array()) {
        const QJsonArray a = pair.toArray();
        headers.append({a.at(0).toString().toLatin1(), a.at(1).toString().toLatin1()});
    }
    return headers;
}

WebhookRecord readRow(const QSqlQuery &q, WebhookLog::Detail detail) {
    WebhookRecord r;
    r.id = q.value(0).toLongLong();
    r.receivedAt = QDateTime::fromMSecsSinceEpoch(q.value(1).toLongLong(), Qt::UTC);
    r.method = q.value(2).toString().toLatin1();
    r.target = q.value(3).toString();
    r.path = q.value(4).toString();
    r.peer = q.value(6).toString();
    r.sid = q.value(7).toString();
    r.signature = q.value(8).toString();
    r.status = q.value(10).toInt();
    r.elapsedUs = q.value(11).toLongLong();
    r.replayOf = q.value(12).toLongLong();
    if (detail == WebhookLog::Detail::Summary)
        return r;
    r.headers = headersFrom(q.value(5).toByteArray());
    r.diagnosis = QJsonDocument::fromJson(q.value(9).toByteArray()).object();
    if (detail == WebhookLog::Detail::Full) {
        r.body = q.value(13).toByteArray();
        r.responseBody = q.value(14).toByteArray();
    }
    return r;
}

bool fail(const QSqlQuery &q, QString *error) {
    *error = q.lastError().text();
    return false;
}

} // namespace

qint64 WebhookRecord::sizeBytes() const {
    qint64 size = body.size() + responseBody.size() + target.size() + 64;
    for (const auto &[name, value] : headers)
        size += name.size() + value.size() + 8;
    return size;
}

FormFields WebhookRecord::form() const {
    FormFields fields;
    if (!FormEncoding::decode(body, &fields))
        return {};
    return fields;
}

Schema WebhookLog::schema() {
    // Steps are applied in order, once each, and never edited once released.
    return {QStringLiteral("inspector"),
            {{
                QStringLiteral(R"(CREATE TABLE webhook_log (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    received_at INTEGER NOT NULL,
                    method TEXT NOT NULL,
                    target TEXT NOT NULL,
                    path TEXT NOT NULL,
                    headers TEXT NOT NULL,
                    body BLOB NOT NULL,
                    peer TEXT NOT NULL DEFAULT '',
                    sid TEXT NOT NULL DEFAULT '',
                    signature TEXT NOT NULL,
                    diagnosis TEXT NOT NULL DEFAULT '{}',
                    status INTEGER NOT NULL,
                    response_body BLOB,
                    elapsed_us INTEGER NOT NULL,
                    replay_of INTEGER NOT NULL DEFAULT 0,
                    size INTEGER NOT NULL))"),
                QStringLiteral("CREATE INDEX webhook_log_sid ON webhook_log (sid, id)"),
                QStringLiteral("CREATE INDEX webhook_log_received ON webhook_log (received_at)"),
            }}};
}

std::optional<qint64> WebhookLog::insert(StoreWorker &w, const WebhookRecord &r, QString *error) {
    // Every webhook is captured: SQLite's own statement, prepared once (QSqlQuery prepared
    // and bound through QVariant each time took more of the store thread than the webhook).
    // Text binds '' for none: the NOT NULL columns refuse NULL.
    Statement *insert = w.statement(
        "INSERT INTO webhook_log (received_at, method, target, path, headers, body, peer, sid, "
        "signature, diagnosis, status, response_body, elapsed_us, replay_of, size) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15) RETURNING id",
        error);
    if (!insert)
        return std::nullopt;
    const QByteArray diagnosis = r.diagnosisJson.isEmpty()
                                     ? QJsonDocument(r.diagnosis).toJson(QJsonDocument::Compact)
                                     : r.diagnosisJson;
    insert->bind(1, r.receivedAt.toMSecsSinceEpoch());
    insert->bindText(2, r.method);
    insert->bind(3, r.target);
    insert->bind(4, r.path);
    insert->bindText(5, headersJson(r.headers));
    insert->bindBlob(6, r.body);
    insert->bind(7, r.peer);
    insert->bind(8, r.sid);
    insert->bind(9, r.signature);
    insert->bindText(10, diagnosis);
    insert->bind(11, qint64(r.status));
    insert->bindBlob(12, r.responseBody);
    insert->bind(13, r.elapsedUs);
    insert->bind(14, r.replayOf);
    insert->bind(15, r.sizeBytes() + diagnosis.size()); // the variants tried weigh too
    const Statement::Step step = insert->step(error);
    if (step != Statement::Step::Row) {
        if (step == Statement::Step::Done)
            *error = QStringLiteral("the webhook's record was stored without an id");
        return std::nullopt;
    }
    const qint64 id = insert->columnInt64(0);
    insert->reset(); // a statement left mid-way would keep its savepoint from being released
    w.touchedRow(QString(Table), id, true);
    return id;
}

std::optional<QList<WebhookRecord>> WebhookLog::find(StoreWorker &w, const WebhookQuery &query,
                                                     Detail detail, QString *error) {
    QStringList where;
    QVariantList binds;
    if (!query.path.isEmpty()) {
        // A prefix, without LIKE's wildcards getting in the way.
        where << QStringLiteral("substr(path, 1, ?) = ?");
        binds << query.path.size() << query.path;
    }
    if (!query.result.isEmpty()) {
        where << QStringLiteral("signature = ?");
        binds << query.result;
    }
    if (!query.sid.isEmpty()) {
        where << QStringLiteral("sid = ?");
        binds << query.sid;
    }
    if (query.since.isValid()) {
        where << QStringLiteral("received_at >= ?");
        binds << query.since.toMSecsSinceEpoch();
    }
    if (query.until.isValid()) {
        where << QStringLiteral("received_at < ?");
        binds << query.until.toMSecsSinceEpoch();
    }
    if (query.beforeId > 0) {
        where << QStringLiteral("id < ?");
        binds << query.beforeId;
    }
    if (query.afterId > 0) {
        where << QStringLiteral("id > ?");
        binds << query.afterId;
    }
    // A summary leaves the headers and diagnosis out: a list of them, read four times a
    // second under a flood, was thousands of allocations the GUI thread then freed.
    const QString columns = detail == Detail::Summary ? QString::fromLatin1(kSummaryColumns)
                            : detail == Detail::Full
                                ? QLatin1String(kColumns) + QLatin1String(", body, response_body")
                                : QString::fromLatin1(kColumns);
    QString sql = QStringLiteral("SELECT %1 FROM webhook_log").arg(columns);
    if (!where.isEmpty())
        sql += QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
    sql += QStringLiteral(" ORDER BY id DESC LIMIT ?");
    binds << query.limit;
    QSqlQuery q(w.database());
    q.setForwardOnly(true);
    sql::prepare(q, sql);
    for (const QVariant &v : std::as_const(binds))
        q.addBindValue(v);
    if (!q.exec()) {
        fail(q, error);
        return std::nullopt;
    }
    QList<WebhookRecord> list;
    while (q.next())
        list.append(readRow(q, detail));
    return list;
}

std::optional<QList<qint64>> WebhookLog::newestIds(StoreWorker &w, int limit, QString *error) {
    QSqlQuery q(w.database());
    q.setForwardOnly(true);
    sql::prepare(q, QStringLiteral("SELECT id FROM webhook_log ORDER BY id DESC LIMIT ?"));
    q.addBindValue(limit);
    if (!q.exec()) {
        fail(q, error);
        return std::nullopt;
    }
    QList<qint64> ids;
    while (q.next())
        ids.append(q.value(0).toLongLong());
    return ids;
}

std::optional<std::optional<WebhookRecord>> WebhookLog::byId(StoreWorker &w, qint64 id,
                                                             QString *error) {
    QSqlQuery q(w.database());
    q.setForwardOnly(true);
    sql::prepare(q, QStringLiteral("SELECT %1, body, response_body FROM webhook_log WHERE id = ?")
                        .arg(QLatin1String(kColumns)));
    q.addBindValue(id);
    if (!q.exec()) {
        fail(q, error);
        return std::nullopt;
    }
    if (!q.next())
        return std::optional<WebhookRecord>();
    return std::optional<WebhookRecord>(readRow(q, Detail::Full));
}

std::optional<int> WebhookLog::prune(StoreWorker &w, const QDateTime &cutoff, qint64 maxBytes,
                                     QString *error) {
    QSqlQuery q(w.database());
    sql::prepare(q, QStringLiteral("DELETE FROM webhook_log WHERE received_at < ?"));
    q.addBindValue(cutoff.toMSecsSinceEpoch());
    if (!q.exec()) {
        fail(q, error);
        return std::nullopt;
    }
    int deleted = q.numRowsAffected();
    // The newest rows whose running total fits are kept; everything older goes.
    QSqlQuery bySize(w.database());
    sql::prepare(
        bySize,
        QStringLiteral(
            "DELETE FROM webhook_log WHERE id <= (SELECT id FROM (SELECT id, SUM(size) OVER "
            "(ORDER BY id DESC) AS running FROM webhook_log) AS totals WHERE running > ? ORDER BY "
            "id DESC "
            "LIMIT 1)"));
    bySize.addBindValue(maxBytes);
    if (!bySize.exec()) {
        fail(bySize, error);
        return std::nullopt;
    }
    deleted += bySize.numRowsAffected();
    if (deleted > 0)
        w.touchedRow(QString(Table), PrunedRows);
    return deleted;
}

} // namespace sb
