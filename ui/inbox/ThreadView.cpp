#include "ThreadView.h"

#include "ContactDelegate.h"
#include "common/LinkifiedText.h"
#include "common/MediaAttachments.h"
#include "common/SchemeColors.h"
#include "common/StatusColors.h"
#include "common/TimeFormat.h"
#include "providers/twilio/TwilioError.h"

#include <QAbstractTextDocumentLayout>
#include <QDesktopServices>
#include <QRegularExpression>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextTable>
#include <QTimer>

namespace sb {

namespace {

// WhatsApp's ticks where the status says more than its tone (read: blue ✓✓).
QPair<QString, Tone> tickFor(const ThreadItem &item, const StatusInfo &status) {
    if (item.status == QLatin1String("read"))
        return {QStringLiteral("✓✓"), Tone::Info};
    if (item.status == QLatin1String("delivered"))
        return {QStringLiteral("✓✓"), Tone::Faint};
    if (item.status == QLatin1String("sent"))
        return {QStringLiteral("✓"), Tone::Faint};
    return {StatusColors::tick(status.tone), Tone::Faint};
}

} // namespace

ThreadView::ThreadView(QWidget *parent)
    : QTextBrowser(parent)
    , m_renderDelay(new QTimer(this))
    , m_highlightTimer(new QTimer(this)) {
    setObjectName(QStringLiteral("inboxThread"));
    setReadOnly(true);
    setOpenLinks(false);
    setUndoRedoEnabled(false);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // Always there, so clearing the document for a render never changes the width and starts
    // another render.
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard |
                            Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    setAccessibleName(tr("Conversation"));
    setAccessibleDescription(tr("Every message, call, email and note with this contact, oldest "
                                "first. Scroll to the top for older ones."));
    m_renderDelay->setSingleShot(true);
    m_renderDelay->setInterval(15); // one render for a burst of changes
    connect(m_renderDelay, &QTimer::timeout, this, &ThreadView::render);
    m_highlightTimer->setSingleShot(true);
    m_highlightTimer->setInterval(2500);
    connect(m_highlightTimer, &QTimer::timeout, this, [this] {
        m_highlight.clear();
        scheduleRender();
    });
    connect(this, &QTextBrowser::selectionChanged, this, [this] {
        if (m_renderPending && !textCursor().hasSelection())
            scheduleRender();
    });
    connect(this, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        if (m_media && m_media->handleAnchor(url))
            return;
        if (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https"))
            QDesktopServices::openUrl(url);
    });
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, [this](int value) {
        if (m_placing)
            return;
        QScrollBar *bar = verticalScrollBar();
        m_followBottom = value >= bar->maximum() - 4;
        if (value == bar->minimum() && bar->maximum() > 0 && !m_items.isEmpty())
            Q_EMIT olderWanted();
    });
}

QString ThreadView::keyOf(const QString &channel, qint64 rowId) {
    return channel + QLatin1Char(':') + QString::number(rowId);
}

void ThreadView::setStatuses(const ChannelStatuses &statuses) {
    m_statuses = statuses;
    scheduleRender();
}

void ThreadView::setMedia(MediaAttachments *media) {
    if (m_media)
        disconnect(m_media, nullptr, this, nullptr);
    m_media = media;
    if (m_media)
        connect(m_media, &MediaAttachments::changed, this, &ThreadView::scheduleRender);
    setItems(m_items);
}

void ThreadView::setItems(const Thread &items) {
    m_items = items;
    if (m_media) {
        // Loaded in the background and kept current by the change feed; changed() renders.
        QList<qint64> withMedia;
        for (const ThreadItem &item : std::as_const(m_items)) {
            if (item.kind == ThreadItem::Kind::Message && !item.mediaLinks.isEmpty())
                withMedia.append(item.rowId);
        }
        m_media->setMessages(withMedia);
    }
    scheduleRender();
}

void ThreadView::followNewest() {
    m_followBottom = true;
    m_scrollTo.clear();
    scheduleRender();
}

bool ThreadView::highlight(const QString &channel, qint64 rowId) {
    const QString key = keyOf(channel, rowId);
    const bool present = std::any_of(m_items.cbegin(), m_items.cend(), [&](const ThreadItem &i) {
        return i.channel == channel && i.rowId == rowId;
    });
    if (!present)
        return false;
    m_highlight = key;
    m_scrollTo = key;
    m_followBottom = false;
    m_highlightTimer->start();
    scheduleRender();
    return true;
}

