#include "Migrations.h"

#include "common/Logging.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

namespace sb {

namespace {

const QList<QStringList> &steps() {
    static const QList<QStringList> all = {
        // 1: messages, their status history, the outbox
        {
            QStringLiteral(R"(CREATE TABLE messages (
                id INTEGER PRIMARY KEY,
                sid TEXT UNIQUE,
                channel TEXT NOT NULL DEFAULT 'sms',
                direction TEXT NOT NULL,
                from_number TEXT NOT NULL DEFAULT '',
                to_number TEXT NOT NULL DEFAULT '',
                body TEXT NOT NULL DEFAULT '',
                status TEXT NOT NULL,
                status_rank INTEGER NOT NULL DEFAULT 0,
                error_code INTEGER NOT NULL DEFAULT 0,
                error_message TEXT NOT NULL DEFAULT '',
                segments INTEGER NOT NULL DEFAULT 0,
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL))"),
            QStringLiteral("CREATE INDEX messages_to ON messages(to_number)"),
            QStringLiteral("CREATE INDEX messages_from ON messages(from_number)"),
            QStringLiteral(R"(CREATE TABLE message_events (
                id INTEGER PRIMARY KEY,
                message_sid TEXT NOT NULL,
                status TEXT NOT NULL,
                error_code INTEGER NOT NULL DEFAULT 0,
                idempotency_token TEXT,
                received_at INTEGER NOT NULL,
                payload TEXT NOT NULL DEFAULT '',
                UNIQUE (message_sid, status)))"),
            QStringLiteral("CREATE UNIQUE INDEX message_events_token ON "
                           "message_events(idempotency_token) WHERE idempotency_token IS NOT NULL"),
            QStringLiteral(R"(CREATE TABLE outbox (
                id INTEGER PRIMARY KEY,
                message_id INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
                state TEXT NOT NULL,
                status_callback TEXT NOT NULL DEFAULT '',
                client_ref TEXT UNIQUE,
                attempts INTEGER NOT NULL DEFAULT 0,
                last_error TEXT NOT NULL DEFAULT '',
                created_at INTEGER NOT NULL,
                updated_at INTEGER NOT NULL))"),
            QStringLiteral("CREATE INDEX outbox_unfinished ON outbox(state) "
                           "WHERE state IN ('pending', 'submitted')"),
        },
        // 2: messages sent as a Content template (any channel): its SID and variables travel
        // with the entry, so a resend after a crash sends the same template.
        {
            QStringLiteral("ALTER TABLE outbox ADD COLUMN content_sid TEXT NOT NULL DEFAULT ''"),
            QStringLiteral(
                "ALTER TABLE outbox ADD COLUMN content_variables TEXT NOT NULL DEFAULT ''"),
        },
        // 3: media sent with a message (MMS, WhatsApp): their public URLs, a JSON array, travel
        // with the entry, so a resend after a crash sends the same media.
        {
            QStringLiteral("ALTER TABLE outbox ADD COLUMN media_urls TEXT NOT NULL DEFAULT ''"),
        },
        // 4: scheduled sends wait in the outbox until send_at (UTC ms), and a
        // message may go through a Messaging Service (MG…) instead of a From number.
        {
            QStringLiteral("ALTER TABLE outbox ADD COLUMN send_at INTEGER"),
            QStringLiteral(
                "ALTER TABLE outbox ADD COLUMN messaging_service_sid TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("CREATE INDEX outbox_scheduled ON outbox(send_at) WHERE state = "
                           "'scheduled'"),
        },
        // 5: a message's entry found by its message: the inbox's thread (media URLs), the
        // tables' scheduled time and Retry look it up for every outbound row they show.
        {
            QStringLiteral("CREATE INDEX outbox_message ON outbox(message_id)"),
        },
        // 6: how each status was learned: 'webhook' (Twilio's callback) or 'poll' (fetched from
        // Twilio's REST API by reconciliation, when the callback never came).
        {
            QStringLiteral(
                "ALTER TABLE message_events ADD COLUMN source TEXT NOT NULL DEFAULT 'webhook'"),
        },
    };
    return all;
}

} // namespace

int Migrations::latestVersion() {
    return int(steps().size());
}

bool Migrations::apply(QSqlDatabase &db, QString *error) {
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next()) {
        *error = query.lastError().text();
        return false;
    }
    const int current = query.value(0).toInt();
    if (current > latestVersion()) {
        *error = QStringLiteral("the database is from a newer Switchboard (schema %1, this "
                                "version knows up to %2)")
                     .arg(current)
                     .arg(latestVersion());
        return false;
    }
    for (int version = current + 1; version <= latestVersion(); ++version) {
        if (!db.transaction()) {
            *error = db.lastError().text();
            return false;
        }
        for (const QString &statement : steps().at(version - 1)) {
            if (!query.exec(statement)) {
                *error = QStringLiteral("migration %1 failed: %2")
                             .arg(version)
                             .arg(query.lastError().text());
                db.rollback();
                return false;
            }
        }
        if (!query.exec(QStringLiteral("PRAGMA user_version = %1").arg(version))) {
            *error = QStringLiteral("migration %1 could not be recorded: %2")
                         .arg(version)
                         .arg(query.lastError().text());
            db.rollback();
            return false;
        }
        if (!db.commit()) {
            *error = db.lastError().text();
            return false;
        }
        qCInfo(lcStore) << "database schema now at version" << version;
    }
    return true;
}

bool Migrations::apply(QSqlDatabase &db, const Schema &schema, QString *error) {
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_versions (module TEXT "
                                   "PRIMARY KEY, version INTEGER NOT NULL)"))) {
        *error = query.lastError().text();
        return false;
    }
    query.prepare(QStringLiteral("SELECT version FROM schema_versions WHERE module = ?"));
    query.addBindValue(schema.module);
    if (!query.exec()) {
        *error = query.lastError().text();
        return false;
    }
    const int current = query.next() ? query.value(0).toInt() : 0;
    query.finish();
    if (current > schema.steps.size()) {
        *error = QStringLiteral("the database is from a newer Switchboard (%1 schema %2, this "
                                "version knows up to %3)")
                     .arg(schema.module)
                     .arg(current)
                     .arg(schema.steps.size());
        return false;
    }
    for (int version = current + 1; version <= schema.steps.size(); ++version) {
        if (!db.transaction()) {
            *error = db.lastError().text();
            return false;
        }
        bool ok = true;
        for (const QString &statement : schema.steps.at(version - 1)) {
            if (!query.exec(statement)) {
                ok = false;
                break;
            }
        }
        if (ok) {
            query.prepare(QStringLiteral("INSERT INTO schema_versions (module, version) VALUES "
                                         "(?, ?) ON CONFLICT(module) DO UPDATE SET version = "
                                         "excluded.version"));
            query.addBindValue(schema.module);
            query.addBindValue(version);
            ok = query.exec();
        }
        if (!ok) {
            *error = QStringLiteral("%1 migration %2 failed: %3")
                         .arg(schema.module)
                         .arg(version)
                         .arg(query.lastError().text());
            db.rollback();
            return false;
        }
        if (!db.commit()) {
            *error = db.lastError().text();
            return false;
        }
        qCInfo(lcStore) << schema.module << "schema now at version" << version;
    }
    return true;
}

} // namespace sb
