// The inbox's views on their own, fed with data (no engine): the contact list model under
// QAbstractItemModelTester with live updates that keep the current row, the snippet markers,
// and the thread view's bubbles, channel marks, note box and search-hit highlight.
#include "inbox/ContactDelegate.h"
#include "inbox/ContactListModel.h"
#include "inbox/Inbox.h"
#include "inbox/InboxTab.h"
#include "inbox/PresenceTracker.h"
#include "inbox/ThreadView.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QItemSelectionModel>
#include <QListView>
#include <QRandomGenerator>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTextFrame>
#include <QTextTable>
#include <QtTest>

using namespace sb;

namespace {

ContactSummary contact(qint64 id, const QString &number, int minutesAgo, int unread = 0,
                       const QString &name = {}) {
    ContactSummary c;
    c.id = id;
    c.number = number;
    c.name = name;
    c.lastText = QStringLiteral("text %1").arg(id);
    c.lastChannel = QStringLiteral("sms");
    c.lastAt = QDateTime(QDate(2026, 1, 5), QTime(12, 0), Qt::UTC).addSecs(-60 * minutesAgo);
    c.unread = unread;
    c.channels = {QStringLiteral("sms")};
    return c;
}

QList<qint64> ids(const ContactListModel &model) {
    QList<qint64> out;
    for (int row = 0; row < model.rowCount(); ++row)
        out << model.contact(row).id;
    return out;
}

ThreadItem message(qint64 rowId, const QString &channel, const QString &direction,
                   const QString &text, int minute, const QString &status = {}) {
    ThreadItem i;
    i.kind = ThreadItem::Kind::Message;
    i.channel = channel;
    i.rowId = rowId;
    i.direction = direction;
    i.text = text;
    i.status = status;
    i.at = QDateTime(QDate(2026, 1, 5), QTime(10, minute), Qt::UTC);
    return i;
}

} // namespace

class TestInboxViews : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void withoutAnAgentNothingIsMine();
    void presenceInWords_data();
    void presenceInWords();
    void removedRowLeavesTheUnreadSum();
    void snippetMarkers_data();
    void snippetMarkers();
    void listIsNewestFirstAndPassesTheModelTester();
    void colleaguesInAConversationMarkOnlyItsRow();
    void liveUpdateMovesTheRowAndKeepsTheSelection();
    void rowsAndUnreadFollowEveryChange();
    void hitsShowTheirSnippet();
    void callWithoutTextIsNamedACall();
    void delegatePaintsEveryKindOfRow();
    void threadMarksEachBubbleWithItsChannel();
    void noteIsADashedBoxNamedNote();
    void highlightScrollsToTheHitAndFades();
    void olderItemsAtTheTopKeepThePlace();
};

void TestInboxViews::snippetMarkers_data() {
    QTest::addColumn<QString>("marked");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QList<int>>("bold"); // start, length pairs
    QTest::newRow("one match") << QStringLiteral("my [order] is late")
                               << QStringLiteral("my order is late") << QList<int>{3, 5};
    QTest::newRow("two matches") << QStringLiteral("[a] b [c]") << QStringLiteral("a b c")
                                 << QList<int>{0, 1, 4, 1};
    QTest::newRow("none") << QStringLiteral("plain") << QStringLiteral("plain") << QList<int>{};
    QTest::newRow("unclosed marker")
        << QStringLiteral("x [y") << QStringLiteral("x y") << QList<int>{2, 1};
}

void TestInboxViews::snippetMarkers() {
    QFETCH(QString, marked);
    QFETCH(QString, text);
    QFETCH(QList<int>, bold);
    const Snippet s = Snippet::fromMarked(marked, QStringLiteral("["), QStringLiteral("]"));
    QCOMPARE(s.text, text);
    QList<int> flat;
    for (const auto &[start, length] : s.bold)
        flat << start << length;
    QCOMPARE(flat, bold);
}

