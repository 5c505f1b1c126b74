#include "Await.h"
#include "ThreadExport.h"
#include "ThreadPdfExporter.h"
#include "inbox/ThreadCsvExporter.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextDocument>
#include <QtTest>

using namespace sb;

namespace {

// A small RFC 4180 reader, written from the RFC rather than from the exporter: quoted fields
// (doubled quotes, commas and line breaks inside), CRLF between records.
QList<QStringList> parseCsv(const QString &text, QString *error) {
    QList<QStringList> records;
    QStringList record;
    QString field;
    bool quoted = false;
    bool fieldStarted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                    field += QLatin1Char('"');
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field += c;
            }
            continue;
        }
        if (c == QLatin1Char('"') && !fieldStarted && field.isEmpty()) {
            quoted = fieldStarted = true;
        } else if (c == QLatin1Char(',')) {
            record << field;
            field.clear();
            fieldStarted = false;
        } else if (c == QLatin1Char('\r')) {
            if (i + 1 >= text.size() || text.at(i + 1) != QLatin1Char('\n')) {
                *error = QStringLiteral("bare CR outside quotes at %1").arg(i);
                return {};
            }
            ++i;
            record << field;
            records << record;
            record.clear();
            field.clear();
            fieldStarted = false;
        } else if (c == QLatin1Char('\n')) {
            *error = QStringLiteral("bare LF outside quotes at %1").arg(i);
            return {};
        } else if (c == QLatin1Char('"')) {
            *error = QStringLiteral("quote inside an unquoted field at %1").arg(i);
            return {};
        } else {
            field += c;
            fieldStarted = true;
        }
    }
    if (quoted)
        *error = QStringLiteral("unterminated quoted field");
    if (!field.isEmpty() || !record.isEmpty()) {
        record << field;
        records << record;
    }
    return records;
}

ThreadItem item(ThreadItem::Kind kind, const QString &channel, const QString &direction,
                const QString &text, const QString &at) {
    ThreadItem i;
    i.kind = kind;
    i.channel = channel;
    i.direction = direction;
    i.text = text;
    i.at = QDateTime::fromString(at, Qt::ISODate);
    if (direction == QLatin1String("inbound")) {
        i.from = QStringLiteral("+14155550100");
        i.to = QStringLiteral("+15005550006");
    } else if (direction == QLatin1String("outbound")) {
        i.from = QStringLiteral("+15005550006");
        i.to = QStringLiteral("+14155550100");
    }
    return i;
}

// Everything a customer (or an agent) can put in a message that breaks a naive CSV or PDF.
Thread hostileThread() {
    Thread t;
    ThreadItem quotes = item(ThreadItem::Kind::Message, "sms", "inbound",
                             "He said \"hi\", then left", "2026-11-20T09:00:00Z");
    quotes.status = QStringLiteral("received");
    t << quotes;
    ThreadItem lines = item(ThreadItem::Kind::Message, "whatsapp", "outbound",
                            "Line one\nLine two,\r\nline three", "2026-11-20T09:01:02Z");
    lines.from = QStringLiteral("whatsapp:+15005550006");
    lines.to = QStringLiteral("whatsapp:+14155550100");
    lines.status = QStringLiteral("read");
    lines.mediaLinks = {QStringLiteral("http://127.0.0.1:3000/api/v1/twilio/messages/MM1/media/0"),
                        QStringLiteral("http://127.0.0.1:3000/api/v1/twilio/messages/MM1/media/1")};
    t << lines;
    t << item(ThreadItem::Kind::Message, "sms", "inbound",
              QString::fromUtf8("مرحبا، هل طلبي جاهز؟ order #42"), "2026-11-20T09:02:00Z");
    ThreadItem formula = item(ThreadItem::Kind::Message, "sms", "inbound",
                              "=HYPERLINK(\"http://evil\",\"click\")", "2026-11-20T09:03:00Z");
    t << formula;
    ThreadItem failed =
        item(ThreadItem::Kind::Message, "sms", "outbound", "+1 for that", "2026-11-20T09:04:00Z");
    failed.status = QStringLiteral("failed");
    failed.errorCode = 30006;
    failed.errorMessage = QStringLiteral("Landline or unreachable carrier");
    t << failed;
    t << item(ThreadItem::Kind::Message, "sms", "inbound", "@SUM(A1:A9)", "2026-11-20T09:05:00Z");
    t << item(ThreadItem::Kind::Message, "sms", "inbound", "-2+3", "2026-11-20T09:06:00Z");
    ThreadItem note = item(ThreadItem::Kind::Note, "note", "", "Customer is VIP; call back Monday",
                           "2026-11-20T09:07:00Z");
    note.author = QStringLiteral("Dana, \"night shift\"");
    t << note;
    t << item(ThreadItem::Kind::Call, "voice", "inbound", "Answered, 2:13", "2026-11-20T10:00:00Z");
    return t;
}

