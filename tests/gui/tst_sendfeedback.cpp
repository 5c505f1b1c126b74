#include "ConsoleFixture.h"
#include "account/AccountTab.h"
#include "common/ConversationView.h"
#include "common/FailureNotice.h"
#include "common/MessageDetailDialog.h"
#include "common/MessageFilterProxy.h"
#include "common/MessageTableModel.h"
#include "common/PlaceholderTab.h"
#include "common/SendFeedback.h"
#include "common/SendLaterDialog.h"
#include "common/TimeFormat.h"
#include "common/UnreadMessages.h"
#include "providers/twilio/TwilioError.h"
#include "runtime/SwitchboardService.h"
#include "sms/ui/SmsComposeWidget.h"
#include "sms/ui/SmsTab.h"

#include <QAction>
#include <QApplication>
#include <QDateTimeEdit>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextTable>
#include <QTimer>
#include <QToolButton>
#include <QtTest>

using namespace sb;

// Issue 9, "tell the truth about every send" and what an agent expects, on the real window in
// sandbox mode: a send that fails later, a refused reply, the STOP warning, the length limit,
// one details window per message, unread messages, remembered state, times and the
// placeholder tabs.
class TestSendFeedback : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void sendThatFailsLaterSaysSoWithTheReason();
    void failureNoticeNamesTheMessage_data();
    void failureNoticeNamesTheMessage();
    void refusedReplyKeepsItsDraftAndCanBeRetried();
    void acceptedReplyEmptiesTheBox();
    void contactWhoSentStopIsWarnedAbout();
    void sendLaterSchedulesAndTheRowMenuCancels();
    void overLongOrBlankMessagesAreNotSent();
    void oneDetailsWindowPerMessage();
    void unreadInboundIsBoldAndCounted();
    void afterSendingTheConversationShowsTheCustomer();
    void splitterAndConversationAreRemembered();
    void timesShowTheirZoneOnHover();
    void placeholderTabsSpeakToAgents();

private:
    QModelIndex viewIndex(const QString &body, int column) const;
    QPoint anchorPoint(const QString &hrefPrefix) const;
    ConsoleFixture m_console;
};

void TestSendFeedback::initTestCase() {
    // Slow enough to watch each step of the sandbox's status callbacks.
    qputenv("SWITCHBOARD_SANDBOX_DELAY_MS", "150");
    QString why;
    QVERIFY2(m_console.start(&why), qPrintable(why));
}

void TestSendFeedback::cleanupTestCase() {
    m_console.stop();
}

QModelIndex TestSendFeedback::viewIndex(const QString &body, int column) const {
    SmsTab *sms = m_console.sms();
    return sms->proxy()->mapFromSource(sms->model()->index(m_console.rowWithBody(body), column));
}

QPoint TestSendFeedback::anchorPoint(const QString &hrefPrefix) const {
    QTextBrowser *thread = m_console.sms()->conversation()->thread();
    for (QTextBlock block = thread->document()->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            if (fragment.charFormat().anchorHref().startsWith(hrefPrefix)) {
                QTextCursor cursor(thread->document());
                cursor.setPosition(fragment.position() + 1);
                thread->setTextCursor(cursor);
                thread->ensureCursorVisible();
                return thread->cursorRect(cursor).center();
            }
        }
    }
    return {-1, -1};
}

