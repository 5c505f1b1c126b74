#include "providers/twilio/TwilioError.h"

#include <QtTest>

using sb::TwilioError;

class TestTwilioError : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void explainsEveryDocumentedCode_data();
    void explainsEveryDocumentedCode();
    void parsesTwilioErrorBody();
    void classifiesRetries();
};

void TestTwilioError::explainsEveryDocumentedCode_data() {
    QTest::addColumn<int>("code");
    QTest::addColumn<int>("httpStatus");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("21211") << 21211 << 400 << "'To' number";
    QTest::newRow("21612") << 21612 << 400 << "route";
    QTest::newRow("21408") << 21408 << 400 << "Geo Permissions";
    QTest::newRow("21610") << 21610 << 400 << "STOP";
    QTest::newRow("21614") << 21614 << 400 << "not a mobile";
    QTest::newRow("21212") << 21212 << 400 << "'From' number";
    QTest::newRow("21606") << 21606 << 400 << "'From' number";
    QTest::newRow("20003") << 20003 << 401 << "TWILIO_AUTH_TOKEN";
    QTest::newRow("20429") << 20429 << 429 << "rate-limiting";
    QTest::newRow("HTTP 429 alone") << 0 << 429 << "rate-limiting";
    QTest::newRow("HTTP 503") << 0 << 503 << "server error";
    QTest::newRow("30003") << 30003 << 0 << "unreachable";
    QTest::newRow("30004") << 30004 << 0 << "blocked";
    QTest::newRow("30005") << 30005 << 0 << "unknown";
    QTest::newRow("30006") << 30006 << 0 << "landline";
    QTest::newRow("30007") << 30007 << 0 << "filtered";
    QTest::newRow("30008") << 30008 << 0 << "could not be delivered";
}

void TestTwilioError::explainsEveryDocumentedCode() {
    QFETCH(int, code);
    QFETCH(int, httpStatus);
    QFETCH(QString, mentions);
    const QString text = TwilioError::explain(code, httpStatus);
    QVERIFY2(text.contains(mentions), qPrintable(text));
    QVERIFY(text.endsWith(QLatin1Char('.')));
}

void TestTwilioError::parsesTwilioErrorBody() {
    const TwilioError e = TwilioError::fromHttp(
        400,
        R"({"code":21211,"message":"Invalid 'To' Phone Number","more_info":"https://www.twilio.com/docs/errors/21211","status":400})");
    QCOMPARE(e.kind, TwilioError::Kind::Http);
    QCOMPARE(e.code, 21211);
    QCOMPARE(e.httpStatus, 400);
    QCOMPARE(e.moreInfo, QStringLiteral("https://www.twilio.com/docs/errors/21211"));
    QCOMPARE(e.explanation(), TwilioError::explain(21211));

    const TwilioError html = TwilioError::fromHttp(502, "<html>Bad gateway</html>");
    QCOMPARE(html.code, 0);
    QVERIFY(html.explanation().contains(QStringLiteral("server error")));
}

void TestTwilioError::classifiesRetries() {
    QVERIFY(TwilioError::fromHttp(429, R"({"code":20429})").isRateLimited());
    QVERIFY(!TwilioError::fromHttp(429, "{}").isAmbiguous());
    QVERIFY(TwilioError::fromHttp(500, "{}").isAmbiguous());
    QVERIFY(TwilioError::network(QStringLiteral("timed out")).isAmbiguous());
    QVERIFY(!TwilioError::fromHttp(400, R"({"code":21211})").isAmbiguous());
}

QTEST_GUILESS_MAIN(TestTwilioError)
#include "tst_twilioerror.moc"
