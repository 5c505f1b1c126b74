#include "providers/twilio/TwilioError.h"

#include <QtTest>

using sb::TwilioError;

class TestTwilioError : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void explainsEveryDocumentedCode_data();
    void explainsEveryDocumentedCode();
    void whatsappCodesHaveSentencesOfTheirOwn();
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
    QTest::newRow("21656 template variables") << 21656 << 400 << "empty";
    QTest::newRow("63001 sender authentication") << 63001 << 0 << "authenticate";
    QTest::newRow("63003 recipient not on WhatsApp") << 63003 << 0 << "not an active WhatsApp";
    QTest::newRow("63005 content refused") << 63005 << 0 << "did not accept";
    QTest::newRow("63007 From not a WhatsApp sender") << 63007 << 400 << "'From' address";
    QTest::newRow("63013 policy") << 63013 << 0 << "policies";
    QTest::newRow("63014 blocked by the user") << 63014 << 0 << "blocked";
    QTest::newRow("63016 outside the window") << 63016 << 0 << "approved template";
    QTest::newRow("63018 sending limit") << 63018 << 0 << "limit";
    QTest::newRow("63020 Business Manager") << 63020 << 0 << "Meta Business Manager";
    QTest::newRow("63021 content too long") << 63021 << 0 << "1024";
    QTest::newRow("63024 invalid recipient") << 63024 << 0 << "cannot receive WhatsApp";
    QTest::newRow("63030 unsupported parameter") << 63030 << 0 << "parameters";
    QTest::newRow("63032 Meta experiment") << 63032 << 0 << "experiments";
    QTest::newRow("63049 marketing not delivered") << 63049 << 0 << "marketing template";
    QTest::newRow("63051 account locked") << 63051 << 0 << "locked";
}

void TestTwilioError::explainsEveryDocumentedCode() {
    QFETCH(int, code);
    QFETCH(int, httpStatus);
    QFETCH(QString, mentions);
    const QString text = TwilioError::explain(code, httpStatus);
    QVERIFY2(text.contains(mentions), qPrintable(text));
    QVERIFY(text.endsWith(QLatin1Char('.')));
}

void TestTwilioError::whatsappCodesHaveSentencesOfTheirOwn() {
    // A copy-pasted sentence or a code that fell through to "Twilio error N." shows up here.
    const QList<int> codes{63001, 63003, 63005, 63007, 63013, 63014, 63016, 63018,
                           63020, 63021, 63024, 63030, 63032, 63049, 63051};
    QSet<QString> sentences;
    for (int code : codes) {
        const QString text = TwilioError::explain(code);
        QVERIFY2(!text.contains(QString::number(code)), qPrintable(text));
        sentences.insert(text);
        QCOMPARE(TwilioError::docsLink(code),
                 QStringLiteral("https://www.twilio.com/docs/errors/%1").arg(code));
    }
    QCOMPARE(sentences.size(), codes.size());
    // A failed WhatsApp status callback carries only the code: the message explains itself.
    TwilioError e;
    e.kind = TwilioError::Kind::Http;
    e.code = 63016;
    e.message = QStringLiteral("Failed to send freeform message because you are outside the "
                               "allowed window.");
    QCOMPARE(e.explanation(), TwilioError::explain(63016));
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
