#include "SqliteQuery.h"

#include "db/StoreWorker.h"

#include <QSqlDriver>
#include <sqlite3.h>

namespace sb {

SqliteQuery::SqliteQuery(StoreWorker &worker) {
    const QVariant native = worker.database().driver()->handle(); // documented as "sqlite3*"
    if (native.isValid() && qstrcmp(native.typeName(), "sqlite3*") == 0)
        m_db = *static_cast<sqlite3 *const *>(native.constData());
}

SqliteQuery::~SqliteQuery() {
    sqlite3_finalize(m_stmt);
}

bool SqliteQuery::prepare(const QString &sql, QString *error) {
    sqlite3_finalize(m_stmt);
    m_stmt = nullptr;
    m_error.clear();
    if (!m_db) {
        m_error = QStringLiteral("store not open");
    } else {
        const QByteArray utf8 = sql.toUtf8();
        if (sqlite3_prepare_v2(m_db, utf8.constData(), int(utf8.size()), &m_stmt, nullptr) !=
            SQLITE_OK)
            m_error = QString::fromUtf8(sqlite3_errmsg(m_db));
    }
    if (!m_error.isEmpty() && error)
        *error = m_error;
    return m_error.isEmpty();
}

void SqliteQuery::bind(const char *name, const QString &text) {
    const int index = m_stmt ? sqlite3_bind_parameter_index(m_stmt, name) : 0;
    if (index > 0) {
        const QByteArray utf8 = text.toUtf8();
        sqlite3_bind_text(m_stmt, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
    }
}

void SqliteQuery::bind(const char *name, qint64 value) {
    const int index = m_stmt ? sqlite3_bind_parameter_index(m_stmt, name) : 0;
    if (index > 0)
        sqlite3_bind_int64(m_stmt, index, value);
}

bool SqliteQuery::next() {
    if (!m_stmt)
        return false;
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc != SQLITE_DONE)
        m_error = QString::fromUtf8(sqlite3_errmsg(m_db));
    return false;
}

bool SqliteQuery::exec() {
    while (next()) {
    }
    return ok();
}

void SqliteQuery::reset() {
    if (m_stmt) {
        sqlite3_reset(m_stmt);
        sqlite3_clear_bindings(m_stmt);
    }
    m_error.clear();
}

QString SqliteQuery::text(int column) const {
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    return data ? QString::fromUtf8(data, sqlite3_column_bytes(m_stmt, column)) : QString();
}

qint64 SqliteQuery::int64(int column) const {
    return sqlite3_column_int64(m_stmt, column);
}

int SqliteQuery::changes() const {
    return m_db ? sqlite3_changes(m_db) : 0;
}

qint64 SqliteQuery::lastInsertId() const {
    return m_db ? sqlite3_last_insert_rowid(m_db) : 0;
}

} // namespace sb
