#include "common/Logging.h"
#include "config/Config.h"
#include "config/DatabaseUrl.h"

#include <QTemporaryDir>
#include <QtTest>

using sb::DatabaseUrl;

// SWITCHBOARD_DATABASE_URL as a team writes it: libpq's URL form, every part checked, and the
// password in no string this class or the configuration reports.
class TestDatabaseUrl : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void parses_data();
    void parses();
    void refuses_data();
    void refuses();
    void connectOptionsQuoteForLibpq();
    void configurationReadsItAsASecret();
};

void TestDatabaseUrl::parses_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("database");
    QTest::addColumn<QString>("sslMode");
    QTest::addColumn<QString>("redacted");

    QTest::newRow("full") << "postgresql://agent:pw@db.example.com:6543/support?sslmode=require"
                          << "db.example.com" << 6543 << "agent"
                          << "pw"
                          << "support"
                          << "require"
                          << "postgresql://agent@db.example.com:6543/support?sslmode=require";
    QTest::newRow("postgres:// and the default port")
        << "postgres://agent:pw@db/support"
        << "db" << 5432 << "agent"
        << "pw"
        << "support"
        << "prefer"
        << "postgresql://agent@db:5432/support?sslmode=prefer";
    QTest::newRow("password with @ : / % escaped")
        << "postgresql://agent:p%40ss%3Aw%2Frd%25@db/support"
        << "db" << 5432 << "agent"
        << "p@ss:w/rd%"
        << "support"
        << "prefer"
        << "postgresql://agent@db:5432/support?sslmode=prefer";
    QTest::newRow("no password: ~/.pgpass") << "postgresql://agent@db/support"
                                            << "db" << 5432 << "agent"
                                            << ""
                                            << "support"
                                            << "prefer"
                                            << "postgresql://agent@db:5432/support?sslmode=prefer";
    QTest::newRow("no database: the user's, as libpq")
        << "postgresql://agent:pw@db"
        << "db" << 5432 << "agent"
        << "pw"
        << "agent"
        << "prefer"
        << "postgresql://agent@db:5432/agent?sslmode=prefer";
    QTest::newRow("IPv6") << "postgresql://agent:pw@[::1]:5433/support"
                          << "::1" << 5433 << "agent"
                          << "pw"
                          << "support"
                          << "prefer"
                          << "postgresql://agent@[::1]:5433/support?sslmode=prefer";
    QTest::newRow("Unix socket folder")
        << "postgresql://agent@/support?host=/var/run/postgresql"
        << "/var/run/postgresql" << 5432 << "agent"
        << ""
        << "support"
        << "prefer"
        << "postgresql://agent@:5432/support?host=/var/run/postgresql&sslmode=prefer";
    QTest::newRow("verify-full with an authority")
        << "postgresql://agent:pw@db/support?sslmode=verify-full&sslrootcert=/etc/ssl/team-ca.pem"
        << "db" << 5432 << "agent"
        << "pw"
        << "support"
        << "verify-full"
        << "postgresql://agent@db:5432/support?sslmode=verify-full&sslrootcert=/etc/ssl/"
           "team-ca.pem";
}

void TestDatabaseUrl::parses() {
    QFETCH(QString, text);
    QString error;
    const auto url = DatabaseUrl::parse(text, &error);
    QVERIFY2(url, qPrintable(error));
    QTEST(url->host, "host");
    QTEST(url->port, "port");
    QTEST(url->user, "user");
    QTEST(url->password, "password");
    QTEST(url->database, "database");
    QTEST(url->sslMode, "sslMode");
    QTEST(url->redacted(), "redacted");
    if (!url->password.isEmpty()) {
        QVERIFY(!url->redacted().contains(url->password));
        QVERIFY(!url->connectOptions().contains(url->password));
    }
}

