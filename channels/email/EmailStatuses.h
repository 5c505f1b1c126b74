#pragma once

#include "messaging/StatusModel.h"
#include <QCoreApplication>

#include <QStringList>

namespace sb {

// An email's statuses, from Switchboard's own (pending, queued, failed, unknown) through
// SendGrid's delivery events (processed, deferred, delivered, bounce, dropped, spamreport).
// Ranked so that an out-of-order event never moves an email backwards: `processed` arriving
// after `delivered` changes nothing. Engagement events (open, click, unsubscribe,
// group_unsubscribe) are kept in the timeline but are not statuses: they rank 0 and never move
// one. `spamreport` follows `delivered` (the recipient had it, then reported it).
class EmailStatuses : public StatusModel {
    Q_DECLARE_TR_FUNCTIONS(EmailStatuses)
public:
    StatusInfo info(const QString &status) const override;
    static const EmailStatuses &instance();

    // SendGrid's delivery events that are statuses, and the engagement events that are not.
    static bool isStatusEvent(const QString &event);
    static bool isEngagementEvent(const QString &event);
    // Events after which the address is not sent to again.
    static bool suppresses(const QString &event);
};

} // namespace sb
