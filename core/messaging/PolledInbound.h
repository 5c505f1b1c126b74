#pragma once

#include "messaging/Records.h"

#include <QString>

#include <functional>

namespace sb {

class StoreWorker;

// How a channel stores an inbound message that no webhook brought: one the reconciler found
// listing Twilio's messages (polling mode, the start-up sweep). Twilio's list says less than
// the webhook (no profile name, no media URLs), so the channel stores what it can the way its
// webhook does: WhatsApp opens its 24-hour window at Twilio's time of the message. Plain
// numbers' messages need none: the reconciler stores them as the SMS webhook does.
struct PolledInbound {
    QString addressPrefix; // the addresses it is for, e.g. "whatsapp:"
    QString channel;       // its id, set on the message before `store` is called
    // In the reconciler's store job; the message is new to the store (its sid unknown) and
    // carries polled = true and receivedAt = Twilio's date_sent. False with *error on failure.
    std::function<bool(StoreWorker &w, const InboundMessage &message, QString *error)> store;
};

} // namespace sb
