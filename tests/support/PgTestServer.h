#pragma once

#include <QString>

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
};

} // namespace sbtest

#define SB_REQUIRE_POSTGRES()                                                                      \
    if (const QString missing = sbtest::PgTestServer::missing(); !missing.isEmpty())               \
    QSKIP(qPrintable(missing))
