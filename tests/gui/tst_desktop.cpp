#include "ConsoleFixture.h"
#include "TestSupport.h"
#include "account/AccountTab.h"
#include "common/Icons.h"
#include "desktop/SingleInstance.h"
#include "desktop/TrayIcon.h"
#include "runtime/SwitchboardService.h"
#include "sms/ui/SmsComposeWidget.h"
#include "sms/ui/SmsTab.h"
#include "voice/ui/CallTableModel.h"
#include "voice/ui/CallsTab.h"

#include <QLineEdit>
#include <QLocalServer>
#include <QLocalSocket>
#include <QMenu>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QStatusBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace sb;

// Switchboard on the desktop: one console per user, a second start (a tel:/sms: link clicked
// anywhere) handing its link to the running console, which opens a compose for it; and the
// tray's icon and unread count.
class TestDesktop : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void secondStartHandsAnSmsLinkToTheRunningConsole();
    void telLinkFillsTheDialFormWithoutDialling();
    void wrongLinkIsToldNotOpened();
    void linkBeforeTheTabsExistOpensOnceTheyDo();
    void staleSocketFromAKilledConsoleIsTakenOver();
    void busyConsoleKeepsItsSocket();
    void foreignClientIsCutOff();
    void trayShowsTheUnreadCount();
    void closingWithoutATrayReallyCloses();

private:
    // The real program started again, in `runtime` (this test's own runtime folder if empty).
    QProcess *secondStart(const QStringList &arguments, const QString &runtime = {});
    ConsoleFixture m_console;
    QTemporaryDir m_runtime;
    std::unique_ptr<SingleInstance> m_instance;
};

void TestDesktop::initTestCase() {
    QVERIFY(m_runtime.isValid());
    QString why;
    QVERIFY2(m_console.start(&why), qPrintable(why));
    // The console's side exactly as main() wires it, on a socket of this test's own.
    m_instance = std::make_unique<SingleInstance>(
        m_runtime.filePath(QStringLiteral("switchboard/console.socket")));
    QCOMPARE(m_instance->claim({}), SingleInstance::Role::Primary);
    connect(m_instance.get(), &SingleInstance::activated, m_console.window(),
            &MainWindow::handleArguments);
}

void TestDesktop::cleanupTestCase() {
    m_instance.reset();
    m_console.stop();
}

QProcess *TestDesktop::secondStart(const QStringList &arguments, const QString &runtime) {
    const QDir folder(runtime.isEmpty() ? m_runtime.path() : runtime);
    auto *process = new QProcess(this);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), folder.path());
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    // A second console that did not hand over would start a service: give it nothing to use.
    env.insert(QStringLiteral("SWITCHBOARD_DATA_DIR"), folder.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("SWITCHBOARD_PORT"), QStringLiteral("0"));
    process->setProcessEnvironment(env);
    process->start(sbtest::binDir() + QStringLiteral("/switchboard"), arguments);
    return process;
}

void TestDesktop::secondStartHandsAnSmsLinkToTheRunningConsole() {
    // The desktop runs `switchboard %u` when a sms: link is clicked: the real program.
    QCOMPARE(SingleInstance::defaultSocketPath().isEmpty(), false);
    QSignalSpy activated(m_instance.get(), &SingleInstance::activated);
    QProcess *second =
        secondStart({QStringLiteral("sms:+1-415-555-0100?body=Hello%20from%20the%20desktop")});
    // Waited for with the event loop running: this process's console must answer it.
    QSignalSpy finished(second, &QProcess::finished);
    QVERIFY(finished.wait(20000));
    QCOMPARE(second->exitStatus(), QProcess::NormalExit);
    QCOMPARE(second->exitCode(), 0);
    QVERIFY2(second->readAllStandardError().contains("handed over"), "the second start says so");
    QTRY_COMPARE(activated.count(), 1);
    QCOMPARE(activated.at(0).at(0).toStringList(),
             QStringList{QStringLiteral("sms:+1-415-555-0100?body=Hello%20from%20the%20desktop")});

    SmsTab *sms = m_console.sms();
    QCOMPARE(m_console.window()->tabs()->currentWidget(), sms);
    QCOMPARE(sms->compose()->to(), QStringLiteral("+14155550100"));
    QCOMPARE(sms->compose()->body(), QStringLiteral("Hello from the desktop"));
    // Filled in, not sent: nothing went out.
    QCOMPARE(m_console.countWithBody(QStringLiteral("Hello from the desktop")), 0);
    ConsoleFixture::screenshot(m_console.window(), QStringLiteral("desktop-sms-link"));
    sms->compose()->clearBody();
}

