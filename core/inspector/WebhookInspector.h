#pragma once

#include "WebhookLog.h"
#include "common/Receiver.h"
#include "db/Store.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QObject>

#include <atomic>
#include <functional>

class QTimer;

namespace sb {

class HttpServer;
class Metrics;

// The webhook inspector's capture and replay. Every request under /twilio/ and /sendgrid/ is
// kept as it arrived, with the answer sent and why its signature did or did not match
// (SignatureDiagnosis), in webhook_log. The row is written after the answer has gone out, in
// a store job of its own (one for every capture made in one pass of the server's event loop):
// the webhook never waits on it, and the webhook's own commit is untouched. Bounded by age and
// size, pruned at start, every PruneIntervalMs and whenever a twentieth of the size bound has been
// captured since. Lives on the server's thread.
class WebhookInspector : public QObject {
    Q_OBJECT
public:
    struct Options {
        QByteArray authToken;                // to explain signatures; never stored
        std::function<QString()> publicBase; // the URL signatures are checked against
        qint64 maxBytes = 50LL * 1024 * 1024;
        int maxAgeDays = 7;
        std::function<QDateTime()> clock;
        // Captures waiting for the store at most: a flood outruns the store, and each waiting
        // capture holds a whole request. More are dropped (counted in Metrics as
        // switchboard_inspector_dropped_total), never queued without bound, and the webhooks'
        // own commits never wait behind a pile of them. Replays are always recorded.
        int maxBacklog = 256;
        // Refused requests (answered 4xx) kept at most, a second: enough to see why a
        // webhook is turned away, while a flood of junk neither churns the log (pushing the
        // real captures out through maxBytes) nor fills the store's page cache. The rest are
        // counted (switchboard_inspector_refused_skipped_total). 0: keep every one.
        int refusedPerSecond = 20;
        Metrics *metrics = nullptr;
    };
    static const QStringList Prefixes; // "/twilio/", "/sendgrid/"
    static constexpr QLatin1StringView ReplayHeader{"X-Switchboard-Replay"};
    static constexpr int PruneIntervalMs = 10 * 60 * 1000;
    // The size bound is checked once 1/PruneEveryShareOfMaxBytes of it has been captured since
    // the last check (which reads the whole log: every 200 captures, it took 3.5% of the store
    // thread's time in an 8 s ingest profile, more as the log fills). The log may overshoot
    // its bound by as much.
    static constexpr int PruneEveryShareOfMaxBytes = 20;

    WebhookInspector(HttpServer *server, Store *store, Options options, QObject *parent = nullptr);
    ~WebhookInspector() override; // hands the store what was captured in the last pass

    Store *store() const { return m_store; }
    QString publicBase() const { return m_options.publicBase ? m_options.publicBase() : QString(); }

    // A whole record by id, a failed Twilio signature explained now (SignatureDiagnosis, a few
    // dozen HMACs on the store thread) rather than at capture, where anyone could make the
    // console do that work. Any thread: it reads only the store and the token. `done` runs on
    // `receiver`'s thread; no such record: a null optional.
    using RecordDone = std::function<void(const StoreResult<std::optional<WebhookRecord>> &)>;
    void findExplained(qint64 id, Receiver receiver, RecordDone done) const;
    // Fills in the explanation of a record captured with only its verdict (store thread or any).
    static void explain(WebhookRecord &record, const QByteArray &authToken);

    // Drops what is over the bounds; `done` gets the number of rows removed (-1: failed).
    void prune(Receiver receiver = {}, std::function<void(int)> done = {});

    struct ReplayResult {
        qint64 replayId = 0; // the replay's own record
        int status = 0;
        QByteArray responseBody;
        QString error; // not replayed (no such record, not a webhook, store failure)
    };
    using ReplayDone = std::function<void(const ReplayResult &)>;
    // Feeds a stored request back through the routes, its signature check skipped and marked
    // with X-Switchboard-Replay; `edits` replace form fields (a null value removes the field).
    void replay(qint64 id, const QVariantMap &edits, ReplayDone done);
    struct ShuffledStep {
        qint64 id = 0;       // the status callback replayed
        qint64 replayId = 0; // its replay's record
        int status = 0;
    };
    // Replays the status callbacks Twilio sent for `sid` (not replays, not refused ones) one
    // after the other in a random order, to test out-of-order handling; `done` gets the order.
    void
    replayShuffled(const QString &sid,
                   std::function<void(const QList<ShuffledStep> &, const QString &error)> done);
    // The request a record replays as (edits applied).
    static HttpRequest requestFor(const WebhookRecord &record, const QVariantMap &edits);
    // Credentials removed: the headers as they may be stored.
    static HeaderList redacted(const HeaderList &headers);
    static WebhookRecord recordOf(const HttpRequest &request, const HttpResponse &response);
    // Options::refusedPerSecond, changed at run time (any thread).
    void setRefusedPerSecond(int perSecond) { m_refusedPerSecond.store(perSecond); }

private:
    void capture(const HttpRequest &request, const HttpResponse &response, qint64 elapsedNs);
    void record(WebhookRecord record, std::function<void(qint64)> done);
    // Writes the captures queued by record() in one store job: one savepoint, one job and one
    // answer for all of them (per capture they were a fifth of the store thread at ingest).
    void writePending();
    // Whether one more refused request may be kept this second.
    bool admitRefused();
    // A capture not kept (`what` for the log), counted in `metric`; one warning per flood.
    void skip(const QString &metric, qint64 *count, const char *what);

    HttpServer *m_server;
    Store *m_store;
    Options m_options;
    QTimer *m_pruneTimer;
    qint64 m_bytesSincePrune = 0;
    int m_backlog = 0;
    qint64 m_dropped = 0;
    qint64 m_refusedSkipped = 0;
    QElapsedTimer m_dropLogged;
    std::atomic<int> m_refusedPerSecond;
    QElapsedTimer m_refusedWindow; // the current second
    int m_refusedInWindow = 0;
    // The verified diagnosis of the last URL a webhook was verified for: the same for every
    // callback to that URL, so built and serialised once, not per webhook.
    struct Verified {
        QString url;
        QString result;
        QJsonObject diagnosis;
        QByteArray json;
    };
    Verified m_lastVerified;
    struct Pending {
        WebhookRecord record;
        QByteArray token; // to work out a Twilio verdict on the store thread; never stored
        QString base;
        std::function<void(qint64)> done;
    };
    QList<Pending> m_pending;
    bool m_writePosted = false;
};

} // namespace sb
