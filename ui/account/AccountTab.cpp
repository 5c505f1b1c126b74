#include "AccountTab.h"

#include "account/NumberWiring.h"
#include "account/PublicReach.h"
#include "account/TrialAccount.h"
#include "common/Receiver.h"
#include "common/SchemeColors.h"
#include "db/Store.h"
#include "providers/twilio/MessagingServicesClient.h"
#include "providers/twilio/TwilioClient.h"
#include "runtime/SwitchboardService.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace sb {

namespace {

enum Column {
    NumberColumn,
    NameColumn,
    CapabilitiesColumn,
    SmsUrlColumn,
    VoiceUrlColumn,
    StatusCallbackColumn,
    WiredColumn,
    ColumnCount
};

enum ServiceColumn {
    ServiceNameColumn,
    ServiceSidColumn,
    ServiceNumbersColumn,
    ServiceInboundColumn,
    ServiceStatusCallbackColumn,
    ServiceColumnCount
};

constexpr int MaxServiceColumnWidth = 280;

QString shownUrl(const QString &url) {
    // A webhook URL may carry Basic credentials: never on screen.
    return url.isEmpty() ? AccountTab::tr("(none)")
                         : QUrl(url).toDisplayString(QUrl::RemovePassword);
}

} // namespace

AccountTab::AccountTab(SwitchboardService *service, QWidget *parent)
    : QWidget(parent)
    , m_service(service)
    , m_summary(new QLabel(this))
    , m_trial(new QLabel(this))
    , m_balance(new QLabel(this))
    , m_reach(new QLabel(this))
    , m_outcome(new QLabel(this))
    , m_numbers(new QTableWidget(0, ColumnCount, this))
    , m_services(new QTableWidget(0, ServiceColumnCount, this))
    , m_servicesNote(new QLabel(this))
    , m_wire(new QPushButton(tr("&Wire to this console"), this))
    , m_restore(new QPushButton(tr("R&estore previous URLs"), this))
    , m_onlyWhileRunning(new QCheckBox(tr("&Only while Switchboard runs"), this)) {
    m_summary->setObjectName(QStringLiteral("accountSummary"));
    m_summary->setTextFormat(Qt::RichText);
    m_trial->setObjectName(QStringLiteral("accountTrial"));
    m_trial->setWordWrap(true);
    m_trial->hide();
    m_balance->setObjectName(QStringLiteral("accountBalance"));
    m_reach->setObjectName(QStringLiteral("accountReach"));
    m_reach->setWordWrap(true);
    m_reach->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_outcome->setObjectName(QStringLiteral("accountWiringOutcome"));
    m_outcome->setWordWrap(true);
    m_outcome->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_outcome->setAccessibleName(tr("Wiring result"));
    m_reach->setAccessibleName(tr("Where wiring points"));
    m_trial->setAccessibleName(tr("Trial account limits"));
    m_balance->setAccessibleName(tr("Balance"));
    m_numbers->setObjectName(QStringLiteral("accountNumbers"));
    m_numbers->setHorizontalHeaderLabels({tr("Number"), tr("Name"), tr("Capabilities"),
                                          tr("SMS URL"), tr("Voice URL"), tr("Status callback"),
                                          tr("Wired")});
    m_numbers->horizontalHeader()->setStretchLastSection(true);
    m_numbers->verticalHeader()->hide();
    m_numbers->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_numbers->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_numbers->setSelectionMode(QAbstractItemView::SingleSelection);
    m_numbers->setTabKeyNavigation(false);
    m_numbers->setAccessibleName(tr("Phone numbers"));
    connect(m_numbers, &QTableWidget::itemSelectionChanged, this, &AccountTab::updateActions);
    m_services->setObjectName(QStringLiteral("accountMessagingServices"));
    m_services->setHorizontalHeaderLabels(
        {tr("Name"), tr("SID"), tr("Numbers"), tr("Inbound request URL"), tr("Status callback")});
    m_services->horizontalHeader()->setStretchLastSection(true);
    m_services->verticalHeader()->hide();
    m_services->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_services->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_services->setSelectionMode(QAbstractItemView::SingleSelection);
    m_services->setTabKeyNavigation(false);
    m_services->setWordWrap(false);
    m_services->setAccessibleName(tr("Messaging Services"));
    m_servicesNote->setObjectName(QStringLiteral("accountMessagingServicesNote"));
    m_servicesNote->setWordWrap(true);
    m_servicesNote->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_servicesNote->setAccessibleName(tr("Messaging Services status"));
    m_servicesNote->hide();

    auto *refresh = new QPushButton(tr("&Refresh"), this);
    refresh->setObjectName(QStringLiteral("accountRefresh"));
    refresh->setAccessibleName(tr("Refresh the account"));
    connect(refresh, &QPushButton::clicked, this, &AccountTab::refresh);
    auto *balance = new QPushButton(tr("Check &balance"), this);
    balance->setObjectName(QStringLiteral("accountBalanceRefresh"));
    connect(balance, &QPushButton::clicked, this, &AccountTab::refreshBalance);
    m_wire->setObjectName(QStringLiteral("accountWire"));
    m_wire->setToolTip(tr("Point the selected number's SMS URL, voice URL and status callback "
                          "at this console, keeping what they were"));
    connect(m_wire, &QPushButton::clicked, this, &AccountTab::wireSelected);
    m_restore->setObjectName(QStringLiteral("accountRestore"));
    m_restore->setToolTip(tr("Put back the URLs the selected number had before it was wired"));
    connect(m_restore, &QPushButton::clicked, this, &AccountTab::restoreSelected);
    m_onlyWhileRunning->setObjectName(QStringLiteral("accountOnlyWhileRunning"));
    m_onlyWhileRunning->setToolTip(tr("Restore the previous URLs when Switchboard closes (or, "
                                      "after a crash, when it next starts)"));

    auto *balanceRow = new QHBoxLayout;
    balanceRow->addWidget(m_balance);
    balanceRow->addWidget(balance);
    balanceRow->addStretch(1);
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_wire);
    actions->addWidget(m_onlyWhileRunning);
    actions->addWidget(m_restore);
    actions->addStretch(1);
    actions->addWidget(refresh);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_trial);
    layout->addLayout(balanceRow);
    auto *numbersLabel = new QLabel(tr("&Phone numbers"), this);
    numbersLabel->setBuddy(m_numbers);
    layout->addWidget(numbersLabel);
    layout->addWidget(m_numbers, 3);
    layout->addWidget(m_reach);
    layout->addLayout(actions);
    layout->addWidget(m_outcome);
    auto *servicesLabel = new QLabel(tr("&Messaging Services"), this);
    servicesLabel->setBuddy(m_services);
    layout->addWidget(servicesLabel);
    layout->addWidget(m_services, 2);
    layout->addWidget(m_servicesNote);
    m_summary->setText(tr("Loading the account…"));

    m_balanceTimer.setInterval(BalanceRefreshMs);
    connect(&m_balanceTimer, &QTimer::timeout, this, &AccountTab::refreshBalance);
    updateActions();
}

