#pragma once

#include "common/Logging.h"
#include "common/Receiver.h"

#include <QAbstractTableModel>
#include <QList>
#include <QMutex>

#include <deque>

namespace sb {

// The process's log lines (already redacted), newest last, at most `capacity` of them: the
// oldest go first. Lines logged on any thread are gathered under a lock and added on the
// model's thread in one batch per event-loop pass, so a debug flood costs one queued call per
// pass rather than one per line. Listens from construction; append() adds lines directly
// (the dock's tests, and lines read back from elsewhere).
class LogModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Time, Level, Category, Message, ColumnCount };
    enum Role { LevelRole = Qt::UserRole + 1 }; // the QtMsgType as an int

    explicit LogModel(int capacity = DefaultCapacity, QObject *parent = nullptr);
    ~LogModel() override;

    void append(const QList<LogLine> &lines);
    int capacity() const { return m_capacity; }
    void clear();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    static QString levelName(QtMsgType type);
    static constexpr int DefaultCapacity = 5000;

private:
    void takePending();

    const int m_capacity;
    std::deque<LogLine> m_lines;
    int m_listener = 0;
    Receiver m_me;
    QMutex m_mutex; // guards m_pending, filled on any thread
    QList<LogLine> m_pending;
};

} // namespace sb
