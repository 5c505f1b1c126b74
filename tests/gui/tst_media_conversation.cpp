#include "Await.h"
#include "FakeMediaHost.h"
#include "PgTestServer.h"
#include "common/ConversationView.h"
#include "common/MediaAttachments.h"
#include "common/MediaImageDialog.h"
#include "db/Store.h"
#include "db/StoreWorker.h"
#include "inbox/ThreadView.h"
#include "media/MediaFetcher.h"
#include "media/MediaRows.h"
#include "media/MediaShares.h"
#include "sandbox/SandboxMedia.h"

#include <QApplication>
#include <QDesktopServices>
#include <QDir>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextDocument>
#include <QTextImageFormat>
#include <QtTest>

using namespace sb;
using sbtest::await;

// Inbound media in the conversation, on a real store with the real downloader fetching from a
// server on loopback: a picture shows as a thumbnail (an image in the thread's document) that
// opens full size, a PDF and a voice note as lines with Save… and Play, and a download that
// failed says why with a Retry that then gets the file. A screenshot is saved for a person to
// look at (build/screenshots/media-conversation.png).
class TestMediaConversation : public QObject {
    Q_OBJECT
public Q_SLOTS:
    void openUrl(const QUrl &url) { m_opened.append(url); } // QDesktopServices' handler

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void pictureShowsAsAThumbnailThatOpensFullSize();
    void audioAndFilesShowAsLines();
    void failedDownloadSaysWhyAndRetryGetsIt();
    void inboxThreadShowsMediaInlineAndFollowsTheDownload();
    void sentMediaShowsByNameOrLink();
    void screenshot();

private:
    QString receive(const QString &body, const QList<InboundMedia> &media);
    QList<QTextImageFormat> images() const { return imagesIn(m_view->thread()->document()); }
    static QList<QTextImageFormat> imagesIn(const QTextDocument *doc);
    QString threadText() const { return m_view->thread()->document()->toPlainText(); }
    QString mediaUrl(const QString &sample) const {
        return m_host->base() + QStringLiteral("/2010-04-01/Accounts/AC1/Messages/MM1/Media/") +
               SandboxMedia::find(sample)->mediaSid;
    }
    void serve(const QString &sample);

    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<FakeMediaHost> m_host;
    std::unique_ptr<MediaFetcher> m_fetcher;
    std::unique_ptr<ConversationView> m_view;
    QObject m_ctx;
    QList<QUrl> m_opened;
    int m_next = 0;
    const QString m_contact = QStringLiteral("+14155550142");
};

void TestMediaConversation::serve(const QString &sample) {
    const SandboxMedia::Sample *s = SandboxMedia::find(sample);
    m_host->serve(QUrl(mediaUrl(sample)).path(), {200, s->contentType, s->bytes, {}});
}

void TestMediaConversation::initTestCase() {
    QDesktopServices::setUrlHandler(QStringLiteral("file"), this, "openUrl");
    m_store = sbtest::makeStore(m_dir.filePath(QStringLiteral("switchboard.sqlite")));
    m_store->addSchema(MediaRows::schema());
    m_store->addSchema(MediaShares::schema());
    QVERIFY(await<StoreResult<bool>>([&](auto done) { m_store->open(&m_ctx, done); })->value);
    m_nam = std::make_unique<QNetworkAccessManager>();
    m_host = std::make_unique<FakeMediaHost>();
    MediaFetcher::Options options;
    options.maxAttempts = 1; // a failure stays failed until Retry
    m_fetcher = std::make_unique<MediaFetcher>(
        m_nam.get(), m_store.get(),
        MediaCredentials{QStringLiteral("AC1"), QStringLiteral("t0ken-secret"),
                         QUrl(m_host->base())},
        m_dir.path(), [] { return QDateTime::currentDateTimeUtc(); }, options);
    m_fetcher->start();
    m_view = std::make_unique<ConversationView>(m_store.get(), QStringLiteral("sms"));
    m_view->resize(560, 720);
    m_view->setContact(m_contact);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
}

