#pragma once

#include "ContactSummary.h"
#include "ThreadItem.h"
#include "ThreadSource.h"
#include "common/Receiver.h"
#include "db/Migrations.h"
#include "db/Store.h"
#include "runtime/Channel.h"

#include <QObject>

#include <functional>
#include <memory>
#include <optional>

namespace sb {

// A search result: one message (item.rowId != 0) whose body or numbers matched, one of the
// agent's notes whose text matched (item.kind Note, item.channel "note", item.rowId the note's
// id: the thread item it is), or a contact whose name, number or email matched (item.rowId ==
// 0, item.kind Message, item empty; the UI opens the contact's thread at its newest item).
struct SearchHit {
    qint64 contactId = 0;
    QString number;
    QString name;
    ThreadItem item;
    // The matched text with each match between Inbox::HighlightStart and Inbox::HighlightEnd
    // (a message's or note's text, shortened around the matches to a snippet; a contact's name, or
    // number when the name did not match).
    QString highlighted;
};

// Which contacts to list: newest first (by their last item), filtered by text (a substring of
// name, number or email), keyset-paged: pass the last row of the previous page as `after`.
struct ContactQuery {
    QString text;
    // Only the conversations assigned to this agent (empty string: the unassigned ones).
    std::optional<QString> assignee;
    int limit = 100;
    qint64 afterLastAtMs = 0; // with afterId: only contacts older than that row (0: from the top)
    qint64 afterId = 0;
    static ContactQuery matching(QString text, int limit = 100);
    static ContactQuery after(const ContactSummary &last, int limit = 100, QString text = {});
};

// One page of a contact's thread: the `limit` newest items older than the cursor (none: from
// the newest), returned oldest first. limit 0: the whole thread.
struct ThreadQuery {
    qint64 contactId = 0;
    int limit = 100;
    qint64 beforeAtMs = 0; // the cursor: the oldest item the caller has (0: from the newest)
    QString beforeChannel;
    qint64 beforeRowId = 0;
    static ThreadQuery newest(qint64 contactId, int limit = 100);
    static ThreadQuery olderThan(qint64 contactId, const ThreadItem &oldest, int limit = 100);
};

// The inbox's engine: one contact per number across every channel, each contact's whole
// history as one thread, the agent's notes, unread counts and full-text search.
//
// Tables (schema module "inbox", see schemas()): contacts, contact_addresses (every address a
// contact's messages used: "+1555…", "whatsapp:+1555…"), notes, and the FTS5 indexes
// messages_fts (message bodies and numbers), contacts_fts (names, numbers, emails) and
// notes_fts (notes' text). SQLite triggers on `messages` keep contacts and messages_fts current
// in the same transaction that stores a message, whichever code path stores it; triggers on
// `notes` keep notes_fts current.
//
// Every call queues a job on the store's thread and returns at once; `done` runs on the
// receiver's thread, as with Store's own calls.
class Inbox : public QObject {
    Q_OBJECT
public:
    // Around each match in SearchHit::highlighted; the UI turns them into bold.
    static constexpr QChar HighlightStart{0x0001};
    static constexpr QChar HighlightEnd{0x0002};
    // The kind a contact's own changes (name, read, note, assignment) travel under on the change
    // feed (Store::rowsChanged), so every console of a team applies them.
    static constexpr QLatin1String ContactsTable{"contacts"};
    // The kind a change of who is in a conversation travels under (the contact's id): a desk
    // re-reads only the presence of the conversation it shows, not the contact and thread.
    static constexpr QLatin1String PresenceTable{"presence"};
    // Presence states, and how long one lasts without its heartbeat (a desk that crashed or
    // lost the network drops out after this).
    static constexpr QLatin1String Viewing{"viewing"};
    static constexpr QLatin1String Replying{"replying"};
    static constexpr int PresenceTtlMs = 30000;

    Inbox(Store *store, ChannelList channels, QObject *parent = nullptr);
    ~Inbox() override;

    // The inbox's schema module and the channels' contact glue (Channel::contactSchema()), in
    // the order to register them with Store::addSchema, after the channels' own schemas.
    static QList<Schema> schemas(const ChannelList &channels);

    template <typename T> using Done = std::function<void(const StoreResult<T> &)>;

