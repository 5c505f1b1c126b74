#pragma once

#include <QList>
#include <QWidget>

class QSettings;

namespace sb {

struct TwilioIncomingNumber;

// A channel's tab as the main window sees it: the menus' entry points (Go ▸ New message,
// Search, Reply box; the failure notice's Show conversation), its saved state, the account's
// numbers, the sandbox's Simulate action and its unread count. Made by ChannelUi::makeTab.
class ChannelTab : public QWidget {
    Q_OBJECT
public:
    explicit ChannelTab(QString channelId, QWidget *parent = nullptr);

    // The Channel::id() whose messages it shows.
    QString channelId() const { return m_channelId; }

    // Keyboard entry points: each moves the focus into this tab (the window has made it
    // current already).
    virtual void newMessage() = 0;
    virtual void focusSearch() = 0;
    virtual void focusReply() = 0;
    // Shows the conversation with `contact` (a number or address as its messages store it).
    virtual void openConversation(const QString &contact) = 0;
    // A tel:/sms: link clicked elsewhere on the desktop: the compose form filled in for
    // `number` (and `body`), for the agent to check and send. Sends nothing by itself.
    virtual void composeTo(const QString &number, const QString &body);

    // Splitters, columns, the open conversation: kept across restarts under the channel's id.
    virtual void saveState(QSettings *settings) const;
    virtual void restoreState(QSettings *settings);

    // The account's numbers once Twilio has listed them (each with its capabilities): a tab
    // offers the ones its channel can send from.
    virtual void setAccountNumbers(const QList<TwilioIncomingNumber> &numbers);

    // Sandbox mode: asks the sandbox to deliver a customer's message on this channel. Only
    // called when its ChannelUi says canSimulateIncoming().
    virtual void simulateIncoming();

    // Inbound messages the agent has not opened yet; unreadCountChanged() when it changes.
    virtual int unreadCount() const;

Q_SIGNALS:
    void unreadCountChanged();
    // Something the agent should hear about even with the window in the background (an
    // incoming call): the window shows it as a desktop notification.
    void desktopNotice(const QString &title, const QString &text);

private:
    QString m_channelId;
};

} // namespace sb