void TestMediaConversation::cleanupTestCase() {
    m_view.reset();
    m_fetcher.reset();
    m_store.reset();
}

QString TestMediaConversation::receive(const QString &body, const QList<InboundMedia> &media) {
    InboundMessage message;
    message.sid = QStringLiteral("MM%1").arg(++m_next, 32, 10, QLatin1Char('0'));
    message.from = m_contact;
    message.to = QStringLiteral("+15005550006");
    message.body = body;
    message.media = media;
    const auto stored = await<StoreResult<bool>>([&](auto done) {
        m_store->run<bool>(
            &m_ctx,
            [message](StoreWorker &w, QString *error) -> std::optional<bool> {
                if (!w.addInboundMessage(message, error) ||
                    !MediaRows::addInbound(w, message, QDateTime::currentDateTimeUtc(), error))
                    return std::nullopt;
                return true;
            },
            done);
    });
    return stored && stored->ok() ? message.sid : QString();
}

QList<QTextImageFormat> TestMediaConversation::imagesIn(const QTextDocument *doc) {
    QList<QTextImageFormat> found;
    for (QTextBlock b = doc->begin(); b.isValid(); b = b.next()) {
        for (auto it = b.begin(); !it.atEnd(); ++it) {
            const QTextCharFormat f = it.fragment().charFormat();
            if (f.isImageFormat())
                found.append(f.toImageFormat());
        }
    }
    return found;
}

void TestMediaConversation::pictureShowsAsAThumbnailThatOpensFullSize() {
    serve(QStringLiteral("photo"));
    QVERIFY(!receive(QStringLiteral("This arrived broken"), {{mediaUrl("photo"), "image/png"}})
                 .isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(images().size(), 1, 10000);
    const QTextImageFormat thumb = images().first();
    const SandboxMedia::Sample *photo = SandboxMedia::find(QStringLiteral("photo"));
    const QString sha = QString::fromLatin1(
        QCryptographicHash::hash(photo->bytes, QCryptographicHash::Sha256).toHex());
    QCOMPARE(thumb.name(), QStringLiteral("sb-media-thumb:") + sha);
    // Scaled down to the thumbnail size (the photo is 320x240), aspect kept.
    QCOMPARE(int(thumb.width()), MediaAttachments::ThumbnailSize);
    QCOMPARE(int(thumb.height()), MediaAttachments::ThumbnailSize * 240 / 320);
    const QImage resource = m_view->thread()
                                ->document()
                                ->resource(QTextDocument::ImageResource, QUrl(thumb.name()))
                                .value<QImage>();
    QCOMPARE(resource.size(), QSize(180, 135));
    QVERIFY(thumb.isAnchor());
    QVERIFY(thumb.anchorHref().startsWith(QLatin1String("sb-media:open/")));
    // Clicking it opens the full-size picture.
    QVERIFY(m_view->media()->handleAnchor(QUrl(thumb.anchorHref())));
    MediaImageDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_view->findChild<MediaImageDialog *>()) != nullptr);
    QTRY_VERIFY(!dialog->imageLabel()->pixmap().isNull());
    QCOMPARE(dialog->imageLabel()->pixmap().size(), QSize(320, 240));
    dialog->close();
}

