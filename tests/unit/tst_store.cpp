#include "Await.h"
#include "PgTestServer.h"
#include "db/Migrations.h"
#include "db/Store.h"
#include "db/StoreWorker.h"

#include <QDir>
#include <QSemaphore>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

Q_DECLARE_METATYPE(sb::StoreFault)

using namespace sb;
using sbtest::await;

class TestStore : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void createsSchemaInWalMode();
    void outboxLifecycle();
    void sameClientRefIsOneMessage();
    void outboundRemembersWhoSentIt();
    void statusNeverMovesBackwards();
    void duplicateCallbacksStoredOnce_data();
    void duplicateCallbacksStoredOnce();
    void callbackBeforeAcceptanceIsMerged();
    void failedSendKeepsTheMessage();
    void inboundRetriesStoredOnce();
    void changeSignalCarriesRecords();
    void commitsAnnouncedWhileTheReceiverIsBusyArriveTogether();
    void unfinishedWorkSurvivesRestart();
    void burstOfCallbacksAllStored();
    void findMessagesFilters();
    void findMessagesByChannel();
    void transitionsAreCompareAndSet();
    void storeFailureIsReportedToEveryCaller_data();
    void storeFailureIsReportedToEveryCaller();
    void fullDiskLosesNothingReportedStored();
    void changeFeedFollowsTheCommit();
    void channelSchemasAndJobs();
    void templatesTravelWithTheOutboxEntry();
    void schemaOneDatabaseGainsTemplateColumns();
    void checkpointsOffTheStoreThread();

private:
    std::unique_ptr<Store> makeStore() const;
    void openStore();
    OutboxEntry createEntry(const QString &body, const QString &ref = {});
    StoreResult<OutboxEntry> accept(qint64 outboxId, const QString &sid);
    qint64 countMessages();
    StatusCallback callback(const QString &sid, const QString &status, const QString &token = {});
    QList<StatusEvent> history(const QString &sid);
    MessageRecord message(const QString &sid);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Store> m_store;
    QObject m_ctx;
    // SWITCHBOARD_TEST_STORE=postgres (CTest's tst_store_postgres): every test again on a
    // PostgreSQL database of its own.
    const bool m_postgres =
        qEnvironmentVariable("SWITCHBOARD_TEST_STORE") == QLatin1String("postgres");
    std::optional<sb::DatabaseUrl> m_shared;
};

#define SB_SQLITE_ONLY(why)                                                                        \
    if (m_postgres)                                                                                \
    QSKIP("SQLite's own: " why)

void TestStore::initTestCase() {
    if (m_postgres) {
        SB_REQUIRE_POSTGRES();
    }
}

std::unique_ptr<Store> TestStore::makeStore() const {
    return std::make_unique<Store>(m_dir->filePath(QStringLiteral("db/switchboard.sqlite")),
                                   m_shared);
}

void TestStore::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    if (m_postgres) {
        QString error;
        const QString url = sbtest::PgTestServer::createDatabase(QStringLiteral("store"), &error);
        QVERIFY2(!url.isEmpty(), qPrintable(error));
        m_shared = sb::DatabaseUrl::parse(url, &error);
        QVERIFY2(m_shared, qPrintable(error));
    }
    openStore();
}

void TestStore::cleanup() {
    m_store.reset();
}

void TestStore::openStore() {
    m_store = makeStore();
    const auto opened = await<StoreResult<bool>>([&](auto done) { m_store->open(&m_ctx, done); });
    QVERIFY(opened && opened->ok() && opened->value);
}

OutboxEntry TestStore::createEntry(const QString &body, const QString &ref) {
    OutboundDraft draft;
    draft.from = QStringLiteral("+15005550006");
    draft.to = QStringLiteral("+14155550100");
    draft.body = body;
    draft.clientRef = ref;
    draft.segments = 1;
    const auto r = await<StoreResult<OutboxEntry>>(
        [&](auto done) { m_store->createOutbound(draft, &m_ctx, done); });
    return r && r->ok() ? r->value : OutboxEntry{};
}

StoreResult<OutboxEntry> TestStore::accept(qint64 outboxId, const QString &sid) {
    await<StoreResult<OutboxEntry>>(
        [&](auto done) { m_store->markSubmitted(outboxId, &m_ctx, done); });
    const auto r = await<StoreResult<OutboxEntry>>([&](auto done) {
        m_store->markAccepted(outboxId, sid, QStringLiteral("queued"), &m_ctx, done);
    });
    return r ? *r : StoreResult<OutboxEntry>{};
}

qint64 TestStore::countMessages() {
    const auto count =
        await<StoreResult<qint64>>([&](auto done) { m_store->countMessages(&m_ctx, done); });
    return count && count->ok() ? count->value : -1;
}

StatusCallback TestStore::callback(const QString &sid, const QString &status,
                                   const QString &token) {
    StatusCallback cb;
    cb.messageSid = sid;
    cb.status = status;
    cb.idempotencyToken = token;
    cb.from = QStringLiteral("+15005550006");
    cb.to = QStringLiteral("+14155550100");
    cb.payload = "{}";
    return cb;
}

