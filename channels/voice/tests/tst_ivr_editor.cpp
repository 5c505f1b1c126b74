#include "ConsoleFixture.h"
#include "TestSupport.h"
#include "common/SchemeColors.h"
#include "db/Store.h"
#include "runtime/SwitchboardService.h"
#include "voice/VoiceRoutes.h"
#include "voice/ivr/IvrVersions.h"
#include "voice/ui/CallsTab.h"
#include "voice/ui/IvrActionForm.h"
#include "voice/ui/IvrEditor.h"
#include "voice/ui/IvrHoursForm.h"
#include "voice/ui/IvrMenuForm.h"
#include "voice/ui/IvrTreeModel.h"

#include <QAbstractButton>
#include <QAccessible>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStyle>
#include <QStyleFactory>
#include <QTabWidget>
#include <QTreeView>
#include <QtTest>

using namespace sb;

namespace {

QStringList problemTexts(const IvrEditor *editor) {
    QStringList out;
    for (int i = 0; i < editor->problems()->count(); ++i)
        out << editor->problems()->item(i)->text();
    return out;
}

} // namespace

// The IVR editor in the Calls tab of the real window, in sandbox mode: it loads the menu calls
// run, a key's action edited changes the TwiML preview, an invalid forward number disables
// Save with the problem named where it is, fixed it saves a new version that the store and
// GET /api/v1/twilio/ivr both answer with; Revert; keyboard use and accessible names;
// screenshots (light, dark, 1024x600); and, last, "Call me to try it" rings the agent's phone
// through the sandbox with a call that runs the saved version.
class TestIvrEditor : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void loadsTheMenuCallsRun();
    void editKeyPreviewValidateSave();
    void revertReadsTheSavedVersionAgain();
    void keyboardAddsAndRemovesAKey();
    void everyControlHasAName();
    void callMeNeedsTheAgentPhone();
    void screenshots_data();
    void screenshots();
    void netbookScreenshot();
    // Last: restarts the window with an agent phone.
    void callMeRingsTheAgentWithTheSavedIvr();

private:
    CallsTab *tab() const;
    IvrEditor *editor() const { return tab()->ivrEditor(); }
    void showEditor();
    std::optional<IvrVersion> stored(const QString &callSid = {});
    QJsonObject apiGet(const QString &path);

    ConsoleFixture m_console;
};

CallsTab *TestIvrEditor::tab() const {
    return qobject_cast<CallsTab *>(m_console.window()->channelTab(QStringLiteral("voice")));
}

void TestIvrEditor::showEditor() {
    m_console.window()->tabs()->setCurrentWidget(tab());
    tab()->pages()->setCurrentWidget(editor());
}

void TestIvrEditor::initTestCase() {
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    qputenv("SWITCHBOARD_SANDBOX_DELAY_MS", "100");
    QString why;
    QVERIFY2(m_console.start(&why), qPrintable(why));
    QVERIFY(tab());
    QVERIFY(editor());
    showEditor();
    QTRY_COMPARE(editor()->savedVersion(), 0); // the built-in menu
}

void TestIvrEditor::cleanupTestCase() {
    m_console.stop();
}

std::optional<IvrVersion> TestIvrEditor::stored(const QString &callSid) {
    std::optional<IvrVersion> result;
    bool done = false;
    m_console.window()->service()->store()->run<IvrVersion>(
        m_console.window(),
        [callSid](StoreWorker &w, QString *error) {
            return callSid.isEmpty() ? IvrVersions::latest(w, error)
                                     : IvrVersions::forCall(w, callSid, -1, error);
        },
        [&](const StoreResult<IvrVersion> &found) {
            if (found.ok())
                result = found.value;
            done = true;
        });
    QElapsedTimer waited;
    waited.start();
    while (!done && waited.elapsed() < 5000)
        QTest::qWait(10);
    return result;
}

QJsonObject TestIvrEditor::apiGet(const QString &path) {
    sbtest::Http http;
    const sbtest::Reply r = http.get(QUrl(QStringLiteral("http://127.0.0.1:%1/api/v1/twilio/%2")
                                              .arg(m_console.window()->service()->port())
                                              .arg(path)),
                                     {{"Authorization", "Bearer gui"}});
    return r.status == 200 ? r.json() : QJsonObject{{"status", r.status}};
}