void TestDesktop::telLinkFillsTheDialFormWithoutDialling() {
    auto *calls = qobject_cast<CallsTab *>(m_console.window()->channelTab(QStringLiteral("voice")));
    QVERIFY(calls);
    const int before = calls->model()->rowCount();
    m_console.window()->handleArguments({QStringLiteral("tel:+44-20-7946-0958")});
    QCOMPARE(m_console.window()->tabs()->currentWidget(), calls);
    QCOMPARE(calls->toEdit()->text(), QStringLiteral("+442079460958"));
    // The Call button has the focus: the agent places the call.
    QTRY_VERIFY(calls->callButton()->hasFocus() || !m_console.window()->isActiveWindow());
    QTest::qWait(200);
    QCOMPARE(calls->model()->rowCount(), before);
}

void TestDesktop::wrongLinkIsToldNotOpened() {
    QWidget *current = m_console.window()->tabs()->currentWidget();
    m_console.window()->handleArguments({QStringLiteral("tel:call-me-maybe")});
    QCOMPARE(m_console.window()->tabs()->currentWidget(), current);
    QCOMPARE(m_console.window()->statusBar()->currentMessage(),
             QStringLiteral("“callmemaybe” in the link is not a phone number."));
    // Arguments that are not links (a stray option a desktop passes) only raise the window.
    m_console.window()->handleArguments({QStringLiteral("--something"), QString()});
    QCOMPARE(m_console.window()->tabs()->currentWidget(), current);
}

void TestDesktop::linkBeforeTheTabsExistOpensOnceTheyDo() {
    // The first start's own link arrives before the keychain has answered and the service has
    // started: it waits for the tabs.
    ConsoleFixture early;
    bool tabsExisted = true;
    early.setBeforeStart([&tabsExisted](MainWindow *window) {
        tabsExisted = !window->channelTabs().isEmpty();
        window->handleArguments({QStringLiteral("sms:+14155550123?body=early")});
    });
    QString why;
    QVERIFY2(early.start(&why), qPrintable(why));
    QVERIFY(!tabsExisted);
    QCOMPARE(early.window()->tabs()->currentWidget(), early.sms());
    QCOMPARE(early.sms()->compose()->to(), QStringLiteral("+14155550123"));
    QCOMPARE(early.sms()->compose()->body(), QStringLiteral("early"));
    early.stop();
}

void TestDesktop::staleSocketFromAKilledConsoleIsTakenOver() {
    // A console killed with -9 leaves its socket file behind; nobody answers on it.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("console.socket"));
    QFile stale(path);
    QVERIFY(stale.open(QIODevice::WriteOnly));
    stale.close();
    SingleInstance next(path);
    QCOMPARE(next.claim({QStringLiteral("tel:+14155550100")}), SingleInstance::Role::Primary);
    // And a third start now finds it.
    SingleInstance third(path);
    QSignalSpy activated(&next, &SingleInstance::activated);
    // claim() waits in this thread for the answer; the primary answers from the event loop, so
    // the primary runs in this test's event loop while a second thread claims.
    std::atomic<bool> handedOver = false;
    QThread *thread = QThread::create([&third, &handedOver] {
        handedOver = third.claim({QStringLiteral("sms:+1555")}) == SingleInstance::Role::HandedOver;
    });
    thread->start();
    QTRY_COMPARE(activated.count(), 1);
    // Waited for with the event loop running: the primary's answer is written from it (a
    // blocking wait here left it unsent, and the claim timed out under load).
    QTRY_VERIFY_WITH_TIMEOUT(thread->isFinished(), 10000);
    thread->wait();
    delete thread;
    QVERIFY(handedOver);
    QCOMPARE(activated.at(0).at(0).toStringList(), QStringList{QStringLiteral("sms:+1555")});
}

