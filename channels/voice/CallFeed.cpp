#include "CallFeed.h"

#include "db/Store.h"

#include <QSet>

namespace sb {

CallFeed::CallFeed(Store *store, QObject *parent)
    : QObject(parent)
    , m_store(store) {
    qRegisterMetaType<sb::CallRecord>();
    qRegisterMetaType<QList<sb::CallRecord>>();
    connect(m_store, &Store::rowsChanged, this, &CallFeed::onRowsChanged);
}

void CallFeed::loadRecent(int limit) {
    m_store->run<QList<CallRecord>>(
        this,
        [limit](StoreWorker &w, QString *error) { return VoiceCalls::recent(w, limit, error); },
        [this](const StoreResult<QList<CallRecord>> &result) {
            if (!result.ok())
                return Q_EMIT readFailed(result.error);
            Q_EMIT callsChanged(result.value);
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
