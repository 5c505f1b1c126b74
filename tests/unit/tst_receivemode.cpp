#include "config/Config.h"
#include "runtime/ReceiveMode.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace sb;

// Webhooks or polling: SWITCHBOARD_RECEIVE decides when set; "auto" polls exactly when Twilio
// could never reach the public URL (and Twilio is the real one, on the internet), and the
// reason says why in words the agent can act on.
class TestReceiveMode : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }
    void decide_data();
    void decide();
    void invalidSettingIsRefused();

private:
    QTemporaryDir m_dir;
};

void TestReceiveMode::decide_data() {
    QTest::addColumn<QString>("receive");   // SWITCHBOARD_RECEIVE ("" unset)
    QTest::addColumn<bool>("live");         // Twilio credentials given
    QTest::addColumn<QString>("publicUrl"); // SWITCHBOARD_PUBLIC_URL ("" unset)
    QTest::addColumn<QString>("apiBase");   // TWILIO_API_BASE_URL ("" Twilio's own)
    QTest::addColumn<bool>("polling");
    QTest::addColumn<QString>("because"); // in the reason
    QTest::newRow("sandbox") << "" << false << ""
                             << "" << false << "sandbox";
    QTest::newRow("live, no public URL") << "" << true << ""
                                         << "" << true << "SWITCHBOARD_PUBLIC_URL";
    QTest::newRow("live, private public URL") << "" << true << "http://192.168.1.20:3000"
                                              << "" << true << "192.168.1.20";
    QTest::newRow("live, tunnel") << "" << true << "https://abc.ngrok-free.app"
                                  << "" << false << "abc.ngrok-free.app";
    QTest::newRow("live, local stand-in for Twilio")
        << "" << true << ""
        << "http://127.0.0.1:4010" << false << "127.0.0.1:4010";
    QTest::newRow("auto spelled out") << "AUTO" << true << ""
                                      << "" << true << "SWITCHBOARD_PUBLIC_URL";
    QTest::newRow("polling chosen with a tunnel")
        << "polling" << true << "https://abc.ngrok-free.app"
        << "" << true << "SWITCHBOARD_RECEIVE";
    QTest::newRow("polling chosen in the sandbox") << "polling" << false << ""
                                                   << "" << true << "SWITCHBOARD_RECEIVE";
    QTest::newRow("webhooks chosen without a public URL") << "webhooks" << true << ""
                                                          << "" << false << "SWITCHBOARD_RECEIVE";
}

void TestReceiveMode::decide() {
    QFETCH(QString, receive);
    QFETCH(bool, live);
    QFETCH(QString, publicUrl);
    QFETCH(QString, apiBase);
    QFETCH(bool, polling);
    QFETCH(QString, because);
    QProcessEnvironment env;
    env.insert(QStringLiteral("SWITCHBOARD_DATA_DIR"), m_dir.path());
    env.insert(QStringLiteral("SWITCHBOARD_API_TOKEN"), QStringLiteral("t"));
    if (!receive.isEmpty())
        env.insert(QStringLiteral("SWITCHBOARD_RECEIVE"), receive);
    if (live) {
        env.insert(QStringLiteral("TWILIO_ACCOUNT_SID"),
                   QStringLiteral("AC00000000000000000000000000000001"));
        env.insert(QStringLiteral("TWILIO_AUTH_TOKEN"), QStringLiteral("0123456789abcdef"));
        env.insert(QStringLiteral("TWILIO_PHONE_NUMBER"), QStringLiteral("+15005550006"));
    }
    if (!publicUrl.isEmpty())
        env.insert(QStringLiteral("SWITCHBOARD_PUBLIC_URL"), publicUrl);
    if (!apiBase.isEmpty())
        env.insert(QStringLiteral("TWILIO_API_BASE_URL"), apiBase);
    QString error;
    const std::optional<Config> config =
        ConfigLoader::load(env, m_dir.filePath(QStringLiteral(".env")), &error);
    QVERIFY2(config, qPrintable(error));
    const ReceiveMode mode = ReceiveMode::decide(*config, config->effectivePublicUrl(3000), 3000);
    QCOMPARE(mode.polling(), polling);
    QCOMPARE(mode.name(), polling ? QStringLiteral("polling") : QStringLiteral("webhooks"));
    QVERIFY2(mode.reason.contains(because, Qt::CaseInsensitive), qPrintable(mode.reason));
    if (polling && receive.isEmpty()) // and how to get out of it
        QVERIFY2(mode.reason.contains(QStringLiteral("ngrok http 3000")), qPrintable(mode.reason));
}

void TestReceiveMode::invalidSettingIsRefused() {
    QProcessEnvironment env;
    env.insert(QStringLiteral("SWITCHBOARD_DATA_DIR"), m_dir.path());
    env.insert(QStringLiteral("SWITCHBOARD_API_TOKEN"), QStringLiteral("t"));
    env.insert(QStringLiteral("SWITCHBOARD_RECEIVE"), QStringLiteral("sometimes"));
    QString error;
    QVERIFY(!ConfigLoader::load(env, m_dir.filePath(QStringLiteral(".env")), &error));
    QVERIFY2(error.contains(QStringLiteral("SWITCHBOARD_RECEIVE")) &&
                 error.contains(QStringLiteral("'sometimes'")) &&
                 error.contains(QStringLiteral("polling")),
             qPrintable(error));
}

QTEST_GUILESS_MAIN(TestReceiveMode)
#include "tst_receivemode.moc"
