#pragma once

#include <QSortFilterProxyModel>

namespace sb {

// Sorting for a channel's message table, plus an instant status filter over the rows already
// loaded, read from each status's tone in its channel's model, so it means the same for every
// channel. (Text and number filters go to the store through MessageTableModel::setQuery, so
// they search every stored message, not only the loaded pages.)
class MessageFilterProxy : public QSortFilterProxyModel {
    Q_OBJECT
public:
    enum class StatusFilter {
        All,
        InProgress, // outbound, not yet sent (pending, queued, sending...)
        Sent,       // handed on, not confirmed delivered
        Delivered,  // outbound, delivered (or read)
        Failed,     // failed, undelivered, canceled
        Received,   // inbound
    };

    explicit MessageFilterProxy(QObject *parent = nullptr);
    void setStatusFilter(StatusFilter filter);
    StatusFilter statusFilter() const { return m_filter; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    StatusFilter m_filter = StatusFilter::All;
};

} // namespace sb
