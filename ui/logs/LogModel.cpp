#include "LogModel.h"

#include <QBrush>
#include <QDateTime>
#include <QMutexLocker>

namespace sb {

LogModel::LogModel(int capacity, QObject *parent)
    : QAbstractTableModel(parent)
    , m_capacity(qMax(1, capacity))
    , m_me(this) {
    m_listener = addLogListener([this](const LogLine &line) {
        QMutexLocker lock(&m_mutex);
        m_pending.append(line);
        // Past twice the capacity the oldest pending lines could never be shown.
        if (m_pending.size() > 2 * m_capacity)
            m_pending.remove(0, m_pending.size() - m_capacity);
        if (m_pending.size() == 1)
            m_me.post([this] { takePending(); });
    });
}

LogModel::~LogModel() {
    // Removing waits for a listener running on another thread to return.
    removeLogListener(m_listener);
}

void LogModel::takePending() {
    QList<LogLine> lines;
    {
        QMutexLocker lock(&m_mutex);
        lines.swap(m_pending);
    }
    append(lines);
}

void LogModel::append(const QList<LogLine> &incoming) {
    if (incoming.isEmpty())
        return;
    QList<LogLine> lines = incoming;
    if (lines.size() > m_capacity)
        lines.remove(0, lines.size() - m_capacity);
    const int overflow = int(m_lines.size()) + int(lines.size()) - m_capacity;
    if (overflow > 0) {
        beginRemoveRows({}, 0, overflow - 1);
        m_lines.erase(m_lines.begin(), m_lines.begin() + overflow);
        endRemoveRows();
    }
    const int first = int(m_lines.size());
    beginInsertRows({}, first, first + int(lines.size()) - 1);
    m_lines.insert(m_lines.end(), lines.cbegin(), lines.cend());
    endInsertRows();
}

void LogModel::clear() {
    beginResetModel();
    m_lines.clear();
    endResetModel();
}

int LogModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_lines.size());
}

int LogModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString LogModel::levelName(QtMsgType type) {
    switch (type) {
    case QtDebugMsg:
        return tr("debug");
    case QtInfoMsg:
        return tr("info");
    case QtWarningMsg:
        return tr("warning");
    case QtCriticalMsg:
        return tr("critical");
    case QtFatalMsg:
        return tr("fatal");
    }
    return {};
}

QVariant LogModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const LogLine &line = m_lines[size_t(index.row())];
    if (role == LevelRole)
        return int(line.type);
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
        case Time:
            return QDateTime::fromMSecsSinceEpoch(line.msecsSinceEpoch, Qt::UTC)
                .toLocalTime()
                .toString(QStringLiteral("HH:mm:ss.zzz"));
        case Level:
            return levelName(line.type);
        case Category:
            return line.category;
        case Message:
            return line.message;
        }
    }
    return {};
}

QVariant LogModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time:
        return tr("Time");
    case Level:
        return tr("Level");
    case Category:
        return tr("Category");
    case Message:
        return tr("Message");
    }
    return {};
}

} // namespace sb
