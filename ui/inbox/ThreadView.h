#pragma once

#include "common/ChannelStatuses.h"
#include "inbox/ThreadItem.h"

#include <QTextBrowser>

class QTimer;

namespace sb {

class MediaAttachments;

// A contact's merged thread (every channel, in time order) as bubbles in one read-only text
// browser, like ConversationView: inbound on the left, outbound on the right, each marked with
// its channel ("SMS", "WhatsApp") beside its time and, when outbound, its status tick and
// label (from the channel's StatusModel); a failed one says why. Internal notes are boxes of
// their own (dashed border, a yellowish tint, "Note · author"); calls and emails are one
// compact centred line. A message's files are shown inline as in the conversation
// (MediaAttachments: thumbnails that open full size, Play, Save…, a download's progress or
// failure with Retry, an outbound file's name and size) and follow a download as it finishes. Each
// paragraph takes its own writing direction, text can be selected and copied, colours come from the
// palette (SchemeColors). A new render keeps the agent's place: at the bottom if they were there,
// else the same distance from the bottom (so older items added at the top do not move what is in
// view), and never while text is selected.
class ThreadView : public QTextBrowser {
    Q_OBJECT
public:
    explicit ThreadView(QWidget *parent = nullptr);

    void setStatuses(const ChannelStatuses &statuses);
    // Where messages' files come from (owned by the caller); without it they are links.
    void setMedia(MediaAttachments *media);
    // The items to show, oldest first (setItems keeps the place as said above).
    void setItems(const Thread &items);
    const Thread &items() const { return m_items; }
    // The next render shows the newest item (a contact was just opened, or the agent sent).
    void followNewest();
    // Scrolls to an item and tints it for a moment (a search hit opened); false when absent.
    bool highlight(const QString &channel, qint64 rowId);
    QString highlighted() const { return m_highlight; }
    // The item under a viewport position (rowId 0: none).
    ThreadItem itemAt(const QPoint &viewportPos) const;

    static QString keyOf(const QString &channel, qint64 rowId);
    static constexpr int ItemKeyProperty = 0x100200; // QTextFormat::UserProperty + n

Q_SIGNALS:
    // Scrolled to the top: the agent wants older items.
    void olderWanted();
    void rendered();

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void scheduleRender();
    void render();
    void insertMessage(QTextCursor &cursor, const ThreadItem &item, int gap);
    void insertNote(QTextCursor &cursor, const ThreadItem &item, int gap);
    void insertLine(QTextCursor &cursor, const ThreadItem &item);
    void insertMedia(QTextCursor &cell, const ThreadItem &item, const QColor &background,
                     const QTextCharFormat &text);
    void scrollToKey(const QString &key);

    ChannelStatuses m_statuses;
    MediaAttachments *m_media = nullptr;
    Thread m_items;
    QTimer *m_renderDelay;
    QTimer *m_highlightTimer;
    QString m_highlight; // the key of the item tinted now
    QString m_scrollTo;  // scroll to this key after the next render
    bool m_followBottom = true;
    bool m_renderPending = false;
    bool m_placing = false;
    int m_lastWidth = -1;
};

} // namespace sb
