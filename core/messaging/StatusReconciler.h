#pragma once

#include "messaging/PolledInbound.h"
#include "messaging/Records.h"
#include "providers/twilio/TwilioClient.h"
#include "reconcile/RecheckSchedule.h"

#include <QDateTime>
#include <QObject>

#include <functional>
#include <optional>

class QTimer;

namespace sb {

class Metrics;
class Store;
class StoreWorker;

// Twilio does not retry a status callback that fails or never arrives, so a message can stay
// `sent` here while Twilio knows it `delivered`. Every pass, the messages still not final some
// time (Options::afterMs) after their last change are fetched from Twilio's REST API — at most
// Options::maxFetchesPerPass of them, oldest first, within Twilio's rate limits — and their
// status applied through the webhook's own path (Store::applyStatusCallback: deduplicated,
// never backwards), marked as polled. A message Twilio still has in progress is asked again
// later, each time twice as late. At start, sweep() lists the messages sent since the last
// event seen and brings the store up to date: statuses of known ones, and the inbound messages
// missed while the console was closed (stored as the inbound webhook stores them, once).
// Lives on the network thread next to its TwilioClient; the store is reached through jobs.
class StatusReconciler : public QObject {
    Q_OBJECT
public:
    struct Options {
        qint64 afterMs = 300 * 1000;
        int intervalMs = 60 * 1000;                // between passes
        int maxFetchesPerPass = 20;                // requests a pass makes at most
        qint64 giveUpAfterMs = 72 * 3600 * 1000LL; // older messages are left as they are
        int maxSweepPages = 20;                    // of sweepPageSize messages each
        int sweepPageSize = 200;
        int pollPageSize = 50;
        int maxPollPages = 5;
    };
    // For SWITCHBOARD_RECONCILE_AFTER_S: a pass every quarter of it, between 1 s and a minute.
    static Options optionsFor(int afterSeconds);

    using Clock = std::function<QDateTime()>; // UTC now
    StatusReconciler(Store *store, TwilioClient *client, Clock clock, Options options,
                     QObject *parent = nullptr);

    // How a channel's inbound messages ("whatsapp:...") are stored when listing finds them;
    // plain numbers' are stored as the SMS webhook stores them, other prefixes not at all.
    void addPolledInbound(const PolledInbound &how) { m_polledInbound.append(how); }
    // Counts each corrected status into switchboard_reconciliation_fixes_total.
    void setMetrics(Metrics *metrics) { m_metrics = metrics; }
    // The start-up sweep, then a pass every Options::intervalMs (none when it is 0).
    void start();
    // One pass now; a pass already running finishes instead (passFinished follows either way).
    void reconcileNow();
    void sweep();
    // Polling mode (MessagePoller): the newest messages Twilio lists, stored as the sweep
    // stores them — a page of Options::pollPageSize, and the next ones only while a page held
    // something new (at most Options::maxPollPages). polled() follows, also when a sweep or
    // another poll was still listing (then with nothing done).
    void poll();

    // In a store job: applies what Twilio says of an outbound message through the webhook's
    // path, marked polled; true when the message's status changed. `onlyKnown`: a message
    // the store does not have is left alone (not stubbed as an unknown callback's is).
    static std::optional<bool> applyPolled(StoreWorker &w, const TwilioMessage &message,
                                           bool onlyKnown, QString *error);

Q_SIGNALS:
    void passFinished(int fetched, int fixed);
    void sweepFinished(int listed, int fixed, int arrived);
    void polled(int listed, int fixed, int arrived);

private:
    void fetchCandidates(const QStringList &candidates);
    void fetched(const QString &sid, const TwilioResult<TwilioMessage> &result);
    void applied(const QString &sid, bool final, bool fixed);
    void finishOne();
    // What is listing Twilio's messages: the start-up sweep or a poll (one at a time).
    enum class Listing { None, Sweep, Poll };
    void listFrom(const QDateTime &since, int pageSize);
    void sweepPage(const TwilioResult<TwilioMessagePage> &page, int pageNumber);
    void sweepDone();
    void countFixes(int fixes);

    Store *m_store;
    TwilioClient *m_client;
    Clock m_clock;
    Options m_options;
    Metrics *m_metrics = nullptr;
    QList<PolledInbound> m_polledInbound;
    QTimer *m_timer;
    bool m_running = false;
    int m_outstanding = 0;
    int m_fetched = 0;
    int m_fixed = 0;
    RecheckSchedule m_schedule; // messages Twilio still had in progress when asked
    Listing m_listing = Listing::None;
    int m_sweepListed = 0;
    int m_sweepFixed = 0;
    int m_sweepArrived = 0;
};

} // namespace sb
