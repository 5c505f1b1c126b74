#include "Await.h"
#include "PgTestServer.h"
#include "db/SqlValues.h"
#include "db/Store.h"
#include "db/StoreWorker.h"
#include "inbox/Inbox.h"
#include "runtime/BuiltInChannels.h"

#include "email/EmailStore.h"
#include "voice/VoiceCalls.h"
#include "whatsapp/WhatsAppContacts.h"

#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

using namespace sb;
using sbtest::await;

namespace {

const QString kOurNumber = QStringLiteral("+15005550006");
const QString kOurWhatsApp = QStringLiteral("whatsapp:+14155238886");
const QString kAnna = QStringLiteral("+14155550100");
const QString kBen = QStringLiteral("+14155550111");

QString whatsapp(const QString &number) {
    return QStringLiteral("whatsapp:") + number;
}

QString plain(QString highlighted) {
    return highlighted.remove(Inbox::HighlightStart).remove(Inbox::HighlightEnd);
}

} // namespace

// The inbox's engine through the real store on a real SQLite file: contacts kept by the
// triggers whichever path stores a message, the merged thread, notes, unread, search.
class TestInbox : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void contactFollowsEachMessage_data();
    void contactFollowsEachMessage();
    void whatsAppAddressMergesWithSmsContact();
    void agentNameWinsOverProfileName();
    void unreadSurvivesReopening();
    void threadMergesEveryChannelInTimeOrder();
    void threadPagesWithoutGapsOrRepeats();
    void contactsPageNewestFirstAndFilter();
    void search_data();
    void search();
    void searchFindsContactsByName();
    void searchIndexFollowsInsertUpdateDelete();
    void searchIndexIsFilledOncePerBatch();
    void existingMessagesAreIndexedOnMigration();
    void searchFindsNotesAndFollowsTheirEdits();
    void existingNotesAreIndexedOnMigration();
    void callsOnlyNumberIsAContact_data();
    void callsOnlyNumberIsAContact();
    void callKeepsItsPlaceWhenAMessageGoes();
    void callNumberedLaterMakesTheContact();
    void existingCallsMakeContactsOnMigration();
    void emailChannelFollowsTheLinkedAddress();
    void contactsChangedNamesTheContact();
    void contactsByIdReadsTheOnesThatExist();
    void optOutsShownWhenTheTableExists();
    void notesNeedAContactAndText();
    void assignmentIsCheckedAndListed_data();
    void assignmentIsCheckedAndListed();
    void assignmentIsAnnouncedAndKept();
    void twoDesksAssigningAtOnceOneWins();
    void workloadCountsUnreadPerAgent();
    void presenceIsAnnouncedOnChangeAndLapses();

private:
    void openStore(bool withInbox = true, bool withOptOuts = false);
    // A store on this test's database (the same SQLite file or PostgreSQL database), opened.
    std::unique_ptr<Store> newStore(bool withInbox = true, bool withOptOuts = false);
    void inbound(const QString &from, const QString &to, const QString &body,
                 const QString &channel = QStringLiteral("sms"), const QString &sid = {});
    void whatsAppInbound(const QString &from, const QString &body, const QString &profileName);
    OutboxEntry outbound(const QString &from, const QString &to, const QString &body,
                         const QString &channel = QStringLiteral("sms"));
    QList<ContactSummary> contacts(const ContactQuery &query = {});
    ContactSummary onlyContact();
    Thread thread(const ThreadQuery &query);
    QList<SearchHit> search(const QString &text, int limit = 50);
    void exec(const QString &sql);
    ThreadItem addNote(qint64 contactId, const QString &body);
    // A call as its status webhook stores it (Twilio's direction: inbound, outbound-api, ...).
    void call(const QString &direction, const QString &from, const QString &to,
              const QString &status = QStringLiteral("completed"));
    void tick() { QThread::msleep(3); } // distinct created_at times, in order

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<Inbox> m_inbox;
    ChannelList m_channels;
    QObject m_ctx;
    int m_sids = 0;
};

void TestInbox::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    m_channels = builtInChannels();
    openStore();
}

void TestInbox::cleanup() {
    m_inbox.reset();
    m_store.reset();
}

void TestInbox::openStore(bool withInbox, bool withOptOuts) {
    m_inbox.reset();
    m_store.reset();
    m_store = newStore(withInbox, withOptOuts);
    QVERIFY(m_store);
    m_inbox = std::make_unique<Inbox>(m_store.get(), m_channels);
}

std::unique_ptr<Store> TestInbox::newStore(bool withInbox, bool withOptOuts) {
    auto store = sbtest::makeStore(m_dir->filePath(QStringLiteral("switchboard.sqlite")));
    for (const auto &channel : std::as_const(m_channels)) {
        if (!channel->schema().isEmpty())
            store->addSchema({channel->id(), channel->schema()});
    }
    if (withOptOuts) // the shape optout-sched's schema module "optout" gives opt_outs
        store->addSchema({QStringLiteral("optout"),
                          {{QStringLiteral("CREATE TABLE opt_outs (sender TEXT NOT NULL, "
                                           "contact TEXT NOT NULL, opted_out INTEGER NOT NULL "
                                           "DEFAULT 0, keyword TEXT NOT NULL DEFAULT '', "
                                           "changed_at INTEGER NOT NULL, source TEXT NOT NULL, "
                                           "help_at INTEGER NOT NULL DEFAULT 0, PRIMARY KEY "
                                           "(sender, contact))")}}});
    if (withInbox) {
        for (const Schema &schema : Inbox::schemas(m_channels))
            store->addSchema(schema);
    }
    const auto opened = await<StoreResult<bool>>([&](auto done) { store->open(&m_ctx, done); });
    if (!opened || !opened->ok()) {
        qWarning("store not opened: %s", opened ? qPrintable(opened->error) : "timeout");
        return nullptr;
    }
    return store;
}

void TestInbox::inbound(const QString &from, const QString &to, const QString &body,
                        const QString &channel, const QString &sid) {
    InboundMessage m;
    m.sid = sid.isEmpty() ? QStringLiteral("SMin%1").arg(++m_sids) : sid;
    m.channel = channel;
    m.from = from;
    m.to = to;
    m.body = body;
    const auto stored =
        await<StoreResult<bool>>([&](auto done) { m_store->addInboundMessage(m, &m_ctx, done); });
    QVERIFY(stored && stored->ok());
}

void TestInbox::whatsAppInbound(const QString &from, const QString &body,
                                const QString &profileName) {
    InboundMessage m;
    m.sid = QStringLiteral("SMwa%1").arg(++m_sids);
    m.channel = QStringLiteral("whatsapp");
    m.from = from;
    m.to = kOurWhatsApp;
    m.body = body;
    const auto stored = await<StoreResult<bool>>([&](auto done) {
        m_store->run<bool>(
            &m_ctx,
            [m, profileName](StoreWorker &w, QString *error) -> std::optional<bool> {
                if (!WhatsAppContacts::recordInbound(w, m, profileName, {},
                                                     QDateTime::currentDateTimeUtc(), error))
                    return std::nullopt;
                return true;
            },
            done);
    });
    QVERIFY(stored && stored->ok());
}

OutboxEntry TestInbox::outbound(const QString &from, const QString &to, const QString &body,
                                const QString &channel) {
    OutboundDraft draft;
    draft.channel = channel;
    draft.from = from;
    draft.to = to;
    draft.body = body;
    const auto entry = await<StoreResult<OutboxEntry>>(
        [&](auto done) { m_store->createOutbound(draft, &m_ctx, done); });
    if (!entry || !entry->ok())
        return {};
    return entry->value;
}

QList<ContactSummary> TestInbox::contacts(const ContactQuery &query) {
    const auto r = await<StoreResult<QList<ContactSummary>>>(
        [&](auto done) { m_inbox->contacts(query, &m_ctx, done); });
    if (!r || !r->ok()) {
        qWarning() << "contacts failed:" << (r ? r->error : QStringLiteral("timeout"));
        return {};
    }
    return r->value;
}

ContactSummary TestInbox::onlyContact() {
    const QList<ContactSummary> all = contacts();
    if (all.size() != 1) {
        qWarning() << "expected one contact, got" << all.size();
        return {};
    }
    return all.first();
}

Thread TestInbox::thread(const ThreadQuery &query) {
    const auto r =
        await<StoreResult<Thread>>([&](auto done) { m_inbox->thread(query, &m_ctx, done); });
    if (!r || !r->ok()) {
        qWarning() << "thread failed:" << (r ? r->error : QStringLiteral("timeout"));
        return {};
    }
    return r->value;
}

