#include "ContactListModel.h"

#include "ContactDelegate.h"
#include "PresenceTracker.h"

#include "common/TimeFormat.h"

#include <QSet>

#include <algorithm>

namespace sb {

Snippet Snippet::fromMarked(const QString &marked, const QString &open, const QString &close) {
    Snippet s;
    qsizetype at = 0;
    while (at < marked.size()) {
        const qsizetype start = open.isEmpty() ? -1 : marked.indexOf(open, at);
        if (start < 0) {
            s.text += marked.mid(at);
            break;
        }
        s.text += marked.mid(at, start - at);
        const qsizetype inner = start + open.size();
        qsizetype end = marked.indexOf(close, inner);
        if (end < 0)
            end = marked.size();
        const QString word = marked.mid(inner, end - inner);
        if (!word.isEmpty())
            s.bold.append({int(s.text.size()), int(word.size())});
        s.text += word;
        at = end + close.size();
    }
    return s;
}

ContactListModel::ContactListModel(QObject *parent)
    : QAbstractListModel(parent) {}

int ContactListModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

QString ContactListModel::label(const ContactSummary &contact) {
    if (!contact.name.isEmpty())
        return contact.name;
    return contact.number.isEmpty() ? contact.email : contact.number;
}

QString ContactListModel::lastLine(const ContactSummary &contact) {
    return contact.lastText.isEmpty() ? ContactDelegate::channelName(contact.lastChannel)
                                      : contact.lastText;
}

QString ContactListModel::describe(const ContactSummary &c, const Snippet &snippet,
                                   const QList<Presence> &others) {
    QStringList parts;
    parts << label(c);
    if (!c.name.isEmpty() && !c.number.isEmpty())
        parts << c.number;
    if (c.unread > 0)
        parts << tr("%n unread", nullptr, c.unread);
    if (!c.optedOutOf.isEmpty())
        parts << tr("opted out");
    if (!c.assignee.isEmpty())
        parts << tr("assigned to %1").arg(c.assignee);
    if (!others.isEmpty())
        parts << PresenceTracker::describe(others);
    if (!snippet.isEmpty())
        parts << tr("found: %1").arg(snippet.text);
    else if (const QString last = lastLine(c); !last.isEmpty())
        parts << tr("last: %1").arg(last);
    if (c.lastAt.isValid())
        parts << TimeFormat::brief(c.lastAt.toLocalTime());
    return parts.join(QStringLiteral(", "));
}

QVariant ContactListModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Hit &row = *m_rows.at(index.row());
    const ContactSummary &c = row.contact;
    switch (role) {
    case Qt::DisplayRole:
        return label(c);
    case Qt::ToolTipRole:
    case Qt::AccessibleTextRole:
        return describe(c, row.snippet, m_presence.value(c.id));
    case ContactRole:
        return QVariant::fromValue(c);
    case IdRole:
        return c.id;
    case UnreadRole:
        return c.unread;
    case SnippetRole:
        return m_hits ? QVariant::fromValue(row.snippet) : QVariant();
    case HitRole:
        return m_hits;
    case HitChannelRole:
        return m_hits ? QVariant(row.channel) : QVariant();
    case HitRowIdRole:
        return m_hits ? QVariant(row.rowId) : QVariant();
    case PresenceRole:
        return QVariant::fromValue(m_presence.value(c.id));
    default:
        return {};
    }
}

namespace {
// Newest first; the id breaks ties so the order is total.
bool before(const ContactSummary &a, const ContactSummary &b) {
    if (a.lastAt != b.lastAt)
        return a.lastAt > b.lastAt;
    return a.id > b.id;
}
} // namespace

void ContactListModel::setContacts(QList<ContactSummary> contacts) {
    std::stable_sort(contacts.begin(), contacts.end(), before);
    beginResetModel();
    m_hits = false;
    m_rows.clear();
    m_byId.clear();
    m_unreadSum = 0;
    m_rows.reserve(contacts.size());
    for (ContactSummary &c : contacts) {
        m_rows.append(std::make_shared<Hit>(Hit{std::move(c), {}, {}, 0, {}}));
        track(m_rows.constLast());
    }
    endResetModel();
    noteUnread();
}

void ContactListModel::appendContacts(const QList<ContactSummary> &contacts) {
    if (m_hits || contacts.isEmpty())
        return;
    QList<ContactSummary> fresh;
    for (const ContactSummary &c : contacts) {
        if (rowOf(c.id) < 0)
            fresh.append(c);
    }
    if (fresh.isEmpty())
        return;
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + fresh.size() - 1));
    for (const ContactSummary &c : std::as_const(fresh)) {
        m_rows.append(std::make_shared<Hit>(Hit{c, {}, {}, 0, {}}));
        track(m_rows.constLast());
    }
    endInsertRows();
    noteUnread();
}

int ContactListModel::sortedRowFor(const ContactSummary &contact, int ignoreRow) const {
    // A binary search of the other rows (they are in order): a linear scan with its QDateTime
    // comparisons, for every contact a webhook touched, took the GUI thread seconds a minute
    // with 9,000 contacts at 1,000 webhooks a second.
    const auto rowAt = [ignoreRow](int i) {
        return ignoreRow >= 0 && i >= ignoreRow ? i + 1 : i;
    };
    int low = 0;
    int high = int(m_rows.size()) - (ignoreRow >= 0 && ignoreRow < m_rows.size() ? 1 : 0);
    while (low < high) {
        const int mid = low + (high - low) / 2;
        if (before(m_rows.at(rowAt(mid))->contact, contact))
            low = mid + 1;
        else
            high = mid;
    }
    return low;
}

