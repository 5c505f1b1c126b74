#pragma once

#include "config/DatabaseUrl.h"

#include <QSqlDatabase>
#include <QString>

class QSqlError;

namespace sb {

// A connection to a team's PostgreSQL through Qt's QPSQL driver (libqt6sql6-psql), on the
// calling thread. What it reports names the server (DatabaseUrl::redacted()), never the
// password.
class PgConnection {
public:
    static bool driverAvailable();
    // Adds the connection `name` for `url` and opens it; on failure `error` says why in one
    // sentence and the connection is removed again.
    static QSqlDatabase open(const DatabaseUrl &url, const QString &name, QString *error);
    // An error of the driver as a sentence, with anything that could be the password cut out.
    static QString describe(const QSqlError &error, const DatabaseUrl &url);
    // Frees what OpenSSL keeps for the calling thread (libpq's TLS made it). OpenSSL would
    // free it in a thread-exit destructor, but that runs after QThread::wait() has returned,
    // so at process exit OpenSSL's own clean-up can overtake it and the memory is lost
    // (LeakSanitizer reports it). Call it on a thread that is done with its connections.
    static void endThread();
};

} // namespace sb