ThreadItem ThreadView::itemAt(const QPoint &viewportPos) const {
    const QTextCursor cursor = cursorForPosition(viewportPos);
    const QTextTable *table = cursor.currentTable();
    if (!table)
        return {};
    const QString key = table->format().property(ItemKeyProperty).toString();
    for (const ThreadItem &item : m_items) {
        if (keyOf(item.channel, item.rowId) == key)
            return item;
    }
    return {};
}

void ThreadView::resizeEvent(QResizeEvent *event) {
    QTextBrowser::resizeEvent(event);
    if (viewport()->width() != m_lastWidth)
        scheduleRender(); // bubble widths follow the pane's width
}

void ThreadView::changeEvent(QEvent *event) {
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        scheduleRender();
    QTextBrowser::changeEvent(event);
}

void ThreadView::scheduleRender() {
    m_renderDelay->start();
}

void ThreadView::insertMedia(QTextCursor &cell, const ThreadItem &item, const QColor &background,
                             const QTextCharFormat &text) {
    if (item.mediaLinks.isEmpty())
        return;
    if (m_media && item.kind == ThreadItem::Kind::Message && m_media->hasMedia(item.rowId)) {
        m_media->insert(cell, item.rowId, palette(), background, text);
        return;
    }
    QTextCharFormat link;
    link.setForeground(SchemeColors::text(Tone::Info, palette(), background));
    link.setFontUnderline(true);
    link.setAnchor(true);
    QTextBlockFormat block;
    block.setTopMargin(2);
    for (int i = 0; i < item.mediaLinks.size(); ++i) {
        cell.insertBlock(block);
        link.setAnchorHref(item.mediaLinks.at(i));
        link.setToolTip(item.mediaLinks.at(i));
        cell.insertText(tr("Attachment %1").arg(i + 1), link);
    }
}

void ThreadView::insertMessage(QTextCursor &cursor, const ThreadItem &item, int gap) {
    const QPalette pal = palette();
    const bool outbound = item.direction != QLatin1String("inbound");
    const StatusInfo status = m_statuses.info(item.channel, item.status);
    const bool failed = outbound && status.tone == StatusTone::Failure;
    const bool lit = m_highlight == keyOf(item.channel, item.rowId);
    SchemeColors::Pair colors = SchemeColors::bubble(pal, outbound, failed);
    if (lit) {
        colors.background = SchemeColors::ucs2Mark(pal).background;
        colors.border = pal.color(QPalette::Highlight);
        colors.text = SchemeColors::readable(pal.color(QPalette::Text), colors.background);
    }
    QTextTableFormat bubble;
    bubble.setAlignment(outbound ? Qt::AlignRight : Qt::AlignLeft);
    bubble.setBackground(colors.background);
    bubble.setBorder(failed || lit ? 1.5 : 0);
    bubble.setBorderBrush(colors.border);
    bubble.setBorderStyle(QTextFrameFormat::BorderStyle_Solid);
    bubble.setCellPadding(8);
    bubble.setCellSpacing(0);
    bubble.setLeftMargin(outbound ? gap : 0);
    bubble.setRightMargin(outbound ? 0 : gap);
    bubble.setBottomMargin(4);
    bubble.setProperty(ItemKeyProperty, keyOf(item.channel, item.rowId));
    QTextTable *table = cursor.insertTable(1, 1, bubble);
    QTextCursor cell = table->cellAt(0, 0).firstCursorPosition();

    QTextCharFormat text;
    text.setForeground(colors.text);
    if (item.text.isEmpty() && item.mediaLinks.isEmpty()) {
        text.setFontItalic(true);
        cell.insertText(tr("(no text)"), text);
    } else if (!item.text.isEmpty()) {
        LinkifiedText::insert(cell, item.text, text,
                              SchemeColors::text(Tone::Info, pal, colors.background));
    }
    insertMedia(cell, item, colors.background, text);

    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    QTextBlockFormat meta;
    meta.setAlignment(outbound ? Qt::AlignRight : Qt::AlignLeft);
    meta.setTopMargin(2);
    QTextCharFormat metaText;
    metaText.setFont(small);
    metaText.setForeground(SchemeColors::text(Tone::Faint, pal, colors.background));
    metaText.setToolTip(TimeFormat::full(item.at));
    cell.insertBlock(meta, metaText);
    // The channel first, so the merged thread says where each message went.
    QTextCharFormat channelText = metaText;
    channelText.setFontWeight(QFont::DemiBold);
    channelText.setToolTip(
        outbound ? tr("Sent by %1").arg(ContactDelegate::channelName(item.channel))
                 : tr("Received by %1").arg(ContactDelegate::channelName(item.channel)));
    cell.insertText(ContactDelegate::channelName(item.channel), channelText);
    cell.insertText(QStringLiteral(" · ") + TimeFormat::brief(item.at.toLocalTime()), metaText);
    if (outbound && !failed) {
        const auto [mark, tone] = tickFor(item, status);
        QTextCharFormat statusText = metaText;
        statusText.setToolTip(status.meaning);
        cell.insertText(QStringLiteral("  "), metaText);
        QTextCharFormat markText = statusText;
        markText.setForeground(SchemeColors::text(tone, pal, colors.background));
        cell.insertText(mark, markText);
        cell.insertText(QLatin1Char(' ') + status.label, statusText);
    }
    if (failed) {
        QTextBlockFormat reasonBlock;
        reasonBlock.setTopMargin(4);
        QTextCharFormat reason;
        reason.setForeground(SchemeColors::text(Tone::Error, pal, colors.background));
        reason.setFontWeight(QFont::DemiBold);
        const QString why =
            item.errorCode ? TwilioError::explain(item.errorCode) : item.errorMessage;
        const QString code =
            item.errorCode ? QStringLiteral(" (%1)").arg(item.errorCode) : QString();
        cell.insertBlock(reasonBlock, reason);
        cell.insertText(
            tr("⚠ Not delivered: %1%2").arg(why.isEmpty() ? tr("no reason given.") : why, code),
            reason);
    }
}

