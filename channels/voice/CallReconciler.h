#pragma once

#include "providers/twilio/TwilioClient.h"
#include "reconcile/RecheckSchedule.h"

#include <QDateTime>
#include <QObject>

#include <functional>

class QTimer;

namespace sb {

class Metrics;
class Store;

// What StatusReconciler does for messages, for calls: Twilio does not retry a call's status
// callback either, so a call can stay `ringing` here long after it ended. Every pass, the calls
// still not final some time after their last change are fetched (GET /Calls/{Sid}.json, at
// most Options::maxFetchesPerPass, oldest first) and their status applied through the
// callback's own path (VoiceCalls::applyStatus: each status once, never backwards), marked
// as polled; a call still in progress is asked again later, each time twice as late. At
// start, sweep() lists the newest calls (newest first, back to the day of the last call event
// seen) and brings known calls up to date, stores the inbound calls that rang while the
// console was closed, and gives a call an earlier run asked for but whose answer it lost
// (its row still "requesting") its SID and status (VoiceCalls::adoptRequested). Lives on the
// network thread next to its TwilioClient.
class CallReconciler : public QObject {
    Q_OBJECT
public:
    struct Options {
        qint64 afterMs = 300 * 1000;
        int intervalMs = 60 * 1000;
        int maxFetchesPerPass = 20;
        qint64 giveUpAfterMs = 72 * 3600 * 1000LL;
        int maxSweepPages = 10;
        int sweepPageSize = 100;
    };
    // For SWITCHBOARD_RECONCILE_AFTER_S, as StatusReconciler::optionsFor.
    static Options optionsFor(int afterSeconds);

    using Clock = std::function<QDateTime()>; // UTC now
    CallReconciler(Store *store, TwilioClient *client, Clock clock, Options options,
                   QObject *parent = nullptr);

    // Counts each corrected status into switchboard_reconciliation_fixes_total.
    void setMetrics(Metrics *metrics) { m_metrics = metrics; }
    // The start-up sweep, then a pass every Options::intervalMs.
    void start();
    void reconcileNow();
    void sweep();

Q_SIGNALS:
    void passFinished(int fetched, int fixed);
    void sweepFinished(int listed, int fixed, int arrived);

private:
    void fetched(const QString &sid, const TwilioResult<TwilioCall> &result);
    void finishOne(const QString &sid, bool final, bool fixed);
    void oneDone(bool fixed);
    void sweepPage(const TwilioResult<TwilioCallPage> &page, qint64 sinceMs, int pageNumber);
    void sweepDone();
    void countFixes(int fixes);

    Store *m_store;
    TwilioClient *m_client;
    Clock m_clock;
    Options m_options;
    Metrics *m_metrics = nullptr;
    QTimer *m_timer;
    bool m_running = false;
    int m_outstanding = 0;
    int m_fetched = 0;
    int m_fixed = 0;
    RecheckSchedule m_schedule; // calls Twilio still had in progress when asked
    QDateTime m_startedAt;      // rows "requesting" from before then are an earlier run's
    int m_sweepListed = 0;
    int m_sweepFixed = 0;
    int m_sweepArrived = 0;
};

} // namespace sb
