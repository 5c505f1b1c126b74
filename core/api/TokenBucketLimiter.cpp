#include "TokenBucketLimiter.h"

#include <algorithm>
#include <cmath>

namespace sb {

TokenBucketLimiter::TokenBucketLimiter(double ratePerSecond, int burst, Clock nowMs)
    : m_rate(ratePerSecond)
    , m_burst(burst)
    , m_now(std::move(nowMs)) {}

int TokenBucketLimiter::take(const QString &client) {
    if (!enabled())
        return 0;
    const qint64 now = m_now();
    forgetFullBuckets(now);
    auto it = m_buckets.find(client);
    if (it == m_buckets.end())
        it = m_buckets.insert(client, Bucket{double(m_burst), now});
    Bucket &bucket = *it;
    const double refill = double(std::max<qint64>(0, now - bucket.updatedMs)) * m_rate / 1000.0;
    bucket.tokens = std::min(double(m_burst), bucket.tokens + refill);
    bucket.updatedMs = now;
    if (bucket.tokens >= 1.0) {
        bucket.tokens -= 1.0;
        return 0;
    }
    return std::max(1, int(std::ceil((1.0 - bucket.tokens) / m_rate)));
}

void TokenBucketLimiter::forgetFullBuckets(qint64 now) {
    // A bucket is full again after burst/rate seconds; sweep at most that often.
    const qint64 fullAfterMs = qint64(std::ceil(double(m_burst) * 1000.0 / m_rate));
    if (now - m_lastSweepMs < fullAfterMs)
        return;
    m_lastSweepMs = now;
    m_buckets.removeIf([&](QHash<QString, Bucket>::iterator it) {
        return now - it.value().updatedMs >= fullAfterMs;
    });
}

} // namespace sb