void TestInboxViews::listIsNewestFirstAndPassesTheModelTester() {
    ContactListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy unread(&model, &ContactListModel::unreadChanged);
    model.setContacts({contact(1, QStringLiteral("+1555000001"), 30, 2),
                       contact(2, QStringLiteral("+1555000002"), 5, 1, QStringLiteral("Ana")),
                       contact(3, QStringLiteral("+1555000003"), 60)});
    QCOMPARE(ids(model), (QList<qint64>{2, 1, 3}));
    QCOMPARE(model.index(0).data().toString(), QStringLiteral("Ana"));
    QCOMPARE(model.index(1).data().toString(), QStringLiteral("+1555000001"));
    QVERIFY(model.index(0)
                .data(Qt::AccessibleTextRole)
                .toString()
                .contains(QStringLiteral("+1555000002")));
    QCOMPARE(model.totalUnread(), 3);
    QCOMPARE(unread.last().at(0).toInt(), 3);
    model.setUnread(1, 0);
    QCOMPARE(model.totalUnread(), 1);
    QCOMPARE(unread.last().at(0).toInt(), 1);
    model.setName(3, QStringLiteral("Bob"));
    QCOMPARE(model.index(2).data().toString(), QStringLiteral("Bob"));
    model.appendContacts({contact(4, QStringLiteral("+1555000004"), 90),
                          contact(3, QStringLiteral("+1555000003"), 60)}); // 3 is there already
    QCOMPARE(ids(model), (QList<qint64>{2, 1, 3, 4}));
}

// The list's presence: each row learns who else is in its conversation (replying first), only
// the rows whose colleagues changed are repainted, and a screen reader hears it with the row.
void TestInboxViews::colleaguesInAConversationMarkOnlyItsRow() {
    ContactListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setContacts({contact(1, QStringLiteral("+1555000001"), 30),
                       contact(2, QStringLiteral("+1555000002"), 5),
                       contact(3, QStringLiteral("+1555000003"), 60)});
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    const auto presence = [](qint64 contactId, const QString &agent, const QString &state) {
        return Presence{agent, state, QDateTime::currentDateTimeUtc(), contactId};
    };
    const auto rowsChanged = [&changed] {
        QList<int> rows;
        for (const QList<QVariant> &signal : std::as_const(changed))
            rows << signal.at(0).toModelIndex().row();
        changed.clear();
        return rows;
    };
    model.setPresence({presence(1, QStringLiteral("Ben Okafor"), Inbox::Replying),
                       presence(1, QStringLiteral("Cara Diaz"), Inbox::Viewing)});
    QCOMPARE(rowsChanged(), QList<int>{model.rowOf(1)});
    const QList<Presence> others =
        model.index(model.rowOf(1)).data(ContactListModel::PresenceRole).value<QList<Presence>>();
    QCOMPARE(others.size(), 2);
    QCOMPARE(others.at(0).agent, QStringLiteral("Ben Okafor"));
    QVERIFY2(model.index(model.rowOf(1))
                 .data(Qt::AccessibleTextRole)
                 .toString()
                 .contains(QStringLiteral("Ben Okafor is replying to this customer")),
             "a screen reader hears it");
    QVERIFY(model.presenceOf(2).isEmpty());
    // The same again (a heartbeat's re-read): nothing to repaint.
    model.setPresence({presence(1, QStringLiteral("Ben Okafor"), Inbox::Replying),
                       presence(1, QStringLiteral("Cara Diaz"), Inbox::Viewing)});
    QCOMPARE(rowsChanged(), QList<int>{});
    // Ben moves to contact 3 and Cara leaves: rows 1 and 3, not 2.
    model.setPresence({presence(3, QStringLiteral("Ben Okafor"), Inbox::Viewing)});
    QList<int> rows = rowsChanged();
    std::sort(rows.begin(), rows.end());
    QList<int> expected{model.rowOf(1), model.rowOf(3)};
    std::sort(expected.begin(), expected.end());
    QCOMPARE(rows, expected);
    QVERIFY(model.presenceOf(1).isEmpty());
    QCOMPARE(model.presenceOf(3).value(0).state, QString(Inbox::Viewing));
    // The delegate draws a row with a colleague in it (and one selected).
    QListView view;
    view.setItemDelegate(new ContactDelegate(&view));
    view.setModel(&model);
    view.resize(320, 200);
    view.setCurrentIndex(model.index(model.rowOf(3)));
    QVERIFY(!view.grab().toImage().isNull());
}

