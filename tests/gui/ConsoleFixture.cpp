#include "ConsoleFixture.h"

#include "PgTestServer.h"

#include "BuiltInChannelUis.h"
#include "SmsTabOf.h"
#include "common/MessageTableModel.h"
#include "config/Config.h"
#include "runtime/BuiltInChannels.h"
#include "sms/ui/SmsComposeWidget.h"
#include "sms/ui/SmsTab.h"

#include <QComboBox>
#include <QDir>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QtTest>

using namespace sb;

bool ConsoleFixture::start(QString *why) {
    return start(why, builtInChannelUis());
}

bool ConsoleFixture::start(QString *why, const ChannelUiList &channelUis) {
    if (qEnvironmentVariableIsEmpty("SWITCHBOARD_SANDBOX_DELAY_MS"))
        qputenv("SWITCHBOARD_SANDBOX_DELAY_MS", "30");
    m_settings = std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("settings.ini")),
                                             QSettings::IniFormat);
    m_secrets = std::make_unique<SecretStore>();
    const QString data = m_dir.filePath(QStringLiteral("data"));
    auto load = [data, extra = m_extra](const QHash<QString, QString> &stored, QString *error) {
        QProcessEnvironment env;
        for (auto it = extra.cbegin(); it != extra.cend(); ++it)
            env.insert(it.key(), it.value());
        env.insert(QStringLiteral("SWITCHBOARD_DATA_DIR"), data);
        env.insert(QStringLiteral("SWITCHBOARD_PORT"), QStringLiteral("0"));
        env.insert(QStringLiteral("SWITCHBOARD_API_TOKEN"), QStringLiteral("gui"));
        QString ignored; // a PostgreSQL run: the folder's database (team mode's console)
        const QString url = sbtest::PgTestServer::databaseForDataDir(data, &ignored);
        if (!url.isEmpty())
            env.insert(QStringLiteral("SWITCHBOARD_DATABASE_URL"), url);
        return ConfigLoader::load(env, QString(), error, stored);
    };
    m_window = std::make_unique<MainWindow>(load, builtInChannels(), channelUis, m_settings.get(),
                                            m_secrets.get(), QHash<QString, QString>{});
    if (m_clock)
        m_window->setClock(m_clock);
    QSignalSpy started(m_window.get(), &MainWindow::serviceStarted);
    m_window->show();
    m_window->start();
    if (m_beforeStart)
        m_beforeStart(m_window.get());
    if (!started.wait(15000)) {
        *why = QStringLiteral("the service did not start");
        return false;
    }
    if (!QTest::qWaitForWindowExposed(m_window.get())) {
        *why = QStringLiteral("the window was not exposed");
        return false;
    }
    m_window->activateWindow();
    if (!QTest::qWaitForWindowActive(m_window.get())) {
        *why = QStringLiteral("the window did not become active");
        return false;
    }
    QElapsedTimer wait;
    wait.start();
    while (sms()->compose()->fromBox()->count() == 0 && wait.elapsed() < 10000)
        QTest::qWait(20);
    if (sms()->compose()->fromBox()->count() == 0) {
        *why = QStringLiteral("the account's numbers never arrived");
        return false;
    }
    return true;
}

void ConsoleFixture::stop() {
    m_window.reset();
}

SmsTab *ConsoleFixture::sms() const {
    return m_window ? smsTabOf(*m_window) : nullptr;
}

void ConsoleFixture::type(const QString &to, const QString &body) const {
    SmsComposeWidget *c = sms()->compose();
    c->toEdit()->clear();
    QTest::keyClicks(c->toEdit(), to);
    c->bodyEdit()->setPlainText(body);
}

int ConsoleFixture::rowWithBody(const QString &body) const {
    for (int row = 0; row < sms()->model()->rowCount(); ++row) {
        if (sms()->model()->record(row).body == body)
            return row;
    }
    return -1;
}

int ConsoleFixture::countWithBody(const QString &body) const {
    int count = 0;
    for (int row = 0; row < sms()->model()->rowCount(); ++row)
        count += sms()->model()->record(row).body == body ? 1 : 0;
    return count;
}

MessageRecord ConsoleFixture::record(const QString &body) const {
    const int row = rowWithBody(body);
    return row >= 0 ? sms()->model()->record(row) : MessageRecord{};
}

QString ConsoleFixture::screenshot(QWidget *widget, const QString &name) {
    QDir().mkpath(QStringLiteral(SB_SCREENSHOT_DIR));
    const QString path = QStringLiteral(SB_SCREENSHOT_DIR "/%1.png").arg(name);
    widget->grab().save(path);
    return path;
}

QPalette ConsoleFixture::darkPalette() {
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x2d, 0x2d, 0x2d));
    p.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
    p.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
    p.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
    p.setColor(QPalette::Button, QColor(0x3a, 0x3a, 0x3a));
    p.setColor(QPalette::ButtonText, QColor(0xee, 0xee, 0xee));
    p.setColor(QPalette::ToolTipBase, QColor(0x3a, 0x3a, 0x3a));
    p.setColor(QPalette::ToolTipText, QColor(0xee, 0xee, 0xee));
    p.setColor(QPalette::PlaceholderText, QColor(0xa0, 0xa0, 0xa0));
    p.setColor(QPalette::Highlight, QColor(0x2a, 0x82, 0xda));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x6c, 0xb4, 0xff));
    p.setColor(QPalette::BrightText, QColor(0xff, 0x6e, 0x6e));
    p.setColor(QPalette::Light, QColor(0x4a, 0x4a, 0x4a));
    p.setColor(QPalette::Midlight, QColor(0x3e, 0x3e, 0x3e));
    p.setColor(QPalette::Mid, QColor(0x30, 0x30, 0x30));
    p.setColor(QPalette::Dark, QColor(0x20, 0x20, 0x20));
    p.setColor(QPalette::Shadow, Qt::black);
    // Disabled controls dimmed, as a desktop's dark scheme has them, so a screenshot shows
    // which buttons are off.
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, QColor(0x80, 0x80, 0x80));
    return p;
}
