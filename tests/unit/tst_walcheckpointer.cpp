#include "db/WalCheckpointer.h"

#include <sqlite3.h>

#include <QFileInfo>
#include <QMutex>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace sb;

// The checkpointer against a real SQLite file in WAL mode, written through a connection of the
// test's own (the store's connection is covered by tst_store).
class TestWalCheckpointer : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void copiesTheLogOnItsOwnThread();
    void floodKeepsTheLogBounded();

private:
    bool exec(const char *sql);
    qint64 rowCount();
    bool writeRows(int transactions, int rowsEach);
    qint64 walBytes() const { return QFileInfo(m_path + QStringLiteral("-wal")).size(); }

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
    sqlite3 *m_db = nullptr;
};

void TestWalCheckpointer::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    m_path = m_dir->filePath(QStringLiteral("wal.sqlite"));
    QCOMPARE(sqlite3_open(m_path.toUtf8().constData(), &m_db), SQLITE_OK);
    QVERIFY(exec("PRAGMA journal_mode=WAL"));
    QVERIFY(exec("PRAGMA synchronous=NORMAL"));
    // As the store's connection: the checkpoint thread's connection, opening, may hold the
    // log's index for a moment (a loaded CI machine made an insert fail "database is locked").
    QVERIFY(exec("PRAGMA busy_timeout=5000"));
    QVERIFY(exec("CREATE TABLE rows (id INTEGER PRIMARY KEY, body BLOB NOT NULL)"));
}

void TestWalCheckpointer::cleanup() {
    sqlite3_close_v2(m_db);
    m_db = nullptr;
    m_dir.reset();
}

bool TestWalCheckpointer::exec(const char *sql) {
    char *message = nullptr;
    const bool ok = sqlite3_exec(m_db, sql, nullptr, nullptr, &message) == SQLITE_OK;
    if (!ok)
        qWarning() << sql << (message ? message : "");
    sqlite3_free(message);
    return ok;
}

qint64 TestWalCheckpointer::rowCount() {
    sqlite3_stmt *stmt = nullptr;
    sqlite3_prepare_v2(m_db, "SELECT count(*) FROM rows", -1, &stmt, nullptr);
    const qint64 count = sqlite3_step(stmt) == SQLITE_ROW ? sqlite3_column_int64(stmt, 0) : -1;
    sqlite3_finalize(stmt);
    return count;
}

// Each row is about one page, so a transaction adds about `rowsEach` pages to the log.
bool TestWalCheckpointer::writeRows(int transactions, int rowsEach) {
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v2(m_db, "INSERT INTO rows (body) VALUES (randomblob(3900))", -1, &stmt,
                           nullptr) != SQLITE_OK)
        return false;
    bool ok = true;
    for (int t = 0; ok && t < transactions; ++t) {
        ok = exec("BEGIN");
        for (int r = 0; ok && r < rowsEach; ++r) {
            ok = sqlite3_step(stmt) == SQLITE_DONE;
            if (!ok)
                qWarning() << "insert:" << sqlite3_errmsg(m_db);
            sqlite3_reset(stmt);
        }
        ok = ok && exec("COMMIT");
    }
    sqlite3_finalize(stmt);
    return ok;
}

void TestWalCheckpointer::copiesTheLogOnItsOwnThread() {
    WalCheckpointer checkpointer(m_path, 50);
    checkpointer.attach(m_db);
    // A failed check returns early: the connection must not call into a checkpointer gone.
    auto detach = qScopeGuard([&] { checkpointer.detach(m_db); });
    QMutex mutex;
    QStringList threads;
    int copiedEverything = 0;
    bool lastCopiedEverything = false;
    connect(
        &checkpointer, &WalCheckpointer::checkpointed, this,
        [&](int logPages, int copiedPages, bool failed) {
            QMutexLocker lock(&mutex);
            threads.append(QThread::currentThread()->objectName());
            lastCopiedEverything = !failed && copiedPages > 0 && copiedPages == logPages;
            if (lastCopiedEverything)
                ++copiedEverything;
        },
        Qt::DirectConnection);

    // The writer's own automatic checkpoint is replaced (the pragma reads 0 with a custom hook).
    sqlite3_stmt *stmt = nullptr;
    sqlite3_prepare_v2(m_db, "PRAGMA wal_autocheckpoint", -1, &stmt, nullptr);
    QCOMPARE(sqlite3_step(stmt), SQLITE_ROW);
    QCOMPARE(sqlite3_column_int(stmt, 0), 0);
    sqlite3_finalize(stmt);

    QVERIFY(writeRows(6, 4)); // about 40 pages: under the threshold, nothing is asked
    QTest::qWait(50);
    QCOMPARE(checkpointer.completed(), 0);

    QVERIFY(writeRows(4, 5)); // past 50 pages
    QTRY_VERIFY([&] {
        QMutexLocker lock(&mutex);
        return copiedEverything > 0;
    }());
    QCOMPARE(checkpointer.inlineCheckpoints(), 0);
    {
        QMutexLocker lock(&mutex);
        for (const QString &thread : std::as_const(threads))
            QCOMPARE(thread, QStringLiteral("checkpoint"));
    }
    // All copied, and no copy still reading the log (a loaded machine may run one more for
    // the last commits): the next commit starts the log again from its beginning.
    QTRY_VERIFY(checkpointer.idle());
    {
        QMutexLocker lock(&mutex);
        QVERIFY(lastCopiedEverything);
    }
    const qint64 grown = walBytes();
    QVERIFY(writeRows(1, 1));
    QCOMPARE(walBytes(), grown); // reused, not extended
    detach.dismiss();
    checkpointer.detach(m_db);
    QCOMPARE(rowCount(), 6 * 4 + 4 * 5 + 1);
}

// Commits back to back, with no pause in which the background copy could finish first: the
// log must still not hold everything written.
void TestWalCheckpointer::floodKeepsTheLogBounded() {
    WalCheckpointer checkpointer(m_path, 50);
    checkpointer.attach(m_db);
    auto detach = qScopeGuard([&] { checkpointer.detach(m_db); });
    QVERIFY(writeRows(1500, 2)); // about 3,000 pages, 12 MB
    detach.dismiss();
    checkpointer.detach(m_db);
    const qint64 written = 3000LL * 4096;
    QVERIFY2(walBytes() < written / 4, qPrintable(QStringLiteral("log %1 bytes, %2 written, %3 "
                                                                 "inline checkpoints")
                                                      .arg(walBytes())
                                                      .arg(written)
                                                      .arg(checkpointer.inlineCheckpoints())));
    QVERIFY(checkpointer.completed() + checkpointer.inlineCheckpoints() > 0);
    QCOMPARE(rowCount(), 3000);
    QVERIFY(exec("PRAGMA integrity_check"));
}

QTEST_GUILESS_MAIN(TestWalCheckpointer)
#include "tst_walcheckpointer.moc"
