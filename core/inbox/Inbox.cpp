#include "Inbox.h"

#include "InboxQuery.h"
#include "InboxSchema.h"
#include "common/Logging.h"
#include "config/Config.h"
#include "db/StoreWorker.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QUrl>

#include <algorithm>

#include <limits>

namespace sb {

namespace {

constexpr qint64 kNoCursor = std::numeric_limits<qint64>::max();
// "No limit" for both stores (SQLite's LIMIT -1 is an error on PostgreSQL).
constexpr qint64 kNoLimit = std::numeric_limits<qint64>::max();

QDateTime fromMs(qint64 ms) {
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

// "Now" for presence, in ms: on PostgreSQL the server's clock, so desks whose clocks differ
// agree on what is fresh; on SQLite (one desk) its own clock, bound as :at.
QString presenceNow(const StoreWorker &w) {
    return w.isPostgres() ? QStringLiteral("(extract(epoch from clock_timestamp()) * 1000)::bigint")
                          : QStringLiteral(":at");
}

// The fresh presence rows (heartbeat within Inbox::PresenceTtlMs) of one contact, or of all
// (`contactId` 0), replying first.
std::optional<QList<Presence>> readPresence(StoreWorker &w, qint64 contactId, QString *error) {
    InboxQuery q(w);
    if (!q.prepare(QStringLiteral("SELECT agent, state, seen_at, contact_id FROM presence WHERE "
                                  "(:id = 0 OR contact_id = :id) AND seen_at > %1 - :ttl ORDER BY "
                                  "contact_id, state = 'replying' DESC, seen_at DESC, agent")
                       .arg(presenceNow(w)),
                   error))
        return std::nullopt;
    q.bind(":id", contactId);
    q.bind(":ttl", qint64(Inbox::PresenceTtlMs));
    if (!w.isPostgres())
        q.bind(":at", QDateTime::currentMSecsSinceEpoch());
    QList<Presence> all;
    while (q.next())
        all.append({q.text(0), q.text(1), fromMs(q.int64(2)), q.int64(3)});
    if (!q.ok()) {
        *error = q.error();
        return std::nullopt;
    }
    return all;
}

// A number column's text with the search's match marked (team mode): PostgreSQL's parser reads
// "+1415…" as one signed token, which the digits' prefix query does not match, so the '+' is
// set apart for ts_headline and joined again after. The query is `q`, its options `:all`.
QString numberMarked(const QString &column) {
    return QStringLiteral("replace(ts_headline('switchboard_search', replace(%1, '+', '+ '), q, "
                          ":all), '+ ', '+')")
        .arg(column);
}

// The customer's address of a message row aliased `m`.
const QString kAddressOfM =
    QStringLiteral("(CASE WHEN m.direction = 'inbound' THEN m.from_number ELSE m.to_number END)");

const QString kContactColumns =
    QStringLiteral("c.id, c.number, c.email, c.name, c.last_text, c.last_channel, c.last_at, "
                   "c.unread, c.channels, c.assignee, c.assigned_at");

ContactSummary readContact(const InboxQuery &q) {
    ContactSummary c;
    c.id = q.int64(0);
    c.number = q.text(1);
    c.email = q.text(2);
    c.name = q.text(3);
    c.lastText = q.text(4);
    c.lastChannel = q.text(5);
    c.lastAt = fromMs(q.int64(6));
    c.unread = int(q.int64(7));
    c.channels = q.text(8).split(QLatin1Char(','), Qt::SkipEmptyParts);
    c.assignee = q.text(9);
    if (!c.assignee.isEmpty())
        c.assignedAt = fromMs(q.int64(10));
    return c;
}

QString likePattern(const QString &text) {
    QString pattern = text;
    pattern.replace(QLatin1String("\\"), QLatin1String("\\\\"))
        .replace(QLatin1String("%"), QLatin1String("\\%"))
        .replace(QLatin1String("_"), QLatin1String("\\_"));
    return QLatin1Char('%') + pattern + QLatin1Char('%');
}

bool hasMarker(const QString &text) {
    return text.contains(Inbox::HighlightStart);
}

} // namespace

// What jobs on the store thread read: fixed at construction, and the opt-out table's
// presence, checked once (only the store thread touches it).
struct Inbox::Shared {
    QList<ThreadSource> sources;
    int optOutTable = -1; // -1 not checked yet, 0 absent, 1 present

    bool hasOptOuts(StoreWorker &w) {
        if (optOutTable < 0) {
            InboxQuery q(w);
            optOutTable =
                q.prepare(w.isPostgres() ? QStringLiteral("SELECT 1 FROM information_schema.tables "
                                                          "WHERE table_schema = current_schema() "
                                                          "AND table_name = 'opt_outs'")
                                         : QStringLiteral("SELECT 1 FROM sqlite_master WHERE type "
                                                          "= 'table' AND name = 'opt_outs'"),
                          nullptr) &&
                        q.next()
                    ? 1
                    : 0;
            if (!q.ok())
                optOutTable = -1; // not open yet: ask again next time
        }
        return optOutTable == 1;
    }