void TestDatabaseUrl::refuses_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("says");

    QTest::newRow("not a URL") << "host=db user=agent password=hunter2secret"
                               << "is not a URL";
    QTest::newRow("another scheme") << "mysql://agent:hunter2secret@db/support"
                                    << "must start with postgresql://";
    QTest::newRow("an @ left unescaped") << "postgresql://agent:hunter2@secret@db/support"
                                         << "%40";
    QTest::newRow("no host") << "postgresql://agent:hunter2secret@/support"
                             << "names no host";
    QTest::newRow("no user") << "postgresql://db/support"
                             << "names no user";
    QTest::newRow("port out of range") << "postgresql://agent:hunter2secret@db:70000/support"
                                       << "not a URL";
    QTest::newRow("unknown sslmode") << "postgresql://agent:hunter2secret@db/support?sslmode=always"
                                     << "sslmode=always";
    QTest::newRow("unknown option") << "postgresql://agent:hunter2secret@db/support?password=x"
                                    << "“password”";
    QTest::newRow("bad timeout") << "postgresql://agent:hunter2secret@db/support?connect_timeout=0"
                                 << "connect_timeout";
    QTest::newRow("two path parts") << "postgresql://agent:hunter2secret@db/support/x"
                                    << "one name";
    QTest::newRow("a fragment") << "postgresql://agent:hunter2secret@db/support#x"
                                << "fragment";
    QTest::newRow("semicolon in an option")
        << "postgresql://agent:hunter2secret@db/support?sslrootcert=/a;sslmode=disable"
        << "semicolon";
}

void TestDatabaseUrl::refuses() {
    QFETCH(QString, text);
    QFETCH(QString, says);
    QString error;
    QVERIFY(!DatabaseUrl::parse(text, &error));
    QVERIFY2(error.startsWith(QStringLiteral("SWITCHBOARD_DATABASE_URL")), qPrintable(error));
    QVERIFY2(error.contains(says), qPrintable(error));
    QVERIFY2(!error.contains(QStringLiteral("hunter2")), qPrintable(error));
}

void TestDatabaseUrl::connectOptionsQuoteForLibpq() {
    QString error;
    const auto url = DatabaseUrl::parse(
        QStringLiteral("postgresql://agent:pw@db/support?sslmode=verify-ca&connect_timeout=3&"
                       "sslrootcert=/home/o'neil/my%20ca.pem"),
        &error);
    QVERIFY2(url, qPrintable(error));
    QCOMPARE(url->connectOptions(),
             QStringLiteral("sslmode=verify-ca;connect_timeout=3;application_name=switchboard;"
                            "sslrootcert='/home/o\\'neil/my ca.pem'"));
    QVERIFY(url->sslRequired());
}

void TestDatabaseUrl::configurationReadsItAsASecret() {
    QTemporaryDir dir;
    QProcessEnvironment env;
    env.insert(QStringLiteral("SWITCHBOARD_DATA_DIR"), dir.path());
    env.insert(QStringLiteral("SWITCHBOARD_DATABASE_URL"),
               QStringLiteral("postgresql://agent:hunter2secret@db/support?sslmode=require"));
    QString error;
    const auto config = sb::ConfigLoader::load(env, dir.filePath(QStringLiteral(".env")), &error);
    QVERIFY2(config, qPrintable(error));
    QVERIFY(config->sharedDatabase);
    QCOMPARE(config->sharedDatabase->database, QStringLiteral("support"));
    // Redacted from every log line from now on, raw and percent-encoded, through the
    // product's own handler.
    const QtMessageHandler qtestHandler = qInstallMessageHandler(nullptr);
    sb::installLogFormat();
    QStringList lines;
    const int listener =
        sb::addLogListener([&](const sb::LogLine &line) { lines << QString::fromUtf8(line.text); });
    qInfo().noquote() << "raw" << config->sharedDatabase->password << "encoded"
                      << QUrl::toPercentEncoding(QStringLiteral("hunter2secret"));
    sb::removeLogListener(listener);
    qInstallMessageHandler(qtestHandler);
    QCOMPARE(lines.size(), 1);
    QVERIFY2(!lines.first().contains(QStringLiteral("hunter2")), qPrintable(lines.first()));
    QVERIFY2(lines.first().contains(QStringLiteral("raw [redacted]")), qPrintable(lines.first()));

    env.insert(QStringLiteral("SWITCHBOARD_DATABASE_URL"),
               QStringLiteral("postgresql://agent:hunter2secret@db/support?sslmode=sometimes"));
    QVERIFY(!sb::ConfigLoader::load(env, dir.filePath(QStringLiteral(".env")), &error));
    QVERIFY2(error.contains(QStringLiteral("sslmode")), qPrintable(error));
    QVERIFY(!error.contains(QStringLiteral("hunter2secret")));
}

QTEST_GUILESS_MAIN(TestDatabaseUrl)
#include "tst_databaseurl.moc"
