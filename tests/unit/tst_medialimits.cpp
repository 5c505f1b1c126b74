#include "media/MediaLimits.h"

#include <QTest>

using namespace sb;

// MediaLimits: every limit of MMS and WhatsApp, each broken alone, named with by how much.
class TestMediaLimits : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void check_data();
    void check();
    void accepts_data();
    void accepts();
    void formatSize_data();
    void formatSize();
};

namespace {

constexpr qint64 MB = MediaLimits::MB;

QList<MediaItem> images(int count, qint64 each,
                        const QString &type = QStringLiteral("image/jpeg")) {
    QList<MediaItem> files;
    for (int i = 0; i < count; ++i)
        files.append({QStringLiteral("photo%1.jpg").arg(i + 1), type, each});
    return files;
}

} // namespace

void TestMediaLimits::check_data() {
    QTest::addColumn<QString>("channel");
    QTest::addColumn<QList<MediaItem>>("files");
    // Every sentence expected, in order; empty: the files may be sent.
    QTest::addColumn<QStringList>("problems");

    QTest::newRow("MMS: nothing attached") << "mms" << QList<MediaItem>{} << QStringList{};
    QTest::newRow("MMS: 10 files, 5 MB in all, exactly at both limits")
        << "mms" << images(10, MB / 2) << QStringList{};
    QTest::newRow("MMS: 11 files, one too many")
        << "mms" << images(11, 1000)
        << QStringList{QStringLiteral("MMS allows at most 10 files; there are 11 (1 too many).")};
    QTest::newRow("MMS: 3 files of 6.2 MB in all, 1.2 MB over")
        << "mms"
        << QList<MediaItem>{{QStringLiteral("a.jpg"), QStringLiteral("image/jpeg"), 2 * MB},
                            {QStringLiteral("b.png"), QStringLiteral("image/png"), 2 * MB},
                            {QStringLiteral("c.gif"), QStringLiteral("image/gif"), 2200 * 1000}}
        << QStringList{QStringLiteral("MMS allows 5 MB in all; these 3 files are 6.2 MB "
                                      "(1.2 MB over).")};
    QTest::newRow("MMS: one byte over the total")
        << "mms" << images(1, 5 * MB + 1)
        << QStringList{QStringLiteral("MMS allows 5 MB in all; this file is 5 MB (1 byte over).")};
    QTest::newRow("MMS: a zip is not a media type")
        << "mms"
        << QList<MediaItem>{{QStringLiteral("x.zip"), QStringLiteral("application/zip"), 100}}
        << QStringList{QStringLiteral("MMS does not accept application/zip files (x.zip).")};
    QTest::newRow("MMS: a type with parameters and capitals is still JPEG")
        << "mms"
        << QList<MediaItem>{{QStringLiteral("a.jpg"), QStringLiteral("Image/JPEG; q=1"), 100}}
        << QStringList{};
    QTest::newRow("MMS: too many and too big, both said")
        << "mms" << images(12, MB)
        << QStringList{QStringLiteral("MMS allows at most 10 files; there are 12 (2 too many)."),
                       QStringLiteral("MMS allows 5 MB in all; these 12 files are 12 MB (7 MB "
                                      "over).")};

    QTest::newRow("WhatsApp: a 5 MB image, at the image limit")
        << "whatsapp" << images(1, 5 * MB) << QStringList{};
    QTest::newRow("WhatsApp: a 6 MB image, 1 MB over the image limit")
        << "whatsapp" << images(1, 6 * MB)
        << QStringList{QStringLiteral("WhatsApp allows 5 MB per image file; photo1.jpg is 6 MB "
                                      "(1 MB over).")};
    QTest::newRow("WhatsApp: a 15 MB video is fine")
        << "whatsapp"
        << QList<MediaItem>{{QStringLiteral("v.mp4"), QStringLiteral("video/mp4"), 15 * MB}}
        << QStringList{};
    QTest::newRow("WhatsApp: a 17 MB PDF, 1 MB over 16 MB")
        << "whatsapp"
        << QList<MediaItem>{{QStringLiteral("d.pdf"), QStringLiteral("application/pdf"), 17 * MB}}
        << QStringList{QStringLiteral("WhatsApp allows 16 MB in all; this file is 17 MB (1 MB "
                                      "over).")};
    QTest::newRow("WhatsApp: two files, one per message")
        << "whatsapp" << images(2, 1000)
        << QStringList{QStringLiteral("WhatsApp allows one file per message; there are 2 (1 too "
                                      "many).")};
    QTest::newRow("WhatsApp: a GIF is not accepted")
        << "whatsapp" << images(1, 1000, QStringLiteral("image/gif"))
        << QStringList{QStringLiteral("WhatsApp does not accept image/gif files (photo1.jpg).")};
    QTest::newRow("WhatsApp: a WebM video is not accepted")
        << "whatsapp"
        << QList<MediaItem>{{QStringLiteral("v.webm"), QStringLiteral("video/webm"), 1000}}
        << QStringList{QStringLiteral("WhatsApp does not accept video/webm files (v.webm).")};
}

