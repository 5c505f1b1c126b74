#include "InboxTab.h"

#include "AssignmentBar.h"
#include "ContactDelegate.h"
#include "ContactListModel.h"
#include "PresenceTracker.h"
#include "ReplyRoute.h"
#include "ThreadExport.h"
#include "ThreadView.h"
#include "canned/CannedPicker.h"
#include "common/Accessibility.h"
#include "common/AttachmentTray.h"
#include "common/MediaAttachments.h"
#include "common/SchemeColors.h"
#include "common/SendFeedback.h"
#include "common/SendLaterDialog.h"
#include "inbox/Inbox.h"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSettings>
#include <QShortcut>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <iterator>
#include <utility>

namespace sb {

namespace {

bool sameItem(const ThreadItem &a, const ThreadItem &b) {
    return a.channel == b.channel && a.rowId == b.rowId;
}

bool earlier(const ThreadItem &a, const ThreadItem &b) {
    if (a.at != b.at)
        return a.at < b.at;
    if (a.channel != b.channel)
        return a.channel < b.channel;
    return a.rowId < b.rowId;
}

} // namespace

InboxTab::InboxTab(const InboxContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_model(new ContactListModel(this))
    , m_search(new QLineEdit(this))
    , m_scope(new QComboBox(this))
    , m_assignment(new AssignmentBar(this))
    , m_presenceLabel(new QLabel(this))
    , m_presence(new PresenceTracker(context.inbox, context.agent, this))
    , m_list(new QListView(this))
    , m_listState(new QLabel(this))
    , m_name(new QLabel(this))
    , m_nameEdit(new QLineEdit(this))
    , m_rename(new QToolButton(this))
    , m_export(new QToolButton(this))
    , m_details(new QLabel(this))
    , m_window(new QLabel(this))
    , m_thread(new ThreadView(this))
    , m_channel(new QComboBox(this))
    , m_reply(new QLineEdit(this))
    , m_note(new QToolButton(this))
    , m_send(new QPushButton(tr("Send"), this))
    , m_sendLater(new QPushButton(tr("Later…"), this))
    , m_attachments(new AttachmentTray(MediaLimits::mms(), this))
    , m_counter(new QLabel(this))
    , m_feedback(new SendFeedback(this))
    , m_splitter(new QSplitter(this))
    , m_searchDelay(new QTimer(this))
    , m_windowTick(new QTimer(this))
    , m_presenceTick(new QTimer(this)) {
    setObjectName(QStringLiteral("inboxTab"));
    m_search->setObjectName(QStringLiteral("inboxSearch"));
    m_search->setPlaceholderText(tr("Search every message… (Ctrl+F)"));
    Accessibility::enableClearButton(m_search, tr("Clear the search"));
    Accessibility::describe(m_search, tr("Search messages"),
                            tr("Finds messages, numbers and names as you type; Down goes to the "
                               "results, Enter opens the first."));
    m_scope->setObjectName(QStringLiteral("inboxScope"));
    m_scope->addItem(tr("Everyone's conversations"));
    m_scope->addItem(tr("Mine"));
    m_scope->addItem(tr("Unassigned"));
    if (m_context.agent.isEmpty()) { // nobody to be "Mine" (Settings: Your name)
        if (auto *items = qobject_cast<QStandardItemModel *>(m_scope->model()))
            items->item(int(Scope::Mine))->setEnabled(false);
    }
    Accessibility::describe(m_scope, tr("Show conversations"),
                            tr("Everyone's, the ones assigned to you, or the unassigned ones, "
                               "each with its unread count."));
    m_assignment->setAgent(m_context.agent);
    m_presenceLabel->setObjectName(QStringLiteral("inboxPresence"));
    m_presenceLabel->setAccessibleName(tr("Others in this conversation"));
    m_presenceLabel->setWordWrap(true);
    m_presenceLabel->hide();
    m_list->setObjectName(QStringLiteral("inboxContacts"));
    m_list->setModel(m_model);
    m_list->setItemDelegate(new ContactDelegate(m_list));
    m_list->setUniformItemSizes(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    Accessibility::describe(m_list, tr("Contacts"),
                            tr("Newest conversation first. Enter opens the thread; Escape goes "
                               "back to the search."));
    m_listState->setObjectName(QStringLiteral("inboxListState"));
    m_listState->setAccessibleName(tr("Search results"));
    m_listState->setWordWrap(true);
    SchemeColors::setTone(m_listState, Tone::Faint);
    m_listState->hide();

    m_name->setObjectName(QStringLiteral("inboxContactName"));
    m_name->setAccessibleName(tr("Contact"));
    QFont bold = m_name->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.15);
    m_name->setFont(bold);
    m_name->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_nameEdit->setObjectName(QStringLiteral("inboxNameEdit"));
    Accessibility::describe(m_nameEdit, tr("Contact name"),
                            tr("Enter saves the name, Escape cancels; empty shows the "
                               "WhatsApp profile name again."));
    m_nameEdit->hide();
    m_nameEdit->installEventFilter(this);
    m_rename->setObjectName(QStringLiteral("inboxRename"));
    m_rename->setText(QStringLiteral("✎"));
    m_rename->setToolTip(tr("Edit the name (F2)"));
    Accessibility::describe(m_rename, tr("Edit the contact's name"), tr("F2"));
    m_export->setObjectName(QStringLiteral("inboxExport"));
    m_export->setText(tr("Export…"));
    m_export->setToolTip(tr("Save this conversation, every channel with statuses, media links and "
                            "notes, as CSV or as a printable PDF"));
    Accessibility::describe(m_export, tr("Export the conversation"), tr("CSV or PDF"));
    m_export->setEnabled(false);
    m_details->setObjectName(QStringLiteral("inboxContactDetails"));
    m_details->setAccessibleName(tr("Contact details"));
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_window->setObjectName(QStringLiteral("inboxWindowState"));
    m_window->setAccessibleName(tr("WhatsApp window"));
    m_window->setWordWrap(true);
    m_window->hide();

    m_thread->setStatuses(context.statuses);
    if (context.store) {
        auto *media = new MediaAttachments(context.store, this);
        m_thread->setMedia(media);
        connect(media, &MediaAttachments::saved, this,
                [this](const QString &path, const QString &e) {
                    if (e.isEmpty())
                        m_feedback->note(tr("Saved to %1.").arg(path));
                    else
                        m_feedback->problem(tr("Not saved to %1: %2").arg(path, e));
                });
    }
    m_channel->setObjectName(QStringLiteral("inboxChannel"));
    for (ReplyRoute *route : std::as_const(m_context.routes))
        m_channel->addItem(route->title(), route->channel());
    Accessibility::describe(m_channel, tr("Reply on channel"),
                            tr("Defaults to the channel the contact last wrote on."));
    m_reply->setObjectName(QStringLiteral("inboxReply"));
    m_reply->setPlaceholderText(tr("Reply… (Enter sends)"));
    Accessibility::describe(m_reply, tr("Reply"));
    m_note->setObjectName(QStringLiteral("inboxAddNote"));
    m_note->setText(tr("Add note"));
    m_note->setCheckable(true);
    m_note->setToolTip(tr("Write an internal note instead of a reply: only agents see it, it is "
                          "never sent (Ctrl+Shift+N)"));
    Accessibility::describe(m_note, tr("Add note"),
                            tr("Ctrl+Shift+N. The box then saves an internal note, never sent."));
    m_send->setObjectName(QStringLiteral("inboxSend"));
    Accessibility::describe(m_send, tr("Send reply"), tr("Enter in the reply box"));
    m_sendLater->setObjectName(QStringLiteral("inboxSendLater"));
    m_sendLater->setToolTip(tr("Schedule this reply: Switchboard sends it at the time you pick, "
                               "with every check applied then"));
    Accessibility::describe(m_sendLater, tr("Send later"), tr("Opens a dialog to pick the time."));
    m_attachments->setObjectName(QStringLiteral("inboxAttachments"));
    m_attachments->setShares(context.shares);
    m_attachments->watch(m_reply);
    m_counter->setObjectName(QStringLiteral("inboxCounter"));
    m_counter->setAccessibleName(tr("Reply check"));
    SchemeColors::setTone(m_counter, Tone::Faint);
    m_feedback->setObjectName(QStringLiteral("inboxFeedback"));
    m_feedback->setStore(context.store);
    m_feedback->setStatuses(context.statuses);

    // Left: search above the list.
    auto *left = new QWidget(m_splitter);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_search);
    leftLayout->addWidget(m_scope);
    leftLayout->addWidget(m_listState);
    leftLayout->addWidget(m_list, 1);
    // Right: header, thread, reply.
    auto *right = new QWidget(m_splitter);
    auto *nameRow = new QHBoxLayout;
    nameRow->addWidget(m_name, 1);
    nameRow->addWidget(m_nameEdit, 1);
    nameRow->addWidget(m_rename);
    nameRow->addWidget(m_assignment);
    nameRow->addWidget(m_export);
    auto *replyRow = new QHBoxLayout;
    replyRow->addWidget(m_channel);
    replyRow->addWidget(m_reply, 1);
    replyRow->addWidget(m_note);
    replyRow->addWidget(m_send);
    replyRow->addWidget(m_sendLater);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addLayout(nameRow);
    rightLayout->addWidget(m_details);
    rightLayout->addWidget(m_window);
    rightLayout->addWidget(m_thread, 1);
    rightLayout->addWidget(m_presenceLabel);
    rightLayout->addLayout(replyRow);
    rightLayout->addWidget(m_attachments);
    rightLayout->addWidget(m_counter);
    rightLayout->addWidget(m_feedback);
    m_splitter->setObjectName(QStringLiteral("inboxSplitter"));
    m_splitter->addWidget(left);
    m_splitter->addWidget(right);
    m_splitter->setCollapsible(0, false);
    m_splitter->setCollapsible(1, false);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({300, 700});
    left->setMinimumWidth(220);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_splitter);

