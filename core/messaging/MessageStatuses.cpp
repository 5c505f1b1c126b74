#include "MessageStatuses.h"

#include "MessageStatus.h"

#include <QCoreApplication>

namespace sb {

const MessageStatuses &MessageStatuses::instance() {
    static const MessageStatuses statuses;
    return statuses;
}

StatusInfo MessageStatuses::info(const QString &status) const {
    StatusInfo i;
    i.rank = MessageStatus::rank(status);
    i.final = MessageStatus::isFinal(status);
    i.label = status;
    i.label.replace(QLatin1Char('_'), QLatin1Char(' '));
    if (status == QLatin1String("pending")) {
        i.label = MessageStatuses::tr("sending…");
        i.meaning = MessageStatuses::tr("Stored here and being handed to Twilio.");
    } else if (status == QLatin1String("accepted") || status == QLatin1String("queued") ||
               status == QLatin1String("scheduled")) {
        i.tone = StatusTone::Progress;
        i.meaning = status == QLatin1String("scheduled")
                        ? MessageStatuses::tr(
                              "Waiting in Switchboard's outbox; it is sent at the scheduled time "
                              "(Cancel in the row's menu).")
                        : MessageStatuses::tr("Twilio has it and will send it shortly.");
    } else if (status == QLatin1String("sending") || status == QLatin1String("receiving")) {
        i.tone = StatusTone::Progress;
        i.meaning = MessageStatuses::tr("On its way.");
    } else if (status == QLatin1String("sent")) {
        i.tone = StatusTone::Sent;
        i.meaning = MessageStatuses::tr("Handed to the carrier; not confirmed delivered yet.");
    } else if (status == QLatin1String("delivered")) {
        i.tone = StatusTone::Success;
        i.meaning = MessageStatuses::tr("Delivered to the customer's phone.");
    } else if (status == QLatin1String("read")) {
        i.tone = StatusTone::Success;
        i.meaning = MessageStatuses::tr("The customer has read it.");
    } else if (status == QLatin1String("received")) {
        i.tone = StatusTone::Success;
        i.meaning = MessageStatuses::tr("A message from the customer.");
    } else if (status == QLatin1String("partially_delivered")) {
        i.tone = StatusTone::Sent;
        i.meaning = MessageStatuses::tr("Some parts were delivered, not all.");
    } else if (status == QLatin1String("undelivered") || status == QLatin1String("failed")) {
        i.tone = StatusTone::Failure;
        i.meaning = MessageStatuses::tr("Not delivered: see the error for why.");
    } else if (status == QLatin1String("canceled")) {
        i.tone = StatusTone::Failure;
        i.meaning = MessageStatuses::tr("Canceled before it was sent.");
    } else if (status.isEmpty()) {
        i.label = QStringLiteral("-");
    }
    return i;
}

} // namespace sb
