#include "Await.h"
#include "BuiltInChannelUis.h"
#include "ChannelTab.h"
#include "ConsoleFixture.h"
#include "account/AccountTab.h"
#include "common/ConversationView.h"
#include "common/FailureNotice.h"
#include "common/MessageTableModel.h"
#include "common/PlaceholderTab.h"
#include "common/UnreadMessages.h"
#include "db/Store.h"
#include "runtime/SwitchboardService.h"
#include "sms/ui/SmsTab.h"

#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QTabWidget>
#include <QTextBrowser>
#include <QtTest>

using namespace sb;
using sbtest::await;

namespace {

// A channel's tab as a test registers it: it records what the window asks of it.
class RecordingTab : public ChannelTab {
    Q_OBJECT
public:
    using ChannelTab::ChannelTab;
    void newMessage() override { calls << QStringLiteral("newMessage"); }
    void focusSearch() override { calls << QStringLiteral("focusSearch"); }
    void focusReply() override { calls << QStringLiteral("focusReply"); }
    void openConversation(const QString &contact) override {
        calls << QStringLiteral("openConversation ") + contact;
    }
    void simulateIncoming() override { calls << QStringLiteral("simulateIncoming"); }
    int unreadCount() const override { return unread; }
    void setUnread(int count) {
        unread = count;
        Q_EMIT unreadCountChanged();
    }

    QStringList calls;
    int unread = 0;
};

class TestChannelUi : public ChannelUi {
public:
    TestChannelUi(QString id, QString title, int order, bool simulates)
        : m_id(std::move(id))
        , m_title(std::move(title))
        , m_order(order)
        , m_simulates(simulates) {}
    QString id() const override { return m_id; }
    QString title() const override { return m_title; }
    int order() const override { return m_order; }
    bool canSimulateIncoming() const override { return m_simulates; }
    ChannelTab *makeTab(const ConsoleContext &context, QWidget *parent) const override {
        Q_UNUSED(context);
        return new RecordingTab(m_id, parent);
    }

private:
    QString m_id;
    QString m_title;
    int m_order;
    bool m_simulates;
};

ChannelUiList withTestChannels(const QList<std::shared_ptr<const ChannelUi>> &extra) {
    ChannelUiList uis = builtInChannelUis();
    uis.append(extra);
    return uis;
}

// The registry without the built-in Email tab, so that Email's placeholder is planned.
ChannelUiList withoutEmail(const ChannelUiList &uis) {
    ChannelUiList kept;
    bool dropped = false;
    for (const auto &ui : uis) {
        if (!dropped && ui->id() == QLatin1String("email")) {
            dropped = true; // the registry's, listed before the test's own
            continue;
        }
        kept.append(ui);
    }
    return kept;
}

// A pigeon post channel, registered by the tests only: between SMS (20) and WhatsApp (30).
std::shared_ptr<const ChannelUi> pigeon() {
    return std::make_shared<TestChannelUi>(QStringLiteral("pigeon"), QStringLiteral("Pigeon"), 25,
                                           true);
}

} // namespace

// The console's tabs come from the channel registry (ChannelUi) and the window reaches them
// only through ChannelTab: a channel registered here, in a test and not in the product, gets a
// tab, its Simulate entry, the Go menu, its unread count and the failure notice's Show
// conversation. And a channel's tab shows its own messages only.
class TestChannelTabs : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void tabsComeFromTheRegistry();
    void placeholdersGiveWayToChannelsWithTheirIds();
    void sandboxMenuSimulatesPerChannel();
    void goMenuActsOnTheChannelTabShown();
    void unreadCountsPerTabAndTheirSumInTheTitle();
    void showConversationOpensTheFailedMessagesChannel();
    void smsTabShowsOnlySmsMessages();

private:
    QStringList tabTitles() const;
    RecordingTab *tab(const QString &channel) const;
    void press(int key, Qt::KeyboardModifiers modifiers = {});
    MessageRecord failOutbound(const QString &channel, const QString &to, const QString &sid);

    // A fresh window, database and settings file for each test.
    std::optional<ConsoleFixture> m_console;
    QObject m_ctx;
};

void TestChannelTabs::init() {
    m_console.emplace();
}

