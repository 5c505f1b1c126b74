#include "CallTableModel.h"

#include "common/MessageTableModel.h"
#include "common/TimeFormat.h"
#include "voice/CallFeed.h"

#include <QApplication>
#include <QStyle>
#include <QTimer>

namespace sb {

static_assert(int(CallTableModel::ToneRole) == int(MessageTableModel::ToneRole),
              "StatusBadgeDelegate reads the tone from MessageTableModel::ToneRole");

CallTableModel::CallTableModel(ChannelStatuses statuses, const QString &channel, Clock clock,
                               QObject *parent)
    : QAbstractTableModel(parent)
    , m_statuses(std::move(statuses))
    , m_channel(channel)
    , m_clock(clock ? std::move(clock) : [] { return QDateTime::currentDateTimeUtc(); })
    , m_ticker(new QTimer(this))
    , m_recordingIcon(QApplication::style()->standardIcon(QStyle::SP_MediaVolume)) {
    m_ticker->setInterval(1000);
    connect(m_ticker, &QTimer::timeout, this, &CallTableModel::tick);
}

void CallTableModel::setFeed(CallFeed *feed, int pageSize) {
    m_feed = feed;
    m_pageSize = qMax(1, pageSize);
    m_pagedBefore = 0;
    m_exhausted = false;
    fetchMore({});
}

bool CallTableModel::canFetchMore(const QModelIndex &parent) const {
    return !parent.isValid() && m_feed && !m_loading && !m_exhausted;
}

void CallTableModel::fetchMore(const QModelIndex &parent) {
    if (!canFetchMore(parent))
        return;
    m_loading = true;
    const qint64 before = m_pagedBefore;
    m_feed->loadPage(
        before, m_pageSize, this,
        [this, before](const StoreResult<QList<CallRecord>> &page) { appendPage(before, page); });
}

void CallTableModel::appendPage(qint64 beforeId, const StoreResult<QList<CallRecord>> &page) {
    m_loading = false;
    if (!page.ok() || beforeId != m_pagedBefore) { // failed (the feed says why), or stale
        Q_EMIT pageLoaded(0);
        return;
    }
    if (page.value.size() < m_pageSize)
        m_exhausted = true;
    if (!page.value.isEmpty())
        m_pagedBefore = page.value.constLast().id;
    // A call listed already came through the change feed, which is as new or newer than this
    // read: it keeps its row as it is.
    QList<CallRecord> fresh;
    for (const CallRecord &call : page.value) {
        if (!m_rowById.contains(call.id))
            fresh.append(call);
    }
    append(fresh);
    Q_EMIT pageLoaded(int(fresh.size()));
}

int CallTableModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_calls.size());
}

int CallTableModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString CallTableModel::directionLabel(const QString &direction) {
    return direction == QLatin1String("inbound") ? tr("Incoming") : tr("Outgoing");
}

int CallTableModel::secondsOf(const CallRecord &call, const QDateTime &now) {
    if (call.durationSeconds >= 0)
        return call.durationSeconds;
    QDateTime answered;
    QDateTime ended;
    for (const CallEvent &e : call.history) {
        if (e.status == QLatin1String("in-progress"))
            answered = e.at;
        else if (answered.isValid() && e.at.isValid() && e.at >= answered)
            ended = e.at;
    }
    if (!answered.isValid())
        return -1;
    const QDateTime until = call.status == QLatin1String("in-progress") ? now : ended;
    if (!until.isValid())
        return -1;
    return int(std::max<qint64>(0, answered.secsTo(until)));
}

