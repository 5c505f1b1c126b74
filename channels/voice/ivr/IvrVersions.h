#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QStringList>

#include <optional>

namespace sb {

class StoreWorker;

// One stored version of the IVR. Version 0 is the built-in default (IvrConfig::defaultJson),
// served until the agent stores one.
struct IvrVersion {
    qint64 version = 0;
    QJsonObject json;
    QDateTime createdAt; // invalid for the default
    bool found = true;   // false: a version asked for by number that is not stored
};

// The IVR's versions and which one each call runs, in the voice channel's tables:
//   voice_ivr_versions  every menu the agent stored (PUT), never changed afterwards
//   voice_call_ivr      per CallSid, the version the call started with, so a PUT while a
//                       caller is in the menu does not change the menu under them
// Every function runs in a store job (on the store thread, inside its transaction).
class IvrVersions {
public:
    static QList<QStringList> schema();

    static std::optional<IvrVersion> latest(StoreWorker &w, QString *error);
    static std::optional<IvrVersion> store(StoreWorker &w, const QJsonObject &json,
                                           const QDateTime &now, QString *error);
    // The version the call runs: the one it was given before, else (its first request) the
    // latest, which is then noted for it.
    static std::optional<IvrVersion> startCall(StoreWorker &w, const QString &callSid,
                                               const QDateTime &now, QString *error);
    // The version the call started with; `fallback` (the one its URL names) for a call not
    // noted (started before the console had its IVR, or with another URL).
    static std::optional<IvrVersion> forCall(StoreWorker &w, const QString &callSid,
                                             qint64 fallback, QString *error);
    static std::optional<IvrVersion> load(StoreWorker &w, qint64 version, QString *error);
};

} // namespace sb
