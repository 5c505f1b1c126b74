#pragma once

#include <QSqlQuery>
#include <QString>

#include <optional>

struct sqlite3;
struct sqlite3_stmt;

namespace sb {

class StoreWorker;

// A statement with named parameters on the store's own connection, for the inbox's reads:
// the same name may appear several times (one bind sets them all), a name the SQL does not use
// is ignored (so every ThreadSource gets the same set). On SQLite it runs on the connection's
// own handle (text comes back as UTF-8 without a QVariant per cell); on PostgreSQL (team
// mode) through Qt SQL, its SQL turned by PostgresDialect. Store thread only; finalized when
// it goes out of scope.
class InboxQuery {
public:
    explicit InboxQuery(StoreWorker &worker);
    ~InboxQuery();
    InboxQuery(const InboxQuery &) = delete;
    InboxQuery &operator=(const InboxQuery &) = delete;

    bool prepare(const QString &sql, QString *error);
    void bind(const char *name, const QString &text);
    void bind(const char *name, qint64 value);
    // True while there is a row; on the end or an error false (error() says which).
    bool next();
    bool ok() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }
    // Runs a statement that returns no rows; false with error() set on failure.
    bool exec();
    void reset();

    QString text(int column) const;
    qint64 int64(int column) const;
    int changes() const;

private:
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
    std::optional<QSqlQuery> m_pg; // PostgreSQL
    bool m_pgRan = false;
    QString m_error;
};

} // namespace sb
