#pragma once

#include "messaging/Records.h"
#include "providers/twilio/TwilioError.h"

#include <functional>

namespace sb {

// A rule the outbox applies to an entry just before submitting it, whether it is sent at once or
// at its scheduled time (so a rule is judged when the message really goes): a contact's STOP,
// WhatsApp's 24-hour window. Lives on the outbox's thread; `done` runs there.
class OutboxCheck {
public:
    virtual ~OutboxCheck() = default;

    // No error: it may go. An error of Kind::Local: the rule could not be read (the outbox keeps
    // the entry and tries again later). Any other error: refused, the entry fails with it and is
    // never sent.
    using Checked = std::function<void(const TwilioError &refusal)>;
    virtual void check(const OutboxEntry &entry, Checked done) = 0;

    // The provider refused `entry` (e.g. Twilio's 21610): a rule may learn from it.
    virtual void refused(const OutboxEntry &entry, const TwilioError &error) {
        (void)entry;
        (void)error;
    }
};

} // namespace sb
