#include "config/Config.h"
#include "config/DotEnv.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>

using sb::Config;
using sb::ConfigLoader;

class TestConfig : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void sandboxWhenNoAccount();
    void envFileMustBeTheOwnersAlone_data();
    void envFileMustBeTheOwnersAlone();
    void environmentBeatsDotEnv();
    void dotEnvSyntax();
    void malformedSettingsNameTheSetting_data();
    void malformedSettingsNameTheSetting();
    void errorsNeverContainSecrets();
    void sendGridWebhookSettings();
    void generatedApiTokenIsPrivateAndStable();
    void agentNameDefaultsToTheLogin();
    void consoleRoleNeedsTheTeam_data();
    void consoleRoleNeedsTheTeam();

private:
    QProcessEnvironment baseEnv() const;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestConfig::init() {
    m_dir = std::make_unique<QTemporaryDir>();
}

QProcessEnvironment TestConfig::baseEnv() const {
    QProcessEnvironment env;
    env.insert(QStringLiteral("SWITCHBOARD_DATA_DIR"), m_dir->filePath(QStringLiteral("data")));
    return env;
}

void TestConfig::sandboxWhenNoAccount() {
    QString error;
    const auto c =
        ConfigLoader::load(baseEnv(), m_dir->filePath(QStringLiteral("none.env")), &error);
    QVERIFY2(c, qPrintable(error));
    QVERIFY(c->sandbox);
    QCOMPARE(c->port, quint16(3000));
    QCOMPARE(c->bindAddress, QHostAddress(QHostAddress::LocalHost));
    QCOMPARE(c->phoneNumber, QStringLiteral("+15005550006"));
    QCOMPARE(c->effectivePublicUrl(3000), QUrl(QStringLiteral("http://localhost:3000")));
    QCOMPARE(c->twilioApiBase, QUrl(QStringLiteral("https://api.twilio.com")));
    QCOMPARE(c->contentApiBase, QUrl(QStringLiteral("https://content.twilio.com")));
    QCOMPARE(c->messagingApiBase, QUrl(QStringLiteral("https://messaging.twilio.com")));
    QCOMPARE(c->sendgridApiBase, QUrl(QStringLiteral("https://api.sendgrid.com")));
    QVERIFY(c->sendgridWebhookPublicKey.isEmpty());
    QCOMPARE(c->sendgridWebhookMaxAgeS, 600);
}

void TestConfig::environmentBeatsDotEnv() {
    const QString envFile = m_dir->filePath(QStringLiteral(".env"));
    QFile f(envFile);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("TWILIO_ACCOUNT_SID=AC0123456789abcdef0123456789abcdef\n"
            "TWILIO_AUTH_TOKEN=from-dotenv\n"
            "SWITCHBOARD_PORT=4000\n"
            "SWITCHBOARD_PUBLIC_URL=https://abc.ngrok.app/\n"
            "TWILIO_CONTENT_BASE_URL=http://127.0.0.1:4010/\n"
            "TWILIO_MESSAGING_BASE_URL=http://127.0.0.1:4011/\n");
    f.close();
    QProcessEnvironment env = baseEnv();
    env.insert(QStringLiteral("SWITCHBOARD_PORT"), QStringLiteral("5000"));
    QString error;
    const auto c = ConfigLoader::load(env, envFile, &error);
    QVERIFY2(c, qPrintable(error));
    QVERIFY(!c->sandbox);
    QCOMPARE(c->authToken, QStringLiteral("from-dotenv"));
    QCOMPARE(c->port, quint16(5000));
    QCOMPARE(c->publicUrl, QUrl(QStringLiteral("https://abc.ngrok.app")));
    QCOMPARE(c->contentApiBase, QUrl(QStringLiteral("http://127.0.0.1:4010")));
    QCOMPARE(c->messagingApiBase, QUrl(QStringLiteral("http://127.0.0.1:4011")));
}

