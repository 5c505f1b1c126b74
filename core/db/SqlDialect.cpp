#include "SqlDialect.h"

#include "PostgresDialect.h"
#include "common/Logging.h"

#include <QHash>
#include <QSqlDriver>
#include <QSqlQuery>

namespace sb::sql {

QString forQuery(const QSqlQuery &query, const QString &sqlite) {
    if (!query.driver() || query.driver()->dbmsType() != QSqlDriver::PostgreSQL)
        return sqlite;
    // One store thread per process in practice; thread_local keeps it safe without a lock.
    thread_local QHash<QString, QString> translated;
    if (const auto it = translated.constFind(sqlite); it != translated.cend())
        return *it;
    QString error;
    QString postgres = PostgresDialect::translateQuery(sqlite, &error);
    if (!error.isEmpty()) {
        // A programming error: PostgreSQL then refuses the SQLite text, saying where.
        qCCritical(lcStore) << "no PostgreSQL form:" << error;
        postgres = sqlite;
    }
    translated.insert(sqlite, postgres);
    return postgres;
}

bool prepare(QSqlQuery &query, const QString &sqlite) {
    return query.prepare(forQuery(query, sqlite));
}

bool execText(QSqlQuery &query, const QString &sqlite) {
    return query.exec(forQuery(query, sqlite));
}

} // namespace sb::sql