// A console that accepts but does not answer within SingleInstance::HandOverTimeoutMs (its
// window busy, or a heavily loaded machine) is still the console: a second start says so and
// exits 1, and neither takes its socket nor starts a second console on its data.
void TestDesktop::busyConsoleKeepsItsSocket() {
    QTemporaryDir runtime;
    QVERIFY(QDir(runtime.path()).mkpath(QStringLiteral("switchboard")));
    const QString path = runtime.filePath(QStringLiteral("switchboard/console.socket"));
    QLocalServer mute; // accepts, never reads
    QVERIFY(mute.listen(path));
    QProcess *second = secondStart({QStringLiteral("sms:+14155550100")}, runtime.path());
    QSignalSpy finished(second, &QProcess::finished);
    QVERIFY(finished.wait(30000));
    QCOMPARE(second->exitStatus(), QProcess::NormalExit);
    QCOMPARE(second->exitCode(), 1);
    QVERIFY2(second->readAllStandardError().contains("did not answer"), "the second start says so");
    QVERIFY(!QFileInfo::exists(runtime.filePath(QStringLiteral("data"))));
    // The socket is still the mute console's: a later start reaches it.
    QVERIFY(QFileInfo::exists(path));
    while (QLocalSocket *earlier = mute.nextPendingConnection())
        delete earlier; // the second start's
    QLocalSocket later;
    later.connectToServer(path);
    QVERIFY(later.waitForConnected(3000));
    QTRY_VERIFY(mute.hasPendingConnections());
}

void TestDesktop::foreignClientIsCutOff() {
    // Something else on the socket (it is the user's own, mode 0700 folder) sending garbage or
    // an endless line is disconnected, and the console goes on.
    QSignalSpy activated(m_instance.get(), &SingleInstance::activated);
    for (const QByteArray &garbage : {QByteArray("not json\n"), QByteArray("{\"arguments\":5}\n"),
                                      QByteArray(70 * 1024, 'x')}) {
        QLocalSocket socket;
        socket.connectToServer(m_instance->socketPath());
        QVERIFY(socket.waitForConnected(3000));
        socket.write(garbage);
        QTRY_COMPARE(socket.state(), QLocalSocket::UnconnectedState);
    }
    QCOMPARE(activated.count(), 0);
    QCOMPARE(QFileInfo(QFileInfo(m_instance->socketPath()).absolutePath()).permissions() &
                 (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
             QFile::Permissions());
}

void TestDesktop::trayShowsTheUnreadCount() {
    TrayIcon *tray = m_console.window()->trayIcon();
    QVERIFY(tray);
    const int before = tray->unread();
    QCOMPARE(before, m_console.window()->unreadCount());
    m_console.window()->tabs()->setCurrentWidget(m_console.window()->accountTab());
    m_console.window()->service()->simulateInbound(
        QStringLiteral("sms"), QStringLiteral("+14155550177"), QStringLiteral("Is anyone there?"));
    QTRY_COMPARE(tray->unread(), before + 1);
    QCOMPARE(tray->toolTip(), QStringLiteral("Switchboard: %1 unread").arg(before + 1));
    // The badge is drawn: the icon differs from the plain application icon.
    const QImage plain = Icons::application().pixmap(32, 32).toImage();
    const QImage badged = tray->icon().pixmap(32, 32).toImage();
    QVERIFY(!badged.isNull());
    QVERIFY(plain != badged);
    QCOMPARE(TrayIcon::withBadge(0).pixmap(32, 32).toImage(), plain);
    QVERIFY(TrayIcon::withBadge(100).pixmap(32, 32).toImage() !=
            TrayIcon::withBadge(5).pixmap(32, 32).toImage());
    TrayIcon::withBadge(7).pixmap(64, 64).save(QStringLiteral(SB_SCREENSHOT_DIR) +
                                               QStringLiteral("/tray-badge-7.png"));
    // The menu shows the window and quits.
    QStringList actions;
    for (QAction *action : tray->menu()->actions())
        actions << action->objectName();
    QCOMPARE(actions,
             (QStringList{QStringLiteral("trayShow"), QString(), QStringLiteral("trayQuit")}));
}

void TestDesktop::closingWithoutATrayReallyCloses() {
    // Keep-running-in-the-tray is on, but this desktop (offscreen) has no tray: hiding the
    // window would leave it running with no way back, so closing closes.
    QVERIFY(!m_console.window()->trayIcon()->isUsable());
    m_console.settings()->setValue(TrayIcon::CloseToTrayKey, true);
    ConsoleFixture other;
    QString why;
    QVERIFY2(other.start(&why), qPrintable(why));
    other.settings()->setValue(TrayIcon::CloseToTrayKey, true);
    QVERIFY(other.window()->close());
    QVERIFY(!other.window()->isVisible());
    other.stop();
}

QTEST_MAIN(TestDesktop)
#include "tst_desktop.moc"
