#include "MessageFilterProxy.h"

#include "MessageTableModel.h"

namespace sb {

MessageFilterProxy::MessageFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent) {
    setSortRole(Qt::UserRole);
    setDynamicSortFilter(true);
}

void MessageFilterProxy::setStatusFilter(StatusFilter filter) {
    if (filter == m_filter)
        return;
    m_filter = filter;
    invalidateFilter();
}

bool MessageFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const {
    if (m_filter == StatusFilter::All)
        return true;
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    const auto tone = StatusTone(index.data(MessageTableModel::ToneRole).toInt());
    const bool inbound =
        index.data(MessageTableModel::RecordRole).value<MessageRecord>().direction ==
        QLatin1String("inbound");
    switch (m_filter) {
    case StatusFilter::All:
        return true;
    case StatusFilter::InProgress:
        return !inbound && (tone == StatusTone::Neutral || tone == StatusTone::Progress);
    case StatusFilter::Sent:
        return !inbound && tone == StatusTone::Sent;
    case StatusFilter::Delivered:
        return !inbound && tone == StatusTone::Success;
    case StatusFilter::Failed:
        return tone == StatusTone::Failure;
    case StatusFilter::Received:
        return inbound;
    }
    return true;
}

} // namespace sb