    setTabOrder(m_search, m_scope);
    setTabOrder(m_scope, m_list);
    setTabOrder(m_list, m_rename);
    setTabOrder(m_rename, m_assignment->actionButton());
    setTabOrder(m_assignment->actionButton(), m_export);
    setTabOrder(m_export, m_thread);
    setTabOrder(m_thread, m_channel);
    setTabOrder(m_channel, m_reply);
    setTabOrder(m_reply, m_note);
    setTabOrder(m_note, m_send);
    setTabOrder(m_send, m_sendLater);
    setTabOrder(m_sendLater, m_attachments->attachButton());
    m_search->installEventFilter(this);
    m_list->installEventFilter(this);
    m_reply->installEventFilter(this);
    // After the tab's own filter, so the picker sees Enter and Esc first while it is open.
    CannedPicker::attach(m_reply, [this] {
        return m_contact ? CannedContext{m_contact->name, m_contact->number, authorName()}
                         : CannedContext{};
    });

    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(150);
    connect(m_searchDelay, &QTimer::timeout, this, &InboxTab::runSearch);
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        m_searchDelay->stop();
        if (m_model->rowCount() > 0) {
            m_list->setCurrentIndex(m_model->index(0));
            openIndex(m_model->index(0));
        }
    });
    connect(m_list, &QListView::activated, this, &InboxTab::openIndex);
    connect(m_list, &QListView::clicked, this, &InboxTab::openIndex);
    connect(m_list->verticalScrollBar(), &QScrollBar::valueChanged, this, [this](int value) {
        if (value >= m_list->verticalScrollBar()->maximum() - 4)
            loadMoreContacts();
    });
    connect(m_model, &ContactListModel::unreadChanged, this, [this] { refreshUnreadTotal(); });
    connect(m_thread, &ThreadView::olderWanted, this, &InboxTab::loadOlder);
    connect(m_rename, &QToolButton::clicked, this, &InboxTab::startRename);
    connect(m_export, &QToolButton::clicked, this, &InboxTab::exportThread);
    auto *f2 = new QShortcut(QKeySequence(Qt::Key_F2), this);
    f2->setContext(Qt::WidgetWithChildrenShortcut);
    connect(f2, &QShortcut::activated, this, &InboxTab::startRename);
    auto *noteKey = new QShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N), this);
    noteKey->setContext(Qt::WidgetWithChildrenShortcut);
    connect(noteKey, &QShortcut::activated, this, [this] {
        setNoteMode(true);
        focusReply();
    });
    connect(m_note, &QToolButton::toggled, this, &InboxTab::setNoteMode);
    auto *assignKey = new QShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A), this);
    assignKey->setContext(Qt::WidgetWithChildrenShortcut);
    connect(assignKey, &QShortcut::activated, m_assignment, &AssignmentBar::trigger);
    connect(m_assignment, &AssignmentBar::assignRequested, this, &InboxTab::assign);
    connect(m_scope, &QComboBox::currentIndexChanged, this, [this] {
        ++m_listSeq; // a page of the other scope still on its way is dropped
        m_loadingContacts = false;
        m_moreContacts = false;
        if (!m_search->text().trimmed().isEmpty())
            return; // the hits stay; the list in this scope comes back with the search's end
        m_model->setContacts({}); // a reset: the other scope's rows are not kept in place
        loadContacts();
    });
    connect(m_channel, &QComboBox::activated, this, [this] {
        m_channelChosen = true;
        updateReplyState();
    });
    connect(m_channel, &QComboBox::currentIndexChanged, this, &InboxTab::updateReplyState);
    connect(m_reply, &QLineEdit::textChanged, this, &InboxTab::updateReplyState);
    connect(m_reply, &QLineEdit::textChanged, this,
            [this] { m_presence->setReplying(draftingReply()); });
    connect(m_presence, &PresenceTracker::othersChanged, this,
            [this](const QList<Presence> &others) {
                // Someone else replying is a warning: the customer may get two answers.
                const bool replying =
                    std::any_of(others.cbegin(), others.cend(),
                                [](const auto &p) { return p.state == Inbox::Replying; });
                m_presenceLabel->setText(PresenceTracker::describe(others));
                SchemeColors::setTone(m_presenceLabel, replying ? Tone::Warning : Tone::Info);
                m_presenceLabel->setVisible(!others.isEmpty());
            });
    connect(m_reply, &QLineEdit::returnPressed, this, [this] { m_noteMode ? saveNote() : send(); });
    connect(m_send, &QPushButton::clicked, this, [this] { m_noteMode ? saveNote() : send(); });
    connect(m_sendLater, &QPushButton::clicked, this, &InboxTab::sendLater);
    connect(m_attachments, &AttachmentTray::changed, this, &InboxTab::updateReplyState);
    // The WhatsApp window's countdown moves on by itself.
    m_windowTick->setInterval(30000);
    connect(m_windowTick, &QTimer::timeout, this, &InboxTab::updateReplyState);
    m_windowTick->start();

    if (m_context.inbox) {
        connect(m_context.inbox, &Inbox::contactsChanged, this, &InboxTab::onContactsChanged);
        connect(m_context.inbox, &Inbox::presenceChanged, this, [this](const QList<qint64> &ids) {
            if (m_contact && ids.contains(m_contact->id))
                m_presence->refresh();
            refreshListPresence();
        });
    }
    // The list's marks lapse with their heartbeats: read again while the list is shown.
    m_presenceTick->setInterval(PresenceTracker::HeartbeatMs);
    connect(m_presenceTick, &QTimer::timeout, this, &InboxTab::refreshListPresence);
    updateHeader();
    loadContacts();
}

