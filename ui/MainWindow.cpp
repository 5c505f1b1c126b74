#include "MainWindow.h"

#include "api/LocalApi.h"

#include "ChannelTab.h"
#include "ConnectionStatus.h"
#include "account/AccountTab.h"
#include "canned/CannedEditor.h"
#include "canned/CannedLibrary.h"
#include "common/FailureNotice.h"
#include "common/Icons.h"
#include "common/MessageActions.h"
#include "common/PlaceholderTab.h"
#include "common/SchemeColors.h"
#include "common/UnreadMessages.h"
#include "db/Store.h"
#include "desktop/ContactLink.h"
#include "desktop/TrayIcon.h"
#include "http/RestRequest.h"
#include "inbox/Inbox.h"
#include "inbox/InboxTab.h"
#include "inbox/ReplyRoute.h"
#include "inspector/WebhookInspectorTab.h"
#include "logs/LogDock.h"
#include "runtime/SwitchboardService.h"
#include "settings/SecretStore.h"
#include "settings/SettingsDialog.h"

#include <QApplication>
#include <QCloseEvent>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QScreen>
#include <QSettings>
#include <QSignalBlocker>
#include <QStatusBar>
#include <QStyle>
#include <QTabBar>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace sb {

namespace {

// The tab widgets' property naming their icon in resources/icons/channels (a channel's id).
constexpr char IconProperty[] = "switchboardIcon";

// `text` with an Alt+letter mnemonic on its first letter no other entry of its menu has taken.
QString withMnemonic(const QString &text, QSet<QChar> &taken) {
    QString escaped = text;
    escaped.replace(QLatin1Char('&'), QLatin1String("&&"));
    for (qsizetype i = 0; i < escaped.size(); ++i) {
        const QChar c = escaped[i].toLower();
        if (!c.isLetterOrNumber() || taken.contains(c))
            continue;
        taken.insert(c);
        return escaped.left(i) + QLatin1Char('&') + escaped.mid(i);
    }
    return escaped;
}

} // namespace

MainWindow::MainWindow(ConfigSource load, ChannelList channels, ChannelUiList channelUis,
                       QSettings *settings, SecretStore *secrets,
                       QHash<QString, QString> storedSecrets, QWidget *parent)
    : QMainWindow(parent)
    , m_load(std::move(load))
    , m_channels(std::move(channels))
    , m_settings(settings)
    , m_secretStore(secrets)
    , m_secrets(std::move(storedSecrets))
    , m_tabs(new QTabWidget(this))
    , m_banner(new QLabel(this))
    , m_status(new ConnectionStatus(this))
    , m_tray(new TrayIcon(this))
    , m_notice(new FailureNotice(this)) {
    setWindowTitle(tr("Switchboard"));
    setWindowIcon(Icons::application());
    setObjectName(QStringLiteral("mainWindow"));
    planTabs(channelUis);
    for (const PlannedTab &planned : std::as_const(m_plan)) {
        if (!planned.ui)
            continue;
        m_unread.insert(planned.id, new UnreadMessages(settings, planned.id, this));
    }
    m_tabs->setObjectName(QStringLiteral("tabs"));
    m_tabs->setAccessibleName(tr("Channels"));
    m_tabs->tabBar()->setAccessibleName(tr("Channels"));
    m_tabs->tabBar()->setAccessibleDescription(
        tr("Ctrl+Tab and Ctrl+Shift+Tab switch channels; Alt+1 to Alt+%1 go to one.")
            .arg(m_plan.size() + 1));
    m_banner->setObjectName(QStringLiteral("sandboxBanner"));
    m_banner->setWordWrap(true);
    m_banner->setAutoFillBackground(true);
    m_banner->setMargin(6);
    m_banner->hide();
    applyBannerColors();
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_banner);
    layout->addWidget(m_notice);
    layout->addWidget(m_tabs, 1);
    setCentralWidget(central);
    statusBar()->addPermanentWidget(m_status);
    connect(m_notice, &FailureNotice::showRequested, this, &MainWindow::showFailed);
    connect(m_tabs, &QTabWidget::currentChanged, this, &MainWindow::onCurrentTabChanged);

    buildMenus();
    connect(m_tray, &TrayIcon::showRequested, this, &MainWindow::bringForward);
    connect(m_tray, &TrayIcon::quitRequested, this, &MainWindow::quit);
    fitToScreen();
}

