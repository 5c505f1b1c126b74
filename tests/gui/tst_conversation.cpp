#include "Await.h"
#include "PgTestServer.h"
#include "common/BidiTextDelegate.h"
#include "common/ConversationView.h"
#include "common/MessageTableModel.h"
#include "common/StatusColors.h"
#include "db/Store.h"
#include "messaging/MessageStatuses.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QMenu>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextLayout>
#include <QTextTable>
#include <QtTest>

using namespace sb;
using sbtest::await;

// Issue 9, conversation bubbles, on a real store: long messages wrap (no horizontal
// scrollbar), Arabic reads right to left in bubbles and table cells, links open, text can be
// selected and copied, and each bubble has a context menu.
class TestConversation : public QObject {
    Q_OBJECT
public Q_SLOTS:
    void openUrl(const QUrl &url) { m_opened.append(url); } // QDesktopServices' handler

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void longMessagesWrap();
    void arabicReadsRightToLeft();
    void tableCellsTakeTheTextsDirection();
    void linksOpen();
    void textCanBeSelectedAndCopied();
    void eachBubbleHasAContextMenu();
    void aStatusUpdateKeepsTheSelection();
    void statusReadsAsItsChannelSays();

private:
    QTextBlock blockContaining(const QString &text) const;
    QPoint pointOf(const QString &text) const;
    OutboxEntry send(const QString &body);

    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<ConversationView> m_view;
    QObject m_ctx;
    QList<QUrl> m_opened;
    const QString m_contact = QStringLiteral("+14155550142");
    const QString m_arabic = QStringLiteral("مرحبا، هل طلبي في الطريق؟!");
    const QString m_long = QStringLiteral("Your replacement is on its way. ").repeated(12) +
                           QStringLiteral("Reference: ") + QString(160, QLatin1Char('X'));
    const QString m_link = QStringLiteral("Track it at https://example.com/track?id=42.");
};

OutboxEntry TestConversation::send(const QString &body) {
    OutboundDraft draft;
    draft.from = QStringLiteral("+15005550006");
    draft.to = m_contact;
    draft.body = body;
    return await<StoreResult<OutboxEntry>>(
               [&](auto done) { m_store->createOutbound(draft, &m_ctx, done); })
        ->value;
}

void TestConversation::initTestCase() {
    QDesktopServices::setUrlHandler(QStringLiteral("https"), this, "openUrl");
    m_store = sbtest::makeStore(m_dir.filePath(QStringLiteral("c.sqlite")));
    QVERIFY(await<StoreResult<bool>>([&](auto done) { m_store->open(&m_ctx, done); })->value);
    InboundMessage in;
    in.sid = QStringLiteral("SMinbound00000000000000000000001");
    in.from = m_contact;
    in.to = QStringLiteral("+15005550006");
    in.body = m_arabic;
    m_store->addInboundMessage(in);
    send(m_long);
    send(m_link);
    const OutboxEntry failed = send(QStringLiteral("This one will fail"));
    await<StoreResult<OutboxEntry>>([&](auto done) {
        m_store->markFailed(failed.id, 30008, QStringLiteral("Unknown error"), &m_ctx, done);
    });
    m_view = std::make_unique<ConversationView>(m_store.get(), QStringLiteral("sms"));
    m_view->resize(420, 600);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    QSignalSpy rendered(m_view.get(), &ConversationView::rendered);
    m_view->setContact(m_contact);
    QTRY_VERIFY(m_view->thread()->toPlainText().contains(QStringLiteral("This one will fail")));
    QTRY_VERIFY(m_view->thread()->toPlainText().contains(m_arabic));
}

void TestConversation::cleanupTestCase() {
    QDesktopServices::unsetUrlHandler(QStringLiteral("https"));
    m_view.reset();
    m_store.reset();
}

QTextBlock TestConversation::blockContaining(const QString &text) const {
    for (QTextBlock b = m_view->thread()->document()->begin(); b.isValid(); b = b.next()) {
        if (b.text().contains(text))
            return b;
    }
    return {};
}

QPoint TestConversation::pointOf(const QString &text) const {
    QTextBrowser *thread = m_view->thread();
    const QTextBlock block = blockContaining(text);
    QTextCursor cursor(block);
    cursor.setPosition(block.position() + int(block.text().indexOf(text)) + 1);
    thread->setTextCursor(cursor);
    thread->ensureCursorVisible();
    return thread->cursorRect(cursor).center();
}

