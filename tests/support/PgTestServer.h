#pragma once

#include "config/DatabaseUrl.h"

#include <QString>

#include <memory>
#include <optional>

namespace sb {
class Store;
}

namespace sbtest {

// The PostgreSQL server CTest's `postgres` fixture starts (tests/pg/pg_server.sh), found
// through $SWITCHBOARD_TEST_PG (its state folder). Each suite makes databases of its own,
// so suites run side by side.
class PgTestServer {
public:
    // Why there is no server to test against (the suite skips with it), or empty.
    static QString missing();
    static QString url();    // the fixture's URL (sslmode=require), password and all
    static QString caPath(); // the authority that signed the server's certificate
    // A new, empty database owned by the test role; its URL, or empty with `error` set.
    static QString createDatabase(const QString &prefix, QString *error);
    // The suites' PostgreSQL runs (SWITCHBOARD_TEST_STORE=postgres): the database that stands
    // for the data folder `dataDir`, made on first use and the same for the process's life, so
    // a service or child process started again on the folder finds its data. Empty (with
    // `error` set when something failed) on a SQLite run.
    static QString databaseForDataDir(const QString &dataDir, QString *error);
    // For a test's own Store: the shared database standing for the folder of `sqlitePath` on a
    // PostgreSQL run (Store(path, sharedDatabaseFor(path))), nothing on a SQLite run.
    static std::optional<sb::DatabaseUrl> sharedDatabaseFor(const QString &sqlitePath);
};

// A test's own store at `sqlitePath`: on a PostgreSQL run on the database standing for its
// folder (PgTestServer::sharedDatabaseFor()), else the SQLite file.
std::unique_ptr<sb::Store> makeStore(const QString &sqlitePath);

} // namespace sbtest

#define SB_REQUIRE_POSTGRES()                                                                      \
    if (const QString missing = sbtest::PgTestServer::missing(); !missing.isEmpty())               \
    QSKIP(qPrintable(missing))
