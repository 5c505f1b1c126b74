#pragma once

#include "EmailStore.h"

#include <QObject>

namespace sb {

class Store;

// The emails' change feed for a view: after each commit that changed emails (stored, an event
// for one, the outbox moving one: Store::rowsChanged for EmailStore::Table and messagesChanged
// for email messages) it reads them back, events included, and announces them, so a table
// updates rows in place. Lives on the view's thread.
class EmailFeed : public QObject {
    Q_OBJECT
public:
    explicit EmailFeed(Store *store, QObject *parent = nullptr);

    // Announces the newest `limit` emails through emailsChanged() (the view's first fill).
    void loadRecent(int limit = 500);

Q_SIGNALS:
    void emailsChanged(const QList<sb::EmailRecord> &emails);
    void readFailed(const QString &error);

private:
    void read(std::function<std::optional<QList<EmailRecord>>(StoreWorker &, QString *)> job);

    Store *m_store;
};

} // namespace sb
