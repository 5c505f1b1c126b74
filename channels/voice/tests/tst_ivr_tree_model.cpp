#include "voice/ivr/IvrMenu.h"
#include "voice/ivr/IvrValidator.h"
#include "voice/ui/IvrNodePreview.h"
#include "voice/ui/IvrTreeModel.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QJsonArray>
#include <QSignalSpy>
#include <QtTest>

using namespace sb;
using Kind = IvrTreeModel::Kind;

namespace {

// A root menu with a sub-menu on 3, opening hours, and out of hours a sub-menu of its own.
QJsonObject menuJson() {
    auto action = [](const char *type, QJsonObject fields = {}) {
        fields.insert(QStringLiteral("type"), QLatin1String(type));
        return fields;
    };
    const QJsonObject sales{
        {"greeting", QJsonObject{{"text", "Sales. Press 1 for Anna."}, {"voice", "Polly.Amy"}}},
        {"options",
         QJsonObject{
             {"1", QJsonObject{{"action", action("forward", {{"number", "+14155550101"}})}}},
             {"0", QJsonObject{{"action", action("hangup")}}}}}};
    const QJsonObject closedMenu{
        {"greeting", QJsonObject{{"text", "We are closed. Press 1 for a message."}}},
        {"options",
         QJsonObject{{"1", QJsonObject{{"action", action("voicemail", {{"prompt", "Go."}})}}}}}};
    return QJsonObject{
        {"greeting", QJsonObject{{"text", "Hello."}, {"voice", "alice"}, {"language", "en-US"}}},
        {"options",
         QJsonObject{{"1", QJsonObject{{"label", "Hours"},
                                       {"action", action("say", {{"text", "Nine to five."}})}}},
                     {"3", QJsonObject{{"action", action("submenu", {{"menu", sales}})}}},
                     {"0", QJsonObject{{"action", action("hangup", {{"text", "Bye."}})}}}}},
        {"hours",
         QJsonObject{{"timezone", "Europe/London"},
                     {"weekly", QJsonObject{{"mon", QJsonArray{"09:00-12:00", "13:00-17:00"}}}},
                     {"closed", action("submenu", {{"menu", closedMenu}})}}}};
}

QStringList kinds(const IvrTreeModel &model, const QModelIndex &parent = {}) {
    static const char *const names[] = {"greeting", "option", "noInput",
                                        "invalid",  "hours",  "closed"};
    QStringList out;
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex i = model.index(row, 0, parent);
        out << QLatin1String(names[int(IvrTreeModel::kind(i))]) +
                   (IvrTreeModel::kind(i) == Kind::Option
                        ? i.data(IvrTreeModel::DigitRole).toString()
                        : QString());
    }
    return out;
}

} // namespace

// IvrTreeModel, the IVR editor's tree: its shape for a menu with a sub-menu and opening hours,
// checked by QAbstractItemModelTester through every structural edit the editor makes; JSON
// paths (IvrValidator's) landing on the right node; the JSON it gives back; and the TwiML
// preview of a node coming from IvrTwiml.
class TestIvrTreeModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void shapeOfTheTree();
    void editsPassTheTester();
    void pathsLandOnTheirNode_data();
    void pathsLandOnTheirNode();
    void jsonRoundTrips();
    void problemsShowOnTheirNode();
    void previewIsIvrTwimlsAnswer();
};

void TestIvrTreeModel::shapeOfTheTree() {
    IvrTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setJson(menuJson());
    QCOMPARE(kinds(model), (QStringList{"greeting", "option1", "option3", "option0", "noInput",
                                        "invalid", "hours"}));
    const QModelIndex three = model.index(2, 0);
    QCOMPARE(kinds(model, three),
             (QStringList{"greeting", "option1", "option0", "noInput", "invalid"}));
    QCOMPARE(model.index(1, 0, three).data(IvrTreeModel::MenuNodeRole).toString(),
             QStringLiteral("3"));
    QCOMPARE(model.index(1, 0, three).data(IvrTreeModel::PathRole).toString(),
             QStringLiteral("options.3.action.menu.options.1"));
    const QModelIndex hours = model.index(6, 0);
    QCOMPARE(kinds(model, hours), QStringList{"closed"});
    const QModelIndex closed = model.index(0, 0, hours);
    QCOMPARE(kinds(model, closed), (QStringList{"greeting", "option1", "noInput", "invalid"}));
    QCOMPARE(model.index(1, 0, closed).data(IvrTreeModel::MenuNodeRole).toString(),
             QStringLiteral("c"));
    // What each row says.
    QCOMPARE(model.index(1, 0).data().toString(),
             QStringLiteral("Key 1 (Hours): say “Nine to five.”"));
    QCOMPARE(model.index(1, 0, three).data().toString(),
             QStringLiteral("Key 1: forward to +14155550101"));
    QCOMPARE(hours.data().toString(), QStringLiteral("Opening hours (Europe/London)"));
    QCOMPARE(closed.data().toString(), QStringLiteral("Out of hours: sub-menu"));
    QCOMPARE(model.weeklyText(0), QStringLiteral("09:00-12:00, 13:00-17:00"));
}