void TestInboxViews::liveUpdateMovesTheRowAndKeepsTheSelection() {
    ContactListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QListView view;
    view.setModel(&model);
    model.setContacts({contact(1, QStringLiteral("+1555000001"), 10),
                       contact(2, QStringLiteral("+1555000002"), 20),
                       contact(3, QStringLiteral("+1555000003"), 30)});
    view.setCurrentIndex(model.index(1)); // the agent is on contact 2
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);

    // Contact 3 writes in: it moves to the top, contact 2 stays current.
    model.update({contact(3, QStringLiteral("+1555000003"), 0, 1)});
    QCOMPARE(ids(model), (QList<qint64>{3, 1, 2}));
    QCOMPARE(view.currentIndex().data(ContactListModel::IdRole).toLongLong(), 2);
    // A new contact arrives in its place; the selected contact's own change updates in place.
    model.update({contact(5, QStringLiteral("+1555000005"), 15)});
    QCOMPARE(ids(model), (QList<qint64>{3, 1, 5, 2}));
    model.update({contact(2, QStringLiteral("+1555000002"), 20, 4)});
    QCOMPARE(view.currentIndex().data(ContactListModel::UnreadRole).toInt(), 4);
    // Moving down keeps it too.
    model.update({contact(3, QStringLiteral("+1555000003"), 100, 1)});
    QCOMPARE(ids(model), (QList<qint64>{1, 5, 2, 3}));
    QCOMPARE(view.currentIndex().data(ContactListModel::IdRole).toLongLong(), 2);
    QCOMPARE(resets.count(), 0);
}

// rowOf() finds a row by a binary search on the list's order and totalUnread() is a running
// sum: both checked against a plain scan through 2,000 random changes, a page appended out of
// order, and a search's hits in between.
void TestInboxViews::rowsAndUnreadFollowEveryChange() {
    ContactListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QRandomGenerator random(15);
    QList<ContactSummary> contacts;
    for (int id = 1; id <= 300; ++id)
        contacts << contact(id, QStringLiteral("+1555%1").arg(id, 6, 10, QLatin1Char('0')),
                            random.bounded(1000), random.bounded(3));
    model.setContacts(contacts);
    const auto check = [&model](const char *when) {
        int sum = 0;
        for (int row = 0; row < model.rowCount(); ++row) {
            const ContactSummary c = model.contact(row);
            sum += c.unread;
            if (model.rowOf(c.id) != row)
                return QStringLiteral("%1: contact %2 is at row %3, rowOf says %4")
                    .arg(QLatin1String(when))
                    .arg(c.id)
                    .arg(row)
                    .arg(model.rowOf(c.id));
        }
        if (model.totalUnread() != sum)
            return QStringLiteral("%1: total unread %2, rows add up to %3")
                .arg(QLatin1String(when))
                .arg(model.totalUnread())
                .arg(sum);
        return QString();
    };
    QCOMPARE(check("loaded"), QString());
    // A page whose contacts are newer than some shown: the order no longer holds at its end.
    model.appendContacts({contact(301, QStringLiteral("+1555000301"), 0, 2),
                          contact(302, QStringLiteral("+1555000302"), 2000, 1)});
    QCOMPARE(check("an out-of-order page"), QString());
    for (int step = 0; step < 2000; ++step) {
        const int id = 1 + random.bounded(310); // some new ones
        const ContactSummary c =
            contact(id, QStringLiteral("+1555%1").arg(id, 6, 10, QLatin1Char('0')),
                    random.bounded(1000), random.bounded(4));
        if (step % 7 == 0)
            model.setUnread(id, random.bounded(5));
        else
            model.update({c});
    }
    QCOMPARE(check("after the changes"), QString());
    QCOMPARE(model.rowOf(9999), -1);
    ContactListModel::Hit hit;
    hit.contact = contact(7, QStringLiteral("+1555000007"), 1, 5);
    model.setHits({hit});
    QCOMPARE(model.rowOf(7), 0);
    model.setContacts(contacts);
    QCOMPARE(check("loaded again"), QString());
}