void TestIvrEditor::loadsTheMenuCallsRun() {
    IvrEditor *e = editor();
    QCOMPARE(tab()->pages()->tabText(1), QStringLiteral("IVR e&ditor"));
    QVERIFY(e->isVisible());
    // The built-in menu: greeting, keys 1, 2, 0, silence, unknown key.
    IvrTreeModel *model = e->model();
    QCOMPARE(model->rowCount(), 6);
    QCOMPARE(model->index(1, 0).data().toString(), QStringLiteral("Key 1 (Voicemail): voicemail"));
    QCOMPARE(e->tree()->currentIndex(), model->index(0, 0));
    QVERIFY2(e->preview()->toPlainText().contains(QStringLiteral("<Gather")),
             qPrintable(e->preview()->toPlainText()));
    QVERIFY(e->preview()->isReadOnly());
    QVERIFY(e->preview()->font().fixedPitch() || QFontInfo(e->preview()->font()).fixedPitch());
    QVERIFY(!e->problems()->isVisible());
    QVERIFY(!e->saveButton()->isEnabled()); // nothing changed yet
    QVERIFY(e->revertButton()->isEnabled());
}

void TestIvrEditor::editKeyPreviewValidateSave() {
    IvrEditor *e = editor();
    e->selectPath(QStringLiteral("options.2"));
    QCOMPARE(e->tree()->currentIndex().data(IvrTreeModel::PathRole).toString(),
             QStringLiteral("options.2"));
    QVERIFY2(e->preview()->toPlainText().contains(QStringLiteral("Here are the options again.")),
             qPrintable(e->preview()->toPlainText()));
    QVERIFY(!e->preview()->toPlainText().contains(QStringLiteral("<Dial")));

    // Key 2 now forwards: with no number yet, the TwiML builder refuses the Dial, and says so
    // in the preview.
    QComboBox *type = e->actionForm()->typeBox();
    type->setCurrentIndex(type->findData(int(IvrAction::Type::Forward)));
    QVERIFY(e->actionForm()->numberEdit()->isVisible());
    QVERIFY2(e->preview()->toPlainText().startsWith(QStringLiteral("No TwiML: ")) &&
                 e->preview()->toPlainText().contains(QStringLiteral("Dial")),
             qPrintable(e->preview()->toPlainText()));
    QVERIFY(!e->saveButton()->isEnabled());
    QVERIFY(problemTexts(e)
                .join(QLatin1Char('\n'))
                .contains(QStringLiteral("options.2.action.number — empty")));

    // An invalid number: the preview dials it as written, Save stays disabled and the problem
    // is named where it is.
    QTest::keyClicks(e->actionForm()->numberEdit(), QStringLiteral("+1415"));
    QVERIFY2(e->preview()->toPlainText().contains(QStringLiteral("<Dial")),
             qPrintable(e->preview()->toPlainText()));
    QVERIFY(!e->saveButton()->isEnabled());
    QVERIFY(e->problems()->isVisible());
    const QStringList problems = problemTexts(e);
    QCOMPARE(problems.size(), 1);
    QVERIFY2(problems.first().startsWith(QStringLiteral("options.2.action.number")),
             qPrintable(problems.first()));
    QVERIFY2(problems.first().contains(QStringLiteral("not a valid E.164 number")),
             qPrintable(problems.first()));
    QVERIFY(e->nodeProblems()->isVisible());
    QVERIFY(e->nodeProblems()->text().contains(QStringLiteral("options.2.action.number")));
    QVERIFY(!e->tree()->currentIndex().data(Qt::DecorationRole).isNull());
    QVERIFY(!e->saveButton()->toolTip().isEmpty());
    QVERIFY(!e->save()); // refused, not only disabled
    QVERIFY2(e->preview()->toPlainText().contains(QStringLiteral("+1415</Dial>")),
             qPrintable(e->preview()->toPlainText()));

    // Fixed: no problems, Save enabled.
    e->actionForm()->numberEdit()->clear();
    QTest::keyClicks(e->actionForm()->numberEdit(), QStringLiteral("+14155550142"));
    QVERIFY(problemTexts(e).isEmpty());
    QVERIFY(!e->problems()->isVisible());
    QVERIFY(!e->nodeProblems()->isVisible());
    QVERIFY(e->saveButton()->isEnabled());
    QVERIFY(e->isDirty());
    QVERIFY(e->status()->text().contains(QStringLiteral("Unsaved")));
    QSignalSpy saved(e, &IvrEditor::saved);
    QTest::mouseClick(e->saveButton(), Qt::LeftButton);
    QVERIFY(saved.wait(5000));
    QCOMPARE(saved.first().at(0).toLongLong(), 1);
    QCOMPARE(e->savedVersion(), 1);
    QVERIFY(!e->isDirty());
    QVERIFY(!e->saveButton()->isEnabled());
    QCOMPARE(e->status()->text(), QStringLiteral("Version 1, saved."));
    QVERIFY2(e->preview()->toPlainText().contains(QStringLiteral("?v=1&amp;node=")),
             qPrintable(e->preview()->toPlainText()));

    // Read back from the store, and from the local API.
    const std::optional<IvrVersion> latest = stored();
    QVERIFY(latest);
    QCOMPARE(latest->version, 1);
    const QJsonObject two = latest->json.value(QLatin1String("options"))
                                .toObject()
                                .value(QLatin1String("2"))
                                .toObject()
                                .value(QLatin1String("action"))
                                .toObject();
    QCOMPARE(two.value(QLatin1String("type")).toString(), QStringLiteral("forward"));
    QCOMPARE(two.value(QLatin1String("number")).toString(), QStringLiteral("+14155550142"));
    const QJsonObject api = apiGet(VoiceRoutes::ivr());
    QCOMPARE(api.value(QLatin1String("version")).toInt(), 1);
    QCOMPARE(api.value(QLatin1String("menu")).toObject(), latest->json);
}

