#include "WebhookFilterProxy.h"

#include "WebhookTableModel.h"

namespace sb {

WebhookFilterProxy::WebhookFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent) {
    setSortRole(WebhookTableModel::SortRole);
    setDynamicSortFilter(true);
}

void WebhookFilterProxy::setPath(const QString &path) {
    if (path == m_path)
        return;
    m_path = path;
    invalidateFilter();
}

void WebhookFilterProxy::setResult(const QString &result) {
    if (result == m_result)
        return;
    m_result = result;
    invalidateFilter();
}

void WebhookFilterProxy::setSid(const QString &sid) {
    if (sid == m_sid)
        return;
    m_sid = sid;
    invalidateFilter();
}

void WebhookFilterProxy::setTimeRange(const QDateTime &since, const QDateTime &until) {
    if (since == m_since && until == m_until)
        return;
    m_since = since;
    m_until = until;
    invalidateFilter();
}

bool WebhookFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const {
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (!m_path.isEmpty() && !index.data(WebhookTableModel::PathRole)
                                  .toString()
                                  .contains(m_path.trimmed(), Qt::CaseInsensitive))
        return false;
    if (!m_result.isEmpty() && index.data(WebhookTableModel::ResultRole).toString() != m_result)
        return false;
    if (!m_sid.isEmpty() && !index.data(WebhookTableModel::SidRole)
                                 .toString()
                                 .contains(m_sid.trimmed(), Qt::CaseInsensitive))
        return false;
    const QDateTime at = index.data(WebhookTableModel::ReceivedAtRole).toDateTime();
    if (m_since.isValid() && at < m_since)
        return false;
    if (m_until.isValid() && at >= m_until)
        return false;
    return true;
}

} // namespace sb
