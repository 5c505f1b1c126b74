#pragma once

#include "common/Receiver.h"
#include "db/Store.h"
#include "messaging/Records.h"

#include <QDateTime>
#include <QStringList>

#include <functional>
#include <optional>

namespace sb {

class StoreWorker;

// A customer on WhatsApp as the console knows them from their messages.
struct WhatsAppContact {
    QString address;       // whatsapp:+E164
    QString waId;          // WhatsApp's ID for them (the number's digits)
    QString profileName;   // the name they gave WhatsApp, as Twilio passed it on (ProfileName)
    QDateTime lastInbound; // their last message to any of our senders; invalid: never
};

// The WhatsApp channel's own tables and every query on them (run by the store, like every
// store job: on its thread, inside its batched transaction, reported after the commit):
//   whatsapp_contacts  one row per customer: WaId, profile name, last inbound message
//   whatsapp_windows   per customer and sender, the last inbound message: where WhatsApp's
//                      24-hour window is measured from (each business number has its own)
// Times are the channel clock's (ChannelContext::clock), stored as UTC milliseconds.
class WhatsAppContacts {
public:
    static QList<QStringList> schema();
    // Triggers that copy each customer's profile name into the inbox's contact (the same
    // number) unless the agent named them, as whatsapp_contacts is written; for the contacts
    // already stored too. Applied after the inbox's schema (Channel::contactSchema()).
    static QList<QStringList> contactSchema();

    // In a store job: stores an inbound WhatsApp message (deduplicated on its SID) and, the
    // first time it arrives, notes the customer's name and the time `at`, which opens the
    // window. A message Twilio retries is stored once and never moves the window.
    static bool recordInbound(StoreWorker &w, const InboundMessage &message,
                              const QString &profileName, const QString &waId, const QDateTime &at,
                              QString *error);
    // In a store job: applies a status callback as for any message; a message the store had
    // not seen (the callback came first, or it was sent elsewhere) is filed under WhatsApp.
    static bool applyStatus(StoreWorker &w, const StatusCallback &callback, QString *error);

    // When `contact` last wrote to `sender` (to any sender when `sender` is empty); an invalid
    // time when never.
    static void lastInbound(Store *store, const QString &contact, const QString &sender,
                            Receiver receiver,
                            std::function<void(const StoreResult<QDateTime> &)> done);
    static void
    contact(Store *store, const QString &address, Receiver receiver,
            std::function<void(const StoreResult<std::optional<WhatsAppContact>> &)> done);
};

} // namespace sb
