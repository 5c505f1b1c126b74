#pragma once

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace sb {

// One entry of a contact's merged thread, whatever it came from: a message (SMS, WhatsApp), a
// call, an email, or the agent's internal note. The inbox reads these from every channel's
// tables in time order; the thread view draws them and the exporters write them out, so none
// of them needs to know a channel's records.
struct ThreadItem {
    enum class Kind { Message, Call, Email, Note };
    Kind kind = Kind::Message;
    QString channel;   // the channel id ("sms", "whatsapp", "voice", "email"); "note" for notes
    qint64 rowId = 0;  // the row's id in its own table (messages.id, a call's id, a note's id)
    QString ref;       // the provider's id (message or call SID, email id); empty for notes
    QString direction; // "inbound" or "outbound"; empty for notes
    QString from;
    QString to;
    QString text;   // the body; an email's subject; a call's summary ("Answered, 2:13"); a note
    QString status; // the channel's status id ("delivered"); empty for notes
    int errorCode = 0;
    QString errorMessage;
    QString author;         // a note's author (the agent's name); empty otherwise
    QStringList mediaLinks; // media URLs (local API links for stored inbound media)
    QDateTime at;           // UTC: when it was created (sent, received, placed, written)
};

using Thread = QList<ThreadItem>;

} // namespace sb

Q_DECLARE_METATYPE(sb::ThreadItem)
