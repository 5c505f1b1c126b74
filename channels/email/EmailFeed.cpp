#include "EmailFeed.h"

#include "EmailChannel.h"
#include "db/Store.h"

namespace sb {

EmailFeed::EmailFeed(Store *store, QObject *parent)
    : QObject(parent)
    , m_store(store) {
    qRegisterMetaType<sb::EmailRecord>();
    qRegisterMetaType<QList<sb::EmailRecord>>();
    connect(m_store, &Store::rowsChanged, this,
            [this](const QString &table, const QList<qint64> &ids, const QList<qint64> &) {
                if (table != EmailStore::Table)
                    return;
                read([ids](StoreWorker &w, QString *error) {
                    return EmailStore::byIds(w, ids, error);
                });
            });
    // The outbox's steps (accepted, refused) change the email's status before any event.
    connect(m_store, &Store::messagesChanged, this, [this](const QList<MessageRecord> &messages) {
        QList<qint64> ids;
        for (const MessageRecord &m : messages) {
            if (m.channel == EmailChannel::Id)
                ids.append(m.id);
        }
        if (ids.isEmpty())
            return;
        read([ids](StoreWorker &w, QString *error) {
            return EmailStore::byMessageIds(w, ids, error);
        });
    });
}

void EmailFeed::loadRecent(int limit) {
    read([limit](StoreWorker &w, QString *error) { return EmailStore::recent(w, limit, error); });
}

void EmailFeed::read(
    std::function<std::optional<QList<EmailRecord>>(StoreWorker &, QString *)> job) {
    m_store->run<QList<EmailRecord>>(this, std::move(job),
                                     [this](const StoreResult<QList<EmailRecord>> &result) {
                                         if (!result.ok())
                                             return Q_EMIT readFailed(result.error);
                                         if (!result.value.isEmpty())
                                             Q_EMIT emailsChanged(result.value);
                                     });
}

} // namespace sb
