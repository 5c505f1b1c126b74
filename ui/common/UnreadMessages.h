#pragma once

#include "messaging/Records.h"

#include <QHash>
#include <QObject>
#include <QPointer>

class QSettings;

namespace sb {

class Store;

// Inbound messages the agent has not opened yet. They come from the store's change feed (an
// inbound record appears there once, when it is committed) and stay unread until the agent
// opens that customer's conversation. Kept in QSettings, so they survive a restart: the store
// has no read flag yet.
class UnreadMessages : public QObject {
    Q_OBJECT
public:
    UnreadMessages(QSettings *settings, QString channel, QObject *parent = nullptr);

    void setStore(Store *store);
    bool isUnread(qint64 id) const { return m_contactById.contains(id); }
    int count() const { return int(m_contactById.size()); }
    QList<qint64> ids() const { return m_contactById.keys(); }
    void markContactRead(const QString &contact);

    static constexpr int MaxRemembered = 500;

Q_SIGNALS:
    // The messages whose read state changed.
    void changed(const QList<qint64> &ids);
    void arrived(const sb::MessageRecord &message);
    // markContactRead() found unread messages from this contact (the inbox follows).
    void contactRead(const QString &contact);

private:
    void onChanged(const QList<sb::MessageRecord> &records);
    void save();

    QSettings *m_settings;
    QString m_channel;
    QPointer<Store> m_store; // the service (and its store) is rebuilt when settings change
    QHash<qint64, QString> m_contactById;
};

} // namespace sb