void AccountTab::refresh() {
    TwilioClient *client = m_service->twilioClient();
    if (!client)
        return;
    const bool sandbox = m_service->isSandbox();
    const QString problem =
        sandbox ? QString() : PublicReach::problem(m_service->publicUrl(), m_service->port());
    SchemeColors::setTone(m_reach, problem.isEmpty() ? Tone::Faint : Tone::Warning);
    m_reach->setText(problem.isEmpty()
                         ? tr("Wiring points a number at %1.")
                               .arg(m_service->publicUrl().toDisplayString(QUrl::RemovePassword))
                         : problem);
    // The answers are computed on the network thread and handed back to this one.
    const Receiver me(this);
    auto onAccount = me.bind([this, sandbox](const TwilioResult<TwilioAccount> &r) {
        if (!r.ok()) {
            SchemeColors::setTone(m_summary, Tone::Error);
            m_summary->setText(r.error.explanation().toHtmlEscaped());
            return;
        }
        SchemeColors::setTone(m_summary, Tone::Normal);
        m_summary->setText(tr("<h3>%1</h3>%2 · %3 · %4")
                               .arg(r.value.friendlyName.toHtmlEscaped(), r.value.sid,
                                    r.value.status,
                                    sandbox ? tr("offline sandbox, nothing is really sent")
                                            : r.value.type.toHtmlEscaped()));
        const QStringList limits = TrialAccount::limits(r.value.type);
        m_trial->setVisible(!limits.isEmpty());
        SchemeColors::setTone(m_trial, Tone::Info);
        m_trial->setText(tr("Trial account: %1").arg(limits.join(QLatin1Char(' '))));
        Q_EMIT accountNameKnown(r.value.friendlyName);
    });
    auto onNumbers = me.bind([this](const TwilioResult<QList<TwilioIncomingNumber>> &r) {
        if (!r.ok()) {
            showOutcome(false,
                        tr("The phone numbers could not be read: %1").arg(r.error.explanation()));
            return;
        }
        m_known = r.value;
        showNumbers();
        Q_EMIT numbersKnown(r.value);
    });
    QMetaObject::invokeMethod(client, [client, onAccount, onNumbers] {
        client->fetchAccount(client, onAccount);
        client->listIncomingNumbers(client, onNumbers);
    });
    refreshBalance();
    loadWirings();
    loadServices();
    m_balanceTimer.start();
}

