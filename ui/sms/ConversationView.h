#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QListView;
class QPushButton;
class QSortFilterProxyModel;

namespace sb {

class MessageTableModel;
class Store;

// The thread with one contact as chat bubbles: inbound on the left, outbound on the right with
// status ticks, newest at the bottom, and a reply box.
class ConversationView : public QWidget {
    Q_OBJECT
public:
    ConversationView(Store *store, QWidget *parent = nullptr);

    void setContact(const QString &number);
    QString contact() const { return m_contact; }
    QListView *list() const { return m_list; }
    MessageTableModel *model() const { return m_model; }

Q_SIGNALS:
    void replyRequested(const QString &to, const QString &body);

private:
    void sendReply();

    MessageTableModel *m_model;
    QSortFilterProxyModel *m_oldestFirst;
    QLabel *m_title;
    QListView *m_list;
    QLineEdit *m_reply;
    QPushButton *m_send;
    QString m_contact;
};

} // namespace sb
