#include "Await.h"
#include "ConsoleFixture.h"
#include "PgTestServer.h"
#include "canned/CannedEditor.h"
#include "canned/CannedLibrary.h"
#include "canned/CannedPicker.h"
#include "canned/CannedResponses.h"
#include "db/Store.h"
#include "sms/ui/SmsComposeWidget.h"
#include "sms/ui/SmsTab.h"

#include <QAbstractButton>
#include <QAccessible>
#include <QCheckBox>
#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QShortcut>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTextEdit>
#include <QVBoxLayout>
#include <QtTest>

#include <memory>

using namespace sb;

namespace {

// The three kinds of reply box, behind one face for the data-driven tests.
struct Box {
    QWidget *widget = nullptr;
    std::function<QString()> text;
    std::function<QString()> selected;
    std::function<void()> clear;
};

// Focusable controls and buttons a screen reader would announce as nothing (as tst_keyboard).
QStringList nameless(QWidget *root) {
    QStringList missing;
    QList<QWidget *> widgets = root->findChildren<QWidget *>();
    widgets.prepend(root);
    for (QWidget *w : std::as_const(widgets)) {
        if (w->window() != root->window() || !w->isVisible())
            continue;
        if (!qobject_cast<QAbstractButton *>(w) && w->focusPolicy() == Qt::NoFocus)
            continue;
        QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(w);
        if (!iface || iface->text(QAccessible::Name).trimmed().isEmpty())
            missing << QLatin1String(w->metaObject()->className()) + QLatin1Char(' ') +
                           w->objectName();
    }
    return missing;
}

} // namespace

class TestCannedPicker : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanupTestCase();
    void slashOpensFiltersAndInserts_data();
    void slashOpensFiltersAndInserts();
    void downChoosesTheNext_data();
    void downChoosesTheNext();
    void escLeavesTheTextAsTyped_data();
    void escLeavesTheTextAsTyped();
    void ctrlKOpensWithAnEmptyFilter_data();
    void ctrlKOpensWithAnEmptyFilter();
    void slashInsideAWordDoesNotOpen_data();
    void slashInsideAWordDoesNotOpen();
    void freeFieldsAskedInAForm();
    void freeFieldsLeftWhenTheFormIsClosed();
    void agentNameFromSettings();
    void enterInsertsRatherThanSends();
    void ownCtrlKOfTheEditorIsKept();
    void editorSavesToTheStoreAndThePickerSeesIt();
    void pickerOverSmsComposeScreenshot();

private:
    Box box(const QString &kind);

    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<QWidget> m_window;
    CannedLibrary *m_library = nullptr;
    QLineEdit *m_line = nullptr;
    QPlainTextEdit *m_plain = nullptr;
    QTextEdit *m_rich = nullptr;
};

void TestCannedPicker::initTestCase() {
    QVERIFY(m_dir.isValid());
    m_store = sbtest::makeStore(m_dir.filePath(QStringLiteral("picker.sqlite")));
    m_store->addSchema(CannedResponses::schema());
    QObject ctx;
    auto opened = sbtest::await<StoreResult<bool>>([&](auto done) { m_store->open(&ctx, done); });
    QVERIFY(opened && opened->ok());
    m_settings = std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("settings.ini")),
                                             QSettings::IniFormat);
    m_settings->setValue(CannedLibrary::AgentNameKey, QStringLiteral("Dana"));

    // A window with the three kinds of reply box, each attached in one line, as the tabs are.
    m_window = std::make_unique<QWidget>();
    m_window->resize(640, 480);
    auto *layout = new QVBoxLayout(m_window.get());
    m_line = new QLineEdit(m_window.get());
    m_plain = new QPlainTextEdit(m_window.get());
    m_rich = new QTextEdit(m_window.get());
    m_rich->setAcceptRichText(true);
    layout->addWidget(m_line);
    layout->addWidget(m_plain);
    layout->addWidget(m_rich);
    const auto ana = [] {
        return CannedContext{QStringLiteral("Ana"), "+14155550100", {}};
    };
    CannedPicker::attach(m_line, ana);
    CannedPicker::attach(m_plain, ana);
    CannedPicker::attach(m_rich, ana);
    m_library = new CannedLibrary(m_store.get(), m_settings.get(), m_window.get());
    QTRY_VERIFY(m_library->responses()->isLoaded());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestCannedPicker::init() {
    for (QWidget *w : {static_cast<QWidget *>(m_line), static_cast<QWidget *>(m_plain),
                       static_cast<QWidget *>(m_rich)})
        CannedPicker::of(w)->close();
    m_line->clear();
    m_plain->clear();
    m_rich->clear();
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
}