void AccountTab::loadServices() {
    MessagingServicesClient *client = m_service->messagingClient();
    if (!client)
        return;
    const Receiver me(this);
    QMetaObject::invokeMethod(client, [client, me, this] {
        client->listServicesWithNumbers(
            me,
            [this](const TwilioResult<MessagingServicesClient::Services> &r) { showServices(r); });
    });
}

void AccountTab::showServices(const TwilioResult<QList<TwilioMessagingService>> &r) {
    if (!r.ok()) {
        // The numbers above stay usable: Messaging Services are extra information.
        m_services->setRowCount(0);
        SchemeColors::setTone(m_servicesNote, Tone::Warning);
        m_servicesNote->setText(
            tr("The Messaging Services could not be read: %1").arg(r.error.explanation()));
        m_servicesNote->show();
        return;
    }
    QString whatsapp = m_service->config().whatsappNumber;
    whatsapp.remove(QStringLiteral("whatsapp:"));
    m_services->setRowCount(0);
    for (const TwilioMessagingService &service : r.value) {
        const int row = m_services->rowCount();
        m_services->insertRow(row);
        QStringList numbers;
        for (const TwilioServiceNumber &n : service.numbers) {
            QStringList caps;
            if (n.has(QStringLiteral("Voice")))
                caps << tr("Voice");
            if (n.has(QStringLiteral("SMS")))
                caps << tr("SMS");
            if (n.has(QStringLiteral("MMS")))
                caps << tr("MMS");
            if (n.has(QStringLiteral("WhatsApp")) ||
                (!whatsapp.isEmpty() && whatsapp == n.phoneNumber))
                caps << tr("WhatsApp");
            numbers << (caps.isEmpty()
                            ? n.phoneNumber
                            : tr("%1 (%2)").arg(n.phoneNumber, caps.join(QStringLiteral(", "))));
        }
        auto *name = new QTableWidgetItem(service.friendlyName);
        name->setData(Qt::UserRole, service.sid);
        m_services->setItem(row, ServiceNameColumn, name);
        m_services->setItem(row, ServiceSidColumn, new QTableWidgetItem(service.sid));
        auto *pool = new QTableWidgetItem(numbers.isEmpty() ? tr("(no numbers)")
                                                            : numbers.join(QStringLiteral("; ")));
        pool->setToolTip(numbers.join(QLatin1Char('\n')));
        m_services->setItem(row, ServiceNumbersColumn, pool);
        // What applies: with use_inbound_webhook_on_number the service's own URL is not used.
        auto *inbound = new QTableWidgetItem(service.useInboundWebhookOnNumber
                                                 ? tr("Each number's own SMS URL")
                                                 : shownUrl(service.inboundRequestUrl));
        inbound->setToolTip(
            service.useInboundWebhookOnNumber
                ? tr("Inbound messages go to each number's own \"A message comes in\" URL; the "
                     "service's inbound request URL (%1) is not used")
                      .arg(shownUrl(service.inboundRequestUrl))
                : shownUrl(service.inboundRequestUrl));
        m_services->setItem(row, ServiceInboundColumn, inbound);
        m_services->setItem(row, ServiceStatusCallbackColumn,
                            new QTableWidgetItem(shownUrl(service.statusCallback)));
    }
    m_services->resizeColumnsToContents();
    // Long URLs and pools are elided (their tooltips have them whole), so that every column
    // fits a small window.
    for (int column = 0; column < ServiceColumnCount; ++column) {
        m_services->setColumnWidth(column,
                                   qMin(m_services->columnWidth(column), MaxServiceColumnWidth));
        for (int row = 0; row < m_services->rowCount(); ++row) {
            QTableWidgetItem *item = m_services->item(row, column);
            if (item && item->toolTip().isEmpty())
                item->setToolTip(item->text());
        }
    }
    SchemeColors::setTone(m_servicesNote, Tone::Faint);
    m_servicesNote->setText(tr("This account has no Messaging Services."));
    m_servicesNote->setVisible(r.value.isEmpty());
}

