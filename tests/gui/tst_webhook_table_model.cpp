#include "Await.h"
#include "PgTestServer.h"
#include "db/Store.h"
#include "inspector/WebhookLog.h"
#include "inspector/WebhookTableModel.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace sb;

// The inspector's table over a real store (a SQLite file): captures appear newest first, a
// flood of them costs a few small reads a second (only the rows newer than the top one), the
// list keeps the newest MaxRows, and rows the bounds pruned leave it.
class TestWebhookTableModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void capturesAppearNewestFirst();
    void floodIsReadInFewSmallReads();
    void keepsTheNewestMaxRows();
    void prunedRowsLeave();

private:
    // Stores `count` captures in one job (one commit), returns the last id.
    qint64 capture(int count, const QString &path = QStringLiteral("/twilio/sms"));
    qint64 storedCount();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Store> m_store;
    QObject m_ctx;
    int m_serial = 0;
};

void TestWebhookTableModel::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    m_store = sbtest::makeStore(m_dir->filePath(QStringLiteral("switchboard.sqlite")));
    m_store->addSchema(WebhookLog::schema());
    const auto opened =
        sbtest::await<StoreResult<bool>>([&](auto done) { m_store->open(&m_ctx, done); });
    QVERIFY(opened && opened->ok() && opened->value);
}

void TestWebhookTableModel::cleanup() {
    m_store.reset();
}

qint64 TestWebhookTableModel::capture(int count, const QString &path) {
    QList<WebhookRecord> records;
    for (int i = 0; i < count; ++i) {
        WebhookRecord r;
        r.receivedAt = QDateTime::currentDateTimeUtc();
        r.method = "POST";
        r.target = path;
        r.path = path;
        r.body = "MessageSid=SM" + QByteArray::number(++m_serial);
        r.sid = QStringLiteral("SM%1").arg(m_serial);
        r.signature = QStringLiteral("valid");
        r.status = 200;
        records.append(r);
    }
    const auto stored = sbtest::await<StoreResult<qint64>>([&](auto done) {
        m_store->run<qint64>(
            &m_ctx,
            [records](StoreWorker &w, QString *error) -> std::optional<qint64> {
                qint64 last = 0;
                for (const WebhookRecord &r : records) {
                    const std::optional<qint64> id = WebhookLog::insert(w, r, error);
                    if (!id)
                        return std::nullopt;
                    last = *id;
                }
                return last;
            },
            done);
    });
    if (!stored || !stored->ok())
        qFatal("storing captures failed");
    return stored->value;
}

qint64 TestWebhookTableModel::storedCount() {
    WebhookQuery all;
    all.limit = 1000000;
    const auto found = sbtest::await<StoreResult<QList<WebhookRecord>>>([&](auto done) {
        m_store->run<QList<WebhookRecord>>(
            &m_ctx,
            [all](StoreWorker &w, QString *error) {
                return WebhookLog::find(w, all, WebhookLog::Detail::NoBodies, error);
            },
            done);
    });
    return found && found->ok() ? found->value.size() : -1;
}

void TestWebhookTableModel::capturesAppearNewestFirst() {
    const qint64 first = capture(3);
    WebhookTableModel model(m_store.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_COMPARE(model.rowCount(), 3);
    QCOMPARE(model.record(0).id, first);
    QCOMPARE(model.record(2).id, first - 2);

    // A row held by the agent stays the same capture as new ones arrive above it.
    const QPersistentModelIndex held = model.index(1, WebhookTableModel::Sid);
    const QString heldSid = held.data().toString();
    const qint64 newest = capture(2);
    QTRY_COMPARE(model.rowCount(), 5);
    QCOMPARE(model.record(0).id, newest);
    QCOMPARE(held.row(), 3);
    QCOMPARE(held.data().toString(), heldSid);
    QCOMPARE(model.index(0, WebhookTableModel::Result).data().toString(),
             WebhookTableModel::resultText(QStringLiteral("valid")));
}

void TestWebhookTableModel::floodIsReadInFewSmallReads() {
    WebhookTableModel model(m_store.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy loads(&model, &WebhookTableModel::loaded);
    QTRY_COMPARE(loads.size(), 1); // the empty log
    loads.clear();

    // 300 commits of one capture each, as fast as the store takes them: one rowsChanged each.
    QElapsedTimer flood;
    flood.start();
    qint64 last = 0;
    for (int i = 0; i < 300; ++i)
        last = capture(1);
    QTRY_COMPARE(model.rowCount(), 300);
    QCOMPARE(model.record(0).id, last);
    QCOMPARE(model.record(299).id, last - 299);
    // One read per interval (the first at once, the last after the flood), not one per commit.
    const qint64 intervals = flood.elapsed() / Store::WebhookAnnounceMs;
    QVERIFY2(loads.size() <= intervals + 2,
             qPrintable(QStringLiteral("%1 reads for 300 commits in %2 ms")
                            .arg(loads.size())
                            .arg(flood.elapsed())));
    QVERIFY(loads.size() < 300);
}

void TestWebhookTableModel::keepsTheNewestMaxRows() {
    capture(WebhookTableModel::MaxRows - 10);
    WebhookTableModel model(m_store.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_COMPARE(model.rowCount(), WebhookTableModel::MaxRows - 10);
    const qint64 newest = capture(25);
    QTRY_COMPARE(model.record(0).id, newest);
    QCOMPARE(model.rowCount(), WebhookTableModel::MaxRows);
    QCOMPARE(model.record(WebhookTableModel::MaxRows - 1).id,
             newest - WebhookTableModel::MaxRows + 1);
}

void TestWebhookTableModel::prunedRowsLeave() {
    capture(20);
    WebhookTableModel model(m_store.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_COMPARE(model.rowCount(), 20);
    const qint64 keep = model.record(0).sizeBytes() * 5; // a few of the newest
    const auto pruned = sbtest::await<StoreResult<int>>([&](auto done) {
        m_store->run<int>(
            &m_ctx,
            [keep](StoreWorker &w, QString *error) {
                return WebhookLog::prune(w, QDateTime::currentDateTimeUtc().addDays(-1), keep,
                                         error);
            },
            done);
    });
    QVERIFY(pruned && pruned->ok());
    QVERIFY(pruned->value > 0);
    const qint64 left = storedCount();
    QVERIFY(left > 0 && left < 20);
    // No new capture arrives: the prune alone is announced, and the rows go.
    QTRY_COMPARE(model.rowCount(), int(left));
}

QTEST_MAIN(TestWebhookTableModel)
#include "tst_webhook_table_model.moc"