void TestCannedPicker::cleanupTestCase() {
    m_window.reset();
    m_store.reset();
}

Box TestCannedPicker::box(const QString &kind) {
    if (kind == QLatin1String("QLineEdit"))
        return {m_line, [this] { return m_line->text(); },
                [this] { return m_line->selectedText(); },
                [this] {
                    m_line->clear();
                }};
    if (kind == QLatin1String("QPlainTextEdit"))
        return {m_plain, [this] { return m_plain->toPlainText(); },
                [this] { return m_plain->textCursor().selectedText(); },
                [this] {
                    m_plain->clear();
                }};
    return {m_rich, [this] { return m_rich->toPlainText(); },
            [this] { return m_rich->textCursor().selectedText(); },
            [this] {
                m_rich->clear();
            }};
}

namespace {
void addKinds() {
    QTest::addColumn<QString>("kind");
    QTest::newRow("QLineEdit") << "QLineEdit";
    QTest::newRow("QPlainTextEdit") << "QPlainTextEdit";
    QTest::newRow("QTextEdit") << "QTextEdit";
}
} // namespace

void TestCannedPicker::slashOpensFiltersAndInserts_data() {
    addKinds();
}

void TestCannedPicker::slashOpensFiltersAndInserts() {
    QFETCH(QString, kind);
    const Box b = box(kind);
    b.widget->setFocus();
    QTRY_VERIFY(b.widget->hasFocus());
    CannedPicker *picker = CannedPicker::of(b.widget);
    QVERIFY(picker);
    QTest::keyClicks(b.widget, QStringLiteral("Hello /"));
    QVERIFY(!picker->isOpen()); // a lone slash is text
    QTest::keyClicks(b.widget, QStringLiteral("t"));
    QVERIFY(picker->isOpen());
    QCOMPARE(picker->filter(), QStringLiteral("t"));
    // "thanks" starts with t; "intro" and "order" have a t in their text.
    QCOMPARE(picker->listed(), (QStringList{"thanks", "intro", "order"}));
    QTest::keyClicks(b.widget, QStringLiteral("ha"));
    QCOMPARE(picker->filter(), QStringLiteral("tha"));
    QCOMPARE(picker->listed(), (QStringList{"thanks"}));
    // The list sits over the window, under the editor's cursor, without taking the focus.
    QVERIFY(picker->popup()->isVisible());
    QVERIFY(b.widget->hasFocus());
    QVERIFY(m_window->rect().contains(picker->popup()->geometry()));
    QTest::keyClick(b.widget, Qt::Key_Return);
    QVERIFY(!picker->isOpen());
    QCOMPARE(b.text(), QStringLiteral("Hello Thanks — Ana, we have your message and will get "
                                      "back to you shortly."));
    // It is the editor's text now: typing goes on after it.
    QTest::keyClicks(b.widget, QStringLiteral(" Bye"));
    QVERIFY(b.text().endsWith(QLatin1String("shortly. Bye")));
}

void TestCannedPicker::downChoosesTheNext_data() {
    addKinds();
}

void TestCannedPicker::downChoosesTheNext() {
    QFETCH(QString, kind);
    const Box b = box(kind);
    b.widget->setFocus();
    CannedPicker *picker = CannedPicker::of(b.widget);
    QTest::keyClicks(b.widget, QStringLiteral("/t"));
    QCOMPARE(picker->listed().value(1), QStringLiteral("intro"));
    QTest::keyClick(b.widget, Qt::Key_Down);
    QTest::keyClick(b.widget, Qt::Key_Down);
    QTest::keyClick(b.widget, Qt::Key_Up);
    QCOMPARE(picker->popup()->currentRow(), 1);
    QTest::keyClick(b.widget, Qt::Key_Enter);
    QCOMPARE(b.text(), QStringLiteral("Hi Ana, Dana here from the support team. How can I help?"));
}

void TestCannedPicker::escLeavesTheTextAsTyped_data() {
    addKinds();
}

