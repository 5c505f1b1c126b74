#include "PresenceTracker.h"

#include "common/Logging.h"
#include "inbox/Inbox.h"

#include <QTimer>

namespace sb {

PresenceTracker::PresenceTracker(Inbox *inbox, QString agent, QObject *parent)
    : QObject(parent)
    , m_inbox(inbox)
    , m_agent(std::move(agent).trimmed())
    , m_beat(new QTimer(this)) {
    m_beat->setInterval(HeartbeatMs);
    connect(m_beat, &QTimer::timeout, this, [this] {
        announce();
        refresh();
    });
}

PresenceTracker::~PresenceTracker() {
    // Leaving with the window: the store outlives this tab's widgets during a restart, and
    // at exit the job is dropped with the store (the presence then lapses by itself).
    if (m_contact && m_inbox && !m_agent.isEmpty())
        m_inbox->setPresence(m_contact, m_agent, {}, m_inbox.data(), {});
}

void PresenceTracker::setContact(qint64 contactId, bool replying) {
    if (contactId == m_contact)
        return setReplying(replying);
    if (m_contact && m_inbox && !m_agent.isEmpty())
        m_inbox->setPresence(m_contact, m_agent, {}, this, {});
    m_contact = contactId;
    m_replying = replying;
    if (!m_others.isEmpty()) {
        m_others.clear();
        Q_EMIT othersChanged(m_others);
    }
    if (m_contact) {
        announce();
        refresh();
        m_beat->start();
    } else {
        m_beat->stop();
    }
}

void PresenceTracker::setReplying(bool replying) {
    if (replying == m_replying)
        return;
    m_replying = replying;
    announce();
}

void PresenceTracker::announce() {
    if (!m_contact || !m_inbox || m_agent.isEmpty())
        return;
    m_inbox->setPresence(m_contact, m_agent, m_replying ? Inbox::Replying : Inbox::Viewing, this,
                         [](const StoreResult<bool> &r) {
                             if (!r.ok())
                                 qCDebug(lcStore).noquote() << "presence not kept:" << r.error;
                         });
}

void PresenceTracker::refresh() {
    if (!m_contact || !m_inbox)
        return;
    const quint64 seq = ++m_readSeq;
    const qint64 contact = m_contact;
    m_inbox->presence(contact, this, [this, seq, contact](const StoreResult<QList<Presence>> &r) {
        if (seq != m_readSeq || contact != m_contact || !r.ok())
            return;
        QList<Presence> others;
        for (const Presence &p : r.value) {
            if (p.agent != m_agent)
                others.append(p);
        }
        const auto same = [](const QList<Presence> &a, const QList<Presence> &b) {
            if (a.size() != b.size())
                return false;
            for (qsizetype i = 0; i < a.size(); ++i) {
                if (a[i].agent != b[i].agent || a[i].state != b[i].state)
                    return false;
            }
            return true;
        };
        if (same(others, m_others))
            return;
        m_others = others;
        Q_EMIT othersChanged(m_others);
    });
}

QString PresenceTracker::describe(const QList<Presence> &others) {
    QStringList replying;
    QStringList viewing;
    for (const Presence &p : others)
        (p.state == Inbox::Replying ? replying : viewing).append(p.agent);
    const auto names = [](const QStringList &list) {
        if (list.size() == 1)
            return list.first();
        return tr("%1 and %2")
            .arg(list.mid(0, list.size() - 1).join(QStringLiteral(", ")), list.last());
    };
    QStringList parts;
    if (replying.size() == 1)
        parts << tr("%1 is replying to this customer").arg(names(replying));
    else if (!replying.isEmpty())
        parts << tr("%1 are replying to this customer").arg(names(replying));
    if (viewing.size() == 1)
        parts << tr("%1 is viewing this conversation").arg(names(viewing));
    else if (!viewing.isEmpty())
        parts << tr("%1 are viewing this conversation").arg(names(viewing));
    return parts.join(QStringLiteral("; "));
}

} // namespace sb
