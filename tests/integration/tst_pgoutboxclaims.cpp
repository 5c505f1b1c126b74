#include "Await.h"
#include "PgTestServer.h"
#include "TestSupport.h"
#include "db/PgConnection.h"
#include "db/Store.h"
#include "outbox/Outbox.h"
#include "providers/twilio/TwilioClient.h"
#include "sandbox/Sandbox.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QSet>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace sb;
using sbtest::await;

// Team mode's outbox: several processes (here: stores and outboxes side by side, each with a
// claimant of its own) on one PostgreSQL database and one Twilio (the sandbox). An entry
// belongs to the process that made it; a claim that lapses (its process killed) is taken over
// by exactly one other, which asks Twilio before sending again: every message sent once.
class TestPgOutboxClaims : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void anEntryBelongsToTheProcessThatMadeIt();
    void lapsedClaimsAreTakenOverByOneProcessEach();
    void renewedClaimsHold();
    void aKilledSendersPendingEntryIsSentOnceByAnother();
    void aKilledSendersSubmittedEntryIsAskedAboutNotResent();
    void aStoppedConsolesEntryIsSentAtOnce();

private:
    struct Process {
        std::unique_ptr<Store> store;
        std::unique_ptr<QNetworkAccessManager> nam;
        std::unique_ptr<TwilioClient> client;
        std::unique_ptr<Outbox> outbox;
    };
    std::unique_ptr<Process> start(const QString &name, bool withOutbox);
    OutboxEntry create(Store &store, const QString &body);
    void expireEveryClaim();
    QHash<QString, int> sandboxCopies();
    std::optional<DatabaseUrl> m_url;
    QTemporaryDir m_dir;
    std::unique_ptr<Sandbox> m_sandbox;
    QUrl m_sandboxUrl;
    sbtest::Http m_http;
    QObject m_ctx;
};

void TestPgOutboxClaims::initTestCase() {
    SB_REQUIRE_POSTGRES();
}

void TestPgOutboxClaims::init() {
    QString error;
    const QString url = sbtest::PgTestServer::createDatabase(QStringLiteral("claims"), &error);
    QVERIFY2(!url.isEmpty(), qPrintable(error));
    m_url = DatabaseUrl::parse(url, &error);
    QVERIFY2(m_url, qPrintable(error));
    SandboxOptions options;
    options.statusDelayMs = 1000; // statuses are not what is tested here
    m_sandbox = std::make_unique<Sandbox>(options);
    sbtest::addChannels(*m_sandbox);
    const quint16 port = m_sandbox->listen(QHostAddress::LocalHost, 0);
    QVERIFY(port);
    m_sandboxUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
}

void TestPgOutboxClaims::cleanup() {
    m_sandbox.reset();
}

std::unique_ptr<TestPgOutboxClaims::Process> TestPgOutboxClaims::start(const QString &name,
                                                                       bool withOutbox) {
    auto p = std::make_unique<Process>();
    p->store =
        std::make_unique<Store>(m_dir.filePath(name + QStringLiteral("/unused.sqlite")), m_url);
    const auto opened = await<StoreResult<bool>>([&](auto done) { p->store->open(&m_ctx, done); });
    if (!opened || !opened->ok()) {
        qWarning() << "cannot open" << name << (opened ? opened->error : QString());
        return nullptr;
    }
    if (!withOutbox)
        return p;
    p->nam = std::make_unique<QNetworkAccessManager>();
    p->client = std::make_unique<TwilioClient>(
        p->nam.get(),
        TwilioCredentials{m_sandbox->accountSid(), m_sandbox->authToken(), m_sandboxUrl});
    p->outbox = std::make_unique<Outbox>(p->store.get(), p->client.get());
    p->outbox->setPublicBase(QStringLiteral("http://127.0.0.1:9"));
    p->outbox->shareOutbox(100); // sweeps quickly, so the test need not wait
    const auto resumed = await<int>(
        [&](auto done) { p->outbox->resume(&m_ctx, [done](int n, const QString &) { done(n); }); });
    if (!resumed || *resumed < 0)
        return nullptr;
    return p;
}

OutboxEntry TestPgOutboxClaims::create(Store &store, const QString &body) {
    OutboundDraft draft;
    draft.to = QStringLiteral("+14155550100");
    draft.from = QStringLiteral("+15005550006");
    draft.body = body;
    const auto created = await<StoreResult<OutboxEntry>>(
        [&](auto done) { store.createOutbound(draft, &m_ctx, done); });
    return created && created->ok() ? created->value : OutboxEntry{};
}