void TestIvrEditor::revertReadsTheSavedVersionAgain() {
    IvrEditor *e = editor();
    e->selectPath(QStringLiteral("greeting"));
    QPlainTextEdit *greeting = e->menuForm()->textEdit();
    QVERIFY(greeting->isVisible());
    const QString before = greeting->toPlainText();
    greeting->selectAll();
    QTest::keyClicks(greeting, QStringLiteral("Welcome to the new menu."));
    QVERIFY(e->isDirty());
    QVERIFY2(e->preview()->toPlainText().contains(QStringLiteral("Welcome to the new menu.")),
             qPrintable(e->preview()->toPlainText()));
    QCOMPARE(e->tree()->currentIndex().data().toString(),
             QStringLiteral("Greeting: “Welcome to the new menu.”"));
    QSignalSpy loaded(e, &IvrEditor::loaded);
    QTest::mouseClick(e->revertButton(), Qt::LeftButton);
    QVERIFY(loaded.wait(5000));
    QCOMPARE(loaded.first().at(0).toLongLong(), 1);
    QVERIFY(!e->isDirty());
    QCOMPARE(e->menuForm()->textEdit()->toPlainText(), before);
    QVERIFY(!e->preview()->toPlainText().contains(QStringLiteral("Welcome to the new menu.")));
    QCOMPARE(e->model()->config().root.option(QStringLiteral("2"))->action.number,
             QStringLiteral("+14155550142"));
}

void TestIvrEditor::keyboardAddsAndRemovesAKey() {
    IvrEditor *e = editor();
    MainWindow *window = m_console.window();
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window));
    e->tree()->setFocus(Qt::TabFocusReason);
    e->tree()->setCurrentIndex(e->model()->index(0, 0));
    QTest::keyClick(e->tree(), Qt::Key_Down);
    QCOMPARE(e->tree()->currentIndex().data(IvrTreeModel::DigitRole).toString(),
             QStringLiteral("1"));
    // Alt+K adds the first free key (3) to this menu, and puts the cursor in its text.
    QTest::keyClick(window->windowHandle(), Qt::Key_K, Qt::AltModifier);
    QTRY_COMPARE(e->tree()->currentIndex().data(IvrTreeModel::DigitRole).toString(),
                 QStringLiteral("3"));
    QTRY_COMPARE(QApplication::focusWidget(), e->actionForm()->textEdit());
    QVERIFY(!e->saveButton()->isEnabled()); // a say with no text yet
    QVERIFY(
        problemTexts(e).join(QLatin1Char('\n')).contains(QStringLiteral("options.3.action.text")));
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("We open at nine."));
    QVERIFY(e->saveButton()->isEnabled());
    QVERIFY(e->preview()->toPlainText().contains(QStringLiteral("We open at nine.")));
    // Alt+E removes it again.
    QTest::keyClick(window->windowHandle(), Qt::Key_E, Qt::AltModifier);
    QTRY_VERIFY(!e->model()->config().root.option(QStringLiteral("3")));
    QVERIFY(!e->isDirty());
    // Tab walks from the tree to the key controls.
    e->tree()->setFocus(Qt::TabFocusReason);
    QTest::keyClick(e->tree(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("ivrAddKey"));
    // Ctrl+PgUp / Ctrl+PgDown between the Calls and IVR editor pages; Alt+D is the editor.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_PageUp, Qt::ControlModifier);
    QTRY_COMPARE(tab()->pages()->currentIndex(), 0);
    QTest::keyClick(window->windowHandle(), Qt::Key_D, Qt::AltModifier);
    QTRY_COMPARE(tab()->pages()->currentWidget(), e);
    e->tree()->setFocus(Qt::TabFocusReason);
    QTest::keyClick(e->tree(), Qt::Key_PageUp, Qt::ControlModifier);
    QTRY_COMPARE(tab()->pages()->currentIndex(), 0);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_PageDown, Qt::ControlModifier);
    QTRY_COMPARE(tab()->pages()->currentWidget(), e);
    // Ctrl+N is the dial form's number, on the Calls page.
    QTest::keyClick(window->windowHandle(), Qt::Key_N, Qt::ControlModifier);
    QTRY_COMPARE(QApplication::focusWidget(), tab()->toEdit());
    QCOMPARE(tab()->pages()->currentIndex(), 0);
    showEditor();
}