bool formulaLike(const QString &value) {
    return !value.isEmpty() && QStringLiteral("=+-@\t\r").contains(value.front());
}

} // namespace

class TestThreadExport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void csvRoundTrip();
    void csvCells_data();
    void csvCells();
    void pdfWritten();
    void pdfTextHasEveryItem();
    void unwritablePathReported();
};

void TestThreadExport::csvRoundTrip() {
    const Thread thread = hostileThread();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("thread.csv"));
    QObject ctx;
    auto error = sbtest::await<QString>([&](auto done) {
        ThreadExport::exportThread(thread, QStringLiteral("Ana"), path, ThreadExport::Format::Csv,
                                   &ctx, done);
    });
    QVERIFY(error);
    QVERIFY2(error->isEmpty(), qPrintable(*error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY2(bytes.startsWith("\xEF\xBB\xBF"), "a UTF-8 BOM first, for Excel");
    QVERIFY(bytes.endsWith("\r\n"));

    QString parseError;
    const QList<QStringList> records = parseCsv(QString::fromUtf8(bytes.mid(3)), &parseError);
    QVERIFY2(parseError.isEmpty(), qPrintable(parseError));
    QCOMPARE(records.size(), thread.size() + 1);
    QCOMPARE(records.first(), ThreadCsvExporter::header());
    QCOMPARE(records.first().size(), 10);
    for (int i = 0; i < thread.size(); ++i) {
        const QStringList expected = ThreadCsvExporter::row(thread.at(i));
        const QStringList &got = records.at(i + 1);
        QCOMPARE(got.size(), expected.size());
        for (int c = 0; c < got.size(); ++c) {
            // Every field comes back as it was, but for the apostrophe that disarms a formula.
            const QString want =
                formulaLike(expected.at(c)) ? QLatin1Char('\'') + expected.at(c) : expected.at(c);
            QCOMPARE(got.at(c), want);
        }
    }
    // Spot checks on what the columns say.
    QCOMPARE(records.at(1).at(0), QStringLiteral("2026-11-20T09:00:00Z"));
    QCOMPARE(records.at(1).at(5), QStringLiteral("He said \"hi\", then left"));
    QCOMPARE(records.at(1).at(3), QStringLiteral("'+14155550100"));
    QCOMPARE(records.at(2).at(3), QStringLiteral("whatsapp:+15005550006"));
    QCOMPARE(records.at(2).at(5), QStringLiteral("Line one\nLine two,\r\nline three"));
    QVERIFY(records.at(2).at(8).contains(QLatin1String("/media/1")));
    QCOMPARE(records.at(3).at(5), QString::fromUtf8("مرحبا، هل طلبي جاهز؟ order #42"));
    QCOMPARE(records.at(4).at(5), QStringLiteral("'=HYPERLINK(\"http://evil\",\"click\")"));
    QCOMPARE(records.at(5).at(6), QStringLiteral("failed"));
    QCOMPARE(records.at(5).at(7), QStringLiteral("30006 Landline or unreachable carrier"));
    QCOMPARE(records.at(6).at(5), QStringLiteral("'@SUM(A1:A9)"));
    QCOMPARE(records.at(7).at(5), QStringLiteral("'-2+3"));
    QCOMPARE(records.at(8).at(1), QStringLiteral("note"));
    QCOMPARE(records.at(8).at(9), QStringLiteral("Dana, \"night shift\""));
}

void TestThreadExport::csvCells_data() {
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("cell");
    QTest::newRow("plain") << "hello"
                           << "hello";
    QTest::newRow("empty") << ""
                           << "";
    QTest::newRow("comma") << "a,b"
                           << "\"a,b\"";
    QTest::newRow("quote") << "say \"x\""
                           << "\"say \"\"x\"\"\"";
    QTest::newRow("newline") << "a\nb"
                             << "\"a\nb\"";
    QTest::newRow("formula =") << "=1+1"
                               << "'=1+1";
    QTest::newRow("formula + (a number)") << "+14155550100"
                                          << "'+14155550100";
    QTest::newRow("formula -") << "-1"
                               << "'-1";
    QTest::newRow("formula @") << "@x"
                               << "'@x";
    QTest::newRow("tab first") << "\tx"
                               << "'\tx";
    QTest::newRow("formula with a comma") << "=A1,B1"
                                          << "\"'=A1,B1\"";
    QTest::newRow("equals later is fine") << "a=b"
                                          << "a=b";
}

void TestThreadExport::csvCells() {
    QFETCH(QString, value);
    QFETCH(QString, cell);
    QCOMPARE(ThreadCsvExporter::cell(value), cell);
}

void TestThreadExport::pdfWritten() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("thread.pdf"));
    QObject ctx;
    auto error = sbtest::await<QString>([&](auto done) {
        ThreadExport::exportThread(hostileThread(), QStringLiteral("Ana Lima (+14155550100)"), path,
                                   ThreadExport::formatFor(path), &ctx, done);
    });
    QVERIFY(error);
    QVERIFY2(error->isEmpty(), qPrintable(*error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.startsWith("%PDF-"));
    QVERIFY(bytes.trimmed().endsWith("%%EOF"));
    QVERIFY(bytes.size() > 1000);

    const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
    if (pdftotext.isEmpty()) {
        qInfo("pdftotext is not installed: the PDF's text is not read back (the document's text "
              "is checked in pdfTextHasEveryItem)");
        return;
    }
    QProcess p;
    p.start(pdftotext,
            {QStringLiteral("-enc"), QStringLiteral("UTF-8"), path, QStringLiteral("-")});
    QVERIFY(p.waitForFinished(20000));
    const QString text = QString::fromUtf8(p.readAllStandardOutput()).simplified();
    for (const QString &expected :
         {QStringLiteral("Conversation with Ana Lima"), QStringLiteral("He said \"hi\""),
          QStringLiteral("Line two,"), QStringLiteral("HYPERLINK"), QStringLiteral("30006"),
          QStringLiteral("Internal note"), QStringLiteral("Customer is VIP"),
          QStringLiteral("/media/1"), QStringLiteral("Answered, 2:13")})
        QVERIFY2(text.contains(expected), qPrintable(expected + QLatin1String(" in: ") + text));
}

