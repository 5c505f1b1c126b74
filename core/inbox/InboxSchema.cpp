#include "InboxSchema.h"

#include "db/PostgresDialect.h"

namespace sb {

namespace {

// The customer's address of a message (row alias `r`): the sender of an inbound one, the
// recipient of an outbound one.
QString addressOf(const QString &r) {
    return QStringLiteral("(CASE WHEN %1.direction = 'inbound' THEN %1.from_number ELSE "
                          "%1.to_number END)")
        .arg(r);
}

// An address as the contact's number: a channel's prefix ("whatsapp:+1555…") dropped, so every
// channel's messages with one person land on one contact.
QString numberOf(const QString &address) {
    return QStringLiteral("substr(%1, instr(%1, ':') + 1)").arg(address);
}

// Recomputes a contact's newest message and channel set from its messages (after a delete
// or a message moved to another channel: rare, so read again rather than kept incrementally).
QString recomputeContact(const QString &contactIdExpr) {
    const QString mine = QStringLiteral(
        "(from_number IN (SELECT address FROM contact_addresses WHERE contact_id = contacts.id) OR "
        "to_number IN (SELECT address FROM contact_addresses WHERE contact_id = contacts.id))");
    return QStringLiteral(
               "UPDATE contacts SET "
               "last_at = coalesce((SELECT created_at FROM messages WHERE %1 ORDER BY "
               "created_at DESC, id DESC LIMIT 1), 0), "
               "last_text = coalesce((SELECT body FROM messages WHERE %1 ORDER BY created_at "
               "DESC, id DESC LIMIT 1), ''), "
               "last_channel = coalesce((SELECT channel FROM messages WHERE %1 ORDER BY "
               "created_at DESC, id DESC LIMIT 1), ''), "
               "channels = coalesce(',' || (SELECT group_concat(channel) FROM (SELECT DISTINCT "
               "channel FROM messages WHERE %1)) || ',', '') "
               "WHERE id = %2;")
        .arg(mine, contactIdExpr);
}

// After a message left channel `channel` (deleted, or moved to another channel) of the contact
// `contactIdExpr`: the channel dropped from the contact's set if none of its messages is on
// it any more, and its newest item read again from its messages only when that item was on
// this channel. Items that are not messages (calls, emails, kept by the channels' own glue:
// Channel::contactSchema()) keep their place in the set and as the newest item.
QString messageLeftChannel(const QString &contactIdExpr, const QString &channel) {
    const QString mine = QStringLiteral(
        "(from_number IN (SELECT address FROM contact_addresses WHERE contact_id = contacts.id) OR "
        "to_number IN (SELECT address FROM contact_addresses WHERE contact_id = contacts.id))");
    const QString newest = QStringLiteral(
        "(SELECT %2 FROM messages WHERE %1 ORDER BY created_at DESC, id DESC LIMIT 1)");
    return QStringLiteral(
               "UPDATE contacts SET "
               "last_at = CASE WHEN last_channel = %3 THEN coalesce(%4, 0) ELSE last_at END, "
               "last_text = CASE WHEN last_channel = %3 THEN coalesce(%5, '') ELSE last_text "
               "END, "
               "last_channel = CASE WHEN last_channel = %3 THEN coalesce(%6, '') ELSE "
               "last_channel END, "
               "channels = CASE WHEN EXISTS (SELECT 1 FROM messages WHERE %1 AND channel = %3) "
               "THEN channels WHEN channels = ',' || %3 || ',' THEN '' ELSE replace(channels, "
               "',' || %3 || ',', ',') END "
               "WHERE id = %2;")
        .arg(mine, contactIdExpr, channel, newest.arg(mine, QStringLiteral("created_at")),
             newest.arg(mine, QStringLiteral("body")), newest.arg(mine, QStringLiteral("channel")));
}

// The contact of a message just stored made or brought up to date, with its address; `unread`
// is 1 for an inbound message (SQLite writes the comparison, PostgreSQL needs a number).
QString messageAdded(const QString &unread) {
    const QString newAddress = addressOf(QStringLiteral("NEW"));
    return QStringLiteral(
               "CREATE TRIGGER inbox_message_added AFTER INSERT ON messages WHEN %1 != '' BEGIN "
               "INSERT INTO contacts (number, last_at, last_text, last_channel, channels, "
               "unread) VALUES (%2, NEW.created_at, NEW.body, NEW.channel, ',' || NEW.channel "
               "|| ',', %3) ON CONFLICT(number) DO UPDATE SET "
               "last_at = max(last_at, excluded.last_at), "
               "last_text = CASE WHEN excluded.last_at >= last_at THEN excluded.last_text ELSE "
               "last_text END, "
               "last_channel = CASE WHEN excluded.last_at >= last_at THEN excluded.last_channel "
               "ELSE last_channel END, "
               "channels = CASE WHEN channels = '' THEN excluded.channels "
               "WHEN instr(channels, excluded.channels) > 0 THEN channels ELSE "
               "channels || substr(excluded.channels, 2) END, "
               "unread = unread + excluded.unread; "
               "INSERT OR IGNORE INTO contact_addresses (address, contact_id) SELECT %1, id "
               "FROM contacts WHERE number = %2; "
               "END")
        .arg(newAddress, numberOf(newAddress), unread);
}

// A message moved to another channel: the old channel's part read again, the new one added.
QString messageMoved() {
    const QString newContact =
        QStringLiteral("(SELECT contact_id FROM contact_addresses WHERE address = %1)")
            .arg(addressOf(QStringLiteral("NEW")));
    return QStringLiteral(
               "CREATE TRIGGER inbox_message_moved AFTER UPDATE OF channel ON "
               "messages WHEN OLD.channel != NEW.channel BEGIN %1 "
               "UPDATE contacts SET channels = CASE WHEN instr(channels, ',' || "
               "NEW.channel || ',') > 0 THEN channels WHEN channels = '' THEN ',' || "
               "NEW.channel || ',' ELSE channels || NEW.channel || ',' END WHERE id = %2; "
               "END")
        .arg(messageLeftChannel(newContact, QStringLiteral("OLD.channel")), newContact);
}

// 6: a conversation (a contact's thread) is assigned to an agent, by name ('' nobody); when,
// so the others see how long it has been theirs. The index serves "Mine" and "Unassigned".
QStringList assignmentStep(const QString &integer) {
    return {
        QStringLiteral("ALTER TABLE contacts ADD COLUMN assignee TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("ALTER TABLE contacts ADD COLUMN assigned_at %1 NOT NULL DEFAULT 0")
            .arg(integer),
        QStringLiteral("CREATE INDEX contacts_assignee ON contacts(assignee, last_at, id)"),
    };
}

// 7: who is in a conversation right now, so two agents do not answer one customer twice: one
// row per (contact, agent), 'viewing' or 'replying', refreshed by a heartbeat (seen_at) and
// dropped when the agent leaves; a row not refreshed within Inbox::PresenceTtlMs is stale.
QStringList presenceStep(const QString &id, const QString &integer) {
    return {
        QStringLiteral("CREATE TABLE presence (contact_id %1 NOT NULL REFERENCES contacts(id) ON "
                       "DELETE CASCADE, agent TEXT NOT NULL, state TEXT NOT NULL, seen_at %2 NOT "
                       "NULL, PRIMARY KEY (contact_id, agent))")
            .arg(id, integer),
    };
}

} // namespace

QList<QStringList> InboxSchema::steps() {
    const QString newAddress = addressOf(QStringLiteral("NEW"));
    const QString oldAddress = addressOf(QStringLiteral("OLD"));
    const QString tokenizer = QStringLiteral("tokenize = 'unicode61 remove_diacritics 2'");
    const QString oldContact =
        QStringLiteral("(SELECT contact_id FROM contact_addresses WHERE address = %1)")
            .arg(oldAddress);
    const QString newContact =
        QStringLiteral("(SELECT contact_id FROM contact_addresses WHERE address = %1)")
            .arg(newAddress);
    return {
        // 1: contacts, their addresses, notes, the search indexes; filled from what is stored
        {
            QStringLiteral(R"(CREATE TABLE contacts (
                id INTEGER PRIMARY KEY,
                number TEXT NOT NULL UNIQUE,
                email TEXT NOT NULL DEFAULT '',
                name TEXT NOT NULL DEFAULT '',
                name_source TEXT NOT NULL DEFAULT '',
                last_at INTEGER NOT NULL DEFAULT 0,
                last_text TEXT NOT NULL DEFAULT '',
                last_channel TEXT NOT NULL DEFAULT '',
                channels TEXT NOT NULL DEFAULT '',
                unread INTEGER NOT NULL DEFAULT 0))"),
            QStringLiteral("CREATE INDEX contacts_recent ON contacts(last_at, id)"),
            QStringLiteral("CREATE INDEX contacts_email ON contacts(email) WHERE email != ''"),
            QStringLiteral(R"(CREATE TABLE contact_addresses (
                address TEXT PRIMARY KEY,
                contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE)
                WITHOUT ROWID)"),
            QStringLiteral("CREATE INDEX contact_addresses_contact ON "
                           "contact_addresses(contact_id)"),
            QStringLiteral(R"(CREATE TABLE notes (
                id INTEGER PRIMARY KEY,
                contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
                body TEXT NOT NULL,
                author TEXT NOT NULL DEFAULT '',
                created_at INTEGER NOT NULL))"),
            QStringLiteral("CREATE INDEX notes_contact ON notes(contact_id, created_at)"),
            // A thread's page read newest first per address, without sorting the whole thread.
            QStringLiteral("CREATE INDEX messages_from_at ON messages(from_number, created_at)"),
            QStringLiteral("CREATE INDEX messages_to_at ON messages(to_number, created_at)"),
            QStringLiteral("CREATE VIRTUAL TABLE messages_fts USING fts5(body, from_number, "
                           "to_number, content = 'messages', content_rowid = 'id', %1)")
                .arg(tokenizer),
            QStringLiteral("CREATE VIRTUAL TABLE contacts_fts USING fts5(name, number, email, "
                           "content = 'contacts', content_rowid = 'id', %1)")
                .arg(tokenizer),
            // What is stored already: one contact per number with its newest message (SQLite
            // takes the bare columns from the row max() picked). Its past counts as read.
            QStringLiteral(
                "INSERT INTO contacts (number, last_at, last_text, last_channel, channels) "
                "SELECT number, max(created_at), body, channel, ',' || group_concat(DISTINCT "
                "channel) || ',' FROM (SELECT %1 AS number, created_at, body, channel FROM "
                "messages m WHERE %2 != '' ORDER BY id) GROUP BY number")
                .arg(numberOf(addressOf(QStringLiteral("m"))), addressOf(QStringLiteral("m"))),
            QStringLiteral("INSERT OR IGNORE INTO contact_addresses (address, contact_id) "
                           "SELECT DISTINCT %1, c.id FROM messages m JOIN contacts c ON c.number "
                           "= %2 WHERE %1 != ''")
                .arg(addressOf(QStringLiteral("m")), numberOf(addressOf(QStringLiteral("m")))),
            QStringLiteral("INSERT INTO messages_fts (messages_fts) VALUES ('rebuild')"),
            QStringLiteral("INSERT INTO contacts_fts (contacts_fts) VALUES ('rebuild')"),
            // From now on each message keeps its contact and the index current as it is stored.
            messageAdded(QStringLiteral("NEW.direction = 'inbound'")),

