#include "MessageTab.h"

#include "Accessibility.h"
#include "BidiTextDelegate.h"
#include "ConversationView.h"
#include "MessageActions.h"
#include "db/Store.h"
#include "outbox/ScheduledSends.h"

#include "MessageDetailDialog.h"
#include "MessageFilterProxy.h"
#include "MessageTableModel.h"
#include "StatusBadgeDelegate.h"
#include "UnreadMessages.h"
#include "common/Receiver.h"
#include "outbox/Outbox.h"
#include <QMessageBox>

#include <QComboBox>
#include <QEvent>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QMenu>
#include <QSettings>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace sb {

MessageTab::MessageTab(QString channel, const ConsoleContext &context, QWidget *parent)
    : ChannelTab(std::move(channel), parent)
    , m_context(context)
    , m_model(new MessageTableModel(context.store, this))
    , m_proxy(new MessageFilterProxy(this))
    , m_filter(new QLineEdit(this))
    , m_status(new QComboBox(this))
    , m_table(new QTableView(this))
    , m_composeBox(new QGroupBox(tr("New message"), this))
    , m_conversation(new ConversationView(context.store, channelId(), this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_listSplitter(new QSplitter(Qt::Vertical, this))
    , m_filterDelay(new QTimer(this)) {
    m_model->setStatuses(context.statuses);
    m_conversation->setStatuses(context.statuses);
    m_proxy->setSourceModel(m_model);
    if (m_context.unread)
        m_model->setUnread(m_context.unread);
    const QString id = channelId();
    m_filter->setObjectName(id + QStringLiteral("Filter"));
    m_filter->setPlaceholderText(tr("Search by number or text (Ctrl+F)"));
    Accessibility::enableClearButton(m_filter, tr("Clear the search"));
    Accessibility::describe(m_filter, tr("Search messages"),
                            tr("Searches every stored message by number or text."));
    m_status->setObjectName(id + QStringLiteral("StatusFilter"));
    Accessibility::describe(m_status, tr("Show messages with status"));
    using Filter = MessageFilterProxy::StatusFilter;
    m_status->addItem(tr("All statuses"), int(Filter::All));
    m_status->addItem(tr("In progress"), int(Filter::InProgress));
    m_status->addItem(tr("Sent"), int(Filter::Sent));
    m_status->addItem(tr("Delivered"), int(Filter::Delivered));
    m_status->addItem(tr("Failed or undelivered"), int(Filter::Failed));
    m_status->addItem(tr("Received"), int(Filter::Received));

    m_table->setObjectName(id + QStringLiteral("Table"));
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
    connect(m_filterDelay, &QTimer::timeout, this, &MessageTab::applyTextFilter);
    connect(m_status, &QComboBox::currentIndexChanged, this, [this] {
        m_proxy->setStatusFilter(MessageFilterProxy::StatusFilter(m_status->currentData().toInt()));
    });
    // activated covers Enter and double-click (a double-click also emits doubleClicked; using
    // both opened two windows).
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &index) {
        if (index.isValid())
            openDetails(index.data(MessageTableModel::RecordRole).value<MessageRecord>());
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { showConversationFor(current); });
    connect(m_table, &QWidget::customContextMenuRequested, this, &MessageTab::showTableMenu);
    connect(header, &QWidget::customContextMenuRequested, this, &MessageTab::showHeaderMenu);
    connect(m_conversation, &ConversationView::replyRequested, this,
            [this](const QString &to, const QString &body) { reply(to, body); });
    connect(m_conversation, &ConversationView::retryRequested, this,
            [this](const MessageRecord &failed) { retry(failed); });
    connect(m_conversation, &ConversationView::detailsRequested, this, &MessageTab::openDetails);
    if (m_context.unread) {
        connect(m_context.unread, &UnreadMessages::arrived, this, [this](const MessageRecord &m) {
            if (m.from == m_conversation->contact() && window()->isActiveWindow())
                markVisibleConversationRead();
        });
        connect(m_context.unread, &UnreadMessages::changed, this, &ChannelTab::unreadCountChanged);
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
    m_listSplitter->setObjectName(id + QStringLiteral("ListSplitter"));
    m_listSplitter->addWidget(listPane);
    m_listSplitter->addWidget(m_composeBox);
    m_listSplitter->setCollapsible(0, false);
    m_listSplitter->setCollapsible(1, true);
    m_listSplitter->setStretchFactor(0, 1);
    m_listSplitter->setStretchFactor(1, 0);
    m_splitter->setObjectName(id + QStringLiteral("Splitter"));
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

    applyTextFilter();
}

void MessageTab::setCompose(QWidget *compose, QWidget *firstField) {
    m_composeBox->layout()->addWidget(compose);
    setTabOrder(m_table, firstField);
}

void MessageTab::applyTextFilter() {
    MessageQuery query;
    query.channel = channelId();
    query.text = m_filter->text().trimmed();
    m_model->setQuery(query);
}

int MessageTab::unreadCount() const {
    return m_context.unread ? m_context.unread->count() : 0;
}

QList<MessageDetailDialog *> MessageTab::openDetailWindows() const {
    QList<MessageDetailDialog *> open;
    for (const QPointer<MessageDetailDialog> &dialog : m_details) {
        if (dialog)
            open.append(dialog);
    }
    return open;
}

void MessageTab::openDetails(const MessageRecord &record) {
    if (record.id == 0)
        return;
    if (MessageDetailDialog *open = m_details.value(record.id)) {
        open->show();
        open->raise();
        open->activateWindow();
        return;
    }
    auto *dialog = new MessageDetailDialog(record, m_context.store, m_context.statuses, this);
    dialog->setObjectName(QStringLiteral("messageDetail"));
    m_details.insert(record.id, dialog);
    connect(dialog, &QObject::destroyed, this, [this, id = record.id] { m_details.remove(id); });
    dialog->show();
}

void MessageTab::showConversationFor(const QModelIndex &index) {
    if (!index.isValid())
        return;
    const auto record = index.data(MessageTableModel::RecordRole).value<MessageRecord>();
    openConversation(MessageActions::customer(record));
}

void MessageTab::openConversation(const QString &contact) {
    if (contact != m_conversation->contact())
        m_conversation->setContact(contact);
    markVisibleConversationRead();
}

void MessageTab::markVisibleConversationRead() {
    if (m_context.unread && isVisible() && !m_conversation->contact().isEmpty())
        m_context.unread->markContactRead(m_conversation->contact());
}

void MessageTab::showEvent(QShowEvent *event) {
    ChannelTab::showEvent(event);
    if (!m_splitterSized) {
        m_splitterSized = true;
        // Once the layout has given the splitters their real size.
        QMetaObject::invokeMethod(this, &MessageTab::applyDefaultSizes, Qt::QueuedConnection);
    }
    markVisibleConversationRead();
}

void MessageTab::applyDefaultSizes() {
    // First run: most of the width to the list, the conversation beside it, and the compose
    // form at its natural height under the list.
    const int width = m_splitter->width();
    m_splitter->setSizes({width * 64 / 100, width - width * 64 / 100});
    const int height = m_listSplitter->height();
    const int compose = qMin(m_composeBox->sizeHint().height(), height * 9 / 20);
    m_listSplitter->setSizes({height - compose, compose});
}

void MessageTab::focusSearch() {
    m_filter->setFocus(Qt::ShortcutFocusReason);
    m_filter->selectAll();
}

void MessageTab::newMessage() {
    QList<int> sizes = m_listSplitter->sizes();
    if (sizes.value(1) == 0) { // the compose area was collapsed: open it again
        const int compose =
            qMin(m_composeBox->sizeHint().height(), m_listSplitter->height() * 9 / 20);
        m_listSplitter->setSizes({qMax(1, sizes.value(0) - compose), compose});
    }
    focusCompose();
}

void MessageTab::focusReply() {
    m_conversation->focusReply();
}

void MessageTab::editAndResend(const MessageRecord &failed) {
    openConversation(MessageActions::customer(failed));
    m_conversation->editAndResend(failed);
}

void MessageTab::sendThroughOutbox(const OutboundDraft &draft,
                                   std::function<void(const SendOutcome &)> done) {
    // The outcome is computed on the network thread and handed back to this one.
    const auto back = Receiver(this).bind(std::move(done));
    QMetaObject::invokeMethod(m_context.outbox, [outbox = m_context.outbox, draft, back] {
        outbox->send(draft, outbox, back);
    });
}

void MessageTab::cancelScheduled(const MessageRecord &message) {
    // The same store job as the local API's DELETE …/scheduled/{id}; the table updates from the
    // store's change feed.
    m_context.store->run<ScheduledSends::Cancel>(
        this,
        [id = message.id](StoreWorker &w, QString *error) {
            return ScheduledSends::cancel(w, id, error);
        },
        [this](const StoreResult<ScheduledSends::Cancel> &done) {
            if (!done.ok() || done.value.outcome != ScheduledSends::CancelOutcome::Cancelled)
                QMessageBox::information(
                    this, tr("Not cancelled"),
                    done.ok() ? tr("The message is no longer waiting to be sent (it is %1).")
                                    .arg(done.value.entry.message.status)
                              : tr("The message could not be cancelled: %1").arg(done.error));
        });
}

void MessageTab::showTableMenu(const QPoint &pos) {
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
    actions.statuses = m_context.statuses;
    actions.openDetails = [this](const MessageRecord &m) {
        openDetails(m);
    };
    actions.retry = [this](const MessageRecord &m) {
        retry(m);
    };
    actions.editAndResend = [this](const MessageRecord &m) {
        editAndResend(m);
    };
    actions.cancelScheduled = [this](const MessageRecord &m) {
        cancelScheduled(m);
    };
    actions.addTo(menu, record);
    const QRect cell = m_table->visualRect(index);
    menu->popup(m_table->viewport()->mapToGlobal(
        m_table->indexAt(pos).isValid() ? pos : cell.bottomLeft()));
}

void MessageTab::showHeaderMenu(const QPoint &pos) {
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

void MessageTab::fitColumns(bool force) {
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

void MessageTab::changeEvent(QEvent *event) {
    if (event->type() == QEvent::FontChange)
        fitColumns(true);
    // Coming back to the window with a conversation open: what arrived meanwhile is read now.
    if (event->type() == QEvent::ActivationChange && isActiveWindow())
        markVisibleConversationRead();
    ChannelTab::changeEvent(event);
}

QString MessageTab::key(const char *name) const {
    return channelId() + QLatin1Char('/') + QLatin1String(name);
}

void MessageTab::saveState(QSettings *settings) const {
    settings->setValue(key("columns"), m_table->horizontalHeader()->saveState());
    settings->setValue(key("splitter"), m_splitter->saveState());
    settings->setValue(key("listSplitter"), m_listSplitter->saveState());
    settings->setValue(key("contact"), m_conversation->contact());
}

void MessageTab::restoreState(QSettings *settings) {
    const QByteArray columns = settings->value(key("columns")).toByteArray();
    if (!columns.isEmpty() && m_table->horizontalHeader()->restoreState(columns)) {
        m_table->horizontalHeader()->setSectionResizeMode(MessageTableModel::Body,
                                                          QHeaderView::Stretch);
        fitColumns(false); // a smaller saved width than the font needs would cut text
    }
    m_splitterSized =
        m_splitter->restoreState(settings->value(key("splitter")).toByteArray()) &&
        m_listSplitter->restoreState(settings->value(key("listSplitter")).toByteArray());
    const QString contact = settings->value(key("contact")).toString();
    if (!contact.isEmpty())
        openConversation(contact);
}

} // namespace sb
