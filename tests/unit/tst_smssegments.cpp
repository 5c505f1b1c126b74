#include "providers/twilio/SmsSegments.h"

#include <QtTest>

using sb::SegmentCount;
using sb::SmsSegments;

class TestSmsSegments : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void count_data();
    void count();
    void highlightsCharactersForcingUcs2();
};

void TestSmsSegments::count_data() {
    QTest::addColumn<QString>("body");
    QTest::addColumn<bool>("gsm");
    QTest::addColumn<int>("units");
    QTest::addColumn<int>("segments");

    QTest::newRow("empty") << QString() << true << 0 << 0;
    QTest::newRow("hello") << QStringLiteral("Hello") << true << 5 << 1;
    QTest::newRow("160 GSM-7 is one segment") << QString(160, QLatin1Char('a')) << true << 160 << 1;
    QTest::newRow("161 GSM-7 is two of 153") << QString(161, QLatin1Char('a')) << true << 161 << 2;
    QTest::newRow("306 GSM-7 is two") << QString(306, QLatin1Char('a')) << true << 306 << 2;
    QTest::newRow("307 GSM-7 is three") << QString(307, QLatin1Char('a')) << true << 307 << 3;
    QTest::newRow("extension table costs two septets")
        << QStringLiteral("{}[]~^|\\€") << true << 18 << 1;
    QTest::newRow("80 euro signs fill exactly 160")
        << QString(80, QChar(0x20AC)) << true << 160 << 1;
    QTest::newRow("escape pair never split across parts")
        << QString(152, QLatin1Char('a')) + QStringLiteral("€") + QString(10, QLatin1Char('a'))
        << true << 164 << 2;
    QTest::newRow("GSM accented letters stay GSM-7")
        << QStringLiteral("èéùìòÇØøÅåÆæßÉÄÖÑÜäöñüà") << true << 23 << 1;
    QTest::newRow("one non-GSM character switches to UCS-2")
        << QStringLiteral("Hello ✓") << false << 7 << 1;
    QTest::newRow("70 UCS-2 is one segment") << QString(70, QChar(0x4E2D)) << false << 70 << 1;
    QTest::newRow("71 UCS-2 is two of 67") << QString(71, QChar(0x4E2D)) << false << 71 << 2;
    QTest::newRow("134 UCS-2 is two") << QString(134, QChar(0x4E2D)) << false << 134 << 2;
    QTest::newRow("135 UCS-2 is three") << QString(135, QChar(0x4E2D)) << false << 135 << 3;
    QTest::newRow("emoji is two UTF-16 units") << QStringLiteral("👍") << false << 2 << 1;
    QTest::newRow("35 emoji fill 70 units")
        << QString(QStringLiteral("👍")).repeated(35) << false << 70 << 1;
    QTest::newRow("surrogate pair never split")
        << QString(66, QLatin1Char('x')) + QString(QStringLiteral("✓")) +
               QString(QStringLiteral("👍")).repeated(2)
        << false << 71 << 2;
}

void TestSmsSegments::count() {
    QFETCH(QString, body);
    QFETCH(bool, gsm);
    QFETCH(int, units);
    QFETCH(int, segments);
    const SegmentCount c = SmsSegments::count(body);
    QCOMPARE(c.encoding == SegmentCount::Encoding::Gsm7, gsm);
    QCOMPARE(c.units, units);
    QCOMPARE(c.segments, segments);
}

void TestSmsSegments::highlightsCharactersForcingUcs2() {
    const SegmentCount c = SmsSegments::count(QStringLiteral("Hi “there” ok"));
    QCOMPARE(c.ucs2Forcing, (QList<int>{3, 9}));
    QCOMPARE(c.encodingName(), QStringLiteral("UCS-2"));
}

QTEST_GUILESS_MAIN(TestSmsSegments)
#include "tst_smssegments.moc"