void TestMediaConversation::audioAndFilesShowAsLines() {
    serve(QStringLiteral("voice-note"));
    serve(QStringLiteral("invoice"));
    QVERIFY(
        !receive(QStringLiteral("Invoice and a voice note"),
                 {{mediaUrl("invoice"), "application/pdf"}, {mediaUrl("voice-note"), "audio/wav"}})
             .isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(threadText().contains(QStringLiteral("attachment-1.pdf")) &&
                                 threadText().contains(QStringLiteral("attachment-2.wav")),
                             10000);
    QVERIFY(threadText().contains(QStringLiteral("Save…")));
    QVERIFY(threadText().contains(QStringLiteral("Play")));
    // Play hands the stored file to the desktop's player.
    QList<MediaRecord> media;
    for (const MessageRecord &m : m_view->messages())
        media += m_view->media()->mediaOf(m.id);
    const auto audio = std::find_if(media.cbegin(), media.cend(),
                                    [](const MediaRecord &m) { return m.isAudio(); });
    QVERIFY(audio != media.cend());
    QVERIFY(m_view->media()->handleAnchor(QUrl(QStringLiteral("sb-media:play/%1").arg(audio->id))));
    QCOMPARE(m_opened.size(), 1);
    QCOMPARE(m_opened.first().toLocalFile(), m_view->media()->absolutePath(*audio));
    QVERIFY(QFile::exists(m_opened.first().toLocalFile()));
}

void TestMediaConversation::failedDownloadSaysWhyAndRetryGetsIt() {
    // Not served yet: the host answers 404.
    QVERIFY(!receive(QStringLiteral("And a chart"), {{mediaUrl("chart"), "image/png"}}).isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(threadText().contains(QStringLiteral("was not downloaded")), 10000);
    QVERIFY(threadText().contains(QStringLiteral("HTTP 404")));
    QVERIFY(threadText().contains(QStringLiteral("Retry")));
    QVERIFY(!threadText().contains(QStringLiteral("t0ken-secret")));
    // The Retry link, as a click would follow it, once the host has the file.
    serve(QStringLiteral("chart"));
    QString retry;
    for (QTextBlock b = m_view->thread()->document()->begin(); b.isValid(); b = b.next()) {
        for (auto it = b.begin(); !it.atEnd(); ++it) {
            const QString target = it.fragment().charFormat().anchorHref();
            if (target.startsWith(QLatin1String("sb-media:retry/")))
                retry = target;
        }
    }
    QVERIFY(!retry.isEmpty());
    QVERIFY(m_view->media()->handleAnchor(QUrl(retry)));
    QTRY_COMPARE_WITH_TIMEOUT(images().size(), 2, 10000);
    QVERIFY(!threadText().contains(QStringLiteral("was not downloaded")));
}

void TestMediaConversation::inboxThreadShowsMediaInlineAndFollowsTheDownload() {
    // The inbox's merged thread draws an inbound message's files as the conversation does, and
    // redraws when the download's row changes (here: failed, then retried and stored).
    const QString late = m_host->base() + QStringLiteral("/late/photo.png");
    const QString sid = receive(QStringLiteral("Photo of the parcel"), {{late, "image/png"}});
    QVERIFY(!sid.isEmpty());
    qint64 id = 0;
    QTRY_VERIFY([&] {
        for (const MessageRecord &m : m_view->messages()) {
            if (m.sid == sid)
                id = m.id;
        }
        return id != 0;
    }());
    ThreadView thread;
    auto *media = new MediaAttachments(m_store.get(), &thread);
    thread.setMedia(media);
    ThreadItem item;
    item.channel = QStringLiteral("sms");
    item.rowId = id;
    item.ref = sid;
    item.direction = QStringLiteral("inbound");
    item.from = m_contact;
    item.text = QStringLiteral("Photo of the parcel");
    item.mediaLinks = {late};
    item.at = QDateTime::currentDateTimeUtc();
    thread.setItems({item});
    thread.resize(480, 520);
    thread.show();
    const auto text = [&] {
        return thread.document()->toPlainText();
    };
    QTRY_VERIFY_WITH_TIMEOUT(text().contains(QStringLiteral("was not downloaded")), 10000);
    QVERIFY(text().contains(QStringLiteral("HTTP 404")));
    QVERIFY(!text().contains(QStringLiteral("Attachment 1"))); // not a bare link any more
    QCOMPARE(imagesIn(thread.document()).size(), 0);
    const SandboxMedia::Sample *photo = SandboxMedia::find(QStringLiteral("photo"));
    m_host->serve(QUrl(late).path(), {200, photo->contentType, photo->bytes, {}});
    QString retry;
    for (QTextBlock b = thread.document()->begin(); b.isValid(); b = b.next()) {
        for (auto it = b.begin(); !it.atEnd(); ++it) {
            const QString target = it.fragment().charFormat().anchorHref();
            if (target.startsWith(QLatin1String("sb-media:retry/")))
                retry = target;
        }
    }
    QVERIFY(!retry.isEmpty());
    // As a click on the link in the thread: the view hands sb-media: links to its attachments.
    Q_EMIT thread.anchorClicked(QUrl(retry));
    QTRY_COMPARE_WITH_TIMEOUT(imagesIn(thread.document()).size(), 1, 10000);
    QVERIFY(!text().contains(QStringLiteral("was not downloaded")));
    QCOMPARE(int(imagesIn(thread.document()).first().width()), MediaAttachments::ThumbnailSize);
}

void TestMediaConversation::sentMediaShowsByNameOrLink() {
    // An outbound MMS with a file this console served (shown by the agent's file name and
    // size, with no link that would start the share's expiry) and one on another host (a link).
    const QString token = QStringLiteral("AbCdEfGhIjKlMnOpQrStUvWxYz012345");
    QVERIFY(MediaShares::isToken(token));
    OutboundDraft draft;
    draft.to = m_contact;
    draft.from = QStringLiteral("+15005550006");
    draft.body = QStringLiteral("Here is your receipt");
    draft.mediaUrls = {QStringLiteral("https://console.example.com") + MediaShares::pathFor(token),
                       QStringLiteral("https://cdn.example.org/plan.pdf")};
    const auto created = await<StoreResult<bool>>([&](auto done) {
        m_store->run<bool>(
            &m_ctx,
            [draft, token](StoreWorker &w, QString *error) -> std::optional<bool> {
                QSqlQuery q(w.database());
                q.prepare(QStringLiteral(
                    "INSERT INTO media_shares (token, file_name, original_name, content_type, "
                    "bytes, created_at, expires_at) VALUES (?, 'x.png', 'receipt.png', "
                    "'image/png', 2048, 0, 0)"));
                q.addBindValue(token);
                if (!q.exec()) {
                    *error = q.lastError().text();
                    return std::nullopt;
                }
                if (!w.createOutbound(draft, error))
                    return std::nullopt;
                return true;
            },
            done);
    });
    QVERIFY(created && created->ok());
    // The size as the locale writes it ("2.00 KiB").
    const QString size = QLocale().formattedDataSize(2048);
    QTRY_VERIFY_WITH_TIMEOUT(
        threadText().contains(QStringLiteral("Sent file: receipt.png · ") + size), 10000);
    QVERIFY(threadText().contains(QStringLiteral("Attachment 2 (cdn.example.org)")));
    QStringList links;
    for (QTextBlock b = m_view->thread()->document()->begin(); b.isValid(); b = b.next()) {
        for (auto it = b.begin(); !it.atEnd(); ++it) {
            const QString target = it.fragment().charFormat().anchorHref();
            if (!target.isEmpty())
                links << target;
        }
    }
    QVERIFY(links.contains(QStringLiteral("https://cdn.example.org/plan.pdf")));
    QVERIFY(!links.join(QLatin1Char(' ')).contains(token));
}

void TestMediaConversation::screenshot() {
    // One more failure on screen, for the picture of every state.
    QVERIFY(!receive(QStringLiteral("Did the scan come through?"),
                     {{m_host->base() + QStringLiteral("/missing-scan.jpg"), "image/jpeg"}})
                 .isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(threadText().contains(QStringLiteral("was not downloaded")), 10000);
    QTest::qWait(100);
    const QString dir = QStringLiteral(SB_BUILD_DIR "/screenshots");
    QDir().mkpath(dir);
    const QString path = dir + QStringLiteral("/media-conversation.png");
    QVERIFY(m_view->grab().save(path));
    qInfo().noquote() << "screenshot:" << path;
}

QTEST_MAIN(TestMediaConversation)
#include "tst_media_conversation.moc"
