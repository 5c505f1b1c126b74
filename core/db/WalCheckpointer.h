#pragma once

#include <QMutex>
#include <QObject>
#include <QThread>

#include <atomic>

struct sqlite3;

namespace sb {

class Metrics;

// Copies the store's write-ahead log back into the database on a thread and a connection of
// its own. SQLite's default does that copy inside whichever commit takes the log past 1,000
// pages, so about one webhook in a few thousand waited for it: 175-269 ms commits were
// measured over a 364 MB store, against about 2 ms for the others. Once attached, the store's
// connection never checkpoints in a commit; its WAL hook asks for a checkpoint here instead.
// A PASSIVE checkpoint takes no lock a writer needs, so commits go on while it copies. The log
// starts again from its beginning only when a commit finds it all copied and no copy running,
// so under a steady flood, where commits keep landing during each copy, it would grow without
// end: past `InlineFactor` times the threshold, the commit waits for the copy under way and
// copies the rest itself (only what came since, so it stays short).
class WalCheckpointer : public QObject {
    Q_OBJECT
public:
    explicit WalCheckpointer(QString databasePath, int thresholdPages = 1000);
    ~WalCheckpointer() override; // waits for a checkpoint under way, then closes its connection

    // Replaces `connection`'s automatic checkpoint with a request here. On the thread that
    // owns `connection`; detach() before the checkpointer or the connection goes.
    void attach(sqlite3 *connection);
    void detach(sqlite3 *connection);
    // Any thread: a checkpoint soon, unless one is already queued or running.
    void request();
    // Any thread: where each checkpoint's duration is recorded
    // (switchboard_store_checkpoint_seconds).
    void setMetrics(Metrics *metrics) { m_metrics = metrics; }

    static constexpr int InlineFactor = 8;
    int threshold() const { return m_threshold; }
    int completed() const { return m_completed.load(); }
    int inlineCheckpoints() const { return m_inline.load(); }
    // No checkpoint queued or copying now (a test waits for this before reading the log).
    bool idle();

Q_SIGNALS:
    // After each checkpoint, on the checkpointer's thread: the log's length in pages, how many
    // of them are now in the database (all of them unless commits raced it), and whether it
    // failed (the error is logged; the log stays, and the next commit asks again).
    void checkpointed(int logPages, int copiedPages, bool failed);

private:
    static int onWalCommit(void *self, sqlite3 *connection, const char *database, int pages);
    void committed(sqlite3 *connection, int pages); // on the writer's thread, after a commit
    void checkpoint();                              // on m_thread
    bool openConnection();                          // on m_thread
    struct Copy {
        int result = 0; // SQLITE_OK, SQLITE_BUSY, ...
        int logPages = 0;
        int copiedPages = 0;
        qint64 nanoseconds = 0;
    };
    static Copy copyLog(sqlite3 *connection); // one PASSIVE checkpoint, timed

    QString m_path;
    int m_threshold;
    QThread m_thread;
    QObject m_context;               // lives on m_thread: queued checkpoints run there
    sqlite3 *m_connection = nullptr; // opened on m_thread at the first checkpoint
    QMutex m_copying;                // one copy at a time: the background's or the commit's
    std::atomic<bool> m_pending{false};
    // The log's length when a commit copied it itself: no background copy until the log is
    // shorter (it started again); 0 when none is held off.
    std::atomic<int> m_holdOffAbove{0};
    std::atomic<int> m_copiedLog{0}; // the log's length at the last background copy
    std::atomic<int> m_inline{0};
    std::atomic<int> m_completed{0};
    std::atomic<Metrics *> m_metrics{nullptr};
};

} // namespace sb
