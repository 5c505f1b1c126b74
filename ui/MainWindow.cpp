#include "MainWindow.h"

#include "ConnectionStatus.h"
#include "account/AccountTab.h"
#include "common/PlaceholderTab.h"
#include "http/RestRequest.h"
#include "service/SwitchboardService.h"
#include "settings/SecretStore.h"
#include "settings/SettingsDialog.h"
#include "sms/SmsTab.h"
#include "store/Store.h"
#include "webhooks/TwilioWebhooks.h"

#include <QApplication>
#include <QCloseEvent>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QRandomGenerator>
#include <QSettings>
#include <QStatusBar>
#include <QStyle>
#include <QSystemTrayIcon>
#include <QTabWidget>
#include <QVBoxLayout>

namespace sb {

MainWindow::MainWindow(ConfigSource load, QSettings *settings, SecretStore *secrets,
                       QHash<QString, QString> storedSecrets, QWidget *parent)
    : QMainWindow(parent)
    , m_load(std::move(load))
    , m_settings(settings)
    , m_secretStore(secrets)
    , m_secrets(std::move(storedSecrets))
    , m_tabs(new QTabWidget(this))
    , m_banner(new QLabel(this))
    , m_status(new ConnectionStatus(this)) {
    setWindowTitle(tr("Switchboard"));
    setObjectName(QStringLiteral("mainWindow"));
    m_tabs->setObjectName(QStringLiteral("tabs"));
    m_banner->setObjectName(QStringLiteral("sandboxBanner"));
    m_banner->setWordWrap(true);
    m_banner->setStyleSheet(QStringLiteral(
        "background:#fff3e0; color:#e65100; padding:6px; border-bottom:1px solid #ffcc80;"));
    m_banner->hide();
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_banner);
    layout->addWidget(m_tabs, 1);
    setCentralWidget(central);
    statusBar()->addPermanentWidget(m_status);

    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Settings…"), QKeySequence::Preferences, this, &MainWindow::openSettings);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
    QMenu *sandbox = menuBar()->addMenu(tr("Sa&ndbox"));
    m_simulate =
        sandbox->addAction(tr("Simulate incoming &SMS"), QKeySequence(Qt::CTRL | Qt::Key_I), this,
                           &MainWindow::simulateIncomingSms);
    m_simulate->setObjectName(QStringLiteral("simulateIncomingSms"));
    m_simulate->setEnabled(false);

    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(
            QApplication::style()->standardIcon(QStyle::SP_MessageBoxInformation), this);
        m_tray->setToolTip(tr("Switchboard"));
        m_tray->show();
    }
    resize(1200, 760);
    restoreGeometry(m_settings->value(QStringLiteral("window/geometry")).toByteArray());
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
        m_settings->setValue(QStringLiteral("sms/header"), m_sms->saveState());
    while (m_tabs->count() > 0) {
        QWidget *page = m_tabs->widget(0);
        m_tabs->removeTab(0);
        delete page;
    }
    m_sms = nullptr;
    m_account = nullptr;
    m_service.reset(); // the old one frees its port and commits what it had queued first
    m_service = std::make_unique<SwitchboardService>(*config);
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
    m_tabs->addTab(
        new PlaceholderTab(
            tr("Calls"),
            tr("Place and receive calls, watch each call's status live, and build IVR menus."),
            tr("Twilio credentials and a voice-capable number; arrives with the calls issue.")),
        tr("Calls"));
    m_sms = new SmsTab(m_service->store(), m_service->outbox());
    m_sms->restoreState(m_settings->value(QStringLiteral("sms/header")).toByteArray());
    m_tabs->addTab(m_sms, tr("SMS"));
    m_tabs->addTab(
        new PlaceholderTab(
            tr("WhatsApp"),
            tr("WhatsApp conversations, the 24-hour window and approved templates."),
            tr("TWILIO_WHATSAPP_NUMBER (a WhatsApp-enabled sender) and the WhatsApp issue.")),
        tr("WhatsApp"));
    m_tabs->addTab(new PlaceholderTab(
                       tr("Email"),
                       tr("Send email through SendGrid and follow delivery, opens and bounces."),
                       tr("SENDGRID_API_KEY and the email issue.")),
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
}

void MainWindow::onStarted() {
    const Config &c = m_service->config();
    buildTabs();
    m_status->setMode(c.sandbox, QString());
    m_status->setServer(
        QStringLiteral("%1:%2").arg(c.bindAddress.toString()).arg(m_service->port()),
        m_service->publicUrl().toString(), !c.publicUrl.isEmpty());
    m_banner->setVisible(c.sandbox);
    m_banner->setText(
        tr("<b>Sandbox mode</b> — no Twilio account is configured, so Switchboard runs against its "
           "built-in offline sandbox: nothing is really sent. Try <i>Sandbox ▸ Simulate incoming "
           "SMS</i>, "
           "or add your credentials in <i>File ▸ Settings</i>."));
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
        .path(QStringLiteral("/api/v1/twilio/health"))
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
    m_service->simulateInboundSms(customers[pick], texts[pick]);
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
        m_settings->setValue(QStringLiteral("sms/header"), m_sms->saveState());
    QMainWindow::closeEvent(event);
}

} // namespace sb
