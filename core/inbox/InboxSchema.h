#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace sb {

// The inbox's tables, its FTS5 indexes and the SQLite triggers that keep them current:
//   contacts           one row per person (E.164 number, unique): name and where it came from
//                      (name_source: '' none, 'agent', 'whatsapp-profile'), linked email,
//                      the newest item (last_at, last_text, last_channel), the channels
//                      their items are on (channels, ",sms,whatsapp,voice,"), unread inbound
//                      count, the agent the conversation is assigned to (assignee, assigned_at;
//                      step 6). Messages keep these here; a channel's own items (calls) through
//                      its Channel::contactSchema() glue, the same way.
//   contact_addresses  every address a contact's messages or calls used ("+1555…",
//                      "whatsapp:+1555…")
//   notes              the agent's internal notes, never sent
//   presence           who is viewing or replying to a conversation now (step 7)
//   messages_fts       FTS5 over messages (body, from_number, to_number), external content
//   contacts_fts       FTS5 over contacts (name, number, email), external content
//   notes_fts          FTS5 over notes (body), external content (step 3)
// Triggers on `messages` update the contact in the very statement that stores a message, and
// queue it for the search index, which is filled once per batch just before its commit
// (beforeCommit()); so every path that stores one (webhooks, the outbox, a channel's own job)
// keeps the inbox true without knowing it exists. Step 1 builds all of it for the rows already
// stored.
class InboxSchema {
public:
    static constexpr QLatin1String Module{"inbox"};
    static QList<QStringList> steps();
    // Indexes the messages step 5's trigger queued (Schema::beforeCommit).
    static QStringList beforeCommit();
    // The same versions for PostgreSQL (team mode): the contacts, notes and triggers, with
    // tsvector columns for the search. Empty, with *error set, if a trigger cannot be turned.
    static QList<QStringList> postgresSteps(QString *error);
};

} // namespace sb
