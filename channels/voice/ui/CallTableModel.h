#pragma once

#include "common/ChannelStatuses.h"
#include "voice/VoiceCalls.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>
#include <QIcon>

#include <functional>

class QTimer;

namespace sb {

// The calls as a table, updated in place from CallFeed (a call already listed changes its row;
// a new one is added): time, direction, from, to, status (a badge in its channel's tones, like
// the message tables), duration (ticking each second while the call is in progress, on the
// injected clock) and whether it has recordings.
class CallTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Time, Direction, From, To, Status, Duration, Recording, ColumnCount };
    enum Role {
        RecordRole = Qt::UserRole + 1,
        StatusRole, // the status as stored ("in-progress")
        IdRole,
        SidRole,
        ToneRole, // int(StatusTone), the same role number the message tables' badges read
        SortRole, // what the proxy sorts by
    };

    using Clock = std::function<QDateTime()>;
    CallTableModel(ChannelStatuses statuses, const QString &channel, Clock clock,
                   QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Adds new calls and updates listed ones in place (by id).
    void upsert(const QList<CallRecord> &calls);
    CallRecord record(int row) const { return m_calls.value(row); }
    int rowOf(const QString &sid) const;

    // How long the call has lasted: Twilio's figure once it has one, else the time since it
    // was answered (up to its end, or now while it is in progress); -1 before it was answered.
    static int secondsOf(const CallRecord &call, const QDateTime &now);
    // "0:07", "12:03", "1:02:03".
    static QString formatDuration(int seconds);
    static QString directionLabel(const QString &direction);

    // Refreshes the durations of calls in progress (every second on its own timer).
    void tick();

private:
    bool isLive(const CallRecord &call) const;

    ChannelStatuses m_statuses;
    QString m_channel;
    Clock m_clock;
    QList<CallRecord> m_calls;
    QHash<qint64, int> m_rowById;
    QTimer *m_ticker;
    QIcon m_recordingIcon;
};

} // namespace sb
