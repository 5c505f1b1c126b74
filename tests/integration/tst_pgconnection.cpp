#include "Await.h"
#include "PgTestServer.h"
#include "ServiceFixture.h"
#include "TestSupport.h"
#include "common/Logging.h"
#include "config/DatabaseUrl.h"
#include "db/PgConnection.h"
#include "db/Store.h"
#include "http/FormEncoding.h"
#include "providers/twilio/SignatureValidator.h"

#include <QJsonObject>
#include <QLoggingCategory>
#include <QMutex>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUrlQuery>
#include <QtTest>

#include <csignal>

using sb::DatabaseUrl;
using sb::FormFields;
using sb::PgConnection;
using sb::SignatureValidator;

// A real PostgreSQL 15 (the `postgres` CTest fixture): TLS as a team sets it, the errors an
// agent sees when it goes wrong, and the password nowhere in them, with every debug category
// on.
class TestPgConnection : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void connects_data();
    void connects();
    void failsClearly_data();
    void failsClearly();
    void headlessServesFromTheSharedDatabase();
    void webhooksGet503WhileTheDatabaseIsDown();

private:
    static QString withQuery(QString url, const QList<QPair<QString, QString>> &items);
    QtMessageHandler m_qtestHandler = nullptr;
    QMutex m_mutex;
    QStringList m_lines;
    int m_listener = -1;
    QString m_password;
};

void TestPgConnection::initTestCase() {
    SB_REQUIRE_POSTGRES();
    QString error;
    const auto url = DatabaseUrl::parse(sbtest::PgTestServer::url(), &error);
    QVERIFY2(url, qPrintable(error));
    m_password = url->password;
    QVERIFY(m_password.size() >= 8);
    // Every line the process logs, through the product's handler, Qt's own categories on.
    m_qtestHandler = qInstallMessageHandler(nullptr);
    sb::installLogFormat();
    m_listener = sb::addLogListener([this](const sb::LogLine &line) {
        const QMutexLocker lock(&m_mutex);
        m_lines << QString::fromUtf8(line.text);
    });
    QLoggingCategory::setFilterRules(QStringLiteral("*.debug=true"));
}

void TestPgConnection::cleanupTestCase() {
    if (m_listener < 0)
        return;
    QLoggingCategory::setFilterRules(QStringLiteral("*.debug=false"));
    sb::removeLogListener(m_listener);
    qInstallMessageHandler(m_qtestHandler);
    const QMutexLocker lock(&m_mutex);
    QVERIFY(m_lines.size() >= 5);
    for (const QString &line : std::as_const(m_lines)) {
        QVERIFY2(!line.contains(m_password), "a log line holds the database password");
        QVERIFY2(!line.contains(QString::fromLatin1(QUrl::toPercentEncoding(m_password))),
                 "a log line holds the database password");
    }
}

QString TestPgConnection::withQuery(QString url, const QList<QPair<QString, QString>> &items) {
    QUrl parsed(url);
    QUrlQuery query(parsed);
    for (const auto &[key, value] : items) {
        query.removeAllQueryItems(key);
        query.addQueryItem(key, value);
    }
    parsed.setQuery(query);
    return parsed.toString(QUrl::FullyEncoded);
}

void TestPgConnection::connects_data() {
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("sslMode");
    QTest::addColumn<bool>("withAuthority");
    QTest::addColumn<bool>("encrypted");

    QTest::newRow("sslmode=require") << "127.0.0.1"
                                     << "require" << false << true;
    QTest::newRow("verify-full by address") << "127.0.0.1"
                                            << "verify-full" << true << true;
    QTest::newRow("verify-full by name") << "localhost"
                                         << "verify-full" << true << true;
    QTest::newRow("verify-ca") << "127.0.0.1"
                               << "verify-ca" << true << true;
    QTest::newRow("sslmode=disable") << "127.0.0.1"
                                     << "disable" << false << false;
}

void TestPgConnection::connects() {
    QFETCH(QString, host);
    QFETCH(QString, sslMode);
    QFETCH(bool, withAuthority);
    QFETCH(bool, encrypted);
    QUrl url(sbtest::PgTestServer::url());
    url.setHost(host);
    QList<QPair<QString, QString>> items{{QStringLiteral("sslmode"), sslMode}};
    if (withAuthority)
        items.append({QStringLiteral("sslrootcert"), sbtest::PgTestServer::caPath()});
    QString error;
    const auto parsed =
        DatabaseUrl::parse(withQuery(url.toString(QUrl::FullyEncoded), items), &error);
    QVERIFY2(parsed, qPrintable(error));
    {
        QSqlDatabase db = PgConnection::open(*parsed, QStringLiteral("connects"), &error);
        QVERIFY2(db.isOpen(), qPrintable(error));
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toBool(), encrypted);
        QVERIFY(q.exec(QStringLiteral("SHOW server_version_num")) && q.next());
        QVERIFY(q.value(0).toInt() >= 150000);
    }
    QSqlDatabase::removeDatabase(QStringLiteral("connects"));
}