void TestIvrTreeModel::editsPassTheTester() {
    IvrTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setJson(menuJson());
    QSignalSpy edited(&model, &IvrTreeModel::edited);

    // A key added between 1 and 3 goes in keypad order.
    QCOMPARE(model.freeKeys(model.index(0, 0)).first(), QStringLiteral("2"));
    const QModelIndex two = model.addKey(model.index(0, 0), QStringLiteral("2"));
    QCOMPARE(two.row(), 2);
    QCOMPARE(two.data(IvrTreeModel::DigitRole).toString(), QStringLiteral("2"));
    QCOMPARE(model.config().root.options.at(1).digit, QStringLiteral("2"));
    QVERIFY(!model.addKey(model.index(0, 0), QStringLiteral("2")).isValid()); // taken
    // Into a sub-menu too.
    const QModelIndex three = model.index(3, 0);
    const QModelIndex nine = model.addKey(model.index(0, 0, three), QStringLiteral("9"));
    QCOMPARE(nine.parent(), three);
    QCOMPARE(model.config().menuAt(QStringLiteral("3"))->options.size(), 3);

    // The new key becomes a sub-menu: its four rows appear beneath it; then a forward again.
    model.setActionType(two, IvrAction::Type::Submenu);
    QCOMPARE(model.rowCount(two), 4);
    QCOMPARE(model.index(0, 0, two).data(IvrTreeModel::MenuNodeRole).toString(),
             QStringLiteral("2"));
    model.setActionType(two, IvrAction::Type::Forward);
    QCOMPARE(model.rowCount(two), 0);
    // Back to a sub-menu: the one left comes back.
    model.setActionType(two, IvrAction::Type::Submenu);
    QCOMPARE(model.rowCount(two), 4);

    model.removeKey(nine);
    QCOMPARE(model.config().menuAt(QStringLiteral("3"))->options.size(), 2);
    model.removeKey(model.index(1, 0));
    QVERIFY(!model.config().root.option(QStringLiteral("1")));
    QCOMPARE(model.rowCount(), 7);

    // Opening hours off and on.
    model.setHoursEnabled(false);
    QVERIFY(!model.config().hours);
    QCOMPARE(model.rowCount(), 6);
    model.setHoursEnabled(true);
    QCOMPARE(model.rowCount(), 7);
    QCOMPARE(IvrTreeModel::kind(model.index(6, 0)), Kind::Hours);
    QCOMPARE(model.weeklyText(0), QStringLiteral("09:00-17:00"));
    QVERIFY(model.weeklyText(6).isEmpty());
    model.setWeeklyText(5, QStringLiteral("10:00-14:00"));
    QCOMPARE(model.config().hours->weekly[5].size(), 1);

    QVERIFY(edited.count() >= 9);
    model.setJson(IvrConfig::defaultJson());
    QCOMPARE(kinds(model),
             (QStringList{"greeting", "option1", "option2", "option0", "noInput", "invalid"}));
}

void TestIvrTreeModel::pathsLandOnTheirNode_data() {
    QTest::addColumn<QString>("problemPath");
    QTest::addColumn<QString>("nodePath");
    QTest::newRow("a key's field") << "options.1.action.text"
                                   << "options.1";
    QTest::newRow("a key itself") << "options.3"
                                  << "options.3";
    QTest::newRow("a sub-menu key's number") << "options.3.action.menu.options.1.action.number"
                                             << "options.3.action.menu.options.1";
    QTest::newRow("a sub-menu's greeting") << "options.3.action.menu.greeting.voice"
                                           << "options.3.action.menu.greeting";
    QTest::newRow("a sub-menu's timeout") << "options.3.action.menu.timeoutSeconds"
                                          << "options.3.action.menu.greeting";
    QTest::newRow("the menu has no way out") << "options"
                                             << "greeting";
    QTest::newRow("the root's timeout") << "timeoutSeconds"
                                        << "greeting";
    QTest::newRow("an unknown field") << "colour"
                                      << "greeting";
    QTest::newRow("a day's range") << "hours.weekly.mon.0"
                                   << "hours";
    QTest::newRow("the time zone") << "hours.timezone"
                                   << "hours";
    QTest::newRow("out of hours") << "hours.closed.type"
                                  << "hours.closed";
    QTest::newRow("out-of-hours sub-menu key") << "hours.closed.menu.options.1.action.prompt"
                                               << "hours.closed.menu.options.1";
    QTest::newRow("silence") << "noInput.action.type"
                             << "noInput";
    QTest::newRow("unknown key") << "invalidInput.text"
                                 << "invalidInput";
}

void TestIvrTreeModel::pathsLandOnTheirNode() {
    QFETCH(QString, problemPath);
    QFETCH(QString, nodePath);
    IvrTreeModel model;
    model.setJson(menuJson());
    QCOMPARE(model.indexForPath(problemPath).data(IvrTreeModel::PathRole).toString(), nodePath);
}

