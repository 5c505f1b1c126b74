#pragma once

#include "messaging/Records.h"

#include <QList>
#include <QString>

namespace sb {

// Whether a contact has opted out of messages (replied STOP, or Twilio refused a message to
// them with 21610), read from their messages newest first: a later START opts them back in.
class OptOut {
public:
    static bool isOptOutKeyword(const QString &body);
    static bool isOptInKeyword(const QString &body);
    static bool optedOut(const QList<MessageRecord> &newestFirst);
    // The warning shown before writing to such a contact.
    static QString warning(const QString &contact);
};

} // namespace sb
