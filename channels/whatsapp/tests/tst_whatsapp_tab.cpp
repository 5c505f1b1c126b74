#include "Await.h"
#include "ConsoleFixture.h"
#include "common/AttachmentTray.h"
#include "common/ConversationView.h"
#include "common/MessageTableModel.h"
#include "common/SchemeColors.h"
#include "common/SendFeedback.h"
#include "db/Store.h"
#include "db/StoreWorker.h"
#include "providers/twilio/TwilioError.h"
#include "runtime/SwitchboardService.h"
#include "sms/ui/SmsTab.h"
#include "whatsapp/SandboxTemplates.h"
#include "whatsapp/ui/TemplatePicker.h"
#include "whatsapp/ui/WhatsAppComposeWidget.h"
#include "whatsapp/ui/WhatsAppTab.h"
#include "whatsapp/ui/WindowCountdown.h"

#include <QAccessible>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardItemModel>
#include <QStyle>
#include <QStyleFactory>
#include <QTabWidget>
#include <QTableView>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextTable>
#include <QtTest>

#include <atomic>

using namespace sb;
using namespace std::chrono_literals;
using sbtest::await;

namespace {

// What the outbox holds for one customer: (direction, content SID, content variables) per
// message, oldest first.
struct Sent {
    QString direction;
    QString contentSid;
    QString contentVariables;
};

} // namespace

// The WhatsApp tab in the real window, in sandbox mode, on an injected clock shared by the
// console and the sandbox: the 24-hour window's countdown, free text refused outside it before
// anything is sent, an approved template from the sandbox's Content API with its variables and
// preview going out with ContentSid and ContentVariables and reaching `read` (blue ✓✓), the
// profile name, the Simulate entry, keyboard-only use, and screenshots.
class TestWhatsAppTab : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void tabIsRegisteredAfterSms();
    void templatesComeFromTheContentApi();
    void countdown_data();
    void countdown();
    void templateOutsideTheWindowReachesRead();
    void freeReplyOutsideTheWindowIsRefusedInTheConversation();
    void failedMessageExplainsTheWhatsAppError();
    void keyboardOnlyCompose();
    void simulateIncomingWhatsApp();
    void readTickKeepsContrast_data();
    void readTickKeepsContrast();
    void netbookScreenshot();

private:
    WhatsAppTab *tab() const;
    void travel(std::chrono::milliseconds by) { m_offsetMs += by.count(); }
    // The customer writes (the sandbox posts the signed webhook); returns once it is listed.
    void customerWrites(const QString &from, const QString &body, const QString &name = {});
    QList<Sent> outbox(const QString &customer);
    int rowWithBody(const QString &body) const;
    MessageRecord record(const QString &body) const;
    static QString uniqueCustomer();
    // The mark after the last outbound bubble's time, and the colour it is drawn in and on.
    struct Mark {
        QString text;
        QColor color;
        QColor background;
    };
    Mark lastMark() const;

    ConsoleFixture m_console;
    std::atomic<qint64> m_offsetMs{0};
    QObject m_ctx;
};

WhatsAppTab *TestWhatsAppTab::tab() const {
    return qobject_cast<WhatsAppTab *>(m_console.window()->channelTab(QStringLiteral("whatsapp")));
}

QString TestWhatsAppTab::uniqueCustomer() {
    static int n = 0;
    return QStringLiteral("whatsapp:+1415555%1").arg(1200 + ++n);
}

void TestWhatsAppTab::initTestCase() {
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    m_console.setClock(
        [this] { return QDateTime::currentDateTimeUtc().addMSecs(m_offsetMs.load()); });
    QString why;
    QVERIFY2(m_console.start(&why), qPrintable(why));
    QVERIFY(tab());
    m_console.window()->tabs()->setCurrentWidget(tab());
}

void TestWhatsAppTab::cleanupTestCase() {
    m_console.stop();
}

