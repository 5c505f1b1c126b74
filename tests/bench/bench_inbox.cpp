// The inbox over a store of 1,000,000 messages across 10,000 contacts, through the real Inbox
// API (queued on the store thread, answered on this one): the first page of contacts (first
// paint), a 5,000-message thread's newest page and the whole of it, and a search matching about
// 1,000 messages (time to its first results). Each run opens the store afresh; medians printed.
//   bench_inbox [--messages 1000000] [--contacts 10000] [--runs 5] [--dir bench-inbox-<n>]
// The database is generated once (its schema applied by the store's own migrations, the rows
// inserted in one transaction with prepared statements, the inbox's triggers keeping contacts
// and the FTS index as they would in use), then reused.
#include "db/Store.h"
#include "db/StoreWorker.h"
#include "inbox/Inbox.h"
#include "inbox/InboxSchema.h"
#include "runtime/BuiltInChannels.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QSqlQuery>

#include <sqlite3.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <functional>

namespace {

using namespace sb;

constexpr int kBigThread = 5000;      // messages of the one long conversation
constexpr int kSearchEvery = 1000;    // one message in this many says the searched word
const char *kSearchWord = "zanzibar"; // ... so about messages / 1000 match
const char *kSearchTyped = "zanzib";  // what the agent has typed so far

QString numberOf(int contact) {
    return QStringLiteral("+1415%1").arg(5000000 + contact, 7, 10, QLatin1Char('0'));
}

void applySchemas(Store &store, const ChannelList &channels) {
    for (const auto &channel : channels) {
        if (!channel->schema().isEmpty())
            store.addSchema({channel->id(), channel->schema()});
    }
    for (const Schema &schema : Inbox::schemas(channels))
        store.addSchema(schema);
}

bool openStore(Store &store) {
    QEventLoop loop;
    QObject ctx;
    bool ok = false;
    store.open(&ctx, [&](const StoreResult<bool> &r) {
        ok = r.ok();
        if (!ok)
            std::fprintf(stderr, "cannot open: %s\n", qPrintable(r.error));
        loop.quit();
    });
    loop.exec();
    return ok;
}

bool exec(sqlite3 *db, const char *sql) {
    char *message = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &message) == SQLITE_OK)
        return true;
    std::fprintf(stderr, "%s: %s\n", sql, message);
    sqlite3_free(message);
    return false;
}