void InboxTab::hideEvent(QHideEvent *event) {
    QWidget::hideEvent(event);
    m_presence->setContact(0); // not looking at it any more: the team is told
    m_presenceTick->stop();
}

void InboxTab::showEvent(QShowEvent *event) {
    QWidget::showEvent(event);
    refreshListPresence();
    m_presenceTick->start();
    if (m_contact)
        m_presence->setContact(m_contact->id, draftingReply());
    // A thread that got new messages while the agent was on another tab is read now.
    if (m_contact && m_contact->unread > 0)
        markRead();
}

// ---- the list ------------------------------------------------------------------------------

void InboxTab::loadContacts() {
    if (!m_context.inbox)
        return;
    m_loadingContacts = true;
    ContactQuery query;
    query.assignee = scopeAssignee();
    query.limit = qMax(ContactPage, m_model->showingHits() ? 0 : m_model->rowCount());
    m_context.inbox->contacts(
        query, this,
        [this, limit = query.limit, seq = m_listSeq](const StoreResult<QList<ContactSummary>> &r) {
            if (seq != m_listSeq)
                return; // another scope's answer
            m_loadingContacts = false;
            if (!m_search->text().trimmed().isEmpty())
                return; // the agent searches meanwhile
            if (!r.ok()) {
                m_listState->setText(tr("The contacts could not be read: %1").arg(r.error));
                m_listState->show();
                return;
            }
            m_moreContacts = r.value.size() >= limit;
            const qint64 current =
                m_list->currentIndex().data(ContactListModel::IdRole).toLongLong();
            if (m_model->showingHits() || m_model->rowCount() == 0) {
                m_model->setContacts(r.value);
                if (current && m_model->rowOf(current) >= 0)
                    m_list->setCurrentIndex(m_model->index(m_model->rowOf(current)));
                else if (m_contact && m_model->rowOf(m_contact->id) >= 0)
                    m_list->setCurrentIndex(m_model->index(m_model->rowOf(m_contact->id)));
            } else {
                m_model->update(r.value); // in place: the agent keeps the current row
            }
            showListState();
            refreshUnreadTotal();
            Q_EMIT contactsLoaded();
        });
}

