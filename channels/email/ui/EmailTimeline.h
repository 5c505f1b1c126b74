#pragma once

#include "common/ChannelStatuses.h"
#include "email/EmailStore.h"

#include <QWidget>

class QLabel;
class QListWidget;

namespace sb {

// The selected email's timeline: stored here, what SendGrid answered, then every Event Webhook
// event in the order it arrived with its time and reason (opens and clicks included, which
// move no status). Each item's Qt::UserRole holds the event's name ("delivered", "open").
class EmailTimeline : public QWidget {
    Q_OBJECT
public:
    explicit EmailTimeline(ChannelStatuses statuses, QWidget *parent = nullptr);

    // Shows `email` (an empty record: none selected).
    void showEmail(const EmailRecord &email);
    QString emailId() const { return m_emailId; }

    QListWidget *list() const { return m_list; }
    QLabel *title() const { return m_title; }
    QLabel *status() const { return m_status; }
    // The events shown, by name, in order.
    QStringList events() const;

    // How an event reads in the timeline ("Opened", "Clicked a link", a status's label).
    QString eventLabel(const QString &event) const;

private:
    ChannelStatuses m_statuses;
    QLabel *m_title;
    QLabel *m_status;
    QListWidget *m_list;
    QString m_emailId;
};

} // namespace sb
