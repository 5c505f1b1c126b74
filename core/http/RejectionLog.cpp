#include "RejectionLog.h"

#include <QThread>

namespace sb {

namespace {

// One line per rejection, whatever the client put in it.
QString printable(const QString &text, int maxLength) {
    QString out;
    out.reserve(qMin<qsizetype>(text.size(), maxLength) + 3);
    for (QChar c : text) {
        if (out.size() >= maxLength) {
            out += QStringLiteral("...");
            break;
        }
        out += c.isPrint() ? c : QChar(u'?');
    }
    return out;
}

// Everything since the last line written for the kind.
QString summary(const QString &kind, qint64 count, qint64 sinceMs, const QString &example) {
    return QStringLiteral("rejected %1: %2 more in the last %3 s, e.g. %4")
        .arg(kind)
        .arg(count)
        .arg(QString::number(double(sinceMs) / 1000, 'f', 1), example);
}

} // namespace

RejectionLog::RejectionLog(const QLoggingCategory &category, std::chrono::milliseconds interval,
                           QObject *parent)
    : QObject(parent)
    , m_category(category)
    , m_intervalMs(qMax<qint64>(1, interval.count()))
    , m_timer(this) { // a child, so it follows moveToThread()
    m_clock.start();
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] { flushDue(false); });
}

RejectionLog::~RejectionLog() {
    flush();
}

void RejectionLog::setSink(Sink sink) {
    QMutexLocker lock(&m_mutex);
    m_sink = std::move(sink);
}

void RejectionLog::note(const QString &givenKind, const QString &example) {
    QString line;
    {
        QMutexLocker lock(&m_mutex);
        const QString kind = m_kinds.contains(givenKind) || m_kinds.size() < MaxKinds
                                 ? givenKind
                                 : QStringLiteral("other");
        Kind &entry = m_kinds[kind];
        const qint64 now = nowMs();
        const bool windowOver =
            entry.windowStartMs < 0 || now - entry.windowStartMs >= m_intervalMs;
        if (!windowOver) {
            if (entry.suppressed++ == 0) {
                entry.example = printable(example, MaxExampleLength);
                scheduleFlush(entry.windowStartMs + m_intervalMs - now);
            }
            return;
        }
        // A summary that is due and this rejection make one line.
        if (entry.suppressed > 0)
            line = summary(kind, entry.suppressed + 1, now - entry.windowStartMs, entry.example);
        else
            line =
                QStringLiteral("rejected %1: %2").arg(kind, printable(example, MaxExampleLength));
        entry.windowStartMs = now;
        entry.suppressed = 0;
        entry.example.clear();
    }
    write(line);
}

void RejectionLog::flush() {
    flushDue(true);
}

void RejectionLog::flushDue(bool all) {
    QStringList lines;
    qint64 nextDue = -1;
    {
        QMutexLocker lock(&m_mutex);
        const qint64 now = nowMs();
        for (auto it = m_kinds.begin(); it != m_kinds.end(); ++it) {
            Kind &entry = it.value();
            if (entry.suppressed == 0)
                continue;
            const qint64 due = entry.windowStartMs + m_intervalMs;
            if (!all && now < due) {
                nextDue = nextDue < 0 ? due : qMin(nextDue, due);
                continue;
            }
            lines << summary(it.key(), entry.suppressed, now - entry.windowStartMs, entry.example);
            // The window restarts now: under a steady flood, one line per interval.
            entry.windowStartMs = now;
            entry.suppressed = 0;
            entry.example.clear();
        }
        if (nextDue >= 0)
            scheduleFlush(nextDue - now);
    }
    for (const QString &line : std::as_const(lines))
        write(line);
}

void RejectionLog::write(const QString &line) {
    Sink sink;
    {
        QMutexLocker lock(&m_mutex);
        sink = m_sink;
    }
    if (sink)
        sink(line);
    else
        qCInfo(m_category).noquote() << line;
}

void RejectionLog::scheduleFlush(qint64 inMs) {
    const int delay = int(qBound<qint64>(0, inMs, m_intervalMs));
    if (QThread::currentThread() == thread()) {
        if (!m_timer.isActive() || m_timer.remainingTime() > delay)
            m_timer.start(delay);
        return;
    }
    QMetaObject::invokeMethod(
        this,
        [this, delay] {
            if (!m_timer.isActive() || m_timer.remainingTime() > delay)
                m_timer.start(delay);
        },
        Qt::QueuedConnection);
}

} // namespace sb
