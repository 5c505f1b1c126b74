#pragma once

#include <QString>

namespace sb {

// The WhatsApp channel's paths, defined once: its routes, the status callback its messages
// carry, the sandbox's inbound webhook and the start-up log all read them from here.
struct WhatsAppRoutes {
    // Webhooks (Twilio calls them; signature-checked before routing).
    static QString incoming() { return QStringLiteral("/twilio/incoming-whatsapp"); }
    static QString status() { return QStringLiteral("/twilio/whatsapp-status"); }
    // Local API, under LocalApi::path().
    static QString send() { return QStringLiteral("send-whatsapp"); }
};

} // namespace sb
