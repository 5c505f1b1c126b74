#include "whatsapp/ServiceWindow.h"

#include <QtTest>

using sb::ServiceWindow;
using State = ServiceWindow::State;
using namespace std::chrono_literals;

// WhatsApp's 24-hour customer-service window on an injected clock: the boundary to the second,
// no inbound message at all, a last message from the future, and the countdown the compose
// area shows.
class TestServiceWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void boundary_data();
    void boundary();
    void neverOpened();
    void messageFromTheFuture();
    void countdownText_data();
    void countdownText();
    void followsTheInjectedClock();
    void reasonMeansTwilio63016();

private:
    const QDateTime m_inbound{QDate(2026, 11, 25), QTime(9, 30, 0), Qt::UTC};
};

void TestServiceWindow::boundary_data() {
    QTest::addColumn<qint64>("secondsAfterInbound");
    QTest::addColumn<int>("state");
    QTest::addColumn<qint64>("remainingMs");

    const qint64 day = 24 * 3600;
    QTest::newRow("the moment it arrives") << qint64(0) << int(State::Open) << day * 1000;
    QTest::newRow("1 s after") << qint64(1) << int(State::Open) << (day - 1) * 1000;
    QTest::newRow("23:59:00") << day - 60 << int(State::Open) << qint64(60000);
    QTest::newRow("23:59:59") << day - 1 << int(State::Open) << qint64(1000);
    QTest::newRow("24:00:00 exactly") << day << int(State::Closed) << qint64(0);
    QTest::newRow("24:00:01") << day + 1 << int(State::Closed) << qint64(0);
    QTest::newRow("24:01:00") << day + 60 << int(State::Closed) << qint64(0);
    QTest::newRow("a week later") << 7 * day << int(State::Closed) << qint64(0);
}

void TestServiceWindow::boundary() {
    QFETCH(qint64, secondsAfterInbound);
    QFETCH(int, state);
    QFETCH(qint64, remainingMs);
    const QDateTime now = m_inbound.addSecs(secondsAfterInbound);
    const ServiceWindow::Reading r = ServiceWindow::at(m_inbound, now);
    QCOMPARE(int(r.state), state);
    QCOMPARE(r.isOpen(), state == int(State::Open));
    QCOMPARE(r.closesAt, m_inbound.addSecs(24 * 3600));
    QCOMPARE(r.remaining.count(), remainingMs);
    QCOMPARE(r.closedFor.count(),
             r.isOpen() ? qint64(0) : (secondsAfterInbound - 24 * 3600) * 1000);
    QCOMPARE(r.reason().isEmpty(), r.isOpen());
    QVERIFY(!r.clockSkew);
}

void TestServiceWindow::neverOpened() {
    const QDateTime now = m_inbound;
    const ServiceWindow::Reading r = ServiceWindow::at(QDateTime(), now);
    QCOMPARE(r.state, State::NeverOpened);
    QVERIFY(!r.isOpen());
    QVERIFY(!r.closesAt.isValid());
    QCOMPARE(r.remaining, 0ms);
    QCOMPARE(r.closedFor, 0ms);
    QVERIFY(r.reason().contains(QStringLiteral("approved template")));
    QVERIFY(r.reason().contains(QStringLiteral("not written")));
    QCOMPARE(r.countdownText(), QStringLiteral("no message from the customer yet"));

    ServiceWindow window([now] { return now; });
    QVERIFY(!window.isOpen());
    QVERIFY(!window.lastInbound().isValid());
}

void TestServiceWindow::messageFromTheFuture() {
    // Our clock is 5 minutes behind the one that stamped the message: the customer has just
    // written, so the window is open with a full 24 hours, never more.
    const QDateTime now = m_inbound.addSecs(-300);
    const ServiceWindow::Reading r = ServiceWindow::at(m_inbound, now);
    QVERIFY(r.clockSkew);
    QCOMPARE(r.state, State::Open);
    QCOMPARE(r.remaining, std::chrono::milliseconds(24h));
    QCOMPARE(r.closesAt, now.addSecs(24 * 3600));
    QCOMPARE(r.countdownText(), QStringLiteral("24 h 0 min left"));
    QCOMPARE(r.lastInbound, m_inbound); // as given

    // Far in the future (a broken timestamp) is capped the same way.
    const ServiceWindow::Reading far = ServiceWindow::at(m_inbound.addDays(30), m_inbound);
    QVERIFY(far.isOpen());
    QCOMPARE(far.remaining, std::chrono::milliseconds(24h));
}

