#include "BuiltInChannelUis.h"
#include "MainWindow.h"
#include "PgTestServer.h"
#include "SmsTabOf.h"
#include "TeamFixture.h"
#include "TestSupport.h"
#include "common/ConversationView.h"
#include "common/MessageFilterProxy.h"
#include "common/MessageTableModel.h"
#include "inbox/AssignmentBar.h"
#include "inbox/ContactListModel.h"
#include "inbox/Inbox.h"
#include "inbox/InboxTab.h"
#include "runtime/BuiltInChannels.h"
#include "sandbox/Sandbox.h"
#include "settings/SecretStore.h"
#include "sms/ui/SmsTab.h"

#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPainter>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QtTest>

#include <csignal>

using namespace sb;

// Two agents' consoles (SWITCHBOARD_ROLE=console, no port) and a receiver process on one
// PostgreSQL: a customer's message shows on both desks, Ana answers it on hers, and Ben sees
// her answer in the same conversation, named as hers, as it is delivered. The screenshot puts
// the two windows side by side.
class TestTeamConsoles : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void bothDesksShowTheSameConversation();
    void anAssignmentShowsOnTheOtherDesk();
    void aClosedDeskLeavesAtOnce();

private:
    struct Desk {
        std::unique_ptr<QSettings> settings;
        std::unique_ptr<SecretStore> secrets;
        std::unique_ptr<MainWindow> window;
        SmsTab *sms = nullptr;
    };
    bool openDesk(Desk &desk, const QString &agent);
    static int rowWithBody(SmsTab *sms, const QString &body);
    static void openConversation(SmsTab *sms, int row);
    static bool openInInbox(MainWindow *window, const QString &number);
    void saveSideBySide(const QString &name);

    QTemporaryDir m_dir;
    sbtest::TeamFixture m_team;
    quint16 m_receiverPort = 0;
    sbtest::Child m_receiver;
    Desk m_ana;
    Desk m_ben;
};

void TestTeamConsoles::initTestCase() {
    SB_REQUIRE_POSTGRES();
    QString error;
    m_receiverPort = sbtest::freePort();
    QVERIFY2(m_team.setUp(QStringLiteral("desks"), m_receiverPort, 150, &error), qPrintable(error));
    QVERIFY(m_team.startReceiver(m_receiver, m_dir.filePath(QStringLiteral("receiver")),
                                 m_receiverPort, QStringLiteral("desk-token")));
    QVERIFY(openDesk(m_ana, QStringLiteral("Ana Lima")));
    QVERIFY(openDesk(m_ben, QStringLiteral("Ben Okafor")));
}

void TestTeamConsoles::cleanupTestCase() {
    m_ana.window.reset();
    m_ben.window.reset();
    if (m_receiver.process().state() == QProcess::Running) {
        ::kill(m_receiver.process().processId(), SIGTERM);
        QCOMPARE(m_receiver.waitForExit(), 0);
    }
}

bool TestTeamConsoles::openDesk(Desk &desk, const QString &agent) {
    const QString folder = m_dir.filePath(agent.section(QLatin1Char(' '), 0, 0));
    desk.settings =
        std::make_unique<QSettings>(folder + QStringLiteral("/settings.ini"), QSettings::IniFormat);
    desk.secrets = std::make_unique<SecretStore>();
    QProcessEnvironment env = m_team.consoleEnv(folder + QStringLiteral("/data"), agent);
    env.insert(QStringLiteral("SWITCHBOARD_API_TOKEN"), QStringLiteral("desk"));
    auto load = [env](const QHash<QString, QString> &stored, QString *error) {
        return ConfigLoader::load(env, QString(), error, stored);
    };
    desk.window = std::make_unique<MainWindow>(load, builtInChannels(), builtInChannelUis(),
                                               desk.settings.get(), desk.secrets.get(),
                                               QHash<QString, QString>{});
    QSignalSpy started(desk.window.get(), &MainWindow::serviceStarted);
    desk.window->resize(1024, 600);
    desk.window->show();
    desk.window->start();
    if (!started.wait(15000))
        return false;
    desk.sms = smsTabOf(*desk.window);
    desk.window->tabs()->setCurrentWidget(desk.sms);
    return desk.sms != nullptr;
}

int TestTeamConsoles::rowWithBody(SmsTab *sms, const QString &body) {
    for (int row = 0; row < sms->model()->rowCount(); ++row) {
        if (sms->model()->record(row).body == body)
            return row;
    }
    return -1;
}

void TestTeamConsoles::openConversation(SmsTab *sms, int row) {
    sms->table()->setCurrentIndex(sms->proxy()->mapFromSource(sms->model()->index(row, 0)));
}