void TestCannedPicker::escLeavesTheTextAsTyped() {
    QFETCH(QString, kind);
    const Box b = box(kind);
    b.widget->setFocus();
    CannedPicker *picker = CannedPicker::of(b.widget);
    QTest::keyClicks(b.widget, QStringLiteral("see /th"));
    QVERIFY(picker->isOpen());
    QTest::keyClick(b.widget, Qt::Key_Escape);
    QVERIFY(!picker->isOpen());
    QCOMPARE(b.text(), QStringLiteral("see /th"));
    // The agent meant the text: typing on in that word does not reopen it...
    QTest::keyClicks(b.widget, QStringLiteral("an"));
    QVERIFY(!picker->isOpen());
    QCOMPARE(b.text(), QStringLiteral("see /than"));
    // ...a new `/word` does.
    QTest::keyClicks(b.widget, QStringLiteral(" /in"));
    QVERIFY(picker->isOpen());
    QCOMPARE(picker->listed(), (QStringList{"intro"}));
}

void TestCannedPicker::ctrlKOpensWithAnEmptyFilter_data() {
    addKinds();
}

void TestCannedPicker::ctrlKOpensWithAnEmptyFilter() {
    QFETCH(QString, kind);
    const Box b = box(kind);
    b.widget->setFocus();
    CannedPicker *picker = CannedPicker::of(b.widget);
    QTest::keyClicks(b.widget, QStringLiteral("Hi! "));
    QTest::keyClick(b.widget, Qt::Key_K, Qt::ControlModifier);
    QVERIFY(picker->isOpen());
    QCOMPARE(picker->filter(), QString());
    QCOMPARE(picker->listed(), (QStringList{"intro", "order", "thanks"}));
    QCOMPARE(b.text(), QStringLiteral("Hi! ")); // Ctrl+K typed nothing
    QTest::keyClicks(b.widget, QStringLiteral("int"));
    QCOMPARE(picker->filter(), QStringLiteral("int"));
    QCOMPARE(picker->listed(), (QStringList{"intro"}));
    QTest::keyClick(b.widget, Qt::Key_Tab);
    QCOMPARE(b.text(),
             QStringLiteral("Hi! Hi Ana, Dana here from the support team. How can I help?"));
    QVERIFY(b.widget->hasFocus()); // Tab inserted rather than moving on
}

void TestCannedPicker::slashInsideAWordDoesNotOpen_data() {
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("typed");
    for (const char *kind : {"QLineEdit", "QPlainTextEdit"}) {
        QTest::addRow("%s: a link", kind) << kind << "see http://th";
        QTest::addRow("%s: a path", kind) << kind << "and/or";
        QTest::addRow("%s: a date", kind) << kind << "on 12/th";
        QTest::addRow("%s: nothing matches", kind) << kind << "/zzz";
    }
}

void TestCannedPicker::slashInsideAWordDoesNotOpen() {
    QFETCH(QString, kind);
    QFETCH(QString, typed);
    const Box b = box(kind);
    b.widget->setFocus();
    QTest::keyClicks(b.widget, typed);
    QVERIFY(!CannedPicker::of(b.widget)->isOpen());
    QCOMPARE(b.text(), typed);
}

void TestCannedPicker::freeFieldsAskedInAForm() {
    m_plain->setFocus();
    CannedPicker *picker = CannedPicker::of(m_plain);
    QTest::keyClicks(m_plain, QStringLiteral("Hello."));
    QTest::keyClick(m_plain, Qt::Key_Return);
    QTest::keyClicks(m_plain, QStringLiteral("/ord"));
    QCOMPARE(picker->listed(), (QStringList{"order"}));
    QTest::keyClick(m_plain, Qt::Key_Return);
    QPointer<QDialog> form = picker->fieldForm();
    QVERIFY(form);
    QTRY_VERIFY(form->isVisible());
    QCOMPARE(m_plain->toPlainText(), QStringLiteral("Hello.\n/ord")); // nothing yet
    // Keyboard only: type, Tab to the next field, type, Enter.
    QVERIFY2(nameless(form).isEmpty(), qPrintable(nameless(form).join(QLatin1Char('\n'))));
    QWidget *first = form->focusWidget();
    QCOMPARE(first->objectName(), QStringLiteral("cannedField:order number"));
    QTest::keyClicks(first, QStringLiteral("A-17"));
    QTest::keyClick(first, Qt::Key_Tab);
    QWidget *second = form->focusWidget();
    QCOMPARE(second->objectName(), QStringLiteral("cannedField:delivery date"));
    QTest::keyClicks(second, QStringLiteral("Friday"));
    QTest::keyClick(second, Qt::Key_Return);
    QTRY_VERIFY(!form);
    QCOMPARE(m_plain->toPlainText(),
             QStringLiteral("Hello.\nYour order A-17 is on its way and should arrive by Friday."));
    QTRY_VERIFY(m_plain->hasFocus());
}