QList<StatusEvent> TestStore::history(const QString &sid) {
    const auto r = await<StoreResult<QList<StatusEvent>>>(
        [&](auto done) { m_store->statusHistory(sid, &m_ctx, done); });
    return r ? r->value : QList<StatusEvent>{};
}

MessageRecord TestStore::message(const QString &sid) {
    const auto r = await<StoreResult<std::optional<MessageRecord>>>(
        [&](auto done) { m_store->messageBySid(sid, &m_ctx, done); });
    return r && r->value ? *r->value : MessageRecord{};
}

// Team mode: every outbound message records its agent; the feed and every read carry it.
void TestStore::outboundRemembersWhoSentIt() {
    OutboundDraft draft;
    draft.from = QStringLiteral("+15005550006");
    draft.to = QStringLiteral("+14155550100");
    draft.body = QStringLiteral("Answered by Ana");
    draft.agent = QStringLiteral("Ana Lima");
    QSignalSpy changed(m_store.get(), &Store::messagesChanged);
    const auto created = await<StoreResult<OutboxEntry>>(
        [&](auto done) { m_store->createOutbound(draft, &m_ctx, done); });
    QVERIFY(created && created->ok());
    QCOMPARE(created->value.message.agent, QStringLiteral("Ana Lima"));
    QTRY_VERIFY(!changed.isEmpty());
    QCOMPARE(changed.first().first().value<QList<MessageRecord>>().first().agent,
             QStringLiteral("Ana Lima"));
    QVERIFY(accept(created->value.id, QStringLiteral("SMagent0000000000000000000000001")).ok());
    QCOMPARE(message(QStringLiteral("SMagent0000000000000000000000001")).agent,
             QStringLiteral("Ana Lima"));
    // Without a name, none is made up.
    QCOMPARE(createEntry(QStringLiteral("No name"), QString()).message.agent, QString());
}

void TestStore::createsSchemaInWalMode() {
    SB_SQLITE_ONLY("the file's journal mode (tst_pgmigrations checks PostgreSQL's schema)");
    m_store.reset();
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("inspect"));
        db.setDatabaseName(m_dir->filePath(QStringLiteral("db/switchboard.sqlite")));
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("PRAGMA user_version")) && q.next());
        QCOMPARE(q.value(0).toInt(), Migrations::latestVersion());
        QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("inspect"));
    openStore(); // migrations are idempotent
}

void TestStore::outboxLifecycle() {
    const OutboxEntry created = createEntry(QStringLiteral("hello"));
    QVERIFY(created.id > 0);
    QCOMPARE(created.state, OutboxEntry::State::Pending);
    QCOMPARE(created.message.status, QStringLiteral("pending"));
    QVERIFY(created.message.sid.isEmpty());

    const auto submitted = await<StoreResult<OutboxEntry>>(
        [&](auto done) { m_store->markSubmitted(created.id, &m_ctx, done); });
    QCOMPARE(submitted->value.state, OutboxEntry::State::Submitted);
    QCOMPARE(submitted->value.attempts, 1);

    const auto accepted = await<StoreResult<OutboxEntry>>([&](auto done) {
        m_store->markAccepted(created.id, QStringLiteral("SM1"), QStringLiteral("queued"), &m_ctx,
                              done);
    });
    QCOMPARE(accepted->value.state, OutboxEntry::State::Accepted);
    QCOMPARE(accepted->value.message.sid, QStringLiteral("SM1"));
    QCOMPARE(accepted->value.message.status, QStringLiteral("queued"));

    const auto unfinished = await<StoreResult<QList<OutboxEntry>>>(
        [&](auto done) { m_store->unfinishedOutbox(&m_ctx, done); });
    QVERIFY(unfinished->value.isEmpty());
}

void TestStore::sameClientRefIsOneMessage() {
    const OutboxEntry first = createEntry(QStringLiteral("once"), QStringLiteral("ref-1"));
    const OutboxEntry again = createEntry(QStringLiteral("once"), QStringLiteral("ref-1"));
    QVERIFY(!first.existing);
    QVERIFY(again.existing);
    QCOMPARE(again.id, first.id);
    const auto count =
        await<StoreResult<qint64>>([&](auto done) { m_store->countMessages(&m_ctx, done); });
    QCOMPARE(count->value, 1);
}

void TestStore::statusNeverMovesBackwards() {
    const OutboxEntry e = createEntry(QStringLiteral("order"));
    accept(e.id, QStringLiteral("SM2"));
    for (const char *status : {"delivered", "sending", "sent"})
        m_store->applyStatusCallback(callback(QStringLiteral("SM2"), QString::fromLatin1(status)));
    QCOMPARE(message(QStringLiteral("SM2")).status, QStringLiteral("delivered"));
    const QList<StatusEvent> events = history(QStringLiteral("SM2"));
    QCOMPARE(events.size(), 3); // all kept, in arrival order
    QCOMPARE(events[0].status, QStringLiteral("delivered"));
    QCOMPARE(events[2].status, QStringLiteral("sent"));

    // A final state never replaces another final state; `read` may follow `delivered`.
    m_store->applyStatusCallback(callback(QStringLiteral("SM2"), QStringLiteral("failed")));
    QCOMPARE(message(QStringLiteral("SM2")).status, QStringLiteral("delivered"));
    m_store->applyStatusCallback(callback(QStringLiteral("SM2"), QStringLiteral("read")));
    QCOMPARE(message(QStringLiteral("SM2")).status, QStringLiteral("read"));
}

