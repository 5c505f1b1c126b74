#include "InboxQuery.h"

#include "db/SqlDialect.h"
#include "db/StoreWorker.h"

#include <QSqlDriver>
#include <QSqlError>
#include <sqlite3.h>

namespace sb {

InboxQuery::InboxQuery(StoreWorker &worker) {
    if (worker.isPostgres()) {
        m_pg.emplace(worker.database());
        m_pg->setForwardOnly(true);
        return;
    }
    const QVariant native = worker.database().driver()->handle(); // documented as "sqlite3*"
    if (native.isValid() && qstrcmp(native.typeName(), "sqlite3*") == 0)
        m_db = *static_cast<sqlite3 *const *>(native.constData());
}

InboxQuery::~InboxQuery() {
    sqlite3_finalize(m_stmt);
}

bool InboxQuery::prepare(const QString &sql, QString *error) {
    m_error.clear();
    if (m_pg) {
        m_pgRan = false;
        if (!sql::prepare(*m_pg, sql))
            m_error = m_pg->lastError().text();
    } else {
        sqlite3_finalize(m_stmt);
        m_stmt = nullptr;
        if (!m_db) {
            m_error = QStringLiteral("store not open");
        } else {
            const QByteArray utf8 = sql.toUtf8();
            if (sqlite3_prepare_v2(m_db, utf8.constData(), int(utf8.size()), &m_stmt, nullptr) !=
                SQLITE_OK)
                m_error = QString::fromUtf8(sqlite3_errmsg(m_db));
        }
    }
    if (!m_error.isEmpty() && error)
        *error = m_error;
    return m_error.isEmpty();
}

void InboxQuery::bind(const char *name, const QString &text) {
    if (m_pg) {
        // Never NULL: SQLite's empty text binds as '' too.
        m_pg->bindValue(QString::fromLatin1(name), text.isNull() ? QStringLiteral("") : text);
        return;
    }
    const int index = m_stmt ? sqlite3_bind_parameter_index(m_stmt, name) : 0;
    if (index > 0) {
        const QByteArray utf8 = text.toUtf8();
        sqlite3_bind_text(m_stmt, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
    }
}

void InboxQuery::bind(const char *name, qint64 value) {
    if (m_pg) {
        m_pg->bindValue(QString::fromLatin1(name), value);
        return;
    }
    const int index = m_stmt ? sqlite3_bind_parameter_index(m_stmt, name) : 0;
    if (index > 0)
        sqlite3_bind_int64(m_stmt, index, value);
}

bool InboxQuery::next() {
    if (m_pg) {
        if (!m_error.isEmpty())
            return false;
        if (!m_pgRan) {
            m_pgRan = true;
            if (!m_pg->exec()) {
                m_error = m_pg->lastError().text();
                return false;
            }
        }
        return m_pg->isSelect() && m_pg->next();
    }
    if (!m_stmt)
        return false;
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc != SQLITE_DONE)
        m_error = QString::fromUtf8(sqlite3_errmsg(m_db));
    return false;
}

bool InboxQuery::exec() {
    while (next()) {
    }
    return ok();
}

void InboxQuery::reset() {
    if (m_pg) {
        m_pg->finish();
        m_pgRan = false;
    } else if (m_stmt) {
        sqlite3_reset(m_stmt);
        sqlite3_clear_bindings(m_stmt);
    }
    m_error.clear();
}

QString InboxQuery::text(int column) const {
    if (m_pg)
        return m_pg->value(column).toString();
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    return data ? QString::fromUtf8(data, sqlite3_column_bytes(m_stmt, column)) : QString();
}

qint64 InboxQuery::int64(int column) const {
    if (m_pg)
        return m_pg->value(column).toLongLong();
    return sqlite3_column_int64(m_stmt, column);
}

int InboxQuery::changes() const {
    if (m_pg)
        return m_pg->numRowsAffected();
    return m_db ? sqlite3_changes(m_db) : 0;
}

} // namespace sb
