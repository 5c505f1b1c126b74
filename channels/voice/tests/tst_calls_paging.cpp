#include "Await.h"
#include "PgTestServer.h"
#include "common/ChannelStatuses.h"
#include "db/Store.h"
#include "db/StoreWorker.h"
#include "voice/CallFeed.h"
#include "voice/VoiceCalls.h"
#include "voice/VoiceChannel.h"
#include "voice/ui/CallTableModel.h"

#include <QAbstractItemModelTester>
#include <QScrollBar>
#include <QSet>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

using namespace sb;
using sbtest::await;

// The calls table pages older calls in on demand: CallTableModel with a CallFeed on a real
// SQLite store holding more than a page loads the newest page first, then one page per
// fetchMore (keyset id < the oldest loaded) until a short page says there is no more; calls
// that arrive or change meanwhile neither repeat nor go missing; QAbstractItemModelTester
// (which itself calls fetchMore whenever it checks, so it pages everything in) finds nothing
// wrong with the model or the Calls tab's sorting proxy over it while that happens; and a
// table view fetches the next page itself when scrolled to the end.
class TestCallsPaging : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void pagesUntilTheOldest_data();
    void pagesUntilTheOldest();
    void changesWhilePagingNeitherRepeatNorGoMissing();
    void passesTheModelTesterWhilePaging();
    void viewFetchesWhenScrolledToTheEnd();

private:
    void storeCalls(int count, int firstNumber = 0);
    void applyStatus(const QString &sid, const QString &status);
    std::unique_ptr<CallTableModel> makeModel(CallFeed *feed, int pageSize);
    static QSet<QString> sidsOf(const QAbstractItemModel &model);
    static QString sidOf(int n) { return QStringLiteral("CA%1").arg(n, 32, 10, QLatin1Char('0')); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Store> m_store;
    QObject m_ctx;
};

void TestCallsPaging::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    m_store = sbtest::makeStore(m_dir->filePath(QStringLiteral("calls.sqlite")));
    m_store->addSchema({VoiceChannel::Id, VoiceChannel().schema()});
    const auto opened = await<StoreResult<bool>>([&](auto done) { m_store->open(&m_ctx, done); });
    QVERIFY(opened && opened->ok());
}

void TestCallsPaging::cleanup() {
    m_store.reset();
    m_dir.reset();
}

void TestCallsPaging::storeCalls(int count, int firstNumber) {
    // Status callbacks for calls the console has no row for: each gets a row, in this order.
    QSignalSpy announced(m_store.get(), &Store::rowsChanged);
    const auto stored = await<StoreResult<bool>>([&](auto done) {
        m_store->run<bool>(
            &m_ctx,
            [count, firstNumber](StoreWorker &w, QString *error) -> std::optional<bool> {
                const QDateTime start = QDateTime::currentDateTimeUtc().addDays(-1);
                for (int i = 0; i < count; ++i) {
                    CallStatusUpdate update;
                    update.callSid = sidOf(firstNumber + i);
                    update.status = QStringLiteral("ringing");
                    update.direction = QStringLiteral("inbound");
                    update.from =
                        QStringLiteral("+1415555%1").arg(firstNumber + i, 4, 10, QLatin1Char('0'));
                    update.to = QStringLiteral("+15005550006");
                    update.timestamp = start.addSecs(firstNumber + i);
                    if (!VoiceCalls::applyStatus(w, update, update.timestamp, error))
                        return std::nullopt;
                }
                return true;
            },
            done);
    });
    QVERIFY(stored && stored->ok());
    // The commit's change notice comes on its own: let it pass before a feed exists, or the
    // feed would list every call it names at once and leave no pages to fetch.
    if (count > 0)
        QTRY_VERIFY(!announced.isEmpty());
}

void TestCallsPaging::applyStatus(const QString &sid, const QString &status) {
    const auto applied = await<StoreResult<bool>>([&](auto done) {
        m_store->run<bool>(
            &m_ctx,
            [sid, status](StoreWorker &w, QString *error) -> std::optional<bool> {
                CallStatusUpdate update;
                update.callSid = sid;
                update.status = status;
                update.direction = QStringLiteral("inbound");
                update.from = QStringLiteral("+14155559999");
                update.to = QStringLiteral("+15005550006");
                if (!VoiceCalls::applyStatus(w, update, QDateTime::currentDateTimeUtc(), error))
                    return std::nullopt;
                return true;
            },
            done);
    });
    QVERIFY(applied && applied->ok());
}

