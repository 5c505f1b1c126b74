#pragma once

#include "Statement.h"

struct sqlite3;
struct sqlite3_stmt;

namespace sb {

// A prepared statement on the store's own SQLite connection (the handle Qt SQL opened), for
// the webhook-ingest statements that run thousands of times a second: binding UTF-8 directly
// skips QVariant and the UTF-16 round trip, which was most of the store thread's time.
// Store thread only; finalized before the connection closes.
class SqliteStatement : public Statement {
public:
    SqliteStatement() = default;
    ~SqliteStatement() override;
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;

    bool prepare(sqlite3 *db, const char *sql, QString *error);
    bool isPrepared() const { return m_stmt != nullptr; }
    void finalize();

    void bind(int index, const QString &text) override; // 1-based, as in SQLite
    void bindText(int index, const QByteArray &utf8) override;
    void bindBlob(int index, const QByteArray &bytes) override;
    void bind(int index, qint64 value) override;
    void bindNull(int index) override;

    Step step(QString *error) override;
    qint64 columnInt64(int column) const override;
    QString columnText(int column) const override; // UTF-8 as SQLite holds it
    bool columnIsNull(int column) const override;
    int changes() const override;
    qint64 lastInsertRowId() const;
    void reset() override;

private:
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
};

} // namespace sb
