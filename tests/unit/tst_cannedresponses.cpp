#include "Await.h"
#include "PgTestServer.h"
#include "canned/CannedResponses.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace sb;
using sbtest::await;

class TestCannedResponses : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void seededOnFirstCreationOnly();
    void addUpdateRemove();
    void duplicateShortcutRefused();
    void invalidResponsesRefused_data();
    void invalidResponsesRefused();
    void anotherInstanceSeesChanges();
    void match_data();
    void match();

private:
    void openStore();
    QStringList shortcuts(const CannedResponses &canned) const;
    bool loaded(CannedResponses &canned);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Store> m_store;
};

void TestCannedResponses::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    openStore();
}

void TestCannedResponses::cleanup() {
    m_store.reset();
    m_dir.reset();
}

void TestCannedResponses::openStore() {
    m_store = sbtest::makeStore(m_dir->filePath(QStringLiteral("canned.sqlite")));
    m_store->addSchema(CannedResponses::schema());
    QObject ctx;
    auto opened = await<StoreResult<bool>>([&](auto done) { m_store->open(&ctx, done); });
    QVERIFY(opened && opened->ok());
}

QStringList TestCannedResponses::shortcuts(const CannedResponses &canned) const {
    QStringList list;
    for (const CannedResponse &r : canned.responses())
        list << r.shortcut;
    return list;
}

bool TestCannedResponses::loaded(CannedResponses &canned) {
    QSignalSpy changed(&canned, &CannedResponses::changed);
    canned.reload();
    return changed.wait(5000);
}

void TestCannedResponses::seededOnFirstCreationOnly() {
    {
        CannedResponses canned(m_store.get());
        QVERIFY(loaded(canned));
        QCOMPARE(shortcuts(canned), (QStringList{"intro", "order", "thanks"}));
        const CannedResponse intro = canned.responses().first();
        QVERIFY(intro.body.contains(QLatin1String("{{agent.name}}")));
        QVERIFY(intro.shared);
        QVERIFY(intro.createdAt.isValid());
        QVERIFY(qAbs(intro.createdAt.secsTo(QDateTime::currentDateTimeUtc())) < 60);
        // The agent removes one example: it must not come back on the next start.
        auto removed = await<StoreResult<bool>>(
            [&](auto done) { canned.remove(canned.responses().first().id, done); });
        QVERIFY(removed && removed->ok() && removed->value);
    }
    m_store.reset();
    openStore();
    CannedResponses again(m_store.get());
    QVERIFY(loaded(again));
    QCOMPARE(shortcuts(again), (QStringList{"order", "thanks"}));
}

void TestCannedResponses::addUpdateRemove() {
    CannedResponses canned(m_store.get());
    QVERIFY(loaded(canned));
    QSignalSpy changed(&canned, &CannedResponses::changed);
    CannedResponse draft;
    draft.shortcut = QStringLiteral(" refund ");
    draft.body = QStringLiteral("Your refund of {{amount}} is on its way, {{contact.name}}.");
    auto added = await<StoreResult<CannedResponse>>([&](auto done) { canned.add(draft, done); });
    QVERIFY(added && added->ok());
    QVERIFY(added->value.id > 0);
    QCOMPARE(added->value.shortcut, QStringLiteral("refund")); // trimmed
    QVERIFY(!added->value.shared);
    QTRY_VERIFY(shortcuts(canned).contains(QStringLiteral("refund")));
    QVERIFY(changed.count() >= 1);

    CannedResponse edited = added->value;
    edited.body = QStringLiteral("Refunded: {{amount}}.");
    edited.shared = true;
    auto updated =
        await<StoreResult<CannedResponse>>([&](auto done) { canned.update(edited, done); });
    QVERIFY(updated && updated->ok());
    QCOMPARE(updated->value.body, edited.body);
    QVERIFY(updated->value.shared);
    QCOMPARE(updated->value.createdAt, added->value.createdAt);
    QVERIFY(updated->value.updatedAt >= added->value.updatedAt);
    QTRY_VERIFY(std::any_of(canned.responses().cbegin(), canned.responses().cend(),
                            [&](const CannedResponse &r) { return r.body == edited.body; }));

    auto removed =
        await<StoreResult<bool>>([&](auto done) { canned.remove(added->value.id, done); });
    QVERIFY(removed && removed->ok());
    QTRY_VERIFY(!shortcuts(canned).contains(QStringLiteral("refund")));

    // Updating a row that is gone says so rather than succeeding silently.
    auto gone = await<StoreResult<CannedResponse>>([&](auto done) { canned.update(edited, done); });
    QVERIFY(gone && !gone->ok());
    QVERIFY2(gone->error.contains(QLatin1String("no longer exists")), qPrintable(gone->error));
}

