#pragma once

#include <atomic>

#include "Migrations.h"
#include "SqliteStatement.h"
#include "Store.h"
#include "config/DatabaseUrl.h"
#include "messaging/Records.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>
#include <unordered_map>
#include <vector>

namespace sb {

class Metrics;
class WalCheckpointer;

// Owns the SQLite connection on the store thread. Runs queued jobs in batches: one
// transaction per batch, then the jobs' after-commit actions, then one change signal.
class StoreWorker : public QObject {
    Q_OBJECT
public:
    StoreWorker(Store *store, QString path, std::optional<DatabaseUrl> shared = std::nullopt);
    ~StoreWorker() override;

    // Called (queued) when work arrives: commits everything queued, then whatever arrived
    // meanwhile, until the queue is empty. There is no pause to gather a batch: while one
    // transaction is written the next one gathers by itself, so a flood makes large batches
    // and a trickle is committed at once. (A pause of 1 ms capped ingest at 16 webhooks a
    // millisecond with 16 senders, however idle the machine: 3,650/s where no pause gives
    // 8,800/s on the same machine.)
    void drain();

    // Used by jobs (store thread only).
    bool open(QString *error);
    bool isOpen() const { return m_open; }
    // Team mode: the connection is a PostgreSQL one (a module's SQL may need its dialect).
    bool isPostgres() const { return m_shared.has_value(); }
    // This process's data folder (the SQLite file's, also in team mode): where files it
    // downloaded live, relative paths in the tables resolve against it.
    QString dataFolder() const;
    // Runs once the current job's changes are committed (empty argument) or lost (the error).
    void afterCommit(std::function<void(const QString &commitError)> action) {
        m_afterCommit.append({m_currentJob, std::move(action)});
    }
    void touched(qint64 messageId) { m_changed.insert(messageId); }
    // A channel's own row changed (`created`: it was inserted by this job), for
    // Store::rowsChanged after the commit.
    void touchedRow(const QString &table, qint64 id, bool created = false) {
        m_rowsChanged[table].insert(id);
        if (created)
            m_rowsCreated[table].insert(id);
    }
    void setFault(StoreFault fault);
    // Where each commit's duration is recorded (switchboard_store_commit_seconds); any thread.
    void setMetrics(Metrics *metrics) { m_metrics = metrics; }
    void setSchemas(QList<Schema> schemas) { m_schemas = std::move(schemas); }
    // For a channel's own queries (its tables): the connection, on the store thread only.
    QSqlDatabase database() const;
    // For a channel's statements that run for every webhook: `sql`, a string literal (kept by
    // its address), prepared once on this connection (on SQLite its own API, no QVariant) and
    // handed back reset with no bindings. Store thread only; null (and `error` set) if it does
    // not prepare.
    Statement *statement(const char *sql, QString *error);
    void webhookStored() { ++m_webhookEvents; }
    // Runs every schema's beforeCommit statements now, as a read must before it looks at
    // what they fill (the batch's end runs them anyway). False (and logged) when one fails:
    // what it had queued stays queued for the next try.
    bool catchUp();