void AccountTab::refreshBalance() {
    TwilioClient *client = m_service->twilioClient();
    if (!client)
        return;
    auto onBalance = Receiver(this).bind([this](const TwilioResult<TwilioBalance> &r) {
        SchemeColors::setTone(m_balance, r.ok() ? Tone::Normal : Tone::Warning);
        m_balance->setText(r.ok() ? tr("Balance: %1 %2 (at %3)")
                                        .arg(r.value.balance, r.value.currency,
                                             QTime::currentTime().toString(QStringLiteral("HH:mm")))
                                  : tr("Balance unavailable: %1").arg(r.error.explanation()));
    });
    QMetaObject::invokeMethod(client,
                              [client, onBalance] { client->fetchBalance(client, onBalance); });
}

void AccountTab::loadWirings() {
    Store *store = m_service->store();
    if (!store)
        return;
    store->run<QList<WiredNumber>>(
        this, [](StoreWorker &w, QString *error) { return WiredNumbers::all(w, error); },
        [this](const StoreResult<QList<WiredNumber>> &rows) {
            if (!rows.ok())
                return showOutcome(false, tr("The console's database could not be read."));
            m_wired = rows.value;
            showNumbers();
        });
}

const WiredNumber *AccountTab::wiringOf(const QString &numberSid) const {
    for (const WiredNumber &w : m_wired) {
        if (w.numberSid == numberSid)
            return &w;
    }
    return nullptr;
}

void AccountTab::showNumbers() {
    const QString selected = selectedSid();
    QString whatsapp = m_service->config().whatsappNumber;
    whatsapp.remove(QStringLiteral("whatsapp:"));
    m_numbers->setRowCount(0);
    for (const TwilioIncomingNumber &n : std::as_const(m_known)) {
        const int row = m_numbers->rowCount();
        m_numbers->insertRow(row);
        QStringList caps;
        if (n.voice)
            caps << tr("Voice");
        if (n.sms)
            caps << tr("SMS");
        if (n.mms)
            caps << tr("MMS");
        if (!whatsapp.isEmpty() && whatsapp == n.phoneNumber)
            caps << tr("WhatsApp");
        const WiredNumber *wiring = wiringOf(n.sid);
        auto *number = new QTableWidgetItem(n.phoneNumber);
        number->setData(Qt::UserRole, n.sid);
        m_numbers->setItem(row, NumberColumn, number);
        m_numbers->setItem(row, NameColumn, new QTableWidgetItem(n.friendlyName));
        m_numbers->setItem(row, CapabilitiesColumn,
                           new QTableWidgetItem(caps.join(QStringLiteral(", "))));
        m_numbers->setItem(row, SmsUrlColumn, new QTableWidgetItem(shownUrl(n.smsUrl)));
        m_numbers->setItem(row, VoiceUrlColumn, new QTableWidgetItem(shownUrl(n.voiceUrl)));
        m_numbers->setItem(row, StatusCallbackColumn,
                           new QTableWidgetItem(shownUrl(n.statusCallback)));
        m_numbers->setItem(row, WiredColumn,
                           new QTableWidgetItem(!wiring ? tr("No")
                                                : wiring->onlyWhileRunning
                                                    ? tr("While Switchboard runs")
                                                    : tr("Yes")));
        if (n.sid == selected)
            m_numbers->selectRow(row);
    }
    m_numbers->resizeColumnsToContents();
    if (m_numbers->rowCount() > 0 && selectedSid().isEmpty())
        m_numbers->selectRow(0);
    updateActions();
}