void TestCannedResponses::duplicateShortcutRefused() {
    CannedResponses canned(m_store.get());
    CannedResponse draft;
    draft.shortcut = QStringLiteral("THANKS"); // the seeded "thanks", case aside
    draft.body = QStringLiteral("Another thanks");
    auto added = await<StoreResult<CannedResponse>>([&](auto done) { canned.add(draft, done); });
    QVERIFY(added && !added->ok());
    QVERIFY2(added->error.contains(QLatin1String("/THANKS")), qPrintable(added->error));
    QVERIFY(loaded(canned));
    QCOMPARE(shortcuts(canned).count(), 3);
}

void TestCannedResponses::invalidResponsesRefused_data() {
    QTest::addColumn<QString>("shortcut");
    QTest::addColumn<QString>("body");
    QTest::addColumn<QString>("says");
    QTest::newRow("no shortcut") << ""
                                 << "text"
                                 << "shortcut";
    QTest::newRow("two words") << "two words"
                               << "text"
                               << "one word";
    QTest::newRow("a slash") << "/hi"
                             << "text"
                             << "one word";
    QTest::newRow("no text") << "hi"
                             << "  \n"
                             << "no text";
}

void TestCannedResponses::invalidResponsesRefused() {
    QFETCH(QString, shortcut);
    QFETCH(QString, body);
    QFETCH(QString, says);
    CannedResponses canned(m_store.get());
    CannedResponse draft;
    draft.shortcut = shortcut;
    draft.body = body;
    QVERIFY(!CannedResponses::problemWith(draft).isEmpty());
    auto added = await<StoreResult<CannedResponse>>([&](auto done) { canned.add(draft, done); });
    QVERIFY(added && !added->ok());
    QVERIFY2(added->error.contains(says), qPrintable(added->error));
    QVERIFY(loaded(canned));
    QCOMPARE(canned.responses().count(), 3);
}

void TestCannedResponses::anotherInstanceSeesChanges() {
    // The editor and the pickers may hold different instances over one store.
    CannedResponses editor(m_store.get());
    CannedResponses picker(m_store.get());
    QVERIFY(loaded(picker));
    CannedResponse draft;
    draft.shortcut = QStringLiteral("bye");
    draft.body = QStringLiteral("Bye {{contact.name}}");
    auto added = await<StoreResult<CannedResponse>>([&](auto done) { editor.add(draft, done); });
    QVERIFY(added && added->ok());
    QTRY_VERIFY(shortcuts(picker).contains(QStringLiteral("bye")));
}

void TestCannedResponses::match_data() {
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QStringList>("found");
    QTest::newRow("empty: all") << "" << QStringList{"intro", "order", "thanks", "hours"};
    QTest::newRow("shortcut prefix first, then body") << "th" << QStringList{"thanks", "intro"};
    QTest::newRow("case aside") << "ORD" << QStringList{"order"};
    QTest::newRow("inside a shortcut") << "ank" << QStringList{"thanks"};
    QTest::newRow("body only") << "9 to 5" << QStringList{"hours"};
    QTest::newRow("nothing") << "zzz" << QStringList{};
}

void TestCannedResponses::match() {
    QFETCH(QString, filter);
    QFETCH(QStringList, found);
    const QList<CannedResponse> all{
        {1, "intro", "Hi, {{agent.name}} here. How can I help with that?", true, {}, {}},
        {2, "order", "Order {{n}}", true, {}, {}},
        {3, "thanks", "Thanks!", true, {}, {}},
        {4, "hours", "We are open 9 to 5.", false, {}, {}},
    };
    QStringList got;
    for (const CannedResponse &r : CannedResponses::match(all, filter))
        got << r.shortcut;
    QCOMPARE(got, found);
}

QTEST_GUILESS_MAIN(TestCannedResponses)
#include "tst_cannedresponses.moc"
