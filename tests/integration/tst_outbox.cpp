#include "Await.h"
#include "PgTestServer.h"
#include "TestSupport.h"
#include "db/Store.h"
#include "outbox/Outbox.h"
#include "providers/twilio/TwilioClient.h"
#include "sandbox/Sandbox.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QtTest>

using namespace sb;
using sbtest::await;

// The outbox with a real store (SQLite in a temporary folder), a real TwilioClient and the
// sandbox over loopback: each entry is sent once, whatever asks for it twice, and nothing is
// sent before the outbox is ready.
class TestOutbox : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void nothingIsSentBeforeResume();
    void resumeTakesOnlyWorkLeftFromBefore();
    void resumeRacingLiveSendsSendsEachOnce();
    void storeFailureIsReportedAndTheMessageCompletesLater();

private:
    int resume();
    SendOutcome send(const QString &body, const QString &to = QStringLiteral("+14155550100"));
    QHash<QString, int> sandboxCopies();
    OutboxEntry createLeftover(const QString &body, bool submitted);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Sandbox> m_sandbox;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<TwilioClient> m_client;
    std::unique_ptr<Outbox> m_outbox;
    sbtest::Http m_http;
    QUrl m_sandboxUrl;
    QObject m_ctx;
};

void TestOutbox::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    SandboxOptions options;
    options.statusDelayMs = 1000; // statuses are not what is tested here
    m_sandbox = std::make_unique<Sandbox>(options);
    sbtest::addChannels(*m_sandbox);
    const quint16 port = m_sandbox->listen(QHostAddress::LocalHost, 0);
    QVERIFY(port);
    m_sandboxUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
    m_store = sbtest::makeStore(m_dir->filePath(QStringLiteral("s.sqlite")));
    QVERIFY(await<StoreResult<bool>>([&](auto done) { m_store->open(&m_ctx, done); })->ok());
    m_nam = std::make_unique<QNetworkAccessManager>();
    m_client = std::make_unique<TwilioClient>(
        m_nam.get(),
        TwilioCredentials{m_sandbox->accountSid(), m_sandbox->authToken(), m_sandboxUrl});
    m_outbox = std::make_unique<Outbox>(m_store.get(), m_client.get());
    m_outbox->setPublicBase(QStringLiteral("http://127.0.0.1:9"));
}

void TestOutbox::cleanup() {
    m_outbox.reset();
    m_client.reset();
    m_nam.reset();
    m_store.reset();
    m_sandbox.reset();
}

int TestOutbox::resume() {
    const auto r = await<int>([&](auto done) {
        m_outbox->resume(&m_ctx, [done](int resumed, const QString &) { done(resumed); });
    });
    return r ? *r : -2;
}

SendOutcome TestOutbox::send(const QString &body, const QString &to) {
    OutboundDraft draft;
    draft.to = to;
    draft.from = QStringLiteral("+15005550006");
    draft.body = body;
    const auto r = await<SendOutcome>([&](auto done) { m_outbox->send(draft, &m_ctx, done); });
    return r ? *r : SendOutcome{};
}

QHash<QString, int> TestOutbox::sandboxCopies() {
    return sbtest::sandboxCopies(m_http, *m_sandbox, m_sandboxUrl);
}

OutboxEntry TestOutbox::createLeftover(const QString &body, bool submitted) {
    OutboundDraft draft;
    draft.to = QStringLiteral("+14155550100");
    draft.from = QStringLiteral("+15005550006");
    draft.body = body;
    auto created = await<StoreResult<OutboxEntry>>(
        [&](auto done) { m_store->createOutbound(draft, &m_ctx, done); });
    if (submitted)
        created = await<StoreResult<OutboxEntry>>(
            [&](auto done) { m_store->markSubmitted(created->value.id, &m_ctx, done); });
    return created->value;
}

void TestOutbox::nothingIsSentBeforeResume() {
    const SendOutcome early = send(QStringLiteral("too early"));
    QVERIFY(early.error.isError());
    QCOMPARE(early.error.kind, TwilioError::Kind::Local);
    QCOMPARE(early.entry.id, 0); // not even stored: the caller may simply try again
    QCOMPARE(resume(), 0);
    const SendOutcome ready = send(QStringLiteral("ready now"));
    QVERIFY2(!ready.error.isError(), qPrintable(ready.error.explanation()));
    QCOMPARE(ready.entry.state, OutboxEntry::State::Accepted);
    QCOMPARE(sandboxCopies().value(QStringLiteral("too early")), 0);
    QCOMPARE(sandboxCopies().value(QStringLiteral("ready now")), 1);
}