void InboxTab::loadMoreContacts() {
    if (!m_context.inbox || m_loadingContacts || !m_moreContacts || m_model->showingHits() ||
        m_model->rowCount() == 0)
        return;
    m_loadingContacts = true;
    ContactQuery query =
        ContactQuery::after(m_model->contact(m_model->rowCount() - 1), ContactPage);
    query.assignee = scopeAssignee();
    m_context.inbox->contacts(query, this,
                              [this, seq = m_listSeq](const StoreResult<QList<ContactSummary>> &r) {
                                  if (seq != m_listSeq)
                                      return; // another scope's page
                                  m_loadingContacts = false;
                                  if (!r.ok() || m_model->showingHits())
                                      return;
                                  m_moreContacts = r.value.size() >= ContactPage;
                                  m_model->appendContacts(r.value);
                              });
}

void InboxTab::runSearch() {
    const QString text = m_search->text().trimmed();
    const quint64 seq = ++m_searchSeq;
    if (text.isEmpty()) {
        loadContacts();
        return;
    }
    if (!m_context.inbox)
        return;
    m_context.inbox->search(
        text, 100, this, [this, seq, text](const StoreResult<QList<SearchHit>> &r) {
            if (seq != m_searchSeq)
                return; // the agent typed on: a newer search is on its way
            QList<ContactListModel::Hit> hits;
            if (r.ok()) {
                for (const SearchHit &h : r.value) {
                    ContactListModel::Hit hit;
                    hit.contact.id = h.contactId;
                    hit.contact.number = h.number;
                    hit.contact.name = h.name;
                    hit.contact.lastAt = h.item.at;
                    if (!h.item.channel.isEmpty())
                        hit.contact.channels = {h.item.channel};
                    hit.snippet = Snippet::fromMarked(h.highlighted, QString(Inbox::HighlightStart),
                                                      QString(Inbox::HighlightEnd));
                    hit.channel = h.item.channel;
                    hit.rowId = h.item.rowId;
                    hit.at = h.item.at;
                    hits << hit;
                }
            }
            m_model->setHits(hits);
            m_listState->setText(!r.ok()          ? tr("The search failed: %1").arg(r.error)
                                 : hits.isEmpty() ? tr("Nothing matches “%1”.").arg(text)
                                                  : tr("%n match(es)", nullptr, int(hits.size())));
            m_listState->show();
            Q_EMIT searchFinished(text, int(hits.size()));
        });
}

void InboxTab::openIndex(const QModelIndex &index) {
    if (!index.isValid())
        return;
    const qint64 id = index.data(ContactListModel::IdRole).toLongLong();
    if (index.data(ContactListModel::HitRole).toBool())
        openContact(id, index.data(ContactListModel::HitChannelRole).toString(),
                    index.data(ContactListModel::HitRowIdRole).toLongLong());
    else
        openContact(id);
}

void InboxTab::onContactsChanged(const QList<qint64> &ids) {
    if (!m_context.inbox)
        return;
    if (ids.isEmpty()) {
        if (!m_model->showingHits())
            loadContacts();
        if (m_contact)
            loadThread(m_contact->id, qMax(ThreadPage, int(m_thread->items().size())));
        return;
    }
    // One store job for the batch: a job per contact meant hundreds of results a second
    // posted to the GUI thread under a flood, each freed here.
    m_context.inbox->contactsById(ids, this, [this](const StoreResult<QList<ContactSummary>> &r) {
        if (!r.ok() || r.value.isEmpty())
            return;
        // Most changes (a status callback on an outbound message) leave the unread
        // counts as they were: the total is read again only when one of them moved.
        bool unreadMoved = false;
        QList<ContactSummary> shown;
        for (const ContactSummary &c : r.value) {
            const int row = m_model->rowOf(c.id);
            unreadMoved = unreadMoved || row < 0 || m_model->contact(row).unread != c.unread ||
                          m_model->contact(row).assignee != c.assignee;
            if (m_model->showingHits() || inScope(c))
                shown.append(c);
            else
                m_model->remove(c.id); // assigned away from this scope
        }
        m_model->update(shown);
        if (!m_model->showingHits())
            showListState(); // the first conversation, or the last one leaving this scope
        if (m_contact) {
            for (const ContactSummary &c : r.value) {
                if (c.id != m_contact->id)
                    continue;
                m_contact = c;
                updateHeader();
                // The agent is looking at it: what just arrived is read.
                if (m_contact->unread > 0 && isVisible() && window()->isActiveWindow())
                    markRead();
            }
        }
        if (unreadMoved)
            refreshUnreadTotal();
    });
    if (m_contact && ids.contains(m_contact->id)) {
        loadThread(m_contact->id, ThreadPage); // the newest page, merged into what is loaded
    }
}

void InboxTab::refreshUnreadTotal() {
    if (!m_context.inbox)
        return;
    if (m_unreadTotalInFlight) {
        m_unreadTotalDirty = true;
        return;
    }
    m_unreadTotalInFlight = true;
    m_context.inbox->workload(this, [this](const StoreResult<QList<AgentWorkload>> &r) {
        m_unreadTotalInFlight = false;
        if (r.ok()) {
            qint64 total = 0;
            for (const AgentWorkload &w : r.value)
                total += w.unreadMessages;
            if (int(total) != m_unreadTotal) {
                m_unreadTotal = int(total);
                Q_EMIT unreadCountChanged(m_unreadTotal);
            }
            updateScopeCounts(r.value);
        }
        if (std::exchange(m_unreadTotalDirty, false))
            refreshUnreadTotal();
    });
}