void TestStore::duplicateCallbacksStoredOnce_data() {
    QTest::addColumn<QString>("firstToken");
    QTest::addColumn<QString>("secondToken");
    QTest::addColumn<QString>("secondStatus");
    QTest::addColumn<int>("events");
    QTest::newRow("same idempotency token") << "tok-1"
                                            << "tok-1"
                                            << "sent" << 1;
    QTest::newRow("same token, other status (a retry is the same callback)") << "tok-1"
                                                                             << "tok-1"
                                                                             << "delivered" << 1;
    QTest::newRow("no tokens, same sid and status") << ""
                                                    << ""
                                                    << "sent" << 1;
    QTest::newRow("other token, same sid and status") << "tok-1"
                                                      << "tok-2"
                                                      << "sent" << 1;
    QTest::newRow("other token, other status is new") << "tok-1"
                                                      << "tok-2"
                                                      << "delivered" << 2;
}

void TestStore::duplicateCallbacksStoredOnce() {
    QFETCH(QString, firstToken);
    QFETCH(QString, secondToken);
    QFETCH(QString, secondStatus);
    QFETCH(int, events);
    m_store->applyStatusCallback(
        callback(QStringLiteral("SM3"), QStringLiteral("sent"), firstToken));
    m_store->applyStatusCallback(callback(QStringLiteral("SM3"), secondStatus, secondToken));
    QCOMPARE(history(QStringLiteral("SM3")).size(), events);
}

void TestStore::callbackBeforeAcceptanceIsMerged() {
    const OutboxEntry e = createEntry(QStringLiteral("race"));
    m_store->applyStatusCallback(callback(QStringLiteral("SM4"), QStringLiteral("sent")));
    QCOMPARE(message(QStringLiteral("SM4")).status, QStringLiteral("sent")); // a stub for now
    const auto accepted = std::optional(accept(e.id, QStringLiteral("SM4")));
    QCOMPARE(accepted->value.message.status, QStringLiteral("sent"));
    QCOMPARE(accepted->value.message.body, QStringLiteral("race"));
    const auto count =
        await<StoreResult<qint64>>([&](auto done) { m_store->countMessages(&m_ctx, done); });
    QCOMPARE(count->value, 1);
}

void TestStore::failedSendKeepsTheMessage() {
    const OutboxEntry e = createEntry(QStringLiteral("refused"));
    const auto failed = await<StoreResult<OutboxEntry>>([&](auto done) {
        m_store->markFailed(e.id, 21211, QStringLiteral("The 'To' number is not valid."), &m_ctx,
                            done);
    });
    QCOMPARE(failed->value.state, OutboxEntry::State::Failed);
    QCOMPARE(failed->value.message.status, QStringLiteral("failed"));
    QCOMPARE(failed->value.message.errorCode, 21211);
    const auto found = await<StoreResult<std::optional<MessageRecord>>>(
        [&](auto done) { m_store->messageById(e.message.id, &m_ctx, done); });
    QVERIFY(found->value);
}

void TestStore::inboundRetriesStoredOnce() {
    InboundMessage in;
    in.sid = QStringLiteral("SMin");
    in.from = QStringLiteral("+14155550100");
    in.to = QStringLiteral("+15005550006");
    in.body = QStringLiteral("hi");
    m_store->addInboundMessage(in);
    m_store->addInboundMessage(in);
    const MessageRecord m = message(QStringLiteral("SMin"));
    QCOMPARE(m.direction, QStringLiteral("inbound"));
    QCOMPARE(m.status, QStringLiteral("received"));
    const auto count =
        await<StoreResult<qint64>>([&](auto done) { m_store->countMessages(&m_ctx, done); });
    QCOMPARE(count->value, 1);
}

void TestStore::changeSignalCarriesRecords() {
    QSignalSpy spy(m_store.get(), &Store::messagesChanged);
    const OutboxEntry e = createEntry(QStringLiteral("signal"));
    QTRY_VERIFY(!spy.isEmpty());
    const auto records = spy.last().at(0).value<QList<MessageRecord>>();
    QCOMPARE(records.size(), 1);
    QCOMPARE(records[0].id, e.message.id);
    QCOMPARE(records[0].body, QStringLiteral("signal"));

    spy.clear();
    m_store->applyStatusCallback(
        callback(QStringLiteral("SM-dup"), QStringLiteral("sent"), QStringLiteral("t")));
    QTRY_COMPARE(spy.size(), 1);
    m_store->applyStatusCallback(
        callback(QStringLiteral("SM-dup"), QStringLiteral("sent"), QStringLiteral("t")));
    QSignalSpy flushed(&m_ctx, &QObject::objectNameChanged);
    m_store->flush(&m_ctx, [this] { m_ctx.setObjectName(QStringLiteral("flushed")); });
    QTRY_COMPARE(flushed.size(), 1);
    QCOMPARE(spy.size(), 1); // a replay changes nothing, so no signal
}

