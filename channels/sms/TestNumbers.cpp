#include "TestNumbers.h"

namespace sb {

TestNumberOutcome TestNumbers::forTo(const QString &to) {
    TestNumberOutcome outcome;
    outcome.finalStatus = QStringLiteral("delivered");
    if (to == QLatin1String("+15005550001"))
        outcome.errorCode = 21211;
    else if (to == QLatin1String("+15005550002"))
        outcome.errorCode = 21612;
    else if (to == QLatin1String("+15005550003"))
        outcome.errorCode = 21408;
    else if (to == QLatin1String("+15005550004"))
        outcome.errorCode = 21610;
    else if (to == QLatin1String("+15005550009"))
        outcome.errorCode = 21614;
    else if (to.startsWith(QLatin1String("+1500555300")) && to.size() == 12) {
        const int last = to.right(1).toInt();
        if (last >= 3 && last <= 7) {
            outcome.finalStatus = QStringLiteral("undelivered");
            outcome.deliveryError = 30000 + last;
        } else if (last == 8) {
            outcome.finalStatus = QStringLiteral("failed");
            outcome.deliveryError = 30008;
        }
    }
    return outcome;
}

int TestNumbers::errorForFrom(const QString &from) {
    if (from == QLatin1String("+15005550001"))
        return 21212;
    if (from == QLatin1String("+15005550007"))
        return 21606;
    if (from == QLatin1String("+15005550008"))
        return 21611;
    return 0;
}

} // namespace sb