QList<SearchHit> TestInbox::search(const QString &text, int limit) {
    const auto r = await<StoreResult<QList<SearchHit>>>(
        [&](auto done) { m_inbox->search(text, limit, &m_ctx, done); });
    if (!r) {
        qWarning() << "search timed out";
        return {};
    }
    if (!r->ok()) // a hostile query must never get here
        qWarning() << "search failed:" << r->error;
    return r->ok() ? r->value : QList<SearchHit>{SearchHit{-1, {}, {}, {}, r->error}};
}

ThreadItem TestInbox::addNote(qint64 contactId, const QString &body) {
    const auto note = await<StoreResult<ThreadItem>>(
        [&](auto done) { m_inbox->addNote(contactId, body, QStringLiteral("Sam"), &m_ctx, done); });
    if (!note || !note->ok()) {
        qWarning() << "addNote failed:" << (note ? note->error : QStringLiteral("timeout"));
        return {};
    }
    return note->value;
}

void TestInbox::call(const QString &direction, const QString &from, const QString &to,
                     const QString &status) {
    CallStatusUpdate update;
    update.callSid = QStringLiteral("CA%1").arg(++m_sids, 32, 10, QLatin1Char('0'));
    update.status = status;
    update.from = from;
    update.to = to;
    update.direction = direction;
    update.durationSeconds = 75;
    const auto stored = await<StoreResult<bool>>([&](auto done) {
        m_store->run<bool>(
            &m_ctx,
            [update](StoreWorker &w, QString *error) -> std::optional<bool> {
                if (!VoiceCalls::applyStatus(w, update, QDateTime::currentDateTimeUtc(), error))
                    return std::nullopt;
                return true;
            },
            done);
    });
    QVERIFY(stored && stored->ok());
}

void TestInbox::exec(const QString &sql) {
    const auto r = await<StoreResult<bool>>([&](auto done) {
        m_store->run<bool>(
            &m_ctx,
            [sql](StoreWorker &w, QString *error) -> std::optional<bool> {
                QSqlQuery q(w.database());
                q.prepare(sql);
                if (!sql::exec(q, error))
                    return std::nullopt;
                return true;
            },
            done);
    });
    QVERIFY(r && r->ok());
}

void TestInbox::contactFollowsEachMessage_data() {
    QTest::addColumn<QString>("channel");
    QTest::addColumn<bool>("isInbound");
    QTest::addColumn<QString>("address");
    QTest::newRow("sms inbound") << "sms" << true << kAnna;
    QTest::newRow("sms outbound") << "sms" << false << kAnna;
    QTest::newRow("whatsapp inbound") << "whatsapp" << true << whatsapp(kAnna);
    QTest::newRow("whatsapp outbound") << "whatsapp" << false << whatsapp(kAnna);
}

void TestInbox::contactFollowsEachMessage() {
    QFETCH(QString, channel);
    QFETCH(bool, isInbound);
    QFETCH(QString, address);
    const QString ours = channel == QLatin1String("whatsapp") ? kOurWhatsApp : kOurNumber;
    if (isInbound)
        inbound(address, ours, QStringLiteral("first"), channel);
    else
        QVERIFY(outbound(ours, address, QStringLiteral("first"), channel).id > 0);
    ContactSummary c = onlyContact();
    QCOMPARE(c.number, kAnna); // whatsapp: dropped: the E.164 number is the contact
    QCOMPARE(c.lastText, QStringLiteral("first"));
    QCOMPARE(c.lastChannel, channel);
    QCOMPARE(c.channels, QStringList{channel});
    QCOMPARE(c.unread, isInbound ? 1 : 0);
    QVERIFY(qAbs(c.lastAt.msecsTo(QDateTime::currentDateTimeUtc())) < 10000);

    // The next message, the other way, moves the summary on; the contact stays one.
    tick();
    if (isInbound)
        QVERIFY(outbound(ours, address, QStringLiteral("second"), channel).id > 0);
    else
        inbound(address, ours, QStringLiteral("second"), channel);
    c = onlyContact();
    QCOMPARE(c.lastText, QStringLiteral("second"));
    QCOMPARE(c.unread, 1);
}

void TestInbox::whatsAppAddressMergesWithSmsContact() {
    inbound(kAnna, kOurNumber, QStringLiteral("by sms"));
    tick();
    whatsAppInbound(whatsapp(kAnna), QStringLiteral("by whatsapp"), QStringLiteral("Anna W"));
    tick();
    inbound(kBen, kOurNumber, QStringLiteral("ben here"));
    const QList<ContactSummary> all = contacts();
    QCOMPARE(all.size(), 2);
    QCOMPARE(all.at(0).number, kBen); // newest first
    const ContactSummary anna = all.at(1);
    QCOMPARE(anna.number, kAnna);
    QCOMPARE(anna.name, QStringLiteral("Anna W")); // the WhatsApp profile name
    QCOMPARE(anna.channels, (QStringList{QStringLiteral("sms"), QStringLiteral("whatsapp")}));
    QCOMPARE(anna.lastText, QStringLiteral("by whatsapp"));
    QCOMPARE(anna.lastChannel, QStringLiteral("whatsapp"));
    QCOMPARE(anna.unread, 2);
    const Thread items = thread(ThreadQuery::newest(anna.id));
    QCOMPARE(items.size(), 2);
    QCOMPARE(items.at(0).channel, QStringLiteral("sms"));
    QCOMPARE(items.at(1).channel, QStringLiteral("whatsapp"));
    QCOMPARE(items.at(1).from, whatsapp(kAnna));

    const auto found = await<StoreResult<qint64>>(
        [&](auto done) { m_inbox->contactIdFor(whatsapp(kAnna), &m_ctx, done); });
    QVERIFY(found && found->ok());
    QCOMPARE(found->value, anna.id);
}

void TestInbox::agentNameWinsOverProfileName() {
    whatsAppInbound(whatsapp(kAnna), QStringLiteral("hi"), QStringLiteral("Anna W"));
    const qint64 id = onlyContact().id;
    const auto named = await<StoreResult<bool>>([&](auto done) {
        m_inbox->setContactName(id, QStringLiteral("Anna Karenina"), &m_ctx, done);
    });
    QVERIFY(named && named->ok());
    whatsAppInbound(whatsapp(kAnna), QStringLiteral("again"), QStringLiteral("Anna New"));
    QCOMPARE(onlyContact().name, QStringLiteral("Anna Karenina"));
    // Cleared by the agent: the next profile name fills it again.
    const auto cleared = await<StoreResult<bool>>(
        [&](auto done) { m_inbox->setContactName(id, QString(), &m_ctx, done); });
    QVERIFY(cleared && cleared->ok());
    whatsAppInbound(whatsapp(kAnna), QStringLiteral("third"), QStringLiteral("Anna Newer"));
    QCOMPARE(onlyContact().name, QStringLiteral("Anna Newer"));
}

void TestInbox::unreadSurvivesReopening() {
    inbound(kAnna, kOurNumber, QStringLiteral("one"));
    inbound(kAnna, kOurNumber, QStringLiteral("two"));
    inbound(kBen, kOurNumber, QStringLiteral("three"));
    openStore();
    ContactSummary anna = contacts(ContactQuery::matching(QStringLiteral("0100"))).value(0);
    QCOMPARE(anna.unread, 2);
    auto total = await<StoreResult<qint64>>([&](auto done) { m_inbox->unreadTotal(&m_ctx, done); });
    QVERIFY(total && total->ok());
    QCOMPARE(total->value, 3);
    const auto read =
        await<StoreResult<bool>>([&](auto done) { m_inbox->markRead(anna.id, &m_ctx, done); });
    QVERIFY(read && read->ok());
    openStore();
    anna = contacts(ContactQuery::matching(QStringLiteral("0100"))).value(0);
    QCOMPARE(anna.unread, 0);
    total = await<StoreResult<qint64>>([&](auto done) { m_inbox->unreadTotal(&m_ctx, done); });
    QCOMPARE(total->value, 1);
}

