#include "MessagePoller.h"

#include "messaging/StatusReconciler.h"

#include <QTimer>

#include <utility>

namespace sb {

MessagePoller::MessagePoller(StatusReconciler *reconciler, Options options, QObject *parent)
    : QObject(parent)
    , m_reconciler(reconciler)
    , m_options(options)
    , m_timer(new QTimer(this))
    , m_intervalMs(options.minMs) {
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &MessagePoller::pollNow);
    connect(m_reconciler, &StatusReconciler::polled, this, &MessagePoller::finished);
}

void MessagePoller::start() {
    m_intervalMs = m_options.minMs;
    m_timer->start(m_intervalMs);
}

void MessagePoller::nudge() {
    m_intervalMs = m_options.minMs;
    m_nudged = m_polling; // a poll under way re-arms the timer with this interval when it ends
    if (!m_polling && m_timer->remainingTime() > m_intervalMs)
        m_timer->start(m_intervalMs);
}

void MessagePoller::pollNow() {
    m_polling = true;
    m_reconciler->poll();
}

void MessagePoller::finished(int listed, int fixed, int arrived) {
    if (!m_polling)
        return; // the reconciler's own listing, not ours
    m_polling = false;
    const bool news = fixed + arrived > 0 || std::exchange(m_nudged, false);
    m_intervalMs = news ? m_options.minMs : qMin(m_intervalMs * 2, m_options.maxMs);
    m_timer->start(m_intervalMs);
    Q_EMIT polled(listed, fixed, arrived, m_intervalMs);
}

} // namespace sb