// The listener's thread handles no event while three commits change one message: it then
// hears of them once, on the store object's own thread, with the message's last state.
void TestStore::commitsAnnouncedWhileTheReceiverIsBusyArriveTogether() {
    QSignalSpy changed(m_store.get(), &Store::messagesChanged);
    QList<QThread *> emittedOn;
    connect(m_store.get(), &Store::messagesChanged, &m_ctx,
            [&] { emittedOn.append(QThread::currentThread()); });
    QThread helper;
    QObject committedCtx;
    committedCtx.moveToThread(&helper);
    helper.start();
    const auto stop = qScopeGuard([&] {
        helper.quit();
        helper.wait();
    });
    Receiver onHelper; // made on the helper's thread, as a Receiver must be
    QMetaObject::invokeMethod(
        &committedCtx, [&] { onHelper = Receiver(&committedCtx); }, Qt::BlockingQueuedConnection);
    QSemaphore committed;
    for (const char *status : {"queued", "sent", "delivered"}) {
        m_store->applyStatusCallback(
            callback(QStringLiteral("SM-busy"), QLatin1String(status)), onHelper,
            [&committed](const StoreResult<bool> &) { committed.release(); });
        QVERIFY(committed.tryAcquire(1, 10000)); // this commit is durable; next one
    }
    QThread::msleep(100); // the last commit's announcement is made just after its result
    QTRY_COMPARE(changed.size(), 1);
    const auto records = changed.constFirst().at(0).value<QList<MessageRecord>>();
    QCOMPARE(records.size(), 1);
    QCOMPARE(records.constFirst().status, QStringLiteral("delivered"));
    QCOMPARE(emittedOn, QList<QThread *>{QThread::currentThread()});
}

void TestStore::unfinishedWorkSurvivesRestart() {
    const OutboxEntry pending = createEntry(QStringLiteral("pending"));
    const OutboxEntry submitted = createEntry(QStringLiteral("submitted"));
    await<StoreResult<OutboxEntry>>(
        [&](auto done) { m_store->markSubmitted(submitted.id, &m_ctx, done); });
    m_store.reset(); // the process goes away
    openStore();
    const auto unfinished = await<StoreResult<QList<OutboxEntry>>>(
        [&](auto done) { m_store->unfinishedOutbox(&m_ctx, done); });
    QCOMPARE(unfinished->value.size(), 2);
    QCOMPARE(unfinished->value[0].id, pending.id);
    QCOMPARE(unfinished->value[0].state, OutboxEntry::State::Pending);
    QCOMPARE(unfinished->value[1].state, OutboxEntry::State::Submitted);
    QCOMPARE(unfinished->value[1].message.body, QStringLiteral("submitted"));
}

void TestStore::burstOfCallbacksAllStored() {
    constexpr int N = 5000;
    for (int i = 0; i < N; ++i)
        m_store->applyStatusCallback(
            callback(QStringLiteral("SMb%1").arg(i / 2),
                     i % 2 ? QStringLiteral("delivered") : QStringLiteral("sent")));
    const auto count =
        await<StoreResult<qint64>>([&](auto done) { m_store->countMessages(&m_ctx, done); });
    QCOMPARE(count->value, N / 2);
    QCOMPARE(history(QStringLiteral("SMb42")).size(), 2);
    QCOMPARE(message(QStringLiteral("SMb42")).status, QStringLiteral("delivered"));
}

void TestStore::findMessagesFilters() {
    createEntry(QStringLiteral("apples"));
    createEntry(QStringLiteral("pears 100%"));
    MessageQuery q;
    q.text = QStringLiteral("100%");
    auto r = await<StoreResult<QList<MessageRecord>>>(
        [&](auto done) { m_store->findMessages(q, &m_ctx, done); });
    QCOMPARE(r->value.size(), 1);
    QCOMPARE(r->value[0].body, QStringLiteral("pears 100%"));
    q = {};
    q.contact = QStringLiteral("+14155550100");
    r = await<StoreResult<QList<MessageRecord>>>(
        [&](auto done) { m_store->findMessages(q, &m_ctx, done); });
    QCOMPARE(r->value.size(), 2);
    QCOMPARE(r->value[0].body, QStringLiteral("pears 100%")); // newest first

    // A channel's tab lists its own messages: the query and its in-memory twin agree.
    InboundMessage whatsapp;
    whatsapp.sid = QStringLiteral("SMwa1");
    whatsapp.channel = QStringLiteral("whatsapp");
    whatsapp.from = QStringLiteral("whatsapp:+14155550100");
    whatsapp.body = QStringLiteral("pears?");
    await<StoreResult<bool>>(
        [&](auto done) { m_store->addInboundMessage(whatsapp, &m_ctx, done); });
    for (const QString &channel : {QStringLiteral("sms"), QStringLiteral("whatsapp")}) {
        q = {};
        q.channel = channel;
        q.text = QStringLiteral("pears");
        r = await<StoreResult<QList<MessageRecord>>>(
            [&](auto done) { m_store->findMessages(q, &m_ctx, done); });
        QCOMPARE(r->value.size(), 1);
        QCOMPARE(r->value[0].channel, channel);
        QVERIFY(q.matches(r->value[0]));
        MessageRecord other = r->value[0];
        other.channel = QStringLiteral("voice");
        QVERIFY(!q.matches(other));
    }
    q = {};
    q.text = QStringLiteral("pears");
    r = await<StoreResult<QList<MessageRecord>>>(
        [&](auto done) { m_store->findMessages(q, &m_ctx, done); });
    QCOMPARE(r->value.size(), 2); // no channel: every channel
}

