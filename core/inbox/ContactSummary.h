#pragma once

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace sb {

// One row of the inbox's contact list: who, how to reach them, and where their thread stands.
struct ContactSummary {
    qint64 id = 0;        // the contact's id in the inbox's contacts table
    QString number;       // E.164 ("+15551234567"); the key every phone channel shares
    QString email;        // an address the agent linked to the contact (joins emails); may be empty
    QString name;         // edited by the agent, else the WhatsApp profile name; may be empty
    QString lastText;     // the newest item's text (a message's body); empty for a call
    QString lastChannel;  // its channel id
    QDateTime lastAt;     // UTC
    int unread = 0;       // inbound items not yet read (persisted)
    QStringList channels; // every channel id the thread has items on ("sms", "whatsapp",
                          // "voice": its messages' and its calls')
    QStringList optedOutOf; // senders (numbers, "whatsapp:+1...", MG...) this contact sent STOP to
    QString assignee;       // the agent the conversation is assigned to; empty: nobody
    QDateTime assignedAt;   // since when (UTC); invalid when nobody
};

// Inbox::assign's answer: who has the conversation now.
struct Assignment {
    // False: the conversation's assignee was no longer the one the caller expected (another
    // agent took it first); nothing changed and `assignee` is who has it.
    bool changed = false;
    bool found = true; // false: no such contact
    QString assignee;
    QDateTime assignedAt;
};

// An agent in a conversation now (Inbox::presence).
struct Presence {
    QString agent;
    QString state; // Inbox::Viewing or Inbox::Replying
    QDateTime seenAt;
    qint64 contactId = 0; // whose conversation
};

// One agent's share of the inbox (Inbox::workload): the conversations assigned to them and how
// many of those have unread messages. `agent` empty: the unassigned ones.
struct AgentWorkload {
    QString agent;
    int conversations = 0;
    int unreadConversations = 0;
    qint64 unreadMessages = 0;
};

} // namespace sb

Q_DECLARE_METATYPE(sb::ContactSummary)
Q_DECLARE_METATYPE(sb::Presence)