void InboxTab::refreshListPresence() {
    if (!m_context.inbox)
        return;
    if (m_listPresenceInFlight) {
        m_listPresenceDirty = true;
        return;
    }
    m_listPresenceInFlight = true;
    m_context.inbox->presenceEverywhere(this, [this](const StoreResult<QList<Presence>> &r) {
        m_listPresenceInFlight = false;
        if (r.ok()) {
            QList<Presence> others;
            const QString me = m_context.agent.trimmed();
            std::copy_if(r.value.cbegin(), r.value.cend(), std::back_inserter(others),
                         [&me](const Presence &p) { return p.agent != me; });
            m_model->setPresence(others);
        }
        if (std::exchange(m_listPresenceDirty, false))
            refreshListPresence();
    });
}

void InboxTab::showListState() {
    const bool empty = m_model->rowCount() == 0;
    switch (scope()) {
    case Scope::Everyone:
        m_listState->setText(tr("No conversations yet."));
        break;
    case Scope::Mine:
        m_listState->setText(tr("No conversation is assigned to you."));
        break;
    case Scope::Unassigned:
        m_listState->setText(tr("Every conversation is assigned."));
        break;
    }
    m_listState->setVisible(empty);
}

void InboxTab::updateScopeCounts(const QList<AgentWorkload> &load) {
    AgentWorkload everyone;
    AgentWorkload mine;
    AgentWorkload unassigned;
    for (const AgentWorkload &w : load) {
        everyone.conversations += w.conversations;
        everyone.unreadConversations += w.unreadConversations;
        if (w.agent.isEmpty())
            unassigned = w;
        else if (w.agent == m_context.agent)
            mine = w;
    }
    const auto label = [this](const QString &name, const AgentWorkload &w) {
        return w.unreadConversations > 0 ? tr("%1 — %2 unread").arg(name).arg(w.unreadConversations)
                                         : name;
    };
    m_scope->setItemText(0, label(tr("Everyone's conversations"), everyone));
    m_scope->setItemText(1, label(tr("Mine (%1)").arg(mine.conversations), mine));
    m_scope->setItemText(2, label(tr("Unassigned (%1)").arg(unassigned.conversations), unassigned));
}

void InboxTab::setScope(Scope scope) {
    m_scope->setCurrentIndex(int(scope));
}

InboxTab::Scope InboxTab::scope() const {
    const auto chosen = Scope(qBound(0, m_scope->currentIndex(), 2));
    // Without an agent's name nothing is anyone's "Mine" (its entry is disabled then).
    return chosen == Scope::Mine && m_context.agent.isEmpty() ? Scope::Everyone : chosen;
}

bool InboxTab::draftingReply() const {
    return !m_noteMode && !m_reply->text().trimmed().isEmpty();
}

std::optional<QString> InboxTab::scopeAssignee() const {
    switch (scope()) {
    case Scope::Mine:
        return m_context.agent;
    case Scope::Unassigned:
        return QString();
    case Scope::Everyone:
        break;
    }
    return std::nullopt;
}

bool InboxTab::inScope(const ContactSummary &contact) const {
    const std::optional<QString> assignee = scopeAssignee();
    return !assignee || contact.assignee == *assignee;
}

void InboxTab::assign(qint64 contactId, const QString &agent, const QString &expected) {
    if (!m_context.inbox)
        return;
    m_context.inbox->assign(contactId, agent, expected, this,
                            [this, contactId, agent](const StoreResult<Assignment> &r) {
                                if (!m_contact || m_contact->id != contactId)
                                    return; // the agent moved on; the list shows the outcome
                                if (!r.ok())
                                    return m_assignment->showError(r.error);
                                if (!r.value.found)
                                    return m_assignment->showError(tr("the contact is gone"));
                                if (r.value.assignee != agent) // a colleague's change came first
                                    return m_assignment->showConflict(r.value);
                                // The change feed brings the contact back (onContactsChanged); show
                                // it now.
                                m_contact->assignee = r.value.assignee;
                                m_contact->assignedAt = r.value.assignedAt;
                                m_assignment->setContact(m_contact);
                            });
}

// ---- the thread ----------------------------------------------------------------------------

void InboxTab::openContact(qint64 contactId, const QString &hitChannel, qint64 hitRowId) {
    if (!m_context.inbox || contactId == 0)
        return;
    const bool other = !m_contact || m_contact->id != contactId;
    if (other) {
        m_contact = m_model->rowOf(contactId) >= 0
                        ? std::optional(m_model->contact(m_model->rowOf(contactId)))
                        : std::nullopt;
        m_thread->setItems({});
        m_hasOlder = false;
        if (isVisible())
            m_presence->setContact(contactId, draftingReply());
        m_channelChosen = false;
        m_feedback->clearFeedback();
        if (m_noteMode)
            setNoteMode(false);
        finishRename(false);
    }
    m_pendingHitChannel = hitChannel;
    m_pendingHitRowId = hitRowId;
    if (!hitRowId)
        m_thread->followNewest();
    // The full summary (a hit carries only part of it), then the thread.
    m_context.inbox->contact(
        contactId, this, [this, contactId](const StoreResult<std::optional<ContactSummary>> &r) {
            if (!r.ok() || !r.value || !m_contact || m_contact->id != contactId) {
                if (!(r.ok() && r.value))
                    return;
                if (m_contact && m_contact->id != contactId)
                    return;
            }
            m_contact = *r.value;
            updateHeader();
            markRead();
        });
    if (!m_contact) {
        ContactSummary placeholder;
        placeholder.id = contactId;
        m_contact = placeholder;
    }
    updateHeader();
    loadThread(contactId, ThreadPage);
}

