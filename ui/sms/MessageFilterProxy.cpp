#include "MessageFilterProxy.h"

#include "MessageTableModel.h"

namespace sb {

MessageFilterProxy::MessageFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent) {
    setSortRole(Qt::UserRole);
    setDynamicSortFilter(true);
}

void MessageFilterProxy::setStatusFilter(const QString &status) {
    if (status == m_status)
        return;
    m_status = status;
    invalidateFilter();
}

bool MessageFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const {
    if (m_status.isEmpty())
        return true;
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    const QString status = index.data(MessageTableModel::StatusRole).toString();
    if (m_status == QLatin1String("failed"))
        return status == QLatin1String("failed") || status == QLatin1String("undelivered");
    if (m_status == QLatin1String("in progress"))
        return status == QLatin1String("pending") || status == QLatin1String("queued") ||
               status == QLatin1String("sending") || status == QLatin1String("accepted");
    return status == m_status;
}

} // namespace sb