void TestChannelTabs::cleanup() {
    m_console.reset();
}

QStringList TestChannelTabs::tabTitles() const {
    QStringList titles;
    QTabWidget *tabs = m_console->window()->tabs();
    for (int i = 0; i < tabs->count(); ++i)
        titles << tabs->tabText(i);
    return titles;
}

RecordingTab *TestChannelTabs::tab(const QString &channel) const {
    return qobject_cast<RecordingTab *>(m_console->window()->channelTab(channel));
}

void TestChannelTabs::press(int key, Qt::KeyboardModifiers modifiers) {
    QTest::keyClick(m_console->window()->windowHandle(), Qt::Key(key), modifiers);
}

void TestChannelTabs::tabsComeFromTheRegistry() {
    QString why;
    QVERIFY2(m_console->start(&why, withTestChannels({pigeon()})), qPrintable(why));
    MainWindow *window = m_console->window();
    QCOMPARE(tabTitles(), (QStringList{QStringLiteral("Inbox"), QStringLiteral("Calls"),
                                       QStringLiteral("SMS"), QStringLiteral("Pigeon"),
                                       QStringLiteral("WhatsApp"), QStringLiteral("Email"),
                                       QStringLiteral("Account"), QStringLiteral("Webhooks")}));
    QCOMPARE(window->channelTabs().size(), 5); // Calls, SMS, Pigeon, WhatsApp, Email
    RecordingTab *pigeonTab = tab(QStringLiteral("pigeon"));
    QVERIFY(pigeonTab);
    QCOMPARE(window->tabs()->indexOf(pigeonTab), 3); // after Inbox, Calls and SMS
    QVERIFY(qobject_cast<SmsTab *>(window->channelTab(QStringLiteral("sms"))));
    // The Go menu has an entry and an Alt+number for it, with a letter of its own.
    // (Inbox took the i.)
    QAction *show = window->action(QStringLiteral("showTab4"));
    QVERIFY(show);
    QCOMPARE(show->text(), QStringLiteral("Pi&geon"));
    QCOMPARE(show->shortcut(), QKeySequence(Qt::ALT | Qt::Key_4));
    press(Qt::Key_4, Qt::AltModifier);
    QTRY_COMPARE(window->tabs()->currentWidget(), pigeonTab);
    press(Qt::Key_7, Qt::AltModifier);
    QTRY_COMPARE(window->tabs()->currentWidget(), window->accountTab());
}

void TestChannelTabs::placeholdersGiveWayToChannelsWithTheirIds() {
    QString why;
    // Calls (voice) has its own tab now: a second UI with its id is ignored (one tab per
    // channel, the registry's first). Email has its own tab too: without it in the registry,
    // Email's placeholder gives way to the test's.
    QVERIFY2(m_console->start(
                 &why, withoutEmail(withTestChannels(
                           {std::make_shared<TestChannelUi>(QStringLiteral("voice"),
                                                            QStringLiteral("Phone"), 10, false),
                            std::make_shared<TestChannelUi>(QStringLiteral("email"),
                                                            QStringLiteral("Mail"), 40, false)}))),
             qPrintable(why));
    QCOMPARE(tabTitles(),
             (QStringList{QStringLiteral("Inbox"), QStringLiteral("Calls"), QStringLiteral("SMS"),
                          QStringLiteral("WhatsApp"), QStringLiteral("Mail"),
                          QStringLiteral("Account"), QStringLiteral("Webhooks")}));
    QTabWidget *tabs = m_console->window()->tabs();
    QCOMPARE(tabs->widget(1), m_console->window()->channelTab(QStringLiteral("voice")));
    QVERIFY(!tab(QStringLiteral("voice"))); // not the test's
    QCOMPARE(tabs->widget(4), tab(QStringLiteral("email")));
    int placeholders = 0;
    for (int i = 0; i < tabs->count(); ++i)
        placeholders += qobject_cast<PlaceholderTab *>(tabs->widget(i)) ? 1 : 0;
    QCOMPARE(placeholders, 0); // WhatsApp and Calls have their own tabs now
    QCOMPARE(tabs->widget(3), m_console->window()->channelTab(QStringLiteral("whatsapp")));
}

