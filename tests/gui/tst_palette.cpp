#include "ConsoleFixture.h"
#include "common/ConversationView.h"
#include "common/FailureNotice.h"
#include "common/MessageTableModel.h"
#include "common/SchemeColors.h"
#include "common/StatusBadgeDelegate.h"
#include "messaging/MessageStatuses.h"
#include "runtime/SwitchboardService.h"
#include "sms/ui/SmsComposeWidget.h"
#include "sms/ui/SmsTab.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStyle>
#include <QStyleFactory>
#include <QTabWidget>
#include <QTableView>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextTable>
#include <QtTest>

using namespace sb;

// Issue 9, every palette: the WCAG contrast of every piece of text the console shows, computed
// from the colours the widgets really use (their palettes, the conversation's formats, the
// badge delegate's colours) under a light and a dark desktop palette; and screenshots of both.
class TestPalette : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void contrastFormula();
    void textReachesContrastInEveryPalette_data();
    void textReachesContrastInEveryPalette();

private:
    static QColor backgroundOf(const QWidget *widget);
    ConsoleFixture m_console;
};

void TestPalette::initTestCase() {
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QString why;
    QVERIFY2(m_console.start(&why), qPrintable(why));
    SmsTab *sms = m_console.sms();
    // Every kind of text on screen: a delivered and a failed send, a customer's message (in
    // Arabic), the notice, the faint "Will send to" line and the counter.
    m_console.type(QStringLiteral("+15005553008"), QStringLiteral("Your refund has been issued"));
    QTest::mouseClick(sms->compose()->sendButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(m_console.window()->failureNotice()->isVisible(), 10000);
    m_console.window()->service()->simulateInbound(QStringLiteral("sms"),
                                                   QStringLiteral("+15005553008"),
                                                   QStringLiteral("مرحبا، لم يصلني المبلغ بعد!"));
    m_console.type(QStringLiteral("+14155550100"), QStringLiteral("Thanks for waiting"));
    QTest::mouseClick(sms->compose()->sendButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_console.record(QStringLiteral("Thanks for waiting")).status,
                              QStringLiteral("delivered"), 10000);
    QTRY_VERIFY(m_console.rowWithBody(QStringLiteral("مرحبا، لم يصلني المبلغ بعد!")) >= 0);
    sms->openConversation(QStringLiteral("+15005553008"));
    m_console.type(QStringLiteral("+1 415 555 0123"), QStringLiteral("Hello “there”"));
}

void TestPalette::cleanupTestCase() {
    m_console.stop();
}

void TestPalette::contrastFormula() {
    // WCAG's own reference points.
    QCOMPARE(qRound(SchemeColors::contrast(Qt::black, Qt::white) * 100), 2100);
    QCOMPARE(qRound(SchemeColors::contrast(Qt::white, Qt::white) * 100), 100);
    QCOMPARE(qRound(SchemeColors::contrast(QColor(0x76, 0x76, 0x76), Qt::white) * 100), 454);
    // The colours issue 9 measured: the old fixed red on a dark window, the old bubble with
    // white text.
    QVERIFY(SchemeColors::contrast(QColor(0xc6, 0x28, 0x28), QColor(0x2d, 0x2d, 0x2d)) < 2.5);
    QVERIFY(SchemeColors::contrast(QColor(0xdc, 0xf8, 0xc6), QColor(0xee, 0xee, 0xee)) < 1.3);
    // readable() always gets there, in both directions.
    for (const QColor &bg : {QColor(Qt::white), QColor(0x2d, 0x2d, 0x2d), QColor(0x80, 0x80, 0x80)})
        QVERIFY(SchemeColors::contrast(SchemeColors::readable(QColor(0xc6, 0x28, 0x28), bg), bg) >=
                4.5);
}

QColor TestPalette::backgroundOf(const QWidget *widget) {
    for (const QWidget *w = widget; w; w = w->parentWidget()) {
        if (w->autoFillBackground() || w->isWindow())
            return w->palette().color(w->backgroundRole());
    }
    return widget->palette().color(QPalette::Window);
}

void TestPalette::textReachesContrastInEveryPalette_data() {
    QTest::addColumn<QPalette>("palette");
    QTest::addColumn<QString>("name");
    QTest::newRow("light") << QApplication::style()->standardPalette() << QStringLiteral("light");
    QTest::newRow("dark") << ConsoleFixture::darkPalette() << QStringLiteral("dark");
}

void TestPalette::textReachesContrastInEveryPalette() {
    QFETCH(QPalette, palette);
    QFETCH(QString, name);
    QApplication::setPalette(palette);
    MainWindow *window = m_console.window();
    SmsTab *sms = m_console.sms();
    QTest::qWait(100); // the conversation re-renders for the new palette
    QStringList failures;
    auto check = [&failures](const QString &what, const QColor &fg, const QColor &bg) {
        const double ratio = SchemeColors::contrast(fg, bg);
        if (ratio < SchemeColors::TextContrast)
            failures << QStringLiteral("%1: %2 on %3 = %4:1")
                            .arg(what, fg.name(), bg.name())
                            .arg(ratio, 0, 'f', 2);
    };
    int labels = 0;
    for (int tab = 0; tab < window->tabs()->count(); ++tab) {
        window->tabs()->setCurrentIndex(tab);
        QTest::qWait(20);
        for (QLabel *label : window->findChildren<QLabel *>()) {
            if (!label->isVisible() || label->text().isEmpty())
                continue;
            ++labels;
            // A fixed colour in rich text would not follow the palette.
            QVERIFY2(!label->text().contains(QStringLiteral("color"), Qt::CaseInsensitive),
                     qPrintable(label->text()));
            check(QStringLiteral("label '%1'").arg(label->text().left(40)),
                  label->palette().color(label->foregroundRole()), backgroundOf(label));
        }
    }
    window->tabs()->setCurrentWidget(sms);
    QVERIFY(labels > 10);

    // The conversation: every run of text against the bubble it sits in.
    QTextBrowser *thread = sms->conversation()->thread();
    QTRY_VERIFY(thread->toPlainText().contains(QStringLiteral("Not delivered")));
    int runs = 0;
    for (QTextBlock block = thread->document()->begin(); block.isValid(); block = block.next()) {
        QTextCursor at(block);
        const QTextTable *bubble = at.currentTable();
        const QColor bg = bubble ? bubble->format().background().color()
                                 : thread->palette().color(QPalette::Base);
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            if (fragment.text().trimmed().isEmpty())
                continue;
            ++runs;
            const QBrush fg = fragment.charFormat().foreground();
            check(QStringLiteral("bubble text '%1'").arg(fragment.text().left(30)),
                  fg.style() == Qt::NoBrush ? thread->palette().color(QPalette::Text) : fg.color(),
                  bg);
        }
    }
    QVERIFY(runs >= 8);
    // The message table's text and its status badges.
    for (const QPalette::ColorRole bg : {QPalette::Base, QPalette::AlternateBase})
        check(QStringLiteral("table text"), sms->table()->palette().color(QPalette::Text),
              sms->table()->palette().color(bg));
    for (const char *status : {"pending", "queued", "sending", "sent", "delivered", "read",
                               "failed", "undelivered", "received", "canceled"}) {
        const SchemeColors::Pair badge = StatusBadgeDelegate::colors(
            MessageStatuses::instance().info(QLatin1String(status)).tone);
        check(QStringLiteral("badge %1").arg(QLatin1String(status)), badge.text, badge.background);
    }
    // The UCS-2 marks in the compose box.
    const SchemeColors::Pair mark = SchemeColors::ucs2Mark(sms->compose()->bodyEdit()->palette());
    check(QStringLiteral("UCS-2 mark"), mark.text, mark.background);

    ConsoleFixture::screenshot(window, QStringLiteral("sms-%1").arg(name));
    QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QLatin1Char('\n'))));
}

QTEST_MAIN(TestPalette)
#include "tst_palette.moc"
