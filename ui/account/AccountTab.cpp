#include "AccountTab.h"

#include "common/Receiver.h"
#include "common/SchemeColors.h"
#include "providers/twilio/TwilioClient.h"
#include "runtime/SwitchboardService.h"

#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace sb {

AccountTab::AccountTab(SwitchboardService *service, QWidget *parent)
    : QWidget(parent)
    , m_service(service)
    , m_summary(new QLabel(this))
    , m_balance(new QLabel(this))
    , m_numbers(new QTableWidget(0, 4, this)) {
    m_summary->setObjectName(QStringLiteral("accountSummary"));
    m_summary->setTextFormat(Qt::RichText);
    m_balance->setObjectName(QStringLiteral("accountBalance"));
    m_numbers->setObjectName(QStringLiteral("accountNumbers"));
    m_numbers->setHorizontalHeaderLabels(
        {tr("Number"), tr("Name"), tr("Capabilities"), tr("Inbound SMS webhook")});
    m_numbers->horizontalHeader()->setStretchLastSection(true);
    m_numbers->verticalHeader()->hide();
    m_numbers->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_numbers->setTabKeyNavigation(false);
    m_numbers->setAccessibleName(tr("Phone numbers"));
    auto *refresh = new QPushButton(tr("Refresh"), this);
    refresh->setObjectName(QStringLiteral("accountRefresh"));
    refresh->setAccessibleName(tr("Refresh the account"));
    connect(refresh, &QPushButton::clicked, this, &AccountTab::refresh);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_balance);
    layout->addWidget(new QLabel(tr("Phone numbers"), this));
    layout->addWidget(m_numbers, 1);
    layout->addWidget(refresh, 0, Qt::AlignLeft);
    m_summary->setText(tr("Loading the account…"));
}

void AccountTab::refresh() {
    TwilioClient *client = m_service->twilioClient();
    if (!client)
        return;
    const bool sandbox = m_service->isSandbox();
    // The answers are computed on the network thread and handed back to this one.
    const Receiver me(this);
    auto onAccount = me.bind([this, sandbox](const TwilioResult<TwilioAccount> &r) {
        if (!r.ok()) {
            SchemeColors::setTone(m_summary, Tone::Error);
            m_summary->setText(r.error.explanation().toHtmlEscaped());
            return;
        }
        SchemeColors::setTone(m_summary, Tone::Normal);
        m_summary->setText(
            tr("<h3>%1</h3>%2 · %3 · %4")
                .arg(r.value.friendlyName.toHtmlEscaped(), r.value.sid, r.value.status,
                     sandbox ? tr("offline sandbox, nothing is really sent") : r.value.type));
        Q_EMIT accountNameKnown(r.value.friendlyName);
    });
    auto onBalance = me.bind([this](const TwilioResult<TwilioBalance> &r) {
        m_balance->setText(r.ok() ? tr("Balance: %1 %2").arg(r.value.balance, r.value.currency)
                                  : tr("Balance unavailable: %1").arg(r.error.explanation()));
    });
    auto onNumbers = me.bind([this](const TwilioResult<QList<TwilioIncomingNumber>> &r) {
        m_numbers->setRowCount(0);
        for (const TwilioIncomingNumber &n : r.value) {
            const int row = m_numbers->rowCount();
            m_numbers->insertRow(row);
            QStringList caps;
            if (n.sms)
                caps << tr("SMS");
            if (n.mms)
                caps << tr("MMS");
            if (n.voice)
                caps << tr("Voice");
            m_numbers->setItem(row, 0, new QTableWidgetItem(n.phoneNumber));
            m_numbers->setItem(row, 1, new QTableWidgetItem(n.friendlyName));
            m_numbers->setItem(row, 2, new QTableWidgetItem(caps.join(QStringLiteral(", "))));
            m_numbers->setItem(row, 3,
                               new QTableWidgetItem(n.smsUrl.isEmpty() ? tr("(none)") : n.smsUrl));
        }
        m_numbers->resizeColumnsToContents();
        Q_EMIT numbersKnown(r.value);
    });
    QMetaObject::invokeMethod(client, [client, onAccount, onBalance, onNumbers] {
        client->fetchAccount(client, onAccount);
        client->fetchBalance(client, onBalance);
        client->listIncomingNumbers(client, onNumbers);
    });
}

} // namespace sb
