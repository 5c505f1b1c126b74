#pragma once

#include "messaging/OptOuts.h"
#include "messaging/Records.h"

#include <QList>
#include <QString>

#include <functional>

class QObject;

namespace sb {

class Store;

// What the console says about a contact who opted out: read from the stored state (OptOuts:
// their STOP / START, Twilio's 21610), with the sender and the date; from their messages
// newest first only where a store has no opt-out table.
class OptOut {
public:
    static bool isOptOutKeyword(const QString &body);
    static bool isOptInKeyword(const QString &body);
    static bool optedOut(const QList<MessageRecord> &newestFirst);
    // The warning shown before writing to such a contact.
    static QString warning(const QString &contact);
    static QString warning(const OptOutState &state);
    // The warning for `contact` (empty when they may be written to), on `context`'s thread.
    // `fallbackNewestFirst` is read only when the stored state cannot be.
    static void lookup(Store *store, const QString &contact,
                       const QList<MessageRecord> &fallbackNewestFirst, QObject *context,
                       std::function<void(const QString &warning)> done);
};

} // namespace sb