void MainWindow::planTabs(const ChannelUiList &channelUis) {
    for (const auto &ui : channelUis) {
        if (std::any_of(m_plan.cbegin(), m_plan.cend(),
                        [&ui](const PlannedTab &p) { return p.id == ui->id(); }))
            continue; // one tab per channel
        m_plan.append({ui->id(), ui->title(), ui->order(), ui, {}, {}});
    }
    // The channels still to come, told in the agent's words, until one with the id exists.
    const QList<PlannedTab> placeholders{
        {QStringLiteral("voice"), tr("Calls"), 10, nullptr,
         tr("Here you will call customers and take their calls, and see each call's progress "
            "as it happens."),
         tr("Calls are not available in Switchboard yet. When they are, they will use your "
            "Twilio account and a phone number that can take calls: add both in File ▸ "
            "Settings.")},
        {QStringLiteral("whatsapp"), tr("WhatsApp"), 30, nullptr,
         tr("Here you will chat with customers on WhatsApp, including the approved messages "
            "that can start a conversation after 24 hours of silence."),
         tr("WhatsApp is not available in Switchboard yet. When it is, add your WhatsApp sender "
            "number in File ▸ Settings.")},
        {QStringLiteral("email"), tr("Email"), 40, nullptr,
         tr("Here you will email customers and see whether each email was delivered, opened or "
            "bounced."),
         tr("Email is not available in Switchboard yet. When it is, add your SendGrid API key "
            "in File ▸ Settings.")},
    };
    for (const PlannedTab &placeholder : placeholders) {
        if (std::none_of(m_plan.cbegin(), m_plan.cend(),
                         [&](const PlannedTab &p) { return p.id == placeholder.id; }))
            m_plan.append(placeholder);
    }
    std::stable_sort(m_plan.begin(), m_plan.end(),
                     [](const PlannedTab &a, const PlannedTab &b) { return a.order < b.order; });
}