void ThreadView::insertNote(QTextCursor &cursor, const ThreadItem &item, int gap) {
    const QPalette pal = palette();
    const bool lit = m_highlight == keyOf(item.channel, item.rowId);
    const SchemeColors::Pair tint = SchemeColors::banner(pal, Tone::Warning);
    QTextTableFormat box;
    box.setAlignment(Qt::AlignHCenter);
    box.setBackground(lit ? SchemeColors::ucs2Mark(pal).background : tint.background);
    box.setBorder(1.5);
    box.setBorderBrush(lit ? pal.color(QPalette::Highlight) : tint.border);
    box.setBorderStyle(QTextFrameFormat::BorderStyle_Dashed);
    box.setCellPadding(8);
    box.setCellSpacing(0);
    box.setLeftMargin(gap / 2);
    box.setRightMargin(gap / 2);
    box.setBottomMargin(4);
    box.setProperty(ItemKeyProperty, keyOf(item.channel, item.rowId));
    QTextTable *table = cursor.insertTable(1, 1, box);
    QTextCursor cell = table->cellAt(0, 0).firstCursorPosition();
    const QColor background = box.background().color();
    QTextCharFormat head;
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    head.setFont(small);
    head.setFontWeight(QFont::DemiBold);
    head.setForeground(SchemeColors::text(Tone::Warning, pal, background));
    head.setToolTip(tr("An internal note: only agents see it, it is never sent."));
    const QString author = item.author.isEmpty() ? QString() : QStringLiteral(" · ") + item.author;
    cell.insertText(tr("Note") + author + QStringLiteral(" · ") +
                        TimeFormat::brief(item.at.toLocalTime()),
                    head);
    QTextBlockFormat body;
    body.setTopMargin(3);
    QTextCharFormat text;
    text.setForeground(SchemeColors::readable(pal.color(QPalette::Text), background));
    cell.insertBlock(body, text);
    LinkifiedText::insert(cell, item.text, text, SchemeColors::text(Tone::Info, pal, background));
}

