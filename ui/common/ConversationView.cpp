#include "ConversationView.h"

#include "LinkifiedText.h"
#include "MediaAttachments.h"
#include "MessageActions.h"
#include "MessageTableModel.h"
#include "OptOut.h"
#include "SchemeColors.h"
#include "SendFeedback.h"
#include "StatusColors.h"
#include "TimeFormat.h"
#include "canned/CannedPicker.h"
#include "providers/twilio/TwilioError.h"

#include <QAbstractTextDocumentLayout>
#include <QDesktopServices>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextTable>
#include <QTimer>
#include <QVBoxLayout>

namespace sb {

namespace {

const QString kRetryScheme = QStringLiteral("sb-retry");
const QString kEditScheme = QStringLiteral("sb-edit");

} // namespace

ConversationView::ConversationView(Store *store, QString channel, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_channel(std::move(channel))
    , m_model(new MessageTableModel(store, this))
    , m_oldestFirst(new QSortFilterProxyModel(this))
    , m_title(new QLabel(this))
    , m_thread(new QTextBrowser(this))
    , m_optOut(new QLabel(this))
    , m_reply(new QLineEdit(this))
    , m_send(new QPushButton(tr("Reply"), this))
    , m_feedback(new SendFeedback(this))
    , m_renderDelay(new QTimer(this))
    , m_media(new MediaAttachments(store, this)) {
    connect(m_media, &MediaAttachments::changed, this, &ConversationView::scheduleRender);
    connect(m_media, &MediaAttachments::saved, this, [this](const QString &path, const QString &e) {
        if (e.isEmpty())
            m_feedback->note(tr("Saved to %1.").arg(path));
        else
            m_feedback->problem(tr("Not saved to %1: %2").arg(path, e));
    });
    m_oldestFirst->setSourceModel(m_model);
    m_oldestFirst->setSortRole(Qt::UserRole);
    m_oldestFirst->setDynamicSortFilter(true);
    m_oldestFirst->sort(MessageTableModel::Time, Qt::AscendingOrder);
    m_feedback->setObjectName(QStringLiteral("conversationFeedback"));
    m_feedback->setStore(store);

    m_thread->setObjectName(QStringLiteral("conversationThread"));
    m_thread->setReadOnly(true);
    m_thread->setOpenLinks(false);
    m_thread->setUndoRedoEnabled(false);
    m_thread->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_thread->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    m_thread->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard |
                                      Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    m_thread->setContextMenuPolicy(Qt::CustomContextMenu);
    m_thread->setAccessibleDescription(
        tr("The messages with this customer, oldest first. Open a message's menu for copy, "
           "details, retry and edit."));
    m_thread->installEventFilter(this);
    m_thread->viewport()->installEventFilter(this);

    m_optOut->setObjectName(QStringLiteral("conversationOptOut"));
    m_optOut->setWordWrap(true);
    SchemeColors::setTone(m_optOut, Tone::Warning);
    m_optOut->hide();
    m_reply->setObjectName(QStringLiteral("conversationReply"));
    CannedPicker::attach(m_reply, [this] { return CannedContext{m_contactName, m_contact, {}}; });
    m_reply->setPlaceholderText(tr("Reply… (Enter sends)"));
    m_send->setObjectName(QStringLiteral("conversationSend"));
    m_send->setAccessibleName(tr("Send reply"));
    m_title->setObjectName(QStringLiteral("conversationTitle"));
    m_title->setWordWrap(true);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);

    auto *replyRow = new QHBoxLayout;
    replyRow->addWidget(m_reply, 1);
    replyRow->addWidget(m_send);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_thread, 1);
    layout->addWidget(m_optOut);
    layout->addLayout(replyRow);
    layout->addWidget(m_feedback);