void TestSendFeedback::sendThatFailsLaterSaysSoWithTheReason() {
    SmsTab *sms = m_console.sms();
    SendFeedback *feedback = sms->compose()->feedback();
    QList<QPair<QString, Tone>> said;
    QObject listening; // the connection ends with this test
    connect(feedback, &SendFeedback::feedbackChanged, &listening,
            [&said](const QString &text, Tone tone) {
                said.append({text, tone});
            });
    const QString body = QStringLiteral("Your refund has been issued");
    m_console.type(QStringLiteral("+15005553008"), body);
    QTest::mouseClick(sms->compose()->sendButton(), Qt::LeftButton);

    // Each moment is told as it is: sending, accepted (not delivered), then failed with why.
    QTRY_VERIFY_WITH_TIMEOUT(feedback->text().startsWith(QStringLiteral("Not delivered to "
                                                                        "+15005553008")),
                             10000);
    QVERIFY(feedback->text().contains(TwilioError::explain(30008)));
    QVERIFY(feedback->text().contains(QStringLiteral("30008")));
    QCOMPARE(feedback->currentTone(), Tone::Error);
    QVERIFY(said.size() >= 3);
    QVERIFY(said.first().first.startsWith(QStringLiteral("Sending to +15005553008")));
    bool acceptedSaid = false;
    for (const auto &[text, tone] : said) {
        QVERIFY2(tone != Tone::Success, qPrintable(text)); // never good news
        QVERIFY2(!text.startsWith(QStringLiteral("Sent to +15005553008.")), qPrintable(text));
        acceptedSaid |= text.startsWith(QStringLiteral("Accepted by Twilio for +15005553008"));
    }
    QVERIFY(acceptedSaid);
    QCOMPARE(sms->compose()->bodyEdit()->toPlainText(), QString()); // accepted: draft done

    // The notice outside the table names the customer and the reason, and opens the thread.
    FailureNotice *notice = m_console.window()->failureNotice();
    QTRY_VERIFY(notice->isVisible());
    QVERIFY(notice->textLabel()->text().contains(QStringLiteral("+15005553008")));
    QVERIFY(notice->textLabel()->text().contains(TwilioError::explain(30008)));
    m_console.window()->tabs()->setCurrentIndex(0);
    sms->conversation()->setContact({});
    QTest::mouseClick(notice->showButton(), Qt::LeftButton);
    QCOMPARE(m_console.window()->tabs()->currentWidget(), sms);
    QCOMPARE(sms->conversation()->contact(), QStringLiteral("+15005553008"));

    // The message itself says it failed and why, with Retry and Edit and resend.
    QTextBrowser *thread = sms->conversation()->thread();
    QTRY_VERIFY(thread->toPlainText().contains(body));
    QTRY_VERIFY(thread->toPlainText().contains(QStringLiteral("Not delivered: ") +
                                               TwilioError::explain(30008)));
    QVERIFY(thread->toPlainText().contains(QStringLiteral("Retry")));
    QVERIFY(thread->toPlainText().contains(QStringLiteral("Edit and resend")));
    ConsoleFixture::screenshot(m_console.window(), QStringLiteral("failed-send-notice"));
    QTest::mouseClick(notice->dismissButton(), Qt::LeftButton);
    QVERIFY(!notice->isVisible());
}

void TestSendFeedback::failureNoticeNamesTheMessage_data() {
    QTest::addColumn<QString>("to");
    QTest::addColumn<int>("errorCode");
    QTest::addColumn<QString>("expected");
    QTest::newRow("recipient and Twilio's code")
        << "+14155550100" << 30003 << "Your message to +14155550100 was not delivered: ";
    QTest::newRow("no recipient known (a callback for a message never stored)")
        << "" << 30005 << "Message SM00000000000000000000000000000042 was not delivered: ";
}

void TestSendFeedback::failureNoticeNamesTheMessage() {
    QFETCH(QString, to);
    QFETCH(int, errorCode);
    QFETCH(QString, expected);
    MessageRecord m;
    m.sid = QStringLiteral("SM00000000000000000000000000000042");
    m.to = to;
    m.errorCode = errorCode;
    const QString text = FailureNotice::describe(m);
    QVERIFY2(text.startsWith(expected), qPrintable(text));
    QVERIFY2(text.endsWith(QStringLiteral("(%1)").arg(errorCode)), qPrintable(text));
    QVERIFY2(!text.contains(QStringLiteral("to  ")), qPrintable(text));
}