            QStringLiteral("CREATE TRIGGER inbox_message_indexed AFTER INSERT ON messages BEGIN "
                           "INSERT INTO messages_fts (rowid, body, from_number, to_number) VALUES "
                           "(NEW.id, NEW.body, NEW.from_number, NEW.to_number); END"),
            QStringLiteral("CREATE TRIGGER inbox_message_reindexed AFTER UPDATE OF body, "
                           "from_number, to_number ON messages BEGIN "
                           "INSERT INTO messages_fts (messages_fts, rowid, body, from_number, "
                           "to_number) VALUES ('delete', OLD.id, OLD.body, OLD.from_number, "
                           "OLD.to_number); "
                           "INSERT INTO messages_fts (rowid, body, from_number, to_number) VALUES "
                           "(NEW.id, NEW.body, NEW.from_number, NEW.to_number); END"),
            // A status callback's stub folded into the message it belongs to, or a message
            // filed under another channel: the contact's summary is read again.
            QStringLiteral("CREATE TRIGGER inbox_message_removed AFTER DELETE ON messages BEGIN "
                           "INSERT INTO messages_fts (messages_fts, rowid, body, from_number, "
                           "to_number) VALUES ('delete', OLD.id, OLD.body, OLD.from_number, "
                           "OLD.to_number); %1 END")
                .arg(recomputeContact(
                    QStringLiteral("(SELECT contact_id FROM contact_addresses WHERE address = %1)")
                        .arg(oldAddress))),
            QStringLiteral("CREATE TRIGGER inbox_message_moved AFTER UPDATE OF channel ON "
                           "messages WHEN OLD.channel != NEW.channel BEGIN %1 END")
                .arg(recomputeContact(
                    QStringLiteral("(SELECT contact_id FROM contact_addresses WHERE address = %1)")
                        .arg(newAddress))),
            QStringLiteral("CREATE TRIGGER inbox_contact_added AFTER INSERT ON contacts BEGIN "
                           "INSERT INTO contacts_fts (rowid, name, number, email) VALUES "
                           "(NEW.id, NEW.name, NEW.number, NEW.email); END"),
            QStringLiteral("CREATE TRIGGER inbox_contact_renamed AFTER UPDATE OF name, number, "
                           "email ON contacts BEGIN "
                           "INSERT INTO contacts_fts (contacts_fts, rowid, name, number, email) "
                           "VALUES ('delete', OLD.id, OLD.name, OLD.number, OLD.email); "
                           "INSERT INTO contacts_fts (rowid, name, number, email) VALUES "
                           "(NEW.id, NEW.name, NEW.number, NEW.email); END"),
            QStringLiteral("CREATE TRIGGER inbox_contact_removed AFTER DELETE ON contacts BEGIN "
                           "INSERT INTO contacts_fts (contacts_fts, rowid, name, number, email) "
                           "VALUES ('delete', OLD.id, OLD.name, OLD.number, OLD.email); END"),
        },
        // 2: core's (number) indexes on messages are prefixes of step 1's (number, created_at)
        // ones, which answer every look-up they did: each stored message updates two indexes
        // fewer (bench_store_ingest).
        {
            QStringLiteral("DROP INDEX IF EXISTS messages_from"),
            QStringLiteral("DROP INDEX IF EXISTS messages_to"),
        },
        // 3: the agent's notes searchable with the messages: FTS5 over their text, filled
        // with the notes written so far, then kept current as notes are written, edited or
        // removed (a contact's removal cascades to its notes, which fires the delete).
        {
            QStringLiteral("CREATE VIRTUAL TABLE notes_fts USING fts5(body, content = 'notes', "
                           "content_rowid = 'id', %1)")
                .arg(tokenizer),
            QStringLiteral("INSERT INTO notes_fts (notes_fts) VALUES ('rebuild')"),
            QStringLiteral("CREATE TRIGGER inbox_note_added AFTER INSERT ON notes BEGIN "
                           "INSERT INTO notes_fts (rowid, body) VALUES (NEW.id, NEW.body); END"),
            QStringLiteral("CREATE TRIGGER inbox_note_edited AFTER UPDATE OF body ON notes BEGIN "
                           "INSERT INTO notes_fts (notes_fts, rowid, body) VALUES ('delete', "
                           "OLD.id, OLD.body); "
                           "INSERT INTO notes_fts (rowid, body) VALUES (NEW.id, NEW.body); END"),
            QStringLiteral("CREATE TRIGGER inbox_note_removed AFTER DELETE ON notes BEGIN "
                           "INSERT INTO notes_fts (notes_fts, rowid, body) VALUES ('delete', "
                           "OLD.id, OLD.body); END"),
        },
        // 4: contacts have items besides messages (a channel's glue adds its calls or emails):
        // a message deleted or moved no longer rebuilds the contact from its messages alone,
        // which dropped those channels and their newest item.
        {
            QStringLiteral("DROP TRIGGER inbox_message_removed"),
            QStringLiteral("DROP TRIGGER inbox_message_moved"),
            QStringLiteral("CREATE TRIGGER inbox_message_removed AFTER DELETE ON messages BEGIN "
                           "INSERT INTO messages_fts (messages_fts, rowid, body, from_number, "
                           "to_number) VALUES ('delete', OLD.id, OLD.body, OLD.from_number, "
                           "OLD.to_number); %1 END")
                .arg(messageLeftChannel(oldContact, QStringLiteral("OLD.channel"))),
            messageMoved(),
        },
        // 5: a new message is queued for the search index and indexed with the rest of its
        // batch, just before the commit (beforeCommit()), not by its own INSERT into FTS5:
        // once FTS5 is in a transaction, every later job's savepoint made it write its pending
        // terms out as a new segment, one per message at webhook ingest. A queued message
        // updated or deleted before then is left to that one INSERT, or only unqueued.
        {
            QStringLiteral(
                "CREATE TABLE IF NOT EXISTS messages_fts_pending (id INTEGER PRIMARY KEY)"),
            QStringLiteral("DROP TRIGGER inbox_message_indexed"),
            QStringLiteral("CREATE TRIGGER inbox_message_indexed AFTER INSERT ON messages BEGIN "
                           "INSERT OR IGNORE INTO messages_fts_pending (id) VALUES (NEW.id); "
                           "END"),
            QStringLiteral("DROP TRIGGER inbox_message_reindexed"),
            QStringLiteral("CREATE TRIGGER inbox_message_reindexed AFTER UPDATE OF body, "
                           "from_number, to_number ON messages WHEN NOT EXISTS (SELECT 1 FROM "
                           "messages_fts_pending WHERE id = OLD.id) BEGIN "
                           "INSERT INTO messages_fts (messages_fts, rowid, body, from_number, "
                           "to_number) VALUES ('delete', OLD.id, OLD.body, OLD.from_number, "
                           "OLD.to_number); "
                           "INSERT INTO messages_fts (rowid, body, from_number, to_number) VALUES "
                           "(NEW.id, NEW.body, NEW.from_number, NEW.to_number); END"),
            QStringLiteral("DROP TRIGGER inbox_message_removed"),
            QStringLiteral("CREATE TRIGGER inbox_message_removed AFTER DELETE ON messages BEGIN "
                           "INSERT INTO messages_fts (messages_fts, rowid, body, from_number, "
                           "to_number) SELECT 'delete', OLD.id, OLD.body, OLD.from_number, "
                           "OLD.to_number WHERE NOT EXISTS (SELECT 1 FROM messages_fts_pending "
                           "WHERE id = OLD.id); "
                           "DELETE FROM messages_fts_pending WHERE id = OLD.id; %1 END")
                .arg(messageLeftChannel(oldContact, QStringLiteral("OLD.channel"))),
        },
        assignmentStep(QStringLiteral("INTEGER")),
        presenceStep(QStringLiteral("INTEGER"), QStringLiteral("INTEGER")),
    };
}