void InboxTab::loadThread(qint64 contactId, int limit) {
    ThreadQuery query;
    query.contactId = contactId;
    query.limit = limit;
    const quint64 seq = ++m_threadSeq;
    m_context.inbox->thread(
        query, this, [this, contactId, limit, seq](const StoreResult<Thread> &r) {
            if (!m_contact || m_contact->id != contactId || seq != m_threadSeq)
                return;
            if (!r.ok()) {
                m_feedback->problem(tr("The conversation could not be read: %1").arg(r.error));
                return;
            }
            const bool first = m_thread->items().isEmpty();
            if (first)
                m_hasOlder = r.value.size() >= limit;
            mergeItems(r.value, false);
            if (first && isVisible())
                announceRead();
            Q_EMIT threadLoaded(contactId);
        });
}

void InboxTab::loadOlder() {
    if (!m_contact || !m_hasOlder || m_loadingOlder || m_thread->items().isEmpty())
        return;
    m_loadingOlder = true;
    const qint64 contactId = m_contact->id;
    const ThreadQuery query =
        ThreadQuery::olderThan(contactId, m_thread->items().constFirst(), ThreadPage);
    m_context.inbox->thread(query, this, [this, contactId](const StoreResult<Thread> &r) {
        m_loadingOlder = false;
        if (!m_contact || m_contact->id != contactId || !r.ok())
            return;
        m_hasOlder = r.value.size() >= ThreadPage;
        mergeItems(r.value, true);
    });
}

void InboxTab::mergeItems(const Thread &items, bool older) {
    Thread merged = m_thread->items();
    for (const ThreadItem &item : items) {
        auto it = std::find_if(merged.begin(), merged.end(),
                               [&](const ThreadItem &m) { return sameItem(m, item); });
        if (it != merged.end())
            *it = item; // a status changed
        else
            merged.append(item);
    }
    std::stable_sort(merged.begin(), merged.end(), earlier);
    m_thread->setItems(merged);
    // A search hit further back than what is loaded: fetch older pages until it is there.
    if (m_pendingHitRowId) {
        if (m_thread->highlight(m_pendingHitChannel, m_pendingHitRowId)) {
            m_pendingHitRowId = 0;
        } else if (m_hasOlder) {
            QMetaObject::invokeMethod(this, &InboxTab::loadOlder, Qt::QueuedConnection);
        } else {
            m_pendingHitRowId = 0;
        }
    }
    (void)older;
    if (!m_channelChosen)
        pickDefaultChannel();
    updateReplyState();
}

void InboxTab::markRead() {
    if (!m_contact || !m_context.inbox)
        return;
    const qint64 id = m_contact->id;
    m_model->setUnread(id, 0);
    if (m_contact->unread == 0 && !isVisible())
        return;
    m_contact->unread = 0;
    announceRead();
    m_context.inbox->markRead(id, this,
                              [this](const StoreResult<bool> &) { refreshUnreadTotal(); });
}

void InboxTab::markAddressRead(const QString &address) {
    if (!m_context.inbox || address.isEmpty())
        return;
    m_context.inbox->contactIdFor(address, this, [this](const StoreResult<qint64> &found) {
        if (!found.ok() || found.value == 0)
            return;
        const qint64 id = found.value;
        if (m_contact && m_contact->id == id)
            m_contact->unread = 0;
        m_model->setUnread(id, 0);
        m_context.inbox->markRead(id, this,
                                  [this](const StoreResult<bool> &) { refreshUnreadTotal(); });
    });
}

void InboxTab::announceRead() {
    QStringList addresses;
    for (const ThreadItem &item : m_thread->items()) {
        if (item.direction == QLatin1String("inbound") && !item.from.isEmpty() &&
            !addresses.contains(item.from))
            addresses << item.from;
    }
    if (!addresses.isEmpty())
        Q_EMIT conversationRead(addresses);
}

// ---- the header ----------------------------------------------------------------------------

void InboxTab::updateHeader() {
    const bool open = m_contact.has_value();
    m_rename->setEnabled(open);
    m_export->setEnabled(open);
    m_assignment->setContact(m_contact);
    m_channel->setEnabled(open && !m_noteMode);
    m_reply->setEnabled(open);
    m_note->setEnabled(open);
    if (!open) {
        m_name->setText(tr("Choose a conversation on the left"));
        m_details->clear();
        m_thread->setAccessibleName(tr("Conversation"));
        updateReplyState();
        return;
    }
    const ContactSummary &c = *m_contact;
    m_name->setText(ContactListModel::label(c));
    QStringList parts;
    if (!c.name.isEmpty() && !c.number.isEmpty())
        parts << c.number;
    if (!c.email.isEmpty())
        parts << c.email;
    QStringList channels;
    for (const QString &channel : c.channels)
        channels << ContactDelegate::channelName(channel);
    if (!channels.isEmpty())
        parts << tr("on %1").arg(channels.join(QStringLiteral(", ")));
    if (c.optedOutOf.isEmpty())
        parts << tr("has not opted out");
    else
        parts << tr("opted out (replied STOP) of messages from %1")
                     .arg(c.optedOutOf.join(QStringLiteral(", ")));
    m_details->setText(parts.join(QStringLiteral(" · ")));
    SchemeColors::setTone(m_details, c.optedOutOf.isEmpty() ? Tone::Faint : Tone::Warning);
    m_thread->setAccessibleName(tr("Conversation with %1").arg(ContactListModel::label(c)));
    m_reply->setAccessibleName(tr("Reply to %1").arg(ContactListModel::label(c)));
    updateReplyState();
}

void InboxTab::startRename() {
    if (!m_contact)
        return;
    m_nameEdit->setText(m_contact->name);
    m_name->hide();
    m_nameEdit->show();
    m_nameEdit->setFocus(Qt::ShortcutFocusReason);
    m_nameEdit->selectAll();
}