void TestWhatsAppTab::customerWrites(const QString &from, const QString &body,
                                     const QString &name) {
    m_console.window()->service()->simulateInbound(QStringLiteral("whatsapp"), from, body, name);
    QTRY_VERIFY_WITH_TIMEOUT(rowWithBody(body) >= 0, 10000);
}

int TestWhatsAppTab::rowWithBody(const QString &body) const {
    for (int row = 0; row < tab()->model()->rowCount(); ++row) {
        if (tab()->model()->record(row).body == body)
            return row;
    }
    return -1;
}

MessageRecord TestWhatsAppTab::record(const QString &body) const {
    const int row = rowWithBody(body);
    return row >= 0 ? tab()->model()->record(row) : MessageRecord{};
}

QList<Sent> TestWhatsAppTab::outbox(const QString &customer) {
    Store *store = m_console.window()->service()->store();
    const auto result = await<StoreResult<QList<Sent>>>([&](auto done) {
        store->run<QList<Sent>>(
            &m_ctx,
            [customer](StoreWorker &w, QString *error) -> std::optional<QList<Sent>> {
                QSqlQuery q(w.database());
                q.prepare(QStringLiteral(
                    "SELECT m.direction, coalesce(o.content_sid, ''), "
                    "coalesce(o.content_variables, '') FROM messages m LEFT JOIN outbox o ON "
                    "o.message_id = m.id WHERE m.from_number = ? OR m.to_number = ? "
                    "ORDER BY m.id"));
                q.addBindValue(customer);
                q.addBindValue(customer);
                if (!q.exec()) {
                    *error = q.lastError().text();
                    return std::nullopt;
                }
                QList<Sent> rows;
                while (q.next())
                    rows.append(
                        {q.value(0).toString(), q.value(1).toString(), q.value(2).toString()});
                return rows;
            },
            done);
    });
    return result && result->ok() ? result->value : QList<Sent>{};
}

TestWhatsAppTab::Mark TestWhatsAppTab::lastMark() const {
    QTextBrowser *thread = tab()->conversation()->thread();
    Mark mark;
    for (QTextBlock block = thread->document()->begin(); block.isValid(); block = block.next()) {
        const QTextTable *bubble = QTextCursor(block).currentTable();
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment f = it.fragment();
            if (f.text().contains(QStringLiteral("✓")) && bubble) {
                mark.text = f.text();
                mark.color = f.charFormat().foreground().color();
                mark.background = bubble->format().background().color();
            }
        }
    }
    return mark;
}

void TestWhatsAppTab::tabIsRegisteredAfterSms() {
    QTabWidget *tabs = m_console.window()->tabs();
    QCOMPARE(tabs->tabText(tabs->indexOf(tab())), QStringLiteral("WhatsApp"));
    QCOMPARE(tabs->indexOf(tab()), tabs->indexOf(m_console.sms()) + 1);
    QCOMPARE(tab()->channelId(), QStringLiteral("whatsapp"));
    QCOMPARE(tab()->model()->query().channel, QStringLiteral("whatsapp"));
}

void TestWhatsAppTab::templatesComeFromTheContentApi() {
    TemplatePicker *picker = tab()->compose()->templates();
    QComboBox *combo = picker->combo();
    // "None" and the sandbox's five templates, read from its Content API.
    QTRY_COMPARE_WITH_TIMEOUT(combo->count(), 6, 10000);
    QCOMPARE(picker->statusLabel()->text(),
             QStringLiteral("3 approved templates; 2 awaiting or refused approval"));
    const auto *model = qobject_cast<QStandardItemModel *>(combo->model());
    QVERIFY(model);
    QStringList usable;
    QStringList shownOnly;
    for (int row = 1; row < combo->count(); ++row) {
        const bool enabled = model->item(row)->flags().testFlag(Qt::ItemIsEnabled);
        (enabled ? usable : shownOnly) << combo->itemText(row);
    }
    QCOMPARE(usable,
             (QStringList{QStringLiteral("appointment_reminder"), QStringLiteral("order_update"),
                          QStringLiteral("support_follow_up")}));
    QCOMPARE(shownOnly.size(), 2);
    QVERIFY2(shownOnly.join(' ').contains(QStringLiteral("payment_overdue (rejected")),
             qPrintable(shownOnly.join(' ')));
    QVERIFY2(shownOnly.join(' ').contains(QStringLiteral("spring_sale (pending")),
             qPrintable(shownOnly.join(' ')));
    // Not pickable, even when asked for by SID.
    QVERIFY(!picker->pick(SandboxTemplates::springSale()));
    QVERIFY(!picker->pick(SandboxTemplates::paymentOverdue()));
    QVERIFY(!picker->current());
    QVERIFY(picker->pick(SandboxTemplates::orderUpdate()));
    QCOMPARE(picker->current()->sid, SandboxTemplates::orderUpdate());
    QCOMPARE(picker->variableEdits().size(), 3);
    picker->pickNone();
    QVERIFY(picker->variableEdits().isEmpty());
}