void MainWindow::buildMenus() {
    auto add = [this](QMenu *menu, const QString &name, const QString &text,
                      const QList<QKeySequence> &keys, auto slot) {
        QAction *action = menu->addAction(text);
        action->setObjectName(name);
        action->setShortcuts(keys);
        connect(action, &QAction::triggered, this, slot);
        return action;
    };
    // The platform's key where it has one, ours where it has none (Linux has no Preferences).
    auto standard = [](QKeySequence::StandardKey key, QKeySequence fallback) {
        const QList<QKeySequence> keys = QKeySequence::keyBindings(key);
        return keys.isEmpty() ? QList<QKeySequence>{fallback} : keys;
    };
    // The Go menu's entry points act on the current channel tab (see targetTab()).
    auto inTab = [this](void (ChannelTab::*entry)()) {
        return [this, entry] {
            ChannelTab *tab = targetTab();
            if (!tab)
                return;
            m_tabs->setCurrentWidget(tab);
            (tab->*entry)();
        };
    };

    QMenu *file = menuBar()->addMenu(tr("&File"));
    add(file, QStringLiteral("newMessage"), tr("&New message"),
        {QKeySequence(Qt::CTRL | Qt::Key_N)}, inTab(&ChannelTab::newMessage));
    file->addSeparator();
    add(file, QStringLiteral("settings"), tr("&Settings…"),
        standard(QKeySequence::Preferences, QKeySequence(Qt::CTRL | Qt::Key_Comma)),
        &MainWindow::openSettings);
    file->addSeparator();
    add(file, QStringLiteral("quit"), tr("&Quit"),
        standard(QKeySequence::Quit, QKeySequence(Qt::CTRL | Qt::Key_Q)), &MainWindow::quit);

    QMenu *go = menuBar()->addMenu(tr("&Go"));
    add(go, QStringLiteral("findMessages"), tr("&Search messages"),
        {QKeySequence(Qt::CTRL | Qt::Key_F)}, [this] { focusSearchOrReply(true); });
    add(go, QStringLiteral("focusReply"), tr("&Reply box"), {QKeySequence(Qt::CTRL | Qt::Key_R)},
        [this] { focusSearchOrReply(false); });
    go->addSeparator();
    // Window-wide, so they work wherever the focus is (a table or text box would otherwise
    // take Ctrl+Tab for itself).
    add(go, QStringLiteral("nextTab"), tr("&Next tab"),
        standard(QKeySequence::NextChild, QKeySequence(Qt::CTRL | Qt::Key_Tab)),
        [this] { switchTab(1); });
    QList<QKeySequence> previous =
        standard(QKeySequence::PreviousChild, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Tab));
    // Shift+Tab arrives as Backtab: accept both spellings.
    for (const QKeySequence &extra : {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Backtab),
                                      QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Tab)}) {
        if (!previous.contains(extra))
            previous.append(extra);
    }
    add(go, QStringLiteral("previousTab"), tr("&Previous tab"), previous,
        [this] { switchTab(-1); });
    go->addSeparator();
    // One entry per tab, in tab order, each with a letter of its own (the entries above took
    // s, r, n and p).
    QSet<QChar> taken{QLatin1Char('s'), QLatin1Char('r'), QLatin1Char('n'), QLatin1Char('p')};
    QStringList titles{tr("Inbox")};
    for (const PlannedTab &planned : std::as_const(m_plan))
        titles << planned.title;
    titles << tr("Account") << tr("Webhooks");
    for (int i = 0; i < titles.size(); ++i) {
        QList<QKeySequence> keys;
        if (i < 9)
            keys << QKeySequence(Qt::ALT | Qt::Key(Qt::Key_1 + i));
        add(go, QStringLiteral("showTab%1").arg(i + 1), withMnemonic(titles[i], taken), keys,
            [this, i] {
                if (i < m_tabs->count())
                    m_tabs->setCurrentIndex(i);
            });
    }

    // View ▸ Log: the log dock, hidden until asked for. No mnemonic, for the same reason as
    // Tools below.
    QMenu *view = menuBar()->addMenu(tr("View"));
    view->setObjectName(QStringLiteral("viewMenu"));
    m_logDock = new LogDock(this);
    addDockWidget(Qt::BottomDockWidgetArea, m_logDock);
    m_logDock->hide();
    QAction *showLog = m_logDock->toggleViewAction();
    showLog->setObjectName(QStringLiteral("showLog"));
    showLog->setText(tr("&Log"));
    view->addAction(showLog);

    // No mnemonic: every letter of "Tools" is already an Alt+key of a form in some tab.
    QMenu *tools = menuBar()->addMenu(tr("Tools"));
    tools->setObjectName(QStringLiteral("toolsMenu"));
    add(tools, QStringLiteral("cannedResponses"), tr("&Canned responses…"), {},
        &MainWindow::openCannedResponses);

    // One Simulate per channel that can play a customer; Ctrl+I is the current tab's.
    QMenu *sandbox = menuBar()->addMenu(tr("Sa&ndbox"));
    QSet<QChar> sandboxTaken;
    for (const PlannedTab &planned : std::as_const(m_plan)) {
        if (!planned.ui || !planned.ui->canSimulateIncoming())
            continue;
        QAction *simulate =
            add(sandbox, simulateActionName(planned.id),
                tr("Simulate incoming %1").arg(withMnemonic(planned.title, sandboxTaken)), {},
                [this, id = planned.id] { simulateIncoming(id); });
        simulate->setData(planned.id);
        simulate->setEnabled(false);
        m_simulate.append(simulate);
    }
    if (!m_simulate.isEmpty()) {
        // The sandbox's sample picture rides along with the simulated messages (inbound media).
        sandbox->addSeparator();
        QAction *picture = sandbox->addAction(tr("…with a &picture"));
        picture->setObjectName(QStringLiteral("simulateWithPicture"));
        picture->setCheckable(true);
        connect(picture, &QAction::toggled, this, [this](bool on) {
            if (m_service)
                m_service->setSimulatedMedia(on ? QStringList{QStringLiteral("photo")}
                                                : QStringList());
        });
    }
    onCurrentTabChanged();
}

QString MainWindow::simulateActionName(const QString &channel) const {
    // "simulateIncomingSms" for "sms".
    return QStringLiteral("simulateIncoming") + channel.left(1).toUpper() + channel.mid(1);
}

