#pragma once

#include "Migrations.h"
#include "common/Receiver.h"
#include "config/DatabaseUrl.h"
#include "messaging/Records.h"

#include <QHash>
#include <QMutex>
#include <QObject>

#include <QSet>
#include <QThread>
#include <atomic>

#include <functional>
#include <optional>

namespace sb {

class StoreWorker;
class Metrics;

template <typename T> struct StoreResult {
    T value{};
    QString error; // empty on success
    bool ok() const { return error.isEmpty(); }
};

struct MessageQuery {
    QString channel; // only this channel's messages ("sms", "whatsapp"); empty: every channel
    QString contact; // matches from or to
    QString text;    // substring of number or body
    QString status;
    qint64 beforeId = 0; // keyset paging: only messages older than this id (0: from the newest)
    int limit = 200;

    bool matches(const MessageRecord &m) const; // the same test in C++, for live rows
};

enum class StoreFault {
    None,
    ReadOnly,    // every write fails as on a read-only database (PRAGMA query_only)
    DiskFull,    // the file cannot grow (PRAGMA max_page_count): SQLITE_FULL, as a full disk
    CommitFails, // every transaction's COMMIT fails (and is rolled back)
};

// The only code that speaks SQL. The database connection lives on the store's own thread;
// every call here only queues work and returns at once, so no caller ever waits on disk.
// Writes queued close together are committed in one transaction (this is what lets webhook
// ingest keep up with bursts). Every result is reported, on the receiver's thread, only after
// the commit that made it durable: a job whose statements fail is rolled back alone (each job
// runs in a savepoint) and reports its error; a failed commit is rolled back and every job of
// the batch reports failure. After each commit messagesChanged() carries the changed messages
// themselves, so views update rows in place rather than reloading; rowsChanged() names a
// channel's own rows that changed.
class Store : public QObject {
    Q_OBJECT
public:
    // SQLite in the file `databasePath`; or, given `shared`, a team's PostgreSQL (the file is
    // then only where the data folder is: media and exports stay beside it).
    explicit Store(const QString &databasePath, QObject *parent = nullptr);
    Store(const QString &databasePath, std::optional<DatabaseUrl> shared,
          QObject *parent = nullptr);
    // Records each commit's and each checkpoint's duration into `metrics` (which must outlive
    // the store); before open().
    void setMetrics(Metrics *metrics);
    ~Store() override; // finishes queued work, then stops the thread

    QString databasePath() const { return m_path; }
    bool isPostgres() const { return m_shared.has_value(); }
    // False from a lost connection to the shared database until it is back (any thread):
    // the embedded server answers 503 meanwhile (connectionChanged() says the same, queued).
    bool isReachable() const { return m_reachable.load(std::memory_order_relaxed); }
    // Where the data is, for logs and the UI: the file, or the server without its password.
    QString location() const { return m_shared ? m_shared->redacted() : m_path; }

    // Tables a channel adds (Channel::schema()); before open().
    void addSchema(const Schema &schema) { m_schemas.append(schema); }
    // Opens (creating if needed) and migrates. Other calls may be queued before it finishes.
    void open(Receiver receiver, std::function<void(const StoreResult<bool> &)> done);

    // A channel's own work on its own tables, run like every other job: on the store thread,
    // in the batch's transaction and its own savepoint (rolled back alone when it fails),
    // reported after the commit. `job` returns the value, or nullopt with `error` set.
    template <typename T>
    void run(Receiver receiver, std::function<std::optional<T>(StoreWorker &, QString *)> job,
             std::function<void(const StoreResult<T> &)> done) {
        enqueue(reportingJob<T>(std::move(receiver), std::move(done), std::move(job)));
    }

    // Webhook ingest: deduplicated, never moves a status backwards. `done` (optional) runs
    // once the event is committed (value true) or could not be stored (error set); a replay
    // of an event already stored is a success.
    using Done = std::function<void(const StoreResult<bool> &)>;
    void applyStatusCallback(const StatusCallback &callback, Receiver receiver = {},
                             Done done = {});
    void addInboundMessage(const InboundMessage &message, Receiver receiver = {}, Done done = {});

    // The outbox. Each callback runs after its change is committed. Transitions are
    // compare-and-set: one that does not start from an allowed state changes nothing and
    // reports the entry as it is, with `applied` false.
    using EntryCallback = std::function<void(const StoreResult<OutboxEntry> &)>;
    void createOutbound(const OutboundDraft &draft, Receiver receiver, EntryCallback done);
    void markSubmitted(qint64 outboxId, Receiver receiver, EntryCallback done);
    void markAccepted(qint64 outboxId, const QString &sid, const QString &twilioStatus,
                      Receiver receiver, EntryCallback done);
    void markFailed(qint64 outboxId, int errorCode, const QString &errorMessage, Receiver receiver,
                    EntryCallback done);
    void markPendingAgain(qint64 outboxId, const QString &reason, Receiver receiver,
                          EntryCallback done);
    void outboxEntry(qint64 outboxId, Receiver receiver, EntryCallback done);
    // Claims what is unfinished for this process (StoreWorker::unfinishedOutbox()).
    void unfinishedOutbox(Receiver receiver,
                          std::function<void(const StoreResult<QList<OutboxEntry>> &)> done);
    // Keeps this process's claims on `ids` from lapsing (team mode: renewed well within
    // OutboxLeaseMs while they are worked on); `done` gets how many are still held.
    void renewOutboxClaims(const QList<qint64> &ids, Receiver receiver,
                           std::function<void(const StoreResult<int> &)> done);
    // How long a claim on an outbox entry holds unrenewed: a sender killed mid-send leaves its
    // entries to another process after this (team mode), which asks the provider first.
    static constexpr qint64 OutboxLeaseMs = 30000;

