#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace sb {

// Turns the SQLite dialect the modules write their tables, triggers and queries in into
// PostgreSQL's, so a module's SQL is written once for both stores (team mode). It covers what
// the modules use: 64-bit INTEGER and rowid keys, BLOB, WITHOUT ROWID, INSERT OR IGNORE,
// scalar max()/min(), group_concat(), instr(), json_each()/json_extract() over a JSON array
// of objects, strftime('%s', 'now'), IS [NOT] between values, an unnamed subquery in FROM,
// and triggers (a PL/pgSQL function each). What it cannot turn (FTS5, printf) is an error
// that names it: such a module writes those steps for PostgreSQL itself (Schema::postgresSteps).
class PostgresDialect {
public:
    // One module's steps, in order (a trigger dropped in a later step is found by name).
    static QList<QStringList> translateSteps(const QList<QStringList> &steps, QString *error);
    // One statement; a trigger becomes two (its function, then the trigger).
    static QStringList translateStatement(const QString &sql, QHash<QString, QString> *triggers,
                                          QString *error);
    // A query or DML statement (no DDL): the expressions only.
    static QString translateQuery(const QString &sql, QString *error);
};

} // namespace sb
