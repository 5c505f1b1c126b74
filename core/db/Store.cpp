#include "Store.h"

#include "StoreWorker.h"

#include <sqlite3.h>

#include <algorithm>
#include <mutex>

namespace sb {

bool MessageQuery::matches(const MessageRecord &m) const {
    if (!channel.isEmpty() && m.channel != channel)
        return false;
    if (!contact.isEmpty() && m.from != contact && m.to != contact)
        return false;
    if (!status.isEmpty() && m.status != status)
        return false;
    if (!text.isEmpty() && !m.body.contains(text, Qt::CaseInsensitive) && !m.from.contains(text) &&
        !m.to.contains(text))
        return false;
    return beforeId == 0 || m.id < beforeId;
}

namespace {
// SQLite's allocation statistics take one process-wide mutex for every malloc and free, and
// nothing here reads them. Only possible before SQLite is first used; later it changes
// nothing (SQLITE_MISUSE), which is harmless.
void configureSqliteOnce() {
    static std::once_flag once;
    std::call_once(once, [] { sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
}
} // namespace

Store::Store(const QString &databasePath, QObject *parent)
    : Store(databasePath, std::nullopt, parent) {}

Store::Store(const QString &databasePath, std::optional<DatabaseUrl> shared, QObject *parent)
    : QObject(parent)
    , m_path(databasePath)
    , m_shared(std::move(shared)) {
    configureSqliteOnce();
    qRegisterMetaType<sb::MessageRecord>();
    qRegisterMetaType<QList<sb::MessageRecord>>();
    qRegisterMetaType<QList<qint64>>();
    m_worker = new StoreWorker(this, databasePath, m_shared);
    m_worker->moveToThread(&m_thread);
    m_thread.setObjectName(QStringLiteral("store"));
    m_thread.start();
}

Store::~Store() {
    // Finish what was queued (an outbox entry must not be lost on exit), then close.
    StoreWorker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker,
        [worker] {
            worker->drain();
            delete worker;
        },
        Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void Store::enqueue(Job job) {
    bool schedule = false;
    {
        QMutexLocker lock(&m_mutex);
        m_jobs.append(std::move(job));
        if (!m_drainScheduled) {
            m_drainScheduled = true;
            schedule = true;
        }
    }
    if (schedule)
        QMetaObject::invokeMethod(m_worker, &StoreWorker::drain, Qt::QueuedConnection);
}

void Store::announce(QList<MessageRecord> changed, QList<MessageRecord> arrived,
                     const QHash<QString, QSet<qint64>> &rows,
                     const QHash<QString, QSet<qint64>> &created) {
    bool post = false;
    {
        QMutexLocker lock(&m_announceMutex);
        Announcements &a = m_announcements;
        a.changed.append(std::move(changed));
        a.arrived.append(std::move(arrived));
        for (auto it = rows.cbegin(); it != rows.cend(); ++it) {
            if (!a.rows.contains(it.key()))
                a.tables.append(it.key());
            a.rows[it.key()].unite(*it);
            a.created[it.key()].unite(created.value(it.key()));
        }
        post = !std::exchange(m_deliveryPosted, true);
    }
    if (post)
        QMetaObject::invokeMethod(this, &Store::deliverAnnouncements, Qt::QueuedConnection);
}

namespace {
// The last copy of each message only, in the order of those last copies.
QList<MessageRecord> latestOnly(QList<MessageRecord> messages) {
    QSet<qint64> seen;
    QList<MessageRecord> out;
    out.reserve(messages.size());
    for (qsizetype i = messages.size() - 1; i >= 0; --i) {
        if (!seen.contains(messages.at(i).id)) {
            seen.insert(messages.at(i).id);
            out.append(std::move(messages[i]));
        }
    }
    std::reverse(out.begin(), out.end());
    return out;
}
} // namespace

void Store::deliverAnnouncements() {
    Announcements a;
    {
        QMutexLocker lock(&m_announceMutex);
        a = std::exchange(m_announcements, {});
        m_deliveryPosted = false;
    }
    if (!a.changed.isEmpty())
        Q_EMIT messagesChanged(latestOnly(std::move(a.changed)));
    if (!a.arrived.isEmpty())
        Q_EMIT messagesArrived(latestOnly(std::move(a.arrived)));
    for (const QString &table : std::as_const(a.tables)) {
        const QSet<qint64> &ids = a.rows.value(table);
        const QSet<qint64> &fresh = a.created.value(table);
        Q_EMIT rowsChanged(table, QList<qint64>(ids.cbegin(), ids.cend()),
                           QList<qint64>(fresh.cbegin(), fresh.cend()));
    }
}

QList<Store::Job> Store::takeJobs(int max) {
    QMutexLocker lock(&m_mutex);
    QList<Job> taken;
    if (m_jobs.size() <= max) {
        taken.swap(m_jobs);
    } else {
        taken = m_jobs.mid(0, max);
        m_jobs.remove(0, max);
    }
    if (taken.isEmpty())
        m_drainScheduled = false;
    return taken;
}

void Store::afterCommit(StoreWorker &w, std::function<void(const QString &)> action) {
    w.afterCommit(std::move(action));
}

void Store::open(Receiver receiver, std::function<void(const StoreResult<bool> &)> done) {
    enqueue(
        reportingJob<bool>(receiver, done, [schemas = m_schemas](StoreWorker &w, QString *error) {
            w.setSchemas(schemas);
            return w.open(error) ? std::optional(true) : std::optional<bool>();
        }));
}

void Store::applyStatusCallback(const StatusCallback &callback, Receiver receiver, Done done) {
    enqueue(reportingJob<bool>(receiver, done, [callback](StoreWorker &w, QString *error) {
        if (!w.applyStatusCallback(callback, error))
            return std::optional<bool>();
        w.webhookStored();
        return std::optional(true);
    }));
}

void Store::addInboundMessage(const InboundMessage &message, Receiver receiver, Done done) {
    enqueue(reportingJob<bool>(receiver, done, [message](StoreWorker &w, QString *error) {
        if (!w.addInboundMessage(message, error))
            return std::optional<bool>();
        w.webhookStored();
        return std::optional(true);
    }));
}

void Store::createOutbound(const OutboundDraft &draft, Receiver receiver, EntryCallback done) {
    enqueue(reportingJob<OutboxEntry>(receiver, done, [draft](StoreWorker &w, QString *error) {
        return w.createOutbound(draft, error);
    }));
}

void Store::markSubmitted(qint64 outboxId, Receiver receiver, EntryCallback done) {
    enqueue(reportingJob<OutboxEntry>(receiver, done, [outboxId](StoreWorker &w, QString *error) {
        return w.transition(outboxId, OutboxEntry::State::Submitted, {}, {}, 0, {}, error);
    }));
}

void Store::markAccepted(qint64 outboxId, const QString &sid, const QString &twilioStatus,
                         Receiver receiver, EntryCallback done) {
    enqueue(reportingJob<OutboxEntry>(
        receiver, done, [outboxId, sid, twilioStatus](StoreWorker &w, QString *error) {
            return w.transition(outboxId, OutboxEntry::State::Accepted, sid, twilioStatus, 0, {},
                                error);
        }));
}

void Store::markFailed(qint64 outboxId, int errorCode, const QString &errorMessage,
                       Receiver receiver, EntryCallback done) {
    enqueue(reportingJob<OutboxEntry>(
        receiver, done, [outboxId, errorCode, errorMessage](StoreWorker &w, QString *error) {
            return w.transition(outboxId, OutboxEntry::State::Failed, {}, {}, errorCode,
                                errorMessage, error);
        }));
}

void Store::markPendingAgain(qint64 outboxId, const QString &reason, Receiver receiver,
                             EntryCallback done) {
    enqueue(reportingJob<OutboxEntry>(
        receiver, done, [outboxId, reason](StoreWorker &w, QString *error) {
            return w.transition(outboxId, OutboxEntry::State::Pending, {}, {}, 0, reason, error);
        }));
}

void Store::outboxEntry(qint64 outboxId, Receiver receiver, EntryCallback done) {
    enqueue(reportingJob<OutboxEntry>(receiver, done, [outboxId](StoreWorker &w, QString *error) {
        return w.outboxEntry(outboxId, error);
    }));
}

void Store::renewOutboxClaims(const QList<qint64> &ids, Receiver receiver,
                              std::function<void(const StoreResult<int> &)> done) {
    run<int>(
        std::move(receiver),
        [ids](StoreWorker &w, QString *error) { return w.renewOutboxClaims(ids, error); },
        std::move(done));
}

void Store::unfinishedOutbox(Receiver receiver,
                             std::function<void(const StoreResult<QList<OutboxEntry>> &)> done) {
    enqueue(reportingJob<QList<OutboxEntry>>(
        receiver, done, [](StoreWorker &w, QString *error) { return w.unfinishedOutbox(error); }));
}

void Store::messageBySid(
    const QString &sid, Receiver receiver,
    std::function<void(const StoreResult<std::optional<MessageRecord>> &)> done) {
    enqueue(reportingJob<std::optional<MessageRecord>>(
        receiver, done, [sid](StoreWorker &w, QString *error) {
            return w.messageBy(QStringLiteral("sid"), sid, error);
        }));
}

void Store::messageById(
    qint64 id, Receiver receiver,
    std::function<void(const StoreResult<std::optional<MessageRecord>> &)> done) {
    enqueue(reportingJob<std::optional<MessageRecord>>(
        receiver, done, [id](StoreWorker &w, QString *error) {
            return w.messageBy(QStringLiteral("id"), id, error);
        }));
}

void Store::statusHistory(const QString &sid, Receiver receiver,
                          std::function<void(const StoreResult<QList<StatusEvent>> &)> done) {
    enqueue(reportingJob<QList<StatusEvent>>(receiver, done, [sid](StoreWorker &w, QString *error) {
        return w.statusHistory(sid, error);
    }));
}

void Store::findMessages(const MessageQuery &query, Receiver receiver,
                         std::function<void(const StoreResult<QList<MessageRecord>> &)> done) {
    enqueue(
        reportingJob<QList<MessageRecord>>(receiver, done, [query](StoreWorker &w, QString *error) {
            return w.findMessages(query, error);
        }));
}

void Store::countMessages(Receiver receiver,
                          std::function<void(const StoreResult<qint64> &)> done) {
    enqueue(reportingJob<qint64>(
        receiver, done, [](StoreWorker &w, QString *error) { return w.countMessages(error); }));
}

void Store::flush(Receiver receiver, std::function<void()> done) {
    enqueue([receiver, done](StoreWorker &w) {
        w.afterCommit([receiver, done](const QString &) { receiver.post(done); });
        return true;
    });
}

void Store::injectFault(StoreFault fault, Receiver receiver, std::function<void()> done) {
    enqueue([fault, receiver, done](StoreWorker &w) {
        w.setFault(fault);
        if (done)
            w.afterCommit([receiver, done](const QString &) { receiver.post(done); });
        return true;
    });
}

void Store::setMetrics(Metrics *metrics) {
    m_worker->setMetrics(metrics);
}

} // namespace sb