void TestTeamConsoles::bothDesksShowTheSameConversation() {
    // A customer writes to the team's number: the receiver stores it, both desks show it.
    const QString question = QStringLiteral("Hi, is my order on its way?");
    sbtest::Http http;
    const sbtest::Reply inbound =
        http.postForm(QUrl(m_team.twilioBase() + QStringLiteral("/sandbox/inbound")),
                      {{QStringLiteral("Channel"), QStringLiteral("sms")},
                       {QStringLiteral("From"), QStringLiteral("+14155550177")},
                       {QStringLiteral("Body"), question}},
                      {{"Authorization", sbtest::sandboxBasicAuth(m_team.twilio())}});
    QVERIFY2(inbound.status / 100 == 2, inbound.body.constData());
    QTRY_VERIFY_WITH_TIMEOUT(rowWithBody(m_ana.sms, question) >= 0, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(rowWithBody(m_ben.sms, question) >= 0, 10000);

    // Ana answers in the conversation.
    openConversation(m_ana.sms, rowWithBody(m_ana.sms, question));
    QTRY_COMPARE(m_ana.sms->conversation()->contact(), QStringLiteral("+14155550177"));
    auto *reply =
        m_ana.sms->conversation()->findChild<QLineEdit *>(QStringLiteral("conversationReply"));
    QVERIFY(reply);
    const QString answer = QStringLiteral("Yes, it left our warehouse this morning.");
    QTest::keyClicks(reply, answer);
    QTest::keyClick(reply, Qt::Key_Return);

    // Ben has the same conversation open: her answer arrives there, named as hers, and goes
    // on to delivered (its statuses reach the receiver, and Ben through the database).
    openConversation(m_ben.sms, rowWithBody(m_ben.sms, question));
    QTRY_COMPARE(m_ben.sms->conversation()->contact(), QStringLiteral("+14155550177"));
    QTRY_VERIFY_WITH_TIMEOUT(rowWithBody(m_ben.sms, answer) >= 0, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(m_ben.sms->model()->record(rowWithBody(m_ben.sms, answer)).status,
                              QStringLiteral("delivered"), 10000);
    QCOMPARE(m_ben.sms->model()->record(rowWithBody(m_ben.sms, answer)).agent,
             QStringLiteral("Ana Lima"));
    QTRY_VERIFY(m_ben.sms->conversation()->thread()->toPlainText().contains(answer));
    QVERIFY(
        m_ben.sms->conversation()->thread()->toPlainText().contains(QStringLiteral("· Ana Lima")));
    openConversation(m_ana.sms, rowWithBody(m_ana.sms, answer));
    QTRY_COMPARE_WITH_TIMEOUT(m_ana.sms->model()->record(rowWithBody(m_ana.sms, answer)).status,
                              QStringLiteral("delivered"), 10000);
    QTest::qWait(300); // the last repaint of both threads

    saveSideBySide(QStringLiteral("team-two-consoles.png"));
}

bool TestTeamConsoles::openInInbox(MainWindow *window, const QString &number) {
    InboxTab *inbox = window->inboxTab();
    window->tabs()->setCurrentWidget(inbox);
    int row = -1;
    if (!QTest::qWaitFor(
            [&] {
                for (row = 0; row < inbox->model()->rowCount(); ++row) {
                    if (inbox->model()->contact(row).number == number)
                        return true;
                }
                return false;
            },
            10000))
        return false;
    const QModelIndex index = inbox->model()->index(row);
    inbox->list()->setCurrentIndex(index);
    Q_EMIT inbox->list()->activated(index);
    return QTest::qWaitFor(
        [&] { return inbox->openContactId() == index.data(ContactListModel::IdRole).toLongLong(); },
        10000);
}

// Ana takes the conversation in her Inbox (Ctrl+Shift+A); Ben's desk shows whose it is, in
// the list and in the open thread's header, through the database's change feed alone; Ben's
// "Mine" does not list it. The screenshot shows both Inboxes, one conversation assigned.
void TestTeamConsoles::anAssignmentShowsOnTheOtherDesk() {
    const QString customer = QStringLiteral("+14155550177");
    QVERIFY(openInInbox(m_ana.window.get(), customer));
    QVERIFY(openInInbox(m_ben.window.get(), customer));
    InboxTab *ana = m_ana.window->inboxTab();
    InboxTab *ben = m_ben.window->inboxTab();
    QCOMPARE(ben->assignment()->actionButton()->text(), QStringLiteral("Assign to me"));
    m_ana.window->activateWindow(); // shortcuts go to the active window
    QVERIFY(QTest::qWaitForWindowActive(m_ana.window.get()));
    ana->replyEdit()->setFocus();
    QTest::keyClick(ana->replyEdit(), Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_COMPARE(ana->assignment()->stateLabel()->text(), QStringLiteral("Assigned to you"));
    QTRY_VERIFY_WITH_TIMEOUT(ben->assignment()->stateLabel()->text().startsWith(
                                 QStringLiteral("Assigned to Ana Lima · since")),
                             5000);
    QCOMPARE(ben->assignment()->actionButton()->text(), QStringLiteral("Take over"));
    QCOMPARE(ben->model()->contact(ben->model()->rowOf(ben->openContactId())).assignee,
             QStringLiteral("Ana Lima"));
    QTRY_VERIFY(ben->scopePicker()->itemText(1).startsWith(QStringLiteral("Mine (0)")));
    QTRY_VERIFY(ana->scopePicker()->itemText(1).startsWith(QStringLiteral("Mine (1)")));
    // Ben starts typing an answer: Ana's desk warns her that he is replying; Ben's shows Ana
    // viewing the conversation.
    QTest::keyClicks(ben->replyEdit(), QStringLiteral("Hi, I can help"));
    QTRY_COMPARE_WITH_TIMEOUT(ana->presenceLabel()->text(),
                              QStringLiteral("Ben Okafor is replying to this customer"), 5000);
    QVERIFY(ana->presenceLabel()->isVisible());
    QTRY_COMPARE_WITH_TIMEOUT(ben->presenceLabel()->text(),
                              QStringLiteral("Ana Lima is viewing this conversation"), 5000);
    // The lists say it too, on the customer's row: seen before a conversation is opened.
    const qint64 id = ana->openContactId();
    QTRY_COMPARE_WITH_TIMEOUT(ana->model()->presenceOf(id).value(0).agent,
                              QStringLiteral("Ben Okafor"), 5000);
    QCOMPARE(ana->model()->presenceOf(id).value(0).state, QString(Inbox::Replying));
    QCOMPARE(ana->model()->presenceOf(id).size(), 1); // not her own
    QTRY_COMPARE_WITH_TIMEOUT(ben->model()->presenceOf(id).value(0).agent,
                              QStringLiteral("Ana Lima"), 5000);
    // Whose window is whose.
    QVERIFY(m_ana.window->windowTitle().contains(QStringLiteral("Ana Lima")));
    QVERIFY(m_ben.window->windowTitle().contains(QStringLiteral("Ben Okafor")));
    QTest::qWait(300);
    saveSideBySide(QStringLiteral("team-assigned.png"));
    // Ben gives up his draft and goes to the Calls tab: Ana's warning goes.
    ben->replyEdit()->clear();
    QTRY_COMPARE_WITH_TIMEOUT(ana->presenceLabel()->text(),
                              QStringLiteral("Ben Okafor is viewing this conversation"), 5000);
    m_ben.window->tabs()->setCurrentIndex(1);
    QTRY_VERIFY_WITH_TIMEOUT(!ana->presenceLabel()->isVisible(), 5000);
}

// Ben comes back to the conversation and then closes his console: his window's end withdraws
// his presence, so Ana's warning goes at once, not when it lapses (Inbox::PresenceTtlMs).
void TestTeamConsoles::aClosedDeskLeavesAtOnce() {
    InboxTab *ana = m_ana.window->inboxTab();
    InboxTab *ben = m_ben.window->inboxTab();
    QVERIFY(ana->openContactId() != 0);
    m_ben.window->tabs()->setCurrentWidget(ben);
    QTest::keyClicks(ben->replyEdit(), QStringLiteral("One moment"));
    QTRY_COMPARE_WITH_TIMEOUT(ana->presenceLabel()->text(),
                              QStringLiteral("Ben Okafor is replying to this customer"), 5000);
    m_ben.window.reset();
    static_assert(Inbox::PresenceTtlMs > 3 * 5000, "a lapse would pass this wait");
    QTRY_VERIFY_WITH_TIMEOUT(!ana->presenceLabel()->isVisible(), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(ana->model()->presenceOf(ana->openContactId()).isEmpty(), 5000);
}

void TestTeamConsoles::saveSideBySide(const QString &name) {
    const QPixmap ana = m_ana.window->grab();
    const QPixmap ben = m_ben.window->grab();
    QImage both(ana.width() + ben.width() + 16, qMax(ana.height(), ben.height()),
                QImage::Format_RGB32);
    both.fill(Qt::darkGray);
    {
        QPainter painter(&both);
        painter.drawPixmap(0, 0, ana);
        painter.drawPixmap(ana.width() + 16, 0, ben);
    }
    QDir().mkpath(QStringLiteral(SB_SCREENSHOT_DIR));
    QVERIFY(both.save(QStringLiteral(SB_SCREENSHOT_DIR "/") + name));
}

QTEST_MAIN(TestTeamConsoles)
#include "tst_team_consoles.moc"
