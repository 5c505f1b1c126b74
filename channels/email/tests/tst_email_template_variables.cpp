#include "providers/sendgrid/DynamicTemplateRenderer.h"
#include "providers/sendgrid/DynamicTemplateVariables.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace sb;
using Kind = TemplateField::Kind;

// The variables of SendGrid dynamic templates (Handlebars) and their preview: what a form is
// built from, what the agent sees, and what a malformed template says instead of a form.
class TestEmailTemplateVariables : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void findsVariables_data();
    void findsVariables();
    void rendersWithData_data();
    void rendersWithData();
    void malformedTemplatesSayWhy_data();
    void malformedTemplatesSayWhy();
    void subjectAndBodyShareTheirVariables();
    void insertBuildsNestedData();
};

namespace {

// A compact description of fields, to compare in one QCOMPARE:
// "name:text", "vip:flag", "items:list[name:text,qty:text]", "tags:list[=text]".
QString describe(const QList<TemplateField> &fields) {
    QStringList parts;
    for (const TemplateField &f : fields) {
        QString kind = f.kind == Kind::Text   ? QStringLiteral("text")
                       : f.kind == Kind::Flag ? QStringLiteral("flag")
                                              : QStringLiteral("list");
        if (f.kind == Kind::List) {
            QString inner = describe(f.itemFields);
            if (f.itemIsText)
                inner =
                    inner.isEmpty() ? QStringLiteral("=text") : QStringLiteral("=text,") + inner;
            kind += QLatin1Char('[') + inner + QLatin1Char(']');
        }
        parts << f.path + QLatin1Char(':') + kind;
    }
    return parts.join(QLatin1Char(','));
}

QJsonObject json(const char *text) {
    return QJsonDocument::fromJson(text).object();
}

} // namespace

void TestEmailTemplateVariables::findsVariables_data() {
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("fields");
    QTest::newRow("plain text, no variables") << "Hello there"
                                              << "";
    QTest::newRow("plain name") << "Hi {{first_name}}!"
                                << "first_name:text";
    QTest::newRow("spaces inside the braces") << "Hi {{ first_name }}"
                                              << "first_name:text";
    QTest::newRow("repeated once, in order of appearance") << "{{b}} {{a}} {{b}}"
                                                           << "b:text,a:text";
    QTest::newRow("dotted") << "{{user.name}} <{{user.email}}>"
                            << "user.name:text,user.email:text";
    QTest::newRow("triple-stash raw") << "{{{signature_html}}}"
                                      << "signature_html:text";
    QTest::newRow("ampersand raw") << "{{& note}}"
                                   << "note:text";
    QTest::newRow("comments are no variables") << "{{! not_a_var }}{{!-- {{neither}} --}}{{real}}"
                                               << "real:text";
    QTest::newRow("if is a flag") << "{{#if vip}}Gold{{/if}}"
                                  << "vip:flag";
    QTest::newRow("if with else, both branches' names")
        << "{{#if vip}}Hi {{name}}{{else}}Hello {{guest_label}}{{/if}}"
        << "vip:flag,name:text,guest_label:text";
    QTest::newRow("else-if chain") << "{{#if a}}A{{else if b}}B{{else}}{{c}}{{/if}}"
                                   << "a:flag,b:flag,c:text";
    QTest::newRow("unless is a flag") << "{{#unless paid}}Pay now{{/unless}}"
                                      << "paid:flag";
    QTest::newRow("tested and shown is text") << "{{#if coupon}}Use {{coupon}}{{/if}}"
                                              << "coupon:text";
    QTest::newRow("each with item fields, bare and this.")
        << "{{#each items}}{{name}} x{{this.qty}}{{/each}}"
        << "items:list[name:text,qty:text]";
    QTest::newRow("each of plain values") << "{{#each tags}}#{{this}} {{/each}}"
                                          << "tags:list[=text]";
    QTest::newRow("each tested first, still a list")
        << "{{#if items}}{{#each items}}{{sku}}{{/each}}{{/if}}"
        << "items:list[sku:text]";
    QTest::newRow("each: @index and @first are no variables")
        << "{{#each items}}{{@index}}{{#if @first}}*{{/if}}{{name}}{{/each}}"
        << "items:list[name:text]";
    QTest::newRow("each: ../ and @root reach the outer data")
        << "{{#each items}}{{name}} for {{../customer}} {{@root.currency}}{{/each}}"
        << "items:list[name:text],customer:text,currency:text";
    QTest::newRow("each: a flag inside an item")
        << "{{#each items}}{{#if gift}}🎁{{/if}}{{name}}{{/each}}"
        << "items:list[gift:flag,name:text]";
    QTest::newRow("each inside each")
        << "{{#each orders}}{{id}}:{{#each lines}}{{sku}}{{/each}}{{/each}}"
        << "orders:list[id:text,lines:list[sku:text]]";
    QTest::newRow("each's else names outer data")
        << "{{#each items}}{{name}}{{else}}{{empty_note}}{{/each}}"
        << "items:list[name:text],empty_note:text";
    QTest::newRow("dotted list") << "{{#each order.items}}{{name}}{{/each}}"
                                 << "order.items:list[name:text]";
    QTest::newRow("with prefixes names") << "{{#with user}}{{name}} {{email}}{{/with}}"
                                         << "user.name:text,user.email:text";
    QTest::newRow("equals compares text values, literals ignored")
        << "{{#equals status \"shipped\"}}On its way{{/equals}}"
        << "status:text";
    QTest::newRow("greaterThan with a number literal")
        << "{{#greaterThan total 100}}Free shipping{{/greaterThan}}"
        << "total:text";
    QTest::newRow("and / or test flags") << "{{#and a b}}x{{/and}}{{#or c d}}y{{/or}}"
                                         << "a:flag,b:flag,c:flag,d:flag";
    QTest::newRow("insert's default is no variable") << "Hi {{insert name \"default=Customer\"}}"
                                                     << "name:text";
    QTest::newRow("formatDate's format literal is no variable")
        << "{{formatDate shipped_at \"MMMM DD, YYYY\"}}"
        << "shipped_at:text";
    QTest::newRow("length of a list") << "{{length items}} items"
                                      << "items:text";
    QTest::newRow("whitespace control") << "{{~#if a~}} {{b}} {{~/if~}}"
                                        << "a:flag,b:text";
    QTest::newRow("escaped braces are text") << "\\{{literal}} {{real}}"
                                             << "real:text";
}

