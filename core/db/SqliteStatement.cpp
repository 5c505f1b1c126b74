#include "SqliteStatement.h"

#include <sqlite3.h>

namespace sb {

SqliteStatement::~SqliteStatement() {
    finalize();
}

bool SqliteStatement::prepare(sqlite3 *db, const char *sql, QString *error) {
    finalize();
    m_db = db;
    if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &m_stmt, nullptr) != SQLITE_OK) {
        *error = QString::fromUtf8(sqlite3_errmsg(db));
        m_stmt = nullptr;
        return false;
    }
    return true;
}

void SqliteStatement::finalize() {
    if (m_stmt)
        sqlite3_finalize(m_stmt);
    m_stmt = nullptr;
}

void SqliteStatement::bind(int index, const QString &text) {
    const QByteArray utf8 = text.toUtf8();
    sqlite3_bind_text(m_stmt, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
}

void SqliteStatement::bindText(int index, const QByteArray &utf8) {
    sqlite3_bind_text(m_stmt, index, utf8.isNull() ? "" : utf8.constData(), int(utf8.size()),
                      SQLITE_TRANSIENT);
}

void SqliteStatement::bindBlob(int index, const QByteArray &bytes) {
    sqlite3_bind_blob(m_stmt, index, bytes.isNull() ? "" : bytes.constData(), int(bytes.size()),
                      SQLITE_TRANSIENT);
}

void SqliteStatement::bind(int index, qint64 value) {
    sqlite3_bind_int64(m_stmt, index, value);
}

void SqliteStatement::bindNull(int index) {
    sqlite3_bind_null(m_stmt, index);
}

SqliteStatement::Step SqliteStatement::step(QString *error) {
    switch (sqlite3_step(m_stmt)) {
    case SQLITE_ROW:
        return Step::Row;
    case SQLITE_DONE:
        return Step::Done;
    default:
        *error = QString::fromUtf8(sqlite3_errmsg(m_db));
        return Step::Error;
    }
}

qint64 SqliteStatement::columnInt64(int column) const {
    return sqlite3_column_int64(m_stmt, column);
}

QString SqliteStatement::columnText(int column) const {
    const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    return text ? QString::fromUtf8(text, sqlite3_column_bytes(m_stmt, column)) : QString();
}

bool SqliteStatement::columnIsNull(int column) const {
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

int SqliteStatement::changes() const {
    return sqlite3_changes(m_db);
}

qint64 SqliteStatement::lastInsertRowId() const {
    return sqlite3_last_insert_rowid(m_db);
}

void SqliteStatement::reset() {
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

} // namespace sb
