#include "providers/twilio/PhoneNumber.h"

#include <QtTest>

using sb::PhoneNumber;

class TestPhoneNumber : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void check_data();
    void check();
    void formatAsYouType();
};

void TestPhoneNumber::check_data() {
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("region");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("e164");
    QTest::addColumn<QString>("reasonContains");

    QTest::newRow("US E.164") << "+14155550100"
                              << "" << true << "+14155550100"
                              << "";
    QTest::newRow("US with spaces and dashes") << "+1 415-555-0100"
                                               << "" << true << "+14155550100"
                                               << "";
    QTest::newRow("UK mobile") << "+44 7911 123456"
                               << "" << true << "+447911123456"
                               << "";
    QTest::newRow("Twilio test number") << "+15005550006"
                                        << "" << true << "+15005550006"
                                        << "";
    QTest::newRow("whatsapp prefix") << "whatsapp:+14155550100"
                                     << "" << true << "+14155550100"
                                     << "";
    QTest::newRow("national form needs region") << "(415) 555-0100"
                                                << "" << false << ""
                                                << "E.164";
    QTest::newRow("national form with region") << "(415) 555-0100"
                                               << "US" << true << "+14155550100"
                                               << "";
    QTest::newRow("empty") << ""
                           << "" << false << ""
                           << "Enter";
    QTest::newRow("too short") << "+1234"
                               << "" << false << ""
                               << "short";
    QTest::newRow("too long") << "+1415555010012345678"
                              << "" << false << ""
                              << "long";
    QTest::newRow("letters") << "+hello"
                             << "" << false << ""
                             << "not a phone number";
    QTest::newRow("country code 0") << "+0987654321"
                                    << "" << false << ""
                                    << "0 is not a country code";
    QTest::newRow("unknown country code") << "+999 123456"
                                          << "" << false << ""
                                          << "country code";
    QTest::newRow("invalid NANP area code") << "+15555555555"
                                            << "" << false << ""
                                            << "not a valid";
}

void TestPhoneNumber::check() {
    QFETCH(QString, input);
    QFETCH(QString, region);
    QFETCH(bool, valid);
    QFETCH(QString, e164);
    QFETCH(QString, reasonContains);
    const sb::PhoneNumberCheck c = PhoneNumber::check(input, region);
    QCOMPARE(c.valid, valid);
    QCOMPARE(c.e164, e164);
    if (!valid) {
        QVERIFY2(c.reason.contains(reasonContains, Qt::CaseInsensitive), qPrintable(c.reason));
        QVERIFY(c.reason.endsWith(QLatin1Char('.')));
    }
}

void TestPhoneNumber::formatAsYouType() {
    QCOMPARE(PhoneNumber::formatAsYouType(QStringLiteral("+14155550100")),
             QStringLiteral("+1 415-555-0100"));
    QCOMPARE(PhoneNumber::formatAsYouType(QStringLiteral("+44791")), QStringLiteral("+44 791"));
}

QTEST_GUILESS_MAIN(TestPhoneNumber)
#include "tst_phonenumber.moc"
