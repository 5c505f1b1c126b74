#include "providers/twilio/ContentTemplate.h"
#include "providers/twilio/TemplateVariables.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using sb::ContentTemplate;
using sb::TemplateVariables;
using Values = TemplateVariables::Values;

// Finding, filling, previewing and encoding a Content template's {{placeholders}}.
class TestTemplateVariables : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void findsPlaceholders_data();
    void findsPlaceholders();
    void rendersAPreview_data();
    void rendersAPreview();
    void defaultsPrefillTheForm();
    void tellsWhatIsStillEmpty();
    void buildsContentVariables_data();
    void buildsContentVariables();
    void looksInEveryTextOfATemplate();
};

void TestTemplateVariables::findsPlaceholders_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("keys"); // in the order the agent fills them

    QTest::newRow("no variables") << "Your order has shipped." << QStringList{};
    QTest::newRow("two numbered") << "Hi {{1}}, order {{2}} is ready." << QStringList{"1", "2"};
    QTest::newRow("repeated") << "{{1}}, yes {{1}}: order {{2}} for {{1}}" << QStringList{"1", "2"};
    QTest::newRow("out of order") << "Order {{2}} for {{1}}" << QStringList{"1", "2"};
    QTest::newRow("10 after 9, not after 1")
        << "{{10}} {{9}} {{1}} {{2}}" << QStringList{"1", "2", "9", "10"};
    QTest::newRow("named") << "Hi {{first_name}}, code {{Code2}}"
                           << QStringList{"first_name", "Code2"};
    QTest::newRow("numbered before named")
        << "{{first_name}}: {{2}} then {{1}}" << QStringList{"1", "2", "first_name"};
    QTest::newRow("adjacent") << "{{1}}{{2}}" << QStringList{"1", "2"};
    QTest::newRow("empty braces") << "{{}} and {{ }}" << QStringList{};
    QTest::newRow("spaces inside") << "Hi {{ 1 }} and {{id name}}" << QStringList{};
    QTest::newRow("single braces") << "{1} and {first}" << QStringList{};
    QTest::newRow("triple braces") << "{{{1}}} and {{{name}}}" << QStringList{};
    QTest::newRow("one brace too many on one side") << "{{{1}} and {{2}}}" << QStringList{};
    QTest::newRow("unclosed") << "{{1} and {{2" << QStringList{};
    QTest::newRow("punctuation in key") << "{{a-b}} {{a.b}}" << QStringList{};
    QTest::newRow("placeholder in a URL")
        << "https://example.com/orders/{{1}}?x={{2}}" << QStringList{"1", "2"};
}

void TestTemplateVariables::findsPlaceholders() {
    QFETCH(QString, text);
    QFETCH(QStringList, keys);
    const TemplateVariables vars(QStringList{text});
    QCOMPARE(vars.keys(), keys);
    QCOMPARE(vars.isEmpty(), keys.isEmpty());
    // Every key found is one the render replaces.
    Values values;
    for (const QString &key : keys)
        values.insert(key, QStringLiteral("X"));
    const QString rendered = TemplateVariables::render(text, values);
    for (const QString &key : keys)
        QVERIFY2(!rendered.contains(QStringLiteral("{{%1}}").arg(key)), qPrintable(rendered));
}

void TestTemplateVariables::rendersAPreview_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<Values>("values");
    QTest::addColumn<QString>("preview");

    QTest::newRow("no variables") << "Thanks!" << Values{{"1", "Anna"}} << "Thanks!";
    QTest::newRow("all filled") << "Hi {{1}}, order {{2}} is ready."
                                << Values{{"1", "Anna"}, {"2", "#4242"}}
                                << "Hi Anna, order #4242 is ready.";
    QTest::newRow("repeated") << "{{1}}! Yes, {{1}}." << Values{{"1", "Anna"}}
                              << "Anna! Yes, Anna.";
    QTest::newRow("out of order") << "{{2}} for {{1}}" << Values{{"1", "Anna"}, {"2", "#4242"}}
                                  << "#4242 for Anna";
    QTest::newRow("empty stays visible")
        << "Hi {{1}}, order {{2}}" << Values{{"1", "Anna"}, {"2", ""}} << "Hi Anna, order {{2}}";
    QTest::newRow("blank stays visible") << "Hi {{1}}" << Values{{"1", "   "}} << "Hi {{1}}";
    QTest::newRow("missing stays visible") << "Hi {{1}}" << Values{} << "Hi {{1}}";
    QTest::newRow("not placeholders untouched")
        << "{{{1}}} {1} {{ 1 }} {{}} {{1}}" << Values{{"1", "A"}} << "{{{1}}} {1} {{ 1 }} {{}} A";
    QTest::newRow("unicode values")
        << "Hola {{name}}, tu pedido {{1}}" << Values{{"name", "Zoë 🌷"}, {"1", "№ 42 — 東京"}}
        << "Hola Zoë 🌷, tu pedido № 42 — 東京";
    QTest::newRow("unicode around placeholders")
        << "Привет, {{1}}! 👋" << Values{{"1", "Аня"}} << "Привет, Аня! 👋";
    QTest::newRow("a value holding a placeholder is not substituted again")
        << "Hi {{1}}, code {{2}}" << Values{{"1", "{{2}}"}, {"2", "{{1}}"}}
        << "Hi {{2}}, code {{1}}";
    QTest::newRow("a value holding its own placeholder")
        << "{{1}}" << Values{{"1", "{{1}}{{1}}"}} << "{{1}}{{1}}";
    QTest::newRow("dollar and backslash kept")
        << "Pay {{1}}" << Values{{"1", "$1 \\1 \\\\"}} << "Pay $1 \\1 \\\\";
}

