#include "WhatsAppStatuses.h"

#include <QCoreApplication>

namespace sb {

const WhatsAppStatuses &WhatsAppStatuses::instance() {
    static const WhatsAppStatuses statuses;
    return statuses;
}

StatusInfo WhatsAppStatuses::info(const QString &status) const {
    StatusInfo i = MessageStatuses::info(status);
    if (status == QLatin1String("sent"))
        i.meaning = WhatsAppStatuses::tr(
            "WhatsApp has it but has not reached the customer's phone yet (one tick).");
    else if (status == QLatin1String("delivered"))
        i.meaning = WhatsAppStatuses::tr("On the customer's phone, not opened yet (two ticks).");
    else if (status == QLatin1String("read"))
        i.meaning = WhatsAppStatuses::tr(
            "The customer opened it (two blue ticks). Customers who turned read "
            "receipts off never show this, so delivered may be the last status.");
    else if (status == QLatin1String("received"))
        i.meaning = WhatsAppStatuses::tr(
            "A WhatsApp message from the customer; it opens a 24-hour window for "
            "free-form replies.");
    else if (status == QLatin1String("undelivered") || status == QLatin1String("failed"))
        i.meaning = WhatsAppStatuses::tr("Not delivered on WhatsApp: see the error for why.");
    return i;
}

} // namespace sb
