#include "desktop/ContactLink.h"

#include <QtTest>

using namespace sb;

// The tel: and sms: links a desktop hands to Switchboard (RFC 3966, RFC 5724, and what
// browsers and mail clients really send): which compose they open, for which number.
class TestContactLink : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void parses_data();
    void parses();
    void refuses_data();
    void refuses();
};

void TestContactLink::parses_data() {
    QTest::addColumn<QString>("link");
    QTest::addColumn<QString>("channel");
    QTest::addColumn<QString>("number");
    QTest::addColumn<QString>("body");
    QTest::newRow("tel, E.164") << "tel:+14155550100"
                                << "voice"
                                << "+14155550100"
                                << "";
    QTest::newRow("tel, visual separators") << "tel:+1-415-555-0100"
                                            << "voice"
                                            << "+14155550100"
                                            << "";
    QTest::newRow("tel, dots and brackets") << "tel:+44.(20).7946.0958"
                                            << "voice"
                                            << "+442079460958"
                                            << "";
    QTest::newRow("tel, extension parameter") << "tel:+14155550100;ext=123"
                                              << "voice"
                                              << "+14155550100"
                                              << "";
    QTest::newRow("tel, percent-encoded space") << "tel:+1%20415%20555%200100"
                                                << "voice"
                                                << "+14155550100"
                                                << "";
    QTest::newRow("TEL in capitals") << "TEL:+14155550100"
                                     << "voice"
                                     << "+14155550100"
                                     << "";
    QTest::newRow("tel, local number") << "tel:5550100"
                                       << "voice"
                                       << "5550100"
                                       << "";
    QTest::newRow("sms") << "sms:+14155550100"
                         << "sms"
                         << "+14155550100"
                         << "";
    QTest::newRow("sms with body") << "sms:+14155550100?body=Hello%20there%2C%20it%27s%20Ana"
                                   << "sms"
                                   << "+14155550100"
                                   << "Hello there, it's Ana";
    QTest::newRow("sms body with UTF-8") << "sms:+14155550100?body=Gr%C3%BC%C3%9Fe%20%F0%9F%91%8B"
                                         << "sms"
                                         << "+14155550100" << QString::fromUtf8("Grüße 👋");
    QTest::newRow("sms, two recipients: the first") << "sms:+14155550100,+14155550111?body=hi"
                                                    << "sms"
                                                    << "+14155550100"
                                                    << "hi";
    QTest::newRow("sms://, as some apps write it") << "sms://+14155550100"
                                                   << "sms"
                                                   << "+14155550100"
                                                   << "";
    QTest::newRow("smsto:") << "smsto:+14155550100"
                            << "sms"
                            << "+14155550100"
                            << "";
    QTest::newRow("sms, other parameters ignored") << "sms:+14155550100?subject=x&body=ok"
                                                   << "sms"
                                                   << "+14155550100"
                                                   << "ok";
}

void TestContactLink::parses() {
    QFETCH(QString, link);
    QVERIFY(ContactLink::isLink(link));
    const ContactLink parsed = ContactLink::parse(link);
    QVERIFY2(parsed.isValid(), qPrintable(parsed.error));
    QTEST(parsed.channel, "channel");
    QTEST(parsed.number, "number");
    QTEST(parsed.body, "body");
}

void TestContactLink::refuses_data() {
    QTest::addColumn<QString>("link");
    QTest::addColumn<bool>("isLink");
    QTest::addColumn<QString>("error");
    QTest::newRow("no number") << "tel:" << true << "The link has no number.";
    QTest::newRow("only parameters") << "tel:;ext=1" << true << "The link has no number.";
    QTest::newRow("letters") << "tel:call-me-maybe" << true
                             << "“callmemaybe” in the link is not a phone number.";
    QTest::newRow("script in the number")
        << "sms:<script>?body=x" << true << "“<script>” in the link is not a phone number.";
    QTest::newRow("mailto") << "mailto:ana@example.com" << false
                            << "“mailto:ana@example.com” is not a tel: or sms: link.";
    QTest::newRow("a web address")
        << "https://example.com" << false << "“https://example.com” is not a tel: or sms: link.";
    QTest::newRow("a plain number")
        << "+14155550100" << false << "“+14155550100” is not a tel: or sms: link.";
    QTest::newRow("too long") << "tel:+" + QString(40, QLatin1Char('1')) << true
                              << "“+" + QString(39, QLatin1Char('1')) +
                                     "” in the link is not a phone number.";
}

void TestContactLink::refuses() {
    QFETCH(QString, link);
    QTEST(ContactLink::isLink(link), "isLink");
    const ContactLink parsed = ContactLink::parse(link);
    QVERIFY(!parsed.isValid());
    QTEST(parsed.error, "error");
    QVERIFY(parsed.number.isEmpty());
}

QTEST_GUILESS_MAIN(TestContactLink)
#include "tst_contactlink.moc"