QString AccountTab::selectedSid() const {
    const QList<QTableWidgetItem *> items = m_numbers->selectedItems();
    if (items.isEmpty())
        return {};
    const QTableWidgetItem *number = m_numbers->item(items.first()->row(), NumberColumn);
    return number ? number->data(Qt::UserRole).toString() : QString();
}

void AccountTab::updateActions() {
    const QString sid = selectedSid();
    m_wire->setEnabled(!m_busy && !sid.isEmpty() && m_service->numberWiring());
    m_restore->setEnabled(!m_busy && wiringOf(sid) != nullptr);
}

void AccountTab::showOutcome(bool ok, const QString &message) {
    SchemeColors::setTone(m_outcome, ok ? Tone::Success : Tone::Error);
    m_outcome->setText(message);
}

void AccountTab::wireSelected() {
    NumberWiring *wiring = m_service->numberWiring();
    const QString sid = selectedSid();
    if (!wiring || sid.isEmpty())
        return;
    m_busy = true;
    updateActions();
    showOutcome(true, tr("Wiring…"));
    const QString base = m_service->publicUrl().toString();
    const bool onlyWhileRunning = m_onlyWhileRunning->isChecked();
    QMetaObject::invokeMethod(
        wiring, [wiring, sid, base, onlyWhileRunning, me = Receiver(this), this] {
            wiring->wire(sid, base, onlyWhileRunning, me, [this](const WiringOutcome &outcome) {
                m_busy = false;
                const QString message =
                    outcome.ok() ? tr("%1 now sends its messages, calls and call statuses to this "
                                      "console. Its previous URLs are kept for Restore.")
                                       .arg(outcome.number.phoneNumber)
                                 : tr("Not wired: %1").arg(outcome.explanation());
                showOutcome(outcome.ok(), message);
                refresh();
                Q_EMIT wiringFinished(outcome.ok(), message);
            });
        });
}

void AccountTab::restoreSelected() {
    NumberWiring *wiring = m_service->numberWiring();
    const QString sid = selectedSid();
    if (!wiring || sid.isEmpty())
        return;
    m_busy = true;
    updateActions();
    showOutcome(true, tr("Restoring…"));
    QMetaObject::invokeMethod(wiring, [wiring, sid, me = Receiver(this), this] {
        wiring->restore(sid, me, [this](const WiringOutcome &outcome) {
            m_busy = false;
            const QString message =
                outcome.ok() ? tr("%1 has its previous URLs again.").arg(outcome.number.phoneNumber)
                             : tr("Not restored: %1").arg(outcome.explanation());
            showOutcome(outcome.ok(), message);
            refresh();
            Q_EMIT wiringFinished(outcome.ok(), message);
        });
    });
}

bool AccountTab::hasTemporaryWirings() const {
    return std::any_of(m_wired.cbegin(), m_wired.cend(), [](const WiredNumber &w) {
        return w.onlyWhileRunning && w.runToken == NumberWiring::runToken();
    });
}

void AccountTab::restoreTemporaryWirings(std::function<void()> done) {
    NumberWiring *wiring = m_service->numberWiring();
    if (!wiring)
        return done();
    QMetaObject::invokeMethod(wiring, [wiring, me = Receiver(this), this, done] {
        wiring->restoreTemporary(
            NumberWiring::Runs::All, me, [this, done](int restored, const QStringList &errors) {
                showOutcome(errors.isEmpty(), errors.isEmpty()
                                                  ? tr("Restored %n number(s).", "", restored)
                                                  : errors.join(QLatin1Char('\n')));
                // Every temporary wiring is gone from the store: so from this list at once,
                // not once the reload below answers (the window may close before it does).
                if (errors.isEmpty())
                    m_wired.removeIf([](const WiredNumber &w) { return w.onlyWhileRunning; });
                refresh();
                done();
            });
    });
}

} // namespace sb