std::unique_ptr<CallTableModel> TestCallsPaging::makeModel(CallFeed *feed, int pageSize) {
    auto model = std::make_unique<CallTableModel>(
        ChannelStatuses(ChannelList{std::make_shared<VoiceChannel>()}), QString(VoiceChannel::Id),
        [] { return QDateTime::currentDateTimeUtc(); });
    // As the Calls tab wires it: live changes go in through upsert.
    connect(feed, &CallFeed::callsChanged, model.get(), &CallTableModel::upsert);
    model->setFeed(feed, pageSize);
    return model;
}

QSet<QString> TestCallsPaging::sidsOf(const QAbstractItemModel &model) {
    QSet<QString> sids;
    for (int row = 0; row < model.rowCount(); ++row)
        sids.insert(model.index(row, 0).data(CallTableModel::SidRole).toString());
    return sids;
}

void TestCallsPaging::pagesUntilTheOldest_data() {
    QTest::addColumn<int>("stored");
    QTest::addColumn<int>("pageSize");
    QTest::addColumn<QList<int>>("rowsAfterEachPage");
    QTest::newRow("two pages and a short one") << 57 << 25 << QList<int>{25, 50, 57};
    QTest::newRow("exactly two pages: a third, empty, says so")
        << 50 << 25 << QList<int>{25, 50, 50};
    QTest::newRow("less than a page") << 7 << 25 << QList<int>{7};
    QTest::newRow("no calls at all") << 0 << 25 << QList<int>{0};
}

void TestCallsPaging::pagesUntilTheOldest() {
    QFETCH(int, stored);
    QFETCH(int, pageSize);
    QFETCH(QList<int>, rowsAfterEachPage);
    storeCalls(stored);
    CallFeed feed(m_store.get());
    auto model = std::make_unique<CallTableModel>(
        ChannelStatuses(ChannelList{std::make_shared<VoiceChannel>()}), QString(VoiceChannel::Id),
        [] { return QDateTime::currentDateTimeUtc(); });
    QSignalSpy pages(model.get(), &CallTableModel::pageLoaded);
    QVERIFY(!model->canFetchMore({})); // no feed: nothing to fetch
    model->setFeed(&feed, pageSize);   // the first page, at once
    QVERIFY(model->isLoading());
    QVERIFY(!model->canFetchMore({})); // one read at a time
    for (int i = 0; i < rowsAfterEachPage.size(); ++i) {
        if (i > 0) {
            QVERIFY2(model->canFetchMore({}), qPrintable(QStringLiteral("before page %1").arg(i)));
            model->fetchMore({});
        }
        QTRY_COMPARE(pages.size(), i + 1);
        QCOMPARE(model->rowCount(), rowsAfterEachPage.at(i));
    }
    QVERIFY(!model->canFetchMore({})); // a short page: that was the oldest
    model->fetchMore({});              // and asking anyway reads nothing
    QTest::qWait(50);
    QCOMPARE(pages.size(), rowsAfterEachPage.size());

    // Every stored call once; the first page was the newest ones.
    QSet<QString> expected;
    for (int n = 0; n < stored; ++n)
        expected.insert(sidOf(n));
    QCOMPARE(sidsOf(*model), expected);
    for (int row = 0; row < qMin(pageSize, stored); ++row)
        QCOMPARE(model->record(row).sid, sidOf(stored - 1 - row));
}