void TestIvrEditor::everyControlHasAName() {
    IvrEditor *e = editor();
    e->model()->setHoursEnabled(true);
    for (const QString &path : {QStringLiteral("greeting"), QStringLiteral("options.1"),
                                QStringLiteral("noInput"), QStringLiteral("invalidInput"),
                                QStringLiteral("hours"), QStringLiteral("hours.closed")}) {
        e->selectPath(path);
        for (QWidget *w : e->findChildren<QWidget *>()) {
            const bool button = qobject_cast<QAbstractButton *>(w) != nullptr;
            if (!w->isVisible() || (!button && w->focusPolicy() == Qt::NoFocus))
                continue;
            QAccessibleInterface *a = QAccessible::queryAccessibleInterface(w);
            QVERIFY(a);
            QVERIFY2(!a->text(QAccessible::Name).isEmpty(),
                     qPrintable(path + QLatin1Char(' ') + w->metaObject()->className() +
                                QLatin1Char(' ') + w->objectName()));
        }
    }
    e->model()->setHoursEnabled(false);
    QVERIFY(!e->isDirty());
}

void TestIvrEditor::callMeNeedsTheAgentPhone() {
    QVERIFY(m_console.window()->service()->config().agentPhone.isEmpty());
    QVERIFY(!editor()->callMeButton()->isEnabled());
    QVERIFY2(
        editor()->callMeButton()->toolTip().contains(QStringLiteral("SWITCHBOARD_AGENT_PHONE")),
        qPrintable(editor()->callMeButton()->toolTip()));
}

void TestIvrEditor::screenshots_data() {
    QTest::addColumn<QPalette>("palette");
    QTest::addColumn<QString>("name");
    QTest::newRow("light") << QApplication::style()->standardPalette() << QStringLiteral("light");
    QTest::newRow("dark") << ConsoleFixture::darkPalette() << QStringLiteral("dark");
}

void TestIvrEditor::screenshots() {
    QFETCH(QPalette, palette);
    QFETCH(QString, name);
    QApplication::setPalette(palette);
    showEditor();
    IvrEditor *e = editor();
    // A problem on show, so its colours are checked too.
    e->selectPath(QStringLiteral("options.2"));
    e->actionForm()->numberEdit()->setText(QStringLiteral("+1415"));
    QTest::qWait(50);
    for (QLabel *label : e->findChildren<QLabel *>()) {
        if (!label->isVisible() || label->text().isEmpty())
            continue;
        const QColor fg = label->palette().color(label->foregroundRole());
        const QColor bg = label->palette().color(QPalette::Window);
        QVERIFY2(SchemeColors::contrast(fg, bg) >= SchemeColors::TextContrast,
                 qPrintable(label->text()));
    }
    qInfo().noquote() << "screenshot:"
                      << ConsoleFixture::screenshot(m_console.window(),
                                                    QStringLiteral("ivr-editor-%1").arg(name));
    e->actionForm()->numberEdit()->setText(QStringLiteral("+14155550142"));
    QVERIFY(!e->isDirty());
    // The opening hours, with the out-of-hours action beneath them in the tree.
    // On its box: the check box is wider than what it draws.
    auto *hours = e->findChild<QCheckBox *>(QStringLiteral("ivrHours"));
    const QPoint onTheBox(8, hours->height() / 2);
    QTest::mouseClick(hours, Qt::LeftButton, {}, onTheBox);
    QTRY_COMPARE(e->tree()->currentIndex().data(IvrTreeModel::PathRole).toString(),
                 QStringLiteral("hours"));
    QVERIFY(e->hoursForm()->isVisible());
    QVERIFY(e->preview()->toPlainText().contains(QStringLiteral("<Response>")));
    qInfo().noquote() << "screenshot:"
                      << ConsoleFixture::screenshot(
                             m_console.window(), QStringLiteral("ivr-editor-hours-%1").arg(name));
    QTest::mouseClick(hours, Qt::LeftButton, {}, onTheBox);
    QVERIFY(!e->model()->config().hours);
    QVERIFY(!e->isDirty());
    QApplication::setPalette(QApplication::style()->standardPalette());
}