// Generates the database: the real schema through the store, then the rows through SQL.
bool generate(const QString &path, const ChannelList &channels, int messages, int contacts) {
    {
        Store store(path);
        applySchemas(store, channels);
        if (!openStore(store))
            return false;
    }
    QElapsedTimer timer;
    timer.start();
    sqlite3 *db = nullptr;
    if (sqlite3_open(path.toUtf8().constData(), &db) != SQLITE_OK)
        return false;
    exec(db, "PRAGMA journal_mode=WAL");
    exec(db, "PRAGMA synchronous=OFF");
    exec(db, "PRAGMA cache_size=-262144");
    exec(db, "BEGIN");
    sqlite3_stmt *insert = nullptr;
    sqlite3_prepare_v2(db,
                       "INSERT INTO messages (sid, channel, direction, from_number, to_number, "
                       "body, status, status_rank, segments, created_at, updated_at) VALUES (?1, "
                       "?2, ?3, ?4, ?5, ?6, ?7, 5, 1, ?8, ?8)",
                       -1, &insert, nullptr);
    static const char *words[] = {"order",  "delivery", "refund",   "thanks",  "please",
                                  "when",   "parcel",   "tracking", "arrived", "broken",
                                  "help",   "invoice",  "address",  "monday",  "tomorrow",
                                  "call",   "store",    "receipt",  "size",    "colour",
                                  "return", "label",    "courier",  "late",    "great"};
    const qint64 start = QDateTime::currentMSecsSinceEpoch() - qint64(messages) * 1000;
    quint32 seed = 12345;
    auto rand = [&seed] {
        return seed = seed * 1103515245u + 12345u, (seed >> 8);
    };
    for (int i = 0; i < messages; ++i) {
        // Every 200th message is contact 0's, the long thread; the rest spread over the others.
        const int contact =
            (i % (messages / kBigThread) == 0) ? 0 : 1 + int(rand() % (contacts - 1));
        const bool whatsapp = (i % 3) == 0;
        const bool inbound = (i % 2) == 0;
        const QString customer =
            (whatsapp ? QStringLiteral("whatsapp:") : QString()) + numberOf(contact);
        const QString ours =
            whatsapp ? QStringLiteral("whatsapp:+14155238886") : QStringLiteral("+15005550006");
        QByteArray body;
        const int length = 4 + int(rand() % 12);
        for (int w = 0; w < length; ++w) {
            body += words[rand() % (sizeof(words) / sizeof(*words))];
            body += ' ';
        }
        body += QByteArray::number(i);
        if (i % kSearchEvery == 7)
            body += QByteArray(" ") + kSearchWord;
        const QByteArray sid = "SM" + QByteArray::number(i).rightJustified(32, '0');
        const QByteArray from = (inbound ? customer : ours).toUtf8();
        const QByteArray to = (inbound ? ours : customer).toUtf8();
        sqlite3_bind_text(insert, 1, sid.constData(), int(sid.size()), SQLITE_TRANSIENT);
        sqlite3_bind_text(insert, 2, whatsapp ? "whatsapp" : "sms", -1, SQLITE_STATIC);
        sqlite3_bind_text(insert, 3, inbound ? "inbound" : "outbound", -1, SQLITE_STATIC);
        sqlite3_bind_text(insert, 4, from.constData(), int(from.size()), SQLITE_TRANSIENT);
        sqlite3_bind_text(insert, 5, to.constData(), int(to.size()), SQLITE_TRANSIENT);
        sqlite3_bind_text(insert, 6, body.constData(), int(body.size()), SQLITE_TRANSIENT);
        sqlite3_bind_text(insert, 7, inbound ? "received" : "delivered", -1, SQLITE_STATIC);
        sqlite3_bind_int64(insert, 8, start + qint64(i) * 1000);
        if (sqlite3_step(insert) != SQLITE_DONE) {
            std::fprintf(stderr, "insert failed: %s\n", sqlite3_errmsg(db));
            return false;
        }
        sqlite3_reset(insert);
        if (i % 100000 == 0 && i > 0)
            std::fprintf(stderr, "  %d messages (%.1f s)\n", i, timer.elapsed() / 1000.0);
    }
    sqlite3_finalize(insert);
    // Names, as agents and WhatsApp profiles give them (the contacts index follows).
    exec(db, "UPDATE contacts SET name = 'Customer ' || id, name_source = 'agent'");
    // The messages' search index, as the store fills it before each commit.
    for (const QString &sql : InboxSchema::beforeCommit()) {
        if (!exec(db, sql.toUtf8().constData()))
            return false;
    }
    exec(db, "COMMIT");
    exec(db, "PRAGMA wal_checkpoint(TRUNCATE)");
    sqlite3_close(db);
    std::printf("generated %d messages across %d contacts in %.1f s\n", messages, contacts,
                timer.elapsed() / 1000.0);
    return true;
}

// The process's CPU time (every thread), in ms: on a shared machine the wall time includes
// waiting for a core, this does not.
double cpuMs() {
    return double(std::clock()) * 1000.0 / CLOCKS_PER_SEC;
}

QList<double> g_cpu; // the CPU time of each timed() call, in order

// Runs one asynchronous Inbox call and returns the milliseconds until its answer arrived.
template <typename T>
double timed(const std::function<void(std::function<void(const StoreResult<T> &)>)> &call,
             T *value = nullptr) {
    QEventLoop loop;
    QElapsedTimer timer;
    double ms = -1;
    const double cpuStart = cpuMs();
    timer.start();
    call([&](const StoreResult<T> &r) {
        ms = timer.nsecsElapsed() / 1e6;
        g_cpu.append(cpuMs() - cpuStart);
        if (!r.ok())
            std::fprintf(stderr, "failed: %s\n", qPrintable(r.error));
        else if (value)
            *value = r.value;
        loop.quit();
    });
    loop.exec();
    return ms;
}

// The peers: what the same answers cost without the inbox's own tables, straight from the
// messages table on the same store thread: the contact list as a GROUP BY over every message,
// the search as a LIKE scan of every body. Rows counted so nothing is optimised away.
int peerContacts(StoreWorker &w, QString *) {
    QSqlQuery q(w.database());
    q.exec(QStringLiteral(
        "SELECT CASE direction WHEN 'inbound' THEN from_number ELSE to_number END AS who, "
        "MAX(created_at) AS last FROM messages GROUP BY who ORDER BY last DESC LIMIT 50"));
    int rows = 0;
    while (q.next())
        ++rows;
    return rows;
}

int peerSearch(StoreWorker &w, QString *) {
    QSqlQuery q(w.database());
    q.prepare(QStringLiteral("SELECT id, body FROM messages WHERE body LIKE ? "
                             "ORDER BY created_at DESC LIMIT 50"));
    q.addBindValue(QStringLiteral("%") + QString::fromLatin1(kSearchTyped) + QStringLiteral("%"));
    q.exec();
    int rows = 0;
    while (q.next())
        ++rows;
    return rows;
}

