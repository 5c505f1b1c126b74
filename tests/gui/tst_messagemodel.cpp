#include "Await.h"
#include "PgTestServer.h"
#include "common/MessageFilterProxy.h"
#include "common/MessageTableModel.h"
#include "db/Store.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace sb;
using sbtest::await;

// MessageTableModel over a real SQLite store: lazy pages, live inserts and in-place updates,
// all checked by QAbstractItemModelTester.
class TestMessageModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void loadsLazilyInPages();
    void newMessageIsInsertedOnTop();
    void liveArrivalsPushTheOldestRowsOut();
    void burstOfArrivalsIsInsertedTogether();
    void statusCallbackUpdatesTheRowInPlace();
    void filterQueriesTheStore();
    void proxyFiltersByStatus();

private:
    OutboxEntry create(const QString &to, const QString &body);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<MessageTableModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    QObject m_ctx;
};

void TestMessageModel::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    m_store = sbtest::makeStore(m_dir->filePath(QStringLiteral("s.sqlite")));
    QVERIFY(await<StoreResult<bool>>([&](auto done) { m_store->open(&m_ctx, done); })->value);
    m_model = std::make_unique<MessageTableModel>(m_store.get());
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestMessageModel::cleanup() {
    m_tester.reset();
    m_model.reset();
    m_store.reset();
}

OutboxEntry TestMessageModel::create(const QString &to, const QString &body) {
    OutboundDraft d;
    d.from = QStringLiteral("+15005550006");
    d.to = to;
    d.body = body;
    return await<StoreResult<OutboxEntry>>(
               [&](auto done) { m_store->createOutbound(d, &m_ctx, done); })
        ->value;
}

void TestMessageModel::loadsLazilyInPages() {
    for (int i = 0; i < 250; ++i)
        create(QStringLiteral("+14155550100"), QStringLiteral("message %1").arg(i));
    m_model->setPageSize(100);
    QSignalSpy pages(m_model.get(), &MessageTableModel::pageLoaded);
    m_model->setQuery({});
    // The first read is one page, not the whole table. (QAbstractItemModelTester may itself
    // call fetchMore, so later pages can come without our asking.)
    QTRY_VERIFY(!pages.isEmpty());
    QCOMPARE(pages[0][0].toInt(), 100);
    QVERIFY(m_model->rowCount() >= 100);
    QCOMPARE(m_model->record(0).body, QStringLiteral("message 249")); // newest first
    for (int i = 0; i < 10 && m_model->rowCount() < 250; ++i) {
        QTRY_VERIFY(!m_model->isLoading());
        m_model->fetchMore({});
        QTRY_VERIFY(!m_model->isLoading());
    }
    QCOMPARE(m_model->rowCount(), 250);
    for (const QList<QVariant> &page : std::as_const(pages))
        QVERIFY(page[0].toInt() <= 100);
    QVERIFY(!m_model->canFetchMore({}));
    QCOMPARE(m_model->record(249).body, QStringLiteral("message 0"));
}

void TestMessageModel::newMessageIsInsertedOnTop() {
    create(QStringLiteral("+14155550100"), QStringLiteral("old"));
    m_model->setQuery({});
    QTRY_COMPARE(m_model->rowCount(), 1);
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    create(QStringLiteral("+14155550101"), QStringLiteral("new"));
    QTRY_COMPARE(inserted.size(), 1);
    QCOMPARE(inserted[0][1].toInt(), 0); // first row
    QCOMPARE(inserted[0][2].toInt(), 0);
    QCOMPARE(m_model->record(0).body, QStringLiteral("new"));
    QCOMPARE(m_model->record(1).body, QStringLiteral("old"));
    QCOMPARE(reset.size(), 0);
}

void TestMessageModel::liveArrivalsPushTheOldestRowsOut() {
    // QAbstractItemModelTester calls fetchMore after every change, as a view scrolled to its
    // last row would; this is the view at the top, where the agent watches arrivals.
    m_tester.reset();
    QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
    for (int i = 0; i < 30; ++i)
        create(QStringLiteral("+14155550100"), QStringLiteral("message %1").arg(i));
    m_model->setPageSize(20);
    m_model->setMaxRows(50);
    m_model->setQuery({});
    QTRY_VERIFY(m_model->rowCount() >= 20 && !m_model->isLoading());
    // 120 more arrive while the console is open: the table holds about 50, the newest.
    for (int i = 30; i < 150; ++i)
        create(QStringLiteral("+14155550100"), QStringLiteral("message %1").arg(i));
    QTRY_COMPARE(m_model->record(0).body, QStringLiteral("message 149"));
    QTRY_VERIFY(!m_model->isLoading());
    QVERIFY2(m_model->rowCount() <= 55, qPrintable(QString::number(m_model->rowCount())));
    QVERIFY(!removed.isEmpty());
    QCOMPARE(removed.constLast().at(1).toInt(), 50); // the tail went: rows 50 and below
    for (int row = 0; row < m_model->rowCount(); ++row) {
        QCOMPARE(m_model->record(row).body, QStringLiteral("message %1").arg(149 - row));
        QCOMPARE(m_model->rowForId(m_model->record(row).id), row);
    }
    // Scrolling down reads the rows that went, from the oldest kept on, with no gap.
    QVERIFY(m_model->canFetchMore({}));
    const int before = m_model->rowCount();
    m_model->fetchMore({});
    QTRY_VERIFY(m_model->rowCount() > before);
    for (int row = 0; row < m_model->rowCount(); ++row)
        QCOMPARE(m_model->record(row).body, QStringLiteral("message %1").arg(149 - row));
    QCOMPARE(m_model->rowForId(m_model->record(before).id), before);
}