void InboxTab::finishRename(bool save) {
    if (!m_nameEdit->isVisible())
        return;
    m_nameEdit->hide();
    m_name->show();
    if (!save || !m_contact || !m_context.inbox)
        return;
    const QString name = m_nameEdit->text().trimmed();
    const qint64 id = m_contact->id;
    m_contact->name = name;
    m_model->setName(id, name);
    updateHeader();
    m_context.inbox->setContactName(id, name, this, [this](const StoreResult<bool> &r) {
        if (!r.ok())
            m_feedback->problem(tr("The name was not saved: %1").arg(r.error));
    });
    m_list->setFocus(Qt::OtherFocusReason);
}

// ---- the reply box -------------------------------------------------------------------------

ReplyRoute *InboxTab::currentRoute() const {
    const QString channel = m_channel->currentData().toString();
    for (ReplyRoute *route : m_context.routes) {
        if (route->channel() == channel)
            return route;
    }
    return nullptr;
}

void InboxTab::pickDefaultChannel() {
    // The channel of the contact's last inbound item, else of their last item.
    QString channel;
    const Thread &items = m_thread->items();
    for (auto it = items.crbegin(); it != items.crend(); ++it) {
        if (it->kind == ThreadItem::Kind::Message && it->direction == QLatin1String("inbound")) {
            channel = it->channel;
            break;
        }
    }
    if (channel.isEmpty() && m_contact)
        channel = m_contact->lastChannel;
    const int index = m_channel->findData(channel);
    if (index >= 0)
        m_channel->setCurrentIndex(index);
}

void InboxTab::setNoteMode(bool on) {
    m_noteMode = on;
    m_presence->setReplying(draftingReply()); // a note is not an answer to the customer
    const QSignalBlocker quiet(m_note);
    m_note->setChecked(on);
    m_send->setText(on ? tr("Save note") : tr("Send"));
    m_send->setAccessibleName(on ? tr("Save note") : tr("Send reply"));
    m_reply->setPlaceholderText(on ? tr("Internal note, never sent… (Enter saves, Escape "
                                        "cancels)")
                                   : tr("Reply… (Enter sends)"));
    // The box takes a note's tint, so a note is never mistaken for a reply.
    QPalette pal = palette();
    if (on) {
        const SchemeColors::Pair tint = SchemeColors::banner(palette(), Tone::Warning);
        pal.setColor(QPalette::Base, tint.background);
        pal.setColor(QPalette::Text,
                     SchemeColors::readable(palette().color(QPalette::Text), tint.background));
    }
    m_reply->setPalette(pal);
    m_channel->setEnabled(m_contact.has_value() && !on);
    updateReplyState();
}

void InboxTab::updateReplyState() {
    m_counter->clear();
    m_window->hide();
    ReplyRoute *route = currentRoute();
    if (!m_contact || !route) {
        m_send->setEnabled(false);
        m_sendLater->setEnabled(false);
        return;
    }
    // Notes take no attachments and are never scheduled.
    m_attachments->setVisible(!m_noteMode);
    m_sendLater->setVisible(!m_noteMode);
    if (m_limitsChannel != route->channel()) { // checks again, which comes back here
        m_limitsChannel = route->channel();
        m_attachments->setLimits(route->mediaLimits());
    }
    if (m_noteMode) {
        m_reply->setReadOnly(m_busy);
        m_send->setEnabled(!m_busy && !m_reply->text().trimmed().isEmpty());
        m_counter->setText(tr("Only agents see notes; they are never sent."));
        return;
    }
    ReplyRoute::Contact who;
    who.number = m_contact->number;
    const Thread &items = m_thread->items();
    for (auto it = items.crbegin(); it != items.crend(); ++it) {
        if (it->channel == route->channel() && it->direction == QLatin1String("inbound")) {
            who.lastInbound = it->at;
            break;
        }
    }
    who.known = who.lastInbound.isValid() || !m_hasOlder;
    // Every route's state worth telling (WhatsApp's window), whichever is picked.
    QStringList states;
    for (ReplyRoute *r : std::as_const(m_context.routes)) {
        if (r != route && !m_contact->channels.contains(r->channel()))
            continue;
        ReplyRoute::Contact forRoute = who;
        forRoute.lastInbound = {};
        for (auto it = items.crbegin(); it != items.crend(); ++it) {
            if (it->channel == r->channel() && it->direction == QLatin1String("inbound")) {
                forRoute.lastInbound = it->at;
                break;
            }
        }
        forRoute.known = forRoute.lastInbound.isValid() || !m_hasOlder;
        const QString state = r->state(forRoute);
        if (!state.isEmpty())
            states << state;
    }
    m_window->setText(states.join(QLatin1Char('\n')));
    m_window->setVisible(!states.isEmpty());
    const bool freeText = route->freeTextAllowed(who);
    SchemeColors::setTone(m_window, freeText ? Tone::Faint : Tone::Warning);
    const QString body = m_reply->text();
    QString problem = route->problem(who, body);
    if (problem.isEmpty())
        problem = m_attachments->problem();
    const bool content = !body.trimmed().isEmpty() || !m_attachments->isEmpty();
    m_reply->setReadOnly(m_busy || !freeText);
    m_reply->setPlaceholderText(
        freeText ? tr("Reply… (Enter sends)")
                 : tr("Free text cannot be sent on %1 now: see above").arg(route->title()));
    m_send->setEnabled(!m_busy && content && problem.isEmpty() && !m_attachments->isBusy());
    m_sendLater->setEnabled(m_send->isEnabled());
    if (!problem.isEmpty()) {
        SchemeColors::setTone(m_counter, Tone::Error);
        m_counter->setText(problem);
    } else {
        SchemeColors::setTone(m_counter, Tone::Faint);
        m_counter->setText(route->counter(body));
    }
}

