#pragma once

#include <QSortFilterProxyModel>

namespace sb {

// Sorting for the SMS table, plus an instant status filter over the rows already loaded.
// (Text and number filters go to the store through MessageTableModel::setQuery, so they
// search every stored message, not only the loaded pages.)
class MessageFilterProxy : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit MessageFilterProxy(QObject *parent = nullptr);
    void setStatusFilter(const QString &status);
    QString statusFilter() const { return m_status; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_status;
};

} // namespace sb