QString CallTableModel::formatDuration(int seconds) {
    if (seconds < 0)
        return {};
    const int h = seconds / 3600;
    const int m = (seconds / 60) % 60;
    const int s = seconds % 60;
    if (h > 0)
        return QStringLiteral("%1:%2:%3")
            .arg(h)
            .arg(m, 2, 10, QLatin1Char('0'))
            .arg(s, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(m).arg(s, 2, 10, QLatin1Char('0'));
}

bool CallTableModel::isLive(const CallRecord &call) const {
    return call.status == QLatin1String("in-progress") && call.durationSeconds < 0;
}

QVariant CallTableModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= m_calls.size())
        return {};
    const CallRecord &call = m_calls.at(index.row());
    switch (role) {
    case RecordRole:
        return QVariant::fromValue(call);
    case StatusRole:
        return call.status;
    case IdRole:
        return call.id;
    case SidRole:
        return call.sid;
    case ToneRole:
        return int(m_statuses.info(m_channel, call.status).tone);
    default:
        break;
    }
    const StatusInfo info = m_statuses.info(m_channel, call.status);
    switch (index.column()) {
    case Time:
        if (role == Qt::DisplayRole)
            return TimeFormat::brief(call.created.toLocalTime());
        if (role == Qt::ToolTipRole)
            return TimeFormat::full(call.created);
        if (role == SortRole)
            return call.created.toMSecsSinceEpoch() * 1000 + (call.id % 1000);
        break;
    case Direction:
        if (role == Qt::DisplayRole || role == SortRole)
            return directionLabel(call.direction);
        break;
    case From:
        if (role == Qt::DisplayRole || role == SortRole)
            return call.from;
        break;
    case To:
        if (role == Qt::DisplayRole || role == SortRole)
            return call.to;
        break;
    case Status:
        if (role == Qt::DisplayRole || role == SortRole) {
            if (call.status.isEmpty())
                return call.requestState == QLatin1String("refused") ? tr("refused")
                                                                     : tr("dialling");
            return info.label;
        }
        if (role == Qt::ToolTipRole)
            return call.errorMessage.isEmpty() ? info.meaning : call.errorMessage;
        break;
    case Duration: {
        const int seconds = secondsOf(call, m_clock());
        if (role == Qt::DisplayRole)
            return formatDuration(seconds);
        if (role == SortRole)
            return seconds;
        if (role == Qt::TextAlignmentRole)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    }
    case Agent:
        if (role == Qt::DisplayRole || role == SortRole)
            return call.agent;
        break;
    case Recording:
        if (role == Qt::DecorationRole && call.recordingCount > 0)
            return m_recordingIcon;
        if (role == SortRole)
            return call.recordingCount;
        if ((role == Qt::ToolTipRole || role == Qt::AccessibleTextRole) && call.recordingCount > 0)
            return call.recordingCount == 1 ? tr("1 recording")
                                            : tr("%1 recordings").arg(call.recordingCount);
        break;
    default:
        break;
    }
    return {};
}

QVariant CallTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Time:
        return tr("Time");
    case Direction:
        return tr("Direction");
    case From:
        return tr("From");
    case To:
        return tr("To");
    case Status:
        return tr("Status");
    case Duration:
        return tr("Duration");
    case Agent:
        return tr("Agent");
    case Recording:
        return tr("Rec.");
    default:
        return {};
    }
}

void CallTableModel::upsert(const QList<CallRecord> &calls) {
    QList<CallRecord> fresh;
    for (const CallRecord &call : calls) {
        const auto it = m_rowById.constFind(call.id);
        if (it == m_rowById.cend()) {
            fresh.append(call);
            continue;
        }
        m_calls[*it] = call;
        Q_EMIT dataChanged(index(*it, 0), index(*it, ColumnCount - 1));
    }
    append(fresh);
}

void CallTableModel::append(const QList<CallRecord> &fresh) {
    if (!fresh.isEmpty()) {
        const int first = int(m_calls.size());
        beginInsertRows({}, first, first + int(fresh.size()) - 1);
        for (const CallRecord &call : fresh) {
            m_rowById.insert(call.id, int(m_calls.size()));
            m_calls.append(call);
        }
        endInsertRows();
    }
    const bool anyLive = std::any_of(m_calls.cbegin(), m_calls.cend(),
                                     [this](const CallRecord &c) { return isLive(c); });
    if (anyLive && !m_ticker->isActive())
        m_ticker->start();
    else if (!anyLive)
        m_ticker->stop();
}

int CallTableModel::rowOf(const QString &sid) const {
    for (int row = 0; row < m_calls.size(); ++row) {
        if (m_calls.at(row).sid == sid)
            return row;
    }
    return -1;
}

void CallTableModel::tick() {
    bool anyLive = false;
    for (int row = 0; row < m_calls.size(); ++row) {
        if (!isLive(m_calls.at(row)))
            continue;
        anyLive = true;
        const QModelIndex cell = index(row, Duration);
        Q_EMIT dataChanged(cell, cell, {Qt::DisplayRole, SortRole});
    }
    if (!anyLive)
        m_ticker->stop();
}

} // namespace sb
