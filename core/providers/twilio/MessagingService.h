#pragma once

#include <QString>

namespace sb {

// A Twilio Messaging Service as a message's sender: MG followed by 32 hexadecimal characters,
// sent as MessagingServiceSid instead of From (Twilio picks the number from the service).
class MessagingService {
public:
    static bool isSid(const QString &text);
    static QString invalidReason();
};

} // namespace sb