void TestChannelTabs::sandboxMenuSimulatesPerChannel() {
    QString why;
    QVERIFY2(
        m_console->start(&why, withTestChannels({pigeon(), std::make_shared<TestChannelUi>(
                                                               QStringLiteral("owl"),
                                                               QStringLiteral("Owl"), 26, false)})),
        qPrintable(why));
    MainWindow *window = m_console->window();
    QMenu *sandbox = nullptr;
    for (QAction *menu : window->menuBar()->actions()) {
        if (menu->text() == QStringLiteral("Sa&ndbox"))
            sandbox = menu->menu();
    }
    QVERIFY(sandbox);
    QStringList entries;
    bool withPicture = false;
    for (QAction *action : sandbox->actions()) {
        if (action->objectName().startsWith(QLatin1String("simulateIncoming")))
            entries << action->objectName() + QLatin1Char(' ') + action->text();
        withPicture = withPicture || action->objectName() == QLatin1String("simulateWithPicture");
    }
    // Below them, whether the customer's messages carry a picture (for every channel).
    QVERIFY(withPicture);
    // One per channel that can play a customer, in tab order; the owl cannot.
    QCOMPARE(entries, (QStringList{QStringLiteral("simulateIncomingSms Simulate incoming &SMS"),
                                   QStringLiteral("simulateIncomingPigeon Simulate incoming "
                                                  "&Pigeon"),
                                   QStringLiteral("simulateIncomingWhatsapp Simulate incoming "
                                                  "&WhatsApp")}));
    QAction *sms = window->action(QStringLiteral("simulateIncomingSms"));
    QAction *pigeonSimulate = window->action(QStringLiteral("simulateIncomingPigeon"));
    QVERIFY(sms->isEnabled() && pigeonSimulate->isEnabled()); // sandbox mode
    QVERIFY(window->banner()->text().contains(QStringLiteral("Simulate incoming SMS or Pigeon")));

    // Ctrl+I belongs to the channel shown.
    const QKeySequence ctrlI(Qt::CTRL | Qt::Key_I);
    // On Calls, which cannot play a customer, Ctrl+I stays with SMS.
    window->tabs()->setCurrentWidget(window->channelTab(QStringLiteral("voice")));
    QCOMPARE(sms->shortcut(), ctrlI);
    window->tabs()->setCurrentWidget(window->channelTab(QStringLiteral("sms")));
    QCOMPARE(sms->shortcut(), ctrlI);
    QVERIFY(pigeonSimulate->shortcut().isEmpty());
    RecordingTab *pigeonTab = tab(QStringLiteral("pigeon"));
    window->tabs()->setCurrentWidget(pigeonTab);
    QCOMPARE(pigeonSimulate->shortcut(), ctrlI);
    QVERIFY(sms->shortcut().isEmpty());
    press(Qt::Key_I, Qt::ControlModifier);
    QTRY_COMPARE(pigeonTab->calls, QStringList{QStringLiteral("simulateIncoming")});
    // A channel that cannot simulate leaves Ctrl+I with the first that can.
    window->tabs()->setCurrentWidget(tab(QStringLiteral("owl")));
    QCOMPARE(sms->shortcut(), ctrlI);

    // The SMS entry reaches the SMS tab, which has the sandbox deliver a customer's message.
    auto *smsTab = qobject_cast<SmsTab *>(window->channelTab(QStringLiteral("sms")));
    const int before = smsTab->model()->rowCount();
    sms->trigger();
    QTRY_COMPARE(smsTab->model()->rowCount(), before + 1);
    QCOMPARE(smsTab->model()->record(0).direction, QStringLiteral("inbound"));
    QCOMPARE(pigeonTab->calls.size(), 1);
}

