#pragma once

#include "runtime/SwitchboardService.h"

#include <QProcessEnvironment>
#include <QSqlDatabase>
#include <QString>

#include <memory>

namespace sbtest {

// A SwitchboardService with every built-in channel, started the way the product starts it:
// its data in `dataDir`, a free port, the local API behind `apiToken`, plus `extra` settings
// (credentials, base URLs, ...; none means sandbox mode). `clock` replaces the service's clock
// before start when given. Null, with *error saying why, when the config is refused or the
// service did not start within 10 s.
std::unique_ptr<sb::SwitchboardService>
startService(const QString &dataDir, const QString &apiToken,
             const QProcessEnvironment &extra = QProcessEnvironment(),
             sb::SwitchboardService::Clock clock = {}, QString *error = nullptr);

// A connection of the test's own to the service's database (read-only on SQLite; team mode's
// PostgreSQL database on a PostgreSQL run), named `name`; closed with removeDatabase(name).
QSqlDatabase openServiceDatabase(const sb::SwitchboardService &service, const QString &name);

} // namespace sbtest
