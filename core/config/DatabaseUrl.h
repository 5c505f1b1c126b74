#pragma once

#include <QString>

#include <optional>

namespace sb {

// SWITCHBOARD_DATABASE_URL: a team's shared PostgreSQL, as libpq spells it,
// postgresql://user:password@host:port/dbname?sslmode=verify-full&sslrootcert=/path/ca.pem
// The password is percent-encoded in the URL (an '@' is %40) and may be left out for libpq's
// own ~/.pgpass. Nothing this class reports, and no string it makes but connectOptions(),
// contains the password.
class DatabaseUrl {
public:
    // nullopt and `error` (one sentence naming the setting, never the password) when `text` is
    // not a PostgreSQL URL this console can use.
    static std::optional<DatabaseUrl> parse(const QString &text, QString *error);

    QString host; // a name, an address, or a folder holding libpq's Unix socket
    int port = 5432;
    QString user;
    QString password;
    QString database;
    // libpq's: disable, allow, prefer (its default), require, verify-ca, verify-full.
    QString sslMode = QStringLiteral("prefer");
    QString sslRootCert; // the authority's certificate (verify-ca, verify-full)
    QString sslCert;     // a client certificate and its key, when the server asks for one
    QString sslKey;
    int connectTimeoutS = 10;

    // postgresql://user@host:port/dbname?sslmode=… with no password: for logs and the UI.
    QString redacted() const;
    // The options Qt's QPSQL driver passes to libpq (QSqlDatabase::setConnectOptions), with
    // no password: that goes through QSqlDatabase::setPassword.
    QString connectOptions() const;
    bool sslRequired() const; // require, verify-ca or verify-full
};

} // namespace sb