QAction *MainWindow::action(const QString &name) const {
    return findChild<QAction *>(name);
}

ChannelTab *MainWindow::channelTab(const QString &channel) const {
    for (ChannelTab *tab : m_channelTabs) {
        if (tab->channelId() == channel)
            return tab;
    }
    return nullptr;
}

void MainWindow::focusSearchOrReply(bool search) {
    // On the Inbox, search and the reply box are the Inbox's own.
    if (m_inbox && m_tabs->currentWidget() == m_inbox) {
        search ? m_inbox->focusSearch() : m_inbox->focusReply();
        return;
    }
    ChannelTab *tab = targetTab();
    if (!tab)
        return;
    m_tabs->setCurrentWidget(tab);
    search ? tab->focusSearch() : tab->focusReply();
}

ChannelTab *MainWindow::targetTab() const {
    if (auto *current = qobject_cast<ChannelTab *>(m_tabs->currentWidget()))
        return current;
    if (ChannelTab *last = channelTab(m_lastChannel))
        return last;
    return m_channelTabs.value(0);
}

void MainWindow::onCurrentTabChanged() {
    if (auto *current = qobject_cast<ChannelTab *>(m_tabs->currentWidget()))
        m_lastChannel = current->channelId();
    // Ctrl+I simulates on the channel the Go menu acts on, or the first that can.
    const ChannelTab *target = targetTab();
    const QString channel = target ? target->channelId() : m_lastChannel;
    QAction *withKey = m_simulate.value(0);
    for (QAction *simulate : std::as_const(m_simulate)) {
        if (simulate->data().toString() == channel)
            withKey = simulate;
    }
    for (QAction *simulate : std::as_const(m_simulate))
        simulate->setShortcut(simulate == withKey ? QKeySequence(Qt::CTRL | Qt::Key_I)
                                                  : QKeySequence());
}

QString MainWindow::titleOf(const QString &channel) const {
    for (const PlannedTab &planned : m_plan) {
        if (planned.id == channel)
            return planned.title;
    }
    for (const auto &c : m_channels) {
        if (c->id() == channel)
            return c->displayName();
    }
    return channel;
}

void MainWindow::switchTab(int delta) {
    if (m_tabs->count() == 0)
        return;
    m_tabs->setCurrentIndex((m_tabs->currentIndex() + delta + m_tabs->count()) % m_tabs->count());
}

void MainWindow::fitToScreen() {
    // The first window fits the screen's free area (on a 1024x600 netbook or at 2x scaling a
    // fixed 1200x760 would open larger than the screen); a saved geometry is kept inside it.
    const QScreen *screen = this->screen() ? this->screen() : QGuiApplication::primaryScreen();
    const QRect available = screen ? screen->availableGeometry() : QRect(0, 0, 1200, 760);
    const QSize room = available.size() - QSize(16, 48); // the window manager's frame
    const QSize size = QSize(1200, 760).boundedTo(room);
    resize(size);
    move(available.center() - QPoint(size.width() / 2, size.height() / 2 + 16));
    if (restoreGeometry(m_settings->value(QStringLiteral("window/geometry")).toByteArray())) {
        if (width() > room.width() || height() > room.height())
            resize(this->size().boundedTo(room));
    }
}

void MainWindow::applyBannerColors() {
    m_applyingBanner = true;
    const SchemeColors::Pair colors = SchemeColors::banner(palette(), Tone::Warning);
    QPalette banner = m_banner->palette();
    banner.setColor(QPalette::Window, colors.background);
    banner.setColor(QPalette::WindowText, colors.text);
    m_banner->setPalette(banner);
    m_applyingBanner = false;
}

void MainWindow::applyTabIcons() {
    // Drawn in the text colour, so they follow a light or dark palette.
    const QColor ink = palette().color(QPalette::WindowText);
    for (int i = 0; i < m_tabs->count(); ++i) {
        const QString name = m_tabs->widget(i)->property(IconProperty).toString();
        if (!name.isEmpty())
            m_tabs->setTabIcon(i, Icons::channel(name, ink));
    }
}