void TestStore::findMessagesByChannel() {
    // The same customer on two channels: each channel's query gets its own messages only, in
    // SQL (the store's pages) and in MessageQuery::matches (the live rows a view adds).
    createEntry(QStringLiteral("by SMS"));
    InboundMessage whatsapp;
    whatsapp.sid = QStringLiteral("SMwhatsapp0000000000000000000001");
    whatsapp.channel = QStringLiteral("whatsapp");
    whatsapp.from = QStringLiteral("+14155550100");
    whatsapp.to = QStringLiteral("+14155238886");
    whatsapp.body = QStringLiteral("by WhatsApp");
    QVERIFY(await<StoreResult<bool>>([&](auto done) {
                m_store->addInboundMessage(whatsapp, &m_ctx, done);
            })->ok());
    MessageQuery q;
    q.contact = QStringLiteral("+14155550100");
    auto all = await<StoreResult<QList<MessageRecord>>>(
        [&](auto done) { m_store->findMessages(q, &m_ctx, done); });
    QCOMPARE(all->value.size(), 2);
    for (const auto &[channel, body] :
         {std::pair{QStringLiteral("sms"), QStringLiteral("by SMS")},
          std::pair{QStringLiteral("whatsapp"), QStringLiteral("by WhatsApp")}}) {
        q.channel = channel;
        const auto found = await<StoreResult<QList<MessageRecord>>>(
            [&](auto done) { m_store->findMessages(q, &m_ctx, done); });
        QCOMPARE(found->value.size(), 1);
        QCOMPARE(found->value[0].body, body);
        QCOMPARE(found->value[0].channel, channel);
        for (const MessageRecord &m : all->value)
            QCOMPARE(q.matches(m), m.channel == channel);
    }
}

void TestStore::transitionsAreCompareAndSet() {
    const OutboxEntry e = createEntry(QStringLiteral("once"));
    auto step = [&](std::function<void(Store::EntryCallback)> call) {
        const auto r = await<StoreResult<OutboxEntry>>(call);
        return r && r->ok() ? r->value : OutboxEntry{};
    };
    OutboxEntry r =
        step([&](auto done) { m_store->markAccepted(e.id, "SMx", "queued", &m_ctx, done); });
    QVERIFY2(!r.applied, "accepted before it was submitted");
    QCOMPARE(r.state, OutboxEntry::State::Pending);

    r = step([&](auto done) { m_store->markSubmitted(e.id, &m_ctx, done); });
    QVERIFY(r.applied);
    QCOMPARE(r.attempts, 1);
    r = step([&](auto done) { m_store->markSubmitted(e.id, &m_ctx, done); });
    QVERIFY2(!r.applied, "submitted twice");
    QCOMPARE(r.attempts, 1);

    r = step([&](auto done) { m_store->markAccepted(e.id, "SM-first", "queued", &m_ctx, done); });
    QVERIFY(r.applied);
    r = step([&](auto done) { m_store->markAccepted(e.id, "SM-second", "queued", &m_ctx, done); });
    QVERIFY2(!r.applied, "a second acceptance changed the entry");
    QCOMPARE(r.message.sid, QStringLiteral("SM-first"));
    QCOMPARE(message(QStringLiteral("SM-first")).body, QStringLiteral("once"));
    QCOMPARE(countMessages(), 1);

    r = step([&](auto done) { m_store->markFailed(e.id, 30008, "late", &m_ctx, done); });
    QVERIFY(!r.applied);
    QCOMPARE(r.state, OutboxEntry::State::Accepted);
    r = step([&](auto done) { m_store->markPendingAgain(e.id, "again", &m_ctx, done); });
    QVERIFY(!r.applied);
    QCOMPARE(r.state, OutboxEntry::State::Accepted);
}

void TestStore::storeFailureIsReportedToEveryCaller_data() {
    QTest::addColumn<StoreFault>("fault");
    QTest::newRow("read-only database") << StoreFault::ReadOnly;
    QTest::newRow("every commit fails") << StoreFault::CommitFails;
}

