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
};

} // namespace sb

Q_DECLARE_METATYPE(sb::ContactSummary)
