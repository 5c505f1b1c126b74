#include "WalCheckpointer.h"

#include "common/Logging.h"
#include "common/Metrics.h"

#include <sqlite3.h>

#include <QElapsedTimer>

namespace sb {

WalCheckpointer::WalCheckpointer(QString databasePath, int thresholdPages)
    : m_path(std::move(databasePath))
    , m_threshold(qMax(1, thresholdPages)) {
    m_context.moveToThread(&m_thread);
    m_thread.setObjectName(QStringLiteral("checkpoint"));
    m_thread.start();
}

WalCheckpointer::~WalCheckpointer() {
    QMetaObject::invokeMethod(
        &m_context,
        [this] {
            if (m_connection)
                sqlite3_close_v2(m_connection);
            m_connection = nullptr;
        },
        Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void WalCheckpointer::attach(sqlite3 *connection) {
    // Replaces the hook sqlite3_wal_autocheckpoint() installs: the commit no longer copies.
    sqlite3_wal_hook(connection, &WalCheckpointer::onWalCommit, this);
}

void WalCheckpointer::detach(sqlite3 *connection) {
    sqlite3_wal_hook(connection, nullptr, nullptr);
}

int WalCheckpointer::onWalCommit(void *self, sqlite3 *connection, const char *, int pages) {
    static_cast<WalCheckpointer *>(self)->committed(connection, pages);
    return SQLITE_OK;
}

void WalCheckpointer::committed(sqlite3 *connection, int pages) {
    const int heldAbove = m_holdOffAbove.load();
    if (heldAbove > 0 && pages < heldAbove)
        m_holdOffAbove = 0; // shorter than when the commit copied it: the log started again
    if (pages < m_threshold) {
        m_copiedLog = 0;
        return;
    }
    if (pages < m_threshold * InlineFactor) {
        // While the log does not start again (commits raced the last copy), only every
        // quarter threshold of new pages is worth a copy: not one per commit.
        if (m_holdOffAbove.load() == 0 && pages - m_copiedLog.load() >= m_threshold / 4)
            request();
        return;
    }
    // The background copies keep racing the commits, and the log cannot start again while one
    // runs: wait for it, copy what is left here, and keep the background off until the next
    // commit has started the log again.
    QMutexLocker lock(&m_copying);
    m_holdOffAbove = pages;
    const Copy copy = copyLog(connection);
    if (copy.result == SQLITE_OK) {
        ++m_inline;
        qCDebug(lcStore) << "checkpoint in the commit:" << copy.copiedPages << "of" << copy.logPages
                         << "pages in" << copy.nanoseconds / 1000000 << "ms";
    } else {
        qCDebug(lcStore) << "checkpoint in the commit:" << sqlite3_errmsg(connection);
    }
}

WalCheckpointer::Copy WalCheckpointer::copyLog(sqlite3 *connection) {
    Copy copy;
    QElapsedTimer timer;
    timer.start();
    copy.result = sqlite3_wal_checkpoint_v2(connection, nullptr, SQLITE_CHECKPOINT_PASSIVE,
                                            &copy.logPages, &copy.copiedPages);
    copy.nanoseconds = timer.nsecsElapsed();
    return copy;
}

bool WalCheckpointer::idle() {
    if (m_pending.load() || !m_copying.tryLock())
        return false;
    m_copying.unlock();
    return !m_pending.load();
}

void WalCheckpointer::request() {
    if (m_pending.exchange(true))
        return;
    QMetaObject::invokeMethod(
        &m_context, [this] { checkpoint(); }, Qt::QueuedConnection);
}

bool WalCheckpointer::openConnection() {
    sqlite3 *connection = nullptr;
    if (sqlite3_open_v2(m_path.toUtf8().constData(), &connection,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
        qCWarning(lcStore).noquote()
            << "the checkpoint connection cannot open:"
            << QString::fromUtf8(connection ? sqlite3_errmsg(connection) : "no memory");
        sqlite3_close_v2(connection);
        return false;
    }
    // A new connection opens the log only when it first reads; until then a checkpoint finds
    // no log (-1 pages) and copies nothing.
    char *message = nullptr;
    if (sqlite3_exec(connection, "PRAGMA journal_mode", nullptr, nullptr, &message) != SQLITE_OK) {
        qCWarning(lcStore).noquote() << "the checkpoint connection cannot read the database:"
                                     << QString::fromUtf8(message ? message : "unknown");
        sqlite3_free(message);
        sqlite3_close_v2(connection);
        return false;
    }
    m_connection = connection;
    return true;
}

void WalCheckpointer::checkpoint() {
    // Cleared first: a commit during the copy asks again, so what it added is not left behind.
    m_pending = false;
    QMutexLocker lock(&m_copying);
    if (m_holdOffAbove.load() > 0)
        return;
    if (!m_connection && !openConnection()) {
        Q_EMIT checkpointed(0, 0, true);
        return;
    }
    const Copy copy = copyLog(m_connection);
    const int logPages = copy.logPages;
    const int copiedPages = copy.copiedPages;
    if (copy.result == SQLITE_BUSY) {
        // The writer was starting the log again (or the store closing): nothing lost, the
        // next commit past the threshold asks again.
        qCDebug(lcStore) << "checkpoint: busy";
        return;
    }
    const bool failed = copy.result != SQLITE_OK || logPages < 0; // -1: not in WAL mode
    if (failed) {
        qCWarning(lcStore).noquote()
            << "checkpoint failed:" << QString::fromUtf8(sqlite3_errmsg(m_connection));
    } else {
        m_copiedLog = logPages;
        ++m_completed;
        if (Metrics *metrics = m_metrics.load())
            metrics->observe(QStringLiteral("switchboard_store_checkpoint_seconds"),
                             copy.nanoseconds / 1e9);
        qCDebug(lcStore) << "checkpoint:" << copiedPages << "of" << logPages << "pages in"
                         << copy.nanoseconds / 1000000 << "ms";
    }
    Q_EMIT checkpointed(logPages, copiedPages, failed);
}

} // namespace sb
