#pragma once

#include "db/Migrations.h"

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>

#include <optional>

namespace sb {

class StoreWorker;

// A phone number this console pointed at itself, with what it replaced.
struct WiredNumber {
    QString numberSid;
    QString phoneNumber;
    QMap<QString, QString> previous; // setting (SmsUrl, …) -> its value before wiring
    QMap<QString, QString> wiredTo;  // setting -> the console's URL it was given
    bool onlyWhileRunning = false;   // restored on exit, or at the next start after a crash
    QDateTime wiredAt;
    QString runToken; // the process that wired it (NumberWiring::runToken())
};

// The number_wiring table (schema module "account"): SQL only, run on the store thread.
class WiredNumbers {
public:
    static Schema schema();
    static constexpr QLatin1StringView Table{"number_wiring"};

    // Records a wiring. When the number is already wired, its first `previous` values are
    // kept (they are what the agent had before this console), the rest is updated. Returns
    // whether a row was created.
    static std::optional<bool> save(StoreWorker &w, const WiredNumber &wiring, QString *error);
    static std::optional<std::optional<WiredNumber>> find(StoreWorker &w, const QString &numberSid,
                                                          QString *error);
    static std::optional<QList<WiredNumber>> all(StoreWorker &w, QString *error);
    static std::optional<bool> remove(StoreWorker &w, const QString &numberSid, QString *error);
};

} // namespace sb
