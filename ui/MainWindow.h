#pragma once

#include "ChannelUi.h"
#include "config/Config.h"
#include "messaging/Records.h"
#include "runtime/Channel.h"

#include <QDateTime>
#include <QHash>
#include <QMainWindow>

#include <memory>

class QAction;
class QLabel;
class QSettings;
class QTabWidget;

namespace sb {

class AccountTab;
class CannedLibrary;
class ChannelTab;
class ConnectionStatus;
class FailureNotice;
class InboxTab;
class SecretStore;
class SwitchboardService;
class LogDock;
class UnreadMessages;
class TrayIcon;
class WebhookInspectorTab;
struct ContactLink;

// The console's shell: the Inbox first (every contact's merged thread, not a channel: the
// channels' UIs only lend it their ReplyRoutes), one tab per registered channel UI (ChannelUi, in
// their order), a placeholder for each channel still to come (Calls, WhatsApp, Email) until one
// with its id is registered, Account, and Webhooks (the inspector) last; the sandbox banner, the
// status bar, the menus, settings and notifications. It knows channels' tabs only through
// ChannelTab. It owns the running service and rebuilds it (and the tabs) when the settings change,
// so new credentials apply without a restart.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    // `load` builds a Config from the environment, .env and the given stored values.
    using ConfigSource =
        std::function<std::optional<Config>(const QHash<QString, QString> &stored, QString *error)>;

    // `channels`: what the service serves (builtInChannels()); `channelUis`: their tabs
    // (builtInChannelUis()). Tests may pass their own.
    MainWindow(ConfigSource load, ChannelList channels, ChannelUiList channelUis,
               QSettings *settings, SecretStore *secrets, QHash<QString, QString> storedSecrets,
               QWidget *parent = nullptr);
    ~MainWindow() override;

    // The time the service's time-bound rules read (WhatsApp's 24-hour window, the sandbox's
    // clock) and the tabs count down with; tests inject theirs before start(). Unset: UTC now.
    using Clock = std::function<QDateTime()>;
    void setClock(Clock clock) { m_clock = std::move(clock); }

    void start();
    SwitchboardService *service() const { return m_service.get(); }
    // The channels' tabs in tab order (none before the service has started).
    QList<ChannelTab *> channelTabs() const { return m_channelTabs; }
    ChannelTab *channelTab(const QString &channel) const;
    AccountTab *accountTab() const { return m_account; }
    // The webhook inspector's tab, after Account (null before the service has started).
    WebhookInspectorTab *webhooksTab() const { return m_webhooks; }
    // The Inbox, first of all tabs (null before the service has started).
    InboxTab *inboxTab() const { return m_inbox; }
    QTabWidget *tabs() const { return m_tabs; }
    ConnectionStatus *connectionStatus() const { return m_status; }
    QLabel *banner() const { return m_banner; }
    FailureNotice *failureNotice() const { return m_notice; }
    // A channel's unread inbound messages (null for a channel without a tab).
    UnreadMessages *unread(const QString &channel) const { return m_unread.value(channel); }
    // Every tab's unread messages together, as the window title shows them.
    int unreadCount() const;
    // The menu actions by object name (e.g. "newMessage", "nextTab", "showTab3",
    // "simulateIncomingSms").
    QAction *action(const QString &name) const;

    // Sandbox mode: has the channel's tab play a customer writing in.
    void simulateIncoming(const QString &channel);
    void openSettings();
    // Tools ▸ Canned responses…: the editor over this window's canned responses.
    void openCannedResponses();
    // The canned responses every reply box's picker finds (null until the service started).
    CannedLibrary *cannedLibrary() const { return m_canned; }
    TrayIcon *trayIcon() const { return m_tray; }

    // A later start's command line (SingleInstance::activated), or this one's: brings the
    // window forward and opens a compose for each tel:/sms: link (once the tabs are built).
    void handleArguments(const QStringList &arguments);
    // Opens the compose of the link's channel for its number; false (and the status bar says
    // why) when the link is wrong or its channel has no tab.
    bool openLink(const ContactLink &link);
    // Shows, raises and activates the window (from the tray, or a second start).
    void bringForward();
    // File ▸ Quit and the tray's Quit: closes even when closing would only hide to the tray.
    void quit();

Q_SIGNALS:
    void serviceStarted();
    void serviceFailed(const QString &reason);

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    LogDock *m_logDock = nullptr;
    // A tab of the window other than Account: a channel's (ui set) or a placeholder's.
    struct PlannedTab {
        QString id;
        QString title;
        int order = 0;
        std::shared_ptr<const ChannelUi> ui;
        QString willHold; // placeholders: what the tab will do
        QString needs;    // and what to set up for it
    };
    void planTabs(const ChannelUiList &channelUis);
    void buildTabs();
    void buildInbox(const ChannelStatuses &statuses);
    void removeTabs();
    void onStarted();
    void notifyInbound(const QList<MessageRecord> &messages);
    void notify(const QString &title, const QString &text);
    void checkPublicUrl();
    void buildMenus();
    void fitToScreen();
    void applyBannerColors();
    void applyTabIcons();
    void updateUnread();
    void showFailed(const MessageRecord &failed);
    void switchTab(int delta);
    // The channel tab the Go menu's entries act on: the current tab, or the last channel tab
    // shown when the current one is not a channel's.
    ChannelTab *targetTab() const;
    // Go ▸ Search messages (search) and Go ▸ Reply box: the Inbox's own when it is shown, else
    // the channel tab's (targetTab()).
    void focusSearchOrReply(bool search);
    void onCurrentTabChanged();
    QString titleOf(const QString &channel) const;
    QString simulateActionName(const QString &channel) const;

    ConfigSource m_load;
    Clock m_clock;
    ChannelList m_channels;
    QList<PlannedTab> m_plan;
    QSettings *m_settings;
    SecretStore *m_secretStore;
    QHash<QString, QString> m_secrets;
    std::unique_ptr<SwitchboardService> m_service;
    QTabWidget *m_tabs;
    QLabel *m_banner;
    ConnectionStatus *m_status;
    QList<ChannelTab *> m_channelTabs;
    AccountTab *m_account = nullptr;
    WebhookInspectorTab *m_webhooks = nullptr;
    InboxTab *m_inbox = nullptr;
    bool m_readFromInbox = false; // the channels' tabs are marking what the inbox read
    CannedLibrary *m_canned = nullptr;
    TrayIcon *m_tray;
    QStringList m_pendingLinks; // links handed over before the tabs were built
    bool m_quitting = false;
    bool m_toldAboutTray = false;
    QList<QAction *> m_simulate;
    FailureNotice *m_notice;
    QHash<QString, UnreadMessages *> m_unread;
    QString m_lastChannel; // the channel tab shown last
    QString m_simulating;  // the channel whose simulation was asked for last
    bool m_applyingBanner = false;
    bool m_wiringsRestored = false; // closing: the temporary wirings were restored (or tried)
    static constexpr int RestoreBeforeExitMs = 8000;
};

} // namespace sb
