#pragma once

#include "messaging/MessageStatuses.h"
#include <QCoreApplication>

namespace sb {

// WhatsApp's message statuses: Twilio's message statuses, read the way WhatsApp shows them
// (one tick sent, two ticks delivered, two blue ticks read). Same ranks, so the store keeps a
// WhatsApp message from moving backwards exactly as an SMS; `read` follows `delivered`.
class WhatsAppStatuses : public MessageStatuses {
    Q_DECLARE_TR_FUNCTIONS(WhatsAppStatuses)
public:
    StatusInfo info(const QString &status) const override;
    static const WhatsAppStatuses &instance();
};

} // namespace sb
