#pragma once

#include "ChannelStatuses.h"
#include "messaging/Records.h"

#include <QFrame>
#include <QPointer>

class QLabel;
class QPushButton;
class QToolButton;

namespace sb {

class Store;

// A notice across the top of the window when a message Twilio had accepted later fails
// (undelivered, failed): it names the customer and says why in plain words, with a button to
// open that conversation, until the agent dismisses it. Fed by the store's change feed, so it
// also tells about messages sent earlier or from the local API, on every channel that has a
// tab (setChannels), failed as the message's channel's StatusModel says. (Refusals at send
// time are told where the agent sent from.)
class FailureNotice : public QFrame {
    Q_OBJECT
public:
    explicit FailureNotice(QWidget *parent = nullptr);

    void setStore(Store *store);
    void setStatuses(const ChannelStatuses &statuses) { m_statuses = statuses; }
    // The channels whose failures are told (empty: every channel's).
    void setChannels(const QStringList &channels) { m_channels = channels; }
    QList<MessageRecord> failures() const { return m_failures; }
    QLabel *textLabel() const { return m_text; }
    QPushButton *showButton() const { return m_show; }
    QToolButton *dismissButton() const { return m_dismiss; }
    void dismiss();

    static QString describe(const MessageRecord &failed);

Q_SIGNALS:
    void showRequested(const sb::MessageRecord &failed);

protected:
    void changeEvent(QEvent *event) override;

private:
    void onChanged(const QList<sb::MessageRecord> &records);
    void refresh();
    void applyColors();

    QPointer<Store> m_store; // the service (and its store) is rebuilt when settings change
    ChannelStatuses m_statuses;
    QStringList m_channels;
    QLabel *m_text;
    QPushButton *m_show;
    QToolButton *m_dismiss;
    QList<MessageRecord> m_failures; // newest last
    QSet<qint64> m_told;
    bool m_applying = false;
};

} // namespace sb
