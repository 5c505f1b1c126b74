#pragma once

#include <QWidget>

class QComboBox;
class QLineEdit;
class QTableView;
class QTimer;

namespace sb {

class ComposeWidget;
class ConversationView;
class MessageFilterProxy;
class MessageTableModel;
class Outbox;
class Store;

// The SMS tab: the live message table with its filter, the compose form and the conversation
// with the selected contact. Sending goes through the durable outbox on its own thread.
class SmsTab : public QWidget {
    Q_OBJECT
public:
    SmsTab(Store *store, Outbox *outbox, QWidget *parent = nullptr);

    void setSenders(const QStringList &numbers, const QString &preferred);
    void send(const QString &to, const QString &from, const QString &body);

    MessageTableModel *model() const { return m_model; }
    MessageFilterProxy *proxy() const { return m_proxy; }
    QTableView *table() const { return m_table; }
    ComposeWidget *compose() const { return m_compose; }
    ConversationView *conversation() const { return m_conversation; }
    QLineEdit *filterEdit() const { return m_filter; }

    QByteArray saveState() const;
    void restoreState(const QByteArray &state);

private:
    void applyTextFilter();
    void openDetails(const QModelIndex &index);
    void showConversationFor(const QModelIndex &index);

    Store *m_store;
    Outbox *m_outbox;
    MessageTableModel *m_model;
    MessageFilterProxy *m_proxy;
    QLineEdit *m_filter;
    QComboBox *m_status;
    QTableView *m_table;
    ComposeWidget *m_compose;
    ConversationView *m_conversation;
    QTimer *m_filterDelay;
    QString m_defaultFrom;
};

} // namespace sb