void TestConversation::longMessagesWrap() {
    QTextBrowser *thread = m_view->thread();
    QCOMPARE(thread->horizontalScrollBar()->maximum(), 0);
    QVERIFY(thread->document()->size().width() <= thread->viewport()->width() + 1);
    const QTextBlock block = blockContaining(QStringLiteral("Reference: XXXX"));
    QVERIFY(block.isValid());
    QVERIFY(block.layout()->lineCount() > 3);
    // Even the unbroken run of 160 characters stays inside the bubble.
    for (int i = 0; i < block.layout()->lineCount(); ++i)
        QVERIFY(block.layout()->lineAt(i).naturalTextWidth() <= thread->viewport()->width());
    // Narrower still: it wraps again rather than scrolling sideways.
    m_view->resize(260, 600);
    QTest::qWait(100);
    QCOMPARE(thread->horizontalScrollBar()->maximum(), 0);
    m_view->resize(420, 600);
    QTest::qWait(100);
}

void TestConversation::arabicReadsRightToLeft() {
    const QTextBlock arabic = blockContaining(m_arabic);
    QVERIFY(arabic.isValid());
    QCOMPARE(arabic.textDirection(), Qt::RightToLeft);
    // The "!" at the end of the sentence is drawn at its left end, as Arabic readers expect.
    const QTextLine line = arabic.layout()->lineAt(0);
    const qreal bang = line.cursorToX(int(m_arabic.size()) - 1);
    const qreal first = line.cursorToX(0);
    QVERIFY2(bang < first, qPrintable(QStringLiteral("%1 vs %2").arg(bang).arg(first)));
    QCOMPARE(blockContaining(QStringLiteral("Reference")).textDirection(), Qt::LeftToRight);
}

void TestConversation::tableCellsTakeTheTextsDirection() {
    QStandardItemModel model(2, 1);
    model.setData(model.index(0, 0), m_arabic);
    model.setData(model.index(1, 0), QStringLiteral("Hello!"));
    QTableView table;
    table.setModel(&model);
    struct Probe : BidiTextDelegate {
        using BidiTextDelegate::BidiTextDelegate;
        Qt::LayoutDirection directionOf(const QModelIndex &index) const {
            QStyleOptionViewItem option;
            initStyleOption(&option, index);
            return option.direction;
        }
    } delegate(&table);
    QCOMPARE(delegate.directionOf(model.index(0, 0)), Qt::RightToLeft);
    QCOMPARE(delegate.directionOf(model.index(1, 0)), Qt::LeftToRight);
}

void TestConversation::linksOpen() {
    const QPoint link = pointOf(QStringLiteral("example.com/track"));
    QTest::mouseClick(m_view->thread()->viewport(), Qt::LeftButton, {}, link);
    QTRY_COMPARE(m_opened.size(), 1);
    // The sentence's full stop is not part of the address.
    QCOMPARE(m_opened.constFirst(), QUrl(QStringLiteral("https://example.com/track?id=42")));
}

void TestConversation::textCanBeSelectedAndCopied() {
    QTextBrowser *thread = m_view->thread();
    QVERIFY(thread->textInteractionFlags().testFlag(Qt::TextSelectableByMouse));
    QVERIFY(thread->textInteractionFlags().testFlag(Qt::TextSelectableByKeyboard));
    const QTextBlock block = blockContaining(QStringLiteral("Track it at"));
    QTextCursor cursor(block);
    cursor.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
    thread->setTextCursor(cursor);
    thread->copy();
    QCOMPARE(QApplication::clipboard()->text(), m_link);
    thread->setTextCursor(QTextCursor(thread->document()));
}

