#include "Migrations.h"

#include "PostgresDialect.h"
#include "common/Logging.h"

#include <QScopeGuard>
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
        // 7: claims (team mode: many processes send from one outbox): the process working on
        // an entry and until when (UTC ms) its claim holds; another takes an unfinished entry
        // over only once the claim has lapsed. One process owns SQLite's and claims them all.
        {
            QStringLiteral("ALTER TABLE outbox ADD COLUMN claimed_by TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("ALTER TABLE outbox ADD COLUMN lease_until INTEGER NOT NULL DEFAULT 0"),
        },
        // 8: who sent an outbound message (the agent's name; '' when unknown, as for inbound).
        {
            QStringLiteral("ALTER TABLE messages ADD COLUMN agent TEXT NOT NULL DEFAULT ''"),
        },
    };
    return all;
}

// Core's steps in PostgreSQL's dialect. Steps 2, 3, 5, 6 and 8 are the same SQL in both; 1, 4 and 7
// differ in types: 64-bit times and ids (SQLite's INTEGER is 64-bit, PostgreSQL's is not) and
// identity columns for SQLite's rowid primary keys.
const QList<QStringList> &postgresSteps() {
    static const QList<QStringList> all = [] {
        QList<QStringList> pg = steps();
        pg[0] = {
            QStringLiteral(R"(CREATE TABLE messages (
                id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
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
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL))"),
            QStringLiteral("CREATE INDEX messages_to ON messages(to_number)"),
            QStringLiteral("CREATE INDEX messages_from ON messages(from_number)"),
            QStringLiteral(R"(CREATE TABLE message_events (
                id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
                message_sid TEXT NOT NULL,
                status TEXT NOT NULL,
                error_code INTEGER NOT NULL DEFAULT 0,
                idempotency_token TEXT,
                received_at BIGINT NOT NULL,
                payload TEXT NOT NULL DEFAULT '',
                UNIQUE (message_sid, status)))"),
            QStringLiteral("CREATE UNIQUE INDEX message_events_token ON "
                           "message_events(idempotency_token) WHERE idempotency_token IS NOT NULL"),
            QStringLiteral(R"(CREATE TABLE outbox (
                id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
                message_id BIGINT NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
                state TEXT NOT NULL,
                status_callback TEXT NOT NULL DEFAULT '',
                client_ref TEXT UNIQUE,
                attempts INTEGER NOT NULL DEFAULT 0,
                last_error TEXT NOT NULL DEFAULT '',
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL))"),
            QStringLiteral("CREATE INDEX outbox_unfinished ON outbox(state) "
                           "WHERE state IN ('pending', 'submitted')"),
        };
        pg[3][0] = QStringLiteral("ALTER TABLE outbox ADD COLUMN send_at BIGINT");
        pg[6][1] = QStringLiteral("ALTER TABLE outbox ADD COLUMN lease_until BIGINT NOT NULL "
                                  "DEFAULT 0");
        return pg;
    }();
    return all;
}