void TestInbox::threadMergesEveryChannelInTimeOrder() {
    inbound(kAnna, kOurNumber, QStringLiteral("sms in"));
    const qint64 id = onlyContact().id;
    const auto linked = await<StoreResult<bool>>([&](auto done) {
        m_inbox->setContactEmail(id, QStringLiteral("Anna@Example.com"), &m_ctx, done);
    });
    QVERIFY(linked && linked->ok());
    tick();
    const auto call = await<StoreResult<bool>>([&](auto done) {
        m_store->run<bool>(
            &m_ctx,
            [](StoreWorker &w, QString *error) -> std::optional<bool> {
                CallRequest request;
                request.from = kOurNumber;
                request.to = kAnna;
                request.url = QStringLiteral("http://127.0.0.1/twiml");
                if (!VoiceCalls::request(w, request, QDateTime::currentDateTimeUtc(), error))
                    return std::nullopt;
                return true;
            },
            done);
    });
    QVERIFY(call && call->ok());
    tick();
    EmailDraft email;
    email.to = {{QStringLiteral("anna@example.com"), QStringLiteral("Anna")}};
    email.from = {QStringLiteral("support@example.com"), {}};
    email.subject = QStringLiteral("Your order");
    email.text = QStringLiteral("It shipped.");
    email.emailId = QStringLiteral("em-1");
    const auto mailed = await<StoreResult<QList<EmailSuppression>>>(
        [&](auto done) { EmailStore::create(m_store.get(), email, &m_ctx, done); });
    QVERIFY(mailed && mailed->ok());
    EmailDraft other = email; // to someone else: not in Anna's thread
    other.to = {{QStringLiteral("ben@example.com"), {}}};
    other.emailId = QStringLiteral("em-2");
    const auto mailedOther = await<StoreResult<QList<EmailSuppression>>>(
        [&](auto done) { EmailStore::create(m_store.get(), other, &m_ctx, done); });
    QVERIFY(mailedOther && mailedOther->ok());
    tick();
    const auto note = await<StoreResult<ThreadItem>>([&](auto done) {
        m_inbox->addNote(id, QStringLiteral("VIP, be nice"), QStringLiteral("Sam"), &m_ctx, done);
    });
    QVERIFY(note && note->ok());
    tick();
    QVERIFY(outbound(kOurWhatsApp, whatsapp(kAnna), QStringLiteral("wa out"),
                     QStringLiteral("whatsapp"))
                .id > 0);

    const Thread items = thread(ThreadQuery::newest(id, 0));
    QCOMPARE(items.size(), 5);
    QCOMPARE(items.at(0).kind, ThreadItem::Kind::Message);
    QCOMPARE(items.at(0).text, QStringLiteral("sms in"));
    QCOMPARE(items.at(0).direction, QStringLiteral("inbound"));
    QCOMPARE(items.at(1).kind, ThreadItem::Kind::Call);
    QCOMPARE(items.at(1).channel, QStringLiteral("voice"));
    QCOMPARE(items.at(1).to, kAnna);
    QCOMPARE(items.at(1).direction, QStringLiteral("outbound"));
    QCOMPARE(items.at(2).kind, ThreadItem::Kind::Email);
    QCOMPARE(items.at(2).channel, QStringLiteral("email"));
    QCOMPARE(items.at(2).text, QStringLiteral("Your order"));
    QCOMPARE(items.at(2).ref, QStringLiteral("em-1"));
    QCOMPARE(items.at(3).kind, ThreadItem::Kind::Note);
    QCOMPARE(items.at(3).text, QStringLiteral("VIP, be nice"));
    QCOMPARE(items.at(3).author, QStringLiteral("Sam"));
    QCOMPARE(items.at(3).rowId, note->value.rowId);
    QCOMPARE(items.at(4).channel, QStringLiteral("whatsapp"));
    QCOMPARE(items.at(4).status, QStringLiteral("pending"));
    for (qsizetype i = 1; i < items.size(); ++i)
        QVERIFY(items.at(i - 1).at <= items.at(i).at);

    // A note is never a message: nothing for the outbox, the contact's summary unchanged.
    const auto unfinished = await<StoreResult<QList<OutboxEntry>>>(
        [&](auto done) { m_store->unfinishedOutbox(&m_ctx, done); });
    QCOMPARE(unfinished->value.size(), 1); // the WhatsApp message only
    QCOMPARE(onlyContact().lastText, QStringLiteral("wa out"));
}

void TestInbox::threadPagesWithoutGapsOrRepeats() {
    for (int i = 0; i < 23; ++i) {
        inbound(kAnna, kOurNumber, QStringLiteral("message %1").arg(i));
        if (i % 3 == 0)
            tick(); // the others share milliseconds: ties the cursor must handle
    }
    const qint64 id = onlyContact().id;
    tick(); // the note after the last message, not in the same millisecond
    const auto note = await<StoreResult<ThreadItem>>([&](auto done) {
        m_inbox->addNote(id, QStringLiteral("a note"), QStringLiteral("Sam"), &m_ctx, done);
    });
    QVERIFY(note && note->ok());
    const Thread whole = thread(ThreadQuery::newest(id, 0));
    QCOMPARE(whole.size(), 24);
    Thread paged;
    ThreadQuery query = ThreadQuery::newest(id, 10);
    for (int page = 0; page < 5; ++page) {
        const Thread items = thread(query);
        QVERIFY(items.size() <= 10);
        paged = items + paged;
        if (items.isEmpty())
            break;
        query = ThreadQuery::olderThan(id, items.first(), 10);
    }
    QCOMPARE(paged.size(), whole.size());
    for (qsizetype i = 0; i < whole.size(); ++i) {
        QCOMPARE(paged.at(i).rowId, whole.at(i).rowId);
        QCOMPARE(paged.at(i).kind, whole.at(i).kind);
    }
    QCOMPARE(whole.first().text, QStringLiteral("message 0"));
    QCOMPARE(whole.last().text, QStringLiteral("a note"));
}

void TestInbox::contactsPageNewestFirstAndFilter() {
    for (int i = 0; i < 7; ++i) {
        inbound(QStringLiteral("+1415555020%1").arg(i), kOurNumber, QStringLiteral("hello"));
        tick();
    }
    QList<ContactSummary> all;
    ContactQuery query;
    query.limit = 3;
    for (int page = 0; page < 4; ++page) {
        const QList<ContactSummary> rows = contacts(query);
        all += rows;
        if (rows.isEmpty())
            break;
        query = ContactQuery::after(rows.last(), 3);
    }
    QCOMPARE(all.size(), 7);
    for (int i = 0; i < 7; ++i)
        QCOMPARE(all.at(i).number, QStringLiteral("+1415555020%1").arg(6 - i));
    const QList<ContactSummary> filtered =
        contacts(ContactQuery::matching(QStringLiteral("5550203")));
    QCOMPARE(filtered.size(), 1);
    QCOMPARE(filtered.first().number, QStringLiteral("+14155550203"));
    QVERIFY(contacts(ContactQuery::matching(QStringLiteral("%_\\")))
                .isEmpty()); // LIKE's wildcards are only text
}

void TestInbox::search_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected"); // plain texts of the message hits, newest first
    QTest::addColumn<QString>("marked");       // the first hit's highlighted text
    QTest::newRow("prefix of a word") << "deliv" << QStringList{"Was it delivered yet? Order 12"}
                                      << "Was it \u0001delivered\u0002 yet? Order 12";
    QTest::newRow("two words, the last a prefix")
        << "refund ord" << QStringList{"refund for order 17"}
        << "\u0001refund\u0002 for \u0001order\u0002 17";
    QTest::newRow("case and accents folded")
        << "CAFE" << QStringList{"Café tomorrow?"} << "\u0001Café\u0002 tomorrow?";
    QTest::newRow("number digits")
        << "1415555011" << QStringList{"refund for order 17"} << "+\u000114155550111\u0002";
    QTest::newRow("number as typed")
        << "+1 (415) 555-0111" << QStringList{"refund for order 17"} << "+\u000114155550111\u0002";
    QTest::newRow("newest first") << "ord"
                                  << QStringList{"refund for order 17",
                                                 "Was it delivered yet? Order 12"}
                                  << "refund for \u0001order\u0002 17";
    QTest::newRow("no match") << "zebra" << QStringList{} << QString();
    QTest::newRow("unbalanced quote")
        << "\"deliv" << QStringList{"Was it delivered yet? Order 12"} << QString();
    QTest::newRow("operators are words") << "NOT delivered" << QStringList{} << QString();
    QTest::newRow("AND OR NEAR") << "AND OR NEAR(" << QStringList{} << QString();
    QTest::newRow("a dash") << "-" << QStringList{} << QString();
    QTest::newRow("a star") << "*" << QStringList{} << QString();
    QTest::newRow("column filter syntax") << "body:refund" << QStringList{} << QString();
    QTest::newRow("caret and plus")
        << "^refund +order" << QStringList{"refund for order 17"} << QString();
    QTest::newRow("only punctuation") << "\"\"()*:-^" << QStringList{} << QString();
    QTest::newRow("empty") << "   " << QStringList{} << QString();
}