void TestChannelTabs::goMenuActsOnTheChannelTabShown() {
    QString why;
    QVERIFY2(m_console->start(&why, withTestChannels({pigeon()})), qPrintable(why));
    MainWindow *window = m_console->window();
    RecordingTab *pigeonTab = tab(QStringLiteral("pigeon"));
    window->tabs()->setCurrentWidget(pigeonTab);
    press(Qt::Key_N, Qt::ControlModifier);
    press(Qt::Key_F, Qt::ControlModifier);
    press(Qt::Key_R, Qt::ControlModifier);
    QTRY_COMPARE(pigeonTab->calls,
                 (QStringList{QStringLiteral("newMessage"), QStringLiteral("focusSearch"),
                              QStringLiteral("focusReply")}));
    // From a tab that is no channel's, they go to the channel tab shown last.
    window->tabs()->setCurrentWidget(window->accountTab());
    press(Qt::Key_N, Qt::ControlModifier);
    QTRY_COMPARE(window->tabs()->currentWidget(), pigeonTab);
    QCOMPARE(pigeonTab->calls.size(), 4);
    QCOMPARE(pigeonTab->calls.constLast(), QStringLiteral("newMessage"));
}

void TestChannelTabs::unreadCountsPerTabAndTheirSumInTheTitle() {
    QString why;
    QVERIFY2(m_console->start(&why, withTestChannels({pigeon()})), qPrintable(why));
    MainWindow *window = m_console->window();
    QTabWidget *tabs = window->tabs();
    RecordingTab *pigeonTab = tab(QStringLiteral("pigeon"));
    ChannelTab *smsTab = window->channelTab(QStringLiteral("sms"));
    tabs->setCurrentWidget(pigeonTab); // the SMS conversation is not in view: nothing is read
    pigeonTab->setUnread(2);
    QCOMPARE(tabs->tabText(tabs->indexOf(pigeonTab)), QStringLiteral("Pigeon (2)"));
    QCOMPARE(tabs->tabText(tabs->indexOf(smsTab)), QStringLiteral("SMS"));
    QCOMPARE(window->windowTitle(), QStringLiteral("Switchboard (2 unread)"));
    window->service()->simulateInbound(QStringLiteral("sms"), QStringLiteral("+14155550177"),
                                       QStringLiteral("Is it raining there?"));
    QTRY_COMPARE(tabs->tabText(tabs->indexOf(smsTab)), QStringLiteral("SMS (1)"));
    QCOMPARE(window->windowTitle(), QStringLiteral("Switchboard (3 unread)"));
    QCOMPARE(window->unreadCount(), 3);
    pigeonTab->setUnread(0);
    QCOMPARE(tabs->tabText(tabs->indexOf(pigeonTab)), QStringLiteral("Pigeon"));
    QCOMPARE(window->windowTitle(), QStringLiteral("Switchboard (1 unread)"));
}

MessageRecord TestChannelTabs::failOutbound(const QString &channel, const QString &to,
                                            const QString &sid) {
    Store *store = m_console->window()->service()->store();
    OutboundDraft draft;
    draft.channel = channel;
    draft.from = QStringLiteral("+15005550006");
    draft.to = to;
    draft.body = QStringLiteral("Your parcel left the loft");
    const OutboxEntry entry = await<StoreResult<OutboxEntry>>([&](auto done) {
                                  store->createOutbound(draft, &m_ctx, done);
                              })->value;
    await<StoreResult<OutboxEntry>>(
        [&](auto done) { store->markSubmitted(entry.id, &m_ctx, done); });
    await<StoreResult<OutboxEntry>>([&](auto done) {
        store->markAccepted(entry.id, sid, QStringLiteral("queued"), &m_ctx, done);
    });
    StatusCallback failed;
    failed.messageSid = sid;
    failed.status = QStringLiteral("failed");
    failed.errorCode = 30008;
    await<StoreResult<bool>>([&](auto done) { store->applyStatusCallback(failed, &m_ctx, done); });
    return entry.message;
}

void TestChannelTabs::showConversationOpensTheFailedMessagesChannel() {
    QString why;
    QVERIFY2(m_console->start(&why, withTestChannels({pigeon()})), qPrintable(why));
    MainWindow *window = m_console->window();
    FailureNotice *notice = window->failureNotice();
    // A channel without a tab has nowhere to show the conversation: not told.
    failOutbound(QStringLiteral("fax"), QStringLiteral("+14155550111"),
                 QStringLiteral("SMfax00000000000000000000000000001"));
    QTest::qWait(100);
    QVERIFY(!notice->isVisible());

    failOutbound(QStringLiteral("pigeon"), QStringLiteral("+14155550123"),
                 QStringLiteral("SMpigeon000000000000000000000001"));
    QTRY_VERIFY(notice->isVisible());
    QVERIFY(notice->textLabel()->text().contains(QStringLiteral("+14155550123")));
    window->tabs()->setCurrentWidget(window->accountTab());
    QTest::mouseClick(notice->showButton(), Qt::LeftButton);
    RecordingTab *pigeonTab = tab(QStringLiteral("pigeon"));
    QCOMPARE(window->tabs()->currentWidget(), pigeonTab);
    QCOMPARE(pigeonTab->calls, (QStringList{QStringLiteral("openConversation +14155550123"),
                                            QStringLiteral("focusReply")}));
}

