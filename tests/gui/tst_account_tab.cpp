#include "ConsoleFixture.h"
#include "account/AccountTab.h"
#include "runtime/SwitchboardService.h"

#include <QApplication>
#include <QCheckBox>
#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QtTest>

using namespace sb;

// The Account tab in the real window (sandbox mode): the account with the trial's limits and
// the balance; the numbers with capabilities and URLs; Wire to this console and Restore
// through the keyboard, the table saying what is wired; a number wired "only while Switchboard
// runs" is restored before the window closes; the Messaging Services with their numbers, reached
// by Alt+M; and how it looks, light and dark, at 1024x600.
class TestAccountTab : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void showsTheAccountAndItsNumbers();
    void wireAndRestoreFromTheKeyboard();
    void temporaryWiringIsRestoredBeforeTheWindowCloses();
    void showsTheMessagingServices();
    void screenshots();

private:
    AccountTab *tab() const { return m_console.window()->findChild<AccountTab *>(); }
    QTableWidget *numbers() const {
        return tab()->findChild<QTableWidget *>(QStringLiteral("accountNumbers"));
    }
    QString cell(int column) const {
        const QTableWidgetItem *item = numbers()->item(0, column);
        return item ? item->text() : QString();
    }
    void showTab();

    ConsoleFixture m_console;
};

void TestAccountTab::init() {
    QString why;
    QVERIFY2(m_console.start(&why), qPrintable(why));
    QVERIFY(tab());
    QTRY_VERIFY(numbers()->rowCount() > 0);
}

void TestAccountTab::cleanup() {
    m_console.stop();
}

void TestAccountTab::showTab() {
    auto *tabs = m_console.window()->findChild<QTabWidget *>();
    QVERIFY(tabs);
    tabs->setCurrentWidget(tab());
}

void TestAccountTab::showsTheAccountAndItsNumbers() {
    showTab();
    auto *summary = tab()->findChild<QLabel *>(QStringLiteral("accountSummary"));
    auto *trial = tab()->findChild<QLabel *>(QStringLiteral("accountTrial"));
    auto *balance = tab()->findChild<QLabel *>(QStringLiteral("accountBalance"));
    QTRY_VERIFY(summary->text().contains(QStringLiteral("Switchboard Sandbox")));
    QTRY_VERIFY(trial->isVisible());
    QVERIFY(trial->text().contains(QStringLiteral("verified")));
    QTRY_VERIFY2(balance->text().contains(QStringLiteral("20.00 USD")),
                 qPrintable(balance->text()));
    QVERIFY(cell(2).contains(QStringLiteral("Voice")));
    QVERIFY(cell(2).contains(QStringLiteral("SMS")));
    QVERIFY(cell(2).contains(QStringLiteral("MMS")));
    QCOMPARE(cell(6), QStringLiteral("No"));
    // The sandbox runs on this computer: wiring needs no public URL there.
    auto *wire = tab()->findChild<QPushButton *>(QStringLiteral("accountWire"));
    QVERIFY(wire->isEnabled());
}

void TestAccountTab::wireAndRestoreFromTheKeyboard() {
    showTab();
    // The sandbox points its numbers at the console it runs in from the start.
    const QString before = cell(3);
    QSignalSpy finished(tab(), &AccountTab::wiringFinished);
    numbers()->setFocus();
    numbers()->selectRow(0);
    QTest::keyClick(m_console.window(), Qt::Key_W, Qt::AltModifier);
    QTRY_COMPARE(finished.size(), 1);
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
    QTRY_COMPARE(cell(6), QStringLiteral("Yes"));
    QTRY_VERIFY2(cell(3).endsWith(QStringLiteral("/twilio/incoming-sms")), qPrintable(cell(3)));
    // The table is filled again from the numbers as read back: each cell in its own time.
    QTRY_VERIFY2(cell(4).endsWith(QStringLiteral("/twilio/voice-response")), qPrintable(cell(4)));
    QTRY_VERIFY2(cell(5).endsWith(QStringLiteral("/twilio/call-status")), qPrintable(cell(5)));
    auto *restore = tab()->findChild<QPushButton *>(QStringLiteral("accountRestore"));
    QTRY_VERIFY(restore->isEnabled());

    QTest::keyClick(m_console.window(), Qt::Key_E, Qt::AltModifier);
    QTRY_COMPARE(finished.size(), 2);
    QVERIFY2(finished.last().at(0).toBool(), qPrintable(finished.last().at(1).toString()));
    QTRY_COMPARE(cell(6), QStringLiteral("No"));
    QTRY_COMPARE(cell(3), before);
    QTRY_COMPARE(cell(4), QStringLiteral("(none)"));
    QVERIFY(!restore->isEnabled());
}

