#pragma once

#include <QString>

namespace sb {

// The SMS channel's paths, defined once: its routes, the status callback its messages carry,
// the sandbox's inbound webhook and the start-up log all read them from here.
struct SmsRoutes {
    // Webhooks (Twilio calls them; signature-checked before routing).
    static QString incoming() { return QStringLiteral("/twilio/incoming-sms"); }
    static QString status() { return QStringLiteral("/twilio/sms-status"); }
    // Local API, under LocalApi::path().
    static QString send() { return QStringLiteral("send-sms"); }
    static QString statusOf() { return QStringLiteral("sms-status/{messageSid}"); }
};

} // namespace sb
