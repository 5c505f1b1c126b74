#include "ConsoleFixture.h"
#include "TestSupport.h"
#include "common/SchemeColors.h"
#include "providers/twilio/SignatureValidator.h"
#include "runtime/SwitchboardService.h"
#include "voice/VoiceRoutes.h"
#include "voice/VoiceSandbox.h"
#include "voice/ui/CallTableModel.h"
#include "voice/ui/CallsTab.h"
#include "voice/ui/RecordingsPanel.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStyle>
#include <QStyleFactory>
#include <QTabWidget>
#include <QTableView>
#include <QtTest>

using namespace sb;

namespace {

CallRecord callAt(qint64 id, const QString &status, const QDateTime &answered) {
    CallRecord c;
    c.id = id;
    c.sid = QStringLiteral("CA%1").arg(id, 32, 10, QLatin1Char('0'));
    c.direction = QStringLiteral("outbound-api");
    c.from = QStringLiteral("+15005550006");
    c.to = QStringLiteral("+1415555%1").arg(1000 + id);
    c.status = status;
    c.created = answered.addSecs(-3);
    c.history = {{QStringLiteral("queued"), answered.addSecs(-3)},
                 {QStringLiteral("ringing"), answered.addSecs(-2)},
                 {QStringLiteral("in-progress"), answered}};
    return c;
}

} // namespace

// The Calls tab in the real window, in sandbox mode against the real sandbox: a call dialled
// from the form reaches `completed` in the table with its timeline; the busy test number shows
// busy; an invalid number is refused beside the field and nothing is dialled; Hang up ends a
// call in progress; the keypad asks the sandbox while a call is in progress; click-to-call
// rings the agent first; the model passes QAbstractItemModelTester and its duration ticks on
// the injected clock; keyboard-only dialling; screenshots during a call.
class TestCallsTab : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void modelPassesTheTester();
    void durationTicksOnTheClock();
    void tabIsFirst();
    void dialReachesCompletedWithItsTimeline();
    void busyNumberShowsBusy();
    void invalidNumberIsRefusedBesideTheField_data();
    void invalidNumberIsRefusedBesideTheField();
    void hangUpEndsACallInProgress();
    void clickToCallNeedsTheAgentPhone();
    void incomingCallRingsAsADesktopNotice();
    void voicemailRaisesADesktopNotice();
    void keyboardOnlyDial();
    void screenshotsDuringACall_data();
    void screenshotsDuringACall();
    void netbookScreenshot();
    // Last: restarts the window with an agent phone.
    void clickToCallRingsTheAgentFirst();

private:
    CallsTab *tab() const;
    // Dials `number` from the form; returns the new call's SID (empty when not placed).
    QString dial(const QString &number);
    CallRecord call(const QString &sid) const;
    QStringList timeline() const;

    ConsoleFixture m_console;
};

CallsTab *TestCallsTab::tab() const {
    return qobject_cast<CallsTab *>(m_console.window()->channelTab(QStringLiteral("voice")));
}

void TestCallsTab::initTestCase() {
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    // Slow enough for a call to be seen (and hung up) in progress: 2 x 400 ms.
    qputenv("SWITCHBOARD_SANDBOX_DELAY_MS", "400");
    QString why;
    m_console.setSetting(QStringLiteral("SWITCHBOARD_AGENT_NAME"), QStringLiteral("Ana Lima"));
    QVERIFY2(m_console.start(&why), qPrintable(why));
    QVERIFY(tab());
    m_console.window()->tabs()->setCurrentWidget(tab());
}

void TestCallsTab::cleanupTestCase() {
    m_console.stop();
}

QString TestCallsTab::dial(const QString &number) {
    CallsTab *calls = tab();
    QSignalSpy finished(calls, &CallsTab::dialFinished);
    calls->toEdit()->setText(number);
    QTest::mouseClick(calls->callButton(), Qt::LeftButton);
    if (!finished.wait(10000) || !finished.first().at(0).toBool())
        return {};
    return finished.first().at(1).toString();
}

CallRecord TestCallsTab::call(const QString &sid) const {
    const int row = tab()->model()->rowOf(sid);
    return row >= 0 ? tab()->model()->record(row) : CallRecord{};
}

QStringList TestCallsTab::timeline() const {
    QStringList statuses;
    for (int i = 0; i < tab()->timeline()->count(); ++i)
        statuses << tab()->timeline()->item(i)->data(Qt::UserRole).toString();
    return statuses;
}