void TestStore::storeFailureIsReportedToEveryCaller() {
    QFETCH(StoreFault, fault);
    const OutboxEntry before = createEntry(QStringLiteral("before"));
    const qint64 countBefore = countMessages();
    QSignalSpy changed(m_store.get(), &Store::messagesChanged);
    await<bool>([&](auto done) { m_store->injectFault(fault, &m_ctx, [done] { done(true); }); });

    // Queued together, so they share one transaction: every caller hears of the failure.
    std::optional<StoreResult<OutboxEntry>> created, submitted;
    std::optional<StoreResult<bool>> callback, inbound;
    OutboundDraft draft;
    draft.from = QStringLiteral("+15005550006");
    draft.to = QStringLiteral("+14155550100");
    draft.body = QStringLiteral("during the fault");
    m_store->createOutbound(draft, &m_ctx, [&](const auto &r) { created = r; });
    m_store->markSubmitted(before.id, &m_ctx, [&](const auto &r) { submitted = r; });
    m_store->applyStatusCallback(this->callback(QStringLiteral("SMf"), QStringLiteral("sent")),
                                 &m_ctx, [&](const auto &r) { callback = r; });
    InboundMessage in;
    in.sid = QStringLiteral("SMin-f");
    in.from = QStringLiteral("+14155550111");
    in.body = QStringLiteral("hello");
    m_store->addInboundMessage(in, &m_ctx, [&](const auto &r) { inbound = r; });
    QTRY_VERIFY(created && submitted && callback && inbound);
    QVERIFY2(!created->ok(), "a message was reported stored");
    QVERIFY2(!submitted->ok(), "a transition was reported stored");
    QVERIFY2(!callback->ok(), "a status callback was reported stored");
    QVERIFY2(!inbound->ok(), "an inbound message was reported stored");
    QVERIFY(!created->error.isEmpty());
    QVERIFY(changed.isEmpty()); // nothing was announced either

    await<bool>(
        [&](auto done) { m_store->injectFault(StoreFault::None, &m_ctx, [done] { done(true); }); });
    QCOMPARE(countMessages(), countBefore); // and nothing was kept
    const auto unfinished = await<StoreResult<QList<OutboxEntry>>>(
        [&](auto done) { m_store->unfinishedOutbox(&m_ctx, done); });
    QCOMPARE(unfinished->value.size(), 1);
    QCOMPARE(unfinished->value[0].state, OutboxEntry::State::Pending); // not submitted
    QVERIFY(history(QStringLiteral("SMf")).isEmpty());

    // Twilio's retry of the same webhook is then stored.
    std::optional<StoreResult<bool>> retried;
    m_store->applyStatusCallback(this->callback(QStringLiteral("SMf"), QStringLiteral("sent")),
                                 &m_ctx, [&](const auto &r) { retried = r; });
    QTRY_VERIFY(retried);
    QVERIFY(retried->ok());
    QCOMPARE(history(QStringLiteral("SMf")).size(), 1);
}

void TestStore::fullDiskLosesNothingReportedStored() {
    // A full-disk stand-in: the database file may not grow (SQLITE_FULL), so writes fail once
    // the free space inside the file is used up.
    await<bool>([&](auto done) {
        m_store->injectFault(StoreFault::DiskFull, &m_ctx, [done] { done(true); });
    });
    constexpr int N = 300;
    QList<std::optional<StoreResult<OutboxEntry>>> results(N);
    for (int i = 0; i < N; ++i) {
        OutboundDraft draft;
        draft.from = QStringLiteral("+15005550006");
        draft.to = QStringLiteral("+14155550100");
        draft.body = QStringLiteral("%1 ").arg(i) + QString(1000, QLatin1Char('x'));
        m_store->createOutbound(draft, &m_ctx, [&results, i](const auto &r) { results[i] = r; });
    }
    QTRY_VERIFY(
        std::all_of(results.cbegin(), results.cend(), [](const auto &r) { return r.has_value(); }));
    const qsizetype stored =
        std::count_if(results.cbegin(), results.cend(), [](const auto &r) { return r->ok(); });
    QVERIFY2(stored < N, "the full disk never filled up");
    await<bool>(
        [&](auto done) { m_store->injectFault(StoreFault::None, &m_ctx, [done] { done(true); }); });
    QCOMPARE(countMessages(), stored); // exactly what was reported stored, no more, no less
    for (const auto &r : results) {
        if (!r->ok())
            continue;
        const auto found = await<StoreResult<std::optional<MessageRecord>>>(
            [&](auto done) { m_store->messageById(r->value.message.id, &m_ctx, done); });
        QVERIFY(found->value.has_value());
    }
}

void TestStore::changeFeedFollowsTheCommit() {
    QSignalSpy arrived(m_store.get(), &Store::messagesArrived);
    QSignalSpy webhooks(m_store.get(), &Store::webhooksCommitted);
    InboundMessage in;
    in.sid = QStringLiteral("SMarrive");
    in.from = QStringLiteral("+14155550123");
    in.body = QStringLiteral("hi");
    m_store->addInboundMessage(in);
    m_store->addInboundMessage(in); // Twilio's retry: stored once, announced once
    QTRY_COMPARE(arrived.size(), 1);
    const auto records = arrived[0][0].value<QList<MessageRecord>>();
    QCOMPARE(records.size(), 1);
    QCOMPARE(records[0].from, QStringLiteral("+14155550123"));
    QTRY_VERIFY(!webhooks.isEmpty());

    // A burst is announced a few times a second at most, and its last arrival is not dropped.
    webhooks.clear();
    for (int i = 0; i < 200; ++i) {
        m_store->applyStatusCallback(
            callback(QStringLiteral("SMw%1").arg(i), QStringLiteral("sent")));
        QTest::qWait(2);
    }
    QDateTime lastQueued = QDateTime::currentDateTimeUtc();
    QTRY_VERIFY(!webhooks.isEmpty() && webhooks.last()[0].toDateTime() >= lastQueued.addMSecs(-50));
    QTest::qWait(Store::WebhookAnnounceMs + 50);
    QVERIFY2(webhooks.size() <= 6, qPrintable(QString::number(webhooks.size())));
}

