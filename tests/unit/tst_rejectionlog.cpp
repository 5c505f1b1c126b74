#include "common/Logging.h"
#include "http/RejectionLog.h"

#include <QThread>
#include <QtTest>

using namespace sb;
using namespace std::chrono_literals;

// Refusals are logged without letting a flood of them fill the disk.
class TestRejectionLog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void firstRejectionIsLoggedAtOnce();
    void floodIsSummarisedOncePerInterval();
    void quietKindIsLoggedAtOnceAgain();
    void kindsAreCountedSeparately();
    void unboundedKindsFallIntoOther();
    void examplesAreShortAndPrintable();
    void noteFromAnotherThread();
    void pendingCountIsWrittenOnDestruction();

private:
    static RejectionLog *makeLog(std::chrono::milliseconds interval, QStringList *lines,
                                 QObject *parent = nullptr) {
        auto *log = new RejectionLog(lcHttp(), interval, parent);
        log->setSink([lines](const QString &line) { lines->append(line); });
        return log;
    }
};

void TestRejectionLog::firstRejectionIsLoggedAtOnce() {
    QStringList lines;
    std::unique_ptr<RejectionLog> log(makeLog(10s, &lines));
    log->note(QStringLiteral("403 signature"),
              QStringLiteral("POST /twilio/sms-status from 1.2.3.4"));
    QCOMPARE(lines.size(), 1);
    QVERIFY(lines[0].contains(QLatin1String("403 signature")));
    QVERIFY(lines[0].contains(QLatin1String("POST /twilio/sms-status from 1.2.3.4")));
}

void TestRejectionLog::floodIsSummarisedOncePerInterval() {
    QStringList lines;
    std::unique_ptr<RejectionLog> log(makeLog(300ms, &lines));
    QElapsedTimer timer;
    timer.start();
    int noted = 0;
    // A steady flood for a little over three intervals.
    while (timer.elapsed() < 1000) {
        for (int i = 0; i < 200; ++i, ++noted)
            log->note(QStringLiteral("400 bad framing"), QStringLiteral("example %1").arg(noted));
        QTest::qWait(5);
    }
    QTest::qWait(400); // the last interval's summary
    // The first at once, then one line per interval: 1 + 3 (or 4 with timer slack), not ~40000.
    QVERIFY2(lines.size() >= 3 && lines.size() <= 5, qPrintable(lines.join(u'\n')));
    QVERIFY(lines[0].endsWith(QLatin1String("example 0")));
    qint64 counted = 1;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        static const QRegularExpression summary(
            QStringLiteral("^rejected 400 bad framing: (\\d+) more in the last [\\d.]+ s, e.g. "
                           "example \\d+$"));
        const QRegularExpressionMatch match = summary.match(lines[i]);
        QVERIFY2(match.hasMatch(), qPrintable(lines[i]));
        counted += match.captured(1).toLongLong();
    }
    QCOMPARE(counted, noted); // every rejection is counted once
}

void TestRejectionLog::quietKindIsLoggedAtOnceAgain() {
    QStringList lines;
    std::unique_ptr<RejectionLog> log(makeLog(100ms, &lines));
    log->note(QStringLiteral("kind"), QStringLiteral("first"));
    QTest::qWait(150); // a whole interval without any
    log->note(QStringLiteral("kind"), QStringLiteral("second"));
    QCOMPARE(lines.size(), 2);
    QVERIFY(lines[1].endsWith(QLatin1String(": second")));
}

void TestRejectionLog::kindsAreCountedSeparately() {
    QStringList lines;
    std::unique_ptr<RejectionLog> log(makeLog(10s, &lines));
    for (int i = 0; i < 10; ++i) {
        log->note(QStringLiteral("401 token"), QStringLiteral("a"));
        log->note(QStringLiteral("403 signature"), QStringLiteral("b"));
    }
    QCOMPARE(lines.size(), 2); // the first of each
    log->flush();
    QCOMPARE(lines.size(), 4);
    QVERIFY(lines.filter(QStringLiteral("401 token: 9 more")).size() == 1);
    QVERIFY(lines.filter(QStringLiteral("403 signature: 9 more")).size() == 1);
}

void TestRejectionLog::unboundedKindsFallIntoOther() {
    QStringList lines;
    std::unique_ptr<RejectionLog> log(makeLog(10s, &lines));
    for (int i = 0; i < 1000; ++i)
        log->note(QStringLiteral("kind %1").arg(i), QStringLiteral("x"));
    // One line per kind up to the cap, then "other" once.
    QCOMPARE(lines.size(), RejectionLog::MaxKinds + 1);
    QVERIFY(lines.last().startsWith(QLatin1String("rejected other:")));
}

void TestRejectionLog::examplesAreShortAndPrintable() {
    QStringList lines;
    std::unique_ptr<RejectionLog> log(makeLog(10s, &lines));
    log->note(QStringLiteral("k"), QStringLiteral("line\nbreak\r") + QString(5000, u'a'));
    QCOMPARE(lines.size(), 1);
    QVERIFY(!lines[0].contains(u'\n'));
    QVERIFY(!lines[0].contains(u'\r'));
    QVERIFY(lines[0].size() < RejectionLog::MaxExampleLength + 50);
}

void TestRejectionLog::noteFromAnotherThread() {
    QStringList lines;
    std::unique_ptr<RejectionLog> log(makeLog(200ms, &lines));
    QThread *worker = QThread::create([&log] {
        for (int i = 0; i < 100; ++i)
            log->note(QStringLiteral("kind"), QStringLiteral("from a worker"));
    });
    worker->start();
    QVERIFY(worker->wait(5000));
    delete worker;
    QCOMPARE(lines.size(), 1);
    // The summary is written by the log's own thread, once its interval is over.
    QTRY_COMPARE_WITH_TIMEOUT(lines.size(), 2, 2000);
    QVERIFY(lines[1].contains(QLatin1String("99 more")));
}

void TestRejectionLog::pendingCountIsWrittenOnDestruction() {
    QStringList lines;
    {
        std::unique_ptr<RejectionLog> log(makeLog(10s, &lines));
        for (int i = 0; i < 5; ++i)
            log->note(QStringLiteral("kind"), QStringLiteral("x"));
    }
    QCOMPARE(lines.size(), 2);
    QVERIFY(lines[1].contains(QLatin1String("4 more")));
}

QTEST_GUILESS_MAIN(TestRejectionLog)
#include "tst_rejectionlog.moc"
