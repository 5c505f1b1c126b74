#pragma once

#include "MainWindow.h"
#include "messaging/Records.h"
#include "settings/SecretStore.h"

#include <QHash>
#include <QPalette>
#include <QSettings>
#include <QTemporaryDir>

#include <functional>
#include <memory>

namespace sb {
class SmsTab;
}

// The real main window in sandbox mode on a temporary data folder and settings file, for the
// GUI suites: started, shown, active, with the account's numbers in the From picker.
class ConsoleFixture {
public:
    bool start(QString *why);
    // With these channels' tabs rather than the product's (builtInChannelUis()).
    bool start(QString *why, const sb::ChannelUiList &channelUis);
    // The service's and the tabs' clock (UTC now), set before start(); unset: the real time.
    void setClock(sb::MainWindow::Clock clock) { m_clock = std::move(clock); }
    // Runs on the new window before it starts (what main() does before the service is up).
    void setBeforeStart(std::function<void(sb::MainWindow *)> hook) {
        m_beforeStart = std::move(hook);
    }
    // A setting as the environment would give it (e.g. SWITCHBOARD_RECEIVE), before start().
    void setSetting(const QString &name, const QString &value) { m_extra.insert(name, value); }
    void stop();

    sb::MainWindow *window() const { return m_window.get(); }
    sb::SmsTab *sms() const;
    QSettings *settings() const { return m_settings.get(); }

    void type(const QString &to, const QString &body) const;
    int rowWithBody(const QString &body) const;
    sb::MessageRecord record(const QString &body) const;
    int countWithBody(const QString &body) const;
    // Saves a screenshot under build/screenshots/ and says where.
    static QString screenshot(QWidget *widget, const QString &name);
    // What a dark desktop theme hands Qt: light text on dark surfaces.
    static QPalette darkPalette();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<sb::SecretStore> m_secrets;
    std::unique_ptr<sb::MainWindow> m_window;
    sb::MainWindow::Clock m_clock;
    std::function<void(sb::MainWindow *)> m_beforeStart;
    QHash<QString, QString> m_extra;
};