    // Reads.
    void messageBySid(const QString &sid, Receiver receiver,
                      std::function<void(const StoreResult<std::optional<MessageRecord>> &)> done);
    void messageById(qint64 id, Receiver receiver,
                     std::function<void(const StoreResult<std::optional<MessageRecord>> &)> done);
    void statusHistory(const QString &sid, Receiver receiver,
                       std::function<void(const StoreResult<QList<StatusEvent>> &)> done);
    void findMessages(const MessageQuery &query, Receiver receiver,
                      std::function<void(const StoreResult<QList<MessageRecord>> &)> done);
    void countMessages(Receiver receiver, std::function<void(const StoreResult<qint64> &)> done);

    // Runs once everything queued before it is committed.
    void flush(Receiver receiver, std::function<void()> done);

    // Tests: make the database fail the way a real one does (see StoreFault).
    void injectFault(StoreFault fault, Receiver receiver = {}, std::function<void()> done = {});

    using Job = std::function<bool(StoreWorker &)>; // false: roll this job's changes back

    static constexpr int WebhookAnnounceMs = 250; // webhooksCommitted() at most this often

Q_SIGNALS:
    void messagesChanged(const QList<sb::MessageRecord> &messages);
    // After a commit, the inbound messages it stored for the first time (a webhook Twilio
    // retried is not announced twice).
    void messagesArrived(const QList<sb::MessageRecord> &messages);
    // After a commit that stored webhook events: at most a few times a second, the last one
    // never dropped, so "last webhook at" displays stay cheap and true.
    void webhooksCommitted(const QDateTime &lastAt);
    // After a commit, a channel's own rows that its jobs changed (StoreWorker::touchedRow),
    // by table; `created` are the ones inserted by that commit. The store knows no channel's
    // records: the channel reads the rows back (e.g. VoiceCalls' CallFeed).
    void rowsChanged(const QString &table, const QList<qint64> &ids, const QList<qint64> &created);
    // After each checkpoint of the write-ahead log, which runs on a thread of its own
    // (WalCheckpointer): the log's length in pages and how many of them it copied.
    void walCheckpointed(int logPages, int copiedPages, bool failed);
    // Team mode: the connection to the shared database was lost (`reason`, never the
    // password) or is back; while it is lost every job fails, and once back the other
    // processes' changes made meanwhile are announced. Emitted on the store's thread.
    void connectionChanged(bool connected, const QString &reason);

private:
    friend class StoreWorker;
    std::atomic<bool> m_reachable{true};
    // Wraps a worker call yielding std::optional<T> into a job that reports after the commit:
    // a failed commit turns even a successful result into an error, since nothing was kept.
    template <typename T, typename Call>
    static Job reportingJob(Receiver receiver, std::function<void(const StoreResult<T> &)> done,
                            Call call);
    static void afterCommit(StoreWorker &w, std::function<void(const QString &)> action);
    void enqueue(Job job);
    QList<Job> takeJobs(int max);
    // From the store thread after a commit: what changed, emitted on this object's thread.
    // One posted call carries any number of commits, however many objects listen: a signal
    // emitted on the store thread cost one queued event per listener per commit (about 25
    // per webhook in a console under a flood), each made on the store thread and freed on
    // the GUI thread, whose frees then waited on the store thread's allocator lock.
    void announce(QList<MessageRecord> changed, QList<MessageRecord> arrived,
                  const QHash<QString, QSet<qint64>> &rows,
                  const QHash<QString, QSet<qint64>> &created);
    void deliverAnnouncements();

    QString m_path;
    std::optional<DatabaseUrl> m_shared;
    QList<Schema> m_schemas;
    QThread m_thread;
    StoreWorker *m_worker = nullptr;
    QMutex m_mutex;
    QList<Job> m_jobs;
    bool m_drainScheduled = false;

    struct Announcements {
        QList<MessageRecord> changed; // a message changed twice appears twice: the last wins
        QList<MessageRecord> arrived;
        QStringList tables; // in the order they first changed
        QHash<QString, QSet<qint64>> rows;
        QHash<QString, QSet<qint64>> created;
    };
    QMutex m_announceMutex;
    Announcements m_announcements;
    bool m_deliveryPosted = false;
};

template <typename T, typename Call>
Store::Job Store::reportingJob(Receiver receiver, std::function<void(const StoreResult<T> &)> done,
                               Call call) {
    return [receiver, done, call](StoreWorker &w) {
        StoreResult<T> result;
        auto value = call(w, &result.error);
        if (value)
            result.value = *value;
        else if (result.error.isEmpty())
            result.error = QStringLiteral("not found");
        const bool keep = result.ok();
        if (done) {
            afterCommit(w, [receiver, done, result](const QString &commitError) mutable {
                if (!commitError.isEmpty() && result.ok())
                    result.error = commitError;
                receiver.post([done, result] { done(result); });
            });
        }
        return keep;
    };
}

} // namespace sb
