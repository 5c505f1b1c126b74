#include "api/TokenBucketLimiter.h"

#include <QtTest>

#include <memory>

using namespace sb;

// The local API's token bucket on an injected clock: a burst at once, then the rate, a
// Retry-After that is the real wait, one bucket per client, and 0 turning the limit off.
class TestTokenBucket : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void burstThenRefusedWithTheWait();
    void refillsAtTheRate();
    void clientsHaveTheirOwnBuckets();
    void zeroTurnsItOff_data();
    void zeroTurnsItOff();
    void idleClientsAreForgottenFull();
};

void TestTokenBucket::burstThenRefusedWithTheWait() {
    qint64 now = 0;
    TokenBucketLimiter limiter(0.5, 3, [&] { return now; });
    for (int i = 0; i < 3; ++i)
        QCOMPARE(limiter.take(QStringLiteral("a")), 0);
    // One token every 2 s: the fourth request must wait 2 s.
    QCOMPARE(limiter.take(QStringLiteral("a")), 2);
    now += 1000;
    QCOMPARE(limiter.take(QStringLiteral("a")), 1); // half a token there: 1 s to go
}

void TestTokenBucket::refillsAtTheRate() {
    qint64 now = 0;
    TokenBucketLimiter limiter(10, 2, [&] { return now; });
    QCOMPARE(limiter.take(QStringLiteral("a")), 0);
    QCOMPARE(limiter.take(QStringLiteral("a")), 0);
    QVERIFY(limiter.take(QStringLiteral("a")) > 0);
    now += 100; // one token at 10/s
    QCOMPARE(limiter.take(QStringLiteral("a")), 0);
    QVERIFY(limiter.take(QStringLiteral("a")) > 0);
    now += 60'000; // never more than the burst, however long the wait
    QCOMPARE(limiter.take(QStringLiteral("a")), 0);
    QCOMPARE(limiter.take(QStringLiteral("a")), 0);
    QVERIFY(limiter.take(QStringLiteral("a")) > 0);
}

void TestTokenBucket::clientsHaveTheirOwnBuckets() {
    qint64 now = 0;
    TokenBucketLimiter limiter(1, 1, [&] { return now; });
    QCOMPARE(limiter.take(QStringLiteral("a")), 0);
    QCOMPARE(limiter.take(QStringLiteral("a")), 1);
    QCOMPARE(limiter.take(QStringLiteral("b")), 0);
}

void TestTokenBucket::zeroTurnsItOff_data() {
    QTest::addColumn<double>("rate");
    QTest::addColumn<int>("burst");
    QTest::newRow("rate 0") << 0.0 << 5;
    QTest::newRow("burst 0") << 5.0 << 0;
}

void TestTokenBucket::zeroTurnsItOff() {
    QFETCH(double, rate);
    QFETCH(int, burst);
    TokenBucketLimiter limiter(rate, burst, [] { return qint64(0); });
    QVERIFY(!limiter.enabled());
    for (int i = 0; i < 1000; ++i)
        QCOMPARE(limiter.take(QStringLiteral("a")), 0);
}

void TestTokenBucket::idleClientsAreForgottenFull() {
    // A forgotten bucket comes back full, which is what it would have refilled to anyway: the
    // sweep must never let a client through faster than its bucket would.
    qint64 now = 0;
    TokenBucketLimiter limiter(1, 2, [&] { return now; });
    QCOMPARE(limiter.take(QStringLiteral("a")), 0);
    QCOMPARE(limiter.take(QStringLiteral("a")), 0);
    QCOMPARE(limiter.take(QStringLiteral("a")), 1);
    now += 1500; // 1.5 tokens: not yet full, so not forgotten
    QCOMPARE(limiter.take(QStringLiteral("b")), 0);
    QCOMPARE(limiter.take(QStringLiteral("a")), 0);
    QVERIFY(limiter.take(QStringLiteral("a")) > 0);
}

QTEST_GUILESS_MAIN(TestTokenBucket)
#include "tst_tokenbucket.moc"
