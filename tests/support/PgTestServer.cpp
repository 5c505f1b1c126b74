#include "PgTestServer.h"

#include "config/DatabaseUrl.h"
#include "db/PgConnection.h"
#include "db/Store.h"

#include <QAtomicInt>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>

namespace sbtest {

namespace {

QString stateDir() {
    return qEnvironmentVariable("SWITCHBOARD_TEST_PG");
}

QString readState(const QString &name) {
    QFile file(stateDir() + QLatin1Char('/') + name);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll()).trimmed();
}

} // namespace

QString PgTestServer::missing() {
    if (stateDir().isEmpty())
        return QStringLiteral("no PostgreSQL test server: run under CTest (its `postgres` fixture "
                              "starts one) or set SWITCHBOARD_TEST_PG");
    if (const QString skip = readState(QStringLiteral("skip")); !skip.isEmpty())
        return QStringLiteral("no PostgreSQL test server: ") + skip;
    if (url().isEmpty())
        return QStringLiteral("no PostgreSQL test server: %1/url is missing").arg(stateDir());
    if (!sb::PgConnection::driverAvailable())
        return QStringLiteral("Qt's QPSQL driver is not installed (apt install libqt6sql6-psql)");
    return {};
}

QString PgTestServer::url() {
    return readState(QStringLiteral("url"));
}

QString PgTestServer::caPath() {
    return stateDir() + QStringLiteral("/ca.pem");
}

QString PgTestServer::createDatabase(const QString &prefix, QString *error) {
    static QAtomicInt counter;
    error->clear();
    const auto parsed = sb::DatabaseUrl::parse(url(), error);
    if (!parsed)
        return {};
    const QString name = QStringLiteral("%1_%2_%3")
                             .arg(prefix.toLower())
                             .arg(QCoreApplication::applicationPid())
                             .arg(counter.fetchAndAddRelaxed(1));
    const QString connection = QStringLiteral("create-") + name;
    {
        QSqlDatabase db = sb::PgConnection::open(*parsed, connection, error);
        if (!db.isOpen())
            return {};
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("CREATE DATABASE \"%1\"").arg(name))) {
            *error = sb::PgConnection::describe(q.lastError(), *parsed);
        }
    }
    QSqlDatabase::removeDatabase(connection);
    if (!error->isEmpty())
        return {};
    QUrl made(url());
    made.setPath(QLatin1Char('/') + name);
    return made.toString(QUrl::FullyEncoded);
}

std::unique_ptr<sb::Store> makeStore(const QString &sqlitePath) {
    return std::make_unique<sb::Store>(sqlitePath, PgTestServer::sharedDatabaseFor(sqlitePath));
}

std::optional<sb::DatabaseUrl> PgTestServer::sharedDatabaseFor(const QString &sqlitePath) {
    QString error;
    const QString url = databaseForDataDir(QFileInfo(sqlitePath).absolutePath(), &error);
    if (url.isEmpty()) {
        if (!error.isEmpty())
            qWarning("no database for the PostgreSQL run: %s", qPrintable(error));
        return std::nullopt;
    }
    return sb::DatabaseUrl::parse(url, &error);
}

QString PgTestServer::databaseForDataDir(const QString &dataDir, QString *error) {
    if (qEnvironmentVariable("SWITCHBOARD_TEST_STORE") != QLatin1String("postgres"))
        return {};
    static QHash<QString, QString> databases;
    QString &url = databases[QDir::cleanPath(dataDir)];
    if (url.isEmpty()) {
        *error = missing();
        if (!error->isEmpty())
            return {};
        url = createDatabase(QStringLiteral("service"), error);
    }
    return url;
}

} // namespace sbtest