void TestPgConnection::failsClearly_data() {
    QTest::addColumn<QString>("change");
    QTest::addColumn<QString>("says");

    QTest::newRow("wrong password") << "password"
                                    << "password authentication failed";
    QTest::newRow("unknown database") << "database"
                                      << "does not exist";
    QTest::newRow("nothing listening") << "port"
                                       << "Connection refused";
    QTest::newRow("an authority that did not sign the server") << "authority"
                                                               << "certificate verify failed";
    QTest::newRow("verify-full, name not in the certificate") << "name"
                                                              << "does not match host name";
}

void TestPgConnection::failsClearly() {
    QFETCH(QString, change);
    QFETCH(QString, says);
    QString error;
    auto parsed = DatabaseUrl::parse(sbtest::PgTestServer::url(), &error);
    QVERIFY2(parsed, qPrintable(error));
    if (change == QLatin1String("password")) {
        parsed->password = m_password + QStringLiteral("x");
    } else if (change == QLatin1String("database")) {
        parsed->database = QStringLiteral("no_such_database");
    } else if (change == QLatin1String("port")) {
        parsed->port = sbtest::freePort();
    } else if (change == QLatin1String("authority")) {
        // A real authority, but not the one that signed the test server's certificate.
        parsed->sslMode = QStringLiteral("verify-ca");
        parsed->sslRootCert = QStringLiteral("/etc/ssl/certs/ca-certificates.crt");
        if (!QFile::exists(parsed->sslRootCert))
            QSKIP("no system certificate bundle (ca-certificates)");
    } else if (change == QLatin1String("name")) {
        // The certificate names localhost and 127.0.0.1; 127.0.0.2 reaches the same server
        // only where loopback answers on the whole 127/8, which Linux's does.
        parsed->host = QStringLiteral("127.0.0.2");
        parsed->sslMode = QStringLiteral("verify-full");
        parsed->sslRootCert = sbtest::PgTestServer::caPath();
    }
    QSqlDatabase db = PgConnection::open(*parsed, QStringLiteral("fails"), &error);
    QVERIFY(!db.isOpen());
    QVERIFY2(error.startsWith(QStringLiteral("PostgreSQL at postgresql://switchboard@")),
             qPrintable(error));
    QVERIFY2(error.contains(says), qPrintable(error));
    QVERIFY2(!error.contains(m_password), "the error holds the password");
    QVERIFY(!QSqlDatabase::contains(QStringLiteral("fails")));
    qCWarning(lcStore).noquote() << error; // as the store logs it
}

// A receiver given the team's URL keeps its data there: the schema applied on the server, the
// webhooks' messages stored in it, no SQLite file in its data folder, no password in its output.
void TestPgConnection::headlessServesFromTheSharedDatabase() {
    QTemporaryDir dir;
    QString error;
    const QString url = sbtest::PgTestServer::createDatabase(QStringLiteral("headless"), &error);
    QVERIFY2(!url.isEmpty(), qPrintable(error));
    const quint16 port = sbtest::freePort();
    QProcessEnvironment env =
        sbtest::childEnv(dir.filePath(QStringLiteral("data")), port, QStringLiteral("pg-token"));
    env.insert(QStringLiteral("SWITCHBOARD_DATABASE_URL"), url);
    sbtest::Child app;
    QVERIFY(app.start(sbtest::binDir() + QStringLiteral("/switchboard"),
                      {QStringLiteral("--headless")}, env));
    const QString api = QStringLiteral("http://127.0.0.1:%1/api/v1/twilio/").arg(port);
    QVERIFY(app.waitForHttp(QUrl(api + QStringLiteral("health"))));
    sbtest::Http http;
    const sbtest::Reply sent = http.postJson(
        QUrl(api + QStringLiteral("send-sms")),
        QJsonObject{{QStringLiteral("to"), QStringLiteral("+15005550006")},
                    {QStringLiteral("body"), QStringLiteral("Stored on the team's server")}},
        {{"Authorization", "Bearer pg-token"}});
    QCOMPARE(sent.status, 201);
    const auto parsed = DatabaseUrl::parse(url, &error);
    QVERIFY2(parsed, qPrintable(error));
    QSqlDatabase db = PgConnection::open(*parsed, QStringLiteral("peek"), &error);
    QVERIFY2(db.isOpen(), qPrintable(error));
    {
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("SELECT body FROM messages")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("Stored on the team's server"));
    }
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("peek"));
    ::kill(app.process().processId(), SIGTERM);
    app.waitForExit();
    const QString output = QString::fromUtf8(app.output());
    QVERIFY2(output.contains(QStringLiteral("postgresql://switchboard@127.0.0.1:")),
             qPrintable(output));
    QVERIFY2(!output.contains(m_password), "the output holds the password");
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("data/switchboard.sqlite"))));
}

