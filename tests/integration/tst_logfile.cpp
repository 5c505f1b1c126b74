#include "ServiceFixture.h"
#include "TestSupport.h"
#include "common/Logging.h"
#include "common/RotatingLogFile.h"
#include "db/PgConnection.h"
#include "runtime/SwitchboardService.h"

#include <QDir>
#include <QDirIterator>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace sb;

// The log file in the data folder: rotated by size, keeping K files; and the secrets grep: after
// a full run in sandbox mode with every category's debug output on (Qt's own included) — sends
// on SMS, WhatsApp and email, signed inbound webhooks, a forged one, API calls with the bearer
// token, a /metrics scrape — no configured secret (the auth token, the API token, the SendGrid
// key, the Basic credentials) is in the log file, the SQLite files' bytes, the metrics or any
// API answer.
class TestLogFile : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void rotatesKeepingKFiles();
    void secretsReachNoFileAndNoAnswer();

private:
    static QByteArray readAll(const QString &path) {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
};

void TestLogFile::rotatesKeepingKFiles() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("logs/switchboard.log"));
    {
        RotatingLogFile log(path, 1024, 2);
        QVERIFY(log.isOpen());
        for (int i = 0; i < 100; ++i)
            log.append(QStringLiteral("line %1 ").arg(i, 3, 10, QLatin1Char('0')).toUtf8() +
                       QByteArray(90, 'x'));
    }
    QVERIFY(QFile::exists(path));
    QVERIFY(QFile::exists(path + QStringLiteral(".1")));
    QVERIFY(QFile::exists(path + QStringLiteral(".2")));
    QVERIFY(!QFile::exists(path + QStringLiteral(".3")));
    QList<QByteArray> lines; // oldest first
    for (const QString &name : {path + QStringLiteral(".2"), path + QStringLiteral(".1"), path}) {
        QVERIFY(QFileInfo(name).size() <= 1024);
        const QByteArray text = readAll(name);
        QVERIFY(text.endsWith('\n'));
        lines += text.trimmed().split('\n');
    }
    // The newest lines, none lost between the files, in order, the last one written last.
    QVERIFY(lines.size() >= 20);
    QVERIFY(lines.last().startsWith("line 099 "));
    for (qsizetype i = 1; i < lines.size(); ++i)
        QCOMPARE(lines[i].mid(5, 3).toInt(), lines[i - 1].mid(5, 3).toInt() + 1);
}