void TestInboxViews::hitsShowTheirSnippet() {
    ContactListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    ContactListModel::Hit hit;
    hit.contact = contact(7, QStringLiteral("+1555000007"), 1);
    hit.snippet = Snippet::fromMarked(QStringLiteral("where is my [parcel]"), QStringLiteral("["),
                                      QStringLiteral("]"));
    hit.channel = QStringLiteral("whatsapp");
    hit.rowId = 42;
    model.setHits({hit, hit});
    QVERIFY(model.showingHits());
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0).data(ContactListModel::HitRowIdRole).toLongLong(), 42);
    QCOMPARE(model.index(0).data(ContactListModel::HitChannelRole).toString(),
             QStringLiteral("whatsapp"));
    QCOMPARE(model.index(0).data(ContactListModel::SnippetRole).value<Snippet>().text,
             QStringLiteral("where is my parcel"));
    QVERIFY(
        model.index(0).data(Qt::AccessibleTextRole).toString().contains(QStringLiteral("parcel")));
    model.setContacts({contact(1, QStringLiteral("+1555000001"), 10)});
    QVERIFY(!model.showingHits());
    QVERIFY(!model.index(0).data(ContactListModel::SnippetRole).isValid());
}

void TestInboxViews::callWithoutTextIsNamedACall() {
    ContactSummary c = contact(1, QStringLiteral("+1555000001"), 5);
    c.lastText.clear(); // a call's summary: the inbox stores none
    c.lastChannel = QStringLiteral("voice");
    c.channels = {QStringLiteral("voice")};
    QCOMPARE(ContactListModel::lastLine(c), QStringLiteral("Call"));
    ContactListModel model;
    model.setContacts({c});
    QVERIFY2(model.index(0)
                 .data(Qt::AccessibleTextRole)
                 .toString()
                 .contains(QStringLiteral("last: Call")),
             qPrintable(model.index(0).data(Qt::AccessibleTextRole).toString()));
    c.lastText = QStringLiteral("hello");
    QCOMPARE(ContactListModel::lastLine(c), QStringLiteral("hello"));
}

void TestInboxViews::delegatePaintsEveryKindOfRow() {
    ContactListModel model;
    ContactSummary full = contact(1, QStringLiteral("+1555000001"), 10, 12, QStringLiteral("Ana"));
    full.channels = {QStringLiteral("sms"), QStringLiteral("whatsapp")};
    full.optedOutOf = {QStringLiteral("+15005550006")};
    model.setContacts({full, contact(2, QStringLiteral("+1555000002"), 20)});
    QListView view;
    auto *delegate = new ContactDelegate(&view);
    view.setItemDelegate(delegate);
    view.setModel(&model);
    view.resize(320, 200);
    view.setCurrentIndex(model.index(0));
    const QImage shot = view.grab().toImage();
    QVERIFY(!shot.isNull());
    const QSize hint = delegate->sizeHint(QStyleOptionViewItem(), model.index(0));
    QVERIFY(hint.height() >= 2 * view.fontMetrics().lineSpacing());
    QCOMPARE(ContactDelegate::channelLetter(QStringLiteral("whatsapp")), QStringLiteral("W"));
    QCOMPARE(ContactDelegate::channelName(QStringLiteral("sms")), QStringLiteral("SMS"));
}

void TestInboxViews::threadMarksEachBubbleWithItsChannel() {
    ThreadView view;
    view.resize(500, 400);
    view.show();
    QSignalSpy rendered(&view, &ThreadView::rendered);
    view.setItems({message(1, QStringLiteral("sms"), QStringLiteral("inbound"),
                           QStringLiteral("Hello by SMS"), 1),
                   message(2, QStringLiteral("whatsapp"), QStringLiteral("outbound"),
                           QStringLiteral("Answer on WhatsApp"), 2, QStringLiteral("delivered"))});
    QVERIFY(rendered.wait());
    const QString text = view.toPlainText();
    QVERIFY(text.indexOf(QStringLiteral("Hello by SMS")) <
            text.indexOf(QStringLiteral("Answer on WhatsApp")));
    QVERIFY2(text.contains(QStringLiteral("SMS · ")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("WhatsApp · ")), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("✓✓")));
    QList<QTextTable *> tables;
    for (QTextFrame *frame : view.document()->rootFrame()->childFrames())
        if (auto *t = qobject_cast<QTextTable *>(frame))
            tables << t;
    QCOMPARE(tables.size(), 2);
    QCOMPARE(tables[0]->format().alignment() & Qt::AlignHorizontal_Mask, Qt::AlignLeft);
    QCOMPARE(tables[1]->format().alignment() & Qt::AlignHorizontal_Mask, Qt::AlignRight);
}