    // Fills optedOutOf for `contacts` (the senders each sent STOP to), when the table exists.
    bool addOptOuts(StoreWorker &w, QList<ContactSummary> &contacts, QString *error) {
        if (contacts.isEmpty() || !hasOptOuts(w))
            return true;
        InboxQuery q(w);
        if (!q.prepare(QStringLiteral("SELECT DISTINCT sender FROM opt_outs WHERE opted_out != "
                                      "0 AND (contact = :number OR contact IN (SELECT address "
                                      "FROM contact_addresses WHERE contact_id = :id)) ORDER BY "
                                      "sender"),
                       error))
            return false;
        for (ContactSummary &c : contacts) {
            q.reset();
            q.bind(":number", c.number);
            q.bind(":id", c.id);
            while (q.next())
                c.optedOutOf.append(q.text(0));
            if (!q.ok()) {
                *error = q.error();
                return false;
            }
        }
        return true;
    }
};

ContactQuery ContactQuery::matching(QString text, int limit) {
    ContactQuery query;
    query.text = std::move(text);
    query.limit = limit;
    return query;
}

ContactQuery ContactQuery::after(const ContactSummary &last, int limit, QString text) {
    ContactQuery query;
    query.text = std::move(text);
    query.limit = limit;
    query.afterLastAtMs = last.lastAt.isValid() ? last.lastAt.toMSecsSinceEpoch() : 0;
    query.afterId = last.id;
    return query;
}

ThreadQuery ThreadQuery::newest(qint64 contactId, int limit) {
    ThreadQuery query;
    query.contactId = contactId;
    query.limit = limit;
    return query;
}

ThreadQuery ThreadQuery::olderThan(qint64 contactId, const ThreadItem &oldest, int limit) {
    ThreadQuery query;
    query.contactId = contactId;
    query.limit = limit;
    query.beforeAtMs = oldest.at.toMSecsSinceEpoch();
    query.beforeChannel = oldest.channel;
    query.beforeRowId = oldest.rowId;
    return query;
}

Inbox::Inbox(Store *store, ChannelList channels, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_channels(std::move(channels))
    , m_shared(std::make_shared<Shared>()) {
    qRegisterMetaType<sb::ContactSummary>();
    qRegisterMetaType<sb::ThreadItem>();
    qRegisterMetaType<sb::SearchHit>();
    qRegisterMetaType<QList<qint64>>();
    for (const auto &channel : std::as_const(m_channels))
        m_shared->sources += channel->threadSources();
    connect(m_store, &Store::messagesChanged, this, &Inbox::onMessagesChanged);
    connect(m_store, &Store::rowsChanged, this,
            [this](const QString &table, const QList<qint64> &ids, const QList<qint64> &) {
                onRowsChanged(table, ids);
            });
}

Inbox::~Inbox() = default;

QList<Schema> Inbox::schemas(const ChannelList &channels) {
    QString error;
    Schema inbox{InboxSchema::Module, InboxSchema::steps(), InboxSchema::beforeCommit(),
                 InboxSchema::postgresSteps(&error)};
    if (!error.isEmpty()) // a programming error; PostgreSQL refuses the module, naming it
        qCCritical(lcStore) << "the inbox's PostgreSQL schema:" << error;
    QList<Schema> all{inbox};
    for (const auto &channel : channels) {
        const QList<QStringList> steps = channel->contactSchema();
        if (!steps.isEmpty())
            all.append({channel->id() + QStringLiteral(".inbox"), steps});
    }
    return all;
}

void Inbox::contacts(const ContactQuery &query, Receiver receiver,
                     Done<QList<ContactSummary>> done) {
    m_store->run<QList<ContactSummary>>(
        std::move(receiver),
        [query, shared = m_shared](StoreWorker &w,
                                   QString *error) -> std::optional<QList<ContactSummary>> {
            QStringList where;
            const QString text = query.text.trimmed();
            if (!text.isEmpty())
                where.append(QStringLiteral("(c.name LIKE :pattern ESCAPE '\\' OR c.number LIKE "
                                            ":pattern ESCAPE '\\' OR c.email LIKE :pattern "
                                            "ESCAPE '\\')"));
            if (query.afterId > 0)
                where.append(QStringLiteral("(c.last_at, c.id) < (:after_at, :after_id)"));
            if (query.assignee)
                where.append(QStringLiteral("c.assignee = :assignee"));
            QString sql =
                QStringLiteral("SELECT ") + kContactColumns + QStringLiteral(" FROM contacts c");
            if (!where.isEmpty())
                sql += QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
            sql += QStringLiteral(" ORDER BY c.last_at DESC, c.id DESC LIMIT :limit");
            InboxQuery q(w);
            if (!q.prepare(sql, error))
                return std::nullopt;
            q.bind(":pattern", likePattern(text));
            q.bind(":after_at", query.afterLastAtMs);
            q.bind(":after_id", query.afterId);
            q.bind(":assignee", query.assignee.value_or(QString()));
            q.bind(":limit", query.limit > 0 ? qint64(query.limit) : kNoLimit);
            QList<ContactSummary> contacts;
            while (q.next())
                contacts.append(readContact(q));
            if (!q.ok()) {
                *error = q.error();
                return std::nullopt;
            }
            if (!shared->addOptOuts(w, contacts, error))
                return std::nullopt;
            return contacts;
        },
        std::move(done));
}

void Inbox::contact(qint64 contactId, Receiver receiver, Done<std::optional<ContactSummary>> done) {
    contactsById({contactId}, std::move(receiver),
                 [done = std::move(done)](const StoreResult<QList<ContactSummary>> &found) {
                     StoreResult<std::optional<ContactSummary>> one;
                     one.error = found.error;
                     if (found.ok() && !found.value.isEmpty())
                         one.value = found.value.constFirst();
                     if (done)
                         done(one);
                 });
}

void Inbox::contactsById(const QList<qint64> &ids, Receiver receiver,
                         Done<QList<ContactSummary>> done) {
    m_store->run<QList<ContactSummary>>(
        std::move(receiver),
        [ids, shared = m_shared](StoreWorker &w,
                                 QString *error) -> std::optional<QList<ContactSummary>> {
            InboxQuery q(w);
            if (!q.prepare(QStringLiteral("SELECT ") + kContactColumns +
                               QStringLiteral(" FROM contacts c WHERE c.id = :id"),
                           error))
                return std::nullopt;
            QList<ContactSummary> found;
            found.reserve(ids.size());
            for (const qint64 id : ids) {
                q.reset();
                q.bind(":id", id);
                if (q.next())
                    found.append(readContact(q));
                if (!q.ok()) {
                    *error = q.error();
                    return std::nullopt;
                }
            }
            if (!shared->addOptOuts(w, found, error))
                return std::nullopt;
            return found;
        },
        std::move(done));
}

void Inbox::contactIdFor(const QString &address, Receiver receiver, Done<qint64> done) {
    m_store->run<qint64>(
        std::move(receiver),
        [address = address.trimmed()](StoreWorker &w, QString *error) -> std::optional<qint64> {
            InboxQuery q(w);
            if (!q.prepare(
                    QStringLiteral("SELECT contact_id FROM contact_addresses WHERE address = :a "
                                   "UNION ALL SELECT id FROM contacts WHERE number = substr(:a, "
                                   "instr(:a, ':') + 1) UNION ALL SELECT id FROM contacts WHERE "
                                   "email != '' AND email = lower(:a) LIMIT 1"),
                    error))
                return std::nullopt;
            q.bind(":a", address);
            const qint64 id = q.next() ? q.int64(0) : 0;
            if (!q.ok()) {
                *error = q.error();
                return std::nullopt;
            }
            return id;
        },
        std::move(done));
}

namespace {

// The page's messages' media: an inbound file as the local copy once downloaded (else where
// Twilio keeps it), an outbound one as the URL it was sent with. Media tables belong to core's
// media module and the outbox, which a bare store (tests, tools) may not have.
bool addMediaLinks(StoreWorker &w, Thread &thread, QString *error) {
    // On PostgreSQL every module's tables are there (all are applied at start).
    InboxQuery tables(w);
    if (!tables.prepare(w.isPostgres()
                            ? QStringLiteral("SELECT table_name FROM information_schema.tables "
                                             "WHERE table_schema = current_schema() AND "
                                             "table_name IN ('message_media', 'outbox')")
                            : QStringLiteral("SELECT name FROM sqlite_master WHERE type = "
                                             "'table' AND name IN ('message_media', 'outbox')"),
                        error))
        return false;
    QStringList present;
    while (tables.next())
        present.append(tables.text(0));
    if (!tables.ok()) {
        *error = tables.error();
        return false;
    }
    // Downloaded files are in the data folder of the process that fetched them: in team mode
    // maybe another machine's, so a file missing here keeps its provider's URL.
    const QString dataDir = w.dataFolder();
    const bool inbound = present.contains(QStringLiteral("message_media"));
    const bool outbound = present.contains(QStringLiteral("outbox"));
    InboxQuery files(w);
    if (inbound && !files.prepare(QStringLiteral("SELECT url, path, state FROM message_media "
                                                 "WHERE message_id = :id ORDER BY position"),
                                  error))
        return false;
    InboxQuery sent(w);
    if (outbound &&
        !sent.prepare(QStringLiteral("SELECT media_urls FROM outbox WHERE message_id = :id"),
                      error))
        return false;
    for (ThreadItem &item : thread) {
        if (item.kind != ThreadItem::Kind::Message)
            continue;
        if (item.direction == QLatin1String("inbound") && inbound) {
            files.reset();
            files.bind(":id", item.rowId);
            while (files.next()) {
                const QString path = files.text(1);
                item.mediaLinks.append(
                    files.text(2) == QLatin1String("stored") && !path.isEmpty() &&
                            QFileInfo::exists(QDir(dataDir).filePath(path))
                        ? QUrl::fromLocalFile(QDir(dataDir).filePath(path)).toString()
                        : files.text(0));
            }
        } else if (item.direction == QLatin1String("outbound") && outbound) {
            sent.reset();
            sent.bind(":id", item.rowId);
            if (sent.next()) {
                const QJsonArray urls = QJsonDocument::fromJson(sent.text(0).toUtf8()).array();
                for (const QJsonValue &url : urls)
                    item.mediaLinks.append(url.toString());
            }
        }
    }
    return true;
}

} // namespace

void Inbox::thread(const ThreadQuery &query, Receiver receiver, Done<Thread> done) {
    m_store->run<Thread>(
        std::move(receiver),
        [query, shared = m_shared](StoreWorker &w, QString *error) -> std::optional<Thread> {
            InboxQuery contact(w);
            if (!contact.prepare(
                    QStringLiteral("SELECT number, email FROM contacts WHERE id = :id"), error))
                return std::nullopt;
            contact.bind(":id", query.contactId);
            if (!contact.next()) {
                *error = contact.ok() ? QStringLiteral("no contact %1").arg(query.contactId)
                                      : contact.error();
                return std::nullopt;
            }
            const QString number = contact.text(0);
            const QString email = contact.text(1).toLower();

            InboxQuery addresses(w);
            if (!addresses.prepare(QStringLiteral("SELECT address FROM contact_addresses WHERE "
                                                  "contact_id = :contact"),
                                   error))
                return std::nullopt;
            addresses.bind(":contact", query.contactId);
            QStringList addressList;
            while (addresses.next())
                addressList.append(addresses.text(0));

            // Every source yields: kind, channel, row_id, ref, direction, from_addr, to_addr,
            // text, status, error_code, error_message, at. The messages come in one arm per
            // address and side, each the page's worth read newest first off the (address,
            // created_at) index, so a page costs the same in a 50- or a 50,000-message
            // thread. The other sources filter on at <= :before_at; ties are settled below.
            const QString after =
                query.beforeAtMs > 0
                    ? QStringLiteral(" AND (created_at < :before_at OR (created_at = :before_at "
                                     "AND (channel, id) < (:before_channel, :before_row)))")
                    : QString();
            QStringList parts;
            for (qsizetype i = 0; i < addressList.size(); ++i) {
                for (const char *side : {"from_number", "to_number"}) {
                    parts << QStringLiteral(
                                 "SELECT * FROM (SELECT %1 AS kind, channel, id AS row_id, "
                                 "coalesce(sid, '') AS ref, direction, from_number AS from_addr, "
                                 "to_number AS to_addr, body AS text, status, error_code, "
                                 "error_message, created_at AS at FROM messages WHERE %2 = "
                                 ":address_%3%4 ORDER BY created_at DESC, channel DESC, id DESC "
                                 "LIMIT :limit)")
                                 .arg(int(ThreadItem::Kind::Message))
                                 .arg(QLatin1String(side))
                                 .arg(i)
                                 .arg(after);
                }
            }
            parts << QStringLiteral("SELECT %1 AS kind, 'note' AS channel, id AS row_id, '' AS "
                                    "ref, '', '', '', body, '', 0, '', created_at AS at FROM "
                                    "notes WHERE contact_id = :contact AND created_at <= "
                                    ":before_at")
                         .arg(int(ThreadItem::Kind::Note));
            for (qsizetype i = 0; i < shared->sources.size(); ++i) {
                const ThreadSource &source = shared->sources.at(i);
                parts << QStringLiteral("SELECT %1, :channel_%2, * FROM (%3)")
                             .arg(int(source.kind))
                             .arg(i)
                             .arg(source.sql);
            }
            QString sql = QStringLiteral("SELECT * FROM (") +
                          parts.join(QStringLiteral(" UNION ALL ")) + QLatin1Char(')');
            if (query.beforeAtMs > 0)
                sql += QStringLiteral(" WHERE (at, channel, row_id) < (:before_at, "
                                      ":before_channel, :before_row)");
            sql += QStringLiteral(" ORDER BY at DESC, channel DESC, row_id DESC LIMIT :limit");
            InboxQuery q(w);
            if (!q.prepare(sql, error))
                return std::nullopt;
            q.bind(":contact", query.contactId);
            q.bind(":number", number);
            q.bind(":email", email);
            q.bind(":before_at", query.beforeAtMs > 0 ? query.beforeAtMs : kNoCursor);
            q.bind(":before_channel", query.beforeChannel);
            q.bind(":before_row", query.beforeRowId);
            q.bind(":limit", query.limit > 0 ? qint64(query.limit) : kNoLimit);
            for (qsizetype i = 0; i < addressList.size(); ++i)
                q.bind(QStringLiteral(":address_%1").arg(i).toUtf8().constData(),
                       addressList.at(i));
            for (qsizetype i = 0; i < shared->sources.size(); ++i)
                q.bind(QStringLiteral(":channel_%1").arg(i).toUtf8().constData(),
                       shared->sources.at(i).channel);
            Thread thread;
            while (q.next()) {
                ThreadItem item;
                item.kind = ThreadItem::Kind(std::clamp<qint64>(q.int64(0), 0, 3));
                item.channel = q.text(1);
                item.rowId = q.int64(2);
                item.ref = q.text(3);
                item.direction = q.text(4);
                item.from = q.text(5);
                item.to = q.text(6);
                item.text = q.text(7);
                item.status = q.text(8);
                item.errorCode = int(q.int64(9));
                item.errorMessage = q.text(10);
                item.at = fromMs(q.int64(11));
                thread.append(item);
            }
            if (!q.ok()) {
                *error = q.error();
                return std::nullopt;
            }
            // Notes carry their author: read for the notes on this page only.
            InboxQuery author(w);
            if (!author.prepare(QStringLiteral("SELECT author FROM notes WHERE id = :id"), error))
                return std::nullopt;
            for (ThreadItem &item : thread) {
                if (item.kind != ThreadItem::Kind::Note)
                    continue;
                author.reset();
                author.bind(":id", item.rowId);
                if (author.next())
                    item.author = author.text(0);
            }
            if (!addMediaLinks(w, thread, error))
                return std::nullopt;
            std::reverse(thread.begin(), thread.end()); // oldest first, as a thread reads
            return thread;
        },
        std::move(done));
}

QString Inbox::ftsQuery(const QString &text) {
    const QString trimmed = text.trimmed();
    // A phone number typed with its punctuation ("+1 (415) 555-0100") is one token in the
    // index (the digits): search those digits as one prefix.
    static const QRegularExpression phoneLike(QStringLiteral("^[+0-9 ().\\-]+$"));
    int digits = 0;
    for (QChar c : trimmed)
        digits += c.isDigit() ? 1 : 0;
    if (digits >= 3 && phoneLike.match(trimmed).hasMatch()) {
        QString only;
        for (QChar c : trimmed) {
            if (c.isDigit())
                only.append(c);
        }
        return QLatin1Char('"') + only + QStringLiteral("\"*");
    }
    // Each word quoted as an FTS5 string (a quote inside doubled), so nothing the user types
    // is an operator; words are ANDed, the last one a prefix. Words without a letter or digit
    // would be empty phrases: dropped.
    QStringList terms;
    const QStringList words =
        trimmed.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
    for (const QString &word : words) {
        if (std::none_of(word.cbegin(), word.cend(), [](QChar c) { return c.isLetterOrNumber(); }))
            continue;
        QString quoted = word;
        quoted.replace(QLatin1Char('"'), QLatin1String("\"\""));
        terms.append(QLatin1Char('"') + quoted + QLatin1Char('"'));
        if (terms.size() == 16) // enough to narrow anything down; bounds the query's cost
            break;
    }
    if (terms.isEmpty())
        return {};
    terms.last() += QLatin1Char('*');
    return terms.join(QLatin1Char(' '));
}

QString Inbox::tsQuery(const QString &ftsMatch) {
    // The same terms as PostgreSQL's tsquery: each a quoted lexeme (a quote inside doubled),
    // ANDed, a prefix where FTS5's was one.
    static const QRegularExpression term(QStringLiteral("\"((?:[^\"]|\"\")*)\"(\\*?)"));
    QStringList terms;
    for (auto it = term.globalMatch(ftsMatch); it.hasNext();) {
        const auto m = it.next();
        QString lexeme = m.captured(1).replace(QStringLiteral("\"\""), QStringLiteral("\""));
        lexeme.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
        lexeme.replace(QLatin1Char('\''), QLatin1String("''"));
        terms.append(QLatin1Char('\'') + lexeme + QLatin1Char('\'') +
                     (m.captured(2).isEmpty() ? QString() : QStringLiteral(":*")));
    }
    return terms.join(QStringLiteral(" & "));
}

void Inbox::search(const QString &text, int limit, Receiver receiver, Done<QList<SearchHit>> done) {
    const QString fts = ftsQuery(text);
    const QString ts = tsQuery(fts);
    m_store->run<QList<SearchHit>>(
        std::move(receiver),
        [fts, ts, limit](StoreWorker &w, QString *error) -> std::optional<QList<SearchHit>> {
            QList<SearchHit> hits;
            if (fts.isEmpty() || limit <= 0)
                return hits;
            // Team mode searches PostgreSQL's tsvector columns (InboxSchema::postgresSteps())
            // with the same terms, marked by ts_headline as FTS5's highlight() and snippet()
            // mark them; the rows come back in the same columns.
            const bool pg = w.isPostgres();
            const QString match = pg ? ts : fts;
            // Messages stored earlier in this batch are indexed at its commit: now, so the
            // search finds them (on failure it searches what is indexed; catchUp() logs why).
            w.catchUp();
            const QString start(HighlightStart);
            const QString end(HighlightEnd);
            // Contacts first (a handful at most): their name, number or email matched.
            InboxQuery contacts(w);
            if (!contacts.prepare(
                    pg ? QStringLiteral(
                             "SELECT c.id, c.number, c.name, ts_headline('switchboard_search', "
                             "c.name, q, "
                             ":all), ") +
                             numberMarked(QStringLiteral("c.number")) +
                             QStringLiteral(", "
                                            "ts_headline('switchboard_search', c.email, q, :all) "
                                            "FROM contacts c, "
                                            "to_tsquery('switchboard_search', :q) q WHERE c.search "
                                            "@@ q ORDER BY "
                                            "c.last_at "
                                            "DESC LIMIT :limit")
                       : QStringLiteral(
                             "SELECT c.id, c.number, c.name, highlight(contacts_fts, 0, :s, :e), "
                             "highlight(contacts_fts, 1, :s, :e), highlight(contacts_fts, 2, :s, "
                             ":e) FROM contacts_fts JOIN contacts c ON c.id = contacts_fts.rowid "
                             "WHERE contacts_fts MATCH :q ORDER BY c.last_at DESC LIMIT :limit"),
                    error))
                return std::nullopt;
            // ts_headline's options: the markers, the whole text or a window of it.
            const QString markers =
                QStringLiteral("StartSel=\"%1\", StopSel=\"%2\"").arg(start, end);
            contacts.bind(":all", markers + QStringLiteral(", HighlightAll=true"));
            contacts.bind(":s", start);
            contacts.bind(":e", end);
            contacts.bind(":q", match);
            contacts.bind(":limit", qint64(qMin(limit, 5)));
            while (contacts.next()) {
                SearchHit hit;
                hit.contactId = contacts.int64(0);
                hit.number = contacts.text(1);
                hit.name = contacts.text(2);
                for (int column : {3, 4, 5}) {
                    const QString marked = contacts.text(column);
                    if (hasMarker(marked)) {
                        hit.highlighted = marked;
                        break;
                    }
                }
                hits.append(hit);
            }
            if (!contacts.ok()) {
                *error = contacts.error();
                return std::nullopt;
            }
            // Then messages and notes, newest first: each index walks its rowids (message ids grow
            // with time) backwards and stops at the limit, so the first results cost the same
            // whether 10 or 100,000 messages match.
            InboxQuery messages(w);
            if (!messages.prepare(
                    pg ? QStringLiteral(
                             "SELECT m.id, m.channel, coalesce(m.sid, ''), m.direction, "
                             "m.from_number, m.to_number, m.body, m.status, m.error_code, "
                             "m.error_message, m.created_at, ts_headline('switchboard_search', "
                             "m.body, q, "
                             ":window), ") +
                             numberMarked(QStringLiteral("m.from_number")) + QStringLiteral(", ") +
                             numberMarked(QStringLiteral("m.to_number")) +
                             QStringLiteral(
                                 ", coalesce(c.id, 0), coalesce(c.number, ''), "
                                 "coalesce(c.name, '') FROM (SELECT id FROM messages, "
                                 "to_tsquery('switchboard_search', :q) q WHERE search @@ q ORDER "
                                 "BY id "
                                 "DESC "
                                 "LIMIT :limit) f JOIN messages m ON m.id = f.id CROSS JOIN "
                                 "to_tsquery('switchboard_search', :q) q LEFT JOIN "
                                 "contact_addresses a "
                                 "ON "
                                 "a.address = ") +
                             kAddressOfM +
                             QStringLiteral(" LEFT JOIN contacts c ON c.id = a.contact_id ORDER "
                                            "BY m.id DESC")
                       : QStringLiteral(
                             "SELECT m.id, m.channel, coalesce(m.sid, ''), m.direction, "
                             "m.from_number, m.to_number, m.body, m.status, m.error_code, "
                             "m.error_message, m.created_at, f.body_marked, f.from_marked, "
                             "f.to_marked, coalesce(c.id, 0), coalesce(c.number, ''), "
                             "coalesce(c.name, '') FROM (SELECT rowid, snippet(messages_fts, 0, "
                             ":s, "
                             ":e, '…', 64) AS body_marked, highlight(messages_fts, 1, :s, :e) AS "
                             "from_marked, highlight(messages_fts, 2, :s, :e) AS to_marked FROM "
                             "messages_fts WHERE messages_fts MATCH :q ORDER BY rowid DESC LIMIT "
                             ":limit) f JOIN messages m ON m.id = f.rowid LEFT JOIN "
                             "contact_addresses "
                             "a ON a.address = ") +
                             kAddressOfM +
                             QStringLiteral(" LEFT JOIN contacts c ON c.id = a.contact_id ORDER BY "
                                            "m.id DESC"),
                    error))
                return std::nullopt;
            const QString window = markers + QStringLiteral(", MaxWords=64, MinWords=24");
            messages.bind(":window", window);
            messages.bind(":all", markers + QStringLiteral(", HighlightAll=true"));
            messages.bind(":s", start);
            messages.bind(":e", end);
            messages.bind(":q", match);
            const qsizetype room = limit - hits.size();
            messages.bind(":limit", qint64(room));
            QList<SearchHit> items; // messages and notes, merged newest first below
            while (messages.next()) {
                SearchHit hit;
                ThreadItem &item = hit.item;
                item.kind = ThreadItem::Kind::Message;
                item.rowId = messages.int64(0);
                item.channel = messages.text(1);
                item.ref = messages.text(2);
                item.direction = messages.text(3);
                item.from = messages.text(4);
                item.to = messages.text(5);
                item.text = messages.text(6);
                item.status = messages.text(7);
                item.errorCode = int(messages.int64(8));
                item.errorMessage = messages.text(9);
                item.at = fromMs(messages.int64(10));
                hit.highlighted = messages.text(11);
                for (int column : {12, 13}) { // the number matched, not the body
                    if (!hasMarker(hit.highlighted) && hasMarker(messages.text(column)))
                        hit.highlighted = messages.text(column);
                }
                hit.contactId = messages.int64(14);
                hit.number = messages.text(15);
                hit.name = messages.text(16);
                items.append(hit);
            }
            if (!messages.ok()) {
                *error = messages.error();
                return std::nullopt;
            }
            // The agent's notes, newest first the same way (note ids grow with time too).
            InboxQuery notes(w);
            if (!notes.prepare(
                    pg ? QStringLiteral(
                             "SELECT n.id, n.body, n.author, n.created_at, "
                             "ts_headline('switchboard_search', "
                             "n.body, q, :window), c.id, c.number, c.name FROM (SELECT id FROM "
                             "notes, to_tsquery('switchboard_search', :q) q WHERE search @@ q "
                             "ORDER BY id "
                             "DESC LIMIT :limit) f JOIN notes n ON n.id = f.id CROSS JOIN "
                             "to_tsquery('switchboard_search', :q) q JOIN contacts c ON c.id = "
                             "n.contact_id "
                             "ORDER BY n.id DESC")
                       : QStringLiteral(
                             "SELECT n.id, n.body, n.author, n.created_at, f.marked, c.id, "
                             "c.number, "
                             "c.name FROM (SELECT rowid, snippet(notes_fts, 0, :s, :e, '…', 64) AS "
                             "marked FROM notes_fts WHERE notes_fts MATCH :q ORDER BY rowid DESC "
                             "LIMIT :limit) f JOIN notes n ON n.id = f.rowid JOIN contacts c ON "
                             "c.id "
                             "= n.contact_id ORDER BY n.id DESC"),
                    error))
                return std::nullopt;
            notes.bind(":window", window);
            notes.bind(":s", start);
            notes.bind(":e", end);
            notes.bind(":q", match);
            notes.bind(":limit", qint64(room));
            while (notes.next()) {
                SearchHit hit;
                ThreadItem &item = hit.item;
                item.kind = ThreadItem::Kind::Note;
                item.channel = QStringLiteral("note");
                item.rowId = notes.int64(0);
                item.text = notes.text(1);
                item.author = notes.text(2);
                item.at = fromMs(notes.int64(3));
                hit.highlighted = notes.text(4);
                hit.contactId = notes.int64(5);
                hit.number = notes.text(6);
                hit.name = notes.text(7);
                items.append(hit);
            }
            if (!notes.ok()) {
                *error = notes.error();
                return std::nullopt;
            }
            std::stable_sort(
                items.begin(), items.end(),
                [](const SearchHit &a, const SearchHit &b) { return a.item.at > b.item.at; });
            hits.append(items.mid(0, room));
            return hits;
        },
        std::move(done));
}

void Inbox::markRead(qint64 contactId, Receiver receiver, Done<bool> done) {
    m_store->run<bool>(
        std::move(receiver),
        [contactId](StoreWorker &w, QString *error) -> std::optional<bool> {
            InboxQuery q(w);
            if (!q.prepare(
                    QStringLiteral("UPDATE contacts SET unread = 0 WHERE id = :id AND unread != 0"),
                    error))
                return std::nullopt;
            q.bind(":id", contactId);
            if (!q.exec()) {
                *error = q.error();
                return std::nullopt;
            }
            if (q.changes() > 0)
                w.touchedRow(ContactsTable, contactId);
            return true;
        },
        std::move(done));
}

void Inbox::assign(qint64 contactId, const QString &agent, const std::optional<QString> &expected,
                   Receiver receiver, Done<Assignment> done) {
    const QString name = agent.trimmed();
    if (!Config::isAgentName(name)) {
        receiver.post([done] {
            if (done)
                done({{},
                      QStringLiteral("an agent's name is at most %1 characters, on one line")
                          .arg(Config::MaxAgentName)});
        });
        return;
    }
    m_store->run<Assignment>(
        std::move(receiver),
        [contactId, name, expected](StoreWorker &w, QString *error) -> std::optional<Assignment> {
            InboxQuery q(w);
            // FOR UPDATE on PostgreSQL: two desks assigning at once are taken in turn, so the
            // second one's `expected` sees the first one's result.
            if (!q.prepare(w.isPostgres() ? QStringLiteral("SELECT assignee, assigned_at FROM "
                                                           "contacts WHERE id = :id FOR UPDATE")
                                          : QStringLiteral("SELECT assignee, assigned_at FROM "
                                                           "contacts WHERE id = :id"),
                           error))
                return std::nullopt;
            q.bind(":id", contactId);
            Assignment now;
            if (!q.next()) {
                if (!q.ok()) {
                    *error = q.error();
                    return std::nullopt;
                }
                now.found = false;
                return now;
            }
            now.assignee = q.text(0);
            if (!now.assignee.isEmpty())
                now.assignedAt = fromMs(q.int64(1));
            if ((expected && *expected != now.assignee) || now.assignee == name)
                return now; // taken by someone else meanwhile, or already so: nothing to write
            const qint64 at = name.isEmpty() ? 0 : QDateTime::currentMSecsSinceEpoch();
            if (!q.prepare(QStringLiteral("UPDATE contacts SET assignee = :agent, assigned_at = "
                                          ":at WHERE id = :id"),
                           error))
                return std::nullopt;
            q.bind(":agent", name);
            q.bind(":at", at);
            q.bind(":id", contactId);
            if (!q.exec()) {
                *error = q.error();
                return std::nullopt;
            }
            w.touchedRow(ContactsTable, contactId);
            now.changed = true;
            now.assignee = name;
            now.assignedAt = name.isEmpty() ? QDateTime() : fromMs(at);
            return now;
        },
        std::move(done));
}

void Inbox::setPresence(qint64 contactId, const QString &agent, const QString &state,
                        Receiver receiver, Done<bool> done) {
    const QString name = agent.trimmed();
    if (name.isEmpty() || !Config::isAgentName(name) ||
        (!state.isEmpty() && state != Viewing && state != Replying)) {
        receiver.post([done, state] {
            if (done)
                done({false, QStringLiteral("not a presence: '%1'").arg(state)});
        });
        return;
    }
    m_store->run<bool>(
        std::move(receiver),
        [contactId, name, state](StoreWorker &w, QString *error) -> std::optional<bool> {
            InboxQuery q(w);
            // The contact's row, and this agent's presence in it (if any).
            if (!q.prepare(QStringLiteral("SELECT p.state FROM contacts c LEFT JOIN presence p ON "
                                          "p.contact_id = c.id AND p.agent = :agent WHERE c.id "
                                          "= :id"),
                           error))
                return std::nullopt;
            q.bind(":id", contactId);
            q.bind(":agent", name);
            const bool found = q.next();
            const QString was = found ? q.text(0) : QString();
            if (!q.ok()) {
                *error = q.error();
                return std::nullopt;
            }
            if (!found)
                return false; // no such contact
            if (state.isEmpty()) {
                if (!q.prepare(QStringLiteral("DELETE FROM presence WHERE contact_id = :id AND "
                                              "agent = :agent"),
                               error))
                    return std::nullopt;
            } else if (!q.prepare(QStringLiteral("INSERT INTO presence (contact_id, agent, state, "
                                                 "seen_at) VALUES (:id, :agent, :state, %1) ON "
                                                 "CONFLICT (contact_id, agent) DO UPDATE SET "
                                                 "state = excluded.state, seen_at = "
                                                 "excluded.seen_at")
                                      .arg(presenceNow(w)),
                                  error)) {
                return std::nullopt;
            }
            q.bind(":id", contactId);
            q.bind(":agent", name);
            q.bind(":state", state);
            if (!w.isPostgres())
                q.bind(":at", QDateTime::currentMSecsSinceEpoch());
            if (!q.exec()) {
                *error = q.error(); // an unknown contact: the foreign key refuses it
                return std::nullopt;
            }
            if (was != state) // a heartbeat tells nobody
                w.touchedRow(PresenceTable, contactId);
            return true;
        },
        std::move(done));
}

void Inbox::presence(qint64 contactId, Receiver receiver, Done<QList<Presence>> done) {
    m_store->run<QList<Presence>>(
        std::move(receiver),
        [contactId](StoreWorker &w, QString *error) { return readPresence(w, contactId, error); },
        std::move(done));
}

void Inbox::presenceEverywhere(Receiver receiver, Done<QList<Presence>> done) {
    m_store->run<QList<Presence>>(
        std::move(receiver),
        [](StoreWorker &w, QString *error) { return readPresence(w, 0, error); }, std::move(done));
}

void Inbox::workload(Receiver receiver, Done<QList<AgentWorkload>> done) {
    m_store->run<QList<AgentWorkload>>(
        std::move(receiver),
        [](StoreWorker &w, QString *error) -> std::optional<QList<AgentWorkload>> {
            InboxQuery q(w);
            if (!q.prepare(QStringLiteral("SELECT assignee, count(*), sum(CASE WHEN unread > 0 "
                                          "THEN 1 ELSE 0 END), coalesce(sum(unread), 0) FROM "
                                          "contacts GROUP BY assignee ORDER BY count(*) DESC, "
                                          "assignee"),
                           error))
                return std::nullopt;
            QList<AgentWorkload> all;
            while (q.next())
                all.append({q.text(0), int(q.int64(1)), int(q.int64(2)), q.int64(3)});
            if (!q.ok()) {
                *error = q.error();
                return std::nullopt;
            }
            return all;
        },
        std::move(done));
}

void Inbox::unreadTotal(Receiver receiver, Done<qint64> done) {
    m_store->run<qint64>(
        std::move(receiver),
        [](StoreWorker &w, QString *error) -> std::optional<qint64> {
            InboxQuery q(w);
            if (!q.prepare(QStringLiteral("SELECT coalesce(sum(unread), 0) FROM contacts"),
                           error) ||
                !q.next()) {
                if (error->isEmpty())
                    *error = q.error();
                return std::nullopt;
            }
            return q.int64(0);
        },
        std::move(done));
}

void Inbox::setContactName(qint64 contactId, const QString &name, Receiver receiver,
                           Done<bool> done) {
    const QString trimmed = name.trimmed();
    updateContact(contactId,
                  QStringLiteral("UPDATE contacts SET name = :value, name_source = :source WHERE "
                                 "id = :id"),
                  trimmed, trimmed.isEmpty() ? QString() : QStringLiteral("agent"),
                  std::move(receiver), std::move(done));
}

void Inbox::setContactEmail(qint64 contactId, const QString &email, Receiver receiver,
                            Done<bool> done) {
    const QString address = email.trimmed().toLower();
    if (!address.isEmpty() &&
        !QRegularExpression(QStringLiteral("^[^@\\s]+@[^@\\s]+$")).match(address).hasMatch()) {
        receiver.post([done, address] {
            if (done)
                done({false, QStringLiteral("%1 is not an email address").arg(address)});
        });
        return;
    }
    updateContact(contactId, QStringLiteral("UPDATE contacts SET email = :value WHERE id = :id"),
                  address, {}, std::move(receiver), std::move(done));
}

void Inbox::updateContact(qint64 contactId, const QString &sql, const QString &value,
                          const QString &source, Receiver receiver, Done<bool> done) {
    m_store->run<bool>(
        std::move(receiver),
        [contactId, sql, value, source](StoreWorker &w, QString *error) -> std::optional<bool> {
            InboxQuery q(w);
            if (!q.prepare(sql, error))
                return std::nullopt;
            q.bind(":value", value);
            q.bind(":source", source); // ignored where the statement has no :source
            q.bind(":id", contactId);
            if (!q.exec()) {
                *error = q.error();
                return std::nullopt;
            }
            if (q.changes() == 0) {
                *error = QStringLiteral("no contact %1").arg(contactId);
                return std::nullopt;
            }
            w.touchedRow(ContactsTable, contactId);
            return true;
        },
        std::move(done));
}

void Inbox::addNote(qint64 contactId, const QString &body, const QString &author, Receiver receiver,
                    Done<ThreadItem> done) {
    const QString text = body.trimmed();
    m_store->run<ThreadItem>(
        std::move(receiver),
        [contactId, text, author](StoreWorker &w, QString *error) -> std::optional<ThreadItem> {
            if (text.isEmpty()) {
                *error = QStringLiteral("an empty note");
                return std::nullopt;
            }
            const qint64 now = QDateTime::currentMSecsSinceEpoch();
            InboxQuery q(w);
            if (!q.prepare(QStringLiteral("INSERT INTO notes (contact_id, body, author, "
                                          "created_at) VALUES (:contact, :body, :author, :at) "
                                          "RETURNING id"),
                           error))
                return std::nullopt;
            q.bind(":contact", contactId);
            q.bind(":body", text);
            q.bind(":author", author);
            q.bind(":at", now);
            const qint64 id = q.next() ? q.int64(0) : 0;
            if (!q.exec()) {        // to the end, so the row is written
                *error = q.error(); // no such contact: the foreign key refuses it
                return std::nullopt;
            }
            ThreadItem note;
            note.kind = ThreadItem::Kind::Note;
            note.channel = QStringLiteral("note");
            note.rowId = id;
            note.text = text;
            note.author = author;
            note.at = fromMs(now);
            w.touchedRow(ContactsTable, contactId);
            return note;
        },
        std::move(done));
}

void Inbox::onMessagesChanged(const QList<MessageRecord> &messages) {
    for (const MessageRecord &m : messages) {
        m_pendingAddresses.append(m.direction == QLatin1String("inbound") ? m.from : m.to);
    }
    if (!m_resolving)
        resolveChanged();
}

void Inbox::onRowsChanged(const QString &table, const QList<qint64> &ids) {
    if (table == ContactsTable) { // a name, a note, read, assigned: here or at another desk
        Q_EMIT contactsChanged(ids);
        return;
    }
    if (table == PresenceTable) {
        Q_EMIT presenceChanged(ids);
        return;
    }
    const bool ours = std::any_of(m_shared->sources.cbegin(), m_shared->sources.cend(),
                                  [&](const ThreadSource &s) { return s.table == table; });
    if (ours)
        Q_EMIT contactsChanged({}); // a call or email: which contact would cost a query each
}

// Maps the changed messages' addresses to contacts in one store job at a time; changes that
// arrive meanwhile wait for the next one, so a burst of webhooks costs few look-ups.
void Inbox::resolveChanged() {
    if (m_pendingAddresses.isEmpty())
        return;
    QStringList addresses = std::exchange(m_pendingAddresses, {});
    addresses.removeDuplicates();
    m_resolving = true;
    m_store->run<QList<qint64>>(
        this,
        [addresses](StoreWorker &w, QString *error) -> std::optional<QList<qint64>> {
            InboxQuery q(w);
            if (!q.prepare(
                    QStringLiteral("SELECT contact_id FROM contact_addresses WHERE address = :a"),
                    error))
                return std::nullopt;
            QSet<qint64> ids;
            for (const QString &address : addresses) {
                q.reset();
                q.bind(":a", address);
                while (q.next())
                    ids.insert(q.int64(0));
            }
            return QList<qint64>(ids.cbegin(), ids.cend());
        },
        [this](const StoreResult<QList<qint64>> &result) {
            m_resolving = false;
            if (!result.ok())
                Q_EMIT contactsChanged({});
            else if (!result.value.isEmpty())
                Q_EMIT contactsChanged(result.value);
            resolveChanged();
        });
}

} // namespace sb
