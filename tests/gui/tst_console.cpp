#include "BuiltInChannelUis.h"
#include "ConnectionStatus.h"
#include "MainWindow.h"
#include "SmsTabOf.h"
#include "common/ConversationView.h"
#include "common/MessageFilterProxy.h"
#include "common/MessageTableModel.h"
#include "db/Store.h"
#include "runtime/BuiltInChannels.h"
#include "runtime/SwitchboardService.h"
#include "settings/SecretStore.h"
#include "sms/ui/SmsComposeWidget.h"
#include "sms/ui/SmsTab.h"

#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QtTest>

using namespace sb;

// The real window driven with QTest, in sandbox mode: compose, send, and watch the row go to
// `delivered` through real signed webhooks. Writes a screenshot of each tab to the build folder.
class TestConsole : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void shellShowsModeAndTabs();
    void sendingShowsTheRowGoToDelivered();
    void invalidNumberShowsItsReasonAndSendsNothing();
    void testNumberErrorAppearsOnTheRow();
    void ctrlEnterSends();
    void counterShowsSegmentsAndEncoding();
    void incomingSmsAppearsAndOpensAConversation();
    void detailsShowTheStatusTimeline();
    void aLostDatabaseShowsInTheStatusBar();
    void screenshots();
    void savingSettingsReconnects();

private:
    void type(const QString &to, const QString &body);
    int rowWithBody(const QString &body) const;
    MessageRecord rowRecord(const QString &body) const;

    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<MainWindow> m_window;
    SmsTab *m_sms = nullptr;
};

void TestConsole::initTestCase() {
    qputenv("SWITCHBOARD_SANDBOX_DELAY_MS", "30");
    m_settings = std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("settings.ini")),
                                             QSettings::IniFormat);
    m_secrets = std::make_unique<SecretStore>();
    const QString data = m_dir.filePath(QStringLiteral("data"));
    auto load = [data](const QHash<QString, QString> &stored, QString *error) {
        QProcessEnvironment env;
        env.insert(QStringLiteral("SWITCHBOARD_DATA_DIR"), data);
        env.insert(QStringLiteral("SWITCHBOARD_PORT"), QStringLiteral("0"));
        env.insert(QStringLiteral("SWITCHBOARD_API_TOKEN"), QStringLiteral("gui"));
        env.insert(QStringLiteral("SWITCHBOARD_AGENT_NAME"), QStringLiteral("Ana"));
        return ConfigLoader::load(env, QString(), error, stored);
    };
    m_window =
        std::make_unique<MainWindow>(load, builtInChannels(), builtInChannelUis(), m_settings.get(),
                                     m_secrets.get(), QHash<QString, QString>{});
    QSignalSpy started(m_window.get(), &MainWindow::serviceStarted);
    m_window->show();
    m_window->start();
    QVERIFY(started.wait(15000));
    m_sms = smsTabOf(*m_window);
    QVERIFY(m_sms);
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    // The account's numbers arrive from the sandbox and fill the From picker.
    QTRY_VERIFY(m_sms->compose()->findChild<QComboBox *>(QStringLiteral("composeFrom"))->count() >
                0);
}

void TestConsole::cleanupTestCase() {
    m_window.reset();
}

void TestConsole::type(const QString &to, const QString &body) {
    SmsComposeWidget *c = m_sms->compose();
    c->toEdit()->clear();
    QTest::keyClicks(c->toEdit(), to);
    c->bodyEdit()->clear();
    QTest::keyClicks(c->bodyEdit(), body);
}

int TestConsole::rowWithBody(const QString &body) const {
    for (int row = 0; row < m_sms->model()->rowCount(); ++row) {
        if (m_sms->model()->record(row).body == body)
            return row;
    }
    return -1;
}

MessageRecord TestConsole::rowRecord(const QString &body) const {
    const int row = rowWithBody(body);
    return row >= 0 ? m_sms->model()->record(row) : MessageRecord{};
}