// What a kill -9 leaves once Store::OutboxLeaseMs has passed, without the wait.
void TestPgOutboxClaims::expireEveryClaim() {
    QString error;
    {
        QSqlDatabase db = PgConnection::open(*m_url, QStringLiteral("clock"), &error);
        QVERIFY2(db.isOpen(), qPrintable(error));
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("UPDATE outbox SET lease_until = 0")));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("clock"));
}

QHash<QString, int> TestPgOutboxClaims::sandboxCopies() {
    return sbtest::sandboxCopies(m_http, *m_sandbox, m_sandboxUrl);
}

void TestPgOutboxClaims::anEntryBelongsToTheProcessThatMadeIt() {
    auto console = start(QStringLiteral("console"), false);
    auto receiver = start(QStringLiteral("receiver"), false);
    QVERIFY(console && receiver);
    const OutboxEntry entry = create(*console->store, QStringLiteral("mine"));
    QVERIFY(entry.id > 0);
    // Its maker's claim holds: the other process neither claims it nor submits it.
    const auto claimed = await<StoreResult<QList<OutboxEntry>>>(
        [&](auto done) { receiver->store->unfinishedOutbox(&m_ctx, done); });
    QVERIFY(claimed && claimed->ok());
    QVERIFY(claimed->value.isEmpty());
    const auto refused = await<StoreResult<OutboxEntry>>(
        [&](auto done) { receiver->store->markSubmitted(entry.id, &m_ctx, done); });
    QVERIFY(refused && refused->ok());
    QVERIFY(!refused->value.applied);
    QVERIFY(refused->value.claimedElsewhere);
    QCOMPARE(refused->value.state, OutboxEntry::State::Pending);
    const auto mine = await<StoreResult<OutboxEntry>>(
        [&](auto done) { console->store->markSubmitted(entry.id, &m_ctx, done); });
    QVERIFY(mine && mine->ok());
    QVERIFY(mine->value.applied);
    QCOMPARE(mine->value.state, OutboxEntry::State::Submitted);
}

void TestPgOutboxClaims::lapsedClaimsAreTakenOverByOneProcessEach() {
    auto dead = start(QStringLiteral("dead"), false);
    QVERIFY(dead);
    QSet<qint64> made;
    for (int i = 0; i < 60; ++i)
        made.insert(create(*dead->store, QStringLiteral("left %1").arg(i)).id);
    dead.reset();
    expireEveryClaim();
    // Three processes sweep at once; each entry goes to exactly one of them.
    std::vector<std::unique_ptr<Process>> sweepers;
    for (const char *name : {"a", "b", "c"}) {
        sweepers.push_back(start(QString::fromLatin1(name), false));
        QVERIFY(sweepers.back());
    }
    int answered = 0;
    QList<QList<OutboxEntry>> taken(3);
    for (int i = 0; i < 3; ++i) {
        sweepers[i]->store->unfinishedOutbox(&m_ctx,
                                             [&, i](const StoreResult<QList<OutboxEntry>> &r) {
                                                 QVERIFY2(r.ok(), qPrintable(r.error));
                                                 taken[i] = r.value;
                                                 ++answered;
                                             });
    }
    QTRY_COMPARE(answered, 3);
    QSet<qint64> all;
    int total = 0;
    for (const auto &list : std::as_const(taken)) {
        total += int(list.size());
        for (const OutboxEntry &e : list)
            all.insert(e.id);
    }
    QCOMPARE(total, 60); // none twice
    QCOMPARE(all, made); // none missed
}

void TestPgOutboxClaims::renewedClaimsHold() {
    auto owner = start(QStringLiteral("owner"), false);
    auto other = start(QStringLiteral("other"), false);
    QVERIFY(owner && other);
    const OutboxEntry entry = create(*owner->store, QStringLiteral("kept"));
    expireEveryClaim();
    const auto renewed = await<StoreResult<int>>(
        [&](auto done) { owner->store->renewOutboxClaims({entry.id}, &m_ctx, done); });
    QVERIFY(renewed && renewed->ok());
    QCOMPARE(renewed->value, 1);
    const auto claimed = await<StoreResult<QList<OutboxEntry>>>(
        [&](auto done) { other->store->unfinishedOutbox(&m_ctx, done); });
    QVERIFY(claimed && claimed->ok());
    QVERIFY(claimed->value.isEmpty());
}

