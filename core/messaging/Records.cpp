#include "Records.h"

namespace sb {

QString OutboxEntry::stateName(State state) {
    switch (state) {
    case State::Pending:
        return QStringLiteral("pending");
    case State::Submitted:
        return QStringLiteral("submitted");
    case State::Accepted:
        return QStringLiteral("accepted");
    case State::Failed:
        return QStringLiteral("failed");
    case State::Scheduled:
        return QStringLiteral("scheduled");
    case State::Cancelled:
        return QStringLiteral("cancelled");
    }
    return {};
}

OutboxEntry::State OutboxEntry::stateFromName(const QString &name) {
    if (name == QLatin1String("submitted"))
        return State::Submitted;
    if (name == QLatin1String("accepted"))
        return State::Accepted;
    if (name == QLatin1String("failed"))
        return State::Failed;
    if (name == QLatin1String("scheduled"))
        return State::Scheduled;
    if (name == QLatin1String("cancelled"))
        return State::Cancelled;
    return State::Pending;
}

} // namespace sb