void TestTemplateVariables::rendersAPreview() {
    QFETCH(QString, text);
    QFETCH(Values, values);
    QFETCH(QString, preview);
    QCOMPARE(TemplateVariables::render(text, values), preview);
}

void TestTemplateVariables::defaultsPrefillTheForm() {
    const TemplateVariables vars(
        QStringList{QStringLiteral("Hi {{1}}, order {{2}} ships {{when}}")},
        {{"1", "Customer_Name"}, {"when", "today"}});
    QCOMPARE(vars.keys(), (QStringList{"1", "2", "when"}));
    QCOMPARE(vars.defaultValue(QStringLiteral("1")), QStringLiteral("Customer_Name"));
    QCOMPARE(vars.defaultValue(QStringLiteral("2")), QString());
    const Values form = vars.prefilled();
    QCOMPARE(form, (Values{{"1", "Customer_Name"}, {"2", ""}, {"when", "today"}}));
    QCOMPARE(vars.missing(form), QStringList{"2"});

    // A declared variable no text shows (an authentication template's code) is still asked.
    const TemplateVariables code(QStringList{}, {{"1", "123456"}});
    QCOMPARE(code.keys(), QStringList{"1"});
}

void TestTemplateVariables::tellsWhatIsStillEmpty() {
    const TemplateVariables vars(QStringList{QStringLiteral("{{2}} {{1}} {{name}} {{3}}")});
    QCOMPARE(vars.missing({}), (QStringList{"1", "2", "3", "name"}));
    QVERIFY(!vars.isComplete({}));
    const Values partial{{"1", "Anna"}, {"2", " \t"}, {"name", "Zoë"}, {"unrelated", "x"}};
    QCOMPARE(vars.missing(partial), (QStringList{"2", "3"}));
    const Values full{{"1", "Anna"}, {"2", "b"}, {"3", "c"}, {"name", "Zoë"}};
    QVERIFY(vars.isComplete(full));
    QVERIFY(vars.missing(full).isEmpty());
    QVERIFY(TemplateVariables(QStringList{QStringLiteral("no variables")}).isComplete({}));
}

void TestTemplateVariables::buildsContentVariables_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<Values>("values");
    QTest::addColumn<QByteArray>("json");

    QTest::newRow("the usual") << "Hi {{1}}, order {{2}}" << Values{{"1", "Anna"}, {"2", "#4242"}}
                               << QByteArray(R"({"1":"Anna","2":"#4242"})");
    QTest::newRow("no variables") << "Thanks" << Values{} << QByteArray("{}");
    QTest::newRow("only the template's keys")
        << "Hi {{1}}" << Values{{"1", "Anna"}, {"7", "stray"}} << QByteArray(R"({"1":"Anna"})");
    QTest::newRow("blank left out, Twilio uses the default")
        << "Hi {{1}} {{2}}" << Values{{"1", "Anna"}, {"2", "  "}} << QByteArray(R"({"1":"Anna"})");
    QTest::newRow("named") << "Hi {{first_name}}" << Values{{"first_name", "Anna"}}
                           << QByteArray(R"({"first_name":"Anna"})");
    QTest::newRow("quotes and backslashes escaped")
        << "{{1}}" << Values{{"1", "say \"hi\" \\o/"}} << QByteArray(R"({"1":"say \"hi\" \\o/"})");
    QTest::newRow("unicode as UTF-8")
        << "{{1}}" << Values{{"1", "Zoë 🌷"}} << QString(R"({"1":"Zoë 🌷"})").toUtf8();
    QTest::newRow("a placeholder as a value is sent as typed")
        << "{{1}}" << Values{{"1", "{{1}}"}} << QByteArray(R"({"1":"{{1}}"})");
}

void TestTemplateVariables::buildsContentVariables() {
    QFETCH(QString, text);
    QFETCH(Values, values);
    QFETCH(QByteArray, json);
    const TemplateVariables vars(QStringList{text});
    // Compare as JSON (key order is not part of the meaning), and the string parses back.
    const QString built = vars.contentVariablesJson(values);
    QCOMPARE(QJsonDocument::fromJson(built.toUtf8()).object(),
             QJsonDocument::fromJson(json).object());
    QCOMPARE(vars.contentVariables(values), QJsonDocument::fromJson(json).object());
    QVERIFY(!built.contains(QLatin1Char('\n')));
}

void TestTemplateVariables::looksInEveryTextOfATemplate() {
    // A twilio/call-to-action whose URL button holds a placeholder the body does not.
    const QJsonObject json = QJsonDocument::fromJson(R"({
        "sid": "HX0123456789abcdef0123456789abcdef",
        "friendly_name": "order_ready", "language": "en",
        "variables": {"1": "Customer", "2": "1001"},
        "types": {"twilio/call-to-action": {
            "body": "Hi {{1}}, your order is ready.",
            "actions": [{"type": "URL", "title": "Track it",
                         "url": "https://shop.example/orders/{{2}}"}]}}})")
                                 .object();
    const ContentTemplate t = ContentTemplate::fromJson(json);
    const TemplateVariables vars(t);
    QCOMPARE(vars.keys(), (QStringList{"1", "2"}));
    QCOMPARE(vars.prefilled(), (Values{{"1", "Customer"}, {"2", "1001"}}));
    QCOMPARE(TemplateVariables::render(t.body, {{"1", "Anna"}}),
             QStringLiteral("Hi Anna, your order is ready."));
}

QTEST_GUILESS_MAIN(TestTemplateVariables)
#include "tst_templatevariables.moc"