void TestMediaLimits::check() {
    QFETCH(QString, channel);
    QFETCH(QList<MediaItem>, files);
    QFETCH(QStringList, problems);
    const MediaLimits limits =
        channel == QLatin1String("mms") ? MediaLimits::mms() : MediaLimits::whatsApp();
    QCOMPARE(limits.check(files), problems);
}

void TestMediaLimits::accepts_data() {
    QTest::addColumn<QString>("type");
    QTest::addColumn<bool>("mms");
    QTest::addColumn<bool>("whatsapp");
    QTest::newRow("JPEG") << "image/jpeg" << true << true;
    QTest::newRow("PNG") << "image/png" << true << true;
    QTest::newRow("GIF: MMS only") << "image/gif" << true << false;
    QTest::newRow("MP4 video") << "video/mp4" << true << true;
    QTest::newRow("3GPP video") << "video/3gpp" << true << true;
    QTest::newRow("QuickTime: MMS only") << "video/quicktime" << true << false;
    QTest::newRow("OGG audio") << "audio/ogg" << true << true;
    QTest::newRow("PDF") << "application/pdf" << true << true;
    QTest::newRow("Word document: WhatsApp only") << "application/msword" << false << true;
    QTest::newRow("HTML: neither") << "text/html" << false << false;
    QTest::newRow("octet-stream: neither") << "application/octet-stream" << false << false;
    QTest::newRow("no type: neither") << "" << false << false;
    QTest::newRow("a family prefix alone is no type") << "audio" << false << false;
}

void TestMediaLimits::accepts() {
    QFETCH(QString, type);
    QFETCH(bool, mms);
    QFETCH(bool, whatsapp);
    QCOMPARE(MediaLimits::mms().accepts(type), mms);
    QCOMPARE(MediaLimits::whatsApp().accepts(type), whatsapp);
}

void TestMediaLimits::formatSize_data() {
    QTest::addColumn<qint64>("bytes");
    QTest::addColumn<QString>("text");
    QTest::newRow("bytes") << qint64(12) << "12 bytes";
    QTest::newRow("one byte") << qint64(1) << "1 byte";
    QTest::newRow("kilobytes") << qint64(850 * 1000) << "850 KB";
    QTest::newRow("whole megabytes") << 5 * MB << "5 MB";
    QTest::newRow("tenths of megabytes") << qint64(6200 * 1000) << "6.2 MB";
}

void TestMediaLimits::formatSize() {
    QFETCH(qint64, bytes);
    QFETCH(QString, text);
    QCOMPARE(MediaLimits::formatSize(bytes), text);
}

QTEST_GUILESS_MAIN(TestMediaLimits)
#include "tst_medialimits.moc"
