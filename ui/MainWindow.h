#pragma once

#include "config/Config.h"
#include "messaging/Records.h"
#include "runtime/Channel.h"

#include <QHash>
#include <QMainWindow>

#include <memory>

class QAction;
class QLabel;
class QSettings;
class QSystemTrayIcon;
class QTabWidget;

namespace sb {

class AccountTab;
class ConnectionStatus;
class FailureNotice;
class SecretStore;
class SmsTab;
class SwitchboardService;
class UnreadMessages;

// The console's shell: tabs (Calls, SMS, WhatsApp, Email, Account), the sandbox banner, the
// status bar, settings and notifications. It owns the running service and rebuilds it when
// the settings change, so new credentials apply without a restart.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    // `load` builds a Config from the environment, .env and the given stored values.
    using ConfigSource =
        std::function<std::optional<Config>(const QHash<QString, QString> &stored, QString *error)>;

    MainWindow(ConfigSource load, ChannelList channels, QSettings *settings, SecretStore *secrets,
               QHash<QString, QString> storedSecrets, QWidget *parent = nullptr);
    ~MainWindow() override;

    void start();
    SwitchboardService *service() const { return m_service.get(); }
    SmsTab *smsTab() const { return m_sms; }
    AccountTab *accountTab() const { return m_account; }
    QTabWidget *tabs() const { return m_tabs; }
    ConnectionStatus *connectionStatus() const { return m_status; }
    QLabel *banner() const { return m_banner; }
    FailureNotice *failureNotice() const { return m_notice; }
    UnreadMessages *unread() const { return m_unread; }
    // The menu actions by object name (e.g. "newMessage", "nextTab", "showTab3").
    QAction *action(const QString &name) const;

    void simulateIncomingSms();
    void openSettings();

Q_SIGNALS:
    void serviceStarted();
    void serviceFailed(const QString &reason);

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void buildTabs();
    void onStarted();
    void notifyInbound(const QList<MessageRecord> &messages);
    void checkPublicUrl();
    void buildMenus();
    void fitToScreen();
    void applyBannerColors();
    void updateUnread();
    void showFailed(const MessageRecord &failed);
    void switchTab(int delta);

    ConfigSource m_load;
    ChannelList m_channels;
    QSettings *m_settings;
    SecretStore *m_secretStore;
    QHash<QString, QString> m_secrets;
    std::unique_ptr<SwitchboardService> m_service;
    QTabWidget *m_tabs;
    QLabel *m_banner;
    ConnectionStatus *m_status;
    SmsTab *m_sms = nullptr;
    AccountTab *m_account = nullptr;
    QSystemTrayIcon *m_tray = nullptr;
    QAction *m_simulate = nullptr;
    FailureNotice *m_notice;
    UnreadMessages *m_unread;
    bool m_applyingBanner = false;
};

} // namespace sb
