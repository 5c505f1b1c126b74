#pragma once

#include "ChannelStatuses.h"
#include "messaging/Records.h"

#include <QDialog>

class QTreeWidget;

namespace sb {

class Store;

// One message in full: body, numbers, status with its error in plain words, and the status
// timeline (every callback, with times), read from the store asynchronously. Statuses read as
// the message's channel's StatusModel says.
class MessageDetailDialog : public QDialog {
    Q_OBJECT
public:
    MessageDetailDialog(const MessageRecord &message, Store *store, const ChannelStatuses &statuses,
                        QWidget *parent = nullptr);
    QTreeWidget *timeline() const { return m_timeline; }

private:
    QTreeWidget *m_timeline;
};

} // namespace sb
