#pragma once

#include "Statement.h"

#include <QSqlDatabase>
#include <QVariantList>

#include <memory>

class QSqlQuery;

namespace sb {

// A Statement on the store's PostgreSQL connection (team mode), through Qt's QPSQL driver,
// which prepares it once on the server. The SQL is written as for SQLite (?1, ?2 …, or plain
// ? in order) and turned into PostgreSQL's $1, $2 … here.
class PgStatement : public Statement {
public:
    PgStatement();
    ~PgStatement() override;

    bool prepare(const QSqlDatabase &db, const char *sql, QString *error);
    // ?N becomes $N, a bare ? the next $N; quoted text and identifiers are left alone.
    static QString toPostgres(const QString &sql);

    void bind(int index, const QString &text) override;
    void bindText(int index, const QByteArray &utf8) override;
    void bindBlob(int index, const QByteArray &bytes) override;
    void bind(int index, qint64 value) override;
    void bindNull(int index) override;

    Step step(QString *error) override;
    qint64 columnInt64(int column) const override;
    QString columnText(int column) const override;
    bool columnIsNull(int column) const override;
    int changes() const override { return m_changes; }
    void reset() override;

private:
    void set(int index, QVariant value);

    std::unique_ptr<QSqlQuery> m_query;
    QVariantList m_values;
    bool m_executed = false;
    int m_changes = 0;
};

} // namespace sb