void MainWindow::changeEvent(QEvent *event) {
    if (event->type() == QEvent::PaletteChange && !m_applyingBanner) {
        applyBannerColors();
        applyTabIcons();
    }
    QMainWindow::changeEvent(event);
}

int MainWindow::unreadCount() const {
    int unread = 0;
    for (const ChannelTab *tab : m_channelTabs)
        unread += tab->unreadCount();
    return unread;
}

void MainWindow::updateUnread() {
    if (m_inbox) {
        const int unread = m_inbox->unreadCount();
        const int index = m_tabs->indexOf(m_inbox);
        m_tabs->setTabText(index,
                           unread ? tr("%1 (%2)").arg(tr("Inbox")).arg(unread) : tr("Inbox"));
        m_tabs->setTabToolTip(index, unread ? tr("%1: %n unread", nullptr, unread).arg(tr("Inbox"))
                                            : QString());
    }
    const int total = unreadCount();
    // On a team's shared database, whose desk this is: side by side, windows look alike.
    const QString agent =
        m_service && m_service->config().sharedDatabase ? m_service->config().agentName : QString();
    const QString title = agent.isEmpty() ? tr("Switchboard") : tr("Switchboard — %1").arg(agent);
    setWindowTitle(total ? tr("%1 (%n unread)", nullptr, total).arg(title) : title);
    m_tray->setUnread(total);
    for (ChannelTab *tab : std::as_const(m_channelTabs)) {
        const int index = m_tabs->indexOf(tab);
        const int unread = tab->unreadCount();
        const QString title = titleOf(tab->channelId());
        m_tabs->setTabText(index, unread ? tr("%1 (%2)").arg(title).arg(unread) : title);
        m_tabs->setTabToolTip(index,
                              unread ? tr("%1: %n unread", nullptr, unread).arg(title) : QString());
    }
}

void MainWindow::showFailed(const MessageRecord &failed) {
    ChannelTab *tab = channelTab(failed.channel);
    if (!tab)
        return;
    m_tabs->setCurrentWidget(tab);
    tab->openConversation(MessageActions::customer(failed));
    tab->focusReply();
}

MainWindow::~MainWindow() {
    // The tabs go while the service they work on is still there: QWidget's own destructor
    // would delete them after the members, the store among them (and a tab that is hidden
    // then tells the store, e.g. that its agent left a conversation).
    removeTabs();
}

void MainWindow::removeTabs() {
    for (ChannelTab *tab : std::as_const(m_channelTabs))
        tab->saveState(m_settings);
    m_channelTabs.clear();
    m_account = nullptr;
    m_webhooks = nullptr;
    m_inbox = nullptr;
    // Which channel was shown stays what it was before the restart.
    const QSignalBlocker quiet(m_tabs);
    while (m_tabs->count() > 0) {
        QWidget *page = m_tabs->widget(0);
        m_tabs->removeTab(0);
        delete page;
    }
}

void MainWindow::start() {
    QString error;
    QHash<QString, QString> stored = SettingsDialog::storedValues(*m_settings);
    for (auto it = m_secrets.cbegin(); it != m_secrets.cend(); ++it)
        stored.insert(it.key(), it.value());
    const std::optional<Config> config = m_load(stored, &error);
    if (!config) {
        statusBar()->showMessage(tr("Configuration error: %1").arg(error));
        Q_EMIT serviceFailed(error);
        QMetaObject::invokeMethod(this, &MainWindow::openSettings, Qt::QueuedConnection);
        return;
    }
    removeTabs();
    delete findChild<CannedEditor *>(); // both on the old store: made again once the new one
    delete m_canned;                    // is open
    m_canned = nullptr;
    m_service.reset(); // the old one frees its port and commits what it had queued first
    m_service = std::make_unique<SwitchboardService>(*config, m_channels);
    if (const QAction *picture = action(QStringLiteral("simulateWithPicture"));
        picture && picture->isChecked())
        m_service->setSimulatedMedia({QStringLiteral("photo")});
    if (m_clock)
        m_service->setClock(m_clock);
    m_notice->setStore(m_service->store());
    m_notice->setStatuses(ChannelStatuses(m_channels));
    m_notice->setChannels(m_unread.keys());
    for (UnreadMessages *unread : std::as_const(m_unread))
        unread->setStore(m_service->store());
    connect(m_service.get(), &SwitchboardService::started, this, &MainWindow::onStarted);
    connect(m_service.get(), &SwitchboardService::failed, this, [this](const QString &reason) {
        statusBar()->showMessage(reason);
        Q_EMIT serviceFailed(reason);
    });
    // Both come from the store's change feed: what is announced is committed.
    connect(m_service->store(), &Store::webhooksCommitted, m_status,
            &ConnectionStatus::webhookArrived);
    connect(m_service->store(), &Store::messagesArrived, this, &MainWindow::notifyInbound);
    connect(m_service->store(), &Store::connectionChanged, m_status,
            &ConnectionStatus::setDatabase);
    connect(m_service.get(), &SwitchboardService::polled, m_status,
            [status = m_status](const QDateTime &at, int, int, int, int nextMs) {
                status->polled(at, nextMs);
            });
    connect(m_service.get(), &SwitchboardService::simulationFailed, this,
            [this](const QString &reason) {
                statusBar()->showMessage(tr("The sandbox could not simulate the incoming %1 "
                                            "message: %2")
                                             .arg(titleOf(m_simulating), reason),
                                         10000);
            });
    statusBar()->showMessage(tr("Starting…"));
    m_service->start();
}

