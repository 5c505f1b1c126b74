#pragma once

#include <QByteArray>
#include <QString>

namespace sb {

// A statement prepared once on the store's connection and run many times, in whichever
// database the store uses (SqliteStatement, PgStatement). Parameters are numbered from 1 and
// written ?1, ?2 … (each may appear more than once); an id a statement makes is read back
// with RETURNING id. Store thread only.
class Statement {
public:
    virtual ~Statement() = default;

    virtual void bind(int index, const QString &text) = 0;
    virtual void bindText(int index, const QByteArray &utf8) = 0;
    virtual void bindBlob(int index, const QByteArray &bytes) = 0; // null binds an empty one
    virtual void bind(int index, qint64 value) = 0;
    virtual void bindNull(int index) = 0;

    enum class Step { Row, Done, Error };
    // Runs the statement the first time, then moves to its next row.
    virtual Step step(QString *error) = 0;
    virtual qint64 columnInt64(int column) const = 0;
    virtual QString columnText(int column) const = 0; // empty for NULL
    virtual bool columnIsNull(int column) const = 0;
    virtual int changes() const = 0; // rows the last run inserted, updated or deleted
    // Ready to run again, with no bindings.
    virtual void reset() = 0;
};

} // namespace sb
