#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace sb {

// What Twilio's trial accounts cannot do, for the Account tab and account-info.
class TrialAccount {
    Q_DECLARE_TR_FUNCTIONS(TrialAccount)
public:
    static bool isTrial(const QString &accountType);
    // In plain words; empty for a full account.
    static QStringList limits(const QString &accountType);
};

} // namespace sb
