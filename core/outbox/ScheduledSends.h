#pragma once

#include "messaging/Records.h"

#include <QDateTime>
#include <QList>

#include <optional>

namespace sb {

class StoreWorker;

// The store jobs behind scheduled sends (entries `scheduled` until their send_at): run inside
// Store::run, on the store thread, by the Outbox (what is due, when next) and the local API's
// /scheduled routes (list, cancel).
class ScheduledSends {
public:
    // The earliest send_at of a scheduled entry, UTC ms; 0 when none waits.
    static std::optional<qint64> nextDue(StoreWorker &w, QString *error);
    // Every scheduled entry due at `now`, moved to pending (compare-and-set: one a cancel got
    // first stays cancelled), oldest send_at first.
    static std::optional<QList<OutboxEntry>> takeDue(StoreWorker &w, const QDateTime &now,
                                                     QString *error);
    // The entries still waiting, soonest first.
    static std::optional<QList<OutboxEntry>> waiting(StoreWorker &w, QString *error);

    enum class CancelOutcome { Cancelled, NotFound, NotScheduled };
    struct Cancel {
        CancelOutcome outcome = CancelOutcome::NotFound;
        OutboxEntry entry; // as it is now (Cancelled, or the state that refused it)
    };
    // Cancels the scheduled message with this message id (the `id` the API answers with).
    static std::optional<Cancel> cancel(StoreWorker &w, qint64 messageId, QString *error);
};

} // namespace sb
