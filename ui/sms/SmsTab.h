#pragma once

#include "messaging/Records.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

class QComboBox;
class QGroupBox;
class QLineEdit;
class QSettings;
class QSplitter;
class QTableView;
class QTimer;

namespace sb {

class ComposeWidget;
class ConversationView;
class MessageDetailDialog;
class MessageFilterProxy;
class MessageTableModel;
class Outbox;
class Store;
class UnreadMessages;
struct SendOutcome;

// The SMS tab: the live message table with its filter and, below it in a splitter, the
// compose form (which can collapse); beside them the conversation with the selected contact.
// Sending goes through the durable outbox on its own thread; what happens to each send is told
// where it was sent from (compose form or reply box) and follows the message afterwards.
class SmsTab : public QWidget {
    Q_OBJECT
public:
    SmsTab(Store *store, Outbox *outbox, UnreadMessages *unread = nullptr,
           QWidget *parent = nullptr);

    void setSenders(const QStringList &numbers, const QString &preferred);
    // Where a send came from decides where its outcome is told.
    enum class Origin { Compose, Reply };
    void send(const QString &to, const QString &from, const QString &body,
              Origin origin = Origin::Compose);

    MessageTableModel *model() const { return m_model; }
    MessageFilterProxy *proxy() const { return m_proxy; }
    QTableView *table() const { return m_table; }
    ComposeWidget *compose() const { return m_compose; }
    QGroupBox *composeBox() const { return m_composeBox; }
    ConversationView *conversation() const { return m_conversation; }
    QLineEdit *filterEdit() const { return m_filter; }
    QSplitter *splitter() const { return m_splitter; }
    QSplitter *listSplitter() const { return m_listSplitter; }
    QList<MessageDetailDialog *> openDetailWindows() const;

    // Keyboard entry points (shortcuts in the main window's menus).
    void focusSearch();
    void newMessage();
    void focusReply();
    void openConversation(const QString &contact);
    void openDetails(const MessageRecord &message);

    void saveState(QSettings *settings) const;
    void restoreState(QSettings *settings);

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void applyTextFilter();
    void showConversationFor(const QModelIndex &index);
    void retry(const MessageRecord &failed);
    void editAndResend(const MessageRecord &failed);
    void settle(const QString &to, Origin origin, const SendOutcome &outcome);
    void checkOptOut(const QString &number);
    void markVisibleConversationRead();
    void showTableMenu(const QPoint &pos);
    void showHeaderMenu(const QPoint &pos);
    void fitColumns(bool force);
    void applyDefaultSizes();

    Store *m_store;
    Outbox *m_outbox;
    UnreadMessages *m_unread;
    MessageTableModel *m_model;
    MessageFilterProxy *m_proxy;
    QLineEdit *m_filter;
    QComboBox *m_status;
    QTableView *m_table;
    ComposeWidget *m_compose;
    QGroupBox *m_composeBox;
    ConversationView *m_conversation;
    QSplitter *m_splitter;
    QSplitter *m_listSplitter;
    QTimer *m_filterDelay;
    QString m_defaultFrom;
    bool m_splitterSized = false;
    QHash<qint64, QPointer<MessageDetailDialog>> m_details;
};

} // namespace sb