// The database gone (connections refused, the receiver's cut): a webhook is answered 503 with
// Retry-After, nothing stored and nothing claimed; once the database is back the retry is
// stored and answered 200.
void TestPgConnection::webhooksGet503WhileTheDatabaseIsDown() {
    QTemporaryDir dir;
    QString error;
    const QString url = sbtest::PgTestServer::createDatabase(QStringLiteral("down"), &error);
    QVERIFY2(!url.isEmpty(), qPrintable(error));
    const QString name = QUrl(url).path().mid(1);
    QProcessEnvironment env;
    env.insert(QStringLiteral("SWITCHBOARD_DATABASE_URL"), url);
    auto service = sbtest::startService(dir.path(), QStringLiteral("down-token"), env, {}, &error);
    QVERIFY2(service, qPrintable(error));
    const auto admin = [&](const QString &sql) {
        // From the fixture's own database: the receiver's is the one going away.
        QString why;
        bool ok = false;
        {
            QSqlDatabase db =
                PgConnection::open(*DatabaseUrl::parse(sbtest::PgTestServer::url(), &why),
                                   QStringLiteral("admin"), &why);
            QSqlQuery q(db);
            ok = db.isOpen() && q.exec(sql);
            if (!ok)
                qWarning() << sql << why << q.lastError().text();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("admin"));
        return ok;
    };
    const FormFields inbound{{QStringLiteral("MessageSid"), QStringLiteral("SMdown1")},
                             {QStringLiteral("AccountSid"), service->config().accountSid},
                             {QStringLiteral("From"), QStringLiteral("+14155550111")},
                             {QStringLiteral("To"), service->config().phoneNumber},
                             {QStringLiteral("Body"), QStringLiteral("are you there?")}};
    const auto post = [&] {
        const QString path = QStringLiteral("/twilio/incoming-sms");
        const QString signedUrl = service->publicUrl().toString() + path;
        return sbtest::Http().postForm(
            QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(service->port()).arg(path)), inbound,
            {{"X-Twilio-Signature",
              SignatureValidator::sign(service->config().authToken.toUtf8(), signedUrl, inbound)}});
    };
    QVERIFY(admin(QStringLiteral("ALTER DATABASE %1 WITH ALLOW_CONNECTIONS false").arg(name)));
    QVERIFY(admin(QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE "
                                 "datname = '%1'")
                      .arg(name)));
    sbtest::Reply refused = post();
    if (refused.status == 500) // the cut found by this very request: the next one knows
        refused = post();
    QCOMPARE(refused.status, 503);
    QVERIFY2(refused.body.contains("unreachable"), refused.body.constData());
    bool retryAfter = false;
    for (const auto &[header, value] : refused.headers)
        retryAfter |= header.compare("Retry-After", Qt::CaseInsensitive) == 0 && value == "5";
    QVERIFY(retryAfter);
    QVERIFY(!service->store()->isReachable());

    QVERIFY(admin(QStringLiteral("ALTER DATABASE %1 WITH ALLOW_CONNECTIONS true").arg(name)));
    QTRY_VERIFY_WITH_TIMEOUT(service->store()->isReachable(), 15000);
    QCOMPARE(post().status, 200); // Twilio's retry
    QObject ctx;
    const auto stored = sbtest::await<sb::StoreResult<std::optional<sb::MessageRecord>>>(
        [&](auto done) { service->store()->messageBySid(QStringLiteral("SMdown1"), &ctx, done); });
    QVERIFY(stored && stored->ok() && stored->value);
    QCOMPARE(stored->value->body, QStringLiteral("are you there?"));
}

QTEST_GUILESS_MAIN(TestPgConnection)
#include "tst_pgconnection.moc"