void TestInbox::search() {
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    QFETCH(QString, marked);
    inbound(kAnna, kOurNumber, QStringLiteral("Was it delivered yet? Order 12"));
    tick();
    inbound(kAnna, kOurNumber, QStringLiteral("Café tomorrow?"));
    tick();
    inbound(kBen, kOurNumber, QStringLiteral("refund for order 17"));
    const QList<SearchHit> hits = search(text);
    QStringList found;
    for (const SearchHit &hit : hits) {
        QVERIFY2(hit.contactId >= 0, qPrintable(hit.highlighted)); // the query never fails
        if (hit.item.rowId != 0)
            found.append(hit.item.text);
    }
    QCOMPARE(found, expected);
    if (!marked.isEmpty()) {
        const SearchHit &first = *std::find_if(hits.cbegin(), hits.cend(),
                                               [](const auto &h) { return h.item.rowId != 0; });
        QCOMPARE(first.highlighted, marked);
        QVERIFY(first.contactId > 0);
        QCOMPARE(first.number, first.item.from);
        // Without the markers it is the text it marks (the body, or the matching number).
        const QString shown = plain(first.highlighted);
        QVERIFY(shown == first.item.text || shown == first.item.from || shown == first.item.to);
    }
}

void TestInbox::searchFindsContactsByName() {
    whatsAppInbound(whatsapp(kAnna), QStringLiteral("hi"), QStringLiteral("Annabel Lee"));
    inbound(kBen, kOurNumber, QStringLiteral("I know annabel"));
    const QList<SearchHit> hits = search(QStringLiteral("annab"));
    QCOMPARE(hits.size(), 2);
    QCOMPARE(hits.at(0).item.rowId, 0); // the contact first
    QCOMPARE(hits.at(0).number, kAnna);
    QCOMPARE(hits.at(0).name, QStringLiteral("Annabel Lee"));
    QCOMPARE(hits.at(0).highlighted, QStringLiteral("\u0001Annabel\u0002 Lee"));
    QCOMPARE(hits.at(1).item.text, QStringLiteral("I know annabel"));
    QCOMPARE(hits.at(1).number, kBen);
    // Renamed by the agent: the index follows.
    const auto renamed = await<StoreResult<bool>>([&](auto done) {
        m_inbox->setContactName(hits.at(0).contactId, QStringLiteral("Zora"), &m_ctx, done);
    });
    QVERIFY(renamed && renamed->ok());
    QCOMPARE(search(QStringLiteral("zor")).value(0).name, QStringLiteral("Zora"));
    QCOMPARE(search(QStringLiteral("annab")).size(), 1); // only Ben's message now
}

void TestInbox::searchIndexFollowsInsertUpdateDelete() {
    QVERIFY(search(QStringLiteral("parcel")).isEmpty());
    inbound(kAnna, kOurNumber, QStringLiteral("where is my parcel"));
    QCOMPARE(search(QStringLiteral("parcel")).size(), 1);
    exec(QStringLiteral("UPDATE messages SET body = 'where is my package'"));
    QVERIFY(search(QStringLiteral("parcel")).isEmpty());
    QCOMPARE(search(QStringLiteral("packa")).size(), 1);
    // A status callback that beat our own record makes a stub; accepting the send folds it
    // into the real message (a delete): the index and the contact follow.
    const OutboxEntry sent = outbound(kOurNumber, kBen, QStringLiteral("your package left"));
    StatusCallback early;
    early.messageSid = QStringLiteral("SMearly");
    early.status = QStringLiteral("sent");
    early.from = kOurNumber;
    early.to = kBen;
    const auto stub = await<StoreResult<bool>>(
        [&](auto done) { m_store->applyStatusCallback(early, &m_ctx, done); });
    QVERIFY(stub && stub->ok());
    await<StoreResult<OutboxEntry>>(
        [&](auto done) { m_store->markSubmitted(sent.id, &m_ctx, done); });
    const auto accepted = await<StoreResult<OutboxEntry>>([&](auto done) {
        m_store->markAccepted(sent.id, QStringLiteral("SMearly"), QStringLiteral("queued"), &m_ctx,
                              done);
    });
    QVERIFY(accepted && accepted->ok());
    QCOMPARE(search(QStringLiteral("packa")).size(), 2);
    const QList<ContactSummary> all = contacts(ContactQuery::matching(QStringLiteral("0111")));
    QCOMPARE(all.size(), 1);
    QCOMPARE(all.first().lastText, QStringLiteral("your package left")); // not the stub's ''
    QCOMPARE(thread(ThreadQuery::newest(all.first().id)).size(), 1);
    QCOMPARE(thread(ThreadQuery::newest(all.first().id)).first().status, QStringLiteral("sent"));
}

void TestInbox::searchIndexIsFilledOncePerBatch() {
    if (qEnvironmentVariable("SWITCHBOARD_TEST_STORE") == QLatin1String("postgres"))
        QSKIP("FTS5's queue: PostgreSQL's tsvector columns are filled by the row's own write");
    // One job, so one batch: messages stored, one reworded and one deleted before the commit.
    // Until the commit they are only queued; a read in the batch catches up first.
    const auto r = await<StoreResult<bool>>([&](auto done) {
        m_store->run<bool>(
            &m_ctx,
            [](StoreWorker &w, QString *error) -> std::optional<bool> {
                for (const auto &[sid, body] :
                     {std::pair{"SMb1", "alpha parcel"}, std::pair{"SMb2", "beta words"},
                      std::pair{"SMb3", "delta words"}}) {
                    InboundMessage m;
                    m.sid = QString::fromLatin1(sid);
                    m.channel = QStringLiteral("sms");
                    m.from = kAnna;
                    m.to = kOurNumber;
                    m.body = QString::fromLatin1(body);
                    if (!w.addInboundMessage(m, error))
                        return std::nullopt;
                }
                QSqlQuery q(w.database());
                if (!q.exec(QStringLiteral("UPDATE messages SET body = 'gamma words' WHERE sid = "
                                           "'SMb2'")) ||
                    !q.exec(QStringLiteral("DELETE FROM messages WHERE sid = 'SMb3'")) ||
                    !q.exec(QStringLiteral("SELECT count(*) FROM messages_fts_pending")) ||
                    !q.next()) {
                    *error = q.lastError().text();
                    return std::nullopt;
                }
                if (q.value(0).toInt() != 2) {
                    *error = QStringLiteral("queued: %1, not 2").arg(q.value(0).toInt());
                    return std::nullopt;
                }
                if (!w.catchUp() ||
                    !q.exec(QStringLiteral("SELECT count(*) FROM messages_fts WHERE messages_fts "
                                           "MATCH 'alpha'")) ||
                    !q.next() || q.value(0).toInt() != 1) {
                    *error = QStringLiteral("not indexed by catchUp()");
                    return std::nullopt;
                }
                return true;
            },
            done);
    });
    QVERIFY2(r && r->ok(), r ? qPrintable(r->error) : "timeout");
    QCOMPARE(search(QStringLiteral("parcel")).size(), 1);
    QCOMPARE(search(QStringLiteral("gamma")).size(), 1);
    QVERIFY(search(QStringLiteral("beta")).isEmpty());
    QVERIFY(search(QStringLiteral("delta")).isEmpty());
    // Queued in this batch and indexed at its commit, with nothing left queued; the index agrees
    // with the table row for row (FTS5's own check against its content table).
    inbound(kBen, kOurNumber, QStringLiteral("epsilon"));
    QCOMPARE(search(QStringLiteral("epsilon")).size(), 1);
    exec(QStringLiteral("INSERT INTO messages_fts (messages_fts, rank) VALUES ('integrity-check', "
                        "1)"));
    const auto pending = await<StoreResult<int>>([&](auto done) {
        m_store->run<int>(
            &m_ctx,
            [](StoreWorker &w, QString *error) -> std::optional<int> {
                QSqlQuery q(w.database());
                if (!q.exec(QStringLiteral("SELECT count(*) FROM messages_fts_pending")) ||
                    !q.next()) {
                    *error = q.lastError().text();
                    return std::nullopt;
                }
                return q.value(0).toInt();
            },
            done);
    });
    QVERIFY(pending && pending->ok());
    QCOMPARE(pending->value, 0);
}