void TestServiceWindow::countdownText_data() {
    QTest::addColumn<qint64>("secondsAfterInbound");
    QTest::addColumn<QString>("text");

    const qint64 h = 3600;
    QTest::newRow("just arrived") << qint64(0) << "24 h 0 min left";
    QTest::newRow("1 s later") << qint64(1) << "23 h 59 min left";
    QTest::newRow("1 min later") << qint64(60) << "23 h 59 min left";
    QTest::newRow("61 s later") << qint64(61) << "23 h 58 min left";
    QTest::newRow("23 h in: exactly 1 h left") << 23 * h << "1 h 0 min left";
    QTest::newRow("59 min 59 s left") << 23 * h + 1 << "closes in 59 min";
    QTest::newRow("4 min left") << 24 * h - 240 << "closes in 4 min";
    QTest::newRow("4 min 59 s left") << 24 * h - 299 << "closes in 4 min";
    QTest::newRow("1 min left") << 24 * h - 60 << "closes in 1 min";
    QTest::newRow("59 s left") << 24 * h - 59 << "closes in less than a minute";
    QTest::newRow("1 s left (23:59:59)") << 24 * h - 1 << "closes in less than a minute";
    QTest::newRow("closed at this instant") << 24 * h << "closed just now";
    QTest::newRow("24:00:01") << 24 * h + 1 << "closed just now";
    QTest::newRow("24:01:00") << 24 * h + 60 << "closed 1 min ago";
    QTest::newRow("closed 59 min ago") << 25 * h - 60 << "closed 59 min ago";
    QTest::newRow("closed 3 h ago") << 27 * h << "closed 3 h ago";
    QTest::newRow("closed 3 h 59 min ago") << 28 * h - 60 << "closed 3 h ago";
    QTest::newRow("closed 47 h ago") << 71 * h << "closed 47 h ago";
    QTest::newRow("closed 2 days ago") << 72 * h << "closed 2 days ago";
    QTest::newRow("closed 9 days ago") << 24 * 10 * h << "closed 9 days ago";
}

void TestServiceWindow::countdownText() {
    QFETCH(qint64, secondsAfterInbound);
    QFETCH(QString, text);
    QCOMPARE(ServiceWindow::at(m_inbound, m_inbound.addSecs(secondsAfterInbound)).countdownText(),
             text);
}

void TestServiceWindow::followsTheInjectedClock() {
    QDateTime now = m_inbound.addSecs(10);
    ServiceWindow window([&now] { return now; });
    window.setLastInbound(m_inbound);
    QCOMPARE(window.lastInbound(), m_inbound);
    QVERIFY(window.isOpen());
    QCOMPARE(window.closesAt(), m_inbound.addDays(1));
    QCOMPARE(window.remaining(), std::chrono::milliseconds(24h - 10s));

    now = m_inbound.addSecs(24 * 3600 + 1); // 24:00:01
    QVERIFY(!window.isOpen());
    QCOMPARE(window.remaining(), 0ms);
    QCOMPARE(window.countdownText(), QStringLiteral("closed just now"));
    QVERIFY(!window.reason().isEmpty());

    // The customer writes again: the window reopens from that message.
    window.setLastInbound(now);
    QVERIFY(window.isOpen());
    QCOMPARE(window.countdownText(), QStringLiteral("24 h 0 min left"));
    QVERIFY(window.reason().isEmpty());

    // No clock given: the real one (a message a minute ago is inside the window).
    ServiceWindow real;
    real.setLastInbound(QDateTime::currentDateTimeUtc().addSecs(-60));
    QVERIFY(real.isOpen());
}

void TestServiceWindow::reasonMeansTwilio63016() {
    const QString closed = ServiceWindow::at(m_inbound, m_inbound.addSecs(25 * 3600)).reason();
    QVERIFY(closed.contains(QStringLiteral("24 hours")));
    QVERIFY(closed.contains(QStringLiteral("approved template")));
    QVERIFY(closed.contains(QStringLiteral("reopens when the customer writes")));
    QCOMPARE(ServiceWindow::ClosedErrorCode, 63016);
}

QTEST_GUILESS_MAIN(TestServiceWindow)
#include "tst_servicewindow.moc"