void TestThreadExport::pdfTextHasEveryItem() {
    // What write() lays out, read back as text.
    QTextDocument document;
    document.setHtml(ThreadPdfExporter::html(hostileThread(), QStringLiteral("Ana <b>Lima</b>")));
    const QString text = document.toPlainText();
    QVERIFY(text.contains(QLatin1String("Conversation with Ana <b>Lima</b>"))); // escaped
    for (const ThreadItem &i : hostileThread()) {
        for (const QString &line : i.text.split(QRegularExpression(QStringLiteral("\r?\n"))))
            QVERIFY2(text.contains(line), qPrintable(line));
        QVERIFY(text.contains(i.at.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))));
        for (const QString &link : i.mediaLinks)
            QVERIFY(text.contains(link));
        if (!i.status.isEmpty())
            QVERIFY(text.contains(i.status));
    }
    QVERIFY(text.contains(QStringLiteral("Internal note by Dana, \"night shift\" — never sent")));
    QVERIFY(text.contains(QLatin1String("30006 Landline")));

    // The first page as the PDF lays it out (A4 at 96 dpi), to look at.
    QImage page(QSize(794, 1123), QImage::Format_RGB32);
    page.fill(Qt::white);
    document.setPageSize(page.size());
    {
        QPainter painter(&page);
        document.drawContents(&painter, page.rect());
    }
    QDir().mkpath(QStringLiteral(SB_SCREENSHOT_DIR));
    const QString shot = QStringLiteral(SB_SCREENSHOT_DIR "/thread-export-page.png");
    QVERIFY(page.save(shot));
    qInfo("page: %s", qPrintable(shot));
    QVERIFY(text.contains(QStringLiteral("WHATSAPP to whatsapp:+14155550100 (outbound) · read")));
}

void TestThreadExport::unwritablePathReported() {
    QObject ctx;
    for (const auto format : {ThreadExport::Format::Csv, ThreadExport::Format::Pdf}) {
        auto error = sbtest::await<QString>([&](auto done) {
            ThreadExport::exportThread(hostileThread(), QStringLiteral("Ana"),
                                       QStringLiteral("/nonexistent-dir/x/thread.out"), format,
                                       &ctx, done);
        });
        QVERIFY(error);
        QVERIFY2(error->contains(QLatin1String("/nonexistent-dir/x/thread.out")),
                 qPrintable(*error));
    }
}

QTEST_MAIN(TestThreadExport)
#include "tst_threadexport.moc"
