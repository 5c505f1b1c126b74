#pragma once

#include "inbox/ContactSummary.h"

#include <QAbstractListModel>
#include <QHash>
#include <QList>

#include <memory>
#include <utility>

namespace sb {

// A piece of text with its matched words to show in bold (a search hit's snippet).
struct Snippet {
    QString text;
    QList<std::pair<int, int>> bold; // (start, length) in text, in order, not overlapping
    // From text whose matches sit between `open` and `close` markers (FTS5's snippet()).
    static Snippet fromMarked(const QString &marked, const QString &open, const QString &close);
    bool isEmpty() const { return text.isEmpty(); }
};

// The inbox's left list: one row per contact (newest conversation first), or, while the agent
// searches, one row per hit (the contact and the matching text, words in bold). Live changes
// come in through update(): a changed contact is updated in place and moved to its new place
// with beginMoveRows, so the view keeps the current row and its scroll position.
class ContactListModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role {
        ContactRole = Qt::UserRole + 1, // ContactSummary
        IdRole,                         // qint64 contact id
        UnreadRole,                     // int
        SnippetRole,                    // Snippet (hits only)
        HitRole,                        // bool: the row is a search hit
        HitChannelRole,                 // QString: the hit's item channel
        HitRowIdRole,                   // qint64: the hit's item rowId in its table
        PresenceRole,                   // QList<Presence>: colleagues in it, replying first
    };
    struct Hit {
        ContactSummary contact;
        Snippet snippet;
        QString channel; // the matching ThreadItem's channel and rowId
        qint64 rowId = 0;
        QDateTime at;
    };

    explicit ContactListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    // The whole list (a reset); rows are kept newest first.
    void setContacts(QList<ContactSummary> contacts);
    // Older contacts after the ones shown (paging).
    void appendContacts(const QList<ContactSummary> &contacts);
    // Changed or new contacts, merged in place (see the class comment).
    void update(const QList<ContactSummary> &changed);
    // A contact that left the list shown (assigned away from the agent's "Mine").
    void remove(qint64 contactId);
    // A contact's unread count changed here first (the agent opened the thread).
    void setUnread(qint64 contactId, int unread);
    // Renamed by the agent.
    void setName(qint64 contactId, const QString &name);

    // Who else is in which conversation now (Inbox::presenceEverywhere, without this desk's
    // own agent); rows whose colleagues changed are announced with dataChanged.
    void setPresence(const QList<Presence> &everywhere);
    QList<Presence> presenceOf(qint64 contactId) const { return m_presence.value(contactId); }

    // Search mode: these hits, in the order given.
    void setHits(const QList<Hit> &hits);
    bool showingHits() const { return m_hits; }

    ContactSummary contact(int row) const;
    Hit hit(int row) const;
    int rowOf(qint64 contactId) const;
    // The contacts' unread counts together (contacts mode: those loaded).
    int totalUnread() const;
    // A contact's name, or its number (or email) when it has none.
    static QString label(const ContactSummary &contact);
    static QString describe(const ContactSummary &contact, const Snippet &snippet = {},
                            const QList<Presence> &others = {});
    // The row's second line: the newest item's text, or its kind ("Call") when it has none.
    static QString lastLine(const ContactSummary &contact);

Q_SIGNALS:
    void unreadChanged(int total);

private:
    int sortedRowFor(const ContactSummary &contact, int ignoreRow) const;
    void updateRow(int row, const ContactSummary &contact);

    // Contacts mode: only `contact` is used. Held by pointer: a contact a webhook touched
    // moves to the top past every other row, and moving whole rows took most of the GUI
    // thread with 9,000 contacts at 1,000 webhooks a second.
    QList<std::shared_ptr<Hit>> m_rows;
    // Contacts mode: each row by contact id (its place is found by a binary search on its
    // order), and the unread counts' sum kept as rows change. Both were scans of every row
    // for each contact a webhook touched: a tenth of the GUI thread in a 1,000/s soak.
    QHash<qint64, const Hit *> m_byId;
    int m_unreadSum = 0;
    QHash<qint64, QList<Presence>> m_presence; // by contact id
    bool m_hits = false;
    int m_lastUnread = -1;
    void noteUnread();
    void track(const std::shared_ptr<Hit> &row);
};

} // namespace sb

Q_DECLARE_METATYPE(sb::Snippet)
