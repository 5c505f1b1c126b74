#include "MainWindow.h"

#include "api/LocalApi.h"

#include "ConnectionStatus.h"
#include "account/AccountTab.h"
#include "common/FailureNotice.h"
#include "common/PlaceholderTab.h"
#include "common/SchemeColors.h"
#include "common/UnreadMessages.h"
#include "db/Store.h"
#include "http/RestRequest.h"
#include "runtime/SwitchboardService.h"
#include "settings/SecretStore.h"
#include "settings/SettingsDialog.h"
#include "sms/SmsTab.h"

#include <QApplication>
#include <QCloseEvent>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QRandomGenerator>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>
#include <QStyle>
#include <QSystemTrayIcon>
#include <QTabBar>
#include <QTabWidget>
#include <QVBoxLayout>

namespace sb {

MainWindow::MainWindow(ConfigSource load, ChannelList channels, QSettings *settings,
                       SecretStore *secrets, QHash<QString, QString> storedSecrets, QWidget *parent)
    : QMainWindow(parent)
    , m_load(std::move(load))
    , m_channels(std::move(channels))
    , m_settings(settings)
    , m_secretStore(secrets)
    , m_secrets(std::move(storedSecrets))
    , m_tabs(new QTabWidget(this))
    , m_banner(new QLabel(this))
    , m_status(new ConnectionStatus(this))
    , m_notice(new FailureNotice(this))
    , m_unread(new UnreadMessages(settings, QStringLiteral("sms"), this)) {
    setWindowTitle(tr("Switchboard"));
    setObjectName(QStringLiteral("mainWindow"));
    m_tabs->setObjectName(QStringLiteral("tabs"));
    m_tabs->setAccessibleName(tr("Channels"));
    m_tabs->tabBar()->setAccessibleName(tr("Channels"));
    m_tabs->tabBar()->setAccessibleDescription(
        tr("Ctrl+Tab and Ctrl+Shift+Tab switch channels; Alt+1 to Alt+5 go to one."));
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
    connect(m_unread, &UnreadMessages::changed, this, &MainWindow::updateUnread);

    buildMenus();
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(
            QApplication::style()->standardIcon(QStyle::SP_MessageBoxInformation), this);
        m_tray->setToolTip(tr("Switchboard"));
        m_tray->show();
    }
    fitToScreen();
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

    QMenu *file = menuBar()->addMenu(tr("&File"));
    add(file, QStringLiteral("newMessage"), tr("&New message"),
        {QKeySequence(Qt::CTRL | Qt::Key_N)}, [this] {
            if (!m_sms)
                return;
            m_tabs->setCurrentWidget(m_sms);
            m_sms->newMessage();
        });
    file->addSeparator();
    add(file, QStringLiteral("settings"), tr("&Settings…"),
        standard(QKeySequence::Preferences, QKeySequence(Qt::CTRL | Qt::Key_Comma)),
        &MainWindow::openSettings);
    file->addSeparator();
    add(file, QStringLiteral("quit"), tr("&Quit"),
        standard(QKeySequence::Quit, QKeySequence(Qt::CTRL | Qt::Key_Q)), &QWidget::close);

    QMenu *go = menuBar()->addMenu(tr("&Go"));
    add(go, QStringLiteral("findMessages"), tr("&Search messages"),
        {QKeySequence(Qt::CTRL | Qt::Key_F)}, [this] {
            if (!m_sms)
                return;
            m_tabs->setCurrentWidget(m_sms);
            m_sms->focusSearch();
        });
    add(go, QStringLiteral("focusReply"), tr("&Reply box"), {QKeySequence(Qt::CTRL | Qt::Key_R)},
        [this] {
            if (!m_sms)
                return;
            m_tabs->setCurrentWidget(m_sms);
            m_sms->focusReply();
        });
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
    const QStringList names{tr("&Calls"), tr("S&MS"), tr("&WhatsApp"), tr("&Email"),
                            tr("&Account")};
    for (int i = 0; i < names.size(); ++i) {
        add(go, QStringLiteral("showTab%1").arg(i + 1), names[i],
            {QKeySequence(Qt::ALT | Qt::Key(Qt::Key_1 + i))}, [this, i] {
                if (i < m_tabs->count())
                    m_tabs->setCurrentIndex(i);
            });
    }

    QMenu *sandbox = menuBar()->addMenu(tr("Sa&ndbox"));
    m_simulate = add(sandbox, QStringLiteral("simulateIncomingSms"), tr("Simulate incoming &SMS"),
                     {QKeySequence(Qt::CTRL | Qt::Key_I)}, &MainWindow::simulateIncomingSms);
    m_simulate->setEnabled(false);
}