void MainWindow::buildTabs() {
    const ChannelStatuses statuses(m_channels);
    const QString shown = m_lastChannel;
    buildInbox(statuses);
    for (const PlannedTab &planned : std::as_const(m_plan)) {
        if (!planned.ui) {
            auto *placeholder = new PlaceholderTab(planned.title, planned.willHold, planned.needs);
            placeholder->setProperty(IconProperty, planned.id);
            m_tabs->addTab(placeholder, planned.title);
            continue;
        }
        ConsoleContext context;
        context.service = m_service.get();
        context.store = m_service->store();
        context.outbox = m_service->outbox();
        context.settings = m_settings;
        context.unread = m_unread.value(planned.id);
        context.statuses = statuses;
        for (const auto &channel : m_channels) {
            if (channel->id() == planned.id)
                context.channel = channel;
        }
        ChannelTab *tab = planned.ui->makeTab(context, nullptr);
        tab->restoreState(m_settings);
        tab->setProperty(IconProperty, planned.id);
        m_tabs->addTab(tab, planned.title);
        m_channelTabs.append(tab);
        connect(tab, &ChannelTab::unreadCountChanged, this, &MainWindow::updateUnread);
        connect(tab, &ChannelTab::desktopNotice, this, &MainWindow::notify);
    }
    m_account = new AccountTab(m_service.get());
    m_tabs->addTab(m_account, tr("Account"));
    // The webhook inspector's view: not a channel, after Account so channel tabs keep their keys.
    m_webhooks = new WebhookInspectorTab(m_service.get());
    m_tabs->addTab(m_webhooks, tr("Webhooks"));
    // The channel the agent was on before a restart, or the first.
    if (ChannelTab *tab = channelTab(shown) ? channelTab(shown) : m_channelTabs.value(0))
        m_tabs->setCurrentWidget(tab);
    connect(m_account, &AccountTab::numbersKnown, this,
            [this](const QList<TwilioIncomingNumber> &numbers) {
                for (ChannelTab *tab : std::as_const(m_channelTabs))
                    tab->setAccountNumbers(numbers);
            });
    connect(m_account, &AccountTab::accountNameKnown, m_status,
            [this](const QString &name) { m_status->setMode(m_service->isSandbox(), name); });
    onCurrentTabChanged();
    updateUnread();
    applyTabIcons();
    for (const QString &link : std::exchange(m_pendingLinks, {}))
        openLink(ContactLink::parse(link));
}