void TestIvrEditor::netbookScreenshot() {
    if (QGuiApplication::primaryScreen()->geometry().size() != QSize(1024, 600))
        QSKIP("needs the 1024x600 screen CTest configures (tst_ivr_editor_1024x600)");
    MainWindow *window = m_console.window();
    showEditor();
    IvrEditor *e = editor();
    e->selectPath(QStringLiteral("options.2"));
    QComboBox *type = e->actionForm()->typeBox();
    type->setCurrentIndex(type->findData(int(IvrAction::Type::Forward)));
    e->actionForm()->numberEdit()->setText(QStringLiteral("+1415"));
    QTest::qWait(100);
    QVERIFY(window->frameGeometry().width() <= 1024);
    for (QWidget *w :
         {static_cast<QWidget *>(e->tree()), static_cast<QWidget *>(e->preview()),
          static_cast<QWidget *>(e->actionForm()->numberEdit()),
          static_cast<QWidget *>(e->saveButton()), static_cast<QWidget *>(e->callMeButton()),
          static_cast<QWidget *>(e->problems())}) {
        QVERIFY2(w->isVisible(), qPrintable(w->objectName()));
        QVERIFY2(w->visibleRegion().boundingRect().height() >= qMin(w->height(), 20),
                 qPrintable(w->objectName()));
        QVERIFY2(w->width() >= 60, qPrintable(w->objectName()));
    }
    qInfo().noquote() << "screenshot:"
                      << ConsoleFixture::screenshot(window, QStringLiteral("ivr-editor-1024x600"));
}

void TestIvrEditor::callMeRingsTheAgentWithTheSavedIvr() {
    MainWindow *window = m_console.window();
    m_console.settings()->setValue(QStringLiteral("config/SWITCHBOARD_AGENT_PHONE"),
                                   QStringLiteral("+14155550998"));
    QSignalSpy started(window, &MainWindow::serviceStarted);
    window->start();
    QVERIFY(started.wait(15000));
    QVERIFY(tab());
    showEditor();
    IvrEditor *e = editor();
    QTRY_COMPARE(e->savedVersion(), 1); // the version saved above, read again
    QVERIFY(e->callMeButton()->isEnabled());
    QVERIFY2(e->callMeButton()->toolTip().contains(QStringLiteral("+14155550998")),
             qPrintable(e->callMeButton()->toolTip()));
    QSignalSpy finished(e, &IvrEditor::callMeFinished);
    QTest::mouseClick(e->callMeButton(), Qt::LeftButton);
    QVERIFY(finished.wait(10000));
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(e->status()->text()));
    const QString sid = finished.first().at(1).toString();
    QVERIFY(sid.startsWith(QLatin1String("CA")));
    QVERIFY2(e->status()->text().contains(QStringLiteral("+14155550998")),
             qPrintable(e->status()->text()));
    // The sandbox rang the agent's phone from the console's number, with the console's IVR.
    const QJsonObject call = apiGet(VoiceRoutes::callStatusOf(sid));
    QCOMPARE(call.value(QLatin1String("to")).toString(), QStringLiteral("+14155550998"));
    QCOMPARE(call.value(QLatin1String("from")).toString(), window->service()->config().phoneNumber);
    QVERIFY2(call.value(QLatin1String("url")).toString().endsWith(VoiceRoutes::voiceResponse()),
             qPrintable(call.value(QLatin1String("url")).toString()));
    // Once answered, the sandbox fetched the IVR signed, and the call runs the saved version.
    QTRY_COMPARE_WITH_TIMEOUT(stored(sid).value_or(IvrVersion{}).version, 1, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(
        apiGet(VoiceRoutes::callStatusOf(sid)).value(QLatin1String("status")).toString(),
        QStringLiteral("in-progress"), 10000);
}

QTEST_MAIN(TestIvrEditor)
#include "tst_ivr_editor.moc"
