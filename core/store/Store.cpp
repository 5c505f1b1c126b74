#include "Store.h"

#include "StoreWorker.h"

namespace sb {

bool MessageQuery::matches(const MessageRecord &m) const {
    if (!contact.isEmpty() && m.from != contact && m.to != contact)
        return false;
    if (!status.isEmpty() && m.status != status)
        return false;
    if (!text.isEmpty() && !m.body.contains(text, Qt::CaseInsensitive) && !m.from.contains(text) &&
        !m.to.contains(text))
        return false;
    return beforeId == 0 || m.id < beforeId;
}

Store::Store(const QString &databasePath, QObject *parent)
    : QObject(parent)
    , m_path(databasePath) {
    qRegisterMetaType<sb::MessageRecord>();
    qRegisterMetaType<QList<sb::MessageRecord>>();
    m_worker = new StoreWorker(this, databasePath);
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
        QMetaObject::invokeMethod(m_worker, &StoreWorker::scheduleDrain, Qt::QueuedConnection);
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

void Store::open(QObject *context, std::function<void(const StoreResult<bool> &)> done) {
    QPointer<QObject> ctx(context);
    enqueue([this, ctx, done](StoreWorker &w) {
        StoreResult<bool> result;
        result.value = w.open(&result.error);
        w.afterCommit([ctx, done, result] { postTo(ctx, [done, result] { done(result); }); });
    });
}

void Store::applyStatusCallback(const StatusCallback &callback) {
    enqueue([callback](StoreWorker &w) {
        QString error;
        w.applyStatusCallback(callback, &error);
    });
}

void Store::addInboundMessage(const InboundMessage &message) {
    enqueue([message](StoreWorker &w) {
        QString error;
        w.addInboundMessage(message, &error);
    });
}

namespace {

// Wraps a worker call that yields std::optional<T> into a job that reports after commit.
template <typename T, typename Call>
Store::Job reportingJob(QObject *context, std::function<void(const StoreResult<T> &)> done,
                        Call call) {
    QPointer<QObject> ctx(context);
    return [ctx, done, call](StoreWorker &w) {
        StoreResult<T> result;
        auto value = call(w, &result.error);
        if (value)
            result.value = *value;
        else if (result.error.isEmpty())
            result.error = QStringLiteral("not found");
        w.afterCommit([ctx, done, result] { postTo(ctx, [done, result] { done(result); }); });
    };
}

} // namespace

void Store::createOutbound(const OutboundDraft &draft, QObject *context, EntryCallback done) {
    enqueue(reportingJob<OutboxEntry>(context, done, [draft](StoreWorker &w, QString *error) {
        return w.createOutbound(draft, error);
    }));
}

void Store::markSubmitted(qint64 outboxId, QObject *context, EntryCallback done) {
    enqueue(reportingJob<OutboxEntry>(context, done, [outboxId](StoreWorker &w, QString *error) {
        return w.transition(outboxId, OutboxEntry::State::Submitted, {}, {}, 0, {}, error);
    }));
}

void Store::markAccepted(qint64 outboxId, const QString &sid, const QString &twilioStatus,
                         QObject *context, EntryCallback done) {
    enqueue(reportingJob<OutboxEntry>(
        context, done, [outboxId, sid, twilioStatus](StoreWorker &w, QString *error) {
            return w.transition(outboxId, OutboxEntry::State::Accepted, sid, twilioStatus, 0, {},
                                error);
        }));
}

void Store::markFailed(qint64 outboxId, int errorCode, const QString &errorMessage,
                       QObject *context, EntryCallback done) {
    enqueue(reportingJob<OutboxEntry>(
        context, done, [outboxId, errorCode, errorMessage](StoreWorker &w, QString *error) {
            return w.transition(outboxId, OutboxEntry::State::Failed, {}, {}, errorCode,
                                errorMessage, error);
        }));
}

void Store::markPendingAgain(qint64 outboxId, const QString &reason, QObject *context,
                             EntryCallback done) {
    enqueue(reportingJob<OutboxEntry>(
        context, done, [outboxId, reason](StoreWorker &w, QString *error) {
            return w.transition(outboxId, OutboxEntry::State::Pending, {}, {}, 0, reason, error);
        }));
}

void Store::unfinishedOutbox(QObject *context,
                             std::function<void(const StoreResult<QList<OutboxEntry>> &)> done) {
    enqueue(reportingJob<QList<OutboxEntry>>(context, done, [](StoreWorker &w, QString *error) {
        return std::optional(w.unfinishedOutbox(error));
    }));
}

void Store::messageBySid(
    const QString &sid, QObject *context,
    std::function<void(const StoreResult<std::optional<MessageRecord>> &)> done) {
    enqueue(reportingJob<std::optional<MessageRecord>>(
        context, done, [sid](StoreWorker &w, QString *error) {
            return std::optional<std::optional<MessageRecord>>(
                w.messageBy(QStringLiteral("sid"), sid, error));
        }));
}

void Store::messageById(
    qint64 id, QObject *context,
    std::function<void(const StoreResult<std::optional<MessageRecord>> &)> done) {
    enqueue(reportingJob<std::optional<MessageRecord>>(
        context, done, [id](StoreWorker &w, QString *error) {
            return std::optional<std::optional<MessageRecord>>(
                w.messageBy(QStringLiteral("id"), id, error));
        }));
}

void Store::statusHistory(const QString &sid, QObject *context,
                          std::function<void(const StoreResult<QList<StatusEvent>> &)> done) {
    enqueue(reportingJob<QList<StatusEvent>>(context, done, [sid](StoreWorker &w, QString *error) {
        return std::optional(w.statusHistory(sid, error));
    }));
}

void Store::findMessages(const MessageQuery &query, QObject *context,
                         std::function<void(const StoreResult<QList<MessageRecord>> &)> done) {
    enqueue(
        reportingJob<QList<MessageRecord>>(context, done, [query](StoreWorker &w, QString *error) {
            return std::optional(w.findMessages(query, error));
        }));
}

void Store::countMessages(QObject *context, std::function<void(const StoreResult<qint64> &)> done) {
    enqueue(reportingJob<qint64>(context, done, [](StoreWorker &w, QString *error) {
        return std::optional(w.countMessages(error));
    }));
}

void Store::flush(QObject *context, std::function<void()> done) {
    QPointer<QObject> ctx(context);
    enqueue([ctx, done](StoreWorker &w) { w.afterCommit([ctx, done] { postTo(ctx, done); }); });
}

} // namespace sb
