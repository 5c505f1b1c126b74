#include "CallStatuses.h"

#include <QCoreApplication>

namespace sb {

const CallStatuses &CallStatuses::instance() {
    static const CallStatuses statuses;
    return statuses;
}

QStringList CallStatuses::all() {
    return {QStringLiteral("queued"),      QStringLiteral("initiated"), QStringLiteral("ringing"),
            QStringLiteral("in-progress"), QStringLiteral("completed"), QStringLiteral("busy"),
            QStringLiteral("no-answer"),   QStringLiteral("failed"),    QStringLiteral("canceled")};
}

StatusInfo CallStatuses::info(const QString &status) const {
    StatusInfo i;
    i.label = status;
    i.label.replace(QLatin1Char('-'), QLatin1Char(' '));
    if (status == QLatin1String("queued")) {
        i.rank = 1;
        i.tone = StatusTone::Progress;
        i.meaning = CallStatuses::tr("Twilio has the call and will dial it shortly.");
    } else if (status == QLatin1String("initiated")) {
        i.rank = 2;
        i.tone = StatusTone::Progress;
        i.meaning = CallStatuses::tr("Twilio is dialling the number.");
    } else if (status == QLatin1String("ringing")) {
        i.rank = 3;
        i.tone = StatusTone::Sent;
        i.meaning = CallStatuses::tr("The customer's phone is ringing.");
    } else if (status == QLatin1String("in-progress")) {
        i.rank = 4;
        i.tone = StatusTone::Success;
        i.meaning = CallStatuses::tr("The customer answered; the call is going on.");
    } else if (status == QLatin1String("completed")) {
        i.rank = 5;
        i.final = true;
        i.tone = StatusTone::Success;
        i.meaning = CallStatuses::tr("The call was answered and has ended.");
    } else if (status == QLatin1String("busy")) {
        i.rank = 5;
        i.final = true;
        i.tone = StatusTone::Failure;
        i.meaning = CallStatuses::tr("The line was busy; nobody was reached.");
    } else if (status == QLatin1String("no-answer")) {
        i.rank = 5;
        i.final = true;
        i.tone = StatusTone::Failure;
        i.meaning = CallStatuses::tr("It rang and nobody answered.");
    } else if (status == QLatin1String("failed")) {
        i.rank = 5;
        i.final = true;
        i.tone = StatusTone::Failure;
        i.meaning = CallStatuses::tr(
            "The call could not be connected (for instance an unreachable number).");
    } else if (status == QLatin1String("canceled")) {
        i.rank = 5;
        i.final = true;
        i.tone = StatusTone::Failure;
        i.meaning = CallStatuses::tr("Hung up before anyone answered.");
    } else if (status.isEmpty()) {
        i.label = QStringLiteral("-");
    }
    return i;
}

} // namespace sb