void TestLogFile::secretsReachNoFileAndNoAnswer() {
    installLogFormat();
    QLoggingCategory::setFilterRules(QStringLiteral("*.debug=true"));
    qputenv("SWITCHBOARD_SANDBOX_DELAY_MS", "20");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString apiToken = QStringLiteral("api-token-9f8e7d6c5b4a");
    QString error;
    auto service = sbtest::startService(dir.path(), apiToken, {}, {}, &error);
    QVERIFY2(service, qPrintable(error));
    const Config &config = service->config();
    QByteArrayList secrets{
        apiToken.toUtf8(), config.authToken.toUtf8(), config.sendgridApiKey.toUtf8(),
        (config.accountSid + QLatin1Char(':') + config.authToken).toUtf8().toBase64()};
    for (const QByteArray &secret : secrets)
        QVERIFY2(secret.size() >= 8, "each secret is long enough to grep for");

    sbtest::Http http;
    const auto url = [&](const QString &path) {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(service->port()).arg(path));
    };
    const QList<QPair<QByteArray, QByteArray>> auth{
        {"Authorization", "Bearer " + apiToken.toUtf8()}};
    QList<sbtest::Reply> answers;
    const auto api = [&](const QByteArray &verb, const QString &path,
                         const QJsonObject &json = {}) {
        const sbtest::Reply r =
            verb == "GET"
                ? http.get(url(QStringLiteral("/api/v1/twilio/") + path), auth)
                : http.postJson(url(QStringLiteral("/api/v1/twilio/") + path), json, auth);
        answers.append(r);
        return r;
    };

    // A customer writes first (signed webhooks from the sandbox), opening WhatsApp's window.
    QCOMPARE(api("POST", QStringLiteral("sandbox/inbound"),
                 {{"from", "+14155550111"}, {"body", "hello"}, {"channel", "sms"}})
                     .status /
                 100,
             2);
    QCOMPARE(api("POST", QStringLiteral("sandbox/inbound"),
                 {{"from", "whatsapp:+14155550111"}, {"body", "hi"}, {"channel", "whatsapp"}})
                     .status /
                 100,
             2);
    const sbtest::Reply sms =
        api("POST", QStringLiteral("send-sms"), {{"to", "+14155550111"}, {"body", "SMS out"}});
    QCOMPARE(sms.status, 201);
    const QString sid = sms.json().value(QLatin1String("messageSid")).toString();
    QTRY_VERIFY_WITH_TIMEOUT(api("GET", QStringLiteral("sms-status/") + sid)
                                     .json()
                                     .value(QLatin1String("status"))
                                     .toString() == QLatin1String("delivered"),
                             10000);
    QCOMPARE(api("POST", QStringLiteral("send-whatsapp"),
                 {{"to", "whatsapp:+14155550111"}, {"body", "WhatsApp out"}})
                 .status,
             201);
    const sbtest::Reply email =
        api("POST", QStringLiteral("send-email"),
            {{"to", "ana@example.com"}, {"subject", "Hello"}, {"text", "Email out"}});
    QVERIFY2(email.status / 100 == 2, email.body.constData());
    // Refusals answer too: a wrong token, a forged webhook.
    answers.append(http.get(url(QStringLiteral("/api/v1/twilio/sms-status/") + sid),
                            {{"Authorization", "Bearer wrong-token-123"}}));
    QCOMPARE(answers.last().status, 401);
    answers.append(http.request("POST", url(QStringLiteral("/twilio/incoming-sms")),
                                "From=%2B14155550111&Body=forged",
                                {{"Content-Type", "application/x-www-form-urlencoded"},
                                 {"X-Twilio-Signature", "Zm9yZ2VkIHNpZ25hdHVyZQ=="}}));
    QVERIFY(answers.last().status == 401 || answers.last().status == 403);
    QTest::qWait(300); // the last status callbacks land and are committed
    // The inspector's rows as the API shows them (the forged request's explanation and curl
    // included), the account's routes and the listings.
    const sbtest::Reply inspected =
        http.get(url(QStringLiteral("/api/v1/twilio/webhooks?limit=100")), auth);
    QCOMPARE(inspected.status, 200);
    answers.append(inspected);
    const QJsonArray captured = inspected.json().value(QLatin1String("webhooks")).toArray();
    QVERIFY(captured.size() >= 3);
    for (const QJsonValue row : captured) {
        const QString id = QString::number(row.toObject().value(QLatin1String("id")).toInteger());
        answers.append(http.get(url(QStringLiteral("/api/v1/twilio/webhooks/") + id), auth));
        QCOMPARE(answers.last().status, 200);
        answers.append(
            http.get(url(QStringLiteral("/api/v1/twilio/webhooks/%1/curl").arg(id)), auth));
        QCOMPARE(answers.last().status, 200);
    }
    for (const char *path : {"messaging-services", "contacts", "account-info", "phone-numbers",
                             "calls", "emails", "messages"}) {
        answers.append(
            http.get(url(QStringLiteral("/api/v1/twilio/") + QString::fromLatin1(path)), auth));
        QVERIFY2(answers.last().status == 200, path);
    }
    const QString numberSid = answers.at(answers.size() - 4)
                                  .json()
                                  .value(QLatin1String("phoneNumbers"))
                                  .toArray()
                                  .first()
                                  .toObject()
                                  .value(QLatin1String("sid"))
                                  .toString();
    answers.append(http.request(
        "POST", url(QStringLiteral("/api/v1/twilio/phone-numbers/%1/wire").arg(numberSid)),
        R"({"onlyWhileRunning": false})",
        auth + QList<QPair<QByteArray, QByteArray>>{
                   qMakePair(QByteArray("Content-Type"), QByteArray("application/json"))}));
    QVERIFY2(answers.last().status == 200, answers.last().body.constData());
    const sbtest::Reply metrics = http.get(url(QStringLiteral("/metrics")), auth);
    QCOMPARE(metrics.status, 200);
    answers.append(metrics);

    const QString logPath = service->logFilePath();
    QVERIFY(!logPath.isEmpty());
    const QString dbPath = config.databasePath();
    const std::optional<sb::DatabaseUrl> shared = config.sharedDatabase; // config goes with it
    service.reset(); // everything committed and flushed
    QLoggingCategory::setFilterRules(QString());

    QMap<QString, QByteArray> haystacks;
    QDirIterator logs(QFileInfo(logPath).absolutePath(), QDir::Files);
    while (logs.hasNext()) {
        const QString file = logs.next();
        haystacks.insert(file, readAll(file));
    }
    QVERIFY2(haystacks.value(logPath).contains("debug"), "debug lines reached the log file");
    QVERIFY2(haystacks.value(logPath).contains("qt."), "Qt's own categories reached it too");
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
        if (QFile::exists(dbPath + suffix))
            haystacks.insert(dbPath + suffix, readAll(dbPath + suffix));
    }
    if (shared) {
        // Team mode: every row of every table on the server, as text.
        QString error;
        QSqlDatabase db = sb::PgConnection::open(*shared, QStringLiteral("dump"), &error);
        QVERIFY2(db.isOpen(), qPrintable(error));
        QSqlQuery tables(db);
        QVERIFY(tables.exec(QStringLiteral("SELECT table_name FROM information_schema.tables "
                                           "WHERE table_schema = current_schema()")));
        QByteArray rows;
        while (tables.next()) {
            QSqlQuery all(db);
            QVERIFY(all.exec(
                QStringLiteral("SELECT t::text FROM %1 t").arg(tables.value(0).toString())));
            while (all.next())
                rows += all.value(0).toByteArray() + '\n';
        }
        haystacks.insert(dbPath, rows);
        tables = QSqlQuery();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("dump"));
    }
    QVERIFY(haystacks.value(dbPath).size() > 0);
    for (qsizetype i = 0; i < answers.size(); ++i) {
        QByteArray answer = answers[i].body;
        for (const auto &[name, value] : answers[i].headers)
            answer += '\n' + name + ": " + value;
        haystacks.insert(QStringLiteral("answer %1").arg(i), answer);
    }
    QVERIFY(answers.size() >= 8);
    for (auto it = haystacks.cbegin(); it != haystacks.cend(); ++it) {
        for (const QByteArray &secret : std::as_const(secrets))
            QVERIFY2(!it.value().contains(secret),
                     qPrintable(QStringLiteral("%1 holds a secret").arg(it.key())));
    }
}

QTEST_MAIN(TestLogFile)
#include "tst_logfile.moc"