void TestConfig::dotEnvSyntax() {
    const auto values = sb::DotEnv::parse("# comment\n"
                                          "export A=1\n"
                                          "B = \"two words\" \n"
                                          "C='single # not a comment'\n"
                                          "D=value # trailing comment\n"
                                          "E=\"line\\nbreak\"\n"
                                          "broken line\n");
    QCOMPARE(values.value(QStringLiteral("A")), QStringLiteral("1"));
    QCOMPARE(values.value(QStringLiteral("B")), QStringLiteral("two words"));
    QCOMPARE(values.value(QStringLiteral("C")), QStringLiteral("single # not a comment"));
    QCOMPARE(values.value(QStringLiteral("D")), QStringLiteral("value"));
    QCOMPARE(values.value(QStringLiteral("E")), QStringLiteral("line\nbreak"));
    QCOMPARE(values.size(), 5);
}

void TestConfig::malformedSettingsNameTheSetting_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("value");
    QTest::newRow("port not a number") << "SWITCHBOARD_PORT"
                                       << "abc";
    QTest::newRow("port too big") << "SWITCHBOARD_PORT"
                                  << "70000";
    QTest::newRow("bind not an address") << "SWITCHBOARD_BIND"
                                         << "localhost:3000";
    QTest::newRow("public URL without scheme") << "SWITCHBOARD_PUBLIC_URL"
                                               << "abc.ngrok.app";
    QTest::newRow("public URL with query") << "SWITCHBOARD_PUBLIC_URL"
                                           << "https://a.example/?x=1";
    QTest::newRow("API base not http") << "TWILIO_API_BASE_URL"
                                       << "ftp://x";
    QTest::newRow("Content API base not http") << "TWILIO_CONTENT_BASE_URL"
                                               << "content.twilio.com";
    QTest::newRow("Messaging API base not http") << "TWILIO_MESSAGING_BASE_URL"
                                                 << "messaging.twilio.com";
    QTest::newRow("account SID malformed") << "TWILIO_ACCOUNT_SID"
                                           << "AC123";
    QTest::newRow("phone number malformed") << "TWILIO_PHONE_NUMBER"
                                            << "555-0100";
    QTest::newRow("WhatsApp number malformed") << "TWILIO_WHATSAPP_NUMBER"
                                               << "whatsapp:12";
    QTest::newRow("agent phone not E.164") << "SWITCHBOARD_AGENT_PHONE"
                                           << "555-0100";
    QTest::newRow("SendGrid base not http") << "SENDGRID_API_BASE_URL"
                                            << "api.sendgrid.com";
    QTest::newRow("SendGrid webhook key not base64 DER") << "SENDGRID_WEBHOOK_PUBLIC_KEY"
                                                         << "MFkwEwYHKoZIzj0CAQYI";
    QTest::newRow("SendGrid webhook max age negative") << "SENDGRID_WEBHOOK_MAX_AGE_S"
                                                       << "-1";
    QTest::newRow("SendGrid webhook max age not a number") << "SENDGRID_WEBHOOK_MAX_AGE_S"
                                                           << "10m";
    QTest::newRow("reconcile after negative") << "SWITCHBOARD_RECONCILE_AFTER_S"
                                              << "-5";
    QTest::newRow("reconcile after not a number") << "SWITCHBOARD_RECONCILE_AFTER_S"
                                                  << "5m";
    QTest::newRow("agent name too long")
        << "SWITCHBOARD_AGENT_NAME" << QString(65, QLatin1Char('a'));
    QTest::newRow("agent name on two lines") << "SWITCHBOARD_AGENT_NAME"
                                             << "Ana\nLima";
    QTest::newRow("drop callbacks over 100") << "SWITCHBOARD_SANDBOX_DROP_CALLBACKS"
                                             << "101";
    QTest::newRow("drop callbacks not a number") << "SWITCHBOARD_SANDBOX_DROP_CALLBACKS"
                                                 << "30%";
}

void TestConfig::malformedSettingsNameTheSetting() {
    QFETCH(QString, name);
    QFETCH(QString, value);
    QProcessEnvironment env = baseEnv();
    env.insert(name, value);
    QString error;
    QVERIFY(!ConfigLoader::load(env, QString(), &error));
    QVERIFY2(error.startsWith(name + QLatin1Char(':')), qPrintable(error));
    QVERIFY(!error.contains(QLatin1Char('\n')));
}

