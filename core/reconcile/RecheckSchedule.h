#pragma once

#include <QDateTime>
#include <QHash>
#include <QStringList>

#include <optional>

namespace sb {

class StoreWorker;

// When a reconciler asks Twilio about a record again (StatusReconciler for messages,
// CallReconciler for calls): a record still in progress is asked again afterMs later, then
// each time twice as late, up to giveUpAfterMs; one Twilio does not know (404: another
// account's) is left alone for giveUpAfterMs; a final one is forgotten. A pass asks about at
// most maxPerPass records. Keyed by SID; lives with its reconciler (one thread).
class RecheckSchedule {
public:
    struct Options {
        qint64 afterMs = 300 * 1000;
        qint64 giveUpAfterMs = 72 * 3600 * 1000LL;
        int maxPerPass = 20;
    };
    explicit RecheckSchedule(Options options)
        : m_options(options) {}

    // A pass every quarter of SWITCHBOARD_RECONCILE_AFTER_S, between 1 s and a minute.
    static int passIntervalMs(qint64 afterMs);

    // Of `candidates` (oldest first), those not waiting out their back-off, at most maxPerPass.
    QStringList due(const QStringList &candidates, const QDateTime &now) const;
    void later(const QString &sid, const QDateTime &now);
    void giveUp(const QString &sid, const QDateTime &now);
    void forget(const QString &sid) { m_waiting.remove(sid); }
    // When `sid` is asked about next; invalid when it is not waiting.
    QDateTime nextAt(const QString &sid) const { return m_waiting.value(sid).next; }

    // In a store job: the time of the newest event in `eventsTable` (its received_at, in ms),
    // where a start-up sweep starts listing; 0 when there is none (a new console).
    static std::optional<qint64> lastEventMs(StoreWorker &w, const QString &eventsTable,
                                             QString *error);

private:
    struct Wait {
        QDateTime next;
        qint64 delayMs = 0;
    };
    Options m_options;
    QHash<QString, Wait> m_waiting;
};

} // namespace sb
