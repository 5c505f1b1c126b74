#include "LogFilterProxy.h"

#include "LogModel.h"

namespace sb {

LogFilterProxy::LogFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent) {}

int LogFilterProxy::severity(QtMsgType type) {
    // QtMsgType's values are not in severity order (QtInfoMsg is 4).
    switch (type) {
    case QtDebugMsg:
        return 0;
    case QtInfoMsg:
        return 1;
    case QtWarningMsg:
        return 2;
    case QtCriticalMsg:
        return 3;
    case QtFatalMsg:
        return 4;
    }
    return 0;
}

void LogFilterProxy::setMinimumLevel(QtMsgType level) {
    m_minimumSeverity = severity(level);
    invalidateFilter();
}

void LogFilterProxy::setCategoryPrefix(const QString &prefix) {
    m_category = prefix.trimmed();
    invalidateFilter();
}

void LogFilterProxy::setText(const QString &text) {
    m_text = text;
    invalidateFilter();
}

bool LogFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const {
    const QAbstractItemModel *model = sourceModel();
    const QModelIndex level = model->index(sourceRow, LogModel::Level, sourceParent);
    if (severity(QtMsgType(level.data(LogModel::LevelRole).toInt())) < m_minimumSeverity)
        return false;
    if (!m_category.isEmpty() && !model->index(sourceRow, LogModel::Category, sourceParent)
                                      .data()
                                      .toString()
                                      .startsWith(m_category, Qt::CaseInsensitive))
        return false;
    return m_text.isEmpty() || model->index(sourceRow, LogModel::Message, sourceParent)
                                   .data()
                                   .toString()
                                   .contains(m_text, Qt::CaseInsensitive);
}

} // namespace sb
