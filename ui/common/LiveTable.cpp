#include "LiveTable.h"

#include "StatusBadgeDelegate.h"

#include <QHeaderView>
#include <QSortFilterProxyModel>
#include <QTableView>

namespace sb {

void LiveTable::setUp(QTableView *table, QSortFilterProxyModel *proxy, QAbstractItemModel *model,
                      int sortRole, int timeColumn, int statusColumn) {
    proxy->setSourceModel(model);
    proxy->setSortRole(sortRole);
    proxy->setFilterKeyColumn(-1);
    proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    proxy->setDynamicSortFilter(true);
    proxy->sort(timeColumn, Qt::DescendingOrder);
    table->setModel(proxy);
    table->setItemDelegateForColumn(statusColumn, new StatusBadgeDelegate(table));
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setSortingEnabled(true);
    table->setTabKeyNavigation(false);
    table->verticalHeader()->hide();
    table->setWordWrap(false);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    table->horizontalHeader()->setStretchLastSection(false);
}

} // namespace sb