void TestCannedPicker::freeFieldsLeftWhenTheFormIsClosed() {
    m_line->setFocus();
    CannedPicker *picker = CannedPicker::of(m_line);
    QTest::keyClicks(m_line, QStringLiteral("/order"));
    QTest::keyClick(m_line, Qt::Key_Return);
    QPointer<QDialog> form = picker->fieldForm();
    QVERIFY(form);
    QTest::keyClick(form->focusWidget(), Qt::Key_Escape);
    QTRY_VERIFY(!form);
    QCOMPARE(m_line->text(), QStringLiteral("Your order {{order number}} is on its way and should "
                                            "arrive by {{delivery date}}."));
    // The first field is selected: typing replaces it.
    QCOMPARE(m_line->selectedText(), QStringLiteral("{{order number}}"));
    QTest::keyClicks(m_line, QStringLiteral("B-2"));
    QVERIFY(m_line->text().startsWith(QLatin1String("Your order B-2 is on its way")));
}

void TestCannedPicker::agentNameFromSettings() {
    m_line->setFocus();
    m_settings->setValue(CannedLibrary::AgentNameKey, QStringLiteral("Sam Okafor"));
    QTest::keyClicks(m_line, QStringLiteral("/intro"));
    QTest::keyClick(m_line, Qt::Key_Return);
    QCOMPARE(m_line->text(),
             QStringLiteral("Hi Ana, Sam Okafor here from the support team. How can I help?"));
    // Unset: the computer's user (full name, else login), never an empty gap.
    m_settings->remove(CannedLibrary::AgentNameKey);
    QVERIFY(!CannedLibrary::systemUserName().isEmpty());
    QCOMPARE(m_library->agentName(), CannedLibrary::systemUserName());
    m_settings->setValue(CannedLibrary::AgentNameKey, QStringLiteral("Dana"));
}

void TestCannedPicker::enterInsertsRatherThanSends() {
    // The conversation's reply box sends on Enter: with the list open Enter is the list's.
    m_line->setFocus();
    QSignalSpy sent(m_line, &QLineEdit::returnPressed);
    QTest::keyClicks(m_line, QStringLiteral("/thanks"));
    QTest::keyClick(m_line, Qt::Key_Return);
    QCOMPARE(sent.count(), 0);
    QVERIFY(m_line->text().startsWith(QStringLiteral("Thanks — Ana")));
    QTest::keyClick(m_line, Qt::Key_Return); // closed: Enter is the editor's again
    QCOMPARE(sent.count(), 1);
}

void TestCannedPicker::ownCtrlKOfTheEditorIsKept() {
    // The email editor's Ctrl+K inserts a link: the picker leaves it, `/` still works.
    QWidget window;
    auto *editor = new QTextEdit(&window);
    new QVBoxLayout(&window);
    window.layout()->addWidget(editor);
    auto *library = new CannedLibrary(m_store.get(), m_settings.get(), &window);
    QTRY_VERIFY(library->responses()->isLoaded());
    auto *link = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_K), editor);
    link->setContext(Qt::WidgetShortcut);
    QSignalSpy linked(link, &QShortcut::activated);
    CannedPicker *picker = CannedPicker::attach(editor);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    editor->setFocus();
    QTest::keyClick(&window, Qt::Key_K, Qt::ControlModifier);
    QCOMPARE(linked.count(), 1);
    QVERIFY(!picker->isOpen());
    QTest::keyClicks(editor, QStringLiteral("/tha"));
    QTRY_VERIFY(picker->isOpen());
}

