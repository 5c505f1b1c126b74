#pragma once

#include "VoiceCalls.h"

#include <QObject>

namespace sb {

class Store;

// The calls' change feed for a view: after each commit that changed calls (the store's
// rowsChanged for VoiceCalls::Table) it reads them back and announces them, so a table updates
// rows in place; a call that arrived (inbound, stored for the first time) is announced once
// more on its own, so the console can ring. Lives on the view's thread.
class CallFeed : public QObject {
    Q_OBJECT
public:
    explicit CallFeed(Store *store, QObject *parent = nullptr);

    // Announces the newest `limit` calls through callsChanged() (the view's first fill).
    void loadRecent(int limit = 500);

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