double median(QList<double> values) {
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    int messages = 1000000;
    int contacts = 10000;
    int runs = 5;
    QString dir;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == QLatin1String("--messages"))
            messages = args[i + 1].toInt();
        else if (args[i] == QLatin1String("--contacts"))
            contacts = args[i + 1].toInt();
        else if (args[i] == QLatin1String("--runs"))
            runs = args[i + 1].toInt();
        else if (args[i] == QLatin1String("--dir"))
            dir = args[i + 1];
    }
    if (messages < kBigThread * 2 || contacts < 2 || runs < 1) {
        std::fprintf(stderr, "need --messages >= %d, --contacts >= 2, --runs >= 1\n",
                     kBigThread * 2);
        return 2;
    }
    if (dir.isEmpty())
        dir = QStringLiteral("bench-inbox-%1-%2").arg(messages).arg(contacts);
    QDir().mkpath(dir);
    const QString path = dir + QStringLiteral("/switchboard.sqlite");
    const ChannelList channels = builtInChannels();
    if (!QFile::exists(path) && !generate(path, channels, messages, contacts)) {
        QFile::remove(path);
        return 1;
    }

    QList<double> firstPaint, threadPage, threadWhole, searchFirst, peerList, peerFind;
    QList<double> firstPaintCpu, threadPageCpu, threadWholeCpu, searchFirstCpu;
    int contactRows = 0, pageItems = 0, wholeItems = 0, hits = 0;
    for (int run = 0; run < runs; ++run) {
        Store store(path);
        applySchemas(store, channels);
        if (!openStore(store))
            return 1;
        Inbox inbox(&store, channels);
        QObject ctx;
        QList<ContactSummary> page;
        firstPaint << timed<QList<ContactSummary>>(
            [&](auto done) { inbox.contacts(ContactQuery::matching({}, 50), &ctx, done); }, &page);
        firstPaintCpu << g_cpu.last();
        contactRows = int(page.size());
        qint64 big = 0;
        timed<qint64>([&](auto done) { inbox.contactIdFor(numberOf(0), &ctx, done); }, &big);
        Thread items;
        threadPage << timed<Thread>(
            [&](auto done) { inbox.thread(ThreadQuery::newest(big, 100), &ctx, done); }, &items);
        threadPageCpu << g_cpu.last();
        pageItems = int(items.size());
        threadWhole << timed<Thread>(
            [&](auto done) { inbox.thread(ThreadQuery::newest(big, 0), &ctx, done); }, &items);
        threadWholeCpu << g_cpu.last();
        wholeItems = int(items.size());
        QList<SearchHit> found;
        searchFirst << timed<QList<SearchHit>>(
            [&](auto done) { inbox.search(QString::fromLatin1(kSearchTyped), 50, &ctx, done); },
            &found);
        searchFirstCpu << g_cpu.last();
        hits = int(found.size());
        peerList << timed<int>([&](auto done) { store.run<int>(&ctx, peerContacts, done); });
        peerFind << timed<int>([&](auto done) { store.run<int>(&ctx, peerSearch, done); });
    }
    std::printf("%d messages, %d contacts, %d runs (each on a freshly opened store); medians of "
                "wall time (CPU time of the process in brackets):\n",
                messages, contacts, runs);
    std::printf("  contacts, first page (%d rows):          %7.2f ms [%6.2f]  (target 100)\n",
                contactRows, median(firstPaint), median(firstPaintCpu));
    std::printf("  %d-message thread, newest page (%d):   %7.2f ms [%6.2f]  (target 100)\n",
                wholeItems, pageItems, median(threadPage), median(threadPageCpu));
    std::printf("  %d-message thread, whole:              %7.2f ms [%6.2f]\n", wholeItems,
                median(threadWhole), median(threadWholeCpu));
    std::printf("  search \"%s\" (~%d match), first %d:     %7.2f ms [%6.2f]  (target 50)\n",
                kSearchTyped, messages / kSearchEvery, hits, median(searchFirst),
                median(searchFirstCpu));
    std::printf("peers in the same runs (the messages table alone, no inbox tables):\n");
    std::printf("  contacts by GROUP BY over every message:   %7.2f ms  (inbox %.0fx faster)\n",
                median(peerList), median(peerList) / qMax(0.01, median(firstPaint)));
    std::printf("  search by LIKE scan of every body:         %7.2f ms  (inbox %.0fx faster)\n",
                median(peerFind), median(peerFind) / qMax(0.01, median(searchFirst)));
    return 0;
}
