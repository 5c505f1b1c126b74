#include "TestSupport.h"
#include "config/Config.h"
#include "settings/SecretStore.h"
#include "settings/SettingsDialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace sb;

namespace {
QStringList g_log;
void capture(QtMsgType, const QMessageLogContext &, const QString &message) {
    g_log.append(message);
}
} // namespace

// SendGrid's settings in File > Settings, round trip: typed, checked with start-up's rules,
// saved (the API key to the keychain only, never to the settings file or a log line), read
// back by ConfigLoader as the console does, and shown again by a new dialog. A wrong value
// saves nothing and says which setting is wrong.
class TestEmailSettings : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void sendGridSettingsRoundTrip();
    void wrongValueSavesNothing_data();
    void wrongValueSavesNothing();

private:
    std::unique_ptr<SettingsDialog> dialog();
    static void clickSave(SettingsDialog &d);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
    // A service name of its own: the test never touches the user's keychain entries.
    SecretStore m_secrets{QStringLiteral("switchboard-tst-email-settings")};
};

void TestEmailSettings::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    m_settings = std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("settings.ini")),
                                             QSettings::IniFormat);
}

std::unique_ptr<SettingsDialog> TestEmailSettings::dialog() {
    return std::make_unique<SettingsDialog>(m_settings.get(), &m_secrets,
                                            QHash<QString, QString>{});
}

void TestEmailSettings::clickSave(SettingsDialog &d) {
    QTest::mouseClick(d.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save),
                      Qt::LeftButton);
}

void TestEmailSettings::sendGridSettingsRoundTrip() {
    const QHash<QString, QString> typed{
        {QStringLiteral("SENDGRID_API_BASE_URL"), QStringLiteral("https://sendgrid.example.test")},
        {QStringLiteral("SENDGRID_FROM_EMAIL"), QStringLiteral("support@example.com")},
        {QStringLiteral("SENDGRID_FROM_NAME"), QStringLiteral("Acme Support")},
        {QStringLiteral("SENDGRID_WEBHOOK_MAX_AGE_S"), QStringLiteral("900")},
        {QStringLiteral("SENDGRID_DAILY_LIMIT"), QStringLiteral("250")},
    };
    const QString apiKey = QStringLiteral("SG.tst-email-settings.f00dcafe");
    {
        auto d = dialog();
        d->show();
        QLineEdit *key = d->field(QStringLiteral("SENDGRID_API_KEY"));
        QVERIFY(key);
        QCOMPARE(key->echoMode(), QLineEdit::Password); // never shown in full
        // SendGrid's settings are on their own page.
        auto *pages = d->findChild<QTabWidget *>(QStringLiteral("settingsPages"));
        QVERIFY(pages);
        QCOMPARE(key->parentWidget(), pages->widget(1));
        for (auto it = typed.cbegin(); it != typed.cend(); ++it) {
            QVERIFY2(d->field(it.key()), qPrintable(it.key()));
            QCOMPARE(d->field(it.key())->parentWidget(), pages->widget(1));
            d->field(it.key())->setText(it.value());
        }
        QVERIFY(d->field(QStringLiteral("SENDGRID_WEBHOOK_PUBLIC_KEY")));
        key->setText(apiKey);
        QSignalSpy saved(d.get(), &SettingsDialog::saved);
        g_log.clear();
        const QtMessageHandler previous = qInstallMessageHandler(capture);
        clickSave(*d);
        // The keychain answers, or (no desktop session) the dialog gives up on it after 3 s.
        QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, 5000);
        qInstallMessageHandler(previous);
        const auto secrets = saved.at(0).at(0).value<QHash<QString, QString>>();
        QCOMPARE(secrets.value(QStringLiteral("SENDGRID_API_KEY")), apiKey);
        for (const QString &line : std::as_const(g_log))
            QVERIFY2(!line.contains(apiKey), qPrintable(line));
        QVERIFY(!d->findChild<QLabel *>(QStringLiteral("settingsError"))->text().contains(apiKey));
    }

    // Plain values in the settings file; the key nowhere in it.
    m_settings->sync();
    QFile file(m_settings->fileName());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray ini = file.readAll();
    QVERIFY(!ini.contains(apiKey.toUtf8()));
    QVERIFY(ini.contains("support@example.com"));

    // Read back as the console does at start-up: the stored layer plus the secrets.
    QHash<QString, QString> stored = SettingsDialog::storedValues(*m_settings);
    stored.insert(QStringLiteral("SENDGRID_API_KEY"), apiKey);
    QProcessEnvironment env;
    env.insert(QStringLiteral("SWITCHBOARD_DATA_DIR"), m_dir->filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("SWITCHBOARD_API_TOKEN"), QStringLiteral("t"));
    QString error;
    const auto config = ConfigLoader::load(env, QString(), &error, stored);
    QVERIFY2(config, qPrintable(error));
    QCOMPARE(config->sendgridApiKey, apiKey);
    QCOMPARE(config->sendgridApiBase, QUrl(QStringLiteral("https://sendgrid.example.test")));
    QCOMPARE(config->sendgridFromEmail, QStringLiteral("support@example.com"));
    QCOMPARE(config->sendgridFromName, QStringLiteral("Acme Support"));
    QCOMPARE(config->sendgridWebhookMaxAgeS, qint64(900));
    QCOMPARE(config->sendgridDailyLimit, 250);

    // A new dialog shows what was saved.
    auto again = dialog();
    for (auto it = typed.cbegin(); it != typed.cend(); ++it)
        QCOMPARE(again->field(it.key())->text(), it.value());
}

void TestEmailSettings::wrongValueSavesNothing_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("value");
    QTest::newRow("sender not an address") << "SENDGRID_FROM_EMAIL"
                                           << "support@";
    QTest::newRow("sender with a display name") << "SENDGRID_FROM_EMAIL"
                                                << "Acme <support@example.com>";
    QTest::newRow("base URL not http") << "SENDGRID_API_BASE_URL"
                                       << "api.sendgrid.com";
    QTest::newRow("webhook key not a key") << "SENDGRID_WEBHOOK_PUBLIC_KEY"
                                           << "not-a-key";
    QTest::newRow("max age negative") << "SENDGRID_WEBHOOK_MAX_AGE_S"
                                      << "-1";
    QTest::newRow("daily limit not a number") << "SENDGRID_DAILY_LIMIT"
                                              << "a hundred";
}

void TestEmailSettings::wrongValueSavesNothing() {
    QFETCH(QString, name);
    QFETCH(QString, value);
    auto d = dialog();
    d->show();
    d->field(QStringLiteral("SENDGRID_FROM_NAME"))->setText(QStringLiteral("Acme"));
    d->field(name)->setText(value);
    QSignalSpy saved(d.get(), &SettingsDialog::saved);
    clickSave(*d);
    const QString error = d->findChild<QLabel *>(QStringLiteral("settingsError"))->text();
    QVERIFY2(error.startsWith(name + QLatin1Char(':')), qPrintable(error));
    QVERIFY(d->isVisible());
    QCOMPARE(saved.size(), 0);
    m_settings->sync();
    QVERIFY(m_settings->allKeys().isEmpty());
    // The page with the wrong field is shown, the field focused.
    QCOMPARE(d->findChild<QTabWidget *>(QStringLiteral("settingsPages"))->currentWidget(),
             d->field(name)->parentWidget());
}

QTEST_MAIN(TestEmailSettings)
#include "tst_email_settings.moc"