void TestWhatsAppTab::countdown_data() {
    QTest::addColumn<qint64>("sinceLastMessageMin");
    QTest::addColumn<QString>("text");
    QTest::newRow("00:01 after the customer wrote")
        << qint64(1) << QStringLiteral("Window open: 23 h 59 min left");
    QTest::newRow("23:59 after") << qint64(23 * 60 + 59)
                                 << QStringLiteral("Window open: closes in 1 min");
    QTest::newRow("24:01 after")
        << qint64(24 * 60 + 1)
        << QStringLiteral("Window closed 1 min ago — only an approved template can be sent");
    QTest::newRow("27:00 after")
        << qint64(27 * 60)
        << QStringLiteral("Window closed 3 h ago — only an approved template can be sent");
}

void TestWhatsAppTab::countdown() {
    QFETCH(qint64, sinceLastMessageMin);
    QFETCH(QString, text);
    WhatsAppComposeWidget *compose = tab()->compose();
    const QString customer = uniqueCustomer();
    customerWrites(customer, QStringLiteral("Countdown %1").arg(sinceLastMessageMin));
    compose->toEdit()->setText(customer);
    QTRY_VERIFY(compose->countdown()->isKnown());
    // A few seconds short of the minute, so the text cannot round either way meanwhile.
    travel(std::chrono::minutes(sinceLastMessageMin) + (sinceLastMessageMin < 24 * 60 ? -5s : 5s));
    // The countdown's own timer picks the new time up.
    QTRY_COMPARE_WITH_TIMEOUT(compose->countdown()->text(), text, 3000);
    compose->toEdit()->clear();
}