void TestInboxViews::noteIsADashedBoxNamedNote() {
    ThreadView view;
    view.resize(500, 400);
    view.show();
    QSignalSpy rendered(&view, &ThreadView::rendered);
    ThreadItem note;
    note.kind = ThreadItem::Kind::Note;
    note.channel = QStringLiteral("note");
    note.rowId = 9;
    note.text = QStringLiteral("Called back, wants a refund");
    note.author = QStringLiteral("Maria");
    note.at = QDateTime(QDate(2026, 1, 5), QTime(10, 5), Qt::UTC);
    view.setItems(
        {message(1, QStringLiteral("sms"), QStringLiteral("inbound"), QStringLiteral("Hi"), 1),
         note});
    QVERIFY(rendered.wait());
    QVERIFY(view.toPlainText().contains(QStringLiteral("Note · Maria")));
    QTextTable *noteBox = nullptr;
    QTextTable *bubble = nullptr;
    for (QTextFrame *frame : view.document()->rootFrame()->childFrames()) {
        auto *t = qobject_cast<QTextTable *>(frame);
        if (t && t->format().property(ThreadView::ItemKeyProperty).toString() ==
                     QStringLiteral("note:9"))
            noteBox = t;
        else if (t)
            bubble = t;
    }
    QVERIFY(noteBox && bubble);
    QCOMPARE(noteBox->format().borderStyle(), QTextFrameFormat::BorderStyle_Dashed);
    QVERIFY(noteBox->format().background().color() != bubble->format().background().color());
}

void TestInboxViews::highlightScrollsToTheHitAndFades() {
    ThreadView view;
    view.resize(400, 200);
    view.show();
    Thread items;
    for (int i = 0; i < 40; ++i)
        items << message(i + 1, QStringLiteral("sms"),
                         i % 2 ? QStringLiteral("outbound") : QStringLiteral("inbound"),
                         QStringLiteral("message number %1").arg(i + 1), i,
                         QStringLiteral("delivered"));
    QSignalSpy rendered(&view, &ThreadView::rendered);
    view.setItems(items);
    QVERIFY(rendered.wait());
    QScrollBar *bar = view.verticalScrollBar();
    QTRY_COMPARE(bar->value(), bar->maximum()); // opens at the newest
    QVERIFY(!view.highlight(QStringLiteral("sms"), 999));
    QVERIFY(view.highlight(QStringLiteral("sms"), 5));
    QVERIFY(rendered.wait());
    QVERIFY(bar->value() < bar->maximum() / 2);
    const QPoint center = view.viewport()->rect().center();
    (void)center;
    QCOMPARE(view.highlighted(), QStringLiteral("sms:5"));
    QTRY_VERIFY_WITH_TIMEOUT(view.highlighted().isEmpty(), 4000);
}

void TestInboxViews::olderItemsAtTheTopKeepThePlace() {
    ThreadView view;
    view.resize(400, 200);
    view.show();
    Thread newer;
    for (int i = 20; i < 40; ++i)
        newer << message(i + 1, QStringLiteral("sms"), QStringLiteral("inbound"),
                         QStringLiteral("message number %1").arg(i + 1), i);
    QSignalSpy rendered(&view, &ThreadView::rendered);
    QSignalSpy older(&view, &ThreadView::olderWanted);
    view.setItems(newer);
    QVERIFY(rendered.wait());
    QScrollBar *bar = view.verticalScrollBar();
    bar->setValue(0); // the agent scrolls to the top
    QCOMPARE(older.count(), 1);
    const QTextCursor top = view.cursorForPosition(QPoint(10, 10));
    const QString seen = top.block().text();
    Thread all;
    for (int i = 0; i < 20; ++i)
        all << message(i + 1, QStringLiteral("sms"), QStringLiteral("inbound"),
                       QStringLiteral("message number %1").arg(i + 1), i);
    all += newer;
    view.setItems(all);
    QVERIFY(rendered.wait());
    QVERIFY(bar->value() > 0); // still looking at what was at the top, not at the new top
    QCOMPARE(view.cursorForPosition(QPoint(10, 10)).block().text(), seen);
}