void TestInbox::existingMessagesAreIndexedOnMigration() {
    m_dir = std::make_unique<QTemporaryDir>(); // init() made one with the inbox already
    openStore(false);                          // a database from before the inbox
    inbound(kAnna, kOurNumber, QStringLiteral("old question"));
    tick();
    QVERIFY(outbound(kOurNumber, kAnna, QStringLiteral("old answer")).id > 0);
    tick();
    whatsAppInbound(whatsapp(kAnna), QStringLiteral("old wa"), QStringLiteral("Anna W"));
    openStore(true);
    const ContactSummary anna = onlyContact();
    QCOMPARE(anna.number, kAnna);
    QCOMPARE(anna.lastText, QStringLiteral("old wa"));
    QCOMPARE(anna.name, QStringLiteral("Anna W"));
    QCOMPARE(anna.channels, (QStringList{QStringLiteral("sms"), QStringLiteral("whatsapp")}));
    QCOMPARE(anna.unread, 0); // history from before the inbox counts as read
    QCOMPARE(thread(ThreadQuery::newest(anna.id)).size(), 3);
    QCOMPARE(search(QStringLiteral("answ")).value(0).item.text, QStringLiteral("old answer"));
    QCOMPARE(search(QStringLiteral("anna")).value(0).contactId, anna.id);
    inbound(kAnna, kOurNumber, QStringLiteral("new one")); // the triggers carry on from there
    QCOMPARE(onlyContact().unread, 1);
}

void TestInbox::searchFindsNotesAndFollowsTheirEdits() {
    inbound(kAnna, kOurNumber, QStringLiteral("hello"));
    const qint64 anna = onlyContact().id;
    tick();
    const ThreadItem note = addNote(anna, QStringLiteral("Prefers the courier after 5pm"));
    QVERIFY(note.rowId > 0);
    QList<SearchHit> hits = search(QStringLiteral("couri"));
    QCOMPARE(hits.size(), 1);
    const SearchHit hit = hits.first();
    QCOMPARE(hit.contactId, anna);
    QCOMPARE(hit.number, kAnna);
    QCOMPARE(hit.item.kind, ThreadItem::Kind::Note);
    QCOMPARE(hit.item.channel, QStringLiteral("note"));
    QCOMPARE(hit.item.rowId, note.rowId);
    QCOMPARE(hit.item.text, note.text);
    QCOMPARE(hit.item.author, QStringLiteral("Sam"));
    QCOMPARE(hit.item.at, note.at);
    QCOMPARE(hit.highlighted, QStringLiteral("Prefers the \u0001courier\u0002 after 5pm"));
    // The hit names the very item of the contact's thread the UI scrolls to and highlights.
    const Thread items = thread(ThreadQuery::newest(anna));
    QVERIFY(std::any_of(items.cbegin(), items.cend(), [&](const ThreadItem &i) {
        return i.channel == hit.item.channel && i.rowId == hit.item.rowId;
    }));

    // Merged with the messages, newest first.
    tick();
    inbound(kBen, kOurNumber, QStringLiteral("the courier never came"));
    hits = search(QStringLiteral("courier"));
    QCOMPARE(hits.size(), 2);
    QCOMPARE(hits.at(0).item.channel, QStringLiteral("sms"));
    QCOMPARE(hits.at(1).item.channel, QStringLiteral("note"));
    QCOMPARE(search(QStringLiteral("courier"), 1).size(), 1); // the limit holds for both
    QCOMPARE(search(QStringLiteral("courier"), 1).first().item.channel, QStringLiteral("sms"));

    // Edited: found by its new words only.
    exec(QStringLiteral("UPDATE notes SET body = 'Prefers a parcel locker' WHERE id = %1")
             .arg(note.rowId));
    hits = search(QStringLiteral("courier"));
    QCOMPARE(hits.size(), 1);
    QCOMPARE(hits.first().item.channel, QStringLiteral("sms"));
    hits = search(QStringLiteral("lock"));
    QCOMPARE(hits.size(), 1);
    QCOMPARE(hits.first().item.rowId, note.rowId);
    QCOMPARE(hits.first().highlighted, QStringLiteral("Prefers a parcel \u0001locker\u0002"));

    // Removed, and removed with its contact: gone from the results.
    exec(QStringLiteral("DELETE FROM notes WHERE id = %1").arg(note.rowId));
    QVERIFY(search(QStringLiteral("lock")).isEmpty());
    QVERIFY(addNote(anna, QStringLiteral("call back about the locker")).rowId > 0);
    QCOMPARE(search(QStringLiteral("lock")).size(), 1);
    exec(QStringLiteral("DELETE FROM contacts WHERE id = %1").arg(anna));
    QVERIFY(search(QStringLiteral("lock")).isEmpty());
}

void TestInbox::existingNotesAreIndexedOnMigration() {
    if (qEnvironmentVariable("SWITCHBOARD_TEST_STORE") == QLatin1String("postgres"))
        QSKIP("SQLite's inbox step 3; team mode's databases began with notes searchable");
    inbound(kAnna, kOurNumber, QStringLiteral("hello"));
    const qint64 anna = onlyContact().id;
    const ThreadItem note = addNote(anna, QStringLiteral("VIP since 2019"));
    QVERIFY(note.rowId > 0);
    // Back to a database from before notes were searchable (inbox schema 2), notes kept.
    exec(QStringLiteral("DROP TRIGGER inbox_note_added"));
    exec(QStringLiteral("DROP TRIGGER inbox_note_edited"));
    exec(QStringLiteral("DROP TRIGGER inbox_note_removed"));
    exec(QStringLiteral("DROP TABLE notes_fts"));
    exec(QStringLiteral("DROP TABLE presence")); // and without steps 7 and 6
    exec(QStringLiteral("DROP INDEX contacts_assignee"));
    exec(QStringLiteral("ALTER TABLE contacts DROP COLUMN assigned_at"));
    exec(QStringLiteral("ALTER TABLE contacts DROP COLUMN assignee"));
    exec(QStringLiteral("UPDATE schema_versions SET version = 2 WHERE module = 'inbox'"));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("no such table")));
    QVERIFY(search(QStringLiteral("vip")).value(0).contactId < 0); // no index: the query fails
    openStore(true);
    const QList<SearchHit> hits = search(QStringLiteral("vip"));
    QCOMPARE(hits.size(), 1);
    QCOMPARE(hits.first().item.rowId, note.rowId);
    QCOMPARE(hits.first().contactId, anna);
    QVERIFY(addNote(anna, QStringLiteral("VIP again")).rowId > 0); // the triggers carry on
    QCOMPARE(search(QStringLiteral("vip")).size(), 2);
}

void TestInbox::callsOnlyNumberIsAContact_data() {
    QTest::addColumn<QString>("direction");
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::newRow("they called") << "inbound" << kBen << kOurNumber;
    QTest::newRow("we called (API)") << "outbound-api" << kOurNumber << kBen;
    QTest::newRow("we called (dial)") << "outbound-dial" << kOurNumber << kBen;
}

void TestInbox::callsOnlyNumberIsAContact() {
    QFETCH(QString, direction);
    QFETCH(QString, from);
    QFETCH(QString, to);
    call(direction, from, to);
    call(direction, QStringLiteral("client:agent"), to == kBen ? to : QStringLiteral("sip:x@y"));
    ContactSummary ben = onlyContact(); // a browser client or SIP address makes none
    QCOMPARE(ben.number, kBen);
    QCOMPARE(ben.channels, QStringList{QStringLiteral("voice")});
    QCOMPARE(ben.lastChannel, QStringLiteral("voice"));
    QVERIFY(ben.lastAt.isValid() && ben.lastAt.toMSecsSinceEpoch() > 0);
    QCOMPARE(ben.unread, 0);
    const Thread items = thread(ThreadQuery::newest(ben.id));
    QCOMPARE(items.size(), direction == QLatin1String("inbound") ? 1 : 2);
    QCOMPARE(items.first().kind, ThreadItem::Kind::Call);
    auto found =
        await<StoreResult<qint64>>([&](auto done) { m_inbox->contactIdFor(kBen, &m_ctx, done); });
    QVERIFY(found && found->ok());
    QCOMPARE(found->value, ben.id);

    // A later SMS from the same number lands on the same contact, which now has both.
    tick();
    const QDateTime callAt = ben.lastAt;
    inbound(kBen, kOurNumber, QStringLiteral("saw your call"));
    ben = onlyContact();
    QCOMPARE(ben.number, kBen);
    QCOMPARE(ben.channels, (QStringList{QStringLiteral("voice"), QStringLiteral("sms")}));
    QCOMPARE(ben.lastChannel, QStringLiteral("sms"));
    QCOMPARE(ben.lastText, QStringLiteral("saw your call"));
    QVERIFY(ben.lastAt > callAt);
    QCOMPARE(ben.unread, 1);
    QCOMPARE(thread(ThreadQuery::newest(ben.id)).size(), items.size() + 1);

    // A newer call is the newest item again; an older one (a late callback) leaves it.
    tick();
    call(direction, from, to);
    ben = onlyContact();
    QCOMPARE(ben.lastChannel, QStringLiteral("voice"));
    QCOMPARE(ben.lastText, QString());
    QCOMPARE(ben.channels, (QStringList{QStringLiteral("voice"), QStringLiteral("sms")}));
    exec(QStringLiteral("INSERT INTO voice_calls (sid, direction, from_number, to_number, "
                        "created_at, updated_at) VALUES ('CAold', '%1', '%2', '%3', 1, 1)")
             .arg(direction, from, to));
    QCOMPARE(onlyContact().lastAt, ben.lastAt);
}