void TestConsole::shellShowsModeAndTabs() {
    QTabWidget *tabs = m_window->tabs();
    QStringList names;
    for (int i = 0; i < tabs->count(); ++i)
        names << tabs->tabText(i);
    QCOMPARE(names,
             (QStringList{QStringLiteral("Inbox"), QStringLiteral("Calls"), QStringLiteral("SMS"),
                          QStringLiteral("WhatsApp"), QStringLiteral("Email"),
                          QStringLiteral("Account"), QStringLiteral("Webhooks")}));
    QVERIFY(m_window->banner()->isVisible());
    QVERIFY(m_window->banner()->text().contains(QStringLiteral("Sandbox mode")));
    QVERIFY(m_window->connectionStatus()->modeLabel()->text().contains(QStringLiteral("Sandbox")));
}

// Team mode's store says when the shared database is lost (Store::connectionChanged); the
// status bar says so before anything else, with the reason for the screen reader too.
void TestConsole::aLostDatabaseShowsInTheStatusBar() {
    QLabel *webhooks = m_window->connectionStatus()->webhookLabel();
    const QString before = webhooks->text();
    Store *store = m_window->service()->store();
    Q_EMIT store->connectionChanged(false, QStringLiteral("server closed the connection"));
    QVERIFY2(webhooks->text().contains(QStringLiteral("database cannot be reached")),
             qPrintable(webhooks->text()));
    QCOMPARE(webhooks->toolTip(), QStringLiteral("server closed the connection"));
    QCOMPARE(webhooks->accessibleDescription(), QStringLiteral("server closed the connection"));
    Q_EMIT store->connectionChanged(true, QString());
    QCOMPARE(webhooks->text(), before);
}

void TestConsole::sendingShowsTheRowGoToDelivered() {
    type(QStringLiteral("+1 415 555 0100"), QStringLiteral("Your parcel is on its way"));
    QVERIFY(m_sms->compose()->sendButton()->isEnabled());
    QTest::mouseClick(m_sms->compose()->sendButton(), Qt::LeftButton);
    QTRY_VERIFY(rowWithBody(QStringLiteral("Your parcel is on its way")) >= 0);
    QTRY_COMPARE_WITH_TIMEOUT(rowRecord(QStringLiteral("Your parcel is on its way")).status,
                              QStringLiteral("delivered"), 10000);
    QCOMPARE(rowRecord(QStringLiteral("Your parcel is on its way")).to,
             QStringLiteral("+14155550100"));
    // Said only once it is true: delivered, and to whom.
    QTRY_VERIFY(
        m_sms->compose()->result()->text().startsWith(QStringLiteral("Delivered to +14155550100")));
    QVERIFY(m_sms->compose()->bodyEdit()->toPlainText().isEmpty());
}

void TestConsole::invalidNumberShowsItsReasonAndSendsNothing() {
    const int before = m_sms->model()->rowCount();
    type(QStringLiteral("+1234"), QStringLiteral("should not go"));
    QVERIFY(m_sms->compose()->toReason()->text().contains(QStringLiteral("too short")));
    QVERIFY(!m_sms->compose()->sendButton()->isEnabled());
    QTest::keyClick(m_sms->compose()->bodyEdit(), Qt::Key_Return, Qt::ControlModifier);
    QTest::qWait(300);
    QCOMPARE(m_sms->model()->rowCount(), before);
    QVERIFY(m_sms->compose()->result()->text().contains(QStringLiteral("too short")));
}

void TestConsole::testNumberErrorAppearsOnTheRow() {
    type(QStringLiteral("+15005550001"), QStringLiteral("to Twilio's invalid test number"));
    QTest::mouseClick(m_sms->compose()->sendButton(), Qt::LeftButton);
    QTRY_VERIFY(m_sms->compose()->result()->text().contains(QStringLiteral("21211")));
    QVERIFY(
        m_sms->compose()->result()->text().contains(QStringLiteral("not a valid phone number")));
    QTRY_COMPARE(rowRecord(QStringLiteral("to Twilio's invalid test number")).status,
                 QStringLiteral("failed"));
    const int row = rowWithBody(QStringLiteral("to Twilio's invalid test number"));
    const QModelIndex error = m_sms->model()->index(row, MessageTableModel::Error);
    QCOMPARE(error.data().toString(), QStringLiteral("21211"));
    QVERIFY(error.data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("not a valid phone number")));
}

