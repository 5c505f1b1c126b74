#pragma once

#include "messaging/StatusModel.h"
#include <QCoreApplication>

#include <QStringList>

namespace sb {

// Twilio's call statuses: queued -> initiated -> ringing -> in-progress, then one final
// status (completed, busy, no-answer, failed, canceled). Final statuses share the highest
// rank, so a call never moves backwards and, once it has ended, no other ending replaces the
// first one stored.
class CallStatuses : public StatusModel {
    Q_DECLARE_TR_FUNCTIONS(CallStatuses)
public:
    StatusInfo info(const QString &status) const override;
    static const CallStatuses &instance();
    // Every status, in the order a call goes through them (the endings last).
    static QStringList all();
};

} // namespace sb