void TestEmailTemplateVariables::findsVariables() {
    QFETCH(QString, source);
    QFETCH(QString, fields);
    const DynamicTemplateVariables variables({source});
    QVERIFY2(variables.isValid(), qPrintable(variables.error()));
    QCOMPARE(describe(variables.fields()), fields);
}

void TestEmailTemplateVariables::rendersWithData_data() {
    QTest::addColumn<QString>("source");
    QTest::addColumn<QJsonObject>("data");
    QTest::addColumn<QString>("expected");
    QTest::newRow("plain") << "Hi {{name}}!" << json(R"({"name":"Ana"})") << "Hi Ana!";
    QTest::newRow("missing is empty") << "Hi {{name}}!" << QJsonObject() << "Hi !";
    QTest::newRow("escaped as Handlebars escapes")
        << "{{x}}" << json(R"({"x":"<b>Tom & 'Jerry'</b> = \"`\""})")
        << "&lt;b&gt;Tom &amp; &#x27;Jerry&#x27;&lt;/b&gt; &#x3D; &quot;&#x60;&quot;";
    QTest::newRow("triple-stash is not escaped")
        << "{{{x}}}" << json(R"({"x":"<b>bold</b>"})") << "<b>bold</b>";
    QTest::newRow("ampersand is not escaped") << "{{&x}}" << json(R"({"x":"<i>"})") << "<i>";
    QTest::newRow("dotted") << "{{user.name}}" << json(R"({"user":{"name":"Ben"}})") << "Ben";
    QTest::newRow("numbers as JavaScript prints them")
        << "{{a}} {{b}} {{c}}" << json(R"({"a":3,"b":2.5,"c":1e21})") << "3 2.5 1e+21";
    QTest::newRow("booleans") << "{{a}}/{{b}}" << json(R"({"a":true,"b":false})") << "true/false";
    QTest::newRow("if true") << "{{#if vip}}Gold{{else}}Std{{/if}}" << json(R"({"vip":true})")
                             << "Gold";
    QTest::newRow("if false") << "{{#if vip}}Gold{{else}}Std{{/if}}" << json(R"({"vip":false})")
                              << "Std";
    QTest::newRow("if: empty string, 0 and [] are false")
        << "{{#if a}}1{{/if}}{{#if b}}2{{/if}}{{#if c}}3{{/if}}{{#if d}}4{{/if}}"
        << json(R"({"a":"","b":0,"c":[],"d":"0"})") << "4";
    QTest::newRow("else-if chain")
        << "{{#if a}}A{{else if b}}B{{else}}C{{/if}}" << json(R"({"b":1})") << "B";
    QTest::newRow("unless") << "{{#unless paid}}Pay{{/unless}}" << json(R"({"paid":false})")
                            << "Pay";
    QTest::newRow("each with @index, @last and ../")
        << "{{#each items}}{{@index}}.{{name}} {{../cur}}{{this.price}}{{#unless @last}}, "
           "{{/unless}}{{/each}}"
        << json(R"({"cur":"$","items":[{"name":"Mug","price":9},{"name":"Tea","price":4.5}]})")
        << "0.Mug $9, 1.Tea $4.5";
    QTest::newRow("each of values") << "{{#each tags}}[{{this}}]{{/each}}"
                                    << json(R"({"tags":["a","<b>"]})") << "[a][&lt;b&gt;]";
    QTest::newRow("each's else when empty")
        << "{{#each items}}x{{else}}none{{/each}}" << json(R"({"items":[]})") << "none";
    QTest::newRow("each over an object's values")
        << "{{#each sizes}}{{@key}}={{this}};{{/each}}" << json(R"({"sizes":{"S":1,"M":2}})")
        << "M=2;S=1;";
    QTest::newRow("item values escaped, raw ones not")
        << "{{#each items}}{{name}}|{{{name}}}{{/each}}" << json(R"({"items":[{"name":"<i>"}]})")
        << "&lt;i&gt;|<i>";
    QTest::newRow("with") << "{{#with user}}{{name}}{{/with}}" << json(R"({"user":{"name":"Cy"}})")
                          << "Cy";
    QTest::newRow("equals") << "{{#equals s \"shipped\"}}yes{{else}}no{{/equals}}"
                            << json(R"({"s":"shipped"})") << "yes";
    QTest::newRow("notEquals") << "{{#notEquals s \"shipped\"}}yes{{else}}no{{/notEquals}}"
                               << json(R"({"s":"shipped"})") << "no";
    QTest::newRow("greaterThan") << "{{#greaterThan total 100}}free{{else}}paid{{/greaterThan}}"
                                 << json(R"({"total":"120"})") << "free";
    QTest::newRow("and / or") << "{{#and a b}}1{{/and}}{{#or a b}}2{{/or}}"
                              << json(R"({"a":true,"b":false})") << "2";
    QTest::newRow("insert with a default")
        << "Hi {{insert name \"default=Customer\"}}" << QJsonObject() << "Hi Customer";
    QTest::newRow("insert with a value")
        << "Hi {{insert name \"default=Customer\"}}" << json(R"({"name":"Dee"})") << "Hi Dee";
    QTest::newRow("length") << "{{length items}}" << json(R"({"items":[1,2,3]})") << "3";
    QTest::newRow("list.length") << "{{items.length}}" << json(R"({"items":[1,2]})") << "2";
    QTest::newRow("whitespace control")
        << "a {{~#if x~}} b {{~/if~}} c" << json(R"({"x":1})") << "abc";
    QTest::newRow("comments vanish") << "a{{! note }}b{{!-- {{x}} --}}c" << QJsonObject() << "abc";
    QTest::newRow("a value that looks like a tag is not rendered again")
        << "{{x}}" << json(R"({"x":"{{y}}","y":"no"})") << "{{y}}";
}

