#pragma once

#include <QHash>
#include <QString>

#include <functional>

namespace sb {

// A token bucket per client of the local API: each client may make `burst` requests at once and
// `ratePerSecond` a second after that. take() answers 0 when the request may go, else the
// whole seconds to wait (for Retry-After). The clock is passed in (milliseconds, monotonic) so
// tests need not sleep. Buckets untouched long enough to be full again are forgotten, so a
// stream of distinct clients cannot grow the table without bound.
class TokenBucketLimiter {
public:
    using Clock = std::function<qint64()>;

    TokenBucketLimiter(double ratePerSecond, int burst, Clock nowMs);

    // 0: allowed (a token was taken); otherwise seconds until a token is there, at least 1.
    int take(const QString &client);
    bool enabled() const { return m_rate > 0 && m_burst > 0; }

private:
    struct Bucket {
        double tokens = 0;
        qint64 updatedMs = 0;
    };
    void forgetFullBuckets(qint64 now);

    double m_rate;
    int m_burst;
    Clock m_now;
    QHash<QString, Bucket> m_buckets;
    qint64 m_lastSweepMs = 0;
};

} // namespace sb
