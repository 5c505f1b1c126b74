#include "EmailStatuses.h"

#include <QCoreApplication>

namespace sb {

const EmailStatuses &EmailStatuses::instance() {
    static const EmailStatuses statuses;
    return statuses;
}

StatusInfo EmailStatuses::info(const QString &status) const {
    StatusInfo i;
    i.label = status;
    if (status == QLatin1String("pending")) {
        i = {1, false, status, StatusTone::Neutral,
             EmailStatuses::tr("Stored here; SendGrid has not accepted it yet.")};
    } else if (status == QLatin1String("queued")) {
        i = {2, false, status, StatusTone::Progress,
             EmailStatuses::tr("SendGrid accepted it and will process it shortly.")};
    } else if (status == QLatin1String("unknown")) {
        i = {3, false, status, StatusTone::Neutral,
             EmailStatuses::tr(
                 "Switchboard cannot tell whether SendGrid accepted it: the answer was lost "
                 "(e.g. Switchboard stopped while sending). It was not sent again, to avoid a "
                 "duplicate; check SendGrid's Activity feed or ask the recipient before "
                 "resending.")};
    } else if (status == QLatin1String("processed")) {
        i = {4, false, status, StatusTone::Progress,
             EmailStatuses::tr("SendGrid is sending it to the recipient's mail server.")};
    } else if (status == QLatin1String("deferred")) {
        i = {5, false, status, StatusTone::Progress,
             EmailStatuses::tr(
                 "The recipient's mail server asked SendGrid to try later; SendGrid keeps "
                 "trying for up to 72 hours.")};
    } else if (status == QLatin1String("delivered")) {
        i = {6, true, status, StatusTone::Success,
             EmailStatuses::tr(
                 "The recipient's mail server accepted it (it may still file it as spam).")};
    } else if (status == QLatin1String("failed")) {
        i = {7, true, status, StatusTone::Failure,
             EmailStatuses::tr("SendGrid refused it; it was not sent. See the error for why.")};
    } else if (status == QLatin1String("bounce")) {
        i = {7, true, status, StatusTone::Failure,
             EmailStatuses::tr(
                 "The recipient's mail server refused it. The address will not be sent to "
                 "again.")};
    } else if (status == QLatin1String("dropped")) {
        i = {7, true, status, StatusTone::Failure,
             EmailStatuses::tr(
                 "SendGrid did not send it (e.g. the address bounced or unsubscribed before). "
                 "The address will not be sent to again.")};
    } else if (status == QLatin1String("spamreport")) {
        i = {8, true, status, StatusTone::Failure,
             EmailStatuses::tr(
                 "The recipient marked it as spam. The address will not be sent to again.")};
    }
    return i;
}

bool EmailStatuses::isStatusEvent(const QString &event) {
    static const QStringList events = {QStringLiteral("processed"), QStringLiteral("deferred"),
                                       QStringLiteral("delivered"), QStringLiteral("bounce"),
                                       QStringLiteral("dropped"),   QStringLiteral("spamreport")};
    return events.contains(event);
}

bool EmailStatuses::isEngagementEvent(const QString &event) {
    static const QStringList events = {QStringLiteral("open"), QStringLiteral("click"),
                                       QStringLiteral("unsubscribe"),
                                       QStringLiteral("group_unsubscribe")};
    return events.contains(event);
}

bool EmailStatuses::suppresses(const QString &event) {
    return event == QLatin1String("bounce") || event == QLatin1String("spamreport");
}

} // namespace sb
