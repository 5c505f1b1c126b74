#include "SqlValues.h"

#include <QSqlError>

namespace sb::sql {

bool exec(QSqlQuery &query, QString *error) {
    if (query.exec())
        return true;
    *error = query.lastError().text();
    return false;
}

QDateTime fromMs(qint64 ms) {
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC) : QDateTime();
}

qint64 toMs(const QDateTime &time) {
    return time.isValid() ? time.toMSecsSinceEpoch() : 0;
}

QString text(const QString &s) {
    return s.isNull() ? QStringLiteral("") : s;
}

} // namespace sb::sql
