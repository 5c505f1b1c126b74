#pragma once

#include <QString>

namespace sb {

// The email channel's paths, defined once.
struct EmailRoutes {
    // SendGrid's Event Webhook (signed with SendGrid's ECDSA key, not Twilio's HMAC: it lives
    // outside /twilio/, whose guard checks X-Twilio-Signature).
    static QString events() { return QStringLiteral("/sendgrid/events"); }
    // Local API, under LocalApi::path().
    static QString send() { return QStringLiteral("send-email"); }
    static QString status() { return QStringLiteral("email-status/{id}"); }
    static QString usage() { return QStringLiteral("email-usage"); }
    static QString list() { return QStringLiteral("emails"); }
};

} // namespace sb