QTEST_MAIN(TestInboxViews)
void TestInboxViews::presenceInWords_data() {
    QTest::addColumn<QStringList>("replying");
    QTest::addColumn<QStringList>("viewing");
    QTest::addColumn<QString>("words");
    QTest::newRow("nobody") << QStringList{} << QStringList{} << QString();
    QTest::newRow("one viewing") << QStringList{} << QStringList{QStringLiteral("Ben")}
                                 << QStringLiteral("Ben is viewing this conversation");
    QTest::newRow("one replying") << QStringList{QStringLiteral("Ben")} << QStringList{}
                                  << QStringLiteral("Ben is replying to this customer");
    QTest::newRow("three viewing")
        << QStringList{}
        << QStringList{QStringLiteral("Ben"), QStringLiteral("Carla"), QStringLiteral("Dev")}
        << QStringLiteral("Ben, Carla and Dev are viewing this conversation");
    QTest::newRow("both kinds") << QStringList{QStringLiteral("Ben"), QStringLiteral("Carla")}
                                << QStringList{QStringLiteral("Dev")}
                                << QStringLiteral("Ben and Carla are replying to this customer; "
                                                  "Dev is viewing this conversation");
}

void TestInboxViews::presenceInWords() {
    QFETCH(QStringList, replying);
    QFETCH(QStringList, viewing);
    QFETCH(QString, words);
    QList<Presence> others;
    for (const QString &agent : replying)
        others.append({agent, Inbox::Replying, QDateTime::currentDateTimeUtc()});
    for (const QString &agent : viewing)
        others.append({agent, Inbox::Viewing, QDateTime::currentDateTimeUtc()});
    QCOMPARE(PresenceTracker::describe(others), words);
}

// A conversation assigned away from "Mine" leaves the list, and its unread with it.
void TestInboxViews::removedRowLeavesTheUnreadSum() {
    ContactListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy unread(&model, &ContactListModel::unreadChanged);
    ContactSummary a;
    a.id = 1;
    a.number = QStringLiteral("+14155550101");
    a.unread = 2;
    a.lastAt = QDateTime::currentDateTimeUtc();
    ContactSummary b = a;
    b.id = 2;
    b.number = QStringLiteral("+14155550102");
    b.unread = 1;
    model.setContacts({a, b});
    QCOMPARE(model.totalUnread(), 3);
    model.remove(1);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.rowOf(1), -1);
    QCOMPARE(model.rowOf(2), 0);
    QCOMPARE(model.totalUnread(), 1);
    QCOMPARE(unread.last().at(0).toInt(), 1);
    model.remove(42); // not listed: nothing happens
    QCOMPARE(model.rowCount(), 1);
    model.update({a}); // assigned back: listed again, in its place (same time: the lower id last)
    QCOMPARE(model.rowOf(1), 1);
    QCOMPARE(model.totalUnread(), 3);
}

// No agent's name (unset, and no login name to fall back on): "Mine" cannot be chosen, and
// asking for it lists everyone's rather than the unassigned ones as if they were "Mine".
void TestInboxViews::withoutAnAgentNothingIsMine() {
    InboxContext context; // no engine: the tab's own logic alone
    InboxTab nameless(context);
    auto *items = qobject_cast<QStandardItemModel *>(nameless.scopePicker()->model());
    QVERIFY(items);
    QVERIFY(!items->item(int(InboxTab::Scope::Mine))->isEnabled());
    QVERIFY(items->item(int(InboxTab::Scope::Unassigned))->isEnabled());
    nameless.setScope(InboxTab::Scope::Mine);
    QCOMPARE(nameless.scope(), InboxTab::Scope::Everyone);
    context.agent = QStringLiteral("Ana Lima");
    InboxTab named(context);
    items = qobject_cast<QStandardItemModel *>(named.scopePicker()->model());
    QVERIFY(items->item(int(InboxTab::Scope::Mine))->isEnabled());
    named.setScope(InboxTab::Scope::Mine);
    QCOMPARE(named.scope(), InboxTab::Scope::Mine);
}

#include "tst_inbox_views.moc"