void TestInbox::callKeepsItsPlaceWhenAMessageGoes() {
    inbound(kBen, kOurNumber, QStringLiteral("first"));
    tick();
    call(QStringLiteral("inbound"), kBen, kOurNumber);
    const ContactSummary afterCall = onlyContact();
    tick();
    inbound(kBen, kOurNumber, QStringLiteral("second"));
    // The newest message goes (as a status callback's stub folded into its message does):
    // the call is the newest item again, and the channels keep voice.
    exec(QStringLiteral("DELETE FROM messages WHERE body = 'second'"));
    ContactSummary ben = onlyContact();
    QCOMPARE(ben.lastChannel, QStringLiteral("voice"));
    QCOMPARE(ben.lastAt, afterCall.lastAt);
    QCOMPARE(ben.channels, (QStringList{QStringLiteral("sms"), QStringLiteral("voice")}));
    // Every message goes: the calls remain.
    exec(QStringLiteral("DELETE FROM messages"));
    ben = onlyContact();
    QCOMPARE(ben.channels, QStringList{QStringLiteral("voice")});
    QCOMPARE(ben.lastChannel, QStringLiteral("voice"));
    QCOMPARE(ben.lastAt, afterCall.lastAt);
    // A message moved to another channel moves its channel in the set, not the call's.
    inbound(kBen, kOurNumber, QStringLiteral("third"));
    exec(QStringLiteral("UPDATE messages SET channel = 'whatsapp' WHERE body = 'third'"));
    ben = onlyContact();
    QCOMPARE(ben.channels, (QStringList{QStringLiteral("voice"), QStringLiteral("whatsapp")}));
    QCOMPARE(ben.lastChannel, QStringLiteral("whatsapp"));
}

void TestInbox::callNumberedLaterMakesTheContact() {
    // A status callback can be the first Twilio tells of a call, with its numbers later.
    exec(QStringLiteral("INSERT INTO voice_calls (sid, direction, created_at, updated_at) "
                        "VALUES ('CAlate', 'inbound', 5, 5)"));
    QVERIFY(contacts().isEmpty());
    exec(QStringLiteral("UPDATE voice_calls SET from_number = '%1', to_number = '%2' WHERE sid = "
                        "'CAlate'")
             .arg(kBen, kOurNumber));
    const ContactSummary ben = onlyContact();
    QCOMPARE(ben.number, kBen);
    QCOMPARE(ben.channels, QStringList{QStringLiteral("voice")});
    QCOMPARE(ben.lastAt.toMSecsSinceEpoch(), 5);
}

void TestInbox::existingCallsMakeContactsOnMigration() {
    m_dir = std::make_unique<QTemporaryDir>(); // init() made one with the inbox already
    openStore(false);                          // a database from before calls made contacts
    inbound(kAnna, kOurNumber, QStringLiteral("hi"));
    tick();
    call(QStringLiteral("outbound-api"), kOurNumber, kAnna);
    call(QStringLiteral("inbound"), kBen, kOurNumber);
    openStore(true);
    const QList<ContactSummary> all = contacts();
    QCOMPARE(all.size(), 2);
    for (const ContactSummary &c : all) {
        QCOMPARE(c.lastChannel, QStringLiteral("voice"));
        QVERIFY(c.channels.contains(QStringLiteral("voice")));
        QCOMPARE(thread(ThreadQuery::newest(c.id)).last().kind, ThreadItem::Kind::Call);
    }
    const auto anna = std::find_if(all.cbegin(), all.cend(),
                                   [](const ContactSummary &c) { return c.number == kAnna; });
    QVERIFY(anna != all.cend());
    QCOMPARE(anna->channels, (QStringList{QStringLiteral("sms"), QStringLiteral("voice")}));
}

void TestInbox::emailChannelFollowsTheLinkedAddress() {
    inbound(kAnna, kOurNumber, QStringLiteral("hi"));
    const qint64 anna = onlyContact().id;
    tick();
    EmailDraft email;
    email.to = {{QStringLiteral("someone@example.com"), {}}};
    email.cc = {{QStringLiteral("Anna@Example.com"), QStringLiteral("Anna")}};
    email.from = {QStringLiteral("support@example.com"), {}};
    email.subject = QStringLiteral("Your order");
    email.text = QStringLiteral("It shipped.");
    email.emailId = QStringLiteral("em-1");
    auto mailed = await<StoreResult<QList<EmailSuppression>>>(
        [&](auto done) { EmailStore::create(m_store.get(), email, &m_ctx, done); });
    QVERIFY(mailed && mailed->ok());
    QCOMPARE(onlyContact().channels, QStringList{QStringLiteral("sms")}); // not linked yet
    auto setEmail = [&](const QString &address) {
        const auto r = await<StoreResult<bool>>(
            [&](auto done) { m_inbox->setContactEmail(anna, address, &m_ctx, done); });
        QVERIFY(r && r->ok());
    };
    setEmail(QStringLiteral("anna@example.com"));
    QCOMPARE(onlyContact().channels, (QStringList{QStringLiteral("sms"), QStringLiteral("email")}));
    setEmail(QStringLiteral("other@example.com")); // no email went there
    QCOMPARE(onlyContact().channels, QStringList{QStringLiteral("sms")});
    setEmail(QStringLiteral("anna@example.com"));
    // A new email to the linked address is the contact's newest item.
    tick();
    email.cc.clear();
    email.bcc = {{QStringLiteral("anna@example.com"), {}}};
    email.subject = QStringLiteral("Your refund");
    email.emailId = QStringLiteral("em-2");
    mailed = await<StoreResult<QList<EmailSuppression>>>(
        [&](auto done) { EmailStore::create(m_store.get(), email, &m_ctx, done); });
    QVERIFY(mailed && mailed->ok());
    const ContactSummary c = onlyContact();
    QCOMPARE(c.channels, (QStringList{QStringLiteral("sms"), QStringLiteral("email")}));
    QCOMPARE(c.lastChannel, QStringLiteral("email"));
    QCOMPARE(c.lastText, QStringLiteral("Your refund"));
    QCOMPARE(c.lastAt, thread(ThreadQuery::newest(anna)).last().at);
}

void TestInbox::contactsChangedNamesTheContact() {
    inbound(kAnna, kOurNumber, QStringLiteral("one"));
    const qint64 id = onlyContact().id;
    QSignalSpy spy(m_inbox.get(), &Inbox::contactsChanged);
    inbound(kAnna, kOurNumber, QStringLiteral("two"));
    QTRY_VERIFY(!spy.isEmpty());
    QCOMPARE(spy.last().at(0).value<QList<qint64>>(), QList<qint64>{id});
    spy.clear();
    await<StoreResult<bool>>([&](auto done) { m_inbox->markRead(id, &m_ctx, done); });
    // The message's own change may still be announced after the spy was cleared (the change
    // feed and the rows feed are two signals): every announcement names this contact alone.
    QTRY_VERIFY(!spy.isEmpty());
    for (const QList<QVariant> &signal : std::as_const(spy))
        QCOMPARE(signal.at(0).value<QList<qint64>>(), QList<qint64>{id});
}

void TestInbox::contactsByIdReadsTheOnesThatExist() {
    inbound(kAnna, kOurNumber, QStringLiteral("one"));
    inbound(kBen, kOurNumber, QStringLiteral("ben here"));
    inbound(kBen, kOurNumber, QStringLiteral("and again"));
    QHash<QString, qint64> idOf;
    for (const ContactSummary &c : contacts())
        idOf.insert(c.number, c.id);
    QCOMPARE(idOf.size(), 2);
    const auto read = await<StoreResult<QList<ContactSummary>>>([&](auto done) {
        m_inbox->contactsById({idOf.value(kBen), 424242, idOf.value(kAnna)}, &m_ctx, done);
    });
    QVERIFY(read && read->ok());
    QHash<QString, ContactSummary> byNumber;
    for (const ContactSummary &c : read->value)
        byNumber.insert(c.number, c);
    QCOMPARE(byNumber.size(), 2); // no such contact as 424242: left out, not an error
    QCOMPARE(byNumber.value(kBen).id, idOf.value(kBen));
    QCOMPARE(byNumber.value(kBen).unread, 2);
    QCOMPARE(byNumber.value(kBen).lastText, QStringLiteral("and again"));
    QCOMPARE(byNumber.value(kAnna).unread, 1);
}