void ThreadView::insertLine(QTextCursor &cursor, const ThreadItem &item) {
    // Calls and emails: one compact centred line, in a table so it can be found by key.
    const QPalette pal = palette();
    const bool lit = m_highlight == keyOf(item.channel, item.rowId);
    QTextTableFormat line;
    line.setAlignment(Qt::AlignHCenter);
    line.setBorder(lit ? 1.5 : 0);
    line.setBorderBrush(pal.color(QPalette::Highlight));
    line.setCellPadding(3);
    line.setCellSpacing(0);
    line.setBottomMargin(4);
    if (lit)
        line.setBackground(SchemeColors::ucs2Mark(pal).background);
    line.setProperty(ItemKeyProperty, keyOf(item.channel, item.rowId));
    QTextTable *table = cursor.insertTable(1, 1, line);
    QTextCursor cell = table->cellAt(0, 0).firstCursorPosition();
    const QColor background =
        lit ? SchemeColors::ucs2Mark(pal).background : pal.color(QPalette::Base);
    QTextCharFormat text;
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    text.setFont(small);
    text.setForeground(SchemeColors::text(Tone::Faint, pal, background));
    text.setToolTip(TimeFormat::full(item.at));
    const bool inbound = item.direction == QLatin1String("inbound");
    QString what;
    if (item.kind == ThreadItem::Kind::Call)
        what = inbound ? tr("📞 Incoming call") : tr("📞 Outgoing call");
    else
        what = inbound ? tr("✉ Email received") : tr("✉ Email sent");
    QStringList parts{what};
    if (!item.text.isEmpty())
        parts << item.text;
    if (!item.status.isEmpty())
        parts << m_statuses.info(item.channel, item.status).label;
    parts << TimeFormat::brief(item.at.toLocalTime());
    cell.insertText(parts.join(QStringLiteral(" · ")), text);
    insertMedia(cell, item, background, text);
}

void ThreadView::render() {
    if (textCursor().hasSelection()) {
        m_renderPending = true;
        return;
    }
    m_renderPending = false;
    QScrollBar *bar = verticalScrollBar();
    const bool follow = m_followBottom;
    const int fromBottom = bar->maximum() - bar->value();
    m_lastWidth = viewport()->width();

    QTextDocument *doc = document();
    doc->clear();
    doc->setDocumentMargin(8);
    QTextCursor cursor(doc);
    const int gap = qMax(24, m_lastWidth / 5); // a bubble takes at most four fifths of the width
    QTextCharFormat spacer;
    spacer.setFontPointSize(qMax(2.0, font().pointSizeF() * 0.45));
    cursor.setBlockCharFormat(spacer);
    for (const ThreadItem &item : std::as_const(m_items)) {
        switch (item.kind) {
        case ThreadItem::Kind::Message:
            insertMessage(cursor, item, gap);
            break;
        case ThreadItem::Kind::Note:
            insertNote(cursor, item, gap);
            break;
        case ThreadItem::Kind::Call:
        case ThreadItem::Kind::Email:
            insertLine(cursor, item);
            break;
        }
        cursor.movePosition(QTextCursor::End);
        cursor.setBlockCharFormat(spacer);
    }
    doc->documentLayout()->documentSize(); // lays the document out so the range is right
    const QString scrollTo = m_scrollTo;
    m_scrollTo.clear();
    QMetaObject::invokeMethod(
        this,
        [this, follow, fromBottom, scrollTo] {
            QScrollBar *b = verticalScrollBar();
            m_placing = true; // placing the view is not the agent scrolling up
            if (!scrollTo.isEmpty())
                scrollToKey(scrollTo);
            else
                b->setValue(follow ? b->maximum() : b->maximum() - fromBottom);
            m_placing = false;
            m_followBottom = scrollTo.isEmpty() ? follow : b->value() >= b->maximum() - 4;
            Q_EMIT rendered();
        },
        Qt::QueuedConnection);
}

void ThreadView::scrollToKey(const QString &key) {
    QTextDocument *doc = document();
    for (QTextFrame *frame : doc->rootFrame()->childFrames()) {
        auto *table = qobject_cast<QTextTable *>(frame);
        if (!table || table->format().property(ItemKeyProperty).toString() != key)
            continue;
        const QRectF box = doc->documentLayout()->frameBoundingRect(table);
        QScrollBar *b = verticalScrollBar();
        b->setValue(int(box.top() - viewport()->height() / 3.0));
        return;
    }
}

} // namespace sb
