#include "reconcile/RecheckSchedule.h"

#include <QtTest>

using namespace sb;

// When the reconcilers ask Twilio about a message or call again: a record still in progress
// waits afterMs, then twice as long each time up to giveUpAfterMs; one Twilio does not know
// waits giveUpAfterMs; a final one is forgotten; a pass asks about maxPerPass at most, oldest
// first, skipping those still waiting.
class TestRecheckSchedule : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void backOffDoubles_data();
    void backOffDoubles();
    void passTakesOnlyWhatIsDue();
    void givenUpAndForgotten();
    void passInterval_data();
    void passInterval();

private:
    const QDateTime m_t0 = QDateTime(QDate(2026, 11, 27), QTime(9, 0), Qt::UTC);
};

void TestRecheckSchedule::backOffDoubles_data() {
    QTest::addColumn<qint64>("afterMs");
    QTest::addColumn<qint64>("giveUpAfterMs");
    QTest::addColumn<QList<qint64>>("waits"); // after each later(), in order
    QTest::newRow("five minutes, doubling") << qint64(300000) << qint64(72 * 3600 * 1000LL)
                                            << QList<qint64>{300000, 600000, 1200000, 2400000};
    QTest::newRow("capped at the give-up age")
        << qint64(1000) << qint64(5000) << QList<qint64>{1000, 2000, 4000, 5000, 5000};
}

void TestRecheckSchedule::backOffDoubles() {
    QFETCH(qint64, afterMs);
    QFETCH(qint64, giveUpAfterMs);
    QFETCH(QList<qint64>, waits);
    RecheckSchedule schedule({afterMs, giveUpAfterMs, 20});
    QVERIFY(!schedule.nextAt(QStringLiteral("SM1")).isValid());
    QDateTime now = m_t0;
    for (const qint64 wait : waits) {
        schedule.later(QStringLiteral("SM1"), now);
        const QDateTime next = schedule.nextAt(QStringLiteral("SM1"));
        QCOMPARE(now.msecsTo(next), wait);
        // Not due a millisecond before, due at the time.
        QVERIFY(schedule.due({QStringLiteral("SM1")}, next.addMSecs(-1)).isEmpty());
        QCOMPARE(schedule.due({QStringLiteral("SM1")}, next), QStringList{QStringLiteral("SM1")});
        now = next;
    }
}

void TestRecheckSchedule::passTakesOnlyWhatIsDue() {
    RecheckSchedule schedule({1000, 60000, 3});
    const QStringList oldestFirst{QStringLiteral("SM1"), QStringLiteral("SM2"),
                                  QStringLiteral("SM3"), QStringLiteral("SM4"),
                                  QStringLiteral("SM5")};
    QCOMPARE(schedule.due(oldestFirst, m_t0),
             (QStringList{QStringLiteral("SM1"), QStringLiteral("SM2"), QStringLiteral("SM3")}));
    schedule.later(QStringLiteral("SM1"), m_t0);
    schedule.later(QStringLiteral("SM3"), m_t0);
    QCOMPARE(schedule.due(oldestFirst, m_t0.addMSecs(500)),
             (QStringList{QStringLiteral("SM2"), QStringLiteral("SM4"), QStringLiteral("SM5")}));
    QCOMPARE(schedule.due(oldestFirst, m_t0.addMSecs(1000)),
             (QStringList{QStringLiteral("SM1"), QStringLiteral("SM2"), QStringLiteral("SM3")}));
}

void TestRecheckSchedule::givenUpAndForgotten() {
    RecheckSchedule schedule({1000, 60000, 20});
    // Not this account's (404): left alone for the give-up age, however often passes run.
    schedule.giveUp(QStringLiteral("CA404"), m_t0);
    QCOMPARE(m_t0.msecsTo(schedule.nextAt(QStringLiteral("CA404"))), qint64(60000));
    QVERIFY(schedule.due({QStringLiteral("CA404")}, m_t0.addMSecs(59999)).isEmpty());
    // Final: forgotten, so a later change starts from the first wait again.
    schedule.later(QStringLiteral("CA1"), m_t0);
    schedule.later(QStringLiteral("CA1"), m_t0);
    QCOMPARE(m_t0.msecsTo(schedule.nextAt(QStringLiteral("CA1"))), qint64(2000));
    schedule.forget(QStringLiteral("CA1"));
    QVERIFY(!schedule.nextAt(QStringLiteral("CA1")).isValid());
    QCOMPARE(schedule.due({QStringLiteral("CA1")}, m_t0), QStringList{QStringLiteral("CA1")});
    schedule.later(QStringLiteral("CA1"), m_t0);
    QCOMPARE(m_t0.msecsTo(schedule.nextAt(QStringLiteral("CA1"))), qint64(1000));
}

void TestRecheckSchedule::passInterval_data() {
    QTest::addColumn<qint64>("afterMs");
    QTest::addColumn<int>("intervalMs");
    QTest::newRow("default five minutes: a pass a minute") << qint64(300000) << 60000;
    QTest::newRow("a minute: every 15 s") << qint64(60000) << 15000;
    QTest::newRow("two seconds: not under a second") << qint64(2000) << 1000;
    QTest::newRow("an hour: still a pass a minute") << qint64(3600000) << 60000;
}

void TestRecheckSchedule::passInterval() {
    QFETCH(qint64, afterMs);
    QFETCH(int, intervalMs);
    QCOMPARE(RecheckSchedule::passIntervalMs(afterMs), intervalMs);
}

QTEST_GUILESS_MAIN(TestRecheckSchedule)
#include "tst_recheckschedule.moc"
