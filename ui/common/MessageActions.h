#pragma once

#include "ChannelStatuses.h"
#include "messaging/Records.h"
#include <QCoreApplication>

#include <functional>

class QMenu;

namespace sb {

// The actions on one message, the same in the table's and the conversation's context menus:
// copy its text or the customer's number, open its details, and for a failed outbound message
// Retry and Edit and resend (failed as its channel's status model says); Cancel for a message
// still waiting for its scheduled time.
struct MessageActions {
    Q_DECLARE_TR_FUNCTIONS(MessageActions)

public:
    ChannelStatuses statuses;
    std::function<void(const MessageRecord &)> openDetails;
    std::function<void(const MessageRecord &)> retry;
    std::function<void(const MessageRecord &)> editAndResend;
    std::function<void(const MessageRecord &)> cancelScheduled; // a message still "scheduled"

    void addTo(QMenu *menu, const MessageRecord &message) const;

    // The other party: who sent an inbound message, who an outbound one went to.
    static QString customer(const MessageRecord &message);
};

} // namespace sb
