#include "UnreadMessages.h"

#include "db/Store.h"

#include <QSettings>

namespace sb {

UnreadMessages::UnreadMessages(QSettings *settings, QString channel, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_channel(std::move(channel)) {
    const QStringList saved =
        m_settings->value(m_channel + QStringLiteral("/unread")).toStringList();
    for (const QString &entry : saved) {
        const qsizetype bar = entry.indexOf(QLatin1Char('|'));
        if (bar > 0)
            m_contactById.insert(entry.left(bar).toLongLong(), entry.mid(bar + 1));
    }
}

void UnreadMessages::setStore(Store *store) {
    if (m_store)
        disconnect(m_store, nullptr, this, nullptr);
    m_store = store;
    if (m_store)
        connect(m_store, &Store::messagesChanged, this, &UnreadMessages::onChanged);
}

void UnreadMessages::onChanged(const QList<MessageRecord> &records) {
    QList<qint64> fresh;
    for (const MessageRecord &m : records) {
        if (m.direction != QLatin1String("inbound") || m.channel != m_channel ||
            m_contactById.contains(m.id))
            continue;
        m_contactById.insert(m.id, m.from);
        fresh.append(m.id);
    }
    if (fresh.isEmpty())
        return;
    while (m_contactById.size() > MaxRemembered) // forget the oldest
        m_contactById.remove(*std::min_element(m_contactById.keyBegin(), m_contactById.keyEnd()));
    save();
    Q_EMIT changed(fresh);
    for (const MessageRecord &m : records) {
        if (fresh.contains(m.id))
            Q_EMIT arrived(m);
    }
}

void UnreadMessages::markContactRead(const QString &contact) {
    QList<qint64> read;
    for (auto it = m_contactById.begin(); it != m_contactById.end();) {
        if (it.value() == contact) {
            read.append(it.key());
            it = m_contactById.erase(it);
        } else {
            ++it;
        }
    }
    if (read.isEmpty())
        return;
    save();
    Q_EMIT changed(read);
    Q_EMIT contactRead(contact);
}

void UnreadMessages::save() {
    QStringList entries;
    for (auto it = m_contactById.cbegin(); it != m_contactById.cend(); ++it)
        entries.append(QStringLiteral("%1|%2").arg(it.key()).arg(it.value()));
    m_settings->setValue(m_channel + QStringLiteral("/unread"), entries);
}

} // namespace sb
