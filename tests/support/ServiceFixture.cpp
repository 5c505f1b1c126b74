#include "ServiceFixture.h"

#include "PgTestServer.h"
#include "config/Config.h"
#include "db/PgConnection.h"
#include "runtime/BuiltInChannels.h"

#include <QHash>
#include <QSignalSpy>

namespace sbtest {

std::unique_ptr<sb::SwitchboardService>
startService(const QString &dataDir, const QString &apiToken, const QProcessEnvironment &extra,
             sb::SwitchboardService::Clock clock, QString *error) {
    QString ignored;
    QString &why = error ? *error : ignored;
    QProcessEnvironment env = extra;
    env.insert(QStringLiteral("SWITCHBOARD_DATA_DIR"), dataDir);
    if (!env.contains(QStringLiteral("SWITCHBOARD_PORT")))
        env.insert(QStringLiteral("SWITCHBOARD_PORT"), QStringLiteral("0"));
    env.insert(QStringLiteral("SWITCHBOARD_API_TOKEN"), apiToken);
    // A PostgreSQL run: the folder's own database (PgTestServer::databaseForDataDir()).
    if (!env.contains(QStringLiteral("SWITCHBOARD_DATABASE_URL"))) {
        why.clear();
        const QString url = PgTestServer::databaseForDataDir(dataDir, &why);
        if (!why.isEmpty())
            return nullptr;
        if (!url.isEmpty())
            env.insert(QStringLiteral("SWITCHBOARD_DATABASE_URL"), url);
    }
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

QSqlDatabase openServiceDatabase(const sb::SwitchboardService &service, const QString &name) {
    if (const auto &shared = service.config().sharedDatabase) {
        QString error;
        QSqlDatabase db = sb::PgConnection::open(*shared, name, &error);
        if (!db.isOpen())
            qWarning("%s", qPrintable(error));
        return db;
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(service.config().databasePath());
    db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
    db.open();
    return db;
}

} // namespace sbtest
