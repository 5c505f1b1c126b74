#pragma once

#include <QString>

class QSqlDatabase;

namespace sb {

// Schema versions, kept in PRAGMA user_version. Each step runs in one transaction, so a
// database is always at exactly one version. SQLite dialect stays inside core/store.
class Migrations {
public:
    static int latestVersion();
    static bool apply(QSqlDatabase &db, QString *error);
};

} // namespace sb