void MainWindow::buildInbox(const ChannelStatuses &statuses) {
    // Each channel that can take a reply from the inbox lends its route, in tab order.
    QList<ReplyRoute *> routes;
    for (const PlannedTab &planned : std::as_const(m_plan)) {
        if (!planned.ui)
            continue;
        ConsoleContext context;
        context.service = m_service.get();
        context.store = m_service->store();
        context.outbox = m_service->outbox();
        context.settings = m_settings;
        context.statuses = statuses;
        for (const auto &channel : m_channels) {
            if (channel->id() == planned.id)
                context.channel = channel;
        }
        if (!context.channel)
            continue; // not served: nothing to send with
        if (ReplyRoute *route = planned.ui->makeReplyRoute(context, nullptr))
            routes << route;
    }
    InboxContext context;
    context.inbox = new Inbox(m_service->store(), m_channels);
    context.store = m_service->store();
    context.statuses = statuses;
    context.routes = routes;
    context.settings = m_settings;
    context.shares = m_service->mediaShares();
    context.agent = m_service->config().agentName;
    m_inbox = new InboxTab(context);
    // The tab owns the engine and the routes: both go with it when the service is rebuilt.
    context.inbox->setParent(m_inbox);
    for (ReplyRoute *route : std::as_const(routes))
        route->setParent(m_inbox);
    m_inbox->setProperty(IconProperty, QStringLiteral("inbox"));
    m_tabs->addTab(m_inbox, tr("Inbox"));
    connect(m_inbox, &InboxTab::unreadCountChanged, this, &MainWindow::updateUnread);
    // Read in the inbox is read in the channels' tabs too.
    connect(m_inbox, &InboxTab::conversationRead, this, [this](const QStringList &addresses) {
        m_readFromInbox = true; // not echoed back to the inbox below
        for (UnreadMessages *unread : std::as_const(m_unread)) {
            for (const QString &address : addresses)
                unread->markContactRead(address);
        }
        m_readFromInbox = false;
    });
    // And read in a channel's tab is read in the inbox.
    for (UnreadMessages *unread : std::as_const(m_unread)) {
        connect(unread, &UnreadMessages::contactRead, m_inbox, [this](const QString &contact) {
            if (!m_readFromInbox)
                m_inbox->markAddressRead(contact);
        });
    }
}

void MainWindow::onStarted() {
    const Config &c = m_service->config();
    m_canned = new CannedLibrary(m_service->store(), m_settings, this);
    m_canned->setAgentName(m_service->config().agentName);
    buildTabs();
    m_status->setMode(c.sandbox, QString());
    m_status->setPolling(m_service->receiveMode().polling(), m_service->receiveMode().reason);
    m_status->setTeamConsole(!c.bindsPort());
    m_status->setServer(
        c.bindsPort() ? QStringLiteral("%1:%2").arg(c.bindAddress.toString()).arg(m_service->port())
                      : QString(),
        m_service->publicUrl().toString(), !c.publicUrl.isEmpty());
    m_banner->setVisible(c.sandbox);
    QStringList simulated;
    for (const QAction *simulate : std::as_const(m_simulate))
        simulated << titleOf(simulate->data().toString());
    m_banner->setText(
        simulated.isEmpty()
            ? tr("<b>Sandbox mode</b> — nothing is really sent: Switchboard is using its "
                 "built-in practice sandbox. Add your Twilio account in <i>File ▸ Settings</i>.")
            : tr("<b>Sandbox mode</b> — nothing is really sent: Switchboard is using its "
                 "built-in practice sandbox. <i>Sandbox ▸ Simulate incoming %1</i> (Ctrl+I) "
                 "plays a customer; add your Twilio account in <i>File ▸ Settings</i>.")
                  .arg(simulated.join(tr(" or "))));
    for (QAction *simulate : std::as_const(m_simulate))
        simulate->setEnabled(c.sandbox);
    statusBar()->showMessage(tr("Ready"), 3000);
    m_account->refresh();
    if (!c.sandbox && !c.publicUrl.isEmpty())
        checkPublicUrl();
    Q_EMIT serviceStarted();
}

void MainWindow::checkPublicUrl() {
    // Ask our own health endpoint through the public URL: a tunnel that is down shows here.
    auto *nam = new QNetworkAccessManager(this);
    RestRequest(nam, m_service->publicUrl())
        .path(LocalApi::path(QStringLiteral("health")))
        .timeout(std::chrono::seconds(10))
        .get(this, [this, nam](const RestResponse &r) {
            m_status->setPublicUrlReachable(r.status == 200);
            nam->deleteLater();
        });
}

