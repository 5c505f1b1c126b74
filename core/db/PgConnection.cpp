#include "PgConnection.h"

#include "common/Logging.h"

#include <QSqlError>
#include <QSqlQuery>

#include <dlfcn.h>

namespace sb {

namespace {
const QString Driver = QStringLiteral("QPSQL");
}

void PgConnection::endThread() {
    // libpq brought OpenSSL in through Qt's driver plugin, privately, so it is looked up in
    // the library already loaded rather than linked: nothing is loaded here.
    for (const char *soname : {"libcrypto.so.3", "libcrypto.so.1.1"}) {
        void *crypto = ::dlopen(soname, RTLD_LAZY | RTLD_NOLOAD);
        if (!crypto)
            continue;
        using ThreadStop = void (*)();
        if (auto stop = reinterpret_cast<ThreadStop>(::dlsym(crypto, "OPENSSL_thread_stop")))
            stop();
        ::dlclose(crypto);
        return;
    }
}

bool PgConnection::driverAvailable() {
    return QSqlDatabase::isDriverAvailable(Driver);
}

QSqlDatabase PgConnection::open(const DatabaseUrl &url, const QString &name, QString *error) {
    if (!driverAvailable()) {
        if (error)
            *error = QStringLiteral("PostgreSQL cannot be reached: Qt's QPSQL driver is not "
                                    "installed (apt install libqt6sql6-psql).");
        return {};
    }
    addLogCredentials(url.user, url.password);
    QSqlDatabase db = QSqlDatabase::addDatabase(Driver, name);
    db.setHostName(url.host);
    db.setPort(url.port);
    db.setDatabaseName(url.database);
    db.setUserName(url.user);
    db.setPassword(url.password);
    db.setConnectOptions(url.connectOptions());
    if (!db.open()) {
        if (error)
            *error = QStringLiteral("PostgreSQL at %1 cannot be reached: %2")
                         .arg(url.redacted(), describe(db.lastError(), url));
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(name);
        return {};
    }
    // libpq prints a server's notices (such as CREATE TABLE IF NOT EXISTS skipping) to stderr
    // itself, past the log's format and redactor: only warnings and worse are wanted.
    QSqlQuery(db).exec(QStringLiteral("SET client_min_messages TO warning"));
    return db;
}

QString PgConnection::describe(const QSqlError &error, const DatabaseUrl &url) {
    QString text = error.databaseText().trimmed();
    if (text.isEmpty())
        text = error.driverText().trimmed();
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    if (!url.password.isEmpty())
        text.replace(url.password, QStringLiteral("[redacted]"));
    return text;
}

} // namespace sb
