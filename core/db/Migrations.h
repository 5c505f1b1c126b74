#pragma once

#include <QList>
#include <QString>
#include <QStringList>

class QSqlDatabase;

namespace sb {

// A module's tables (a channel's own): its steps, applied in order, once each.
struct Schema {
    QString module; // the channel's id
    QList<QStringList> steps;
    // Statements run once per batch, just before its commit (and by StoreWorker::catchUp()
    // before a read that needs them): work that the module's triggers queue row by row and
    // that is far cheaper done once per commit, e.g. filling a full-text index.
    QStringList beforeCommit = {};
    // The same versions in PostgreSQL's dialect (team mode): step N here is step N above. A
    // module without them cannot run on PostgreSQL yet.
    QList<QStringList> postgresSteps = {};
    QStringList postgresBeforeCommit = {};
};

// Schema versions. Core's (messages, their events, the outbox) are kept in PRAGMA
// user_version; each module's in the schema_versions table under its name. Each step runs in
// one transaction, so a database is always at exactly one version of each. SQLite dialect
// stays inside core/db and each channel's own schema.
class Migrations {
public:
    static int latestVersion();
    static bool apply(QSqlDatabase &db, QString *error);
    static bool apply(QSqlDatabase &db, const Schema &schema, QString *error);

    // PostgreSQL (team mode): core's steps and then each module's, every version recorded in
    // schema_versions (core's under "core"), all under one advisory lock, so consoles and
    // receivers starting together apply each step exactly once; the others wait, then find
    // it done.
    static bool applyPostgres(QSqlDatabase &db, const QList<Schema> &schemas, QString *error);
    static constexpr qint64 PostgresLockKey = 0x5377697463680001; // "Switch", 1
    // Held from a batch's change-log rows to its commit: the log's ids commit in order.
    static constexpr qint64 ChangeLogLockKey = 0x5377697463680002;
    static constexpr char ChangeChannel[] = "switchboard_changes"; // LISTEN/NOTIFY
};

} // namespace sb