void TestInbox::optOutsShownWhenTheTableExists() {
    inbound(kAnna, kOurNumber, QStringLiteral("STOP"));
    QVERIFY(onlyContact().optedOutOf.isEmpty()); // no opt_outs table yet: left empty
    openStore(true, true);
    exec(QStringLiteral("INSERT INTO opt_outs (sender, contact, opted_out, changed_at, source) "
                        "VALUES ('+15005550006', '+14155550100', 1, 1, 'keyword'), "
                        "('whatsapp:+14155238886', 'whatsapp:+14155550100', 1, 1, 'keyword'), "
                        "('+15005550099', '+14155550100', 0, 1, 'keyword')"));
    whatsAppInbound(whatsapp(kAnna), QStringLiteral("STOP"), {});
    QCOMPARE(onlyContact().optedOutOf, (QStringList{QStringLiteral("+15005550006"), kOurWhatsApp}));
}

void TestInbox::notesNeedAContactAndText() {
    inbound(kAnna, kOurNumber, QStringLiteral("one"));
    const qint64 id = onlyContact().id;
    auto note = await<StoreResult<ThreadItem>>([&](auto done) {
        m_inbox->addNote(id, QStringLiteral("  "), QStringLiteral("Sam"), &m_ctx, done);
    });
    QVERIFY(note && !note->ok());
    note = await<StoreResult<ThreadItem>>([&](auto done) {
        m_inbox->addNote(id + 100, QStringLiteral("lost"), QStringLiteral("Sam"), &m_ctx, done);
    });
    QVERIFY(note && !note->ok());
    QCOMPARE(thread(ThreadQuery::newest(id)).size(), 1);
    const auto bad = await<StoreResult<bool>>([&](auto done) {
        m_inbox->setContactEmail(id, QStringLiteral("not an address"), &m_ctx, done);
    });
    QVERIFY(bad && !bad->ok());
}

QTEST_MAIN(TestInbox)
// Assigning a conversation: to an agent, over another (with and without the caller's
// expectation), to nobody, and the names refused; each step's outcome and what is listed then.
void TestInbox::assignmentIsCheckedAndListed_data() {
    QTest::addColumn<QString>("before"); // assigned first ("" nobody)
    QTest::addColumn<QString>("agent");
    QTest::addColumn<bool>("withExpected");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<bool>("changed");
    QTest::addColumn<QString>("after");
    QTest::addColumn<bool>("error");
    const QString ana = QStringLiteral("Ana Lima");
    const QString ben = QStringLiteral("Ben");
    QTest::newRow("to an agent") << "" << ana << false << "" << true << ana << false;
    QTest::newRow("assign to me, free") << "" << ana << true << "" << true << ana << false;
    QTest::newRow("assign to me, taken meanwhile")
        << ben << ana << true << "" << false << ben << false;
    QTest::newRow("handed over knowingly") << ben << ana << true << ben << true << ana << false;
    QTest::newRow("handed over") << ben << ana << false << "" << true << ana << false;
    QTest::newRow("already so") << ana << ana << true << ana << false << ana << false;
    QTest::newRow("unassigned") << ana << "" << false << "" << true << "" << false;
    QTest::newRow("name too long")
        << "" << QString(65, QLatin1Char('x')) << false << "" << false << "" << true;
    QTest::newRow("name on two lines") << ben << "Ana\nLima" << false << "" << false << ben << true;
}

void TestInbox::assignmentIsCheckedAndListed() {
    QFETCH(QString, before);
    QFETCH(QString, agent);
    QFETCH(bool, withExpected);
    QFETCH(QString, expected);
    QFETCH(bool, changed);
    QFETCH(QString, after);
    QFETCH(bool, error);
    inbound(kAnna, kOurNumber, QStringLiteral("where is my order?"));
    const qint64 id = onlyContact().id;
    auto assign = [&](const QString &name, std::optional<QString> ifAssignee) {
        return await<StoreResult<Assignment>>(
            [&](auto done) { m_inbox->assign(id, name, ifAssignee, &m_ctx, done); });
    };
    if (!before.isEmpty()) {
        const auto first = assign(before, std::nullopt);
        QVERIFY(first && first->ok() && first->value.changed);
    }
    const QDateTime start = QDateTime::currentDateTimeUtc().addMSecs(-1);
    const auto result =
        assign(agent, withExpected ? std::optional<QString>(expected) : std::nullopt);
    QVERIFY(result);
    QCOMPARE(!result->ok(), error);
    if (!error) {
        QVERIFY(result->value.found);
        QCOMPARE(result->value.changed, changed);
        QCOMPARE(result->value.assignee, after);
        QCOMPARE(result->value.assignedAt.isValid(), !after.isEmpty());
        if (changed && !after.isEmpty())
            QVERIFY(result->value.assignedAt >= start);
    }
    const ContactSummary c = onlyContact();
    QCOMPARE(c.assignee, after);
    QCOMPARE(c.assignedAt.isValid(), !after.isEmpty());
    // The lists: the agent's own, and the unassigned ones.
    ContactQuery mine;
    mine.assignee = after;
    QCOMPARE(contacts(mine).size(), 1);
    ContactQuery other;
    other.assignee = after.isEmpty() ? QStringLiteral("Ben") : QString();
    if (after == QLatin1String("Ben"))
        other.assignee = QStringLiteral("Ana Lima");
    QCOMPARE(contacts(other).size(), 0);
}

// Announced to the inbox's listeners once committed, through the change feed (so a team's
// other consoles apply it too); kept across a restart; an unknown contact is not found.
void TestInbox::assignmentIsAnnouncedAndKept() {
    inbound(kAnna, kOurNumber, QStringLiteral("one"));
    inbound(kBen, kOurNumber, QStringLiteral("two"));
    const ContactSummary anna = contacts(ContactQuery::matching(QStringLiteral("0100"))).value(0);
    QVERIFY(anna.id > 0);
    QSignalSpy changed(m_inbox.get(), &Inbox::contactsChanged);
    QSignalSpy rows(m_store.get(), &Store::rowsChanged);
    const auto assigned = await<StoreResult<Assignment>>([&](auto done) {
        m_inbox->assign(anna.id, QStringLiteral("Ana Lima"), QString(), &m_ctx, done);
    });
    QVERIFY(assigned && assigned->ok() && assigned->value.changed);
    QTRY_VERIFY(std::any_of(changed.cbegin(), changed.cend(), [&](const QList<QVariant> &s) {
        return s.at(0).value<QList<qint64>>() == QList<qint64>{anna.id};
    }));
    QVERIFY(std::any_of(rows.cbegin(), rows.cend(), [&](const QList<QVariant> &s) {
        return s.at(0).toString() == Inbox::ContactsTable &&
               s.at(1).value<QList<qint64>>() == QList<qint64>{anna.id};
    }));
    // Nothing to write, nothing announced.
    changed.clear();
    const auto again = await<StoreResult<Assignment>>([&](auto done) {
        m_inbox->assign(anna.id, QStringLiteral("Ana Lima"), std::nullopt, &m_ctx, done);
    });
    QVERIFY(again && again->ok() && !again->value.changed);
    QTest::qWait(50);
    QVERIFY(changed.isEmpty());

    openStore();
    const auto kept = contacts(ContactQuery::matching(QStringLiteral("0100"))).value(0);
    QCOMPARE(kept.assignee, QStringLiteral("Ana Lima"));
    QCOMPARE(kept.assignedAt, assigned->value.assignedAt);
    const auto unknown = await<StoreResult<Assignment>>([&](auto done) {
        m_inbox->assign(424242, QStringLiteral("Ana Lima"), std::nullopt, &m_ctx, done);
    });
    QVERIFY(unknown && unknown->ok());
    QVERIFY(!unknown->value.found);
    QVERIFY(!unknown->value.changed);
}