    bool applyStatusCallback(const StatusCallback &callback, QString *error);
    bool addInboundMessage(const InboundMessage &message, QString *error);
    std::optional<OutboxEntry> createOutbound(const OutboundDraft &draft, QString *error);
    std::optional<OutboxEntry> transition(qint64 outboxId, OutboxEntry::State state,
                                          const QString &sid, const QString &twilioStatus,
                                          int errorCode, const QString &errorText, QString *error);
    std::optional<OutboxEntry> outboxEntry(qint64 outboxId, QString *error);
    // Claims the unfinished entries (pending, submitted) for this process and returns them: on
    // SQLite all (one process owns the file), on PostgreSQL those unclaimed or whose claim
    // lapsed, each taken by one process only (FOR UPDATE SKIP LOCKED).
    std::optional<QList<OutboxEntry>> unfinishedOutbox(QString *error);
    // Extends this process's claims on `ids` (the entries it is working on); how many held.
    std::optional<int> renewOutboxClaims(const QList<qint64> &ids, QString *error);
    // Who this store's claims are made as (host, process, a random tag per store).
    QString claimant() const { return m_claimant; }
    // nullopt: the read failed (error set); an empty inner optional: no such message.
    std::optional<std::optional<MessageRecord>> messageBy(const QString &column,
                                                          const QVariant &value, QString *error);
    std::optional<QList<StatusEvent>> statusHistory(const QString &sid, QString *error);
    std::optional<QList<MessageRecord>> findMessages(const MessageQuery &query, QString *error);
    std::optional<qint64> countMessages(QString *error);

private:
    struct PendingAction {
        int job;
        std::function<void(const QString &)> action;
    };
    QStringList runBatch(const QList<Store::Job> &jobs);
    QString commitBatch(QSqlDatabase &db);
    void announce();
    void announceWebhooks();
    bool execPragma(const QString &statement, QString *error);
    bool openSqlite(QString *error);
    bool openPostgres(QString *error);
    std::unique_ptr<Statement> prepareStatement(const char *sql, QString *error);
    // Each job's savepoint; on PostgreSQL plain statements (the server cannot prepare them).
    bool savepoint(const char *command, QString *error);
    // Team mode: this batch's changes appended to the shared change log, in commit order (a
    // transaction-scoped advisory lock), and announced to every process with NOTIFY.
    bool appendChangeLog(QString *error);
    // Team mode: what other processes committed since the last change seen, announced here as
    // if this process had made it.
    void readOthersChanges();
    // Team mode: after a failure, whether the server is gone; if so the connection is closed,
    // connectionChanged(false) emitted and reconnect() tried with back-off.
    bool connectionLost();
    void closeConnection();
    void reconnect(); // then reads the log from the last change seen: nothing is missed
    static constexpr int ReconnectFirstMs = 250;
    static constexpr int ReconnectMaxMs = 30000;
    QSqlQuery &prepared(const char *key, const QString &sql);
    bool insertEvent(const StatusCallback &callback, qint64 now, bool *inserted, QString *error);
    bool prepareHotStatements(QString *error);
    QList<MessageRecord> messagesByIds(const QList<qint64> &ids);

    Store *m_store;
    QString m_path;
    std::optional<DatabaseUrl> m_shared;
    QString m_connectionName;
    QString m_claimant;
    // Now for claims, UTC ms: PostgreSQL's clock on a shared database (every process compares
    // leases against one clock), else this machine's.
    std::optional<qint64> claimClockMs(QString *error);
    QStringList deadLocalClaimants(QString *error);
    bool m_open = false;
    sqlite3 *m_handle = nullptr;
    QHash<QByteArray, std::shared_ptr<QSqlQuery>> m_queries;
    std::unordered_map<const char *, std::unique_ptr<Statement>> m_statements;
    std::unique_ptr<Statement> m_insertEvent; // webhook ingest, prepared once
    std::unique_ptr<Statement> m_advanceStatus;
    std::unique_ptr<Statement> m_stubMessage;
    // Each job in its own savepoint: a failing job rolls back alone (SQLite: prepared once).
    SqliteStatement m_savepoint;
    SqliteStatement m_release;
    SqliteStatement m_rollbackTo;
    std::vector<std::unique_ptr<Statement>> m_beforeCommit; // every schema's, in order
    QList<PendingAction> m_afterCommit;
    int m_currentJob = 0;
    QSet<qint64> m_changed;
    QSet<qint64> m_arrived; // inbound messages stored for the first time in this batch
    QHash<QString, QSet<qint64>> m_rowsChanged; // a channel's own rows, by table
    QHash<QString, QSet<qint64>> m_rowsCreated;
    int m_webhookEvents = 0; // webhook jobs that succeeded in this batch
    QDateTime m_lastWebhookAt;
    bool m_webhookAnnouncementDue = false;
    QTimer *m_webhookCooldown;
    StoreFault m_fault = StoreFault::None;
    std::atomic<Metrics *> m_metrics{nullptr};
    QList<Schema> m_schemas;
    std::unique_ptr<WalCheckpointer> m_checkpointer; // set once open, for a file in WAL mode
    qint64 m_lastChange = 0;                         // team mode: the last change-log id read
    QSet<qint64> m_ownChanges;      // team mode: change-log ids this process wrote, not yet read
    QList<qint64> m_batchChanges;   // ... in the batch being committed
    QTimer *m_changePoll = nullptr; // team mode: reads the log even if a NOTIFY is missed
    QTimer *m_reconnect = nullptr;
    int m_reconnectDelayMs = ReconnectFirstMs;
};

} // namespace sb