void TestCallsTab::modelPassesTheTester() {
    const QDateTime t0(QDate(2026, 3, 1), QTime(10, 0), Qt::UTC);
    CallTableModel model(ChannelStatuses(m_console.window()->service()->channels()),
                         QStringLiteral("voice"), [t0] { return t0.addSecs(30); });
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setSortRole(CallTableModel::SortRole);
    proxy.sort(CallTableModel::Time, Qt::DescendingOrder);
    QAbstractItemModelTester proxyTester(&proxy,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.upsert(
        {callAt(1, QStringLiteral("in-progress"), t0), callAt(2, QStringLiteral("ringing"), t0)});
    QCOMPARE(model.rowCount(), 2);
    CallRecord ended = callAt(1, QStringLiteral("completed"), t0);
    ended.durationSeconds = 42;
    ended.recordingCount = 2;
    ended.agent = QStringLiteral("Ben Okafor");
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.upsert({ended, callAt(3, QStringLiteral("queued"), t0.addSecs(10))});
    QCOMPARE(model.rowCount(), 3); // updated in place, one added
    QVERIFY(changed.count() >= 1);
    const int row = model.rowOf(ended.sid);
    QCOMPARE(model.index(row, CallTableModel::Duration).data().toString(), QStringLiteral("0:42"));
    QCOMPARE(model.index(row, CallTableModel::Status).data().toString(),
             QStringLiteral("completed"));
    QCOMPARE(model.index(row, CallTableModel::Agent).data().toString(),
             QStringLiteral("Ben Okafor"));
    QCOMPARE(model.headerData(CallTableModel::Agent, Qt::Horizontal).toString(),
             QStringLiteral("Agent"));
    QVERIFY(!model.index(row, CallTableModel::Recording).data(Qt::DecorationRole).isNull());
    QCOMPARE(model.index(row, CallTableModel::Recording).data(Qt::ToolTipRole).toString(),
             QStringLiteral("2 recordings"));
    QVERIFY(model.index(model.rowOf(callAt(2, {}, t0).sid), CallTableModel::Recording)
                .data(Qt::DecorationRole)
                .isNull());
    // The proxy lists the newest first.
    QCOMPARE(proxy.index(0, 0).data(CallTableModel::IdRole).toLongLong(), 3);
}

void TestCallsTab::durationTicksOnTheClock() {
    const QDateTime answered(QDate(2026, 3, 1), QTime(10, 0), Qt::UTC);
    QDateTime now = answered.addSecs(5);
    CallTableModel model(ChannelStatuses(m_console.window()->service()->channels()),
                         QStringLiteral("voice"), [&now] { return now; });
    model.upsert({callAt(7, QStringLiteral("in-progress"), answered)});
    const QModelIndex duration = model.index(0, CallTableModel::Duration);
    QCOMPARE(duration.data().toString(), QStringLiteral("0:05"));
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    now = answered.addSecs(65);
    // The model's own one-second timer repaints the duration cell.
    QVERIFY(changed.wait(2500));
    QCOMPARE(changed.last().at(0).value<QModelIndex>(), duration);
    QCOMPARE(duration.data().toString(), QStringLiteral("1:05"));
    now = answered.addSecs(3723);
    QCOMPARE(duration.data().toString(), QStringLiteral("1:02:03"));
    // Before it is answered there is no duration.
    CallRecord ringing = callAt(8, QStringLiteral("ringing"), answered);
    ringing.history.removeLast();
    model.upsert({ringing});
    QCOMPARE(model.index(model.rowOf(ringing.sid), CallTableModel::Duration).data().toString(),
             QString());
}

void TestCallsTab::tabIsFirst() {
    QTabWidget *tabs = m_console.window()->tabs();
    QCOMPARE(tabs->widget(1), tab()); // after the Inbox
    QCOMPARE(tabs->tabText(1), QStringLiteral("Calls"));
    // The caller ID picker offers TWILIO_PHONE_NUMBER.
    QVERIFY(tab()->callerIdBox()->findText(m_console.window()->service()->config().phoneNumber) >=
            0);
    QCOMPARE(tab()->keypad()->isVisible(), true); // sandbox mode
}

void TestCallsTab::dialReachesCompletedWithItsTimeline() {
    const QString sid = dial(QStringLiteral("+14155550133"));
    QVERIFY(!sid.isEmpty());
    QCOMPARE(tab()->selectedCall().sid, sid);
    QVERIFY2(tab()->dialResult()->text().contains(QStringLiteral("+14155550133")),
             qPrintable(tab()->dialResult()->text()));
    QTRY_COMPARE_WITH_TIMEOUT(call(sid).status, QStringLiteral("completed"), 15000);
    const int row =
        tab()->proxy()->mapFromSource(tab()->model()->index(tab()->model()->rowOf(sid), 0)).row();
    QCOMPARE(tab()->proxy()->index(row, CallTableModel::Status).data().toString(),
             QStringLiteral("completed"));
    QCOMPARE(tab()->proxy()->index(row, CallTableModel::Direction).data().toString(),
             QStringLiteral("Outgoing"));
    QCOMPARE(tab()->proxy()->index(row, CallTableModel::To).data().toString(),
             QStringLiteral("+14155550133"));
    // Placed from this desk: its agent's name, for the rest of a team.
    QCOMPARE(tab()->proxy()->index(row, CallTableModel::Agent).data().toString(),
             QStringLiteral("Ana Lima"));
    QVERIFY(!tab()->proxy()->index(row, CallTableModel::Duration).data().toString().isEmpty());
    // The timeline of the selected call: each status, with its time.
    QTRY_COMPARE(timeline(),
                 (QStringList{"queued", "initiated", "ringing", "in-progress", "completed"}));
    for (int i = 0; i < tab()->timeline()->count(); ++i)
        QVERIFY2(tab()->timeline()->item(i)->text().contains(QLatin1Char(':')),
                 qPrintable(tab()->timeline()->item(i)->text()));
    QVERIFY(!tab()->hangUpButton()->isEnabled()); // it has ended
    QVERIFY(!tab()->keypad()->isEnabled());
}

void TestCallsTab::busyNumberShowsBusy() {
    const QString sid = dial(VoiceSandbox::busyNumber());
    QVERIFY(!sid.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(call(sid).status, QStringLiteral("busy"), 15000);
    const QModelIndex status =
        tab()->model()->index(tab()->model()->rowOf(sid), CallTableModel::Status);
    QCOMPARE(status.data().toString(), QStringLiteral("busy"));
    QVERIFY(!status.data(Qt::ToolTipRole).toString().isEmpty());
    QTRY_COMPARE(timeline().value(timeline().size() - 1), QStringLiteral("busy"));
}

void TestCallsTab::invalidNumberIsRefusedBesideTheField_data() {
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("says");
    QTest::newRow("too short") << QStringLiteral("12") << QString();
    QTest::newRow("letters") << QStringLiteral("call me") << QString();
    QTest::newRow("empty") << QString() << QStringLiteral("enter the customer's number");
}

void TestCallsTab::invalidNumberIsRefusedBesideTheField() {
    QFETCH(QString, typed);
    QFETCH(QString, says);
    CallsTab *calls = tab();
    const int before = calls->model()->rowCount();
    QSignalSpy finished(calls, &CallsTab::dialFinished);
    calls->toEdit()->setText(typed);
    if (!typed.isEmpty()) {
        // Beside the field as it is typed, in the error tone.
        QVERIFY(calls->toReason()->isVisible());
        QVERIFY(!calls->toReason()->text().isEmpty());
        QVERIFY(!calls->toReason()->text().startsWith(QStringLiteral("Will call")));
    }
    QTest::mouseClick(calls->callButton(), Qt::LeftButton);
    QVERIFY(calls->dialResult()->isVisible());
    QVERIFY2(calls->dialResult()->text().startsWith(QStringLiteral("Nothing was dialled")),
             qPrintable(calls->dialResult()->text()));
    if (!says.isEmpty())
        QVERIFY2(calls->dialResult()->text().contains(says),
                 qPrintable(calls->dialResult()->text()));
    else
        QVERIFY(calls->dialResult()->text().contains(calls->toReason()->text()));
    QTest::qWait(300);
    QCOMPARE(finished.count(), 0);
    QCOMPARE(calls->model()->rowCount(), before); // nothing noted, nothing dialled
    calls->toEdit()->clear();
}

void TestCallsTab::hangUpEndsACallInProgress() {
    const QString sid = dial(QStringLiteral("+14155550134"));
    QVERIFY(!sid.isEmpty());
    QVERIFY(tab()->hangUpButton()->isEnabled() || call(sid).status.isEmpty() ||
            call(sid).status == QLatin1String("queued"));
    QTRY_COMPARE_WITH_TIMEOUT(call(sid).status, QStringLiteral("in-progress"), 10000);
    tab()->selectCall(sid);
    QVERIFY(tab()->hangUpButton()->isEnabled());
    QVERIFY(tab()->keypad()->isEnabled()); // in progress: the keypad works
    // The keypad asks the sandbox (POST /sandbox/calls/{sid}/digits); whether it takes the key
    // is the sandbox's business.
    QSignalSpy answered(tab(), &CallsTab::digitsAnswered);
    QTest::mouseClick(tab()->keypad()->findChild<QPushButton *>(QStringLiteral("keypad5")),
                      Qt::LeftButton);
    QVERIFY(answered.wait(5000));
    QVERIFY(answered.first().at(0).toInt() != 0); // the request reached the sandbox
    QVERIFY(!tab()->keypadResult()->text().isEmpty());
    QTest::mouseClick(tab()->hangUpButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(tab()->dialResult()->text(), QStringLiteral("Hung up."), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(call(sid).status, QStringLiteral("completed"), 10000);
    QTRY_VERIFY(!tab()->hangUpButton()->isEnabled());
    QVERIFY(!tab()->keypad()->isEnabled());
}

void TestCallsTab::clickToCallNeedsTheAgentPhone() {
    QVERIFY(m_console.window()->service()->config().agentPhone.isEmpty());
    QVERIFY(!tab()->clickToCallBox()->isEnabled());
    QVERIFY(tab()->clickToCallReason()->isVisible());
    QVERIFY2(tab()->clickToCallReason()->text().contains(QStringLiteral("File ▸ Settings")),
             qPrintable(tab()->clickToCallReason()->text()));
}

void TestCallsTab::incomingCallRingsAsADesktopNotice() {
    // A customer calls in: Twilio's first signed callback for a call the console has never
    // seen, direction inbound.
    SwitchboardService *service = m_console.window()->service();
    QSignalSpy notice(tab(), &ChannelTab::desktopNotice);
    const QString sid = QStringLiteral("CA") + QString(32, 'e');
    const FormFields fields{{QStringLiteral("CallSid"), sid},
                            {QStringLiteral("CallStatus"), QStringLiteral("ringing")},
                            {QStringLiteral("Direction"), QStringLiteral("inbound")},
                            {QStringLiteral("From"), QStringLiteral("+14155550160")},
                            {QStringLiteral("To"), service->config().phoneNumber}};
    const QString path = VoiceRoutes::callStatus();
    sbtest::Http http;
    const sbtest::Reply r = http.postForm(
        QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(service->port()).arg(path)), fields,
        {{"X-Twilio-Signature",
          SignatureValidator::sign(service->config().authToken.toUtf8(),
                                   service->publicUrl().toString() + path, fields)}});
    QCOMPARE(r.status, 200);
    QTRY_COMPARE(notice.count(), 1);
    QVERIFY2(notice.first().at(0).toString().contains(QStringLiteral("+14155550160")),
             qPrintable(notice.first().at(0).toString()));
    // Listed live, as incoming, ringing.
    QTRY_VERIFY(tab()->model()->rowOf(sid) >= 0);
    const int row = tab()->model()->rowOf(sid);
    QCOMPARE(tab()->model()->index(row, CallTableModel::Direction).data().toString(),
             QStringLiteral("Incoming"));
    QCOMPARE(call(sid).status, QStringLiteral("ringing"));
    // Its next callback moves it on without ringing again.
    FormFields answered = fields;
    answered[1].second = QStringLiteral("in-progress");
    QCOMPARE(http.postForm(
                     QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(service->port()).arg(path)),
                     answered,
                     {{"X-Twilio-Signature",
                       SignatureValidator::sign(service->config().authToken.toUtf8(),
                                                service->publicUrl().toString() + path, answered)}})
                 .status,
             200);
    QTRY_COMPARE(call(sid).status, QStringLiteral("in-progress"));
    QCOMPARE(notice.count(), 1);
}

void TestCallsTab::voicemailRaisesADesktopNotice() {
    // A voicemail (a <Record> recording) on the incoming call above is announced; a recorded
    // forward (a <Dial> recording) is not: the agent was on that call.
    SwitchboardService *service = m_console.window()->service();
    QSignalSpy notice(tab(), &ChannelTab::desktopNotice);
    const QString callSid = QStringLiteral("CA") + QString(32, 'e');
    QTRY_VERIFY(tab()->model()->rowOf(callSid) >= 0);
    sbtest::Http http;
    auto post = [&](const QString &recordingSid, const QString &source) {
        const FormFields fields{{QStringLiteral("AccountSid"), service->config().accountSid},
                                {QStringLiteral("CallSid"), callSid},
                                {QStringLiteral("RecordingSid"), recordingSid},
                                {QStringLiteral("RecordingUrl"),
                                 service->sandboxUrl().toString() +
                                     QStringLiteral("/2010-04-01/Accounts/%1/Recordings/%2")
                                         .arg(service->config().accountSid, recordingSid)},
                                {QStringLiteral("RecordingStatus"), QStringLiteral("completed")},
                                {QStringLiteral("RecordingDuration"), QStringLiteral("7")},
                                {QStringLiteral("RecordingChannels"), QStringLiteral("1")},
                                {QStringLiteral("RecordingSource"), source}};
        const QString path = VoiceRoutes::recordingComplete();
        return http
            .postForm(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(service->port()).arg(path)),
                      fields,
                      {{"X-Twilio-Signature",
                        SignatureValidator::sign(service->config().authToken.toUtf8(),
                                                 service->publicUrl().toString() + path, fields)}})
            .status;
    };
    QCOMPARE(post(QStringLiteral("RE") + QString(32, 'd'), QStringLiteral("DialVerb")), 200);
    QCOMPARE(post(QStringLiteral("RE") + QString(32, 'v'), QStringLiteral("RecordVerb")), 200);
    QTRY_COMPARE(notice.count(), 1);
    QTest::qWait(200); // the Dial recording would have been announced by now
    QCOMPARE(notice.count(), 1);
    QCOMPARE(notice.first().at(0).toString(), QStringLiteral("New voicemail from +14155550160"));
    QVERIFY2(notice.first().at(1).toString().contains(QStringLiteral("0:07 long")),
             qPrintable(notice.first().at(1).toString()));
}
void TestCallsTab::keyboardOnlyDial() {
    MainWindow *window = m_console.window();
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window));
    // Ctrl+N is the dial form's number on the Calls tab.
    QTest::keyClick(window->windowHandle(), Qt::Key_N, Qt::ControlModifier);
    QTRY_COMPARE(QApplication::focusWidget(), tab()->toEdit());
    QSignalSpy finished(tab(), &CallsTab::dialFinished);
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("+14155550135"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QVERIFY(finished.wait(10000));
    QVERIFY(finished.first().at(0).toBool());
    // Alt+R toggles recording, Alt+I is the caller ID, Alt+T the number again.
    QTest::keyClick(window->windowHandle(), Qt::Key_I, Qt::AltModifier);
    QTRY_COMPARE(QApplication::focusWidget(), tab()->callerIdBox());
    QTest::keyClick(window->windowHandle(), Qt::Key_T, Qt::AltModifier);
    QTRY_COMPARE(QApplication::focusWidget(), tab()->toEdit());
    const bool recorded = tab()->recordBox()->isChecked();
    QTest::keyClick(window->windowHandle(), Qt::Key_R, Qt::AltModifier);
    QTRY_COMPARE(tab()->recordBox()->isChecked(), !recorded);
    tab()->recordBox()->setChecked(recorded);
    QTRY_COMPARE_WITH_TIMEOUT(call(finished.first().at(1).toString()).status,
                              QStringLiteral("completed"), 15000);
}

