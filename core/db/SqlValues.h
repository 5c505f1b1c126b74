#pragma once

#include <QDateTime>
#include <QSqlQuery>
#include <QString>

namespace sb::sql {

// The small conventions every table of ours follows, in one place for the channels' stores.

// Runs a prepared query; on failure puts the driver's message in *error.
bool exec(QSqlQuery &query, QString *error);

// Times are stored as UTC milliseconds since the epoch, 0 for "none".
QDateTime fromMs(qint64 ms);
qint64 toMs(const QDateTime &time);

// Qt binds a null QString as SQL NULL; our text columns are NOT NULL with '' for "none".
QString text(const QString &s);

} // namespace sb::sql
