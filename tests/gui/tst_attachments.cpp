#include "ConsoleFixture.h"
#include "TestSupport.h"
#include "common/AttachmentTray.h"
#include "runtime/SwitchboardService.h"
#include "sms/ui/SmsComposeWidget.h"
#include "sms/ui/SmsTab.h"

#include <QClipboard>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>

using namespace sb;

// Attachments in the SMS compose form, on the real window in sandbox mode: files attached by
// the tray and by drag and drop show as chips with name and size, an oversized set is named
// under the box with the limit and by how much and cannot be sent, removing the culprit lets
// it go, and it is delivered with its media; a pasted image becomes a PNG attachment.
class TestAttachments : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void twoFilesShowAsChipsAndTheOversizedOneIsRefused();
    void pastedImageIsAttachedAsPng();

private:
    QString write(const QString &name, const QByteArray &bytes);
    QStringList chipTexts() const;

    ConsoleFixture m_console;
    QTemporaryDir m_files;
};

namespace {

QByteArray tinyPng() {
    return QByteArray::fromBase64(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5E"
        "rkJggg==");
}

} // namespace

void TestAttachments::initTestCase() {
    qputenv("SWITCHBOARD_SANDBOX_DELAY_MS", "20");
    QString why;
    QVERIFY2(m_console.start(&why), qPrintable(why));
    // The SMS tab in front, as an agent attaching there sees it.
    auto *tabs = m_console.window()->findChild<QTabWidget *>();
    QVERIFY(tabs);
    for (int i = 0; i < tabs->count(); ++i) {
        if (tabs->widget(i) == m_console.sms() || tabs->widget(i)->isAncestorOf(m_console.sms()))
            tabs->setCurrentIndex(i);
    }
    QTRY_VERIFY(m_console.sms()->compose()->isVisible());
}

void TestAttachments::cleanupTestCase() {
    m_console.stop();
}

QString TestAttachments::write(const QString &name, const QByteArray &bytes) {
    const QString path = m_files.filePath(name);
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(bytes);
    return path;
}

QStringList TestAttachments::chipTexts() const {
    QStringList texts;
    for (QWidget *chip : m_console.sms()->compose()->attachments()->chips())
        texts.append(chip->findChild<QLabel *>()->text());
    return texts;
}

void TestAttachments::twoFilesShowAsChipsAndTheOversizedOneIsRefused() {
    SmsComposeWidget *compose = m_console.sms()->compose();
    AttachmentTray *tray = compose->attachments();
    m_console.type(QStringLiteral("+14155550123"), QStringLiteral("Your receipt and the scan"));
    QVERIFY(compose->sendButton()->isEnabled());

    // A small PNG through the tray (what the Attach… button's dialog hands it)...
    tray->addFile(write(QStringLiteral("receipt.png"), tinyPng()));
    // ...and a 6 MB JPEG dropped on the message box.
    QByteArray jpeg(6 * 1000 * 1000, '\0');
    jpeg.replace(0, 4, QByteArray::fromHex("ffd8ffe0"));
    const QString big = write(QStringLiteral("scan.jpg"), jpeg);
    QMimeData drop;
    drop.setUrls({QUrl::fromLocalFile(big)});
    QWidget *target = compose->bodyEdit()->viewport();
    QDragEnterEvent enter(QPoint(5, 5), Qt::CopyAction, &drop, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent dropped(QPointF(5, 5), Qt::CopyAction, &drop, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &dropped);
    QVERIFY(dropped.isAccepted());
    QVERIFY(!compose->bodyEdit()->toPlainText().contains(QLatin1String("file:"))); // not as text

    // Both chips, with name and size once copied; the limit broken, by how much, under the box.
    QTRY_COMPARE(chipTexts(), (QStringList{QStringLiteral("receipt.png · 70 bytes"),
                                           QStringLiteral("scan.jpg · 6 MB")}));
    QTRY_VERIFY(tray->limitLabel()->isVisible());
    QCOMPARE(tray->limitLabel()->text(),
             QStringLiteral("MMS allows 5 MB in all; these 2 files are 6 MB (1 MB over)."));
    QVERIFY(!compose->sendButton()->isEnabled());
    ConsoleFixture::screenshot(m_console.window(), QStringLiteral("sms-attachments-over-limit"));

    // Removing the scan lifts the limit; what is left is sent with its media and delivered.
    tray->chips().at(1)->findChild<QToolButton *>(QStringLiteral("removeAttachment"))->click();
    QTRY_COMPARE(chipTexts(), QStringList{QStringLiteral("receipt.png · 70 bytes")});
    QVERIFY(tray->limitLabel()->isHidden());
    QVERIFY(compose->sendButton()->isEnabled());
    const QStringList urls = compose->mediaUrls();
    QCOMPARE(urls.size(), 1);
    QVERIFY(urls.first().contains(QLatin1String("/media/")));
    QTest::mouseClick(compose->sendButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_console.record(QStringLiteral("Your receipt and the scan")).status,
                              QStringLiteral("delivered"), 10000);
    QVERIFY(tray->chips().isEmpty()); // sent: the form starts afresh
}

void TestAttachments::pastedImageIsAttachedAsPng() {
    SmsComposeWidget *compose = m_console.sms()->compose();
    AttachmentTray *tray = compose->attachments();
    tray->clear();
    QImage image(40, 30, QImage::Format_RGB32);
    image.fill(Qt::darkCyan);
    QGuiApplication::clipboard()->setImage(image);
    compose->bodyEdit()->setFocus();
    QTest::keySequence(compose->bodyEdit(), QKeySequence::Paste);
    QTRY_COMPARE(tray->chips().size(), 1);
    QTRY_VERIFY2(chipTexts().first().startsWith(QStringLiteral("pasted-image-1.png · ")) &&
                     !chipTexts().first().endsWith(QStringLiteral("…")),
                 qPrintable(chipTexts().first() + QLatin1Char(' ') + tray->problem()));
    QVERIFY(tray->limitLabel()->isHidden());
    // Served as the PNG it was saved as: the very image pasted.
    const QString url = compose->mediaUrls().value(0);
    QVERIFY(url.contains(QLatin1String("/media/")));
    sbtest::Http http;
    const sbtest::Reply got = http.get(QUrl(url));
    QCOMPARE(got.status, 200);
    QCOMPARE(got.header("Content-Type"), QByteArray("image/png"));
    const QImage served = QImage::fromData(got.body, "PNG");
    QCOMPARE(served.size(), QSize(40, 30));
    QCOMPARE(served.pixelColor(0, 0), QColor(Qt::darkCyan));
}

QTEST_MAIN(TestAttachments)
#include "tst_attachments.moc"