void TestConversation::eachBubbleHasAContextMenu() {
    const QPoint inBubble = pointOf(QStringLiteral("Track it at"));
    const MessageRecord message = m_view->messageAt(inBubble);
    QCOMPARE(message.body, m_link);
    std::unique_ptr<QMenu> menu(m_view->menuFor(message, nullptr));
    QAction *copyNumber = menu->findChild<QAction *>(QStringLiteral("copyNumber"));
    QAction *copyText = menu->findChild<QAction *>(QStringLiteral("copyMessageText"));
    QVERIFY(copyNumber && copyText);
    QVERIFY(menu->findChild<QAction *>(QStringLiteral("openDetails")));
    QVERIFY(!menu->findChild<QAction *>(QStringLiteral("retry"))); // it did not fail
    copyNumber->trigger();
    QCOMPARE(QApplication::clipboard()->text(), m_contact);
    copyText->trigger();
    QCOMPARE(QApplication::clipboard()->text(), m_link);
    QSignalSpy details(m_view.get(), &ConversationView::detailsRequested);
    menu->findChild<QAction *>(QStringLiteral("openDetails"))->trigger();
    QCOMPARE(details.size(), 1);

    const MessageRecord failed = m_view->messageAt(pointOf(QStringLiteral("This one will")));
    QCOMPARE(failed.status, QStringLiteral("failed"));
    std::unique_ptr<QMenu> failedMenu(m_view->menuFor(failed, nullptr));
    QVERIFY(failedMenu->findChild<QAction *>(QStringLiteral("retry")));
    QVERIFY(failedMenu->findChild<QAction *>(QStringLiteral("editAndResend")));
    QSignalSpy retry(m_view.get(), &ConversationView::retryRequested);
    failedMenu->findChild<QAction *>(QStringLiteral("retry"))->trigger();
    QCOMPARE(retry.size(), 1);
}

void TestConversation::aStatusUpdateKeepsTheSelection() {
    QTextBrowser *thread = m_view->thread();
    const QTextBlock block = blockContaining(QStringLiteral("Track it at"));
    QTextCursor cursor(block);
    cursor.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
    thread->setTextCursor(cursor);
    const OutboxEntry later = send(QStringLiteral("A message while the agent selects"));
    QTest::qWait(200);
    QVERIFY(thread->textCursor().hasSelection());
    QCOMPARE(thread->textCursor().selectedText(), m_link);
    thread->setTextCursor(QTextCursor(thread->document())); // selection gone: it catches up
    QTRY_VERIFY(thread->toPlainText().contains(QStringLiteral("A message while the agent")));
    Q_UNUSED(later);
}

void TestConversation::statusReadsAsItsChannelSays() {
    // An outbound bubble's footer: the tick and the label of the status, with what it means on
    // hover, all from the channel's status model; a channel may draw its own tick.
    QTextBrowser *thread = m_view->thread();
    thread->setTextCursor(QTextCursor(thread->document()));
    const StatusInfo pending = MessageStatuses::instance().info(QStringLiteral("pending"));
    // The run holding `text` (runs of one format are merged into one fragment).
    auto fragmentWith = [thread](const QString &text) {
        for (QTextBlock b = thread->document()->begin(); b.isValid(); b = b.next()) {
            for (auto it = b.begin(); !it.atEnd(); ++it) {
                if (it.fragment().text().contains(text))
                    return it.fragment();
            }
        }
        return QTextFragment();
    };
    QTRY_VERIFY(fragmentWith(QLatin1Char(' ') + pending.label).isValid());
    QCOMPARE(fragmentWith(QLatin1Char(' ') + pending.label).charFormat().toolTip(),
             pending.meaning);
    QVERIFY(fragmentWith(StatusColors::tick(pending.tone)).isValid());

    m_view->setStatusMarks([](const MessageRecord &m, const StatusInfo &info) {
        Q_UNUSED(m);
        return ConversationView::StatusMark{QStringLiteral("★") + StatusColors::tick(info.tone),
                                            Tone::Info};
    });
    QTRY_VERIFY(fragmentWith(QStringLiteral("★") + StatusColors::tick(pending.tone)).isValid());
    const QTextFragment mark = fragmentWith(QStringLiteral("★") + StatusColors::tick(pending.tone));
    QTextCursor at(thread->document());
    at.setPosition(mark.position());
    const QColor bubble = at.currentTable()->format().background().color();
    QCOMPARE(mark.charFormat().foreground().color(),
             SchemeColors::text(Tone::Info, thread->palette(), bubble));
    m_view->setStatusMarks({});
}

QTEST_MAIN(TestConversation)
#include "tst_conversation.moc"
