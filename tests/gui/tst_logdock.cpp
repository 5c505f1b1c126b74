#include "common/Logging.h"
#include "logs/LogDock.h"
#include "logs/LogFilterProxy.h"
#include "logs/LogModel.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QTableView>
#include <QThread>
#include <QtTest>

using namespace sb;

Q_LOGGING_CATEGORY(lcDockTest, "switchboard.docktest", QtDebugMsg)

// The log dock: its model and proxy pass QAbstractItemModelTester while lines arrive from other
// threads and old ones are dropped; the level, category and text filters show what they say;
// the model stays within its capacity; what it shows is redacted.
class TestLogDock : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void boundedAndConsistent();
    void filters_data();
    void filters();
    void liveFromOtherThreadsAndRedacted();

private:
    static LogLine line(QtMsgType type, const QString &category, const QString &message) {
        return {QDateTime::currentMSecsSinceEpoch(), type, category, message, message.toUtf8()};
    }
};

void TestLogDock::initTestCase() {
    installLogFormat();
}

void TestLogDock::boundedAndConsistent() {
    LogModel model(50);
    LogFilterProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester sourceTester(&model,
                                          QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester proxyTester(&proxy,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    for (int batch = 0; batch < 10; ++batch) {
        QList<LogLine> lines;
        for (int i = 0; i < 17; ++i)
            lines.append(line(QtInfoMsg, QStringLiteral("switchboard.http"),
                              QStringLiteral("request %1").arg(batch * 17 + i)));
        model.append(lines);
        QVERIFY(model.rowCount() <= 50);
    }
    QCOMPARE(model.rowCount(), 50);
    // The newest 50, oldest first.
    QCOMPARE(model.index(49, LogModel::Message).data().toString(), QStringLiteral("request 169"));
    QCOMPARE(model.index(0, LogModel::Message).data().toString(), QStringLiteral("request 120"));
    QList<LogLine> flood;
    for (int i = 0; i < 120; ++i)
        flood.append(
            line(QtDebugMsg, QStringLiteral("qt.network"), QStringLiteral("flood %1").arg(i)));
    model.append(flood);
    QCOMPARE(model.rowCount(), 50);
    QCOMPARE(model.index(0, LogModel::Message).data().toString(), QStringLiteral("flood 70"));
    proxy.setText(QStringLiteral("flood 11"));
    QCOMPARE(proxy.rowCount(), 10); // 110..119
    model.clear();
    QCOMPARE(proxy.rowCount(), 0);
}

void TestLogDock::filters_data() {
    QTest::addColumn<int>("level"); // index in the level box: debug, info, warning, critical
    QTest::addColumn<QString>("category");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("shown");
    const QStringList all{"a", "b", "c", "d", "e"};
    QTest::newRow("no filter") << 0 << QString() << QString() << all;
    QTest::newRow("info and up") << 1 << QString() << QString() << QStringList{"b", "c", "d", "e"};
    QTest::newRow("warnings and up") << 2 << QString() << QString() << QStringList{"c", "d"};
    QTest::newRow("critical only") << 3 << QString() << QString() << QStringList{"d"};
    QTest::newRow("category prefix")
        << 0 << "switchboard.http" << QString() << QStringList{"a", "c"};
    QTest::newRow("category, any case") << 0 << "QT." << QString() << QStringList{"b"};
    QTest::newRow("text, any case") << 0 << QString() << "OUTBOX" << QStringList{"d", "e"};
    QTest::newRow("all three") << 1 << "switchboard"
                               << "entry" << QStringList{"e"};
    QTest::newRow("nothing matches") << 0 << "nope" << QString() << QStringList{};
}

void TestLogDock::filters() {
    QFETCH(int, level);
    QFETCH(QString, category);
    QFETCH(QString, text);
    QFETCH(QStringList, shown);
    LogDock dock;
    QAbstractItemModelTester tester(dock.proxy(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    dock.model()->append({
        line(QtDebugMsg, QStringLiteral("switchboard.http"), QStringLiteral("a: GET /health")),
        line(QtInfoMsg, QStringLiteral("qt.network.ssl"), QStringLiteral("b: handshake")),
        line(QtWarningMsg, QStringLiteral("switchboard.http"), QStringLiteral("c: 403 webhook")),
        line(QtCriticalMsg, QStringLiteral("switchboard.store"),
             QStringLiteral("d: outbox write failed")),
        line(QtInfoMsg, QStringLiteral("switchboard.outbox"),
             QStringLiteral("e: outbox entry 7 sent")),
    });
    auto *levelBox = dock.findChild<QComboBox *>(QStringLiteral("logLevel"));
    auto *categoryEdit = dock.findChild<QLineEdit *>(QStringLiteral("logCategory"));
    auto *textEdit = dock.findChild<QLineEdit *>(QStringLiteral("logText"));
    QVERIFY(levelBox && categoryEdit && textEdit);
    levelBox->setCurrentIndex(level);
    QTest::keyClicks(categoryEdit, category);
    QTest::keyClicks(textEdit, text);
    auto *view = dock.findChild<QTableView *>(QStringLiteral("logView"));
    QVERIFY(view);
    QStringList seen;
    for (int row = 0; row < view->model()->rowCount(); ++row)
        seen.append(view->model()->index(row, LogModel::Message).data().toString().left(1));
    QCOMPARE(seen, shown);
}

void TestLogDock::liveFromOtherThreadsAndRedacted() {
    addLogSecret(QStringLiteral("dock-secret-4711"));
    LogDock dock;
    QAbstractItemModelTester tester(dock.model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester proxyTester(dock.proxy(),
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    dock.proxy()->setCategoryPrefix(QStringLiteral("switchboard.docktest"));
    QList<QThread *> threads;
    for (int t = 0; t < 3; ++t)
        threads.append(QThread::create([t] {
            for (int i = 0; i < 100; ++i)
                qCInfo(lcDockTest) << "thread" << t << "line" << i << "token dock-secret-4711";
        }));
    for (QThread *thread : threads)
        thread->start();
    for (QThread *thread : threads) {
        QVERIFY(thread->wait(30000));
        delete thread;
    }
    QTRY_COMPARE(dock.proxy()->rowCount(), 300);
    for (int row = 0; row < dock.proxy()->rowCount(); ++row) {
        const QString message = dock.proxy()->index(row, LogModel::Message).data().toString();
        QVERIFY2(!message.contains(QLatin1String("dock-secret-4711")), qPrintable(message));
        QVERIFY(message.contains(QLatin1String("[redacted]")));
    }
}

QTEST_MAIN(TestLogDock)
#include "tst_logdock.moc"
