#include "ServiceFixture.h"

#include "config/Config.h"
#include "runtime/BuiltInChannels.h"

#include <QSignalSpy>

namespace sbtest {

std::unique_ptr<sb::SwitchboardService>
startService(const QString &dataDir, const QString &apiToken, const QProcessEnvironment &extra,
             sb::SwitchboardService::Clock clock, QString *error) {
    QString ignored;
    QString &why = error ? *error : ignored;
    QProcessEnvironment env = extra;
    env.insert(QStringLiteral("SWITCHBOARD_DATA_DIR"), dataDir);
    env.insert(QStringLiteral("SWITCHBOARD_PORT"), QStringLiteral("0"));
    env.insert(QStringLiteral("SWITCHBOARD_API_TOKEN"), apiToken);
    const auto config = sb::ConfigLoader::load(env, QString(), &why);
    if (!config)
        return nullptr;
    auto service = std::make_unique<sb::SwitchboardService>(*config, sb::builtInChannels());
    if (clock)
        service->setClock(std::move(clock));
    QSignalSpy started(service.get(), &sb::SwitchboardService::started);
    QSignalSpy failed(service.get(), &sb::SwitchboardService::failed);
    service->start();
    if (!started.wait(10000)) {
        why = failed.isEmpty() ? QStringLiteral("the service did not start within 10 s")
                               : failed.first().first().toString();
        return nullptr;
    }
    return service;
}

} // namespace sbtest
