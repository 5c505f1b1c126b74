#include "PgStatement.h"

#include "PostgresDialect.h"

#include <QSqlError>
#include <QSqlQuery>

namespace sb {

PgStatement::PgStatement() = default;
PgStatement::~PgStatement() = default;

QString PgStatement::toPostgres(const QString &sql) {
    QString out;
    out.reserve(sql.size() + 8);
    int next = 1;
    QChar quote; // inside '…' or "…" when set
    for (qsizetype i = 0; i < sql.size(); ++i) {
        const QChar c = sql.at(i);
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
            out += c;
            continue;
        }
        if (c == QLatin1Char('\'') || c == QLatin1Char('"')) {
            quote = c;
            out += c;
            continue;
        }
        if (c != QLatin1Char('?')) {
            out += c;
            continue;
        }
        qsizetype end = i + 1;
        while (end < sql.size() && sql.at(end).isDigit())
            ++end;
        out += QLatin1Char('$');
        if (end > i + 1) {
            out += sql.mid(i + 1, end - i - 1);
            i = end - 1;
        } else {
            out += QString::number(next++);
        }
    }
    return out;
}

bool PgStatement::prepare(const QSqlDatabase &db, const char *sql, QString *error) {
    m_query = std::make_unique<QSqlQuery>(db);
    m_query->setForwardOnly(true);
    // The channels write SQLite's dialect (PostgresDialect), numbered parameters ($N) here.
    const QString postgres = PostgresDialect::translateQuery(QString::fromUtf8(sql), error);
    if (!error->isEmpty()) {
        m_query.reset();
        return false;
    }
    if (!m_query->prepare(toPostgres(postgres))) {
        *error = m_query->lastError().text();
        m_query.reset();
        return false;
    }
    return true;
}

void PgStatement::set(int index, QVariant value) {
    if (index < 1)
        return;
    if (m_values.size() < index)
        m_values.resize(index);
    m_values[index - 1] = std::move(value);
}

void PgStatement::bind(int index, const QString &text) {
    set(index, text.isNull() ? QString(QLatin1String("")) : text);
}

void PgStatement::bindText(int index, const QByteArray &utf8) {
    set(index, QString::fromUtf8(utf8));
}

void PgStatement::bindBlob(int index, const QByteArray &bytes) {
    set(index, bytes.isNull() ? QByteArray("") : bytes);
}

void PgStatement::bind(int index, qint64 value) {
    set(index, value);
}

void PgStatement::bindNull(int index) {
    set(index, QVariant());
}

Statement::Step PgStatement::step(QString *error) {
    if (!m_query) {
        *error = QStringLiteral("the statement is not prepared");
        return Step::Error;
    }
    if (!m_executed) {
        for (qsizetype i = 0; i < m_values.size(); ++i)
            m_query->bindValue(int(i), m_values.at(i));
        m_executed = true;
        if (!m_query->exec()) {
            *error = m_query->lastError().text();
            m_changes = 0;
            return Step::Error;
        }
        m_changes = m_query->numRowsAffected();
        if (!m_query->isSelect())
            return Step::Done;
    }
    return m_query->next() ? Step::Row : Step::Done;
}

qint64 PgStatement::columnInt64(int column) const {
    return m_query->value(column).toLongLong();
}

QString PgStatement::columnText(int column) const {
    return m_query->value(column).toString();
}

bool PgStatement::columnIsNull(int column) const {
    return m_query->isNull(column);
}

void PgStatement::reset() {
    if (m_query)
        m_query->finish();
    for (QVariant &value : m_values)
        value = QVariant();
    m_executed = false;
}

} // namespace sb