void TestCannedPicker::editorSavesToTheStoreAndThePickerSeesIt() {
    CannedEditor editor(m_library->responses(), m_window.get());
    editor.show();
    QTRY_COMPARE(editor.list()->count(), 3);
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    QVERIFY2(nameless(&editor).isEmpty(), qPrintable(nameless(&editor).join(QLatin1Char('\n'))));
    QTest::mouseClick(editor.addButton(), Qt::LeftButton);
    QTest::keyClicks(editor.shortcutEdit(), QStringLiteral("bye"));
    QTest::keyClicks(editor.bodyEdit(),
                     QStringLiteral("Bye {{contact.name}}, from {{agent.name}}"));
    editor.sharedBox()->setChecked(true);
    QSignalSpy saved(&editor, &CannedEditor::saved);
    QTest::mouseClick(editor.saveButton(), Qt::LeftButton);
    QVERIFY(saved.wait(5000));
    QCOMPARE(editor.errorLabel()->text(), QString());
    QTRY_COMPARE(editor.list()->count(), 4);

    // A duplicate shortcut says why and stores nothing.
    QTest::mouseClick(editor.addButton(), Qt::LeftButton);
    QTest::keyClicks(editor.shortcutEdit(), QStringLiteral("Bye"));
    QTest::keyClicks(editor.bodyEdit(), QStringLiteral("another"));
    QTest::mouseClick(editor.saveButton(), Qt::LeftButton);
    QTRY_VERIFY(editor.errorLabel()->text().contains(QLatin1String("/Bye")));
    QCOMPARE(editor.list()->count(), 4);

    // In the database itself, as another reader sees it.
    CannedResponses reader(m_store.get());
    QSignalSpy loaded(&reader, &CannedResponses::changed);
    reader.reload();
    QVERIFY(loaded.wait(5000));
    const auto stored =
        std::find_if(reader.responses().cbegin(), reader.responses().cend(),
                     [](const CannedResponse &r) { return r.shortcut == QLatin1String("bye"); });
    QVERIFY(stored != reader.responses().cend());
    QCOMPARE(stored->body, QStringLiteral("Bye {{contact.name}}, from {{agent.name}}"));
    QVERIFY(stored->shared);

    // And the picker offers it.
    editor.close();
    m_plain->setFocus();
    QTest::keyClicks(m_plain, QStringLiteral("/by"));
    CannedPicker *picker = CannedPicker::of(m_plain);
    // Its shortcut first, then "order", whose text says "arrive by".
    QCOMPARE(picker->listed(), (QStringList{"bye", "order"}));
    QTest::keyClick(m_plain, Qt::Key_Return);
    QCOMPARE(m_plain->toPlainText(), QStringLiteral("Bye Ana, from Dana"));

    // Removing it from the editor takes it out of the picker.
    CannedEditor again(m_library->responses(), m_window.get());
    const QList<QListWidgetItem *> bye =
        again.list()->findItems(QStringLiteral("/bye (shared)"), Qt::MatchExactly);
    QCOMPARE(bye.size(), 1);
    again.list()->setCurrentItem(bye.first());
    QCOMPARE(again.shortcutEdit()->text(), QStringLiteral("bye"));
    QTest::mouseClick(again.removeButton(), Qt::LeftButton);
    QTRY_COMPARE(again.list()->count(), 3);
    m_plain->clear();
    m_plain->setFocus();
    QTest::keyClicks(m_plain, QStringLiteral("/by"));
    QCOMPARE(picker->listed(), (QStringList{"order"}));
}

void TestCannedPicker::pickerOverSmsComposeScreenshot() {
    // The real window: the SMS compose form's body has the picker; the window's library has
    // the seeded examples.
    ConsoleFixture console;
    QString why;
    QVERIFY2(console.start(&why), qPrintable(why));
    MainWindow *window = console.window();
    QVERIFY(window->cannedLibrary());
    QTRY_VERIFY(window->cannedLibrary()->responses()->isLoaded());
    SmsTab *sms = console.sms();
    window->tabs()->setCurrentWidget(sms);
    QPlainTextEdit *body = sms->compose()->bodyEdit();
    QTest::keyClicks(sms->compose()->toEdit(), QStringLiteral("+14155550100"));
    body->setFocus();
    QTRY_VERIFY(body->hasFocus());
    QTest::keyClicks(body, QStringLiteral("Hello! /t"));
    CannedPicker *picker = CannedPicker::of(body);
    QVERIFY(picker);
    QVERIFY(picker->isOpen());
    QCOMPARE(picker->listed().value(0), QStringLiteral("thanks"));
    QVERIFY(window->rect().contains(picker->popup()->geometry()));
    qInfo("screenshot: %s", qPrintable(ConsoleFixture::screenshot(window, "canned-picker-sms")));
    QTest::keyClick(body, Qt::Key_Return);
    // No name known from the compose form: the number stands in for it.
    QCOMPARE(body->toPlainText(),
             QStringLiteral("Hello! Thanks — +14155550100, we have your message and will get "
                            "back to you shortly."));
    // Tools ▸ Canned responses… opens the editor on the same store.
    window->action(QStringLiteral("cannedResponses"))->trigger();
    auto *editor = window->findChild<CannedEditor *>();
    QVERIFY(editor);
    QTRY_COMPARE(editor->list()->count(), 3);
    editor->close();
    console.stop();
}

QTEST_MAIN(TestCannedPicker)
#include "tst_cannedpicker.moc"
