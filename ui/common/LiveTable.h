#pragma once

class QAbstractItemModel;
class QSortFilterProxyModel;
class QTableView;

namespace sb {

// How a tab shows a live list of records (calls, emails): the proxy newest first by
// `sortRole` on `timeColumn`, filtered on every column without regard to case, re-sorted as
// rows change; the view whole-row, single selection, sortable by its header, the status
// column drawn as a badge, no row numbers, no wrapping, columns sized by the agent.
class LiveTable {
public:
    static void setUp(QTableView *table, QSortFilterProxyModel *proxy, QAbstractItemModel *model,
                      int sortRole, int timeColumn, int statusColumn);
};

} // namespace sb