void TestWhatsAppTab::templateOutsideTheWindowReachesRead() {
    WhatsAppTab *wa = tab();
    WhatsAppComposeWidget *compose = wa->compose();
    const QString customer = uniqueCustomer();
    customerWrites(customer, QStringLiteral("Is my order coming?"), QStringLiteral("Ana Souza"));
    travel(25h);

    // Free text outside the window: refused with the reason, before anything is sent.
    compose->templates()->pickNone();
    compose->toEdit()->setText(QString(customer).remove(QStringLiteral("whatsapp:")));
    QCOMPARE(compose->to(), customer); // a bare +E164 is normalised
    compose->bodyEdit()->setPlainText(QStringLiteral("It ships today"));
    QTRY_VERIFY(compose->countdown()->text().startsWith(QStringLiteral("Window closed 1 h ago")));
    QVERIFY(!compose->sendButton()->isEnabled());
    compose->bodyEdit()->setFocus();
    QTest::keyClick(compose->bodyEdit(), Qt::Key_Return, Qt::ControlModifier);
    const QString reason = compose->feedback()->text();
    QVERIFY2(reason.startsWith(QStringLiteral("Nothing was sent")), qPrintable(reason));
    QVERIFY2(reason.contains(QStringLiteral("More than 24 hours have passed")), qPrintable(reason));
    QVERIFY2(reason.contains(QStringLiteral("approved template")), qPrintable(reason));
    QCOMPARE(compose->feedback()->currentTone(), Tone::Error);
    QTest::qWait(300);
    const QList<Sent> before = outbox(customer);
    QCOMPARE(before.size(), 1); // the customer's message only
    QCOMPARE(before.first().direction, QStringLiteral("inbound"));
    QCOMPARE(compose->bodyEdit()->toPlainText(), QStringLiteral("It ships today")); // kept

    // An approved template, its variables filled in, the preview following.
    QTRY_VERIFY(compose->templates()->combo()->count() > 1);
    QVERIFY(compose->templates()->pick(SandboxTemplates::orderUpdate()));
    QVERIFY(!compose->bodyEdit()->isVisible()); // the template's text is what goes
    const QList<QLineEdit *> fields = compose->templates()->variableEdits();
    QCOMPARE(fields.size(), 3);
    QVERIFY(!compose->sendButton()->isEnabled()); // nothing filled in yet
    QTest::keyClicks(fields[0], QStringLiteral("Ana"));
    QVERIFY(compose->templates()->previewLabel()->text().startsWith(
        QStringLiteral("Hi Ana, your order {{2}} has shipped")));
    QTest::keyClicks(fields[1], QStringLiteral("#4242"));
    QTest::keyClicks(fields[2], QStringLiteral("Monday"));
    const QString preview = compose->templates()->previewLabel()->text();
    QVERIFY2(preview.startsWith(QStringLiteral(
                 "Hi Ana, your order #4242 has shipped and should arrive by Monday.")),
             qPrintable(preview));
    QVERIFY(compose->feedback()->text().isEmpty()); // the refusal made way for the template
    QVERIFY(compose->sendButton()->isEnabled());
    QTest::mouseClick(compose->sendButton(), Qt::LeftButton);

    // It goes out with ContentSid and ContentVariables, reads as the preview, and is read.
    QTRY_VERIFY_WITH_TIMEOUT(rowWithBody(preview) >= 0, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(record(preview).status, QStringLiteral("read"), 15000);
    const QList<Sent> after = outbox(customer);
    QCOMPARE(after.size(), 2);
    QCOMPARE(after.last().direction, QStringLiteral("outbound"));
    QCOMPARE(after.last().contentSid, SandboxTemplates::orderUpdate());
    QCOMPARE(QJsonDocument::fromJson(after.last().contentVariables.toUtf8()).object(),
             (QJsonObject{{QStringLiteral("1"), QStringLiteral("Ana")},
                          {QStringLiteral("2"), QStringLiteral("#4242")},
                          {QStringLiteral("3"), QStringLiteral("Monday")}}));

    // The conversation: that customer, by their profile name, with blue ✓✓ on the template.
    ConversationView *conversation = wa->conversation();
    QCOMPARE(conversation->contact(), customer);
    QTRY_COMPARE(conversation->titleLabel()->text(),
                 QStringLiteral("Conversation with Ana Souza (%1)").arg(customer));
    QTRY_VERIFY(conversation->thread()->toPlainText().contains(QStringLiteral("✓✓ read")));
    const Mark mark = lastMark();
    QCOMPARE(mark.text, QStringLiteral("✓✓"));
    const QPalette palette = conversation->thread()->palette();
    QCOMPARE(mark.color, SchemeColors::text(Tone::Info, palette, mark.background));
    QVERIFY(mark.color.blue() > mark.color.red() + 60); // blue, not the grey of delivered
    QVERIFY(SchemeColors::contrast(mark.color, mark.background) >= SchemeColors::TextContrast);
    // The feedback under the form followed the message to its last status.
    QTRY_VERIFY(compose->feedback()->text().contains(QStringLiteral("Read"), Qt::CaseInsensitive) ||
                compose->feedback()->text().contains(QStringLiteral("Delivered")));
    // The table names the customer.
    const int row = rowWithBody(preview);
    QTRY_COMPARE(
        wa->model()->index(row, MessageTableModel::Contact).data(Qt::DisplayRole).toString(),
        QStringLiteral("Ana Souza (%1)").arg(customer.mid(9))); // without whatsapp:
    ConsoleFixture::screenshot(m_console.window(), QStringLiteral("whatsapp-template-read"));
}

void TestWhatsAppTab::freeReplyOutsideTheWindowIsRefusedInTheConversation() {
    WhatsAppTab *wa = tab();
    const QString customer = uniqueCustomer();
    customerWrites(customer, QStringLiteral("Hello there"), QStringLiteral("Oliver"));
    wa->openConversation(customer);
    ConversationView *conversation = wa->conversation();
    conversation->replyEdit()->setText(QStringLiteral("Hi Oliver"));
    QTRY_VERIFY(conversation->replyButton()->isEnabled()); // inside the window
    travel(24h + 2min);
    // The countdown's tick re-checks the reply box.
    QTRY_VERIFY_WITH_TIMEOUT(!conversation->replyButton()->isEnabled(), 3000);
    QVERIFY2(conversation->feedback()->text().contains(QStringLiteral("24 hours")),
             qPrintable(conversation->feedback()->text()));
    QTest::keyClick(conversation->replyEdit(), Qt::Key_Return);
    QTest::qWait(300);
    QCOMPARE(outbox(customer).size(), 1);
    conversation->replyEdit()->clear();
}

void TestWhatsAppTab::failedMessageExplainsTheWhatsAppError() {
    // A message Twilio accepted and WhatsApp then refused (as Twilio reports it: failed, 63016).
    Store *store = m_console.window()->service()->store();
    const QString customer = uniqueCustomer();
    OutboundDraft draft;
    draft.channel = QStringLiteral("whatsapp");
    draft.from = QStringLiteral("whatsapp:+14155238886");
    draft.to = customer;
    draft.body = QStringLiteral("Your invoice is ready");
    const OutboxEntry entry = await<StoreResult<OutboxEntry>>([&](auto done) {
                                  store->createOutbound(draft, &m_ctx, done);
                              })->value;
    await<StoreResult<OutboxEntry>>(
        [&](auto done) { store->markSubmitted(entry.id, &m_ctx, done); });
    const QString sid = QStringLiteral("SM63016000000000000000000000000001");
    await<StoreResult<OutboxEntry>>([&](auto done) {
        store->markAccepted(entry.id, sid, QStringLiteral("queued"), &m_ctx, done);
    });
    StatusCallback failed;
    failed.messageSid = sid;
    failed.status = QStringLiteral("failed");
    failed.errorCode = 63016;
    await<StoreResult<bool>>([&](auto done) { store->applyStatusCallback(failed, &m_ctx, done); });

    tab()->openConversation(customer);
    QTextBrowser *thread = tab()->conversation()->thread();
    QTRY_VERIFY(thread->toPlainText().contains(QStringLiteral("(63016)")));
    const QString text = thread->toPlainText();
    QVERIFY2(text.contains(QStringLiteral("⚠ Not delivered: ") + TwilioError::explain(63016)),
             qPrintable(text));
    QVERIFY(!TwilioError::explain(63016).isEmpty());
    QVERIFY(text.contains(QStringLiteral("Retry")));
    // The table's status badge says why too.
    QTRY_VERIFY(rowWithBody(draft.body) >= 0);
    const QString tip = tab()
                            ->model()
                            ->index(rowWithBody(draft.body), MessageTableModel::Status)
                            .data(Qt::ToolTipRole)
                            .toString();
    QVERIFY2(tip.startsWith(QStringLiteral("63016 ")), qPrintable(tip));
}

void TestWhatsAppTab::keyboardOnlyCompose() {
    MainWindow *window = m_console.window();
    WhatsAppTab *wa = tab();
    WhatsAppComposeWidget *compose = wa->compose();
    window->tabs()->setCurrentWidget(wa);
    compose->templates()->pickNone();
    compose->toEdit()->clear();
    compose->bodyEdit()->clear();
    const QString customer = uniqueCustomer();
    customerWrites(customer, QStringLiteral("Keyboard customer here"));

    // Ctrl+N: the cursor in To; then Tab from field to field, in reading order.
    QTest::keyClick(window->windowHandle(), Qt::Key_N, Qt::ControlModifier);
    QTRY_COMPARE(QApplication::focusWidget(), compose->toEdit());
    QTest::keyClicks(compose->toEdit(), customer);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), compose->fromBox());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), compose->templates()->combo());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), compose->bodyEdit());
    QTest::keyClicks(compose->bodyEdit(), QStringLiteral("Typed with the keyboard"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), compose->attachments()->attachButton());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), compose->sendButton());
    // Alt+L goes to the template picker; arrow keys pick, skipping what cannot be picked.
    QTest::keyClick(window->windowHandle(), Qt::Key_L, Qt::AltModifier);
    QTRY_COMPARE(QApplication::focusWidget(), compose->templates()->combo());
    QTest::keyClick(compose->templates()->combo(), Qt::Key_Down);
    QVERIFY(compose->templates()->current());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), compose->templates()->variableEdits().value(0));
    for (QLineEdit *field : compose->templates()->variableEdits()) {
        QCOMPARE(QApplication::focusWidget(), field);
        QTest::keyClicks(field, QStringLiteral("x"));
        QTest::keyClick(field, Qt::Key_Tab);
    }
    QCOMPARE(QApplication::focusWidget(), compose->sendButton());
    // Back to the free-form message, sent with Ctrl+Enter from the text.
    QTest::keyClick(window->windowHandle(), Qt::Key_L, Qt::AltModifier);
    QTest::keyClick(compose->templates()->combo(), Qt::Key_Home);
    QVERIFY(!compose->templates()->current());
    QTest::keyClick(window->windowHandle(), Qt::Key_M, Qt::AltModifier);
    QTRY_COMPARE(QApplication::focusWidget(), compose->bodyEdit());
    QTRY_VERIFY(compose->countdown()->isKnown());
    QTest::keyClick(compose->bodyEdit(), Qt::Key_Return, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(rowWithBody(QStringLiteral("Typed with the keyboard")) >= 0, 10000);

    // Every control of the tab has a name for screen readers.
    QStringList nameless;
    for (QWidget *w : wa->findChildren<QWidget *>()) {
        if (!w->isVisible())
            continue;
        if (!qobject_cast<QAbstractButton *>(w) && w->focusPolicy() == Qt::NoFocus)
            continue;
        QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(w);
        if (!iface || iface->text(QAccessible::Name).trimmed().isEmpty())
            nameless << QStringLiteral("%1 '%2'").arg(QLatin1String(w->metaObject()->className()),
                                                      w->objectName());
    }
    QVERIFY2(nameless.isEmpty(), qPrintable(nameless.join(QStringLiteral(", "))));
}

