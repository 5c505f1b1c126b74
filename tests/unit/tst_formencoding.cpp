#include "http/FormEncoding.h"

#include <QtTest>

using sb::FormEncoding;
using sb::FormFields;

class TestFormEncoding : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void rejectsMalformed_data();
    void rejectsMalformed();
};

void TestFormEncoding::roundTrip_data() {
    QTest::addColumn<QString>("value");
    QTest::newRow("plain") << "Hello";
    QTest::newRow("plus stays plus") << "+14155550100";
    QTest::newRow("space") << "a b";
    QTest::newRow("reserved") << "a&b=c%d?e#f/g'h@i:j";
    QTest::newRow("unicode") << "Ümlaut 👍 中文";
    QTest::newRow("newline") << "line1\nline2";
    QTest::newRow("empty") << "";
}

void TestFormEncoding::roundTrip() {
    QFETCH(QString, value);
    const FormFields fields{{QStringLiteral("Body"), value},
                            {QStringLiteral("To"), QStringLiteral("+1")}};
    const QByteArray encoded = FormEncoding::encode(fields);
    QVERIFY(!encoded.contains(' '));
    FormFields decoded;
    QVERIFY(FormEncoding::decode(encoded, &decoded));
    QCOMPARE(decoded, fields);
}

void TestFormEncoding::rejectsMalformed_data() {
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("bad escape") << QByteArray("a=%zz");
    QTest::newRow("truncated escape") << QByteArray("a=%4");
    QTest::newRow("invalid UTF-8") << QByteArray("a=%ff%fe");
    QTest::newRow("empty key") << QByteArray("=value");
}

void TestFormEncoding::rejectsMalformed() {
    QFETCH(QByteArray, body);
    FormFields fields;
    QVERIFY(!FormEncoding::decode(body, &fields));
}

QTEST_GUILESS_MAIN(TestFormEncoding)
#include "tst_formencoding.moc"