void TestSendFeedback::refusedReplyKeepsItsDraftAndCanBeRetried() {
    SmsTab *sms = m_console.sms();
    ConversationView *conversation = sms->conversation();
    sms->compose()->feedback()->clearFeedback();
    conversation->setContact(QStringLiteral("+15005550001")); // the sandbox refuses it: 21211
    const QString body = QStringLiteral("Can you confirm your address?");
    conversation->replyEdit()->setText(body);
    QTest::keyClick(conversation->replyEdit(), Qt::Key_Return);
    QTRY_VERIFY(conversation->feedback()->text().contains(QStringLiteral("21211")));
    QCOMPARE(conversation->replyEdit()->text(), body); // the typed text is kept
    QVERIFY(!conversation->replyEdit()->isReadOnly());
    QVERIFY(!sms->compose()->feedback()->text().contains(QStringLiteral("21211"))); // not there
    QTRY_VERIFY(conversation->thread()->toPlainText().contains(TwilioError::explain(21211)));
    QCOMPARE(m_console.countWithBody(body), 1);

    // Retry under the failed bubble sends it again (a new message; the failed one stays).
    const QPoint retry = anchorPoint(QStringLiteral("sb-retry:"));
    QVERIFY(retry.x() >= 0);
    QTest::mouseClick(conversation->thread()->viewport(), Qt::LeftButton, {}, retry);
    QTRY_COMPARE(m_console.countWithBody(body), 2);
    QTRY_COMPARE(m_console.record(body).status, QStringLiteral("failed")); // refused again
    QTRY_VERIFY(!conversation->replyEdit()->isReadOnly());

    // The context menu offers the same, plus copy and details.
    const MessageRecord failed = m_console.record(body);
    std::unique_ptr<QMenu> menu(conversation->menuFor(failed, nullptr));
    QStringList names;
    for (QAction *action : menu->actions())
        names << action->objectName();
    for (const char *name :
         {"copyMessageText", "copyNumber", "openDetails", "retry", "editAndResend"})
        QVERIFY2(names.contains(QLatin1String(name)), name);
    conversation->replyEdit()->clear();
    menu->findChild<QAction *>(QStringLiteral("editAndResend"))->trigger();
    QCOMPARE(conversation->replyEdit()->text(), body);
    QVERIFY(conversation->replyEdit()->hasFocus());
    conversation->replyEdit()->clear();
}

