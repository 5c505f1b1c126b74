#include "MessageTableModel.h"

#include "TimeFormat.h"
#include "UnreadMessages.h"
#include "providers/twilio/TwilioError.h"

#include <QColor>
#include <QFont>

namespace sb {

MessageTableModel::MessageTableModel(Store *store, QObject *parent)
    : QAbstractTableModel(parent)
    , m_store(store)
    , m_arrivalTimer(new QTimer(this)) {
    m_arrivalTimer->setSingleShot(true);
    connect(m_arrivalTimer, &QTimer::timeout, this, &MessageTableModel::insertArrivals);
    connect(m_store, &Store::messagesChanged, this, &MessageTableModel::applyChanges);
}

void MessageTableModel::setQuery(const MessageQuery &query) {
    beginResetModel();
    m_query = query;
    m_query.beforeId = 0;
    m_newer.clear();
    m_older.clear();
    m_slotById.clear();
    m_deferred.clear();
    m_arrivals.clear();
    m_arrivalTimer->stop();
    m_exhausted = false;
    m_loading = false;
    ++m_generation;
    endResetModel();
    fetchMore({});
}

void MessageTableModel::setUnread(UnreadMessages *unread) {
    m_unread = unread;
    connect(m_unread, &UnreadMessages::changed, this, &MessageTableModel::refreshRows);
}

void MessageTableModel::refreshRows(const QList<qint64> &ids) {
    for (const qint64 id : ids) {
        const int row = rowForId(id);
        if (row >= 0)
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
}

int MessageTableModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_newer.size() + m_older.size());
}

int MessageTableModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

const MessageRecord &MessageTableModel::at(int row) const {
    return row < m_newer.size() ? m_newer[m_newer.size() - 1 - row] : m_older[row - m_newer.size()];
}

MessageRecord &MessageTableModel::at(int row) {
    return row < m_newer.size() ? m_newer[m_newer.size() - 1 - row] : m_older[row - m_newer.size()];
}

MessageRecord MessageTableModel::record(int row) const {
    return row >= 0 && row < rowCount() ? at(row) : MessageRecord{};
}

int MessageTableModel::rowForId(qint64 id) const {
    const auto it = m_slotById.constFind(id);
    if (it == m_slotById.cend())
        return -1;
    if (*it >= 0)
        return int(m_newer.size() + *it);
    return int(m_newer.size() - 1 - (-*it - 1));
}

void MessageTableModel::setContactLabel(ContactLabel label) {
    m_contactLabel = std::move(label);
    contactLabelsChanged();
}

void MessageTableModel::contactLabelsChanged() {
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, Contact), index(rowCount() - 1, Contact), {Qt::DisplayRole});
}

QString MessageTableModel::directionLabel(const QString &direction) {
    return direction == QLatin1String("inbound") ? tr("In") : tr("Out");
}

QVariant MessageTableModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const MessageRecord &m = at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Time: // a scheduled message: when it goes, which is what the agent plans around
            return m.scheduledFor.isValid() ? tr("at %1").arg(TimeFormat::brief(m.scheduledFor))
                                            : TimeFormat::brief(m.createdAt);
        case Direction:
            return directionLabel(m.direction);
        case Contact: {
            const QString contact = m.direction == QLatin1String("inbound") ? m.from : m.to;
            const QString label = m_contactLabel ? m_contactLabel(contact) : QString();
            return label.isEmpty() ? contact : label;
        }
        case From:
            return m.from;
        case To:
            return m.to;
        case Body: {
            QString oneLine = m.body;
            oneLine.replace(QLatin1Char('\n'), QLatin1Char(' '));
            return oneLine.size() > 120 ? oneLine.left(119) + QChar(0x2026) : oneLine;
        }
        case Status:
            return m_statuses.info(m).label;
        case Error:
            return m.errorCode ? QString::number(m.errorCode) : QString();
        }
        break;
    case Qt::FontRole:
        if (m_unread && m_unread->isUnread(m.id)) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        break;
    case Qt::AccessibleDescriptionRole:
        if (m_unread && m_unread->isUnread(m.id))
            return tr("unread");
        break;
    case Qt::ToolTipRole:
        if (index.column() == Time && m.scheduledFor.isValid())
            return tr("Goes out at %1 (scheduled at %2)")
                .arg(TimeFormat::full(m.scheduledFor), TimeFormat::full(m.createdAt));
        if (index.column() == Time)
            return TimeFormat::full(m.createdAt);
        if (index.column() == Contact && m_contactLabel) // the address behind the name
            return m.direction == QLatin1String("inbound") ? m.from : m.to;
        if (index.column() == Error || index.column() == Status) {
            if (m.errorCode)
                return QStringLiteral("%1 %2")
                    .arg(m.errorCode)
                    .arg(TwilioError::explain(m.errorCode));
            if (!m.errorMessage.isEmpty())
                return m.errorMessage;
            if (index.column() == Status) // what the status means for the customer
                return m_statuses.info(m).meaning;
        }
        if (index.column() == Body)
            return m.body;
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == Direction || index.column() == Error)
            return int(Qt::AlignCenter);
        break;
    case StatusRole:
        return m.status;
    case ToneRole:
        return int(m_statuses.info(m).tone);
    case IdRole:
        return m.id;
    case ErrorExplanationRole:
        return m.errorCode ? TwilioError::explain(m.errorCode) : m.errorMessage;
    case RecordRole:
        return QVariant::fromValue(m);
    case Qt::UserRole: // sort key
        switch (index.column()) {
        case Time:
            return m.id;
        case Error:
            return m.errorCode;
        default:
            return data(index, Qt::DisplayRole);
        }
    }
    return {};
}

