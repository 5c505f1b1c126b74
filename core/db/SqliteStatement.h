#pragma once

#include <QByteArray>
#include <QString>

struct sqlite3;
struct sqlite3_stmt;

namespace sb {

// A prepared statement on the store's own SQLite connection (the handle Qt SQL opened), for
// the webhook-ingest statements that run thousands of times a second: binding UTF-8 directly
// skips QVariant and the UTF-16 round trip, which was most of the store thread's time.
// Store thread only; finalized before the connection closes.
class SqliteStatement {
public:
    SqliteStatement() = default;
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;

    bool prepare(sqlite3 *db, const char *sql, QString *error);
    bool isPrepared() const { return m_stmt != nullptr; }
    void finalize();

    void bind(int index, const QString &text); // 1-based, as in SQLite
    void bindText(int index, const QByteArray &utf8);
    void bindBlob(int index, const QByteArray &bytes); // a null QByteArray binds an empty blob
    void bind(int index, qint64 value);
    void bindNull(int index);

    enum class Step { Row, Done, Error };
    Step step(QString *error);
    qint64 columnInt64(int column) const;
    QString columnText(int column) const; // UTF-8 as SQLite holds it; empty for NULL
    bool columnIsNull(int column) const;
    int changes() const;
    qint64 lastInsertRowId() const;
    void reset();

private:
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
};

} // namespace sb
