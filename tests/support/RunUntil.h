#pragma once

#include <QEventLoop>
#include <QTimer>

#include <functional>

namespace sbtest {

// Runs the event loop until `done()` holds or `timeoutMs` pass, checking every `pollMs`.
// Unlike processEvents(WaitForMoreEvents, ms), which ignores that flag and returns at once when
// idle, and QTest::qWaitFor, which sleeps 10 ms at a time with the loop stopped, it waits in
// the event loop: nothing spins, and events are handled when they come, so the benches and
// the soak that use it measure the console, not the wait. Returns whether `done()` held.
inline bool runUntil(const std::function<bool()> &done, int timeoutMs, int pollMs = 5) {
    if (done())
        return true;
    QEventLoop loop;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (done())
            loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    poll.start(pollMs);
    loop.exec();
    return done();
}

} // namespace sbtest