void TestSendFeedback::acceptedReplyEmptiesTheBox() {
    ConversationView *conversation = m_console.sms()->conversation();
    conversation->setContact(QStringLiteral("+14155550111"));
    conversation->replyEdit()->setText(QStringLiteral("On its way today"));
    QTest::keyClick(conversation->replyEdit(), Qt::Key_Return);
    QTRY_VERIFY(conversation->replyEdit()->text().isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(
        conversation->feedback()->text().startsWith(QStringLiteral("Delivered to +14155550111")),
        10000);
    QCOMPARE(conversation->feedback()->currentTone(), Tone::Success);
}

void TestSendFeedback::contactWhoSentStopIsWarnedAbout() {
    SmsTab *sms = m_console.sms();
    const int before = sms->model()->rowCount();
    m_console.window()->service()->simulateInbound(
        QStringLiteral("sms"), QStringLiteral("+14155550199"), QStringLiteral("Stop"));
    QTRY_COMPARE(sms->model()->rowCount(), before + 1);
    sms->openConversation(QStringLiteral("+14155550199"));
    QTRY_VERIFY(sms->conversation()->optOutWarning()->isVisible());
    QVERIFY(sms->conversation()->optOutWarning()->text().contains(QStringLiteral("STOP")));
    // Before writing a new message to them, too.
    m_console.type(QStringLiteral("+14155550199"), QString());
    QTRY_VERIFY(sms->compose()->optOutWarning()->isVisible());
    // A number Twilio refused with 21610 is warned about from then on.
    m_console.type(QStringLiteral("+15005550004"), QStringLiteral("Hello again"));
    QVERIFY(!sms->compose()->optOutWarning()->isVisible());
    QTest::mouseClick(sms->compose()->sendButton(), Qt::LeftButton);
    QTRY_VERIFY(sms->compose()->feedback()->text().contains(QStringLiteral("21610")));
    QCOMPARE(sms->compose()->bodyEdit()->toPlainText(), QStringLiteral("Hello again"));
    QTRY_VERIFY(sms->compose()->optOutWarning()->isVisible());
    sms->compose()->bodyEdit()->clear();
}

void TestSendFeedback::sendLaterSchedulesAndTheRowMenuCancels() {
    SmsTab *sms = m_console.sms();
    m_console.window()->tabs()->setCurrentWidget(sms);
    m_console.type(QStringLiteral("+14155550166"), QStringLiteral("see you tomorrow"));
    // Send later… asks for the time in a small dialog; picked 10 minutes ahead, it schedules.
    bool picked = false;
    QTimer::singleShot(0, this, [&picked] {
        auto *dialog = qobject_cast<SendLaterDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        dialog->picker()->setDateTime(QDateTime::currentDateTime().addSecs(600));
        picked = true;
        dialog->accept();
    });
    QTest::mouseClick(sms->compose()->sendLaterButton(), Qt::LeftButton);
    QVERIFY(picked);
    QTRY_VERIFY2(sms->compose()->feedback()->text().startsWith(QStringLiteral("Scheduled for")),
                 qPrintable(sms->compose()->feedback()->text()));
    QTRY_VERIFY(m_console.rowWithBody(QStringLiteral("see you tomorrow")) >= 0);
    const int row = m_console.rowWithBody(QStringLiteral("see you tomorrow"));
    QCOMPARE(sms->model()
                 ->index(row, 0)
                 .data(MessageTableModel::RecordRole)
                 .value<MessageRecord>()
                 .status,
             QStringLiteral("scheduled"));
    // The Time column says when it goes, not when it was written.
    const QString shown = sms->model()->index(row, MessageTableModel::Time).data().toString();
    QVERIFY2(shown.startsWith(QStringLiteral("at ")), qPrintable(shown));
    QVERIFY(sms->model()
                ->index(row, MessageTableModel::Time)
                .data(Qt::ToolTipRole)
                .toString()
                .startsWith(QStringLiteral("Goes out at")));

    // The row's menu cancels it.
    sms->table()->setCurrentIndex(
        viewIndex(QStringLiteral("see you tomorrow"), MessageTableModel::Body));
    sms->table()->setFocus();
    QWidget *viewport = sms->table()->viewport();
    const QPoint below(4, viewport->height() - 2);
    QContextMenuEvent menuKey(QContextMenuEvent::Keyboard, below, viewport->mapToGlobal(below));
    QApplication::sendEvent(viewport, &menuKey);
    QMenu *menu = nullptr;
    QTRY_VERIFY((menu = sms->findChild<QMenu *>(QStringLiteral("messageMenu"))) &&
                menu->isVisible());
    QAction *cancel = menu->findChild<QAction *>(QStringLiteral("cancelScheduled"));
    QVERIFY(cancel);
    cancel->trigger();
    menu->close();
    QTRY_COMPARE(sms->model()
                     ->index(m_console.rowWithBody(QStringLiteral("see you tomorrow")), 0)
                     .data(MessageTableModel::RecordRole)
                     .value<MessageRecord>()
                     .status,
                 QStringLiteral("canceled"));
}

void TestSendFeedback::overLongOrBlankMessagesAreNotSent() {
    SmsTab *sms = m_console.sms();
    SmsComposeWidget *compose = sms->compose();
    const int before = sms->model()->rowCount();
    m_console.type(QStringLiteral("+14155550100"), QString(1601, QLatin1Char('a')));
    QVERIFY(!compose->sendButton()->isEnabled());
    QVERIFY(compose->counter()->text().startsWith(QStringLiteral("Too long")));
    QCOMPARE(SchemeColors::tone(compose->counter()), Tone::Error);
    QTest::keyClick(compose->bodyEdit(), Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(compose->feedback()->text().contains(QStringLiteral("longer than 1600")));
    m_console.type(QStringLiteral("+14155550100"), QString(1600, QLatin1Char('a')));
    QVERIFY(compose->sendButton()->isEnabled());

    m_console.type(QStringLiteral("+14155550100"), QStringLiteral("   \n  "));
    QVERIFY(!compose->sendButton()->isEnabled());
    QTest::keyClick(compose->bodyEdit(), Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(compose->feedback()->text().contains(QStringLiteral("the message is empty")));
    QTest::qWait(200);
    QCOMPARE(sms->model()->rowCount(), before);

    ConversationView *conversation = sms->conversation();
    conversation->setContact(QStringLiteral("+14155550100"));
    conversation->replyEdit()->setText(QString(1601, QLatin1Char('b')));
    QVERIFY(!conversation->replyButton()->isEnabled());
    QVERIFY(conversation->feedback()->text().contains(QStringLiteral("1601")));
    conversation->replyEdit()->setText(QStringLiteral("  "));
    QTest::keyClick(conversation->replyEdit(), Qt::Key_Return);
    QVERIFY(conversation->feedback()->text().contains(QStringLiteral("type a reply first")));
    conversation->replyEdit()->clear();
    compose->bodyEdit()->clear();
}

void TestSendFeedback::oneDetailsWindowPerMessage() {
    SmsTab *sms = m_console.sms();
    const QString body = QStringLiteral("Your refund has been issued");
    const QModelIndex index = viewIndex(body, MessageTableModel::Body);
    QVERIFY(index.isValid());
    const QPoint where = sms->table()->visualRect(index).center();
    QTest::mouseClick(sms->table()->viewport(), Qt::LeftButton, {}, where);
    QTest::mouseDClick(sms->table()->viewport(), Qt::LeftButton, {}, where);
    QTRY_COMPARE(sms->openDetailWindows().size(), 1);
    QTest::qWait(100);
    QCOMPARE(sms->openDetailWindows().size(), 1);
    QTest::mouseDClick(sms->table()->viewport(), Qt::LeftButton, {}, where);
    sms->table()->setFocus();
    QTest::keyClick(sms->table(), Qt::Key_Return); // Enter opens details too
    QTest::qWait(100);
    QCOMPARE(sms->openDetailWindows().size(), 1);
    MessageDetailDialog *dialog = sms->openDetailWindows().constFirst();
    QVERIFY(dialog->isVisible());
    QTRY_VERIFY(QApplication::activeWindow() == dialog);
    QTest::keyClick(dialog, Qt::Key_Escape);
    QTRY_COMPARE(sms->openDetailWindows().size(), 0);
}

void TestSendFeedback::unreadInboundIsBoldAndCounted() {
    MainWindow *window = m_console.window();
    SmsTab *sms = m_console.sms();
    window->tabs()->setCurrentWidget(window->accountTab()); // the agent is on another tab
    const int before = sms->model()->rowCount();
    window->service()->simulateInbound(QStringLiteral("sms"), QStringLiteral("+14155550177"),
                                       QStringLiteral("Where is my parcel?"));
    QTRY_COMPARE(sms->model()->rowCount(), before + 1);
    QTRY_COMPARE(window->unread(QStringLiteral("sms"))->count(), 1);
    QCOMPARE(window->tabs()->tabText(window->tabs()->indexOf(sms)), QStringLiteral("SMS (1)"));
    QVERIFY(window->windowTitle().contains(QStringLiteral("1 unread")));
    const QModelIndex row = viewIndex(QStringLiteral("Where is my parcel?"), 0);
    QVERIFY(row.data(Qt::FontRole).value<QFont>().bold());

    window->tabs()->setCurrentWidget(sms);
    sms->table()->setCurrentIndex(row); // opening the conversation reads it
    QTRY_COMPARE(window->unread(QStringLiteral("sms"))->count(), 0);
    QCOMPARE(window->tabs()->tabText(window->tabs()->indexOf(sms)), QStringLiteral("SMS"));
    QVERIFY(!window->windowTitle().contains(QStringLiteral("unread")));
    QVERIFY(!viewIndex(QStringLiteral("Where is my parcel?"), 0).data(Qt::FontRole).isValid());
}

void TestSendFeedback::afterSendingTheConversationShowsTheCustomer() {
    SmsTab *sms = m_console.sms();
    sms->conversation()->setContact(QStringLiteral("+14155550111"));
    m_console.type(QStringLiteral("+14155550142"), QStringLiteral("Your order has shipped"));
    QTest::mouseClick(sms->compose()->sendButton(), Qt::LeftButton);
    QTRY_COMPARE(sms->conversation()->contact(), QStringLiteral("+14155550142"));
    QTRY_VERIFY(sms->conversation()->thread()->toPlainText().contains(
        QStringLiteral("Your order has shipped")));
}

void TestSendFeedback::splitterAndConversationAreRemembered() {
    SmsTab *sms = m_console.sms();
    sms->splitter()->setSizes({500, 250});
    sms->listSplitter()->setSizes({300, 0}); // compose collapsed
    sms->openConversation(QStringLiteral("+14155550177"));
    const QList<int> sizes = sms->splitter()->sizes();
    sms->saveState(m_console.settings());

    ConsoleContext context;
    context.service = m_console.window()->service();
    context.store = context.service->store();
    context.outbox = context.service->outbox();
    context.settings = m_console.settings();
    SmsTab again(context);
    again.resize(sms->size());
    again.restoreState(m_console.settings());
    again.show();
    QVERIFY(QTest::qWaitForWindowExposed(&again));
    QCOMPARE(again.conversation()->contact(), QStringLiteral("+14155550177"));
    QCOMPARE(again.splitter()->sizes(), sizes);
    QCOMPARE(again.listSplitter()->sizes().value(1), 0);
    again.close();
    m_console.window()->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_console.window()));
    // Ctrl+N's entry point opens the collapsed compose area again.
    sms->newMessage();
    QVERIFY(sms->listSplitter()->sizes().value(1) > 0);
    QTRY_VERIFY(sms->compose()->toEdit()->hasFocus());
}

void TestSendFeedback::timesShowTheirZoneOnHover() {
    SmsTab *sms = m_console.sms();
    // New rows join the table together, up to a quarter of a second after they are stored.
    QTRY_VERIFY(m_console.rowWithBody(QStringLiteral("Your order has shipped")) >= 0);
    const MessageRecord m = m_console.record(QStringLiteral("Your order has shipped"));
    const QModelIndex time = viewIndex(m.body, MessageTableModel::Time);
    QCOMPARE(time.data().toString(), TimeFormat::brief(m.createdAt));
    QCOMPARE(time.data(Qt::ToolTipRole).toString(), TimeFormat::full(m.createdAt));
    QVERIFY(time.data(Qt::ToolTipRole).toString().contains(QStringLiteral("UTC")));
    // The bubble's time carries the same tooltip.
    sms->openConversation(m.to);
    QTRY_VERIFY(sms->conversation()->thread()->toPlainText().contains(m.body));
    bool found = false;
    QTextDocument *doc = sms->conversation()->thread()->document();
    for (QTextBlock block = doc->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it)
            found |= it.fragment().charFormat().toolTip() == TimeFormat::full(m.createdAt);
    }
    QVERIFY(found);
    // One date format everywhere: ISO dates.
    const QDateTime old(QDate(2026, 1, 5), QTime(14, 3, 22));
    QCOMPARE(TimeFormat::brief(old, QDate(2026, 2, 1)), QStringLiteral("2026-01-05 14:03"));
    QCOMPARE(TimeFormat::brief(old, QDate(2026, 1, 5)), QStringLiteral("14:03"));
    QVERIFY(TimeFormat::full(old).startsWith(QStringLiteral("2026-01-05 14:03:22 ")));
}

void TestSendFeedback::placeholderTabsSpeakToAgents() {
    const QRegularExpression settingName(QStringLiteral("[A-Z]+_[A-Z_]+"));
    int placeholders = 0;
    QTabWidget *tabs = m_console.window()->tabs();
    for (int i = 0; i < tabs->count(); ++i) {
        auto *tab = qobject_cast<PlaceholderTab *>(tabs->widget(i));
        if (!tab)
            continue;
        ++placeholders;
        QString all;
        for (QLabel *label : tab->findChildren<QLabel *>())
            all += label->text() + QLatin1Char(' ');
        QVERIFY2(!settingName.match(all).hasMatch(), qPrintable(all));
        QVERIFY2(!all.contains(QStringLiteral("issue"), Qt::CaseInsensitive), qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("File ▸ Settings")), qPrintable(all));
    }
    QCOMPARE(placeholders, 0); // Calls, SMS, WhatsApp and Email all have their tabs now
}

QTEST_MAIN(TestSendFeedback)
#include "tst_sendfeedback.moc"