    m_renderDelay->setSingleShot(true);
    m_renderDelay->setInterval(15); // one render for a burst of row changes
    connect(m_renderDelay, &QTimer::timeout, this, &ConversationView::render);
    connect(m_oldestFirst, &QAbstractItemModel::modelReset, this,
            &ConversationView::scheduleRender);
    connect(m_oldestFirst, &QAbstractItemModel::layoutChanged, this,
            &ConversationView::scheduleRender);
    connect(m_oldestFirst, &QAbstractItemModel::rowsInserted, this,
            &ConversationView::scheduleRender);
    connect(m_oldestFirst, &QAbstractItemModel::rowsRemoved, this,
            &ConversationView::scheduleRender);
    connect(m_oldestFirst, &QAbstractItemModel::dataChanged, this,
            &ConversationView::scheduleRender);
    // A render is held back while text is selected, so an arriving status never drops the
    // agent's selection; it happens once the selection is gone.
    connect(m_thread, &QTextBrowser::selectionChanged, this, [this] {
        if (m_renderPending && !m_thread->textCursor().hasSelection())
            scheduleRender();
    });
    connect(m_thread, &QTextBrowser::anchorClicked, this, &ConversationView::onAnchor);
    connect(m_thread, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        QMenu *menu = m_thread->createStandardContextMenu(pos);
        const MessageRecord m = messageAt(pos);
        if (m.id != 0) {
            menu->addSeparator();
            QMenu *actions = menuFor(m, menu);
            menu->addActions(actions->actions());
        }
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->popup(m_thread->viewport()->mapToGlobal(pos));
    });
    connect(m_thread->verticalScrollBar(), &QScrollBar::valueChanged, this, [this](int value) {
        QScrollBar *bar = m_thread->verticalScrollBar();
        m_followBottom = value >= bar->maximum() - 4;
        if (value == bar->minimum() && m_model->canFetchMore({}))
            m_model->fetchMore({}); // older messages as the agent scrolls up
    });
    connect(m_send, &QPushButton::clicked, this, &ConversationView::sendReply);
    connect(m_reply, &QLineEdit::returnPressed, this, &ConversationView::sendReply);
    connect(m_reply, &QLineEdit::textChanged, this, &ConversationView::updateReplyState);
    setContact({});
}

void ConversationView::setStatuses(const ChannelStatuses &statuses) {
    m_statuses = statuses;
    m_model->setStatuses(statuses);
    m_feedback->setStatuses(statuses);
    scheduleRender();
}

void ConversationView::setReplyCheck(ReplyCheck check) {
    m_replyCheck = std::move(check);
    updateReplyState();
}

void ConversationView::recheckReply() {
    updateReplyState();
}

void ConversationView::setOptOutWarnings(bool on) {
    m_optOutWarnings = on;
    scheduleRender();
}

void ConversationView::setStatusMarks(StatusMarks marks) {
    m_statusMarks = std::move(marks);
    scheduleRender();
}

void ConversationView::setContact(const QString &number) {
    m_contact = number;
    m_contactName.clear();
    updateTitle();
    m_reply->setAccessibleName(number.isEmpty() ? tr("Reply") : tr("Reply to %1").arg(number));
    m_reply->setEnabled(!number.isEmpty());
    m_feedback->clearFeedback();
    m_followBottom = true;
    m_optOut->hide();
    MessageQuery query;
    query.channel = m_channel;
    query.contact = number.isEmpty() ? QStringLiteral("\x01none") : number;
    m_model->setQuery(query);
    updateReplyState();
}

void ConversationView::setContactName(const QString &name) {
    m_contactName = name;
    updateTitle();
}

void ConversationView::updateTitle() {
    const QString who = m_contactName.isEmpty()
                            ? m_contact
                            : tr("%1 (%2)", "name (address)").arg(m_contactName, m_contact);
    m_title->setText(m_contact.isEmpty() ? tr("Select a message to see the conversation")
                                         : tr("Conversation with %1").arg(who));
    m_thread->setAccessibleName(m_contact.isEmpty() ? tr("Conversation")
                                                    : tr("Conversation with %1").arg(who));
}

QList<MessageRecord> ConversationView::messages() const {
    QList<MessageRecord> list;
    list.reserve(m_oldestFirst->rowCount());
    for (int row = 0; row < m_oldestFirst->rowCount(); ++row)
        list.append(m_oldestFirst->index(row, 0)
                        .data(MessageTableModel::RecordRole)
                        .value<MessageRecord>());
    return list;
}

MessageRecord ConversationView::recordById(qint64 id) const {
    const int row = m_model->rowForId(id);
    return row >= 0 ? m_model->record(row) : MessageRecord{};
}

MessageRecord ConversationView::messageAt(const QPoint &viewportPos) const {
    const QTextCursor cursor = m_thread->cursorForPosition(viewportPos);
    const QTextTable *table = cursor.currentTable();
    if (!table)
        return {};
    return recordById(table->format().property(MessageIdProperty).toLongLong());
}

QMenu *ConversationView::menuFor(const MessageRecord &message, QWidget *parent) {
    auto *menu = new QMenu(parent);
    MessageActions actions;
    actions.statuses = m_statuses;
    actions.openDetails = [this](const MessageRecord &m) {
        Q_EMIT detailsRequested(m);
    };
    actions.retry = [this](const MessageRecord &m) {
        retry(m.id);
    };
    actions.editAndResend = [this](const MessageRecord &m) {
        editAndResend(m);
    };
    actions.addTo(menu, message);
    return menu;
}

void ConversationView::retry(qint64 messageId) {
    const MessageRecord m = recordById(messageId);
    if (!m_statuses.isFailure(m))
        return;
    Q_EMIT retryRequested(m);
}