void TestConfig::sendGridWebhookSettings() {
    // A P-256 SubjectPublicKeyInfo, as SendGrid's Event Webhook settings show one.
    const QString key = QStringLiteral(
        "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEmVzOcrG6xl5JcH1ZAYCYzyQSLoW/tFuRSilTupDm/FxwH//"
        "vdW6b50IOlaWysKX0Y2YlJic9L8kqj5JaIv70eA==");
    QProcessEnvironment env = baseEnv();
    env.insert(QStringLiteral("SENDGRID_WEBHOOK_PUBLIC_KEY"), key);
    env.insert(QStringLiteral("SENDGRID_WEBHOOK_MAX_AGE_S"), QStringLiteral("0"));
    QString error;
    const auto c = ConfigLoader::load(env, m_dir->filePath(QStringLiteral("none.env")), &error);
    QVERIFY2(c, qPrintable(error));
    QCOMPARE(c->sendgridWebhookPublicKey, key.toLatin1());
    QCOMPARE(c->sendgridWebhookMaxAgeS, 0);
}

void TestConfig::errorsNeverContainSecrets() {
    QProcessEnvironment env = baseEnv();
    env.insert(QStringLiteral("TWILIO_ACCOUNT_SID"),
               QStringLiteral("ACnot-hex-secretish-value-0000000000"));
    env.insert(QStringLiteral("TWILIO_AUTH_TOKEN"), QStringLiteral("supersecrettoken"));
    QString error;
    QVERIFY(!ConfigLoader::load(env, QString(), &error));
    QVERIFY(error.startsWith(QStringLiteral("TWILIO_ACCOUNT_SID:")));
    QVERIFY(!error.contains(QStringLiteral("supersecrettoken")));
    QVERIFY(!error.contains(QStringLiteral("secretish")));

    env.insert(QStringLiteral("TWILIO_ACCOUNT_SID"),
               QStringLiteral("AC0123456789abcdef0123456789abcdef"));
    env.remove(QStringLiteral("TWILIO_AUTH_TOKEN"));
    QVERIFY(!ConfigLoader::load(env, QString(), &error));
    QVERIFY2(error.startsWith(QStringLiteral("TWILIO_AUTH_TOKEN:")), qPrintable(error));
}

void TestConfig::generatedApiTokenIsPrivateAndStable() {
    QString error;
    const auto first = ConfigLoader::load(baseEnv(), QString(), &error);
    QVERIFY2(first, qPrintable(error));
    QVERIFY(first->apiTokenGenerated);
    QCOMPARE(first->apiToken.size(), 64);
    const QFile::Permissions perms = QFile::permissions(first->apiTokenPath);
    QCOMPARE(perms & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
             QFile::Permissions());
    const auto second = ConfigLoader::load(baseEnv(), QString(), &error);
    QVERIFY(second);
    QVERIFY(!second->apiTokenGenerated);
    QCOMPARE(second->apiToken, first->apiToken);

    QProcessEnvironment env = baseEnv();
    env.insert(QStringLiteral("SWITCHBOARD_API_TOKEN"), QStringLiteral("given"));
    const auto third = ConfigLoader::load(env, QString(), &error);
    QCOMPARE(third->apiToken, QStringLiteral("given"));
}

// --env-file (the systemd unit's settings): it holds the auth token, so a file others can
// open is refused with the command that fixes it.
void TestConfig::agentNameDefaultsToTheLogin() {
    QProcessEnvironment env = baseEnv();
    env.insert(QStringLiteral("USER"), QStringLiteral("ana"));
    QString error;
    auto c = ConfigLoader::load(env, m_dir->filePath(QStringLiteral("none.env")), &error);
    QVERIFY2(c, qPrintable(error));
    QCOMPARE(c->agentName, QStringLiteral("ana"));
    env.insert(QStringLiteral("SWITCHBOARD_AGENT_NAME"), QStringLiteral("  Ana Lima "));
    c = ConfigLoader::load(env, m_dir->filePath(QStringLiteral("none.env")), &error);
    QVERIFY2(c, qPrintable(error));
    QCOMPARE(c->agentName, QStringLiteral("Ana Lima"));
}

