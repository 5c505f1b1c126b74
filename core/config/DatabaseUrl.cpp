#include "DatabaseUrl.h"

#include "Settings.h"

#include <QStringList>
#include <QUrl>
#include <QUrlQuery>

namespace sb {

namespace {

const QStringList &sslModes() {
    static const QStringList modes = {QStringLiteral("disable"),   QStringLiteral("allow"),
                                      QStringLiteral("prefer"),    QStringLiteral("require"),
                                      QStringLiteral("verify-ca"), QStringLiteral("verify-full")};
    return modes;
}

const QStringList &knownOptions() {
    static const QStringList options = {
        QStringLiteral("sslmode"), QStringLiteral("sslrootcert"),     QStringLiteral("sslcert"),
        QStringLiteral("sslkey"),  QStringLiteral("connect_timeout"), QStringLiteral("host")};
    return options;
}

// libpq's conninfo quoting: single quotes, with backslash and quote escaped.
QString quoted(const QString &value) {
    QString escaped = value;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    escaped.replace(QLatin1Char('\''), QStringLiteral("\\'"));
    return QLatin1Char('\'') + escaped + QLatin1Char('\'');
}

} // namespace

std::optional<DatabaseUrl> DatabaseUrl::parse(const QString &text, QString *error) {
    const QString name = setting::DatabaseUrl;
    auto fail = [&](const QString &why) {
        if (error)
            *error = why;
        return std::nullopt;
    };
    // QUrl's own error text quotes the URL, password and all: never shown.
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    if (!url.isValid() || url.scheme().isEmpty())
        return fail(name + QStringLiteral(" is not a URL: write it as postgresql://user:password@"
                                          "host:port/dbname, with @ : / in the password "
                                          "written %40 %3A %2F."));
    if (url.scheme() != QLatin1String("postgresql") && url.scheme() != QLatin1String("postgres"))
        return fail(QStringLiteral("%1 must start with postgresql:// (it starts with %2://).")
                        .arg(name, url.scheme()));
    if (url.hasFragment())
        return fail(
            QStringLiteral("%1 has a #fragment, which a database URL has no use for.").arg(name));

    DatabaseUrl parsed;
    parsed.host = url.host(QUrl::FullyDecoded);
    parsed.port = url.port(5432);
    if (parsed.port < 1 || parsed.port > 65535)
        return fail(QStringLiteral("%1 names port %2, which is not a port (1-65535).")
                        .arg(name)
                        .arg(url.port()));
    parsed.user = url.userName(QUrl::FullyDecoded);
    parsed.password = url.password(QUrl::FullyDecoded);
    parsed.database = url.path(QUrl::FullyDecoded);
    if (parsed.database.startsWith(QLatin1Char('/')))
        parsed.database.remove(0, 1);
    if (parsed.database.contains(QLatin1Char('/')))
        return fail(
            QStringLiteral("%1 names the database “%2”: one name, after the host's single /.")
                .arg(name, parsed.database));

    const QUrlQuery query(url);
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (!knownOptions().contains(key))
            return fail(
                QStringLiteral(
                    "%1 has the option “%2”, which Switchboard does not know (it knows %3).")
                    .arg(name, key, knownOptions().join(QStringLiteral(", "))));
        if (value.contains(QLatin1Char(';')))
            return fail(
                QStringLiteral("%1: the option %2 may not contain a semicolon.").arg(name, key));
        if (key == QLatin1String("sslmode")) {
            if (!sslModes().contains(value))
                return fail(QStringLiteral("%1 has sslmode=%2; it can be %3.")
                                .arg(name, value, sslModes().join(QStringLiteral(", "))));
            parsed.sslMode = value;
        } else if (key == QLatin1String("sslrootcert")) {
            parsed.sslRootCert = value;
        } else if (key == QLatin1String("sslcert")) {
            parsed.sslCert = value;
        } else if (key == QLatin1String("sslkey")) {
            parsed.sslKey = value;
        } else if (key == QLatin1String("connect_timeout")) {
            bool ok = false;
            const int seconds = value.toInt(&ok);
            if (!ok || seconds < 1 || seconds > 600)
                return fail(
                    QStringLiteral("%1 has connect_timeout=%2; it must be whole seconds, 1 to 600.")
                        .arg(name, value));
            parsed.connectTimeoutS = seconds;
        } else if (key == QLatin1String("host")) {
            if (!parsed.host.isEmpty())
                return fail(
                    QStringLiteral("%1 names the host twice (after @ and as ?host=).").arg(name));
            parsed.host = value;
        }
    }
    if (parsed.host.isEmpty())
        return fail(QStringLiteral("%1 names no host: postgresql://user:password@host:port/dbname.")
                        .arg(name));
    if (parsed.user.isEmpty())
        return fail(QStringLiteral("%1 names no user: postgresql://user:password@host:port/dbname.")
                        .arg(name));
    if (parsed.database.isEmpty())
        parsed.database = parsed.user; // as libpq does
    return parsed;
}

QString DatabaseUrl::redacted() const {
    QUrl url;
    url.setScheme(QStringLiteral("postgresql"));
    const bool socketFolder = host.startsWith(QLatin1Char('/'));
    if (!socketFolder)
        url.setHost(host);
    url.setUserName(user);
    url.setPort(port);
    url.setPath(QLatin1Char('/') + database);
    QUrlQuery query;
    if (socketFolder)
        query.addQueryItem(QStringLiteral("host"), host);
    query.addQueryItem(QStringLiteral("sslmode"), sslMode);
    if (!sslRootCert.isEmpty())
        query.addQueryItem(QStringLiteral("sslrootcert"), sslRootCert);
    url.setQuery(query);
    return url.toString();
}

QString DatabaseUrl::connectOptions() const {
    QStringList options{QStringLiteral("sslmode=") + sslMode,
                        QStringLiteral("connect_timeout=%1").arg(connectTimeoutS),
                        QStringLiteral("application_name=switchboard")};
    if (!sslRootCert.isEmpty())
        options << QStringLiteral("sslrootcert=") + quoted(sslRootCert);
    if (!sslCert.isEmpty())
        options << QStringLiteral("sslcert=") + quoted(sslCert);
    if (!sslKey.isEmpty())
        options << QStringLiteral("sslkey=") + quoted(sslKey);
    return options.join(QLatin1Char(';'));
}

bool DatabaseUrl::sslRequired() const {
    return sslMode == QLatin1String("require") || sslMode == QLatin1String("verify-ca") ||
           sslMode == QLatin1String("verify-full");
}

} // namespace sb
