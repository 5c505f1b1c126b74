#include "RecheckSchedule.h"

#include "db/SqlDialect.h"
#include "db/StoreWorker.h"

#include <QSqlError>
#include <QSqlQuery>

namespace sb {

int RecheckSchedule::passIntervalMs(qint64 afterMs) {
    return int(qBound(qint64(1000), afterMs / 4, qint64(60 * 1000)));
}

QStringList RecheckSchedule::due(const QStringList &candidates, const QDateTime &now) const {
    QStringList due;
    for (const QString &sid : candidates) {
        if (due.size() >= m_options.maxPerPass)
            break;
        const auto wait = m_waiting.constFind(sid);
        if (wait == m_waiting.cend() || wait->next <= now)
            due.append(sid);
    }
    return due;
}

void RecheckSchedule::later(const QString &sid, const QDateTime &now) {
    Wait &w = m_waiting[sid];
    w.delayMs = w.delayMs ? qMin(w.delayMs * 2, m_options.giveUpAfterMs) : m_options.afterMs;
    w.next = now.addMSecs(w.delayMs);
}

void RecheckSchedule::giveUp(const QString &sid, const QDateTime &now) {
    m_waiting[sid] = {now.addMSecs(m_options.giveUpAfterMs), m_options.giveUpAfterMs};
}

std::optional<qint64> RecheckSchedule::lastEventMs(StoreWorker &w, const QString &eventsTable,
                                                   QString *error) {
    QSqlQuery q(w.database());
    // The table name is the caller's constant, never input.
    if (!sql::execText(q, QStringLiteral("SELECT MAX(received_at) FROM %1").arg(eventsTable)) ||
        !q.next()) {
        *error = q.lastError().text();
        return std::nullopt;
    }
    return q.value(0).isNull() ? 0 : q.value(0).toLongLong();
}

} // namespace sb