void TestAccountTab::temporaryWiringIsRestoredBeforeTheWindowCloses() {
    showTab();
    QSignalSpy finished(tab(), &AccountTab::wiringFinished);
    numbers()->selectRow(0);
    QCOMPARE(cell(4), QStringLiteral("(none)"));
    tab()->findChild<QCheckBox *>(QStringLiteral("accountOnlyWhileRunning"))->setChecked(true);
    tab()->findChild<QPushButton *>(QStringLiteral("accountWire"))->click();
    QTRY_COMPARE(finished.size(), 1);
    QTRY_COMPARE(cell(6), QStringLiteral("While Switchboard runs"));
    QTRY_VERIFY2(cell(4).endsWith(QStringLiteral("/twilio/voice-response")), qPrintable(cell(4)));
    QTRY_VERIFY(tab()->hasTemporaryWirings());

    // The first close waits for the restore, then the window closes itself.
    MainWindow *window = m_console.window();
    window->close();
    QTRY_VERIFY(!window->isVisible());
    QVERIFY(!tab()->hasTemporaryWirings());
    // And Twilio (the sandbox) has the number's previous (empty) voice URL again.
    QTRY_COMPARE(cell(4), QStringLiteral("(none)"));
}

void TestAccountTab::showsTheMessagingServices() {
    showTab();
    auto *services = tab()->findChild<QTableWidget *>(QStringLiteral("accountMessagingServices"));
    QVERIFY(services);
    QCOMPARE(services->accessibleName(), QStringLiteral("Messaging Services"));
    QTRY_COMPARE(services->rowCount(), 1);
    auto text = [services](int column) {
        const QTableWidgetItem *item = services->item(0, column);
        return item ? item->text() : QString();
    };
    QCOMPARE(text(0), QStringLiteral("Switchboard Sandbox Service"));
    QVERIFY2(text(1).startsWith(QStringLiteral("MG")) && text(1).size() == 34, qPrintable(text(1)));
    // The sandbox's number, in the service's pool, with its capabilities.
    const QString number = numbers()->item(0, 0)->text();
    QVERIFY2(text(2).startsWith(number), qPrintable(text(2)));
    QVERIFY(text(2).contains(QStringLiteral("SMS")) && text(2).contains(QStringLiteral("Voice")));
    // Inbound messages go to the number's own webhook: the console's, in sandbox mode.
    QCOMPARE(text(3), QStringLiteral("Each number's own SMS URL"));
    QVERIFY2(services->item(0, 3)->toolTip().contains(QStringLiteral("/twilio/incoming-sms")),
             qPrintable(services->item(0, 3)->toolTip()));
    QCOMPARE(text(4), QStringLiteral("(none)"));
    QVERIFY(
        !tab()->findChild<QLabel *>(QStringLiteral("accountMessagingServicesNote"))->isVisible());
    // Reached from the keyboard: its label's mnemonic.
    m_console.window()->activateWindow();
    numbers()->setFocus();
    QTest::keyClick(m_console.window(), Qt::Key_M, Qt::AltModifier);
    QTRY_COMPARE(QApplication::focusWidget(), services);
}

void TestAccountTab::screenshots() {
    showTab();
    m_console.window()->resize(1024, 600);
    QTRY_VERIFY(!tab()->findChild<QLabel *>(QStringLiteral("accountBalance"))->text().isEmpty());
    QTRY_COMPARE(
        tab()->findChild<QTableWidget *>(QStringLiteral("accountMessagingServices"))->rowCount(),
        1);
    const QString light = ConsoleFixture::screenshot(m_console.window(), QStringLiteral("account"));
    QVERIFY(!light.isEmpty());
    QApplication::setPalette(ConsoleFixture::darkPalette());
    QTest::qWait(100); // the tones are re-derived from the new palette
    const QString dark =
        ConsoleFixture::screenshot(m_console.window(), QStringLiteral("account-dark"));
    QApplication::setPalette(QApplication::style()->standardPalette());
    QVERIFY(!dark.isEmpty());
    QVERIFY(QImage(light) != QImage(dark));
}

QTEST_MAIN(TestAccountTab)
#include "tst_account_tab.moc"