    void contacts(const ContactQuery &query, Receiver receiver, Done<QList<ContactSummary>> done);
    // One contact by id (nullopt inside: no such contact).
    void contact(qint64 contactId, Receiver receiver, Done<std::optional<ContactSummary>> done);
    // Several by id, in one store job (those that exist; in no particular order).
    void contactsById(const QList<qint64> &ids, Receiver receiver,
                      Done<QList<ContactSummary>> done);
    // The contact an address belongs to ("+1555…", "whatsapp:+1555…", or a linked email);
    // 0 when none yet.
    void contactIdFor(const QString &address, Receiver receiver, Done<qint64> done);
    void thread(const ThreadQuery &query, Receiver receiver, Done<Thread> done);
    // Results as you type: `text` is made into a safe FTS5 prefix query (see ftsQuery()).
    void search(const QString &text, int limit, Receiver receiver, Done<QList<SearchHit>> done);

    // Assigns the conversation to `agent` (empty: unassigns it). With `expected`, only if it is
    // still assigned to that agent (empty: nobody), so "Assign to me" cannot silently take a
    // conversation a colleague took a moment before; otherwise Assignment::changed is false.
    // An unknown contact answers Assignment::found false. Every console sees the change (the
    // change feed).
    void assign(qint64 contactId, const QString &agent, const std::optional<QString> &expected,
                Receiver receiver, Done<Assignment> done);
    // Per assignee (the unassigned ones under ""), busiest first: conversations and unread.
    void workload(Receiver receiver, Done<QList<AgentWorkload>> done);

    // `agent` is in the conversation: `state` Viewing or Replying, or empty when they left it.
    // Called again with the same state it is a heartbeat: the time is refreshed and nobody is
    // told; a new state (or leaving) is announced on the change feed (presenceChanged).
    // False for an unknown contact.
    void setPresence(qint64 contactId, const QString &agent, const QString &state,
                     Receiver receiver, Done<bool> done);
    // Who is in the conversation now (heartbeat within PresenceTtlMs), replying first.
    void presence(qint64 contactId, Receiver receiver, Done<QList<Presence>> done);
    // Everyone in any conversation now (one row per desk at most: the list's marks), by
    // contact, replying first.
    void presenceEverywhere(Receiver receiver, Done<QList<Presence>> done);

    void markRead(qint64 contactId, Receiver receiver, Done<bool> done);
    void unreadTotal(Receiver receiver, Done<qint64> done);
    // An empty name clears the agent's name (the WhatsApp profile name shows again next time).
    void setContactName(qint64 contactId, const QString &name, Receiver receiver, Done<bool> done);
    void setContactEmail(qint64 contactId, const QString &email, Receiver receiver,
                         Done<bool> done);
    // An internal note in the thread, never sent. Reports the note as a thread item.
    void addNote(qint64 contactId, const QString &body, const QString &author, Receiver receiver,
                 Done<ThreadItem> done);

    // The user's text as an FTS5 query that cannot fail to parse: every word quoted as a
    // string, the last one a prefix; operators, quotes and punctuation are only text.
    // Empty when there is nothing to search for.
    static QString ftsQuery(const QString &text);
    // ftsQuery()'s terms as PostgreSQL's to_tsquery() takes them (team mode).
    static QString tsQuery(const QString &ftsMatch);

Q_SIGNALS:
    // These contacts' summaries or threads changed (a message arrived, was sent or changed
    // status, a note, read, a name). An empty list: something changed that cannot be pinned
    // to contacts cheaply (a channel's own rows): reload what is shown.
    void contactsChanged(const QList<qint64> &contactIds);
    // Someone came into, started or stopped replying in, or left these contacts' conversations
    // (here or at another desk; a heartbeat is not a change).
    void presenceChanged(const QList<qint64> &contactIds);

private:
    struct Shared;
    void onMessagesChanged(const QList<sb::MessageRecord> &messages);
    void onRowsChanged(const QString &table, const QList<qint64> &ids);
    void resolveChanged();
    // One UPDATE of a contact's column (`:value`, `:source`, `:id`), announced once committed;
    // an unknown id is an error.
    void updateContact(qint64 contactId, const QString &sql, const QString &value,
                       const QString &source, Receiver receiver, Done<bool> done);

    Store *m_store;
    ChannelList m_channels;
    std::shared_ptr<Shared> m_shared; // read on the store thread: the sources, the opt-out check
    QStringList m_pendingAddresses;
    bool m_resolving = false;
};

} // namespace sb

Q_DECLARE_METATYPE(sb::SearchHit)