void TestStore::channelSchemasAndJobs() {
    // A channel's own table: created once, recorded under its name, kept across restarts.
    auto openWith = [&](const QList<QStringList> &steps) {
        m_store.reset();
        m_store = makeStore();
        Schema schema{QStringLiteral("carrier-pigeon"), steps};
        schema.postgresSteps = steps; // the same SQL in both dialects
        m_store->addSchema(schema);
        return await<StoreResult<bool>>([&](auto done) { m_store->open(&m_ctx, done); });
    };
    const QStringList v1{QStringLiteral("CREATE TABLE pigeons (name TEXT PRIMARY KEY)")};
    const QStringList v2{QStringLiteral("ALTER TABLE pigeons ADD COLUMN speed INTEGER")};
    QVERIFY(openWith({v1})->ok());
    QVERIFY(openWith({v1})->ok()); // not applied twice
    QVERIFY(openWith({v1, v2})->ok());
    auto insert = [&](const QString &name) {
        return await<StoreResult<int>>([&](auto done) {
            m_store->run<int>(
                &m_ctx,
                [name](StoreWorker &w, QString *error) -> std::optional<int> {
                    QSqlQuery q(w.database());
                    q.prepare(QStringLiteral("INSERT INTO pigeons (name, speed) VALUES (?, 80)"));
                    q.addBindValue(name);
                    if (!q.exec()) {
                        *error = q.lastError().text();
                        return std::nullopt;
                    }
                    return int(q.numRowsAffected());
                },
                done);
        });
    };
    QCOMPARE(insert(QStringLiteral("Cher Ami"))->value, 1);
    const auto again = insert(QStringLiteral("Cher Ami")); // primary key: fails, rolled back
    QVERIFY(!again->ok());
    QVERIFY2(again->error.contains(QLatin1String("unique"), Qt::CaseInsensitive),
             qPrintable(again->error));
    // A newer database than this code knows is refused, not damaged.
    const auto older = openWith({v1});
    QVERIFY(!older->ok());
    QVERIFY2(older->error.contains(QLatin1String("newer")), qPrintable(older->error));
}

void TestStore::templatesTravelWithTheOutboxEntry() {
    OutboundDraft draft;
    draft.channel = QStringLiteral("whatsapp");
    draft.from = QStringLiteral("whatsapp:+14155238886");
    draft.to = QStringLiteral("whatsapp:+14155550100");
    draft.body = QStringLiteral("Hi Ana, your order #4242 has shipped.");
    draft.contentSid = QStringLiteral("HX611d3e3343e5194d7f290e44b392b617");
    draft.contentVariables = QStringLiteral(R"({"1":"Ana","2":"#4242"})");
    const auto created = await<StoreResult<OutboxEntry>>(
        [&](auto done) { m_store->createOutbound(draft, &m_ctx, done); });
    QVERIFY(created && created->ok());
    QCOMPARE(created->value.contentSid, draft.contentSid);
    QCOMPARE(created->value.contentVariables, draft.contentVariables);
    // A restart finds them with the unfinished entry, as the outbox needs them to send it.
    m_store.reset();
    openStore();
    const auto unfinished = await<StoreResult<QList<OutboxEntry>>>(
        [&](auto done) { m_store->unfinishedOutbox(&m_ctx, done); });
    QCOMPARE(unfinished->value.size(), 1);
    QCOMPARE(unfinished->value.at(0).contentSid, draft.contentSid);
    QCOMPARE(unfinished->value.at(0).contentVariables, draft.contentVariables);
    QCOMPARE(unfinished->value.at(0).message.body, draft.body);
    QCOMPARE(unfinished->value.at(0).message.channel, QStringLiteral("whatsapp"));
}

void TestStore::schemaOneDatabaseGainsTemplateColumns() {
    SB_SQLITE_ONLY("a file from before templates (team mode began after them)");
    // A database as Switchboard left it before templates (schema 1), with an unsent message.
    m_store.reset();
    const QString path = m_dir->filePath(QStringLiteral("old/switchboard.sqlite"));
    QVERIFY(QDir().mkpath(m_dir->filePath(QStringLiteral("old"))));
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("schema1"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        for (const char *statement :
             {"CREATE TABLE messages (id INTEGER PRIMARY KEY, sid TEXT UNIQUE, channel TEXT NOT "
              "NULL DEFAULT 'sms', direction TEXT NOT NULL, from_number TEXT NOT NULL DEFAULT "
              "'', to_number TEXT NOT NULL DEFAULT '', body TEXT NOT NULL DEFAULT '', status "
              "TEXT NOT NULL, status_rank INTEGER NOT NULL DEFAULT 0, error_code INTEGER NOT "
              "NULL DEFAULT 0, error_message TEXT NOT NULL DEFAULT '', segments INTEGER NOT "
              "NULL DEFAULT 0, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL)",
              "CREATE TABLE message_events (id INTEGER PRIMARY KEY, message_sid TEXT NOT NULL, "
              "status TEXT NOT NULL, error_code INTEGER NOT NULL DEFAULT 0, idempotency_token "
              "TEXT, received_at INTEGER NOT NULL, payload TEXT NOT NULL DEFAULT '', UNIQUE "
              "(message_sid, status))",
              "CREATE TABLE outbox (id INTEGER PRIMARY KEY, message_id INTEGER NOT NULL "
              "REFERENCES messages(id) ON DELETE CASCADE, state TEXT NOT NULL, "
              "status_callback TEXT NOT NULL DEFAULT '', client_ref TEXT UNIQUE, attempts "
              "INTEGER NOT NULL DEFAULT 0, last_error TEXT NOT NULL DEFAULT '', created_at "
              "INTEGER NOT NULL, updated_at INTEGER NOT NULL)",
              "INSERT INTO messages (id, direction, from_number, to_number, body, status, "
              "created_at, updated_at) VALUES (1, 'outbound', '+15005550006', '+14155550100', "
              "'left from before', 'pending', 1, 1)",
              "INSERT INTO outbox (message_id, state, status_callback, created_at, updated_at) "
              "VALUES (1, 'pending', '/twilio/sms-status', 1, 1)",
              "PRAGMA user_version = 1"})
            QVERIFY2(q.exec(QString::fromLatin1(statement)), qPrintable(q.lastError().text()));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("schema1"));

    m_store = std::make_unique<Store>(path);
    const auto opened = await<StoreResult<bool>>([&](auto done) { m_store->open(&m_ctx, done); });
    QVERIFY2(opened && opened->ok(), opened ? qPrintable(opened->error) : "no answer");
    const auto unfinished = await<StoreResult<QList<OutboxEntry>>>(
        [&](auto done) { m_store->unfinishedOutbox(&m_ctx, done); });
    QVERIFY(unfinished->ok());
    QCOMPARE(unfinished->value.size(), 1);
    QCOMPARE(unfinished->value.at(0).message.body, QStringLiteral("left from before"));
    QCOMPARE(unfinished->value.at(0).contentSid, QString());
    QCOMPARE(unfinished->value.at(0).contentVariables, QString());
    QCOMPARE(unfinished->value.at(0).mediaUrls, QStringList()); // and the media column
    QVERIFY(!unfinished->value.at(0).sendAt.isValid());         // and not scheduled: sent at once
    QCOMPARE(unfinished->value.at(0).messagingServiceSid, QString());
    m_store.reset();
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("inspect2"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("PRAGMA user_version")) && q.next());
        QCOMPARE(q.value(0).toInt(), Migrations::latestVersion()); // every later step applied
    }
    QSqlDatabase::removeDatabase(QStringLiteral("inspect2"));
}

