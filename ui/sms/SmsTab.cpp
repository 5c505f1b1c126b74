#include "SmsTab.h"

#include "sms/SmsChannel.h"
#include "sms/SmsRoutes.h"

#include "ComposeWidget.h"
#include "MessageFilterProxy.h"
#include "MessageTableModel.h"
#include "common/Accessibility.h"
#include "common/BidiTextDelegate.h"
#include "common/ConversationView.h"
#include "common/MessageActions.h"
#include "common/MessageDetailDialog.h"
#include "common/OptOut.h"
#include "common/Receiver.h"
#include "common/SendFeedback.h"
#include "common/StatusBadgeDelegate.h"
#include "common/UnreadMessages.h"
#include "db/Store.h"
#include "outbox/Outbox.h"
#include "providers/twilio/SmsSegments.h"

#include <QComboBox>
#include <QEvent>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSettings>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace sb {

namespace {
const QString kColumns = QStringLiteral("sms/columns");
const QString kSplitter = QStringLiteral("sms/splitter");
const QString kListSplitter = QStringLiteral("sms/listSplitter");
const QString kContact = QStringLiteral("sms/contact");
} // namespace

SmsTab::SmsTab(Store *store, Outbox *outbox, UnreadMessages *unread, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_outbox(outbox)
    , m_unread(unread)
    , m_model(new MessageTableModel(store, this))
    , m_proxy(new MessageFilterProxy(this))
    , m_filter(new QLineEdit(this))
    , m_status(new QComboBox(this))
    , m_table(new QTableView(this))
    , m_compose(new ComposeWidget(this))
    , m_composeBox(new QGroupBox(tr("New message"), this))
    , m_conversation(new ConversationView(store, this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_listSplitter(new QSplitter(Qt::Vertical, this))
    , m_filterDelay(new QTimer(this)) {
    m_proxy->setSourceModel(m_model);
    if (m_unread)
        m_model->setUnread(m_unread);
    m_compose->feedback()->setStore(store);
    m_filter->setObjectName(QStringLiteral("smsFilter"));
    m_filter->setPlaceholderText(tr("Search by number or text (Ctrl+F)"));
    Accessibility::enableClearButton(m_filter, tr("Clear the search"));
    Accessibility::describe(m_filter, tr("Search messages"),
                            tr("Searches every stored message by number or text."));
    m_status->setObjectName(QStringLiteral("smsStatusFilter"));
    Accessibility::describe(m_status, tr("Show messages with status"));
    m_status->addItem(tr("All statuses"), QString());
    m_status->addItem(tr("In progress"), QStringLiteral("in progress"));
    m_status->addItem(tr("Sent"), QStringLiteral("sent"));
    m_status->addItem(tr("Delivered"), QStringLiteral("delivered"));
    m_status->addItem(tr("Failed or undelivered"), QStringLiteral("failed"));
    m_status->addItem(tr("Received"), QStringLiteral("received"));

    m_table->setObjectName(QStringLiteral("smsTable"));
    Accessibility::describe(m_table, tr("Messages"),
                            tr("Newest first. Enter opens a message's details; the menu key "
                               "opens its actions."));
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // Tab moves on to the next control rather than from cell to cell (arrows do that).
    m_table->setTabKeyNavigation(false);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(MessageTableModel::Time, Qt::DescendingOrder);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false);
    m_table->setAlternatingRowColors(true);
    m_table->setItemDelegate(new BidiTextDelegate(m_table));
    m_table->setItemDelegateForColumn(MessageTableModel::Status, new StatusBadgeDelegate(m_table));
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    QHeaderView *header = m_table->horizontalHeader();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(MessageTableModel::Body, QHeaderView::Stretch);
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    // Shown by default: when, who (the customer), what, and how it went; the status says the
    // direction and its tooltip the error. The others are a right click on the header away.
    for (const int column : {MessageTableModel::Direction, MessageTableModel::From,
                             MessageTableModel::To, MessageTableModel::Error})
        header->hideSection(column);
    fitColumns(true);

    m_filterDelay->setSingleShot(true);
    m_filterDelay->setInterval(200);
    connect(m_filter, &QLineEdit::textChanged, m_filterDelay, qOverload<>(&QTimer::start));
    connect(m_filterDelay, &QTimer::timeout, this, &SmsTab::applyTextFilter);
    connect(m_status, &QComboBox::currentIndexChanged, this,
            [this] { m_proxy->setStatusFilter(m_status->currentData().toString()); });
    // activated covers Enter and double-click (a double-click also emits doubleClicked; using
    // both opened two windows).
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &index) {
        if (index.isValid())
            openDetails(index.data(MessageTableModel::RecordRole).value<MessageRecord>());
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { showConversationFor(current); });
    connect(m_table, &QWidget::customContextMenuRequested, this, &SmsTab::showTableMenu);
    connect(header, &QWidget::customContextMenuRequested, this, &SmsTab::showHeaderMenu);
    connect(m_compose, &ComposeWidget::sendRequested, this,
            [this](const QString &to, const QString &from, const QString &body) {
                send(to, from, body, Origin::Compose);
            });
    connect(m_compose, &ComposeWidget::recipientChanged, this, &SmsTab::checkOptOut);
    connect(m_conversation, &ConversationView::replyRequested, this,
            [this](const QString &to, const QString &body) {
                send(to, m_defaultFrom, body, Origin::Reply);
            });
    connect(m_conversation, &ConversationView::retryRequested, this, &SmsTab::retry);
    connect(m_conversation, &ConversationView::detailsRequested, this, &SmsTab::openDetails);
    if (m_unread) {
        connect(m_unread, &UnreadMessages::arrived, this, [this](const MessageRecord &m) {
            if (m.from == m_conversation->contact() && window()->isActiveWindow())
                markVisibleConversationRead();
        });
    }

    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(m_filter, 1);
    filterRow->addWidget(m_status);
    auto *listPane = new QWidget(this);
    auto *listLayout = new QVBoxLayout(listPane);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addLayout(filterRow);
    listLayout->addWidget(m_table, 1);
    m_composeBox->setObjectName(QStringLiteral("composeBox"));
    auto *composeLayout = new QVBoxLayout(m_composeBox);
    composeLayout->setContentsMargins(6, 6, 6, 6);
    composeLayout->addWidget(m_compose);
    m_listSplitter->setObjectName(QStringLiteral("smsListSplitter"));
    m_listSplitter->addWidget(listPane);
    m_listSplitter->addWidget(m_composeBox);
    m_listSplitter->setCollapsible(0, false);
    m_listSplitter->setCollapsible(1, true);
    m_listSplitter->setStretchFactor(0, 1);
    m_listSplitter->setStretchFactor(1, 0);
    m_splitter->setObjectName(QStringLiteral("smsSplitter"));
    m_splitter->addWidget(m_listSplitter);
    m_splitter->addWidget(m_conversation);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setCollapsible(0, false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_splitter);
    setTabOrder(m_filter, m_status);
    setTabOrder(m_status, m_table);
    setTabOrder(m_table, m_compose->toEdit());

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

QList<MessageDetailDialog *> SmsTab::openDetailWindows() const {
    QList<MessageDetailDialog *> open;
    for (const QPointer<MessageDetailDialog> &dialog : m_details) {
        if (dialog)
            open.append(dialog);
    }
    return open;
}

void SmsTab::openDetails(const MessageRecord &record) {
    if (record.id == 0)
        return;
    // One window per message: asking again brings the open one forward.
    if (MessageDetailDialog *open = m_details.value(record.id)) {
        open->show();
        open->raise();
        open->activateWindow();
        return;
    }
    auto *dialog = new MessageDetailDialog(record, m_store, this);
    dialog->setObjectName(QStringLiteral("messageDetail"));
    m_details.insert(record.id, dialog);
    connect(dialog, &QObject::destroyed, this, [this, id = record.id] { m_details.remove(id); });
    dialog->show();
}

void SmsTab::showConversationFor(const QModelIndex &index) {
    if (!index.isValid())
        return;
    const auto record = index.data(MessageTableModel::RecordRole).value<MessageRecord>();
    openConversation(MessageActions::customer(record));
}

void SmsTab::openConversation(const QString &contact) {
    if (contact != m_conversation->contact())
        m_conversation->setContact(contact);
    markVisibleConversationRead();
}

void SmsTab::markVisibleConversationRead() {
    if (m_unread && isVisible() && !m_conversation->contact().isEmpty())
        m_unread->markContactRead(m_conversation->contact());
}

void SmsTab::showEvent(QShowEvent *event) {
    QWidget::showEvent(event);
    if (!m_splitterSized) {
        m_splitterSized = true;
        // Once the layout has given the splitters their real size.
        QMetaObject::invokeMethod(this, &SmsTab::applyDefaultSizes, Qt::QueuedConnection);
    }
    markVisibleConversationRead();
}

void SmsTab::applyDefaultSizes() {
    // First run: most of the width to the list, the conversation beside it, and the compose
    // form at its natural height under the list.
    const int width = m_splitter->width();
    m_splitter->setSizes({width * 64 / 100, width - width * 64 / 100});
    const int height = m_listSplitter->height();
    const int compose = qMin(m_composeBox->sizeHint().height(), height * 9 / 20);
    m_listSplitter->setSizes({height - compose, compose});
}

void SmsTab::focusSearch() {
    m_filter->setFocus(Qt::ShortcutFocusReason);
    m_filter->selectAll();
}

void SmsTab::newMessage() {
    QList<int> sizes = m_listSplitter->sizes();
    if (sizes.value(1) == 0) { // the compose area was collapsed: open it again
        const int compose =
            qMin(m_composeBox->sizeHint().height(), m_listSplitter->height() * 9 / 20);
        m_listSplitter->setSizes({qMax(1, sizes.value(0) - compose), compose});
    }
    m_compose->focusTo();
}

void SmsTab::focusReply() {
    m_conversation->focusReply();
}

void SmsTab::retry(const MessageRecord &failed) {
    if (!MessageActions::canRetry(failed))
        return;
    openConversation(failed.to);
    send(failed.to, failed.from.isEmpty() ? m_defaultFrom : failed.from, failed.body,
         Origin::Reply);
}

void SmsTab::editAndResend(const MessageRecord &failed) {
    openConversation(failed.to);
    m_conversation->editAndResend(failed);
}

void SmsTab::send(const QString &to, const QString &from, const QString &body, Origin origin) {
    OutboundDraft draft;
    draft.to = to;
    draft.from = from;
    draft.body = body;
    draft.segments = SmsSegments::count(body).segments;
    draft.channel = SmsChannel::Id;
    draft.statusCallback = SmsRoutes::status();
    if (origin == Origin::Compose) {
        m_compose->setBusy(true);
        m_compose->feedback()->sending(to);
    } else {
        m_conversation->setReplyBusy(true);
        m_conversation->feedback()->sending(to);
    }
    // The outcome is computed on the network thread and handed back to this one.
    const auto done = Receiver(this).bind(
        [this, to, origin](const SendOutcome &outcome) { settle(to, origin, outcome); });
    QMetaObject::invokeMethod(
        m_outbox, [outbox = m_outbox, draft, done] { outbox->send(draft, outbox, done); });
}

void SmsTab::settle(const QString &to, Origin origin, const SendOutcome &outcome) {
    const bool refused =
        outcome.error.isError() && outcome.entry.state != OutboxEntry::State::Accepted;
    SendFeedback *feedback =
        origin == Origin::Compose ? m_compose->feedback() : m_conversation->feedback();
    if (origin == Origin::Compose) {
        m_compose->setBusy(false);
        if (!refused)
            m_compose->clearBody(); // only now: a refused message keeps its text
    } else {
        m_conversation->setReplyBusy(false);
        if (!refused)
            m_conversation->replyAccepted();
    }
    // After sending, the conversation shows that customer (with the failed bubble, if refused).
    if (origin == Origin::Compose)
        openConversation(to);
    if (refused) {
        feedback->refused(to, outcome.error);
        checkOptOut(m_compose->to());
    } else {
        feedback->accepted(outcome.entry.message);
    }
}

void SmsTab::checkOptOut(const QString &number) {
    if (number.isEmpty()) {
        m_compose->setOptOutWarning({});
        return;
    }
    MessageQuery query;
    query.contact = number;
    query.limit = 50;
    m_store->findMessages(
        query, this, [this, number](const StoreResult<QList<MessageRecord>> &found) {
            if (m_compose->to() != number)
                return; // the agent has typed on
            m_compose->setOptOutWarning(OptOut::optedOut(found.value) ? OptOut::warning(number)
                                                                      : QString());
        });
}

void SmsTab::showTableMenu(const QPoint &pos) {
    QModelIndex index = m_table->indexAt(pos);
    if (!index.isValid())
        index = m_table->currentIndex(); // the menu key
    if (!index.isValid())
        return;
    const auto record = index.data(MessageTableModel::RecordRole).value<MessageRecord>();
    auto *menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("messageMenu"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    MessageActions actions;
    actions.openDetails = [this](const MessageRecord &m) {
        openDetails(m);
    };
    actions.retry = [this](const MessageRecord &m) {
        retry(m);
    };
    actions.editAndResend = [this](const MessageRecord &m) {
        editAndResend(m);
    };
    actions.addTo(menu, record);
    const QRect cell = m_table->visualRect(index);
    menu->popup(m_table->viewport()->mapToGlobal(
        m_table->indexAt(pos).isValid() ? pos : cell.bottomLeft()));
}

void SmsTab::showHeaderMenu(const QPoint &pos) {
    QHeaderView *header = m_table->horizontalHeader();
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    for (int column = 0; column < MessageTableModel::ColumnCount; ++column) {
        if (column == MessageTableModel::Body)
            continue;
        QAction *action = menu->addAction(
            m_model->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString());
        action->setCheckable(true);
        action->setChecked(!header->isSectionHidden(column));
        connect(action, &QAction::toggled, header,
                [header, column](bool shown) { header->setSectionHidden(column, !shown); });
    }
    menu->popup(header->mapToGlobal(pos));
}

void SmsTab::fitColumns(bool force) {
    // Sized from the font in use, so a larger font never cuts numbers or times; the message
    // column takes whatever is left. Unread rows are bold, so measure bold.
    QFont bold = m_table->font();
    bold.setBold(true);
    const QFontMetrics fm(bold);
    const QFontMetrics headerFm(m_table->horizontalHeader()->font());
    const int padding = fm.averageCharWidth() + 8;
    const int sortArrow = headerFm.height() + 6;
    QHeaderView *header = m_table->horizontalHeader();
    auto fit = [&](int column, const QString &widest, int extra = 0) {
        const QString title =
            m_model->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString();
        const int want = qMax(fm.horizontalAdvance(widest) + padding + extra,
                              headerFm.horizontalAdvance(title) + padding + sortArrow);
        if (force || header->sectionSize(column) < want)
            header->resizeSection(column, want);
    };
    fit(MessageTableModel::Time, QStringLiteral("2026-12-31 23:59"));
    fit(MessageTableModel::Direction,
        MessageTableModel::directionLabel(QStringLiteral("outbound")));
    const QString longestNumber = QStringLiteral("+000000000000000"); // E.164: 15 digits
    fit(MessageTableModel::Contact, longestNumber);
    fit(MessageTableModel::From, longestNumber);
    fit(MessageTableModel::To, longestNumber);
    fit(MessageTableModel::Status, QStringLiteral("undelivered"), 22); // the badge's padding
    fit(MessageTableModel::Error, QStringLiteral("00000"));
    m_table->verticalHeader()->setDefaultSectionSize(fm.height() + 10);
    header->setMinimumSectionSize(fm.horizontalAdvance(QStringLiteral("MMMM")));
}

void SmsTab::changeEvent(QEvent *event) {
    if (event->type() == QEvent::FontChange)
        fitColumns(true);
    // Coming back to the window with a conversation open: what arrived meanwhile is read now.
    if (event->type() == QEvent::ActivationChange && isActiveWindow())
        markVisibleConversationRead();
    QWidget::changeEvent(event);
}

void SmsTab::saveState(QSettings *settings) const {
    settings->setValue(kColumns, m_table->horizontalHeader()->saveState());
    settings->setValue(kSplitter, m_splitter->saveState());
    settings->setValue(kListSplitter, m_listSplitter->saveState());
    settings->setValue(kContact, m_conversation->contact());
}

void SmsTab::restoreState(QSettings *settings) {
    const QByteArray columns = settings->value(kColumns).toByteArray();
    if (!columns.isEmpty() && m_table->horizontalHeader()->restoreState(columns)) {
        m_table->horizontalHeader()->setSectionResizeMode(MessageTableModel::Body,
                                                          QHeaderView::Stretch);
        fitColumns(false); // a smaller saved width than the font needs would cut text
    }
    m_splitterSized = m_splitter->restoreState(settings->value(kSplitter).toByteArray()) &&
                      m_listSplitter->restoreState(settings->value(kListSplitter).toByteArray());
    const QString contact = settings->value(kContact).toString();
    if (!contact.isEmpty())
        openConversation(contact);
}

} // namespace sb