void ConversationView::editAndResend(const MessageRecord &m) {
    if (!m_statuses.isFailure(m))
        return;
    m_reply->setText(m.body);
    m_feedback->note(tr("Editing the message that failed: change it and press Enter to send it "
                        "again."));
    focusReply();
}

void ConversationView::onAnchor(const QUrl &url) {
    if (m_media->handleAnchor(url))
        return;
    if (url.scheme() == kRetryScheme)
        retry(url.path().toLongLong());
    else if (url.scheme() == kEditScheme)
        editAndResend(recordById(url.path().toLongLong()));
    else if (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https"))
        QDesktopServices::openUrl(url);
}

void ConversationView::focusReply() {
    m_reply->setFocus(Qt::ShortcutFocusReason);
    m_reply->end(false);
}

void ConversationView::setReplyBusy(bool busy) {
    m_busy = busy;
    m_reply->setReadOnly(busy);
    updateReplyState();
}

void ConversationView::replyAccepted() {
    m_reply->clear();
}

void ConversationView::updateReplyState() {
    const QString body = m_reply->text();
    const QString problem = m_replyCheck ? m_replyCheck(body) : QString();
    m_send->setEnabled(!m_busy && !m_contact.isEmpty() && !body.trimmed().isEmpty() &&
                       problem.isEmpty());
    if (!problem.isEmpty())
        m_feedback->problem(problem);
    else if (m_replyProblem)
        m_feedback->clearFeedback();
    m_replyProblem = !problem.isEmpty();
}

void ConversationView::sendReply() {
    if (m_busy || m_contact.isEmpty())
        return;
    const QString body = m_reply->text();
    if (body.trimmed().isEmpty()) {
        m_feedback->problem(tr("Nothing was sent: type a reply first."));
        return;
    }
    if (!m_send->isEnabled())
        return; // the reply check failed: the feedback already says why
    Q_EMIT replyRequested(m_contact, body);
}

bool ConversationView::eventFilter(QObject *watched, QEvent *event) {
    if (watched == m_thread->viewport() && event->type() == QEvent::Resize) {
        const auto *resize = static_cast<QResizeEvent *>(event);
        if (resize->size().width() != resize->oldSize().width())
            scheduleRender(); // bubble widths follow the pane's width
    } else if (watched == m_thread &&
               (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)) {
        scheduleRender();
    }
    return QWidget::eventFilter(watched, event);
}

void ConversationView::changeEvent(QEvent *event) {
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        scheduleRender();
    QWidget::changeEvent(event);
}

void ConversationView::scheduleRender() {
    m_renderDelay->start();
}

void ConversationView::render() {
    if (m_thread->textCursor().hasSelection()) {
        m_renderPending = true;
        return;
    }
    m_renderPending = false;
    QScrollBar *bar = m_thread->verticalScrollBar();
    const bool follow = m_followBottom;
    const int fromBottom = bar->maximum() - bar->value();

    const QPalette palette = m_thread->palette();
    const QList<MessageRecord> all = messages();
    QList<qint64> ids;
    ids.reserve(all.size());
    for (const MessageRecord &m : all)
        ids.append(m.id);
    m_media->setMessages(ids); // loads in the background; changed() renders again
    QTextDocument *doc = m_thread->document();
    doc->clear();
    doc->setDocumentMargin(8);
    QTextCursor cursor(doc);
    const int width = m_thread->viewport()->width();
    const int gap = qMax(24, width / 5); // a bubble takes at most four fifths of the width
    QFont small = m_thread->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    QTextCharFormat spacer;
    spacer.setFontPointSize(qMax(2.0, small.pointSizeF() * 0.5));
    cursor.setBlockCharFormat(spacer);

    for (const MessageRecord &m : all) {
        const bool outbound = m.direction != QLatin1String("inbound");
        const bool failed = m_statuses.isFailure(m);
        const StatusInfo status = m_statuses.info(m);
        const SchemeColors::Pair colors = SchemeColors::bubble(palette, outbound, failed);
        QTextTableFormat bubble;
        bubble.setAlignment(outbound ? Qt::AlignRight : Qt::AlignLeft);
        bubble.setBackground(colors.background);
        bubble.setBorder(failed ? 1.5 : 0);
        bubble.setBorderBrush(colors.border);
        bubble.setBorderStyle(QTextFrameFormat::BorderStyle_Solid);
        bubble.setCellPadding(8);
        bubble.setCellSpacing(0);
        bubble.setLeftMargin(outbound ? gap : 0);
        bubble.setRightMargin(outbound ? 0 : gap);
        bubble.setBottomMargin(4);
        bubble.setProperty(MessageIdProperty, m.id);
        QTextTable *table = cursor.insertTable(1, 1, bubble);
        QTextCursor cell = table->cellAt(0, 0).firstCursorPosition();

        QTextCharFormat text;
        text.setForeground(colors.text);
        if (m.body.isEmpty()) {
            text.setFontItalic(true);
            cell.insertText(tr("(no text)"), text);
        } else {
            LinkifiedText::insert(cell, m.body, text,
                                  SchemeColors::text(Tone::Info, palette, colors.background));
        }
        m_media->insert(cell, m.id, palette, colors.background, text);

        QTextBlockFormat meta;
        meta.setAlignment(outbound ? Qt::AlignRight : Qt::AlignLeft);
        meta.setTopMargin(2);
        QTextCharFormat metaText;
        metaText.setFont(small);
        metaText.setForeground(SchemeColors::text(Tone::Faint, palette, colors.background));
        metaText.setToolTip(TimeFormat::full(m.createdAt));
        cell.insertBlock(meta, metaText);
        if (m.scheduledFor.isValid()) {
            metaText.setToolTip(
                tr("Goes out at %1 (scheduled at %2)")
                    .arg(TimeFormat::full(m.scheduledFor), TimeFormat::full(m.createdAt)));
            cell.insertText(tr("Scheduled for %1").arg(TimeFormat::brief(m.scheduledFor)),
                            metaText);
        } else {
            cell.insertText(TimeFormat::brief(m.createdAt), metaText);
        }
        if (outbound && !m.agent.isEmpty()) {
            // Who answered: in a team, the others see it before answering the same customer.
            QTextCharFormat agentText = metaText;
            agentText.setToolTip(tr("Sent by %1").arg(m.agent));
            cell.insertText(QStringLiteral(" · ") + m.agent, agentText);
        }
        if (outbound && !failed) {
            // The tick and the label, with what the status means on hover.
            const StatusMark mark = m_statusMarks
                                        ? m_statusMarks(m, status)
                                        : StatusMark{StatusColors::tick(status.tone), Tone::Faint};
            QTextCharFormat statusText = metaText;
            statusText.setToolTip(status.meaning);
            cell.insertText(QStringLiteral("  "), metaText);
            QTextCharFormat markText = statusText;
            markText.setForeground(SchemeColors::text(mark.tone, palette, colors.background));
            cell.insertText(mark.text, markText);
            cell.insertText(QLatin1Char(' ') + status.label, statusText);
        }

        if (failed) {
            QTextBlockFormat reasonBlock;
            reasonBlock.setTopMargin(4);
            QTextCharFormat reason;
            reason.setForeground(SchemeColors::text(Tone::Error, palette, colors.background));
            reason.setFontWeight(QFont::DemiBold);
            const QString why = m.errorCode ? TwilioError::explain(m.errorCode) : m.errorMessage;
            const QString code = m.errorCode ? QStringLiteral(" (%1)").arg(m.errorCode) : QString();
            cell.insertBlock(reasonBlock, reason);
            cell.insertText(
                tr("⚠ Not delivered: %1%2").arg(why.isEmpty() ? tr("no reason given.") : why, code),
                reason);
            QTextCharFormat link;
            link.setForeground(SchemeColors::text(Tone::Info, palette, colors.background));
            link.setFontUnderline(true);
            link.setAnchor(true);
            cell.insertBlock(reasonBlock, text);
            link.setAnchorHref(QStringLiteral("%1:%2").arg(kRetryScheme).arg(m.id));
            cell.insertText(tr("Retry"), link);
            cell.insertText(QStringLiteral("   ·   "), text);
            link.setAnchorHref(QStringLiteral("%1:%2").arg(kEditScheme).arg(m.id));
            cell.insertText(tr("Edit and resend"), link);
        }
        cursor.movePosition(QTextCursor::End);
        cursor.setBlockCharFormat(spacer);
    }

    // Warn before writing to someone who opted out (newest first for the check).
    QList<MessageRecord> newestFirst(all.crbegin(), all.crend());
    if (m_optOutWarnings && !m_contact.isEmpty()) {
        OptOut::lookup(m_store, m_contact, newestFirst, this,
                       [this, contact = m_contact](const QString &warning) {
                           if (contact != m_contact)
                               return; // another conversation is open by now
                           m_optOut->setText(warning);
                           m_optOut->setVisible(!warning.isEmpty());
                       });
    } else {
        m_optOut->hide();
    }

    // Keep the agent's place: at the bottom if they were there, else the same distance from it.
    doc->documentLayout()->documentSize(); // lays the document out so the range is right
    QMetaObject::invokeMethod(
        this,
        [this, follow, fromBottom] {
            QScrollBar *b = m_thread->verticalScrollBar();
            b->setValue(follow ? b->maximum() : b->maximum() - fromBottom);
            m_followBottom = follow;
        },
        Qt::QueuedConnection);
    Q_EMIT rendered();
}

} // namespace sb
