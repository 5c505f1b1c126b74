#pragma once

#include "providers/twilio/PhoneNumber.h"

#include <QString>

class QLabel;

namespace sb {

// A customer's number as the agent types it into a form (SMS compose, the Calls tab's dial
// form), read and shown the same way everywhere: national forms in the sender's country (US
// when the sender's is unknown), and beside the field what it will use or why it cannot.
class RecipientNumber {
public:
    static PhoneNumberCheck check(const QString &typed, const QString &senderNumber);
    // Hidden when nothing is typed; `validText` (e.g. "Will send to %1", %1 the E.164) in the
    // faint tone when valid; the reason in the error tone otherwise.
    static void show(QLabel *reason, const QString &typed, const PhoneNumberCheck &check,
                     const QString &validText);
};

} // namespace sb