void MainWindow::simulateIncoming(const QString &channel) {
    ChannelTab *tab = channelTab(channel);
    if (!tab || !m_service || !m_service->isSandbox())
        return;
    m_simulating = channel;
    tab->simulateIncoming();
}

void MainWindow::notifyInbound(const QList<MessageRecord> &messages) {
    if (isActiveWindow() || messages.isEmpty())
        return;
    const MessageRecord &last = messages.constLast();
    m_tray->showMessage(tr("%1 from %2").arg(titleOf(last.channel), last.from), last.body.left(200),
                        Icons::channel(last.channel, palette().color(QPalette::WindowText)));
}

void MainWindow::notify(const QString &title, const QString &text) {
    // Like an inbound message: through the tray, while the window is not the one in use.
    if (isActiveWindow())
        return;
    m_tray->showMessage(title, text);
}

void MainWindow::openSettings() {
    auto *dialog = new SettingsDialog(m_settings, m_secretStore, m_secrets, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SettingsDialog::saved, this, [this](const QHash<QString, QString> &secrets) {
        m_secrets = secrets;
        start(); // reconnect with the new settings
    });
    dialog->open();
}

void MainWindow::openCannedResponses() {
    if (!m_canned) {
        statusBar()->showMessage(tr("Canned responses open once Switchboard has started."), 5000);
        return;
    }
    if (auto *open = findChild<CannedEditor *>()) {
        open->raise();
        open->activateWindow();
        return;
    }
    auto *editor = new CannedEditor(m_canned->responses(), this);
    editor->setAttribute(Qt::WA_DeleteOnClose);
    editor->show();
}

void MainWindow::bringForward() {
    if (isMinimized())
        setWindowState(windowState() & ~Qt::WindowMinimized);
    show();
    raise();
    activateWindow();
}

void MainWindow::quit() {
    m_quitting = true;
    close();
}

void MainWindow::handleArguments(const QStringList &arguments) {
    bringForward();
    for (const QString &argument : arguments) {
        if (!ContactLink::isLink(argument))
            continue;
        if (m_channelTabs.isEmpty())
            m_pendingLinks << argument; // opened once the service has started
        else
            openLink(ContactLink::parse(argument));
    }
}

bool MainWindow::openLink(const ContactLink &link) {
    if (!link.isValid()) {
        statusBar()->showMessage(link.error, 10000);
        return false;
    }
    ChannelTab *tab = channelTab(link.channel);
    if (!tab) {
        statusBar()->showMessage(
            tr("%1 links open in the %2 tab, which this console does not have.")
                .arg(link.channel == QLatin1String("voice") ? QStringLiteral("tel:")
                                                            : QStringLiteral("sms:"),
                     titleOf(link.channel)),
            10000);
        return false;
    }
    m_tabs->setCurrentWidget(tab);
    tab->composeTo(link.number, link.body);
    return true;
}

void MainWindow::closeEvent(QCloseEvent *event) {
    // With "keep running in the tray", closing the window only hides it: messages and calls
    // keep arriving and the tray counts them. Quit really quits.
    if (!m_quitting && m_tray->isUsable() &&
        m_settings->value(TrayIcon::CloseToTrayKey, false).toBool()) {
        event->ignore();
        hide();
        if (!m_toldAboutTray) {
            m_toldAboutTray = true;
            m_tray->showMessage(tr("Switchboard keeps running"),
                                tr("It still receives messages and calls. Quit it from the "
                                   "tray's menu or with File ▸ Quit."));
        }
        return;
    }
    // Numbers wired "only while Switchboard runs" go back first; a stuck request does not keep
    // the window open (the next start restores what is left).
    if (!m_wiringsRestored && m_account && m_account->hasTemporaryWirings()) {
        event->ignore();
        m_wiringsRestored = true;
        statusBar()->showMessage(tr("Restoring the numbers wired to this console…"));
        m_account->restoreTemporaryWirings([this] { close(); });
        QTimer::singleShot(RestoreBeforeExitMs, this, &QWidget::close);
        return;
    }
    m_settings->setValue(QStringLiteral("window/geometry"), saveGeometry());
    for (ChannelTab *tab : std::as_const(m_channelTabs))
        tab->saveState(m_settings);
    QMainWindow::closeEvent(event);
}

} // namespace sb