// One module's steps, in either dialect (the SQL here is both's); on PostgreSQL the caller
// holds the advisory lock.
bool applyModuleSteps(QSqlDatabase &db, const QString &module, const QList<QStringList> &steps,
                      QString *error) {
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT version FROM schema_versions WHERE module = ?"));
    query.addBindValue(module);
    if (!query.exec()) {
        *error = query.lastError().text();
        return false;
    }
    const int current = query.next() ? query.value(0).toInt() : 0;
    query.finish();
    if (current > steps.size()) {
        *error = QStringLiteral("the database is from a newer Switchboard (%1 schema %2, this "
                                "version knows up to %3)")
                     .arg(module)
                     .arg(current)
                     .arg(steps.size());
        return false;
    }
    for (int version = current + 1; version <= steps.size(); ++version) {
        if (!db.transaction()) {
            *error = db.lastError().text();
            return false;
        }
        bool ok = true;
        for (const QString &statement : steps.at(version - 1)) {
            if (!query.exec(statement)) {
                ok = false;
                break;
            }
        }
        if (ok) {
            query.prepare(QStringLiteral("INSERT INTO schema_versions (module, version) VALUES "
                                         "(?, ?) ON CONFLICT (module) DO UPDATE SET version = "
                                         "excluded.version"));
            query.addBindValue(module);
            query.addBindValue(version);
            ok = query.exec();
        }
        if (!ok) {
            *error = QStringLiteral("%1 migration %2 failed: %3")
                         .arg(module)
                         .arg(version)
                         .arg(query.lastError().text());
            db.rollback();
            return false;
        }
        if (!db.commit()) {
            *error = db.lastError().text();
            return false;
        }
        qCInfo(lcStore) << module << "schema now at version" << version;
    }
    return true;
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

bool Migrations::applyPostgres(QSqlDatabase &db, const QList<Schema> &schemas, QString *error) {
    // Each module's steps as it wrote them for PostgreSQL, else turned from SQLite's.
    QList<QList<QStringList>> moduleSteps;
    for (const Schema &schema : schemas) {
        if (schema.postgresSteps.isEmpty()) {
            QString why;
            moduleSteps.append(PostgresDialect::translateSteps(schema.steps, &why));
            if (!why.isEmpty()) {
                *error = QStringLiteral("the %1 module cannot run on PostgreSQL (%2)")
                             .arg(schema.module, why);
                return false;
            }
        } else if (schema.postgresSteps.size() != schema.steps.size()) {
            *error = QStringLiteral("the %1 module cannot run on PostgreSQL (it has %2 of its "
                                    "%3 schema steps in PostgreSQL's dialect)")
                         .arg(schema.module)
                         .arg(schema.postgresSteps.size())
                         .arg(schema.steps.size());
            return false;
        } else {
            moduleSteps.append(schema.postgresSteps);
        }
    }
    QSqlQuery query(db);
    // A session lock: held across the steps' transactions, released on every return below
    // (and by the server if this connection dies).
    if (!query.exec(QStringLiteral("SELECT pg_advisory_lock(%1)").arg(PostgresLockKey))) {
        *error = query.lastError().text();
        return false;
    }
    const auto unlock = qScopeGuard([&db] {
        QSqlQuery(db).exec(QStringLiteral("SELECT pg_advisory_unlock(%1)").arg(PostgresLockKey));
    });
    if (!query.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_versions (module TEXT "
                                   "PRIMARY KEY, version INTEGER NOT NULL)"))) {
        *error = query.lastError().text();
        return false;
    }
    if (!applyModuleSteps(db, QStringLiteral("core"), postgresSteps(), error))
        return false;
    // Team mode's own: every committed change, in commit order, for the other processes
    // (StoreWorker::appendChangeLog). SQLite has one process and needs none.
    static const QList<QStringList> changeLog = {{
        QStringLiteral(R"(CREATE TABLE change_log (
            id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            kind TEXT NOT NULL,
            record_id BIGINT NOT NULL,
            created BOOLEAN NOT NULL DEFAULT false,
            at TIMESTAMPTZ NOT NULL DEFAULT now()))"),
    }};
    if (!applyModuleSteps(db, QStringLiteral("change_log"), changeLog, error))
        return false;
    // What SQLite has built in and the modules' SQL relies on: COLLATE NOCASE (a shortcut is
    // unique whatever its case).
    static const QList<QStringList> dialect = {{
        QStringLiteral("CREATE COLLATION IF NOT EXISTS nocase (provider = icu, locale = "
                       "'und-u-ks-level2', deterministic = false)"),
    }};
    if (!applyModuleSteps(db, QStringLiteral("sqlite_dialect"), dialect, error))
        return false;
    for (qsizetype i = 0; i < schemas.size(); ++i) {
        if (!applyModuleSteps(db, schemas.at(i).module, moduleSteps.at(i), error))
            return false;
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
    return applyModuleSteps(db, schema.module, schema.steps, error);
}

} // namespace sb
