#include "CallFeed.h"

#include "db/Store.h"

#include <QPointer>
#include <QSet>

namespace sb {

CallFeed::CallFeed(Store *store, QObject *parent)
    : QObject(parent)
    , m_store(store) {
    qRegisterMetaType<sb::CallRecord>();
    qRegisterMetaType<QList<sb::CallRecord>>();
    connect(m_store, &Store::rowsChanged, this, &CallFeed::onRowsChanged);
}

void CallFeed::loadPage(qint64 beforeId, int limit, Receiver receiver,
                        std::function<void(const StoreResult<QList<CallRecord>> &)> done) {
    m_store->run<QList<CallRecord>>(
        std::move(receiver),
        [beforeId, limit](StoreWorker &w, QString *error) {
            return VoiceCalls::page(w, beforeId, limit, error);
        },
        [feed = QPointer<CallFeed>(this), done](const StoreResult<QList<CallRecord>> &result) {
            if (!result.ok() && feed)
                Q_EMIT feed->readFailed(result.error);
            done(result);
        });
}

void CallFeed::onRowsChanged(const QString &table, const QList<qint64> &ids,
                             const QList<qint64> &created) {
    if (table != VoiceCalls::Table)
        return;
    m_store->run<QList<CallRecord>>(
        this, [ids](StoreWorker &w, QString *error) { return VoiceCalls::byIds(w, ids, error); },
        [this, created = QSet<qint64>(created.cbegin(), created.cend())](
            const StoreResult<QList<CallRecord>> &result) {
            if (!result.ok())
                return Q_EMIT readFailed(result.error);
            Q_EMIT callsChanged(result.value);
            for (const CallRecord &call : result.value) {
                if (call.isInbound() && created.contains(call.id))
                    Q_EMIT callArrived(call);
            }
        });
}

} // namespace sb
