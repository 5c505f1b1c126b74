#include "TrialAccount.h"

#include <QCoreApplication>

namespace sb {

bool TrialAccount::isTrial(const QString &accountType) {
    return accountType.compare(QLatin1String("Trial"), Qt::CaseInsensitive) == 0;
}

QStringList TrialAccount::limits(const QString &accountType) {
    if (!isTrial(accountType))
        return {};
    return {TrialAccount::tr(
                "Messages and calls reach only numbers verified in Twilio's console (Verified "
                "Caller IDs)."),
            TrialAccount::tr("Every SMS starts with \"Sent from your Twilio trial account - \"."),
            TrialAccount::tr(
                "Calls play a trial notice first, and the callee presses a key to hear your "
                "TwiML."),
            TrialAccount::tr(
                "One phone number; upgrade the account in Twilio's console to lift these limits.")};
}

} // namespace sb
