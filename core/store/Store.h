#pragma once

#include "Records.h"

#include <QMutex>
#include <QObject>
#include <QPointer>
#include <QThread>

#include <functional>
#include <optional>

namespace sb {

class StoreWorker;

template <typename T> struct StoreResult {
    T value{};
    QString error; // empty on success
    bool ok() const { return error.isEmpty(); }
};

struct MessageQuery {
    QString contact; // matches from or to
    QString text;    // substring of number or body
    QString status;
    qint64 beforeId = 0; // keyset paging: only messages older than this id (0: from the newest)
    int limit = 200;

    bool matches(const MessageRecord &m) const; // the same test in C++, for live rows
};

// The only code that speaks SQL. The database connection lives on the store's own thread;
// every call here only queues work and returns at once, so no caller ever waits on disk.
// Writes queued close together are committed in one transaction (this is what lets webhook
// ingest keep up with bursts), and callbacks run, on their context's thread, after the commit
// that made their change durable. After each commit messagesChanged() carries the changed
// messages themselves, so views update rows in place rather than reloading.
class Store : public QObject {
    Q_OBJECT
public:
    explicit Store(const QString &databasePath, QObject *parent = nullptr);
    ~Store() override; // finishes queued work, then stops the thread

    QString databasePath() const { return m_path; }

    // Opens (creating if needed) and migrates. Other calls may be queued before it finishes.
    void open(QObject *context, std::function<void(const StoreResult<bool> &)> done);

    // Webhook ingest: fire and forget, deduplicated, never moves a status backwards.
    void applyStatusCallback(const StatusCallback &callback);
    void addInboundMessage(const InboundMessage &message);

    // The outbox. Each callback runs after its change is committed.
    using EntryCallback = std::function<void(const StoreResult<OutboxEntry> &)>;
    void createOutbound(const OutboundDraft &draft, QObject *context, EntryCallback done);
    void markSubmitted(qint64 outboxId, QObject *context, EntryCallback done);
    void markAccepted(qint64 outboxId, const QString &sid, const QString &twilioStatus,
                      QObject *context, EntryCallback done);
    void markFailed(qint64 outboxId, int errorCode, const QString &errorMessage, QObject *context,
                    EntryCallback done);
    void markPendingAgain(qint64 outboxId, const QString &reason, QObject *context,
                          EntryCallback done);
    void unfinishedOutbox(QObject *context,
                          std::function<void(const StoreResult<QList<OutboxEntry>> &)> done);

    // Reads.
    void messageBySid(const QString &sid, QObject *context,
                      std::function<void(const StoreResult<std::optional<MessageRecord>> &)> done);
    void messageById(qint64 id, QObject *context,
                     std::function<void(const StoreResult<std::optional<MessageRecord>> &)> done);
    void statusHistory(const QString &sid, QObject *context,
                       std::function<void(const StoreResult<QList<StatusEvent>> &)> done);
    void findMessages(const MessageQuery &query, QObject *context,
                      std::function<void(const StoreResult<QList<MessageRecord>> &)> done);
    void countMessages(QObject *context, std::function<void(const StoreResult<qint64> &)> done);

    // Runs once everything queued before it is committed.
    void flush(QObject *context, std::function<void()> done);

    using Job = std::function<void(StoreWorker &)>;

Q_SIGNALS:
    void messagesChanged(const QList<sb::MessageRecord> &messages);

private:
    friend class StoreWorker;
    void enqueue(Job job);
    QList<Job> takeJobs(int max);

    QString m_path;
    QThread m_thread;
    StoreWorker *m_worker = nullptr;
    QMutex m_mutex;
    QList<Job> m_jobs;
    bool m_drainScheduled = false;
};

// Runs `fn` on `context`'s thread unless the context has been destroyed.
template <typename Fn> void postTo(QObject *context, Fn fn) {
    if (!context)
        return;
    QMetaObject::invokeMethod(context, std::move(fn), Qt::QueuedConnection);
}

} // namespace sb
