#pragma once

#include "StatusModel.h"
#include <QCoreApplication>

namespace sb {

// Twilio's message statuses, as every message channel (SMS, MMS, WhatsApp) shares them, plus
// "pending": stored here, not yet accepted by Twilio. A channel may subclass it to say more
// about its own (WhatsApp's "read"). Ranks come from MessageStatus, which the store uses.
class MessageStatuses : public StatusModel {
    Q_DECLARE_TR_FUNCTIONS(MessageStatuses)
public:
    StatusInfo info(const QString &status) const override;
    static const MessageStatuses &instance();
};

} // namespace sb