void TestCallsPaging::changesWhilePagingNeitherRepeatNorGoMissing() {
    storeCalls(60);
    CallFeed feed(m_store.get());
    auto model = makeModel(&feed, 20);
    QSignalSpy pages(model.get(), &CallTableModel::pageLoaded);
    QTRY_COMPARE(pages.size(), 1);
    QCOMPARE(model->rowCount(), 20);

    // A new call arrives and one on a page not loaded yet changes: both show at once.
    storeCalls(1, 1000);
    applyStatus(sidOf(5), QStringLiteral("completed"));
    QTRY_COMPARE(model->rowCount(), 22);
    QVERIFY(model->rowOf(sidOf(1000)) >= 0);
    QVERIFY(model->rowOf(sidOf(5)) >= 0);
    QCOMPARE(model->record(model->rowOf(sidOf(5))).status, QStringLiteral("completed"));

    // The later pages bring the rest, without the calls already listed a second time.
    while (model->canFetchMore({}) || model->isLoading()) {
        if (model->canFetchMore({}))
            model->fetchMore({});
        QVERIFY(QTest::qWaitFor([&] { return !model->isLoading(); }, 5000));
    }
    QCOMPARE(model->rowCount(), 61);
    QSet<QString> expected{sidOf(1000)};
    for (int n = 0; n < 60; ++n)
        expected.insert(sidOf(n));
    QCOMPARE(sidsOf(*model), expected);
    // Call 5 keeps its latest status.
    QCOMPARE(model->record(model->rowOf(sidOf(5))).status, QStringLiteral("completed"));
}

void TestCallsPaging::passesTheModelTesterWhilePaging() {
    storeCalls(57);
    CallFeed feed(m_store.get());
    auto model = std::make_unique<CallTableModel>(
        ChannelStatuses(ChannelList{std::make_shared<VoiceChannel>()}), QString(VoiceChannel::Id),
        [] { return QDateTime::currentDateTimeUtc(); });
    connect(&feed, &CallFeed::callsChanged, model.get(), &CallTableModel::upsert);
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(model.get());
    proxy.setSortRole(CallTableModel::SortRole);
    proxy.setFilterKeyColumn(-1);
    proxy.setDynamicSortFilter(true);
    proxy.sort(CallTableModel::Time, Qt::DescendingOrder);
    QAbstractItemModelTester modelTester(model.get(),
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester proxyTester(&proxy,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy pages(model.get(), &CallTableModel::pageLoaded);
    model->setFeed(&feed, 10);
    // Calls arrive and change while the pages come in.
    QTRY_VERIFY(!pages.isEmpty());
    storeCalls(2, 2000);
    applyStatus(sidOf(3), QStringLiteral("in-progress"));
    QTRY_VERIFY_WITH_TIMEOUT(!model->canFetchMore({}) && !model->isLoading(), 10000);
    QTRY_COMPARE(model->rowCount(), 59);
    QCOMPARE(proxy.rowCount(), 59);
    QSet<QString> expected{sidOf(2000), sidOf(2001)};
    for (int n = 0; n < 57; ++n)
        expected.insert(sidOf(n));
    QCOMPARE(sidsOf(*model), expected);
    QTRY_COMPARE(model->record(model->rowOf(sidOf(3))).status, QStringLiteral("in-progress"));
    proxy.setFilterFixedString(QStringLiteral("+14155550007")); // the testers check this too
    QCOMPARE(proxy.rowCount(), 1);
}

void TestCallsPaging::viewFetchesWhenScrolledToTheEnd() {
    storeCalls(45);
    CallFeed feed(m_store.get());
    auto model = makeModel(&feed, 20);
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(model.get());
    proxy.setSortRole(CallTableModel::SortRole);
    proxy.setDynamicSortFilter(true);
    proxy.sort(CallTableModel::Time, Qt::DescendingOrder); // newest first, as the tab shows them
    QTableView view;
    view.setModel(&proxy);
    view.resize(600, 200); // a few rows tall: the first page more than fills it
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QTRY_COMPARE(model->rowCount(), 20);
    QTest::qWait(100);
    QCOMPARE(model->rowCount(), 20); // nothing more while the end is not in sight

    // Scrolled to the end, the view asks for the next page, and again for the last.
    for (int expected : {40, 45}) {
        view.scrollToBottom();
        QScrollBar *bar = view.verticalScrollBar();
        bar->setValue(bar->maximum());
        QTRY_COMPARE(model->rowCount(), expected);
    }
    QVERIFY(!model->canFetchMore({}));
    // Newest first in the view, oldest last.
    QCOMPARE(proxy.index(0, 0).data(CallTableModel::SidRole).toString(), sidOf(44));
    QCOMPARE(proxy.index(44, 0).data(CallTableModel::SidRole).toString(), sidOf(0));
}

QTEST_MAIN(TestCallsPaging)
#include "tst_calls_paging.moc"
