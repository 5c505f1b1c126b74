#pragma once

#include "VoiceCalls.h"

#include <QObject>

namespace sb {

class Store;

// The calls' change feed for a view: after each commit that changed calls (the store's
// rowsChanged for VoiceCalls::Table) it reads them back and announces them, so a table updates
// rows in place; a call that arrived (inbound, stored for the first time) is announced once
// more on its own, so the console can ring. Older calls are read a page at a time (loadPage).
// Lives on the view's thread.
class CallFeed : public QObject {
    Q_OBJECT
public:
    explicit CallFeed(Store *store, QObject *parent = nullptr);

    // Reads the `limit` calls stored before the call `beforeId` (0: the newest), newest first,
    // for a view paging them in; `done` runs on the receiver's thread. A failure is also
    // announced through readFailed().
    void loadPage(qint64 beforeId, int limit, Receiver receiver,
                  std::function<void(const StoreResult<QList<CallRecord>> &)> done);

Q_SIGNALS:
    void callsChanged(const QList<sb::CallRecord> &calls);
    void callArrived(const sb::CallRecord &call);
    void readFailed(const QString &error);

private:
    void onRowsChanged(const QString &table, const QList<qint64> &ids,
                       const QList<qint64> &created);

    Store *m_store;
};

} // namespace sb