void TestWhatsAppTab::simulateIncomingWhatsApp() {
    MainWindow *window = m_console.window();
    QAction *simulate = window->action(QStringLiteral("simulateIncomingWhatsapp"));
    QVERIFY(simulate);
    QCOMPARE(simulate->text(), QStringLiteral("Simulate incoming &WhatsApp"));
    QVERIFY(simulate->isEnabled());
    window->tabs()->setCurrentWidget(tab());
    QCOMPARE(simulate->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_I)); // the tab shown's
    const int before = tab()->model()->rowCount();
    simulate->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(tab()->model()->rowCount(), before + 1, 10000);
    const MessageRecord m = tab()->model()->record(0);
    QCOMPARE(m.direction, QStringLiteral("inbound"));
    QCOMPARE(m.channel, QStringLiteral("whatsapp"));
    QVERIFY(m.from.startsWith(QStringLiteral("whatsapp:+")));
    // With the profile name the sandbox passed on.
    QTRY_VERIFY(!tab()->profileName(m.from).isEmpty());
    QTRY_VERIFY(tab()
                    ->model()
                    ->index(0, MessageTableModel::Contact)
                    .data()
                    .toString()
                    .startsWith(tab()->profileName(m.from)));
}

void TestWhatsAppTab::readTickKeepsContrast_data() {
    QTest::addColumn<QPalette>("palette");
    QTest::addColumn<QString>("name");
    QTest::newRow("light") << QApplication::style()->standardPalette() << QStringLiteral("light");
    QTest::newRow("dark") << ConsoleFixture::darkPalette() << QStringLiteral("dark");
}

