#pragma once

#include <QObject>

class QTimer;

namespace sb {

class StatusReconciler;

// Polling mode (ReceiveMode::Polling): Twilio cannot reach this console, so what its webhooks
// would bring is asked for instead — StatusReconciler::poll(), the newest messages Twilio
// lists. The wait between polls doubles after each one that found nothing new, from
// Options::minMs up to Options::maxMs (so an idle console makes two requests a minute, far
// within Twilio's rate limits), and drops back to the minimum when a poll found news or the
// console just sent something (nudge()). Lives on the network thread next to the reconciler.
class MessagePoller : public QObject {
    Q_OBJECT
public:
    struct Options {
        int minMs = 2000;
        int maxMs = 30000;
    };
    MessagePoller(StatusReconciler *reconciler, Options options, QObject *parent = nullptr);

    void start();
    // Something was just sent: its statuses are due soon, so poll at the shortest wait again.
    void nudge();
    int intervalMs() const { return m_intervalMs; }

Q_SIGNALS:
    // A poll ended: what it listed, corrected and stored, and the wait before the next one.
    void polled(int listed, int fixed, int arrived, int nextMs);

private:
    void pollNow();
    void finished(int listed, int fixed, int arrived);

    StatusReconciler *m_reconciler;
    Options m_options;
    QTimer *m_timer;
    int m_intervalMs;
    bool m_polling = false;
    bool m_nudged = false; // while a poll was under way
};

} // namespace sb
