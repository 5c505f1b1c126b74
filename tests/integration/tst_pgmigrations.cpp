#include "PgTestServer.h"
#include "config/DatabaseUrl.h"
#include "db/Migrations.h"
#include "db/PgConnection.h"
#include "runtime/BuiltInChannels.h"
#include "runtime/SwitchboardService.h"

#include <QSqlError>
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
    void refusesAModuleItCannotTranslate();
    void appliesEveryModuleOfTheProduct();
    void triggersKeepContactsCurrent();

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

void TestPgMigrations::refusesAModuleItCannotTranslate() {
    Schema sqliteOnly;
    sqliteOnly.module = QStringLiteral("fax");
    sqliteOnly.steps = {{QStringLiteral("CREATE TABLE faxes (id INTEGER PRIMARY KEY)")},
                        {QStringLiteral("CREATE VIRTUAL TABLE faxes_fts USING fts5(body)")}};
    QString error;
    QVERIFY(!Migrations::applyPostgres(m_db, {sqliteOnly}, &error));
    QCOMPARE(error, QStringLiteral("the fax module cannot run on PostgreSQL (step 2: a virtual "
                                   "table (FTS5) has no PostgreSQL form: write this step for "
                                   "PostgreSQL)"));
    // Checked before anything is written.
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM information_schema.tables WHERE "
                                   "table_name = 'schema_versions'")),
             0);
}

void TestPgMigrations::appliesEveryModuleOfTheProduct() {
    const QList<Schema> schemas = sb::SwitchboardService::schemas(sb::builtInChannels());
    QString error;
    QVERIFY2(Migrations::applyPostgres(m_db, schemas, &error), qPrintable(error));
    for (const Schema &schema : schemas) {
        QCOMPARE(scalar(QStringLiteral("SELECT version FROM schema_versions WHERE module = '%1'")
                            .arg(schema.module)),
                 int(schema.steps.size()));
    }
    // A second starter finds everything done.
    QVERIFY2(Migrations::applyPostgres(m_db, schemas, &error), qPrintable(error));
    // SQLite's integers are 64-bit: the modules' are BIGINT (core's own small counts, such as
    // segments and attempts, are INTEGER by choice).
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM information_schema.columns WHERE "
                                   "table_schema = 'public' AND data_type = 'integer' AND "
                                   "table_name NOT IN ('schema_versions', 'messages', "
                                   "'message_events', 'outbox')")),
             0);
}

// The inbox's and the channels' triggers, turned into PL/pgSQL, keep a contact as SQLite's do.
void TestPgMigrations::triggersKeepContactsCurrent() {
    QString error;
    QVERIFY2(Migrations::applyPostgres(m_db, sb::SwitchboardService::schemas(sb::builtInChannels()),
                                       &error),
             qPrintable(error));
    QSqlQuery q(m_db);
    const auto exec = [&q](const QString &sql) {
        if (!q.exec(sql))
            qWarning() << sql << q.lastError().text();
        return !q.lastError().isValid();
    };
    QVERIFY(exec(QStringLiteral(
        "INSERT INTO messages (sid, channel, direction, from_number, to_number, body, status, "
        "created_at, updated_at) VALUES ('SM1', 'sms', 'inbound', '+15550001111', "
        "'+15559990000', 'Where is my parcel?', 'received', 1000, 1000), ('SM2', 'whatsapp', "
        "'inbound', 'whatsapp:+15550001111', 'whatsapp:+15559990000', 'Hola', 'received', 2000, "
        "2000)")));
    QVERIFY(exec(QStringLiteral("SELECT number, last_text, last_channel, channels, unread FROM "
                                "contacts")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("+15550001111"));
    QCOMPARE(q.value(1).toString(), QStringLiteral("Hola"));
    QCOMPARE(q.value(2).toString(), QStringLiteral("whatsapp"));
    QCOMPARE(q.value(3).toString(), QStringLiteral(",sms,whatsapp,"));
    QCOMPARE(q.value(4).toInt(), 2);
    QVERIFY(!q.next());
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM contact_addresses")), 2);
    // A call makes the contact's newest item, and adds voice; a profile name names it.
    QVERIFY(exec(QStringLiteral(
        "INSERT INTO voice_calls (sid, direction, from_number, to_number, status, created_at, "
        "updated_at) VALUES ('CA1', 'inbound', '+15550001111', '+15559990000', 'ringing', 3000, "
        "3000)")));
    QVERIFY(exec(QStringLiteral("INSERT INTO whatsapp_contacts (address, profile_name, "
                                "updated_at) VALUES ('whatsapp:+15550001111', 'Ana', 3000)")));
    QVERIFY(exec(QStringLiteral("SELECT name, last_channel, channels, last_at FROM contacts")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("Ana"));
    QCOMPARE(q.value(1).toString(), QStringLiteral("voice"));
    QCOMPARE(q.value(2).toString(), QStringLiteral(",sms,whatsapp,voice,"));
    QCOMPARE(q.value(3).toLongLong(), 3000);
    // The WhatsApp message deleted: its channel leaves the set, the call stays newest.
    QVERIFY(exec(QStringLiteral("DELETE FROM messages WHERE sid = 'SM2'")));
    QVERIFY(exec(QStringLiteral("SELECT channels, last_channel FROM contacts")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral(",sms,voice,"));
    QCOMPARE(q.value(1).toString(), QStringLiteral("voice"));
    // An email to the linked address adds email; the search columns are filled.
    QVERIFY(exec(QStringLiteral("UPDATE contacts SET email = 'ana@example.com'")));
    QVERIFY(exec(QStringLiteral(
        "INSERT INTO emails (email_id, to_json, subject, created_at, updated_at) VALUES ('e1', "
        "'[{\"email\":\"Ana@Example.com\"}]', 'Your parcel', 4000, 4000)")));
    QVERIFY(exec(QStringLiteral("SELECT channels, last_text FROM contacts")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral(",sms,voice,email,"));
    QCOMPARE(q.value(1).toString(), QStringLiteral("Your parcel"));
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM messages WHERE search @@ "
                                   "to_tsquery('simple', 'parcel:*')")),
             1);
}

QTEST_GUILESS_MAIN(TestPgMigrations)
#include "tst_pgmigrations.moc"