void TestPgOutboxClaims::aKilledSendersPendingEntryIsSentOnceByAnother() {
    // A console stored the message and was killed before sending it: its store is left as it
    // was (a clean stop would hand the entry over at once), its claim held until it lapses.
    auto console = start(QStringLiteral("console"), false);
    QVERIFY(console);
    const OutboxEntry entry = create(*console->store, QStringLiteral("never posted"));
    auto receiver = start(QStringLiteral("receiver"), true);
    QVERIFY(receiver);
    QTest::qWait(300); // several sweeps: the claim still holds
    QCOMPARE(sandboxCopies().value(QStringLiteral("never posted")), 0);
    expireEveryClaim();
    QTRY_COMPARE_WITH_TIMEOUT(sandboxCopies().value(QStringLiteral("never posted")), 1, 5000);
    const auto settled = await<StoreResult<OutboxEntry>>(
        [&](auto done) { receiver->store->outboxEntry(entry.id, &m_ctx, done); });
    QVERIFY(settled && settled->ok());
    QTRY_COMPARE((await<StoreResult<OutboxEntry>>([&](auto done) {
                      receiver->store->outboxEntry(entry.id, &m_ctx, done);
                  })->value.state),
                 OutboxEntry::State::Accepted);
    QTest::qWait(300);
    QCOMPARE(sandboxCopies().value(QStringLiteral("never posted")), 1);
}

void TestPgOutboxClaims::aKilledSendersSubmittedEntryIsAskedAboutNotResent() {
    // A sender posted the message (Twilio has it) and was killed before recording the answer.
    auto sender = start(QStringLiteral("sender"), false); // its outbox would sweep it first
    QVERIFY(sender);
    const OutboxEntry entry = create(*sender->store, QStringLiteral("posted then killed"));
    const auto submitted = await<StoreResult<OutboxEntry>>(
        [&](auto done) { sender->store->markSubmitted(entry.id, &m_ctx, done); });
    QVERIFY(submitted && submitted->ok() && submitted->value.applied);
    // Twilio gets the request as the sender would have made it.
    const QByteArray basic =
        "Basic " +
        (m_sandbox->accountSid() + QLatin1Char(':') + m_sandbox->authToken()).toUtf8().toBase64();
    const sbtest::Reply posted = m_http.request(
        "POST",
        QUrl(m_sandboxUrl.toString() +
             QStringLiteral("/2010-04-01/Accounts/%1/Messages.json").arg(m_sandbox->accountSid())),
        "To=%2B14155550100&From=%2B15005550006&Body=posted+then+killed",
        {{"Authorization", basic}, {"Content-Type", "application/x-www-form-urlencoded"}});
    QCOMPARE(posted.status, 201);
    // Killed: the sender's store stays as it was left (its claim lapses below).
    QCOMPARE(sandboxCopies().value(QStringLiteral("posted then killed")), 1);
    auto other = start(QStringLiteral("other"), true);
    QVERIFY(other);
    expireEveryClaim();
    QTRY_COMPARE_WITH_TIMEOUT((await<StoreResult<OutboxEntry>>([&](auto done) {
                                   other->store->outboxEntry(entry.id, &m_ctx, done);
                               })->value.state),
                              OutboxEntry::State::Accepted, 5000);
    QTest::qWait(300);
    QCOMPARE(sandboxCopies().value(QStringLiteral("posted then killed")), 1); // not resent
}

void TestPgOutboxClaims::aStoppedConsolesEntryIsSentAtOnce() {
    auto receiver = start(QStringLiteral("receiver"), true);
    QVERIFY(receiver);
    auto console = start(QStringLiteral("console"), false);
    QVERIFY(console);
    create(*console->store, QStringLiteral("left on closing"));
    console.reset(); // closed: its claims are released, no lease to wait out
    QTRY_COMPARE_WITH_TIMEOUT(sandboxCopies().value(QStringLiteral("left on closing")), 1, 3000);
    QTest::qWait(300);
    QCOMPARE(sandboxCopies().value(QStringLiteral("left on closing")), 1);
}

QTEST_GUILESS_MAIN(TestPgOutboxClaims)
#include "tst_pgoutboxclaims.moc"