// Two desks (two stores, each with its own connection to one database) take the same
// unassigned conversation at the same moment, each having seen it free: one gets it, the other
// is told who has it, and nobody's assignment is overwritten unseen. Then both let it go,
// each expecting itself: only the holder's release counts.
void TestInbox::twoDesksAssigningAtOnceOneWins() {
    if (qEnvironmentVariable("SWITCHBOARD_TEST_STORE") != QLatin1String("postgres"))
        QSKIP("team mode's race: on SQLite one console's one store thread runs them in turn");
    inbound(kAnna, kOurNumber, QStringLiteral("who answers?"));
    const qint64 id = onlyContact().id;
    QVERIFY(id > 0);
    std::unique_ptr<Store> otherStore = newStore();
    QVERIFY(otherStore);
    Inbox other(otherStore.get(), m_channels);
    const QString ana = QStringLiteral("Ana Lima");
    const QString ben = QStringLiteral("Ben Okafor");
    for (int round = 0; round < 10; ++round) {
        std::optional<StoreResult<Assignment>> first;
        std::optional<StoreResult<Assignment>> second;
        // Both asked before either answers: the two jobs run on two threads at once.
        m_inbox->assign(id, ana, QString(), &m_ctx,
                        [&first](const StoreResult<Assignment> &r) { first = r; });
        other.assign(id, ben, QString(), &m_ctx,
                     [&second](const StoreResult<Assignment> &r) { second = r; });
        QTRY_VERIFY(first && second);
        QVERIFY2(first->ok() && second->ok(), qPrintable(first->error + second->error));
        QVERIFY2(first->value.changed != second->value.changed,
                 qPrintable(QStringLiteral("round %1: exactly one takes it").arg(round)));
        const QString winner = first->value.changed ? ana : ben;
        QCOMPARE(first->value.assignee, winner);
        QCOMPARE(second->value.assignee, winner);
        QCOMPARE(onlyContact().assignee, winner);
        // Both release it, each believing it is theirs.
        first.reset();
        second.reset();
        m_inbox->assign(id, QString(), ana, &m_ctx,
                        [&first](const StoreResult<Assignment> &r) { first = r; });
        other.assign(id, QString(), ben, &m_ctx,
                     [&second](const StoreResult<Assignment> &r) { second = r; });
        QTRY_VERIFY(first && second);
        QVERIFY(first->ok() && second->ok());
        QCOMPARE(first->value.changed, winner == ana);
        QCOMPARE(second->value.changed, winner == ben);
        QCOMPARE(onlyContact().assignee, QString());
    }
}

void TestInbox::workloadCountsUnreadPerAgent() {
    inbound(kAnna, kOurNumber, QStringLiteral("one"));
    inbound(kAnna, kOurNumber, QStringLiteral("two"));
    inbound(kBen, kOurNumber, QStringLiteral("three"));
    inbound(QStringLiteral("+14155550199"), kOurNumber, QStringLiteral("four"));
    QHash<QString, qint64> idOf;
    for (const ContactSummary &c : contacts())
        idOf.insert(c.number, c.id);
    QCOMPARE(idOf.size(), 3);
    auto assign = [&](qint64 id, const QString &agent) {
        const auto r = await<StoreResult<Assignment>>(
            [&](auto done) { m_inbox->assign(id, agent, std::nullopt, &m_ctx, done); });
        return r && r->ok() && r->value.changed;
    };
    QVERIFY(assign(idOf.value(kAnna), QStringLiteral("Ana Lima")));
    QVERIFY(assign(idOf.value(kBen), QStringLiteral("Ana Lima")));
    const auto read = await<StoreResult<bool>>(
        [&](auto done) { m_inbox->markRead(idOf.value(kBen), &m_ctx, done); });
    QVERIFY(read && read->ok());
    const auto load = await<StoreResult<QList<AgentWorkload>>>(
        [&](auto done) { m_inbox->workload(&m_ctx, done); });
    QVERIFY(load && load->ok());
    QCOMPARE(load->value.size(), 2);
    const AgentWorkload ana = load->value.at(0); // busiest first
    QCOMPARE(ana.agent, QStringLiteral("Ana Lima"));
    QCOMPARE(ana.conversations, 2);
    QCOMPARE(ana.unreadConversations, 1);
    QCOMPARE(ana.unreadMessages, 2);
    const AgentWorkload nobody = load->value.at(1);
    QCOMPARE(nobody.agent, QString());
    QCOMPARE(nobody.conversations, 1);
    QCOMPARE(nobody.unreadConversations, 1);
    QCOMPARE(nobody.unreadMessages, 1);
}

// Viewing, then replying, then gone: each change announced (the change feed), a heartbeat not;
// replying listed first; a presence whose heartbeat stopped lapses; bad states refused.
void TestInbox::presenceIsAnnouncedOnChangeAndLapses() {
    QSignalSpy contactsChanged(m_inbox.get(), &Inbox::contactsChanged);
    inbound(kAnna, kOurNumber, QStringLiteral("hello?"));
    const qint64 id = onlyContact().id;
    QTRY_VERIFY(!contactsChanged.isEmpty()); // the message's own announcement
    contactsChanged.clear();
    auto set = [&](const QString &agent, const QString &state) {
        const auto r = await<StoreResult<bool>>(
            [&](auto done) { m_inbox->setPresence(id, agent, state, &m_ctx, done); });
        return r && r->ok() && r->value;
    };
    auto present = [&] {
        const auto r = await<StoreResult<QList<Presence>>>(
            [&](auto done) { m_inbox->presence(id, &m_ctx, done); });
        return r && r->ok() ? r->value : QList<Presence>{{QStringLiteral("error"), {}, {}}};
    };
    QSignalSpy changed(m_inbox.get(), &Inbox::presenceChanged);
    QVERIFY(set(QStringLiteral("Ben Okafor"), Inbox::Viewing));
    QTRY_VERIFY(!changed.isEmpty());
    QCOMPARE(changed.last().at(0).value<QList<qint64>>(), QList<qint64>{id});
    QVERIFY2(contactsChanged.isEmpty(), "the contact and its thread are not re-read for it");
    QVERIFY(set(QStringLiteral("Ana Lima"), Inbox::Replying));
    QList<Presence> now = present();
    QCOMPARE(now.size(), 2);
    QCOMPARE(now.at(0).agent, QStringLiteral("Ana Lima")); // replying first
    QCOMPARE(now.at(0).state, QString(Inbox::Replying));
    QCOMPARE(now.at(1).agent, QStringLiteral("Ben Okafor"));
    QCOMPARE(now.at(1).state, QString(Inbox::Viewing));
    // The list's view of it: everyone in any conversation, with whose conversation it is.
    auto everywhere = [&] {
        const auto r = await<StoreResult<QList<Presence>>>(
            [&](auto done) { m_inbox->presenceEverywhere(&m_ctx, done); });
        return r && r->ok() ? r->value : QList<Presence>{{QStringLiteral("error"), {}, {}}};
    };
    const QList<Presence> all = everywhere();
    QCOMPARE(all.size(), 2);
    QCOMPARE(all.at(0).agent, QStringLiteral("Ana Lima"));
    QCOMPARE(all.at(0).contactId, id);
    QCOMPARE(all.at(1).contactId, id);
    // A heartbeat (the same state again) refreshes the time and tells nobody.
    QTest::qWait(50);
    changed.clear();
    const QDateTime before = now.at(1).seenAt;
    QVERIFY(set(QStringLiteral("Ben Okafor"), Inbox::Viewing));
    QTest::qWait(100);
    QVERIFY(changed.isEmpty());
    QVERIFY(present().at(1).seenAt > before);
    // Ana leaves: announced, gone.
    QVERIFY(set(QStringLiteral("Ana Lima"), QString()));
    QTRY_VERIFY(!changed.isEmpty());
    now = present();
    QCOMPARE(now.size(), 1);
    QCOMPARE(now.at(0).agent, QStringLiteral("Ben Okafor"));
    // Ben's desk dies: its heartbeat stops, and after Inbox::PresenceTtlMs he is not listed.
    exec(QStringLiteral("UPDATE presence SET seen_at = seen_at - %1").arg(Inbox::PresenceTtlMs));
    QVERIFY(present().isEmpty());
    QVERIFY(everywhere().isEmpty());
    // Refused: a state that is not one, no agent, an unknown contact.
    QVERIFY(!set(QStringLiteral("Ana Lima"), QStringLiteral("typing")));
    QVERIFY(!set(QString(), Inbox::Viewing));
    const auto unknown = await<StoreResult<bool>>([&](auto done) {
        m_inbox->setPresence(424242, QStringLiteral("Ana Lima"), Inbox::Viewing, &m_ctx, done);
    });
    QVERIFY(unknown && unknown->ok() && !unknown->value);
}

#include "tst_inbox.moc"
