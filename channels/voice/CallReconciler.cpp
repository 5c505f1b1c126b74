#include "CallReconciler.h"

#include "CallStatuses.h"
#include "VoiceCalls.h"
#include "VoiceLogging.h"
#include "common/Metrics.h"
#include "db/SqlDialect.h"
#include "db/SqlValues.h"
#include "db/Store.h"
#include "db/StoreWorker.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTimer>

namespace sb {

namespace {

const QString FixesMetric = QStringLiteral("switchboard_reconciliation_fixes_total");

struct SweepCounts {
    int fixed = 0;
    int arrived = 0;
    int adopted = 0; // calls whose create answer an earlier run lost, found (also in `fixed`)
};

bool isFinal(const QString &status) {
    return CallStatuses::instance().info(status).final;
}

// In a store job: what Twilio says of a call, through the callback's path, marked polled;
// true when the call's status changed. `onlyKnown`: a call the store does not have is left
// alone.
std::optional<bool> applyFetched(StoreWorker &w, const TwilioCall &call, bool onlyKnown,
                                 const QDateTime &now, QString *error) {
    const auto before = VoiceCalls::bySid(w, call.sid, error);
    if (!before)
        return std::nullopt;
    if (!*before && onlyKnown)
        return false;
    CallStatusUpdate update;
    update.callSid = call.sid;
    update.status = call.status;
    update.from = call.from;
    update.to = call.to;
    update.direction = call.direction;
    update.answeredBy = call.answeredBy;
    if (isFinal(call.status))
        update.durationSeconds = call.durationSeconds;
    update.timestamp = call.dateUpdated;
    update.polled = true;
    if (!VoiceCalls::applyStatus(w, update, now, error))
        return std::nullopt;
    const auto after = VoiceCalls::bySid(w, call.sid, error);
    if (!after)
        return std::nullopt;
    const QString was = *before ? (*before)->status : QString();
    return *after && (*after)->status != was;
}

} // namespace

CallReconciler::Options CallReconciler::optionsFor(int afterSeconds) {
    Options options;
    options.afterMs = qint64(afterSeconds) * 1000;
    options.intervalMs = RecheckSchedule::passIntervalMs(options.afterMs);
    return options;
}

CallReconciler::CallReconciler(Store *store, TwilioClient *client, Clock clock, Options options,
                               QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_client(client)
    , m_clock(std::move(clock))
    , m_options(options)
    , m_timer(new QTimer(this))
    , m_schedule({options.afterMs, options.giveUpAfterMs, options.maxFetchesPerPass}) {
    m_timer->setInterval(m_options.intervalMs);
    connect(m_timer, &QTimer::timeout, this, &CallReconciler::reconcileNow);
}

void CallReconciler::start() {
    m_startedAt = m_clock();
    sweep();
    m_timer->start();
}

void CallReconciler::countFixes(int fixes) {
    if (fixes > 0 && m_metrics)
        m_metrics->increment(FixesMetric, {}, fixes);
}

void CallReconciler::reconcileNow() {
    if (m_running)
        return;
    m_running = true;
    m_fetched = m_fixed = 0;
    const qint64 now = m_clock().toMSecsSinceEpoch();
    const qint64 cutoff = now - m_options.afterMs;
    const qint64 oldest = now - m_options.giveUpAfterMs;
    const int rows = m_options.maxFetchesPerPass * 10; // some wait out their back-off
    m_store->run<QStringList>(
        this,
        [cutoff, oldest, rows](StoreWorker &w, QString *error) -> std::optional<QStringList> {
            QSqlQuery q(w.database());
            sql::prepare(
                q, QStringLiteral(
                       "SELECT sid FROM voice_calls WHERE sid LIKE 'CA%' AND status IN ('', "
                       "'queued', 'initiated', 'ringing', 'in-progress') AND updated_at <= ? AND "
                       "created_at >= ? ORDER BY updated_at LIMIT ?"));
            q.addBindValue(cutoff);
            q.addBindValue(oldest);
            q.addBindValue(rows);
            if (!sql::exec(q, error))
                return std::nullopt;
            QStringList found;
            while (q.next())
                found.append(q.value(0).toString());
            return found;
        },
        [this](const StoreResult<QStringList> &found) {
            if (!found.ok())
                qCWarning(lcVoice).noquote()
                    << "call reconciliation: cannot read calls:" << found.error;
            qCDebug(lcVoice) << "call reconciliation:" << found.value.size()
                             << "calls not final and quiet";
            const QStringList due = m_schedule.due(found.value, m_clock());
            if (due.isEmpty()) {
                m_running = false;
                Q_EMIT passFinished(0, 0);
                return;
            }
            m_outstanding = int(due.size());
            for (const QString &sid : std::as_const(due))
                m_client->fetchCall(
                    sid, this, [this, sid](const TwilioResult<TwilioCall> &r) { fetched(sid, r); });
        });
}

void CallReconciler::fetched(const QString &sid, const TwilioResult<TwilioCall> &result) {
    ++m_fetched;
    if (!result.ok()) {
        qCInfo(lcVoice).noquote() << "call reconciliation: cannot fetch" << sid << "-"
                                  << result.error.message;
        if (result.error.httpStatus == 404) { // not this account's: never ask again
            m_schedule.giveUp(sid, m_clock());
            return oneDone(false);
        }
        return finishOne(sid, false, false);
    }
    const TwilioCall call = result.value;
    m_store->run<bool>(
        this,
        [call, now = m_clock()](StoreWorker &w, QString *error) {
            return applyFetched(w, call, false, now, error);
        },
        [this, sid, status = call.status](const StoreResult<bool> &stored) {
            if (!stored.ok())
                qCWarning(lcVoice).noquote()
                    << "call reconciliation: cannot store" << sid << status << "-" << stored.error;
            else if (stored.value)
                qCInfo(lcVoice).noquote() << "call reconciliation:" << sid << "is" << status;
            finishOne(sid, isFinal(status), stored.ok() && stored.value);
        });
}

void CallReconciler::finishOne(const QString &sid, bool final, bool fixed) {
    if (final)
        m_schedule.forget(sid);
    else
        m_schedule.later(sid, m_clock());
    oneDone(fixed);
}

void CallReconciler::oneDone(bool fixed) {
    if (fixed) {
        ++m_fixed;
        countFixes(1);
    }
    if (--m_outstanding > 0)
        return;
    m_running = false;
    Q_EMIT passFinished(m_fetched, m_fixed);
}

void CallReconciler::sweep() {
    m_sweepListed = m_sweepFixed = m_sweepArrived = 0;
    m_store->run<qint64>(
        this,
        [](StoreWorker &w, QString *error) -> std::optional<qint64> {
            // The last call event seen, or the first call still "requesting" (its create
            // answer lost with an earlier run) if that is older: Twilio may have placed it.
            QSqlQuery q(w.database());
            if (!sql::execText(
                    q,
                    QStringLiteral(
                        "SELECT MAX(received_at), (SELECT MIN(created_at) FROM voice_calls WHERE "
                        "sid IS NULL AND request_state = 'requesting') FROM voice_call_events")) ||
                !q.next()) {
                *error = q.lastError().text();
                return std::nullopt;
            }
            const qint64 lastEvent = q.value(0).isNull() ? 0 : q.value(0).toLongLong();
            const qint64 requesting = q.value(1).isNull() ? 0 : q.value(1).toLongLong();
            if (lastEvent == 0 || (requesting != 0 && requesting < lastEvent))
                return requesting;
            return lastEvent;
        },
        [this](const StoreResult<qint64> &last) {
            if (!last.ok()) {
                qCWarning(lcVoice).noquote()
                    << "call sweep: cannot read the last event:" << last.error;
                return sweepDone();
            }
            if (last.value == 0)
                return sweepDone(); // a new console: nothing happened while it was closed
            // From the start of that day, as the messages' sweep lists them (Twilio filters
            // those by day): a clock that differs from Twilio's by minutes misses nothing.
            const QDateTime lastSeen = QDateTime::fromMSecsSinceEpoch(last.value, Qt::UTC);
            const qint64 since =
                QDateTime(lastSeen.date(), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
            ListCallsFilter filter;
            filter.pageSize = m_options.sweepPageSize;
            m_client->listCalls(filter, this, [this, since](const TwilioResult<TwilioCallPage> &p) {
                sweepPage(p, since, 1);
            });
        });
}

void CallReconciler::sweepPage(const TwilioResult<TwilioCallPage> &page, qint64 sinceMs,
                               int pageNumber) {
    if (!page.ok()) {
        qCWarning(lcVoice).noquote() << "call sweep: cannot list calls:" << page.error.message;
        return sweepDone();
    }
    // Newest first: the calls created since then, and the pages stop at the first older one.
    QList<TwilioCall> calls;
    bool older = false;
    for (const TwilioCall &c : page.value.calls) {
        const QDateTime created = c.dateCreated.isValid() ? c.dateCreated : c.dateUpdated;
        if (created.isValid() && created.toMSecsSinceEpoch() < sinceMs) {
            older = true;
            continue;
        }
        calls.append(c);
    }
    m_sweepListed += int(calls.size());
    const QString next =
        !older && pageNumber < m_options.maxSweepPages ? page.value.nextPageUri : QString();
    m_store->run<SweepCounts>(
        this,
        [calls, now = m_clock(),
         startedAt = m_startedAt](StoreWorker &w, QString *error) -> std::optional<SweepCounts> {
            SweepCounts counts;
            for (const TwilioCall &c : calls) {
                const int adoptedBefore = counts.adopted;
                const bool inbound = c.direction == QLatin1String("inbound");
                auto known = VoiceCalls::bySid(w, c.sid, error);
                if (!known)
                    return std::nullopt;
                // Unknown here, or known only from a callback (no URL: not a row the console
                // made): maybe the call an earlier run asked for and whose answer it lost.
                if (!inbound && (!*known || (*known)->url.isEmpty())) {
                    const std::optional<bool> adopted =
                        VoiceCalls::adoptRequested(w, c, startedAt, now, error);
                    if (!adopted)
                        return std::nullopt;
                    if (*adopted) {
                        ++counts.adopted;
                        known = VoiceCalls::bySid(w, c.sid, error);
                        if (!known)
                            return std::nullopt;
                    }
                }
                if (!*known && !inbound)
                    continue; // another tool's call, or a leg the console did not make
                const std::optional<bool> fixed = applyFetched(w, c, false, now, error);
                if (!fixed)
                    return std::nullopt;
                if (!*known)
                    ++counts.arrived; // a customer called while the console was closed
                else if (*fixed || counts.adopted > adoptedBefore)
                    ++counts.fixed;
            }
            return counts;
        },
        [this, next, sinceMs, pageNumber](const StoreResult<SweepCounts> &stored) {
            if (!stored.ok()) {
                qCWarning(lcVoice).noquote()
                    << "call sweep: cannot store what Twilio listed:" << stored.error;
                return sweepDone();
            }
            m_sweepFixed += stored.value.fixed;
            m_sweepArrived += stored.value.arrived;
            if (stored.value.adopted > 0)
                qCInfo(lcVoice).noquote()
                    << "call sweep:" << stored.value.adopted
                    << "calls whose create answer was lost found at Twilio and stored";
            countFixes(stored.value.fixed);
            if (next.isEmpty())
                return sweepDone();
            m_client->fetchCallsPage(
                next, this, [this, sinceMs, pageNumber](const TwilioResult<TwilioCallPage> &p) {
                    sweepPage(p, sinceMs, pageNumber + 1);
                });
        });
}

void CallReconciler::sweepDone() {
    qCInfo(lcVoice).noquote() << "start-up sweep:" << m_sweepListed << "calls listed,"
                              << m_sweepFixed << "statuses brought up to date," << m_sweepArrived
                              << "calls missed";
    Q_EMIT sweepFinished(m_sweepListed, m_sweepFixed, m_sweepArrived);
}

} // namespace sb
