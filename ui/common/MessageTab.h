#pragma once

#include "ChannelTab.h"
#include "ChannelUi.h"
#include "messaging/Records.h"

#include <QHash>
#include <QPointer>

#include <functional>

class QComboBox;
class QGroupBox;
class QLineEdit;
class QSplitter;
class QTableView;
class QTimer;

namespace sb {

class ConversationView;
class MessageDetailDialog;
class MessageFilterProxy;
class MessageTableModel;
struct SendOutcome;

// The tab of a message channel (SMS, WhatsApp): the live table of the channel's messages with
// its filter and, below it in a splitter, the channel's compose form (which can collapse);
// beside them the conversation with the selected contact. Only the channel's own messages
// show (MessageQuery::channel). A channel subclasses it with its compose form (setCompose),
// how a reply and a retry are sent, and what else only it knows.
class MessageTab : public ChannelTab {
    Q_OBJECT
public:
    MessageTab(QString channel, const ConsoleContext &context, QWidget *parent = nullptr);

    void newMessage() override; // opens a collapsed compose area, then focusCompose()
    void focusSearch() override;
    void focusReply() override;
    void openConversation(const QString &contact) override;
    void saveState(QSettings *settings) const override;
    void restoreState(QSettings *settings) override;
    int unreadCount() const override;

    // One details window per message: asking again brings the open one forward.
    void openDetails(const MessageRecord &message);
    QList<MessageDetailDialog *> openDetailWindows() const;

    MessageTableModel *model() const { return m_model; }
    MessageFilterProxy *proxy() const { return m_proxy; }
    QTableView *table() const { return m_table; }
    QLineEdit *filterEdit() const { return m_filter; }
    QComboBox *statusFilter() const { return m_status; }
    QGroupBox *composeBox() const { return m_composeBox; }
    ConversationView *conversation() const { return m_conversation; }
    QSplitter *splitter() const { return m_splitter; }
    QSplitter *listSplitter() const { return m_listSplitter; }
    const ConsoleContext &context() const { return m_context; }

protected:
    // The channel's compose form, put in the collapsible box under the list (once, from the
    // subclass's constructor); Tab from the table goes to `firstField`.
    void setCompose(QWidget *compose, QWidget *firstField);
    // Where newMessage() leaves the focus: the compose form's first field.
    virtual void focusCompose() = 0;
    // A reply typed in the conversation's reply box (ConversationView::replyRequested).
    virtual void reply(const QString &to, const QString &body) = 0;
    // A failed outbound message's Retry, from the table's menu or the conversation.
    virtual void retry(const MessageRecord &failed) = 0;

    // Hands the draft to the outbox on its thread; `done` runs on this thread with the outcome
    // once it is committed (SendFeedback::settle tells it).
    void sendThroughOutbox(const OutboundDraft &draft,
                           std::function<void(const SendOutcome &)> done);

    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void applyTextFilter();
    void showConversationFor(const QModelIndex &index);
    void editAndResend(const MessageRecord &failed);
    // Cancels a message still waiting for its scheduled time (the row's context menu).
    void cancelScheduled(const MessageRecord &message);
    void markVisibleConversationRead();
    void showTableMenu(const QPoint &pos);
    void showHeaderMenu(const QPoint &pos);
    void fitColumns(bool force);
    void applyDefaultSizes();
    QString key(const char *name) const;

    ConsoleContext m_context;
    MessageTableModel *m_model;
    MessageFilterProxy *m_proxy;
    QLineEdit *m_filter;
    QComboBox *m_status;
    QTableView *m_table;
    QGroupBox *m_composeBox;
    ConversationView *m_conversation;
    QSplitter *m_splitter;
    QSplitter *m_listSplitter;
    QTimer *m_filterDelay;
    bool m_splitterSized = false;
    QHash<qint64, QPointer<MessageDetailDialog>> m_details;
};

} // namespace sb