void TestWhatsAppTab::readTickKeepsContrast() {
    QFETCH(QPalette, palette);
    QFETCH(QString, name);
    QApplication::setPalette(palette);
    WhatsAppTab *wa = tab();
    MainWindow *window = m_console.window();
    window->tabs()->setCurrentWidget(wa);
    // The conversation with the template that was read, and a closed window in the form.
    for (int row = 0; row < wa->model()->rowCount(); ++row) {
        if (wa->model()->record(row).status == QLatin1String("read")) {
            wa->table()->selectRow(row);
            break;
        }
    }
    QTRY_VERIFY(wa->conversation()->thread()->toPlainText().contains(QStringLiteral("✓✓ read")));
    QTest::qWait(100); // re-rendered for the palette
    const Mark mark = lastMark();
    QCOMPARE(mark.text, QStringLiteral("✓✓"));
    QVERIFY2(SchemeColors::contrast(mark.color, mark.background) >= SchemeColors::TextContrast,
             qPrintable(QStringLiteral("%1 on %2").arg(mark.color.name(), mark.background.name())));
    QVERIFY(mark.color.blue() > mark.color.red() + 40);
    // Every label of the form keeps the text contrast too.
    for (QLabel *label : wa->compose()->findChildren<QLabel *>()) {
        if (!label->isVisible() || label->text().isEmpty())
            continue;
        const QColor fg = label->palette().color(label->foregroundRole());
        const QColor bg = label->autoFillBackground()
                              ? label->palette().color(label->backgroundRole())
                              : wa->compose()->palette().color(QPalette::Window);
        QVERIFY2(SchemeColors::contrast(fg, bg) >= SchemeColors::TextContrast,
                 qPrintable(label->text()));
    }
    ConsoleFixture::screenshot(window, QStringLiteral("whatsapp-%1").arg(name));
    QApplication::setPalette(QApplication::style()->standardPalette());
}

