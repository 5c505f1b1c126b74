#include "PgTestServer.h"
#include "config/DatabaseUrl.h"
#include "db/Migrations.h"
#include "db/PgConnection.h"

#include <QSqlQuery>
#include <QThread>
#include <QtTest>

#include <memory>
#include <vector>

using sb::DatabaseUrl;
using sb::Migrations;
using sb::PgConnection;
using sb::Schema;

// The schema on a real PostgreSQL 15: core's tables in PostgreSQL's dialect, each module's
// versions, and many processes starting at once (here: connections on threads) applying
// every step exactly once under the advisory lock.
class TestPgMigrations : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void createsCoreTablesOnce();
    void startersRacingApplyEachStepOnce();
    void aFailingStepIsRolledBackAlone();
    void refusesANewerDatabase();
    void refusesAModuleWithoutPostgresSteps();

private:
    static Schema countingModule();
    int scalar(const QString &sql);
    std::optional<DatabaseUrl> m_url;
    QSqlDatabase m_db;
};

void TestPgMigrations::initTestCase() {
    SB_REQUIRE_POSTGRES();
}

void TestPgMigrations::init() {
    QString error;
    const QString url = sbtest::PgTestServer::createDatabase(QStringLiteral("migrations"), &error);
    QVERIFY2(!url.isEmpty(), qPrintable(error));
    m_url = DatabaseUrl::parse(url, &error);
    QVERIFY2(m_url, qPrintable(error));
    m_db = PgConnection::open(*m_url, QStringLiteral("main"), &error);
    QVERIFY2(m_db.isOpen(), qPrintable(error));
}

void TestPgMigrations::cleanup() {
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("main"));
}

int TestPgMigrations::scalar(const QString &sql) {
    QSqlQuery q(m_db);
    if (!q.exec(sql) || !q.next())
        return -1;
    return q.value(0).toInt();
}

// A module whose every step leaves a trace: applied twice, a step would show two rows (and its
// CREATE TABLE would fail).
Schema TestPgMigrations::countingModule() {
    Schema schema;
    schema.module = QStringLiteral("counting");
    schema.steps = {{QStringLiteral("unused on PostgreSQL")}, {QStringLiteral("unused")}};
    schema.postgresSteps = {
        {QStringLiteral("CREATE TABLE counting_log (step INTEGER NOT NULL, "
                        "at TIMESTAMPTZ NOT NULL DEFAULT now())"),
         QStringLiteral("INSERT INTO counting_log (step) VALUES (1)"),
         // Long enough that racing starters really wait on the lock.
         QStringLiteral("SELECT pg_sleep(0.2)")},
        {QStringLiteral("INSERT INTO counting_log (step) VALUES (2)")},
    };
    return schema;
}

void TestPgMigrations::createsCoreTablesOnce() {
    QString error;
    QVERIFY2(Migrations::applyPostgres(m_db, {}, &error), qPrintable(error));
    QCOMPARE(scalar(QStringLiteral("SELECT version FROM schema_versions WHERE module = 'core'")),
             Migrations::latestVersion());
    // The columns the store uses, with PostgreSQL's 64-bit types where times and ids live.
    QSqlQuery q(m_db);
    QVERIFY(q.exec(QStringLiteral(
        "SELECT table_name || '.' || column_name || ':' || data_type FROM "
        "information_schema.columns WHERE table_schema = 'public' AND column_name IN "
        "('id', 'created_at', 'send_at', 'received_at', 'source', 'media_urls') ORDER BY 1")));
    QStringList columns;
    while (q.next())
        columns << q.value(0).toString();
    QCOMPARE(columns, (QStringList{
                          QStringLiteral("change_log.id:bigint"),
                          QStringLiteral("message_events.id:bigint"),
                          QStringLiteral("message_events.received_at:bigint"),
                          QStringLiteral("message_events.source:text"),
                          QStringLiteral("messages.created_at:bigint"),
                          QStringLiteral("messages.id:bigint"),
                          QStringLiteral("outbox.created_at:bigint"),
                          QStringLiteral("outbox.id:bigint"),
                          QStringLiteral("outbox.media_urls:text"),
                          QStringLiteral("outbox.send_at:bigint"),
                      }));
    // The constraints that deduplicate webhooks live in the database.
    QVERIFY(q.exec(QStringLiteral("INSERT INTO message_events (message_sid, status, received_at) "
                                  "VALUES ('SM1', 'sent', 1)")));
    QVERIFY(!q.exec(QStringLiteral("INSERT INTO message_events (message_sid, status, "
                                   "received_at) VALUES ('SM1', 'sent', 2)")));
    // Again: nothing to do, nothing fails.
    QVERIFY2(Migrations::applyPostgres(m_db, {}, &error), qPrintable(error));
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM message_events")), 1);
}