QVariant MessageTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time:
        return tr("Time");
    case Direction:
        return tr("Dir.");
    case Contact:
        return tr("Customer");
    case From:
        return tr("From");
    case To:
        return tr("To");
    case Body:
        return tr("Message");
    case Status:
        return tr("Status");
    case Error:
        return tr("Error");
    }
    return {};
}

bool MessageTableModel::canFetchMore(const QModelIndex &parent) const {
    return !parent.isValid() && !m_exhausted && !m_loading;
}

void MessageTableModel::fetchMore(const QModelIndex &parent) {
    if (!canFetchMore(parent))
        return;
    m_loading = true;
    MessageQuery page = m_query;
    page.limit = m_pageSize;
    page.beforeId = m_older.isEmpty() ? 0 : m_older.constLast().id;
    if (m_older.isEmpty() && !m_newer.isEmpty())
        page.beforeId = m_newer.constFirst().id;
    const quint64 generation = m_generation;
    m_store->findMessages(page, this,
                          [this, generation](const StoreResult<QList<MessageRecord>> &r) {
                              appendPage(r.value, generation);
                          });
}

void MessageTableModel::appendPage(const QList<MessageRecord> &page, quint64 generation) {
    if (generation != m_generation)
        return; // an answer for a filter that is no longer shown
    m_loading = false;
    if (page.size() < m_pageSize)
        m_exhausted = true;
    QList<MessageRecord> fresh;
    for (const MessageRecord &m : page) {
        if (!m_slotById.contains(m.id))
            fresh.append(m);
    }
    if (!fresh.isEmpty()) {
        const int first = rowCount();
        beginInsertRows({}, first, first + int(fresh.size()) - 1);
        for (const MessageRecord &m : std::as_const(fresh)) {
            m_slotById.insert(m.id, m_older.size());
            m_older.append(m);
        }
        endInsertRows();
    }
    Q_EMIT pageLoaded(int(fresh.size()));
    // Changes that raced with this read: the page may hold an older copy of a row, or miss
    // a message that arrived after it was read. Applying them now sorts out both.
    if (!m_deferred.isEmpty())
        applyChanges(std::exchange(m_deferred, {}));
}

void MessageTableModel::applyChanges(const QList<MessageRecord> &records) {
    if (m_loading) {
        m_deferred.append(records);
        return;
    }
    const qint64 newestLoaded = !m_newer.isEmpty()   ? m_newer.constLast().id
                                : !m_older.isEmpty() ? m_older.constFirst().id
                                                     : 0;
    for (const MessageRecord &m : records) {
        const int row = rowForId(m.id);
        if (row >= 0) {
            at(row) = m;
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        } else if (m.id > newestLoaded && m_query.matches(m)) {
            m_arrivals.insert(m.id, m); // a later change of one still waiting replaces it
        }
        // Older rows not loaded yet are read when the user scrolls to them.
    }
    if (m_arrivals.isEmpty() || m_arrivalTimer->isActive())
        return;
    const qint64 since = m_sinceArrivals.isValid() ? m_sinceArrivals.elapsed() : -1;
    if (since >= 0 && since < ArrivalIntervalMs)
        m_arrivalTimer->start(int(ArrivalIntervalMs - since));
    else
        insertArrivals();
}

void MessageTableModel::insertArrivals() {
    if (m_arrivals.isEmpty())
        return;
    if (m_loading) { // a page is being read: they are applied with it
        for (const MessageRecord &m : std::as_const(m_arrivals))
            m_deferred.append(m);
        m_arrivals.clear();
        return;
    }
    QList<MessageRecord> arrivals = m_arrivals.values();
    m_arrivals.clear();
    m_sinceArrivals.start();
    std::sort(arrivals.begin(), arrivals.end(),
              [](const MessageRecord &a, const MessageRecord &b) { return a.id < b.id; });
    beginInsertRows({}, 0, int(arrivals.size()) - 1);
    for (const MessageRecord &m : std::as_const(arrivals)) {
        m_slotById.insert(m.id, -qint64(m_newer.size()) - 1);
        m_newer.append(m);
    }
    endInsertRows();
    trimOldest();
}

void MessageTableModel::trimOldest() {
    const int rows = rowCount();
    // A tenth of slack makes the copy below rare; a page being read continues from the
    // oldest row, so nothing is cut under it.
    if (m_loading || rows <= m_maxRows + m_maxRows / 10)
        return;
    beginRemoveRows({}, m_maxRows, rows - 1);
    const qsizetype cut = rows - m_maxRows;
    if (cut <= m_older.size()) {
        // All of them at the older end: no row moves, so no slot changes.
        for (qsizetype slot = m_older.size() - cut; slot < m_older.size(); ++slot)
            m_slotById.remove(m_older[slot].id);
        m_older.resize(m_older.size() - cut);
        m_exhausted = false;
        endRemoveRows();
        return;
    }
    // Otherwise the rows kept become the older list (a tenth of the trims under a steady flow).
    QList<MessageRecord> kept;
    kept.reserve(m_maxRows);
    for (int row = 0; row < m_maxRows; ++row)
        kept.append(std::move(at(row)));
    m_newer.clear();
    m_older = std::move(kept);
    m_slotById.clear();
    for (qsizetype slot = 0; slot < m_older.size(); ++slot)
        m_slotById.insert(m_older[slot].id, slot);
    m_exhausted = false; // the rows cut are older than the oldest kept: fetchMore reads them
    endRemoveRows();
}

} // namespace sb
