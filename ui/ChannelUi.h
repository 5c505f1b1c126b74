#pragma once

#include "common/ChannelStatuses.h"
#include "runtime/Channel.h"

#include <QList>
#include <QString>

#include <memory>

class QSettings;
class QObject;
class QWidget;

namespace sb {

class ChannelTab;
class ReplyRoute;
class Outbox;
class Store;
class SwitchboardService;
class UnreadMessages;

// What a channel's tab is built on, handed to ChannelUi::makeTab each time the service starts
// (the tabs are rebuilt with it when the settings change). Everything is owned by the window
// and outlives the tab.
struct ConsoleContext {
    SwitchboardService *service = nullptr; // config(), isSandbox(), simulateInbound()
    Store *store = nullptr;
    Outbox *outbox = nullptr; // lives on the network thread: reach it with invokeMethod
    QSettings *settings = nullptr;
    UnreadMessages *unread = nullptr;       // this channel's unread inbound messages (may be null)
    ChannelStatuses statuses;               // every served channel's status model, by channel id
    std::shared_ptr<const Channel> channel; // this channel's core side (null when not served)
};

// A channel's part of the console, in channels/<folder>/ui/: which channel it shows, where its
// tab goes and how to make it. The main window knows channels' tabs only through this and
// ChannelTab. Registered by its folder's one line in channels/CMakeLists.txt, which makes
// builtInChannelUis() (BuiltInChannelUis.h).
class ChannelUi {
public:
    virtual ~ChannelUi() = default;

    // The Channel::id() whose messages the tab shows ("sms").
    virtual QString id() const = 0;
    // The tab's title, also used in the Go and Sandbox menus ("SMS").
    virtual QString title() const = 0;
    // Where the tab goes, smallest first (ties keep the registry's order); the placeholders
    // use the same scale: Calls 10, SMS 20, WhatsApp 30, Email 40. Account is always last.
    virtual int order() const = 0;
    // Whether the tab can play a customer in sandbox mode (ChannelTab::simulateIncoming): the
    // Sandbox menu offers "Simulate incoming <title>" for it.
    virtual bool canSimulateIncoming() const { return false; }

    virtual ChannelTab *makeTab(const ConsoleContext &context, QWidget *parent) const = 0;

    // How the Inbox's reply box sends on this channel (owned by `parent`), or null when the
    // inbox cannot reply on it.
    virtual ReplyRoute *makeReplyRoute(const ConsoleContext &context, QObject *parent) const {
        (void)context;
        (void)parent;
        return nullptr;
    }
};

// Immutable descriptions, shared by every window.
using ChannelUiList = QList<std::shared_ptr<const ChannelUi>>;

} // namespace sb