void TestConfig::consoleRoleNeedsTheTeam_data() {
    QTest::addColumn<QString>("role");
    QTest::addColumn<bool>("database");
    QTest::addColumn<bool>("account");
    QTest::addColumn<bool>("publicUrl");
    QTest::addColumn<QString>("error"); // empty: accepted
    QTest::newRow("console with all it needs") << "console" << true << true << true << "";
    QTest::newRow("Console, any case") << "Console" << true << true << true << "";
    QTest::newRow("all, the default, needs none of it") << "all" << false << false << false << "";
    QTest::newRow("console without the shared database")
        << "console" << false << true << true
        << "SWITCHBOARD_ROLE=console needs SWITCHBOARD_DATABASE_URL: a console that binds no "
           "port sees what the team's receivers store in the shared database.";
    QTest::newRow("console on the built-in sandbox")
        << "console" << true << false << true
        << "SWITCHBOARD_ROLE=console needs the team's Twilio account (TWILIO_ACCOUNT_SID): a "
           "sandbox of its own could not reach the team's receivers.";
    QTest::newRow("console without the receivers' URL")
        << "console" << true << true << false
        << "SWITCHBOARD_ROLE=console needs SWITCHBOARD_PUBLIC_URL, the team's receivers' public "
           "URL: Twilio posts this console's status callbacks there.";
    QTest::newRow("not a role") << "receiver" << true << true << true
                                << "SWITCHBOARD_ROLE: 'receiver' is not all or console";
}

void TestConfig::consoleRoleNeedsTheTeam() {
    QFETCH(QString, role);
    QFETCH(bool, database);
    QFETCH(bool, account);
    QFETCH(bool, publicUrl);
    QFETCH(QString, error);
    QProcessEnvironment env = baseEnv();
    env.insert(QStringLiteral("SWITCHBOARD_ROLE"), role);
    if (database)
        env.insert(QStringLiteral("SWITCHBOARD_DATABASE_URL"),
                   QStringLiteral("postgresql://agent:s3cret-pw@db.example.com/team"));
    if (account) {
        env.insert(QStringLiteral("TWILIO_ACCOUNT_SID"),
                   QStringLiteral("AC0123456789abcdef0123456789abcdef"));
        env.insert(QStringLiteral("TWILIO_AUTH_TOKEN"), QStringLiteral("token"));
    }
    if (publicUrl)
        env.insert(QStringLiteral("SWITCHBOARD_PUBLIC_URL"),
                   QStringLiteral("https://receivers.example.com"));
    QString problem;
    const auto c = ConfigLoader::load(env, m_dir->filePath(QStringLiteral("none.env")), &problem);
    QCOMPARE(problem, error);
    QCOMPARE(bool(c), error.isEmpty());
    if (c)
        QCOMPARE(c->bindsPort(), role.toLower() != QLatin1String("console"));
}

void TestConfig::envFileMustBeTheOwnersAlone_data() {
    QTest::addColumn<int>("mode"); // -1: no file; -2: a folder
    QTest::addColumn<QString>("problem");
    QTest::newRow("0600") << 0600 << "";
    QTest::newRow("0400") << 0400 << "";
    QTest::newRow("0640: the group can read it")
        << 0640
        << "the settings file %1 holds secrets but other users can open it: make it "
           "yours alone with chmod 600 %1";
    QTest::newRow("0604: everyone can read it")
        << 0604
        << "the settings file %1 holds secrets but other users can open it: make it "
           "yours alone with chmod 600 %1";
    QTest::newRow("0620: the group can write it")
        << 0620
        << "the settings file %1 holds secrets but other users can open it: make it "
           "yours alone with chmod 600 %1";
    QTest::newRow("missing") << -1 << "the settings file %1 does not exist";
    QTest::newRow("a folder") << -2 << "the settings file %1 cannot be read";
}

void TestConfig::envFileMustBeTheOwnersAlone() {
    QFETCH(int, mode);
    QFETCH(QString, problem);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("switchboard.env"));
    if (mode == -2) {
        QVERIFY(QDir().mkdir(path));
    } else if (mode >= 0) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("TWILIO_AUTH_TOKEN=secret\n");
        file.close();
        QVERIFY(::chmod(QFile::encodeName(path).constData(), mode_t(mode)) == 0);
    }
    QCOMPARE(ConfigLoader::privateFileProblem(path),
             problem.isEmpty() ? QString() : problem.arg(path));
}

QTEST_GUILESS_MAIN(TestConfig)
#include "tst_config.moc"