void TestOutbox::resumeTakesOnlyWorkLeftFromBefore() {
    createLeftover(QStringLiteral("never sent"), false);
    createLeftover(QStringLiteral("submitted, never reached Twilio"), true);
    QSignalSpy settled(m_outbox.get(), &Outbox::settled);
    QCOMPARE(resume(), 2);
    QTRY_COMPARE(settled.size(), 2);
    const QHash<QString, int> copies = sandboxCopies();
    QCOMPARE(copies.value(QStringLiteral("never sent")), 1);
    QCOMPARE(copies.value(QStringLiteral("submitted, never reached Twilio")), 1);
}

void TestOutbox::resumeRacingLiveSendsSendsEachOnce() {
    // The start-up race, made certain: while live sends are between "stored" and "accepted",
    // resume() runs again and reads them among the unfinished entries. Each must still reach
    // Twilio once, and keep the SID its caller was told.
    QCOMPARE(resume(), 0);
    constexpr int N = 40;
    QHash<QString, QString> sidTold;
    int answers = 0;
    for (int i = 0; i < N; ++i) {
        OutboundDraft draft;
        draft.to = QStringLiteral("+14155550100");
        draft.from = QStringLiteral("+15005550006");
        draft.body = QStringLiteral("live %1").arg(i);
        m_outbox->send(draft, &m_ctx, [&, body = draft.body](const SendOutcome &o) {
            sidTold.insert(body, o.entry.message.sid);
            ++answers;
        });
        if (i % 8 == 3)
            m_outbox->resume(&m_ctx, [](int, const QString &) {});
    }
    QTRY_COMPARE(answers, N);
    QTest::qWait(200);
    const QHash<QString, int> copies = sandboxCopies();
    for (int i = 0; i < N; ++i)
        QCOMPARE(copies.value(QStringLiteral("live %1").arg(i)), 1);
    // The SID each caller was told is the one the store keeps.
    for (auto it = sidTold.cbegin(); it != sidTold.cend(); ++it) {
        const auto stored = await<StoreResult<std::optional<MessageRecord>>>(
            [&](auto done) { m_store->messageBySid(it.value(), &m_ctx, done); });
        QVERIFY2(stored->value && stored->value->body == it.key(), qPrintable(it.key()));
    }
}

void TestOutbox::storeFailureIsReportedAndTheMessageCompletesLater() {
    QCOMPARE(resume(), 0);
    OutboundDraft draft;
    draft.to = QStringLiteral("+14155550100");
    draft.from = QStringLiteral("+15005550006");
    draft.body = QStringLiteral("the database fails after it is stored");
    // The entry is stored, then the database turns read-only before it can be marked
    // submitted: the caller hears so, nothing is sent yet, and the outbox finishes the job
    // once the database recovers.
    std::optional<SendOutcome> outcome;
    QSignalSpy settled(m_outbox.get(), &Outbox::settled);
    m_store->flush(&m_ctx, [&] {
        m_outbox->send(draft, &m_ctx, [&](const SendOutcome &o) { outcome = o; });
        // Queued right behind the send's createOutbound: the fault hits markSubmitted.
        QTimer::singleShot(0, &m_ctx, [&] { m_store->injectFault(StoreFault::ReadOnly); });
    });
    QTRY_VERIFY(outcome.has_value());
    if (outcome->entry.id == 0)
        QSKIP("the fault came before the message was stored (timing); covered elsewhere");
    QVERIFY(outcome->error.isError());
    QCOMPARE(outcome->error.kind, TwilioError::Kind::Local);
    QVERIFY2(outcome->error.explanation().contains(QLatin1String("database")),
             qPrintable(outcome->error.explanation()));
    // Nothing sent yet, unless the fault came only after the request had gone (a busy machine
    // delivers the stored entry before the fault is queued): then its acceptance is what
    // could not be stored. Either way it is finished later, and sent once.
    const int early = sandboxCopies().value(draft.body);
    QVERIFY(early <= 1);
    if (early == 1)
        qInfo("the fault came after the request had gone (timing)");
    m_store->injectFault(StoreFault::None);
    QTRY_COMPARE_WITH_TIMEOUT(settled.size(), 1, 10000);
    QCOMPARE(sandboxCopies().value(draft.body), 1);
}

QTEST_GUILESS_MAIN(TestOutbox)
#include "tst_outbox.moc"