void TestWhatsAppTab::netbookScreenshot() {
    if (QGuiApplication::primaryScreen()->geometry().size() != QSize(1024, 600))
        QSKIP("needs the 1024x600 screen CTest configures (tst_whatsapp_tab_1024x600)");
    MainWindow *window = m_console.window();
    WhatsAppTab *wa = tab();
    window->tabs()->setCurrentWidget(wa);
    const QString customer = uniqueCustomer();
    customerWrites(customer, QStringLiteral("Do you ship to Lisbon?"), QStringLiteral("Inês"));
    wa->openConversation(customer);
    QTRY_VERIFY(wa->compose()->countdown()->isKnown());
    QTRY_VERIFY(wa->compose()->templates()->combo()->count() > 1);
    wa->compose()->templates()->pick(SandboxTemplates::orderUpdate());
    wa->compose()->templates()->variableEdits().value(0)->setText(QStringLiteral("Inês"));
    QTest::qWait(200);
    QVERIFY(window->frameGeometry().width() <= 1024);
    // The form's fields all show, and the Send button fits.
    QVERIFY(wa->compose()->sendButton()->isVisible());
    QVERIFY(wa->compose()->sendButton()->visibleRegion().boundingRect().height() >=
            wa->compose()->sendButton()->height() / 2);
    ConsoleFixture::screenshot(window, QStringLiteral("whatsapp-1024x600"));
}

QTEST_MAIN(TestWhatsAppTab)
#include "tst_whatsapp_tab.moc"