void InboxTab::sendLater() {
    if (m_noteMode || !m_sendLater->isEnabled())
        return;
    const QDateTime at = SendLaterDialog::ask(this);
    if (at.isValid())
        send(at);
}

void InboxTab::send(const QDateTime &sendAt) {
    ReplyRoute *route = currentRoute();
    if (m_busy || !m_contact || !route)
        return;
    const QString body = m_reply->text();
    if (body.trimmed().isEmpty() && m_attachments->isEmpty()) {
        m_feedback->problem(tr("Nothing was sent: type a reply first."));
        return;
    }
    if (!m_send->isEnabled())
        return; // the check under the box says why
    m_busy = true;
    const qint64 contactId = m_contact->id;
    m_feedback->sending(m_contact->number);
    updateReplyState();
    m_thread->followNewest();
    const ReplyRoute::Extras extras{m_attachments->urls(), sendAt};
    route->send(
        m_contact->number, body, extras, [this, contactId](const ReplyRoute::Result &result) {
            m_busy = false;
            const bool same = m_contact && m_contact->id == contactId;
            if (!result.refusal.isEmpty()) {
                if (same)
                    m_feedback->problem(tr("Nothing was sent: %1").arg(result.refusal));
            } else {
                const bool accepted = !SendFeedback::refused(result.outcome);
                if (same && accepted) { // only now: a refused reply keeps its text and files
                    m_reply->clear();
                    m_attachments->clear();
                }
                if (same)
                    m_feedback->settle(result.to, result.outcome);
            }
            updateReplyState();
        });
}

QString InboxTab::authorName() const {
    QString name = m_context.agent;
    if (name.isEmpty() && m_context.settings)
        name = m_context.settings->value(QStringLiteral("agent/name")).toString();
    if (name.isEmpty())
        name = qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME"));
    return name.isEmpty() ? tr("Agent") : name;
}

void InboxTab::saveNote() {
    if (m_busy || !m_contact || !m_context.inbox)
        return;
    const QString body = m_reply->text().trimmed();
    if (body.isEmpty())
        return;
    m_busy = true;
    updateReplyState();
    const qint64 contactId = m_contact->id;
    m_thread->followNewest();
    m_context.inbox->addNote(
        contactId, body, authorName(), this, [this, contactId](const StoreResult<ThreadItem> &r) {
            m_busy = false;
            const bool same = m_contact && m_contact->id == contactId;
            if (!r.ok()) {
                if (same)
                    m_feedback->problem(tr("The note was not saved: %1").arg(r.error));
                updateReplyState();
                return;
            }
            if (same) {
                m_reply->clear();
                setNoteMode(false);
                mergeItems({r.value}, false);
                m_feedback->note(tr("Note saved; it is not sent to the "
                                    "customer."));
            }
            updateReplyState();
        });
}

// ---- focus and keys ------------------------------------------------------------------------

void InboxTab::focusSearch() {
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void InboxTab::focusReply() {
    m_reply->setFocus(Qt::ShortcutFocusReason);
    m_reply->end(false);
}

bool InboxTab::eventFilter(QObject *watched, QEvent *event) {
    if (event->type() != QEvent::KeyPress)
        return QWidget::eventFilter(watched, event);
    const auto *key = static_cast<QKeyEvent *>(event);
    if (watched == m_search && key->key() == Qt::Key_Down && m_model->rowCount() > 0) {
        m_list->setFocus(Qt::TabFocusReason);
        if (!m_list->currentIndex().isValid())
            m_list->setCurrentIndex(m_model->index(0));
        return true;
    }
    if (watched == m_list && key->key() == Qt::Key_Escape) {
        focusSearch();
        return true;
    }
    if (watched == m_nameEdit) {
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            finishRename(true);
            return true;
        }
        if (key->key() == Qt::Key_Escape) {
            finishRename(false);
            return true;
        }
    }
    if (watched == m_reply && key->key() == Qt::Key_Escape) {
        if (m_noteMode)
            setNoteMode(false);
        else
            m_list->setFocus(Qt::OtherFocusReason);
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace sb

namespace sb {

void InboxTab::exportThread() {
    if (!m_contact)
        return;
    QString name = ContactListModel::label(*m_contact);
    name.replace(QRegularExpression(QStringLiteral("[^\\w+-]+")), QStringLiteral("-"));
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export the conversation"), QDir::home().filePath(name + QStringLiteral(".csv")),
        tr("CSV, for a spreadsheet (*.csv);;PDF, to print (*.pdf)"));
    if (!path.isEmpty())
        exportThreadTo(path);
}

void InboxTab::exportThreadTo(const QString &path) {
    if (!m_contact || !m_context.inbox)
        return;
    const QString label = m_contact->name.isEmpty()
                              ? m_contact->number
                              : QStringLiteral("%1 (%2)").arg(m_contact->name, m_contact->number);
    m_feedback->note(tr("Exporting the conversation with %1…").arg(label));
    Receiver me(this);
    m_context.inbox->thread(
        ThreadQuery::newest(m_contact->id, 0), me,
        [this, me, path, label](const StoreResult<Thread> &result) {
            if (!result.ok()) {
                const QString error =
                    tr("The conversation could not be read: %1").arg(result.error);
                m_feedback->problem(tr("Nothing was exported. %1").arg(error));
                Q_EMIT threadExported(path, error);
                return;
            }
            ThreadExport::exportThread(
                result.value, label, path, ThreadExport::formatFor(path), me,
                [this, path](const QString &error) {
                    if (error.isEmpty())
                        m_feedback->note(tr("Exported to %1").arg(QDir::toNativeSeparators(path)));
                    else
                        m_feedback->problem(tr("Nothing was exported: %1").arg(error));
                    Q_EMIT threadExported(path, error);
                });
        });
}

} // namespace sb