QAction *MainWindow::action(const QString &name) const {
    return findChild<QAction *>(name);
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

void MainWindow::changeEvent(QEvent *event) {
    if (event->type() == QEvent::PaletteChange && !m_applyingBanner)
        applyBannerColors();
    QMainWindow::changeEvent(event);
}

void MainWindow::updateUnread() {
    const int unread = m_unread->count();
    setWindowTitle(unread ? tr("Switchboard (%n unread)", nullptr, unread) : tr("Switchboard"));
    if (!m_sms)
        return;
    const int index = m_tabs->indexOf(m_sms);
    m_tabs->setTabText(index, unread ? tr("SMS (%1)").arg(unread) : tr("SMS"));
    m_tabs->setTabToolTip(index, unread ? tr("%n unread SMS", nullptr, unread) : QString());
}

void MainWindow::showFailed(const MessageRecord &failed) {
    if (!m_sms)
        return;
    m_tabs->setCurrentWidget(m_sms);
    m_sms->openConversation(failed.to);
    m_sms->focusReply();
}

MainWindow::~MainWindow() = default;

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
    if (m_sms)
        m_sms->saveState(m_settings);
    while (m_tabs->count() > 0) {
        QWidget *page = m_tabs->widget(0);
        m_tabs->removeTab(0);
        delete page;
    }
    m_sms = nullptr;
    m_account = nullptr;
    m_service.reset(); // the old one frees its port and commits what it had queued first
    m_service = std::make_unique<SwitchboardService>(*config, m_channels);
    m_notice->setStore(m_service->store());
    m_unread->setStore(m_service->store());
    connect(m_service.get(), &SwitchboardService::started, this, &MainWindow::onStarted);
    connect(m_service.get(), &SwitchboardService::failed, this, [this](const QString &reason) {
        statusBar()->showMessage(reason);
        Q_EMIT serviceFailed(reason);
    });
    // Both come from the store's change feed: what is announced is committed.
    connect(m_service->store(), &Store::webhooksCommitted, m_status,
            &ConnectionStatus::webhookArrived);
    connect(m_service->store(), &Store::messagesArrived, this, &MainWindow::notifyInbound);
    connect(m_service.get(), &SwitchboardService::simulationFailed, this,
            [this](const QString &reason) {
                statusBar()->showMessage(
                    tr("The sandbox could not simulate the SMS: %1").arg(reason), 10000);
            });
    statusBar()->showMessage(tr("Starting…"));
    m_service->start();
}

void MainWindow::buildTabs() {
    m_tabs->addTab(new PlaceholderTab(tr("Calls"),
                                      tr("Here you will call customers and take their calls, "
                                         "and see each call's progress as it happens."),
                                      tr("Calls are not available in Switchboard yet. When they "
                                         "are, they will use your Twilio account and a phone "
                                         "number that can take calls: add both in File ▸ "
                                         "Settings.")),
                   tr("Calls"));
    m_sms = new SmsTab(m_service->store(), m_service->outbox(), m_unread);
    m_sms->restoreState(m_settings);
    m_tabs->addTab(m_sms, tr("SMS"));
    m_tabs->addTab(new PlaceholderTab(tr("WhatsApp"),
                                      tr("Here you will chat with customers on WhatsApp, "
                                         "including the approved messages that can start a "
                                         "conversation after 24 hours of silence."),
                                      tr("WhatsApp is not available in Switchboard yet. When it "
                                         "is, add your WhatsApp sender number in File ▸ "
                                         "Settings.")),
                   tr("WhatsApp"));
    m_tabs->addTab(new PlaceholderTab(tr("Email"),
                                      tr("Here you will email customers and see whether each "
                                         "email was delivered, opened or bounced."),
                                      tr("Email is not available in Switchboard yet. When it is, "
                                         "add your SendGrid API key in File ▸ Settings.")),
                   tr("Email"));
    m_account = new AccountTab(m_service.get());
    m_tabs->addTab(m_account, tr("Account"));
    m_tabs->setCurrentWidget(m_sms);
    const Config &c = m_service->config();
    connect(m_account, &AccountTab::smsNumbersKnown, m_sms,
            [this, preferred = c.phoneNumber](const QStringList &numbers) {
                m_sms->setSenders(numbers, preferred);
            });
    connect(m_account, &AccountTab::accountNameKnown, m_status,
            [this](const QString &name) { m_status->setMode(m_service->isSandbox(), name); });
    m_sms->setSenders({}, c.phoneNumber);
    updateUnread();
}

void MainWindow::onStarted() {
    const Config &c = m_service->config();
    buildTabs();
    m_status->setMode(c.sandbox, QString());
    m_status->setServer(
        QStringLiteral("%1:%2").arg(c.bindAddress.toString()).arg(m_service->port()),
        m_service->publicUrl().toString(), !c.publicUrl.isEmpty());
    m_banner->setVisible(c.sandbox);
    m_banner->setText(tr("<b>Sandbox mode</b> — nothing is really sent: Switchboard is using its "
                         "built-in practice sandbox. <i>Sandbox ▸ Simulate incoming SMS</i> "
                         "(Ctrl+I) plays a customer; add your Twilio account in <i>File ▸ "
                         "Settings</i>."));
    m_simulate->setEnabled(c.sandbox);
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

void MainWindow::simulateIncomingSms() {
    static const QStringList customers{QStringLiteral("+14155550142"),
                                       QStringLiteral("+14155550177"),
                                       QStringLiteral("+447911123456")};
    static const QStringList texts{tr("Hi! Is my order on its way?"),
                                   tr("Can I change my delivery address?"),
                                   tr("Thanks, that solved it 👍")};
    const int pick = int(QRandomGenerator::global()->bounded(customers.size()));
    m_service->simulateInbound(QStringLiteral("sms"), customers[pick], texts[pick]);
}

void MainWindow::notifyInbound(const QList<MessageRecord> &messages) {
    if (isActiveWindow() || !m_tray || messages.isEmpty())
        return;
    const MessageRecord &last = messages.constLast();
    m_tray->showMessage(tr("SMS from %1").arg(last.from), last.body.left(200),
                        QSystemTrayIcon::Information, 8000);
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

void MainWindow::closeEvent(QCloseEvent *event) {
    m_settings->setValue(QStringLiteral("window/geometry"), saveGeometry());
    if (m_sms)
        m_sms->saveState(m_settings);
    QMainWindow::closeEvent(event);
}

} // namespace sb