// The write-ahead log is copied back by the checkpointer's own thread and connection, never
// inside a store commit (where it once made one webhook in a few thousand wait 200 ms).
// tst_walcheckpointer shows the log's length stays bounded under a flood.
void TestStore::checkpointsOffTheStoreThread() {
    SB_SQLITE_ONLY("the write-ahead log's checkpoints");
    struct Checkpoint {
        QString thread;
        int logPages = 0;
        int copiedPages = 0;
        bool failed = false;
    };
    auto seen = std::make_shared<QList<Checkpoint>>();
    auto mutex = std::make_shared<QMutex>();
    connect(
        m_store.get(), &Store::walCheckpointed, &m_ctx,
        [seen, mutex](int logPages, int copiedPages, bool failed) {
            QMutexLocker lock(mutex.get());
            seen->append({QThread::currentThread()->objectName(), logPages, copiedPages, failed});
        },
        Qt::DirectConnection);
    const auto autoCheckpoint = await<StoreResult<int>>([&](auto done) {
        m_store->run<int>(
            &m_ctx,
            [](StoreWorker &w, QString *error) -> std::optional<int> {
                QSqlQuery q(w.database());
                if (!q.exec(QStringLiteral("PRAGMA wal_autocheckpoint")) || !q.next()) {
                    *error = q.lastError().text();
                    return std::nullopt;
                }
                return q.value(0).toInt();
            },
            done);
    });
    QVERIFY(autoCheckpoint && autoCheckpoint->ok());
    QCOMPARE(autoCheckpoint->value, 0); // the store's connection never checkpoints itself

    // About 16 MB of events in 16 commits: four times the log's 1,000-page threshold.
    const QByteArray payload(2000, 'x');
    for (int batch = 0; batch < 16; ++batch) {
        for (int i = 0; i < 500; ++i) {
            StatusCallback cb =
                callback(QStringLiteral("SMw%1x%2").arg(batch).arg(i), QStringLiteral("sent"));
            cb.payload = payload;
            m_store->applyStatusCallback(cb);
        }
        QVERIFY(await<bool>([&](auto done) { m_store->flush(&m_ctx, [done] { done(true); }); }));
    }
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            QMutexLocker lock(mutex.get());
            return std::any_of(seen->cbegin(), seen->cend(), [](const Checkpoint &c) {
                return !c.failed && c.copiedPages > 0 && c.copiedPages == c.logPages;
            });
        }(),
        20000);
    {
        QMutexLocker lock(mutex.get());
        for (const Checkpoint &c : std::as_const(*seen)) {
            QCOMPARE(c.thread, QStringLiteral("checkpoint"));
            QVERIFY(!c.failed);
        }
    }
    QCOMPARE(countMessages(), 16 * 500);
}

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"