void TestCallsTab::screenshotsDuringACall_data() {
    QTest::addColumn<QPalette>("palette");
    QTest::addColumn<QString>("name");
    QTest::newRow("light") << QApplication::style()->standardPalette() << QStringLiteral("light");
    QTest::newRow("dark") << ConsoleFixture::darkPalette() << QStringLiteral("dark");
}

void TestCallsTab::screenshotsDuringACall() {
    QFETCH(QPalette, palette);
    QFETCH(QString, name);
    QApplication::setPalette(palette);
    MainWindow *window = m_console.window();
    window->tabs()->setCurrentWidget(tab());
    const QString sid = dial(QStringLiteral("+14155550136"));
    QVERIFY(!sid.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(call(sid).status, QStringLiteral("in-progress"), 10000);
    tab()->selectCall(sid);
    QTest::qWait(50);
    // Every visible label keeps the text contrast in this palette.
    for (QLabel *label : tab()->findChildren<QLabel *>()) {
        if (!label->isVisible() || label->text().isEmpty())
            continue;
        const QColor fg = label->palette().color(label->foregroundRole());
        const QColor bg = label->palette().color(QPalette::Window);
        QVERIFY2(SchemeColors::contrast(fg, bg) >= SchemeColors::TextContrast,
                 qPrintable(label->text()));
    }
    qInfo().noquote() << "screenshot:"
                      << ConsoleFixture::screenshot(window, QStringLiteral("calls-%1").arg(name));
    QTRY_COMPARE_WITH_TIMEOUT(call(sid).status, QStringLiteral("completed"), 15000);
    QApplication::setPalette(QApplication::style()->standardPalette());
}

void TestCallsTab::netbookScreenshot() {
    if (QGuiApplication::primaryScreen()->geometry().size() != QSize(1024, 600))
        QSKIP("needs the 1024x600 screen CTest configures (tst_calls_tab_1024x600)");
    MainWindow *window = m_console.window();
    window->tabs()->setCurrentWidget(tab());
    const QString sid = dial(QStringLiteral("+14155550137"));
    QVERIFY(!sid.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(call(sid).status, QStringLiteral("in-progress"), 10000);
    tab()->selectCall(sid);
    QTest::qWait(100);
    QVERIFY(window->frameGeometry().width() <= 1024);
    for (QWidget *w :
         {static_cast<QWidget *>(tab()->callButton()),
          static_cast<QWidget *>(tab()->hangUpButton()), static_cast<QWidget *>(tab()->keypad())}) {
        QVERIFY2(w->isVisible(), qPrintable(w->objectName()));
        QVERIFY2(w->visibleRegion().boundingRect().height() >= w->height() / 2,
                 qPrintable(w->objectName()));
    }
    qInfo().noquote() << "screenshot:"
                      << ConsoleFixture::screenshot(window, QStringLiteral("calls-1024x600"));
    // The timeline is the point of selecting a call: at least eight of its lines show (it
    // showed three when it shared its column with the keypad and the recordings).
    QListWidget *timeline = tab()->timeline();
    QVERIFY(timeline->count() > 0);
    const int rows = timeline->viewport()->height() / timeline->sizeHintForRow(0);
    qInfo().noquote() << "timeline rows visible at 1024x600:" << rows;
    QVERIFY2(rows >= 8, qPrintable(QString::number(rows)));
    QVERIFY(tab()->recordings()->isVisible());
    QVERIFY(tab()->recordings()->visibleRegion().boundingRect().height() >=
            tab()->recordings()->minimumSizeHint().height());
}

void TestCallsTab::clickToCallRingsTheAgentFirst() {
    // The agent sets their phone in the settings; the console restarts with it.
    MainWindow *window = m_console.window();
    m_console.settings()->setValue(QStringLiteral("config/SWITCHBOARD_AGENT_PHONE"),
                                   QStringLiteral("+14155550999"));
    QSignalSpy started(window, &MainWindow::serviceStarted);
    window->start();
    QVERIFY(started.wait(15000));
    QVERIFY(tab());
    QCOMPARE(window->service()->config().agentPhone, QStringLiteral("+14155550999"));
    QVERIFY(tab()->clickToCallBox()->isEnabled());
    QVERIFY(tab()->clickToCallReason()->text().contains(QStringLiteral("+14155550999")));
    tab()->clickToCallBox()->setChecked(true);
    const QString sid = dial(QStringLiteral("+14155550138"));
    QVERIFY(!sid.isEmpty());
    // The call rings the agent, from the caller ID; the customer is dialled by its TwiML.
    const CallRecord placed = call(sid);
    QCOMPARE(placed.to, QStringLiteral("+14155550999"));
    QCOMPARE(placed.from, window->service()->config().phoneNumber);
    QVERIFY2(placed.url.contains(QStringLiteral("/twilio/bridge?to=%2B14155550138")),
             qPrintable(placed.url));
    QTRY_COMPARE_WITH_TIMEOUT(call(sid).status, QStringLiteral("completed"), 15000);
}

QTEST_MAIN(TestCallsTab)
#include "tst_calls_tab.moc"