void TestChannelTabs::smsTabShowsOnlySmsMessages() {
    QString why;
    QVERIFY2(m_console->start(&why), qPrintable(why));
    MainWindow *window = m_console->window();
    SmsTab *sms = m_console->sms();
    Store *store = window->service()->store();
    const QString customer = QStringLiteral("+14155550142");
    window->tabs()->setCurrentWidget(window->accountTab()); // nothing is read meanwhile
    // The same customer writes on WhatsApp and by SMS.
    InboundMessage whatsapp;
    whatsapp.sid = QStringLiteral("SMwhatsapp0000000000000000000001");
    whatsapp.channel = QStringLiteral("whatsapp");
    whatsapp.from = customer;
    whatsapp.to = QStringLiteral("+14155238886");
    whatsapp.body = QStringLiteral("Sent on WhatsApp");
    QVERIFY(await<StoreResult<bool>>([&](auto done) {
                store->addInboundMessage(whatsapp, &m_ctx, done);
            })->ok());
    InboundMessage text = whatsapp;
    text.sid = QStringLiteral("SMsms00000000000000000000000000001");
    text.channel = QStringLiteral("sms");
    text.to = QStringLiteral("+15005550006");
    text.body = QStringLiteral("Sent by SMS");
    QVERIFY(await<StoreResult<bool>>([&](auto done) {
                store->addInboundMessage(text, &m_ctx, done);
            })->ok());
    // Both are stored: the WhatsApp message is there to be left out.
    MessageQuery everything;
    everything.contact = customer;
    QCOMPARE(await<StoreResult<QList<MessageRecord>>>([&](auto done) {
                 store->findMessages(everything, &m_ctx, done);
             })->value.size(),
             2);

    // Only the SMS is the SMS tab's unread message.
    QTRY_COMPARE(window->unread(QStringLiteral("sms"))->count(), 1);
    QCOMPARE(window->tabs()->tabText(window->tabs()->indexOf(sms)), QStringLiteral("SMS (1)"));

    // Live, as the change feed brings them.
    window->tabs()->setCurrentWidget(sms);
    sms->openConversation(customer);
    QTRY_VERIFY(m_console->rowWithBody(QStringLiteral("Sent by SMS")) >= 0);
    QTRY_VERIFY(
        sms->conversation()->thread()->toPlainText().contains(QStringLiteral("Sent by SMS")));
    QCOMPARE(m_console->rowWithBody(QStringLiteral("Sent on WhatsApp")), -1);
    QVERIFY(!sms->conversation()->thread()->toPlainText().contains(QStringLiteral("WhatsApp")));
    QCOMPARE(sms->conversation()->messages().size(), 1);
    // And read back from the store: a search and the conversation opened afresh.
    sms->filterEdit()->setText(customer);
    QTRY_COMPARE(sms->model()->query().text, customer);
    QTRY_VERIFY(!sms->model()->isLoading());
    QCOMPARE(sms->model()->rowCount(), 1);
    QCOMPARE(sms->model()->record(0).body, QStringLiteral("Sent by SMS"));
    sms->conversation()->setContact({});
    sms->openConversation(customer);
    QTRY_VERIFY(
        sms->conversation()->thread()->toPlainText().contains(QStringLiteral("Sent by SMS")));
    QVERIFY(!sms->conversation()->thread()->toPlainText().contains(QStringLiteral("WhatsApp")));
    sms->filterEdit()->clear();
}

QTEST_MAIN(TestChannelTabs)
#include "tst_channeltabs.moc"