void TestConsole::ctrlEnterSends() {
    type(QStringLiteral("+14155550123"), QStringLiteral("sent with the keyboard"));
    QTest::keyClick(m_sms->compose()->bodyEdit(), Qt::Key_Return, Qt::ControlModifier);
    QTRY_VERIFY(rowWithBody(QStringLiteral("sent with the keyboard")) >= 0);
    // The text stays (read-only) until Twilio has accepted it, then the box is free again.
    QTRY_VERIFY(m_sms->compose()->bodyEdit()->toPlainText().isEmpty());
    QVERIFY(!m_sms->compose()->bodyEdit()->isReadOnly());
}

void TestConsole::counterShowsSegmentsAndEncoding() {
    type(QStringLiteral("+14155550100"), QString(161, QLatin1Char('a')));
    QVERIFY(m_sms->compose()->counter()->text().contains(QStringLiteral("161 characters")));
    QVERIFY(m_sms->compose()->counter()->text().contains(QStringLiteral("2 segments")));
    QVERIFY(m_sms->compose()->counter()->text().contains(QStringLiteral("GSM-7")));
    m_sms->compose()->bodyEdit()->setPlainText(
        QStringLiteral("Thanks “so” much")); // keyClicks is ASCII only
    QVERIFY(m_sms->compose()->counter()->text().contains(QStringLiteral("UCS-2")));
    QCOMPARE(m_sms->compose()->bodyEdit()->extraSelections().size(), 2);
    m_sms->compose()->bodyEdit()->clear();
}

void TestConsole::incomingSmsAppearsAndOpensAConversation() {
    const int before = m_sms->model()->rowCount();
    m_window->simulateIncoming(QStringLiteral("sms"));
    QTRY_COMPARE(m_sms->model()->rowCount(), before + 1);
    const MessageRecord inbound = m_sms->model()->record(0);
    QCOMPARE(inbound.direction, QStringLiteral("inbound"));
    QCOMPARE(inbound.status, QStringLiteral("received"));
    QVERIFY(m_window->connectionStatus()->webhookLabel()->text().contains(
        QStringLiteral("last webhook")));

    const QModelIndex first = m_sms->proxy()->mapFromSource(m_sms->model()->index(0, 0));
    m_sms->table()->setCurrentIndex(first);
    QTRY_COMPARE(m_sms->conversation()->contact(), inbound.from);
    QTRY_VERIFY(m_sms->conversation()->model()->rowCount() >= 1);

    // Reply from the conversation: a new outbound message to that contact.
    auto *reply =
        m_sms->conversation()->findChild<QLineEdit *>(QStringLiteral("conversationReply"));
    QTest::keyClicks(reply, QStringLiteral("Yes, it ships today"));
    QTest::keyClick(reply, Qt::Key_Return);
    QTRY_COMPARE(rowRecord(QStringLiteral("Yes, it ships today")).to, inbound.from);
    QTRY_VERIFY(m_sms->conversation()->model()->rowCount() >= 2);
    // The reply says who sent it (SWITCHBOARD_AGENT_NAME), for the rest of a team.
    QTRY_VERIFY(m_sms->conversation()->thread()->toPlainText().contains(QStringLiteral("· Ana")));
}

