#include "SmsTab.h"

#include "ComposeWidget.h"
#include "ConversationView.h"
#include "MessageDetailDialog.h"
#include "MessageFilterProxy.h"
#include "MessageTableModel.h"
#include "common/StatusBadgeDelegate.h"
#include "outbox/Outbox.h"
#include "store/Store.h"
#include "twilio/SmsSegments.h"

#include <QComboBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace sb {

SmsTab::SmsTab(Store *store, Outbox *outbox, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_outbox(outbox)
    , m_model(new MessageTableModel(store, this))
    , m_proxy(new MessageFilterProxy(this))
    , m_filter(new QLineEdit(this))
    , m_status(new QComboBox(this))
    , m_table(new QTableView(this))
    , m_compose(new ComposeWidget(this))
    , m_conversation(new ConversationView(store, this))
    , m_filterDelay(new QTimer(this)) {
    m_proxy->setSourceModel(m_model);
    m_filter->setObjectName(QStringLiteral("smsFilter"));
    m_filter->setPlaceholderText(tr("Filter by number or text"));
    m_filter->setClearButtonEnabled(true);
    m_status->setObjectName(QStringLiteral("smsStatusFilter"));
    m_status->addItem(tr("All statuses"), QString());
    m_status->addItem(tr("In progress"), QStringLiteral("in progress"));
    m_status->addItem(tr("Sent"), QStringLiteral("sent"));
    m_status->addItem(tr("Delivered"), QStringLiteral("delivered"));
    m_status->addItem(tr("Failed or undelivered"), QStringLiteral("failed"));
    m_status->addItem(tr("Received"), QStringLiteral("received"));

    m_table->setObjectName(QStringLiteral("smsTable"));
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(MessageTableModel::Time, Qt::DescendingOrder);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
    m_table->setWordWrap(false);
    m_table->setAlternatingRowColors(true);
    m_table->setItemDelegateForColumn(MessageTableModel::Status, new StatusBadgeDelegate(m_table));
    QHeaderView *header = m_table->horizontalHeader();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(MessageTableModel::Body, QHeaderView::Stretch);
    header->resizeSection(MessageTableModel::Time, 130);
    header->resizeSection(MessageTableModel::Direction, 40);
    header->resizeSection(MessageTableModel::From, 120);
    header->resizeSection(MessageTableModel::To, 120);
    header->resizeSection(MessageTableModel::Status, 110);
    header->resizeSection(MessageTableModel::Error, 60);

    m_filterDelay->setSingleShot(true);
    m_filterDelay->setInterval(200);
    connect(m_filter, &QLineEdit::textChanged, m_filterDelay, qOverload<>(&QTimer::start));
    connect(m_filterDelay, &QTimer::timeout, this, &SmsTab::applyTextFilter);
    connect(m_status, &QComboBox::currentIndexChanged, this,
            [this] { m_proxy->setStatusFilter(m_status->currentData().toString()); });
    connect(m_table, &QTableView::doubleClicked, this, &SmsTab::openDetails);
    connect(m_table, &QTableView::activated, this, &SmsTab::openDetails);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { showConversationFor(current); });
    connect(m_compose, &ComposeWidget::sendRequested, this, &SmsTab::send);
    connect(m_conversation, &ConversationView::replyRequested, this,
            [this](const QString &to, const QString &body) { send(to, m_defaultFrom, body); });

    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(m_filter, 1);
    filterRow->addWidget(m_status);
    auto *composeBox = new QGroupBox(tr("New message"), this);
    auto *composeLayout = new QVBoxLayout(composeBox);
    composeLayout->addWidget(m_compose);
    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addLayout(filterRow);
    leftLayout->addWidget(m_table, 1);
    leftLayout->addWidget(composeBox);
    auto *splitter = new QSplitter(this);
    splitter->setObjectName(QStringLiteral("smsSplitter"));
    splitter->addWidget(left);
    splitter->addWidget(m_conversation);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    m_model->setQuery({});
}

void SmsTab::setSenders(const QStringList &numbers, const QString &preferred) {
    m_defaultFrom = preferred.isEmpty() && !numbers.isEmpty() ? numbers.first() : preferred;
    m_compose->setSenders(numbers, m_defaultFrom);
}

void SmsTab::applyTextFilter() {
    MessageQuery query;
    query.text = m_filter->text().trimmed();
    m_model->setQuery(query);
}

void SmsTab::openDetails(const QModelIndex &index) {
    if (!index.isValid())
        return;
    const auto record = index.data(MessageTableModel::RecordRole).value<MessageRecord>();
    auto *dialog = new MessageDetailDialog(record, m_store, this);
    dialog->setObjectName(QStringLiteral("messageDetail"));
    dialog->show();
}

void SmsTab::showConversationFor(const QModelIndex &index) {
    if (!index.isValid())
        return;
    const auto record = index.data(MessageTableModel::RecordRole).value<MessageRecord>();
    const QString contact = record.direction == QLatin1String("inbound") ? record.from : record.to;
    if (contact != m_conversation->contact())
        m_conversation->setContact(contact);
}

void SmsTab::send(const QString &to, const QString &from, const QString &body) {
    OutboundDraft draft;
    draft.to = to;
    draft.from = from;
    draft.body = body;
    draft.segments = SmsSegments::count(body).segments;
    m_compose->setBusy(true);
    m_compose->showResult(tr("Sending to %1…").arg(to), false);
    // Captured here, on the GUI thread: the outbox answers on this tab's thread, if it still
    // exists (a reconnect deletes it).
    QMetaObject::invokeMethod(m_outbox, [outbox = m_outbox, draft, me = Receiver(this), this] {
        outbox->send(draft, me, [this, to = draft.to](const SendOutcome &outcome) {
            m_compose->setBusy(false);
            if (outcome.error.isError() && outcome.entry.state != OutboxEntry::State::Accepted) {
                const QString code = outcome.error.code
                                         ? QStringLiteral(" (%1)").arg(outcome.error.code)
                                         : QString();
                m_compose->showResult(
                    tr("Not sent to %1: %2%3").arg(to, outcome.error.explanation(), code), true);
                return;
            }
            m_compose->showResult(tr("Sent to %1.").arg(to), false);
            m_compose->clearBody();
        });
    });
}

QByteArray SmsTab::saveState() const {
    return m_table->horizontalHeader()->saveState();
}

void SmsTab::restoreState(const QByteArray &state) {
    if (!state.isEmpty())
        m_table->horizontalHeader()->restoreState(state);
}

} // namespace sb