void TestIvrTreeModel::jsonRoundTrips() {
    IvrTreeModel model;
    model.setJson(menuJson());
    // What it gives back is the menu as IvrConfig writes it, every default filled in.
    QCOMPARE(model.json(), IvrConfig::fromJson(menuJson()).toJson());
    QVERIFY(IvrValidator::check(model.json()).isEmpty());
    // A range typed wrongly reaches the validator as typed, named by its day.
    model.setWeeklyText(1, QStringLiteral("9-5"));
    const QList<IvrProblem> problems = IvrValidator::check(model.json());
    QCOMPARE(problems.size(), 1);
    QCOMPARE(problems.first().path, QStringLiteral("hours.weekly.tue.0"));
}

void TestIvrTreeModel::problemsShowOnTheirNode() {
    IvrTreeModel model;
    model.setJson(menuJson());
    const QModelIndex one = model.index(1, 0);
    model.action(one)->type = IvrAction::Type::Forward;
    model.action(one)->number = QStringLiteral("+1415");
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setProblems(IvrValidator::check(model.json()));
    QVERIFY(changed.count() >= 1);
    const QStringList problems = one.data(IvrTreeModel::ProblemsRole).toStringList();
    QCOMPARE(problems.size(), 1);
    QVERIFY2(problems.first().startsWith(QStringLiteral("options.1.action.number: ")),
             qPrintable(problems.first()));
    QVERIFY(!one.data(Qt::DecorationRole).isNull());
    QCOMPARE(one.data(Qt::ToolTipRole).toString(), problems.first());
    QVERIFY(model.index(0, 0).data(IvrTreeModel::ProblemsRole).toStringList().isEmpty());
    const qint64 warning = one.data(Qt::DecorationRole).value<QIcon>().cacheKey();
    model.setProblems({});
    QVERIFY(one.data(IvrTreeModel::ProblemsRole).toStringList().isEmpty());
    QVERIFY(one.data(Qt::ToolTipRole).isNull());
    // A blank the warning's size keeps the rows aligned.
    QVERIFY(one.data(Qt::DecorationRole).value<QIcon>().cacheKey() != warning);
}

void TestIvrTreeModel::previewIsIvrTwimlsAnswer() {
    IvrTreeModel model;
    model.setJson(menuJson());
    const IvrNodePreview preview(4, QStringLiteral("https://console.example"),
                                 QStringLiteral("+15005550006"));
    const QDateTime sunday(QDate(2026, 3, 1), QTime(12, 0), Qt::UTC); // closed all day
    // The root greeting: the menu even out of hours.
    IvrNodePreview::Preview p = preview.of(model.config(), model.index(0, 0), sunday);
    QVERIFY2(p.ok(), qPrintable(p.error));
    QVERIFY2(p.twiml.contains(QStringLiteral("<Gather")) &&
                 p.twiml.contains(QStringLiteral("Hello.")),
             qPrintable(p.twiml));
    QVERIFY(p.twiml.contains(
        QStringLiteral("https://console.example/twilio/gather-response?v=4&amp;node=")));
    QVERIFY(p.twiml.contains(QLatin1Char('\n'))); // indented for reading
    // The sub-menu's forward: a Dial from the console's number.
    const QModelIndex forward = model.index(1, 0, model.index(2, 0));
    p = preview.of(model.config(), forward, sunday);
    QVERIFY2(p.twiml.contains(QStringLiteral("callerId=\"+15005550006\"")) &&
                 p.twiml.contains(QStringLiteral("+14155550101</Dial>")),
             qPrintable(p.twiml));
    // The opening hours: what a call gets at that moment (closed: the out-of-hours menu).
    p = preview.of(model.config(), model.index(6, 0), sunday);
    QCOMPARE(p.caption, QStringLiteral("A call now (closed)"));
    QVERIFY2(p.twiml.contains(QStringLiteral("We are closed.")), qPrintable(p.twiml));
    const QDateTime mondayMorning(QDate(2026, 3, 2), QTime(10, 0), Qt::UTC);
    p = preview.of(model.config(), model.index(6, 0), mondayMorning);
    QCOMPARE(p.caption, QStringLiteral("A call now (open)"));
    QVERIFY2(p.twiml.contains(QStringLiteral("Hello.")), qPrintable(p.twiml));
    // A greeting that looks like TwiML is text to IvrTwiml's builder, escaped.
    model.menu(model.index(0, 0))->greeting = QStringLiteral("</Say><Hangup/>");
    p = preview.of(model.config(), model.index(0, 0), sunday);
    QVERIFY2(p.twiml.contains(QStringLiteral("&lt;/Say>&lt;Hangup/>")) ||
                 p.twiml.contains(QStringLiteral("&lt;/Say&gt;&lt;Hangup/&gt;")),
             qPrintable(p.twiml));
}

QTEST_MAIN(TestIvrTreeModel)
#include "tst_ivr_tree_model.moc"
