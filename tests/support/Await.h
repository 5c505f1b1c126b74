#pragma once

#include <QEventLoop>
#include <QTimer>

#include <functional>
#include <optional>

namespace sbtest {

// Runs the event loop until the asynchronous call under test reports back (or 10 s pass).
// Usage: auto r = await<StoreResult<X>>([&](auto done) { store.thing(args, &ctx, done); });
template <typename Result>
std::optional<Result> await(const std::function<void(std::function<void(const Result &)>)> &start,
                            int timeoutMs = 10000) {
    std::optional<Result> result;
    QEventLoop loop;
    start([&](const Result &r) {
        result = r;
        loop.quit();
    });
    if (!result) {
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return result;
}

} // namespace sbtest
