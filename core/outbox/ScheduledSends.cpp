#include "ScheduledSends.h"

#include "db/SqlDialect.h"
#include "db/SqlValues.h"
#include "db/StoreWorker.h"

#include <QSqlQuery>

namespace sb {

namespace {

std::optional<QList<qint64>> ids(QSqlQuery &q, QString *error) {
    if (!sql::exec(q, error))
        return std::nullopt;
    QList<qint64> found;
    while (q.next())
        found.append(q.value(0).toLongLong());
    return found;
}

} // namespace

std::optional<qint64> ScheduledSends::nextDue(StoreWorker &w, QString *error) {
    QSqlQuery q(w.database());
    sql::prepare(q, QStringLiteral("SELECT MIN(send_at) FROM outbox WHERE state = 'scheduled'"));
    if (!sql::exec(q, error))
        return std::nullopt;
    return q.next() ? q.value(0).toLongLong() : 0;
}

std::optional<QList<OutboxEntry>> ScheduledSends::takeDue(StoreWorker &w, const QDateTime &now,
                                                          QString *error) {
    QSqlQuery q(w.database());
    sql::prepare(q,
                 QStringLiteral("SELECT id FROM outbox WHERE state = 'scheduled' AND send_at <= ? "
                                "ORDER BY send_at, id"));
    q.addBindValue(now.toMSecsSinceEpoch());
    const std::optional<QList<qint64>> due = ids(q, error);
    if (!due)
        return std::nullopt;
    QList<OutboxEntry> taken;
    for (qint64 id : *due) {
        std::optional<OutboxEntry> entry =
            w.transition(id, OutboxEntry::State::Pending, {}, {}, 0, {}, error);
        if (!entry)
            return std::nullopt;
        if (entry->applied)
            taken.append(*entry);
    }
    return taken;
}

std::optional<QList<OutboxEntry>> ScheduledSends::waiting(StoreWorker &w, QString *error) {
    QSqlQuery q(w.database());
    sql::prepare(
        q, QStringLiteral("SELECT id FROM outbox WHERE state = 'scheduled' ORDER BY send_at, id"));
    const std::optional<QList<qint64>> found = ids(q, error);
    if (!found)
        return std::nullopt;
    QList<OutboxEntry> entries;
    for (qint64 id : *found) {
        std::optional<OutboxEntry> entry = w.outboxEntry(id, error);
        if (!entry)
            return std::nullopt;
        entries.append(*entry);
    }
    return entries;
}

std::optional<ScheduledSends::Cancel> ScheduledSends::cancel(StoreWorker &w, qint64 messageId,
                                                             QString *error) {
    QSqlQuery q(w.database());
    sql::prepare(q, QStringLiteral("SELECT id FROM outbox WHERE message_id = ?"));
    q.addBindValue(messageId);
    const std::optional<QList<qint64>> found = ids(q, error);
    if (!found)
        return std::nullopt;
    Cancel result;
    if (found->isEmpty())
        return result;
    std::optional<OutboxEntry> entry =
        w.transition(found->first(), OutboxEntry::State::Cancelled, {}, {}, 0, {}, error);
    if (!entry)
        return std::nullopt;
    result.entry = *entry;
    result.outcome = entry->applied ? CancelOutcome::Cancelled : CancelOutcome::NotScheduled;
    return result;
}

} // namespace sb
