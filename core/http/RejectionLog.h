#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QLoggingCategory>
#include <QMutex>
#include <QObject>
#include <QString>
#include <QTimer>

#include <chrono>
#include <functional>

namespace sb {

// Logs refused requests without letting a flood of them fill the disk: the first rejection of
// a kind is logged at once, later ones of that kind are counted and summarised in at most one
// line per interval, with one example ("403 responses: 5120 more in the last 10 s, e.g. ...").
// A kind that has been quiet for a whole interval is logged at once again.
//
// Use one per server for everything it refuses: framing errors, oversized requests, timeouts,
// connection caps, failed signatures, bad tokens. note() may be called from any thread; the
// summaries are written from the thread this object lives on (it needs an event loop there).
// Callers must keep secrets out of `example` (no header values, no bodies).
class RejectionLog : public QObject {
    Q_OBJECT
public:
    using Sink = std::function<void(const QString &line)>;

    // One summary line per kind per interval at most: a few lines a minute under any flood.
    static constexpr std::chrono::milliseconds DefaultInterval{10'000};
    // Kinds beyond this many (a caller passing something unbounded) are counted as "other".
    static constexpr int MaxKinds = 64;
    static constexpr int MaxExampleLength = 200;

    // Lines go to `category` at info level.
    explicit RejectionLog(const QLoggingCategory &category,
                          std::chrono::milliseconds interval = DefaultInterval,
                          QObject *parent = nullptr);
    ~RejectionLog() override;

    void note(const QString &kind, const QString &example);
    // Writes pending summaries now (also done on destruction).
    void flush();

    // For tests: where lines go instead of the logging category.
    void setSink(Sink sink);

private:
    struct Kind {
        qint64 windowStartMs = -1; // when the last line for this kind was written
        qint64 suppressed = 0;     // rejections since then, not yet written
        QString example;
    };
    void flushDue(bool all);
    void write(const QString &line);
    void scheduleFlush(qint64 inMs);
    qint64 nowMs() const { return m_clock.elapsed(); }

    const QLoggingCategory &m_category;
    const qint64 m_intervalMs;
    QElapsedTimer m_clock;
    QMutex m_mutex;
    QHash<QString, Kind> m_kinds;
    Sink m_sink;
    QTimer m_timer;
};

} // namespace sb
