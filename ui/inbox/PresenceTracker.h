#pragma once

#include "inbox/ContactSummary.h"

#include <QObject>
#include <QPointer>
#include <QString>

class QTimer;

namespace sb {

class Inbox;

// This desk's presence in the open conversation, and the others': tells the team (through
// Inbox::setPresence) that the agent is viewing or replying to a conversation, keeps that
// alive with a heartbeat while it is so, withdraws it when the agent leaves, and reads who
// else is in the conversation whenever it changes and on every beat (their presence lapses
// without a notice when a desk dies).
class PresenceTracker : public QObject {
    Q_OBJECT
public:
    static constexpr int HeartbeatMs = 10000; // a third of Inbox::PresenceTtlMs

    PresenceTracker(Inbox *inbox, QString agent, QObject *parent = nullptr);
    ~PresenceTracker() override;

    // The open conversation (0: none, or the tab is hidden): leaves the previous one.
    // `replying`: the agent already has an answer typed (a draft kept across a tab switch).
    void setContact(qint64 contactId, bool replying = false);
    // The agent has a reply (or note) typed in the box.
    void setReplying(bool replying);
    // The conversation changed (a presence among its changes, maybe): read the others again.
    void refresh();
    const QList<Presence> &others() const { return m_others; }

    // "Ben Okafor is replying…", "Ben and Carla are viewing this conversation", or empty.
    static QString describe(const QList<Presence> &others);

Q_SIGNALS:
    // The other agents in the open conversation (not this desk's agent), replying first.
    void othersChanged(const QList<sb::Presence> &others);

private:
    void announce();

    QPointer<Inbox> m_inbox;
    QString m_agent;
    QTimer *m_beat;
    qint64 m_contact = 0;
    bool m_replying = false;
    QList<Presence> m_others;
    quint64 m_readSeq = 0; // an older read's answer is dropped
};

} // namespace sb