void TestEmailTemplateVariables::rendersWithData() {
    QFETCH(QString, source);
    QFETCH(QJsonObject, data);
    QFETCH(QString, expected);
    QString error;
    QCOMPARE(DynamicTemplateRenderer::render(source, data, &error), expected);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestEmailTemplateVariables::malformedTemplatesSayWhy_data() {
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("says"); // a part of the error
    QTest::newRow("if never closed") << "a\n{{#if vip}}Gold"
                                     << "{{#if}} opened on line 2 is never closed";
    QTest::newRow("each never closed, inside a closed if")
        << "{{#if a}}\n\n{{#each items}}{{/if}}"
        << "{{/if}} does not close {{#each}} opened on line 3";
    QTest::newRow("else-if chain never closed") << "{{#if a}}\n{{else if b}}"
                                                << "{{#if}} opened on line 1";
    QTest::newRow("close without open") << "x {{/each}}"
                                        << "{{/each}} closes no open block";
    QTest::newRow("else outside a block") << "{{else}}"
                                          << "{{else}} is outside any block";
    QTest::newRow("two elses") << "{{#if a}}{{else}}{{else}}{{/if}}"
                               << "a second {{else}}";
    QTest::newRow("tag without its braces") << "Hi {{name"
                                            << "never closed with }}";
    QTest::newRow("raw tag without its third brace") << "{{{name}}"
                                                     << "never closed with }}}";
    QTest::newRow("comment never closed") << "{{!-- note }}"
                                          << "never closed with --}}";
    QTest::newRow("empty tag") << "{{}}"
                               << "an empty {{}}";
    QTest::newRow("block without a value") << "{{#each}}{{/each}}"
                                           << "{{#each}} takes one value";
    QTest::newRow("unknown block helper") << "{{#loop items}}{{/loop}}"
                                          << "{{#loop}} is not a block helper";
    QTest::newRow("a name with a space") << "{{first name}}"
                                         << "calls a helper";
    QTest::newRow("partial") << "{{> footer}}"
                             << "partials";
    QTest::newRow("sub-expression") << "{{#if (equals a b)}}x{{/if}}"
                                    << "sub-expressions";
    QTest::newRow("unclosed quote") << "{{insert name \"default=x}}"
                                    << "quoted string";
    QTest::newRow("blocks nested too deep, no stack overflow")
        << QString(QStringLiteral("{{#if a}}").repeated(100000) +
                   QStringLiteral("{{/if}}").repeated(100000))
        << "nested more than 64 deep";
    QTest::newRow("block helper without #") << "{{if vip}}"
                                            << "block helper";
}

void TestEmailTemplateVariables::malformedTemplatesSayWhy() {
    QFETCH(QString, source);
    QFETCH(QString, says);
    const DynamicTemplateVariables variables({QStringLiteral("{{subject_line}}"), source});
    QVERIFY(!variables.isValid());
    QVERIFY2(variables.error().contains(says), qPrintable(variables.error()));
    QVERIFY(variables.fields().isEmpty());
    QString error;
    QCOMPARE(DynamicTemplateRenderer::render(source, {{"a", true}}, &error), QString());
    QCOMPARE(error, variables.error());
}

void TestEmailTemplateVariables::subjectAndBodyShareTheirVariables() {
    const DynamicTemplateVariables variables(
        {QStringLiteral("Order {{order_id}} shipped"),
         QStringLiteral("<p>{{name}}, order {{order_id}}:</p>{{#each items}}{{title}}{{/each}}"),
         QStringLiteral("{{name}}: {{tracking_url}}")});
    QVERIFY(variables.isValid());
    QCOMPARE(describe(variables.fields()),
             QStringLiteral("order_id:text,name:text,items:list[title:text],tracking_url:text"));
}

void TestEmailTemplateVariables::insertBuildsNestedData() {
    QJsonObject data;
    DynamicTemplateVariables::insert(data, QStringLiteral("user.name"), QStringLiteral("Ana"));
    DynamicTemplateVariables::insert(data, QStringLiteral("user.email"), QStringLiteral("a@x"));
    DynamicTemplateVariables::insert(data, QStringLiteral("vip"), true);
    QCOMPARE(data, json(R"({"user":{"name":"Ana","email":"a@x"},"vip":true})"));
}

QTEST_GUILESS_MAIN(TestEmailTemplateVariables)
#include "tst_email_template_variables.moc"