void TestPgMigrations::startersRacingApplyEachStepOnce() {
    constexpr int Starters = 6;
    std::vector<std::unique_ptr<QThread>> threads;
    QStringList errors;
    QMutex mutex;
    const DatabaseUrl url = *m_url;
    for (int i = 0; i < Starters; ++i) {
        threads.emplace_back(QThread::create([&, i] {
            const QString name = QStringLiteral("starter-%1").arg(i);
            QString error;
            {
                QSqlDatabase db = PgConnection::open(url, name, &error);
                if (db.isOpen())
                    Migrations::applyPostgres(db, {countingModule()}, &error);
            }
            QSqlDatabase::removeDatabase(name);
            const QMutexLocker lock(&mutex);
            if (!error.isEmpty())
                errors << name + QStringLiteral(": ") + error;
        }));
    }
    for (auto &thread : threads)
        thread->start();
    for (auto &thread : threads)
        QVERIFY(thread->wait(60000));
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM counting_log WHERE step = 1")), 1);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM counting_log WHERE step = 2")), 1);
    QCOMPARE(scalar(QStringLiteral("SELECT version FROM schema_versions WHERE module = "
                                   "'counting'")),
             2);
    // The lock is not left held by anyone.
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND "
                                   "database = (SELECT oid FROM pg_database WHERE datname = "
                                   "current_database())")),
             0);
}

void TestPgMigrations::aFailingStepIsRolledBackAlone() {
    Schema broken = countingModule();
    broken.steps.append(QStringList{QStringLiteral("unused")});
    broken.postgresSteps.append({QStringLiteral("CREATE TABLE half_done (id INTEGER)"),
                                 QStringLiteral("INSERT INTO no_such_table VALUES (1)")});
    QString error;
    QVERIFY(!Migrations::applyPostgres(m_db, {broken}, &error));
    QVERIFY2(error.startsWith(QStringLiteral("counting migration 3 failed:")), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("no_such_table")), qPrintable(error));
    QCOMPARE(scalar(QStringLiteral("SELECT version FROM schema_versions WHERE module = "
                                   "'counting'")),
             2);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM information_schema.tables WHERE "
                                   "table_name = 'half_done'")),
             0);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND "
                                   "database = (SELECT oid FROM pg_database WHERE datname = "
                                   "current_database())")),
             0);
}

void TestPgMigrations::refusesANewerDatabase() {
    QString error;
    QVERIFY2(Migrations::applyPostgres(m_db, {}, &error), qPrintable(error));
    QSqlQuery q(m_db);
    QVERIFY(q.exec(QStringLiteral("UPDATE schema_versions SET version = 99 WHERE module = "
                                  "'core'")));
    QVERIFY(!Migrations::applyPostgres(m_db, {}, &error));
    QCOMPARE(error, QStringLiteral("the database is from a newer Switchboard (core schema 99, "
                                   "this version knows up to %1)")
                        .arg(Migrations::latestVersion()));
}

void TestPgMigrations::refusesAModuleWithoutPostgresSteps() {
    Schema sqliteOnly;
    sqliteOnly.module = QStringLiteral("fax");
    sqliteOnly.steps = {{QStringLiteral("CREATE TABLE faxes (id INTEGER PRIMARY KEY)")}};
    QString error;
    QVERIFY(!Migrations::applyPostgres(m_db, {sqliteOnly}, &error));
    QCOMPARE(error, QStringLiteral("the fax module cannot run on PostgreSQL yet (it has 0 of its "
                                   "1 schema steps in PostgreSQL's dialect)"));
    // Checked before anything is written.
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM information_schema.tables WHERE "
                                   "table_name = 'schema_versions'")),
             0);
}

QTEST_GUILESS_MAIN(TestPgMigrations)
#include "tst_pgmigrations.moc"
