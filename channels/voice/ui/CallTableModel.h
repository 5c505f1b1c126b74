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

class CallFeed;

// The calls as a table, updated in place from CallFeed (a call already listed changes its row;
// a new one is added), older calls paged in on demand (canFetchMore/fetchMore: a view asks as
// it is scrolled to the end), a page at a time by a keyset on the id: time, direction, from, to,
// status (a badge in its channel's tones, like the message tables), duration (ticking each second
// while the call is in progress, on the injected clock) and whether it has recordings.
class CallTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    // Agent: who placed an outbound call (empty for a customer's call).
    enum Column { Time, Direction, From, To, Status, Duration, Agent, Recording, ColumnCount };
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

    static constexpr int DefaultPageSize = 500;
    // Where older calls come from; loads the first page (the newest calls) at once. Without a
    // feed there is nothing to fetch: rows come from upsert() alone.
    void setFeed(CallFeed *feed, int pageSize = DefaultPageSize);
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    bool isLoading() const { return m_loading; }

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

Q_SIGNALS:
    // A page was read: `rows` of it were new here (0 at the end, or when it failed).
    void pageLoaded(int rows);

private:
    bool isLive(const CallRecord &call) const;
    void appendPage(qint64 beforeId, const StoreResult<QList<CallRecord>> &page);
    void append(const QList<CallRecord> &calls);

    ChannelStatuses m_statuses;
    QString m_channel;
    Clock m_clock;
    QList<CallRecord> m_calls;
    QHash<qint64, int> m_rowById;
    QTimer *m_ticker;
    QIcon m_recordingIcon;
    CallFeed *m_feed = nullptr;
    int m_pageSize = DefaultPageSize;
    qint64 m_pagedBefore = 0; // the oldest call a page brought; 0: no page yet
    bool m_loading = false;
    bool m_exhausted = false;
};

} // namespace sb
