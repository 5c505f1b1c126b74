#pragma once

#include <QString>

class QSqlQuery;

namespace sb::sql {

// A statement written in SQLite's dialect, run in the dialect of the query's connection: as
// written on SQLite, turned by PostgresDialect on PostgreSQL (each text once, then cached), so
// the store code's SQL is written once for both stores. Store thread only.
QString forQuery(const QSqlQuery &query, const QString &sqlite);
bool prepare(QSqlQuery &query, const QString &sqlite);
bool execText(QSqlQuery &query, const QString &sqlite);

} // namespace sb::sql