QList<QStringList> InboxSchema::postgresSteps(QString *error) {
    // PostgreSQL databases start at this version: step 1 builds what SQLite reaches at step 5,
    // with a generated tsvector column and a GIN index where SQLite has FTS5 tables, and the
    // same triggers (PostgresDialect turns them into PL/pgSQL). Numbers are indexed without
    // their '+', as FTS5's tokenizer does, so a number's digits find it.
    const QString oldContact =
        QStringLiteral("(SELECT contact_id FROM contact_addresses WHERE address = %1)")
            .arg(addressOf(QStringLiteral("OLD")));
    const QString mAddress = addressOf(QStringLiteral("m"));
    QStringList step1 = {
        // The search's text configuration: words lower-cased and, where the server has the
        // unaccent extension (PostgreSQL's contrib, trusted: the database's owner may add it),
        // without their accents, as FTS5's remove_diacritics; else case folding alone.
        QStringLiteral(R"(DO $$ BEGIN
            CREATE EXTENSION IF NOT EXISTS unaccent;
            CREATE TEXT SEARCH CONFIGURATION switchboard_search (COPY = simple);
            ALTER TEXT SEARCH CONFIGURATION switchboard_search ALTER MAPPING FOR hword,
                hword_part, word WITH unaccent, simple;
        EXCEPTION WHEN OTHERS THEN
            CREATE TEXT SEARCH CONFIGURATION switchboard_search (COPY = simple);
        END $$)"),
        QStringLiteral(R"(CREATE TABLE contacts (
            id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            number TEXT NOT NULL UNIQUE,
            email TEXT NOT NULL DEFAULT '',
            name TEXT NOT NULL DEFAULT '',
            name_source TEXT NOT NULL DEFAULT '',
            last_at BIGINT NOT NULL DEFAULT 0,
            last_text TEXT NOT NULL DEFAULT '',
            last_channel TEXT NOT NULL DEFAULT '',
            channels TEXT NOT NULL DEFAULT '',
            unread BIGINT NOT NULL DEFAULT 0,
            search tsvector GENERATED ALWAYS AS (to_tsvector('switchboard_search', name || ' ' ||
                replace(number, '+', '') || ' ' || email)) STORED))"),
        QStringLiteral("CREATE INDEX contacts_recent ON contacts(last_at, id)"),
        QStringLiteral("CREATE INDEX contacts_email ON contacts(email) WHERE email != ''"),
        QStringLiteral("CREATE INDEX contacts_search ON contacts USING gin (search)"),
        QStringLiteral(R"(CREATE TABLE contact_addresses (
            address TEXT PRIMARY KEY,
            contact_id BIGINT NOT NULL REFERENCES contacts(id) ON DELETE CASCADE))"),
        QStringLiteral("CREATE INDEX contact_addresses_contact ON contact_addresses(contact_id)"),
        QStringLiteral(R"(CREATE TABLE notes (
            id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            contact_id BIGINT NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
            body TEXT NOT NULL,
            author TEXT NOT NULL DEFAULT '',
            created_at BIGINT NOT NULL,
            search tsvector GENERATED ALWAYS AS (to_tsvector('switchboard_search', body)) STORED))"),
        QStringLiteral("CREATE INDEX notes_contact ON notes(contact_id, created_at)"),
        QStringLiteral("CREATE INDEX notes_search ON notes USING gin (search)"),
        QStringLiteral("DROP INDEX IF EXISTS messages_from"),
        QStringLiteral("DROP INDEX IF EXISTS messages_to"),
        QStringLiteral("CREATE INDEX messages_from_at ON messages(from_number, created_at)"),
        QStringLiteral("CREATE INDEX messages_to_at ON messages(to_number, created_at)"),
        QStringLiteral("ALTER TABLE messages ADD COLUMN search tsvector GENERATED ALWAYS AS "
                       "(to_tsvector('switchboard_search', body || ' ' || replace(from_number, "
                       "'+', '') || ' ' || "
                       "replace(to_number, '+', ''))) "
                       "STORED"),
        QStringLiteral("CREATE INDEX messages_search ON messages USING gin (search)"),
        // What is stored already: one contact per number with its newest message.
        QStringLiteral(
            "INSERT INTO contacts (number, last_at, last_text, last_channel, channels) SELECT "
            "DISTINCT ON (x.number) x.number, x.created_at, x.body, x.channel, ',' || (SELECT "
            "string_agg(DISTINCT channel, ',') FROM messages m WHERE %1 = x.number) || ',' FROM "
            "(SELECT %1 AS number, id, created_at, body, channel FROM messages m WHERE %2 != '') "
            "x ORDER BY x.number, x.created_at DESC, x.id DESC")
            .arg(numberOf(mAddress), mAddress),
        QStringLiteral("INSERT INTO contact_addresses (address, contact_id) SELECT DISTINCT %1, "
                       "c.id FROM messages m JOIN contacts c ON c.number = %2 WHERE %1 != '' ON "
                       "CONFLICT DO NOTHING")
            .arg(mAddress, numberOf(mAddress)),
    };
    // numberOf() is SQLite's instr(): PostgreSQL's strpos() there.
    for (QString &statement : step1) {
        statement = PostgresDialect::translateQuery(statement, error);
        if (!error->isEmpty())
            return {};
    }
    QHash<QString, QString> triggers;
    for (const QString &trigger :
         {messageAdded(QStringLiteral("CASE WHEN NEW.direction = 'inbound' THEN 1 ELSE 0 END")),
          QStringLiteral("CREATE TRIGGER inbox_message_removed AFTER DELETE ON messages BEGIN %1 "
                         "END")
              .arg(messageLeftChannel(oldContact, QStringLiteral("OLD.channel"))),
          messageMoved()}) {
        step1 += PostgresDialect::translateStatement(trigger, &triggers, error);
        if (!error->isEmpty())
            return {};
    }
    // Steps 2 to 5 changed SQLite's indexes and FTS5 triggers: step 1 has their result.
    return {step1,
            {},
            {},
            {},
            {},
            assignmentStep(QStringLiteral("BIGINT")),
            presenceStep(QStringLiteral("BIGINT"), QStringLiteral("BIGINT"))};
}

QStringList InboxSchema::beforeCommit() {
    // After every job's savepoint: FTS5 writes the batch's messages out as one segment.
    return {
        QStringLiteral("INSERT INTO messages_fts (rowid, body, from_number, to_number) SELECT "
                       "m.id, m.body, m.from_number, m.to_number FROM messages_fts_pending p "
                       "JOIN messages m ON m.id = p.id ORDER BY p.id"),
        QStringLiteral("DELETE FROM messages_fts_pending"),
    };
}

} // namespace sb
