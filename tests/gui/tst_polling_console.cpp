#include "ConsoleFixture.h"
#include "common/AttachmentTray.h"
#include "runtime/SwitchboardService.h"
#include "sms/ui/SmsTab.h"

#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryFile>
#include <QtTest>

using namespace sb;

// The console in polling mode (SWITCHBOARD_RECEIVE=polling: the sandbox then plays a Twilio
// that cannot reach this computer and posts no webhook at all): the status bar says it polls,
// why, and when it last asked; the Calls tab says calls need a public URL, and so does Attach…
// (Twilio downloads attachments from the console); and a customer's
// message still appears in the SMS tab, brought by a poll.
class TestPollingConsole : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void statusBarSaysPollingAndWhy();
    void callsTabSaysItNeedsAPublicUrl();
    void attachingSaysItNeedsAPublicUrl();
    void emailTabSaysEventsNeedAPublicUrl();
    void inboundMessageArrivesByPolling();
    void cleanupTestCase() { m_console.stop(); }

private:
    QLabel *label(const QString &name) const {
        return m_console.window()->findChild<QLabel *>(name);
    }
    // The window as an agent on a small screen sees it, saved for a person to look at.
    void screenshotAt1024x600(const QString &name) {
        const QSize was = m_console.window()->size();
        m_console.window()->resize(1024, 600);
        QTest::qWait(200);
        qInfo() << "saved" << ConsoleFixture::screenshot(m_console.window(), name);
        m_console.window()->resize(was);
    }
    ConsoleFixture m_console;
};

void TestPollingConsole::initTestCase() {
    m_console.setSetting(QStringLiteral("SWITCHBOARD_RECEIVE"), QStringLiteral("polling"));
    QString why;
    QVERIFY2(m_console.start(&why), qPrintable(why));
    QVERIFY(m_console.window()->service()->receiveMode().polling());
}

void TestPollingConsole::statusBarSaysPollingAndWhy() {
    QLabel *status = label(QStringLiteral("statusWebhooks"));
    QVERIFY(status);
    QVERIFY2(status->text().contains(QStringLiteral("Polling Twilio")), qPrintable(status->text()));
    QVERIFY2(status->toolTip().contains(QStringLiteral("SWITCHBOARD_RECEIVE")),
             qPrintable(status->toolTip()));
    QCOMPARE(status->accessibleDescription(), status->toolTip());
    // Nothing but the local API's callers comes to the server now.
    QLabel *server = label(QStringLiteral("statusServer"));
    QVERIFY2(server->text().startsWith(QStringLiteral("Local API on 127.0.0.1:")),
             qPrintable(server->text()));
    // After the first poll (two seconds in), when it asked and when it asks next.
    QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QStringLiteral("last asked")), 10000);
    QVERIFY2(status->text().contains(QStringLiteral("next in")), qPrintable(status->text()));
}

void TestPollingConsole::callsTabSaysItNeedsAPublicUrl() {
    QLabel *notice = label(QStringLiteral("publicUrlNotice"));
    QVERIFY(notice);
    auto *tabs = m_console.window()->findChild<QTabWidget *>();
    for (int i = 0; i < tabs->count(); ++i) {
        if (tabs->widget(i)->isAncestorOf(notice))
            tabs->setCurrentIndex(i);
    }
    QTRY_VERIFY(notice->isVisible());
    QVERIFY2(notice->text().contains(QStringLiteral("public URL")), qPrintable(notice->text()));
    screenshotAt1024x600(QStringLiteral("polling-calls-1024x600"));
}

void TestPollingConsole::attachingSaysItNeedsAPublicUrl() {
    MainWindow *window = m_console.window();
    window->tabs()->setCurrentWidget(m_console.sms());
    auto *tray = m_console.sms()->findChild<AttachmentTray *>();
    QVERIFY(tray);
    QVERIFY(!tray->attachButton()->isEnabled());
    QTRY_VERIFY(tray->unavailableLabel()->isVisible());
    QVERIFY2(tray->unavailableLabel()->text().contains(QStringLiteral("public URL")),
             qPrintable(tray->unavailableLabel()->text()));
    // The whole reason (why polling, what still works) in the tooltips.
    QVERIFY2(tray->attachButton()->toolTip().contains(QStringLiteral("SWITCHBOARD_RECEIVE")),
             qPrintable(tray->attachButton()->toolTip()));
    QCOMPARE(tray->unavailableLabel()->toolTip(), tray->attachButton()->toolTip());
    screenshotAt1024x600(QStringLiteral("polling-sms-1024x600"));
    // A file dropped anyway is refused on its chip, before anything is copied or sent.
    QTemporaryFile file(QDir::tempPath() + QStringLiteral("/sb-polling-XXXXXX.png"));
    QVERIFY(file.open());
    file.write("not really a picture");
    file.close();
    tray->addFile(file.fileName());
    QTRY_VERIFY(!tray->isBusy());
    QVERIFY(!tray->canSend());
    QVERIFY2(tray->problem().contains(QStringLiteral("cannot download attachments")),
             qPrintable(tray->problem()));
    tray->clear();
    QVERIFY(tray->canSend());
}

void TestPollingConsole::emailTabSaysEventsNeedAPublicUrl() {
    QLabel *notice = label(QStringLiteral("emailEventsNotice"));
    QVERIFY(notice);
    auto *tabs = m_console.window()->tabs();
    for (int i = 0; i < tabs->count(); ++i) {
        if (tabs->widget(i)->isAncestorOf(notice))
            tabs->setCurrentIndex(i);
    }
    QTRY_VERIFY(notice->isVisible());
    QVERIFY2(notice->text().contains(QStringLiteral("Event Webhook")) &&
                 notice->text().contains(QStringLiteral("SWITCHBOARD_RECEIVE")),
             qPrintable(notice->text()));
    screenshotAt1024x600(QStringLiteral("polling-email-1024x600"));
}

void TestPollingConsole::inboundMessageArrivesByPolling() {
    MainWindow *window = m_console.window();
    window->tabs()->setCurrentWidget(m_console.sms());
    QSignalSpy polled(window->service(), &SwitchboardService::polled);
    window->service()->simulateInbound(QStringLiteral("sms"), QStringLiteral("+14155550167"),
                                       QStringLiteral("Anyone there? (polled)"));
    // Nothing is posted to the console: only a poll can bring it (the first within 2 s, the
    // later ones at most 30 s apart; this one is due within the back-off reached so far).
    QTRY_VERIFY_WITH_TIMEOUT(m_console.rowWithBody(QStringLiteral("Anyone there? (polled)")) >= 0,
                             35000);
    QVERIFY(!polled.isEmpty());
    const MessageRecord record = m_console.record(QStringLiteral("Anyone there? (polled)"));
    QCOMPARE(record.direction, QStringLiteral("inbound"));
    QCOMPARE(record.from, QStringLiteral("+14155550167"));
}

QTEST_MAIN(TestPollingConsole)
#include "tst_polling_console.moc"