void ContactListModel::track(const std::shared_ptr<Hit> &row) {
    m_byId.insert(row->contact.id, row.get());
    m_unreadSum += row->contact.unread;
}

void ContactListModel::updateRow(int row, const ContactSummary &contact) {
    if (!m_hits)
        m_unreadSum += contact.unread - m_rows.at(row)->contact.unread;
    m_rows[row]->contact = contact;
    Q_EMIT dataChanged(index(row), index(row));
}

void ContactListModel::update(const QList<ContactSummary> &changed) {
    for (const ContactSummary &c : changed) {
        const int row = rowOf(c.id);
        if (m_hits) {
            // Search hits keep their order; only what they show of the contact changes.
            if (row >= 0)
                updateRow(row, c);
            continue;
        }
        if (row < 0) {
            const int at = sortedRowFor(c, -1);
            beginInsertRows({}, at, at);
            m_rows.insert(at, std::make_shared<Hit>(Hit{c, {}, {}, 0, {}}));
            track(m_rows.at(at));
            endInsertRows();
            continue;
        }
        updateRow(row, c);
        const int target = sortedRowFor(c, row); // its place among the others
        if (target != row) {
            // beginMoveRows counts the destination before the move.
            beginMoveRows({}, row, row, {}, target > row ? target + 1 : target);
            m_rows.move(row, target);
            endMoveRows();
        }
    }
    noteUnread();
}

void ContactListModel::remove(qint64 contactId) {
    const int row = rowOf(contactId);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    if (!m_hits) {
        m_unreadSum -= m_rows.at(row)->contact.unread;
        m_byId.remove(contactId);
    }
    m_rows.removeAt(row);
    endRemoveRows();
    noteUnread();
}

void ContactListModel::setPresence(const QList<Presence> &everywhere) {
    QHash<qint64, QList<Presence>> now;
    for (const Presence &p : everywhere)
        now[p.contactId].append(p);
    const auto same = [](const QList<Presence> &a, const QList<Presence> &b) {
        return std::equal(a.cbegin(), a.cend(), b.cbegin(), b.cend(),
                          [](const Presence &x, const Presence &y) {
                              return x.agent == y.agent && x.state == y.state;
                          });
    };
    QSet<qint64> changed;
    for (auto it = now.cbegin(); it != now.cend(); ++it) {
        if (!same(it.value(), m_presence.value(it.key())))
            changed.insert(it.key());
    }
    for (auto it = m_presence.cbegin(); it != m_presence.cend(); ++it) {
        if (!now.contains(it.key()))
            changed.insert(it.key());
    }
    m_presence = std::move(now);
    if (changed.isEmpty())
        return;
    // A contact has one row in the list; a search may show it in several.
    for (int row = 0; row < m_rows.size(); ++row) {
        if (changed.contains(m_rows.at(row)->contact.id))
            Q_EMIT dataChanged(index(row), index(row));
    }
}

void ContactListModel::setUnread(qint64 contactId, int unread) {
    const int row = rowOf(contactId);
    if (row < 0 || m_rows.at(row)->contact.unread == unread)
        return;
    ContactSummary c = m_rows.at(row)->contact;
    c.unread = unread;
    updateRow(row, c);
    noteUnread();
}

void ContactListModel::setName(qint64 contactId, const QString &name) {
    const int row = rowOf(contactId);
    if (row < 0)
        return;
    ContactSummary c = m_rows.at(row)->contact;
    c.name = name;
    updateRow(row, c);
}

void ContactListModel::setHits(const QList<Hit> &hits) {
    beginResetModel();
    m_hits = true;
    m_rows.clear();
    m_byId.clear();
    m_unreadSum = 0;
    m_rows.reserve(hits.size());
    for (const Hit &h : hits)
        m_rows.append(std::make_shared<Hit>(h));
    endResetModel();
}

ContactSummary ContactListModel::contact(int row) const {
    return row >= 0 && row < m_rows.size() ? m_rows.at(row)->contact : ContactSummary{};
}

ContactListModel::Hit ContactListModel::hit(int row) const {
    return row >= 0 && row < m_rows.size() ? *m_rows.at(row) : Hit{};
}

int ContactListModel::rowOf(qint64 contactId) const {
    if (!m_hits) {
        const Hit *wanted = m_byId.value(contactId);
        if (!wanted)
            return -1;
        // Rows are in order (a page appended later may not be: then the scan below).
        const auto at =
            std::lower_bound(m_rows.cbegin(), m_rows.cend(), wanted->contact,
                             [](const std::shared_ptr<Hit> &row, const ContactSummary &c) {
                                 return before(row->contact, c);
                             });
        if (at != m_rows.cend() && at->get() == wanted)
            return int(at - m_rows.cbegin());
    }
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i)->contact.id == contactId)
            return i;
    }
    return -1;
}

int ContactListModel::totalUnread() const {
    if (m_hits)
        return m_lastUnread < 0 ? 0 : m_lastUnread;
    return m_unreadSum;
}

void ContactListModel::noteUnread() {
    if (m_hits)
        return;
    const int total = totalUnread();
    if (total == m_lastUnread)
        return;
    m_lastUnread = total;
    Q_EMIT unreadChanged(total);
}

} // namespace sb