// Each insertion at the top moves every row below it (a whole repaint of the view): a burst of
// new messages goes in together, while the first after a quiet spell is not held back.
void TestMessageModel::burstOfArrivalsIsInsertedTogether() {
    m_model->setQuery({});
    QTRY_VERIFY(!m_model->isLoading());
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    QElapsedTimer quiet;
    quiet.start();
    create(QStringLiteral("+14155550100"), QStringLiteral("first"));
    QTRY_COMPARE(m_model->rowCount(), 1);
    QVERIFY2(quiet.elapsed() < MessageTableModel::ArrivalIntervalMs,
             qPrintable(QString::number(quiet.elapsed())));
    for (int i = 0; i < 40; ++i)
        create(QStringLiteral("+14155550100"), QStringLiteral("burst %1").arg(i));
    QTRY_COMPARE(m_model->rowCount(), 41);
    // create() waits for each commit, so the burst spans several intervals at most.
    QVERIFY2(inserted.size() < 10, qPrintable(QString::number(inserted.size())));
    for (int row = 0; row < 40; ++row)
        QCOMPARE(m_model->record(row).body, QStringLiteral("burst %1").arg(39 - row));
    QCOMPARE(m_model->record(40).body, QStringLiteral("first"));
}

void TestMessageModel::statusCallbackUpdatesTheRowInPlace() {
    const OutboxEntry a = create(QStringLiteral("+14155550100"), QStringLiteral("a"));
    create(QStringLiteral("+14155550101"), QStringLiteral("b"));
    await<StoreResult<OutboxEntry>>([&](auto done) { m_store->markSubmitted(a.id, &m_ctx, done); });
    await<StoreResult<OutboxEntry>>([&](auto done) {
        m_store->markAccepted(a.id, QStringLiteral("SMa"), QStringLiteral("queued"), &m_ctx, done);
    });
    m_model->setQuery({});
    QTRY_COMPARE(m_model->rowCount(), 2);
    const int row = m_model->rowForId(a.message.id);
    QCOMPARE(row, 1);
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    StatusCallback cb;
    cb.messageSid = QStringLiteral("SMa");
    cb.status = QStringLiteral("delivered");
    m_store->applyStatusCallback(cb);
    QTRY_COMPARE(changed.size(), 1);
    QCOMPARE(changed[0][0].toModelIndex().row(), row);
    QCOMPARE(changed[0][1].toModelIndex().row(), row);
    QCOMPARE(m_model->index(row, MessageTableModel::Status)
                 .data(MessageTableModel::StatusRole)
                 .toString(),
             QStringLiteral("delivered"));
    QCOMPARE(inserted.size(), 0);
}

void TestMessageModel::filterQueriesTheStore() {
    create(QStringLiteral("+14155550100"), QStringLiteral("apples"));
    create(QStringLiteral("+14155550199"), QStringLiteral("pears"));
    MessageQuery q;
    q.text = QStringLiteral("0199");
    m_model->setQuery(q);
    QTRY_COMPARE(m_model->rowCount(), 1);
    QCOMPARE(m_model->record(0).body, QStringLiteral("pears"));
    // A live arrival that does not match the filter stays out.
    create(QStringLiteral("+14155550100"), QStringLiteral("plums"));
    create(QStringLiteral("+14155550199"), QStringLiteral("figs"));
    QTRY_COMPARE(m_model->rowCount(), 2);
    QCOMPARE(m_model->record(0).body, QStringLiteral("figs"));
}

void TestMessageModel::proxyFiltersByStatus() {
    const OutboxEntry failed = create(QStringLiteral("+14155550100"), QStringLiteral("x"));
    create(QStringLiteral("+14155550100"), QStringLiteral("y"));
    await<StoreResult<OutboxEntry>>([&](auto done) {
        m_store->markFailed(failed.id, 21211, QStringLiteral("bad"), &m_ctx, done);
    });
    MessageFilterProxy proxy;
    QAbstractItemModelTester proxyTester(&proxy,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSourceModel(m_model.get());
    m_model->setQuery({});
    QTRY_COMPARE(proxy.rowCount(), 2);
    proxy.setStatusFilter(MessageFilterProxy::StatusFilter::Failed);
    QCOMPARE(proxy.rowCount(), 1);
    QCOMPARE(proxy.index(0, MessageTableModel::Error).data().toString(), QStringLiteral("21211"));
    QVERIFY(proxy.index(0, MessageTableModel::Error)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("'To' number")));
}

QTEST_MAIN(TestMessageModel)
#include "tst_messagemodel.moc"
