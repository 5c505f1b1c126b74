#pragma once

#include "ChannelStatuses.h"
#include "SchemeColors.h"
#include "messaging/Records.h"

#include <QWidget>

#include <functional>

class QLabel;
class QLineEdit;
class QMenu;
class QPushButton;
class QSortFilterProxyModel;
class QTextBrowser;
class QTimer;

namespace sb {

class MediaAttachments;
class MessageTableModel;
class SendFeedback;
class Store;

// The thread with one contact on one channel: inbound messages on the left, outbound on the
// right with their status (label, tick and meaning from the channel's StatusModel), newest at
// the bottom, and a reply box. What only a channel knows is given to it: whether a reply can
// go (setReplyCheck), the STOP warning (setOptOutWarnings), special ticks (setStatusMarks). Bubbles
// are laid out as rich text in one read-only browser, so long messages wrap, each paragraph takes
// its own writing direction (Arabic reads right to left), links open, and text can be selected and
// copied. A failed message says why under it and offers Retry and Edit and resend, also in its
// context menu. Colours come from the palette (SchemeColors::bubble).
class ConversationView : public QWidget {
    Q_OBJECT
public:
    // Shows `channel`'s messages only (a MessageRecord::channel id, "sms").
    ConversationView(Store *store, QString channel, QWidget *parent = nullptr);

    // The channels' status models (without: Twilio's message statuses).
    void setStatuses(const ChannelStatuses &statuses);
    // Why a reply cannot be sent as typed (too long, outside a window...), or empty when it
    // can; the reason shows under the box and Reply stays disabled. Checked as the agent types
    // and on recheckReply() (when what it depends on changes).
    using ReplyCheck = std::function<QString(const QString &body)>;
    void setReplyCheck(ReplyCheck check);
    void recheckReply();
    // Warn above the reply box when the contact opted out (replied STOP), with the sender and
    // the date from the stored state (OptOuts); off by default.
    void setOptOutWarnings(bool on);
    // The mark after an outbound message's time (default: StatusColors::tick in the faint
    // colour), e.g. a blue ✓✓ for a message that was read.
    struct StatusMark {
        QString text;
        Tone tone = Tone::Faint;
    };
    using StatusMarks = std::function<StatusMark(const MessageRecord &, const StatusInfo &)>;
    void setStatusMarks(StatusMarks marks);

    QString channel() const { return m_channel; }
    void setContact(const QString &number);
    QString contact() const { return m_contact; }
    // The contact's name where the channel knows one (WhatsApp's profile name), shown in the
    // title beside the address; setContact() clears it.
    void setContactName(const QString &name);
    QString contactName() const { return m_contactName; }
    QLabel *titleLabel() const { return m_title; }

    QTextBrowser *thread() const { return m_thread; }
    MessageTableModel *model() const { return m_model; }
    QLineEdit *replyEdit() const { return m_reply; }
    QPushButton *replyButton() const { return m_send; }
    SendFeedback *feedback() const { return m_feedback; }
    QLabel *optOutWarning() const { return m_optOut; }
    // Inbound media under their message's text (thumbnails, Play, Save…, Retry).
    MediaAttachments *media() const { return m_media; }

    // While a reply is on its way the box keeps its text (read-only); it empties only once
    // Twilio has accepted the message, so a refused reply can be corrected and sent again.
    void setReplyBusy(bool busy);
    void replyAccepted();
    void focusReply();

    // The messages shown, oldest first.
    QList<MessageRecord> messages() const;
    MessageRecord messageAt(const QPoint &viewportPos) const;
    // The menu a right click on that message opens (the caller owns it).
    QMenu *menuFor(const MessageRecord &message, QWidget *parent);
    void retry(qint64 messageId);
    // Puts a failed message's text in the reply box to change and send again.
    void editAndResend(const MessageRecord &failed);

    static constexpr int MessageIdProperty = 0x100100; // QTextFormat::UserProperty + n

Q_SIGNALS:
    void replyRequested(const QString &to, const QString &body);
    void retryRequested(const sb::MessageRecord &failed);
    void detailsRequested(const sb::MessageRecord &message);
    void rendered();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void sendReply();
    void scheduleRender();
    void render();
    void onAnchor(const QUrl &url);
    void updateReplyState();
    MessageRecord recordById(qint64 id) const;

    Store *m_store;
    QString m_channel;
    ChannelStatuses m_statuses;
    ReplyCheck m_replyCheck;
    StatusMarks m_statusMarks;
    bool m_optOutWarnings = false;
    MessageTableModel *m_model;
    QSortFilterProxyModel *m_oldestFirst;
    QLabel *m_title;
    QTextBrowser *m_thread;
    QLabel *m_optOut;
    QLineEdit *m_reply;
    QPushButton *m_send;
    SendFeedback *m_feedback;
    QTimer *m_renderDelay;
    MediaAttachments *m_media;
    void updateTitle();

    QString m_contact;
    QString m_contactName;
    bool m_busy = false;
    bool m_replyProblem = false;
    bool m_renderPending = false;
    bool m_followBottom = true;
};

} // namespace sb