void TestConsole::detailsShowTheStatusTimeline() {
    QTRY_COMPARE(rowRecord(QStringLiteral("Your parcel is on its way")).status,
                 QStringLiteral("delivered"));
    const int row = rowWithBody(QStringLiteral("Your parcel is on its way"));
    const QModelIndex index =
        m_sms->proxy()->mapFromSource(m_sms->model()->index(row, MessageTableModel::Body));
    const QPoint where = m_sms->table()->visualRect(index).center();
    QTest::mouseClick(m_sms->table()->viewport(), Qt::LeftButton, {}, where);
    QTest::mouseDClick(m_sms->table()->viewport(), Qt::LeftButton, {}, where);
    QDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_sms->findChild<QDialog *>(QStringLiteral("messageDetail"))) != nullptr);
    auto *timeline = dialog->findChild<QTreeWidget *>(QStringLiteral("statusTimeline"));
    QTRY_COMPARE(timeline->topLevelItemCount(), 3); // sending, sent, delivered
    QCOMPARE(timeline->topLevelItem(2)->text(1), QStringLiteral("delivered"));
    QDir().mkpath(QStringLiteral(SB_SCREENSHOT_DIR));
    dialog->grab().save(QStringLiteral(SB_SCREENSHOT_DIR "/message-detail.png"));
    dialog->close();
}

void TestConsole::screenshots() {
    QDir().mkpath(QStringLiteral(SB_SCREENSHOT_DIR));
    QTabWidget *tabs = m_window->tabs();
    const QStringList files{QStringLiteral("inbox"), QStringLiteral("calls"),
                            QStringLiteral("sms"),   QStringLiteral("whatsapp"),
                            QStringLiteral("email"), QStringLiteral("account")};
    for (int i = 0; i < tabs->count(); ++i) {
        tabs->setCurrentIndex(i);
        QTest::qWait(150);
        const QString path = QStringLiteral(SB_SCREENSHOT_DIR "/tab-%1.png").arg(files.value(i));
        QVERIFY(m_window->grab().save(path));
        QVERIFY(QFileInfo(path).size() > 1000);
    }
    tabs->setCurrentWidget(m_sms);
}

void TestConsole::savingSettingsReconnects() {
    QSignalSpy restarted(m_window.get(), &MainWindow::serviceStarted);
    // "Your name" as an older version kept it: the agent's name field offers it, and saving
    // moves it there.
    m_settings->setValue(QStringLiteral("agent/name"), QStringLiteral("Sam Okafor"));
    m_window->openSettings();
    QDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<QDialog *>(QStringLiteral("settingsDialog"))) !=
                nullptr);
    auto *phone = dialog->findChild<QLineEdit *>(QStringLiteral("TWILIO_PHONE_NUMBER"));
    auto *token = dialog->findChild<QLineEdit *>(QStringLiteral("TWILIO_AUTH_TOKEN"));
    QVERIFY(phone && token);
    auto *agent = dialog->findChild<QLineEdit *>(QStringLiteral("SWITCHBOARD_AGENT_NAME"));
    QVERIFY(agent);
    QCOMPARE(agent->text(), QStringLiteral("Sam Okafor"));
    QCOMPARE(token->echoMode(), QLineEdit::Password);
    phone->setText(QStringLiteral("+14155550177"));
    token->setText(QStringLiteral("typed-secret"));
    auto *buttons = dialog->findChild<QDialogButtonBox *>();
    QTest::mouseClick(buttons->button(QDialogButtonBox::Save), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(restarted.size() >= 1, 15000);
    QCOMPARE(m_window->service()->config().phoneNumber, QStringLiteral("+14155550177"));
    // Plain settings are in QSettings; the secret is not.
    m_settings->sync();
    QCOMPARE(m_settings->value(QStringLiteral("config/TWILIO_PHONE_NUMBER")).toString(),
             QStringLiteral("+14155550177"));
    QCOMPARE(m_settings->value(QStringLiteral("config/SWITCHBOARD_AGENT_NAME")).toString(),
             QStringLiteral("Sam Okafor"));
    QVERIFY(!m_settings->contains(QStringLiteral("agent/name")));
    QFile file(m_settings->fileName());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains("typed-secret"));
    m_sms = smsTabOf(*m_window);
    QVERIFY(m_sms);
}

QTEST_MAIN(TestConsole)
#include "tst_console.moc"
