#include "canned/CannedTemplate.h"

#include <QtTest>

using namespace sb;

using Fields = QHash<QString, QString>;
Q_DECLARE_METATYPE(Fields)

class TestCannedTemplate : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void fills_data();
    void fills();
};

void TestCannedTemplate::fills_data() {
    QTest::addColumn<QString>("body");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("number");
    QTest::addColumn<QString>("agent");
    QTest::addColumn<Fields>("given");
    QTest::addColumn<QStringList>("free");
    QTest::addColumn<QString>("filled");

    const QString num = QStringLiteral("+14155550100");
    QTest::newRow("known placeholders")
        << "Hi {{contact.name}} ({{contact.number}}), {{agent.name}} here."
        << "Ana" << num << "Bo" << Fields{} << QStringList{} << "Hi Ana (+14155550100), Bo here.";
    QTest::newRow("no contact name: the number")
        << "Thanks, {{contact.name}}!"
        << "" << num << "Bo" << Fields{} << QStringList{} << "Thanks, +14155550100!";
    QTest::newRow("blank contact name: the number")
        << "Thanks, {{contact.name}}!"
        << "  " << num << "Bo" << Fields{} << QStringList{} << "Thanks, +14155550100!";
    QTest::newRow("no name and no number: asked for")
        << "Thanks, {{contact.name}}!"
        << ""
        << ""
        << "Bo" << Fields{} << QStringList{"contact.name"} << "Thanks, {{contact.name}}!";
    QTest::newRow("no agent name: asked for")
        << "{{agent.name}} here"
        << "Ana" << num << "" << Fields{} << QStringList{"agent.name"} << "{{agent.name}} here";
    QTest::newRow("free fields listed once, in order, left until filled")
        << "Order {{order}} ships {{ date }}; order {{order}} again"
        << "Ana" << num << "Bo" << Fields{} << QStringList{"order", "date"}
        << "Order {{order}} ships {{ date }}; order {{order}} again";
    QTest::newRow("free fields filled")
        << "Order {{order}} ships {{ date }}; order {{order}}"
        << "Ana" << num << "Bo" << Fields{{"order", "A-17"}, {"date", "Friday"}}
        << QStringList{"order", "date"} << "Order A-17 ships Friday; order A-17";
    QTest::newRow("spaced known placeholder")
        << "Hi {{  contact.name  }}"
        << "Ana" << num << "Bo" << Fields{} << QStringList{} << "Hi Ana";
    QTest::newRow("free field with spaces in its name")
        << "By {{delivery date}}"
        << "Ana" << num << "Bo" << Fields{{"delivery date", "Mon"}} << QStringList{"delivery date"}
        << "By Mon";
    QTest::newRow("unterminated braces are text")
        << "Hi {{contact.name"
        << "Ana" << num << "Bo" << Fields{} << QStringList{} << "Hi {{contact.name";
    QTest::newRow("unterminated after a good one")
        << "{{agent.name}}: {{oops"
        << "Ana" << num << "Bo" << Fields{} << QStringList{} << "Bo: {{oops";
    QTest::newRow("empty braces are text")
        << "a {{}} b {{   }} c"
        << "Ana" << num << "Bo" << Fields{} << QStringList{} << "a {{}} b {{   }} c";
    QTest::newRow("extra opening braces stay text")
        << "{{{{contact.name}}"
        << "Ana" << num << "Bo" << Fields{} << QStringList{} << "{{Ana";
    QTest::newRow("single braces are text")
        << "{contact.name} and }} and {"
        << "Ana" << num << "Bo" << Fields{} << QStringList{} << "{contact.name} and }} and {";
    QTest::newRow("a line break inside is not a placeholder")
        << "{{contact\n.name}}"
        << "Ana" << num << "Bo" << Fields{} << QStringList{} << "{{contact\n.name}}";
    QTest::newRow("a value with braces is not filled again")
        << "{{contact.name}} {{x}}"
        << "{{x}}" << num << "Bo" << Fields{{"x", "1"}} << QStringList{"x"} << "{{x}} 1";
    QTest::newRow("right-to-left text around a placeholder")
        << QString::fromUtf8("مرحبا {{contact.name}}!") << QString::fromUtf8("سارة") << num << "Bo"
        << Fields{} << QStringList{} << QString::fromUtf8("مرحبا سارة!");
    QTest::newRow("no placeholders")
        << "Plain text."
        << "Ana" << num << "Bo" << Fields{} << QStringList{} << "Plain text.";
}

void TestCannedTemplate::fills() {
    QFETCH(QString, body);
    QFETCH(QString, name);
    QFETCH(QString, number);
    QFETCH(QString, agent);
    QFETCH(Fields, given);
    QFETCH(QStringList, free);
    QFETCH(QString, filled);
    const CannedContext context{name, number, agent};
    QCOMPARE(CannedTemplate::freeFields(body, context), free);
    QCOMPARE(CannedTemplate::fill(body, context, given), filled);
}

QTEST_GUILESS_MAIN(TestCannedTemplate)
#include "tst_cannedtemplate.moc"
