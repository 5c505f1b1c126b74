#include "MediaAttachments.h"

#include "MediaImageDialog.h"
#include "SchemeColors.h"
#include "common/Receiver.h"
#include "db/Store.h"
#include "db/StoreWorker.h"
#include "media/MediaRows.h"
#include "media/MediaShares.h"

#include <QDesktopServices>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QImageReader>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextImageFormat>
#include <QThreadPool>
#include <QUrl>
#include <QWidget>

namespace sb {

namespace {

const QString kScheme = QStringLiteral("sb-media");

QString href(const char *action, qint64 id) {
    return QStringLiteral("%1:%2/%3").arg(kScheme, QLatin1String(action)).arg(id);
}

} // namespace

MediaAttachments::MediaAttachments(Store *store, QWidget *dialogParent)
    : QObject(dialogParent)
    , m_store(store)
    , m_dialogParent(dialogParent)
    // The data folder is the database's (Config::databasePath): files are stored under it.
    , m_dataDir(QFileInfo(store->databasePath()).absolutePath()) {
    qRegisterMetaType<sb::MediaRecord>();
    connect(store, &Store::rowsChanged, this,
            [this](const QString &table, const QList<qint64> &, const QList<qint64> &) {
                if (table == QLatin1String(MediaRows::Table) && !m_messageIds.isEmpty())
                    reload();
            });
}

QString MediaAttachments::thumbnailName(const MediaRecord &media) {
    return QStringLiteral("sb-media-thumb:%1").arg(media.sha256);
}

QString MediaAttachments::absolutePath(const MediaRecord &media) const {
    return QDir(m_dataDir).filePath(media.path);
}

void MediaAttachments::setMessages(const QList<qint64> &messageIds) {
    if (messageIds == m_messageIds)
        return;
    m_messageIds = messageIds;
    reload();
}

namespace {

struct Loaded {
    QList<MediaRecord> received;
    QHash<qint64, QList<MediaAttachments::SentMedia>> sent;
};

// What each outbound message of `ids` was sent with: the outbox's URLs, named from the share
// this console made for each (tables of core's outbox and media modules; a bare store may lack
// media_shares, and then every URL is only its URL).
bool readSent(StoreWorker &w, const QList<qint64> &ids,
              QHash<qint64, QList<MediaAttachments::SentMedia>> *sent, QString *error) {
    if (ids.isEmpty())
        return true;
    QSqlDatabase db = w.database();
    const bool shares = db.tables().contains(QStringLiteral("media_shares"));
    QStringList list;
    for (qint64 id : ids)
        list.append(QString::number(id));
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT message_id, media_urls FROM outbox WHERE media_urls != '' "
                               "AND message_id IN (") +
                list.join(QLatin1Char(',')) + QLatin1Char(')'))) {
        *error = q.lastError().text();
        return false;
    }
    QSqlQuery share(db);
    if (shares && !share.prepare(QStringLiteral("SELECT original_name, content_type, bytes FROM "
                                                "media_shares WHERE token = ?"))) {
        *error = share.lastError().text();
        return false;
    }
    while (q.next()) {
        const qint64 id = q.value(0).toLongLong();
        const QJsonArray urls = QJsonDocument::fromJson(q.value(1).toString().toUtf8()).array();
        for (const QJsonValue &v : urls) {
            MediaAttachments::SentMedia m;
            m.url = v.toString();
            const QString token = shares ? MediaShares::tokenOf(m.url) : QString();
            if (!token.isEmpty()) {
                share.addBindValue(token);
                if (share.exec() && share.next()) {
                    m.name = share.value(0).toString();
                    m.contentType = share.value(1).toString();
                    m.bytes = share.value(2).toLongLong();
                }
                share.finish();
            }
            (*sent)[id].append(m);
        }
    }
    return true;
}

} // namespace

void MediaAttachments::reload() {
    const quint64 generation = ++m_generation;
    m_store->run<Loaded>(
        this,
        [ids = m_messageIds](StoreWorker &w, QString *error) -> std::optional<Loaded> {
            Loaded loaded;
            auto received = MediaRows::forMessages(w, ids, error);
            if (!received || !readSent(w, ids, &loaded.sent, error))
                return std::nullopt;
            loaded.received = *received;
            return loaded;
        },
        [this, generation](const StoreResult<Loaded> &rows) {
            if (generation != m_generation || !rows.ok())
                return;
            QHash<qint64, QList<MediaRecord>> byMessage;
            for (const MediaRecord &m : rows.value.received)
                byMessage[m.messageId].append(m);
            const bool same = [&] {
                if (byMessage.size() != m_byMessage.size() || rows.value.sent != m_sent)
                    return false;
                for (auto it = byMessage.cbegin(); it != byMessage.cend(); ++it) {
                    const QList<MediaRecord> old = m_byMessage.value(it.key());
                    if (old.size() != it->size())
                        return false;
                    for (int i = 0; i < old.size(); ++i) {
                        if (old[i].state != it->at(i).state || old[i].error != it->at(i).error ||
                            old[i].sha256 != it->at(i).sha256)
                            return false;
                    }
                }
                return true;
            }();
            m_byMessage = byMessage;
            m_sent = rows.value.sent;
            if (!same)
                Q_EMIT changed();
        });
}

void MediaAttachments::insertSent(QTextCursor &cell, const QList<SentMedia> &sent,
                                  const QTextCharFormat &text, const QTextCharFormat &link) const {
    const QLocale locale;
    for (int i = 0; i < sent.size(); ++i) {
        const SentMedia &m = sent.at(i);
        cell.insertBlock(QTextBlockFormat(), text);
        if (!m.name.isEmpty()) {
            QTextCharFormat named = text;
            named.setToolTip(tr("Sent from this console (%1)").arg(m.contentType));
            cell.insertText(tr("Sent file: %1 · %2").arg(m.name, locale.formattedDataSize(m.bytes)),
                            named);
            continue;
        }
        QTextCharFormat target = link;
        target.setAnchorHref(m.url);
        target.setToolTip(m.url);
        const QString host = QUrl(m.url).host();
        cell.insertText(host.isEmpty() ? tr("Attachment %1").arg(i + 1)
                                       : tr("Attachment %1 (%2)").arg(i + 1).arg(host),
                        target);
    }
}

void MediaAttachments::loadThumbnail(const MediaRecord &media) const {
    if (m_loading.contains(media.sha256))
        return;
    m_loading.insert(media.sha256);
    Receiver me(const_cast<MediaAttachments *>(this));
    const QString path = absolutePath(media);
    auto *self = const_cast<MediaAttachments *>(this);
    QThreadPool::globalInstance()->start([me, self, path, sha = media.sha256] {
        QImageReader reader(path);
        reader.setAutoTransform(true);
        const QSize full = reader.size();
        if (full.isValid() && (full.width() > ThumbnailSize || full.height() > ThumbnailSize))
            reader.setScaledSize(full.scaled(ThumbnailSize, ThumbnailSize, Qt::KeepAspectRatio));
        QImage image = reader.read();
        if (!image.isNull() && (image.width() > ThumbnailSize || image.height() > ThumbnailSize))
            image = image.scaled(ThumbnailSize, ThumbnailSize, Qt::KeepAspectRatio,
                                 Qt::SmoothTransformation);
        me.post([self, sha, image] {
            self->m_loading.remove(sha);
            // A picture that cannot be decoded is shown as a file (null entry: do not retry).
            self->m_thumbnails.insert(sha, image);
            Q_EMIT self->changed();
        });
    });
}

void MediaAttachments::insert(QTextCursor &cell, qint64 messageId, const QPalette &palette,
                              const QColor &background, const QTextCharFormat &text) const {
    const QList<MediaRecord> media = m_byMessage.value(messageId);
    QTextCharFormat link = text;
    link.setForeground(SchemeColors::text(Tone::Info, palette, background));
    link.setFontUnderline(true);
    link.setAnchor(true);
    if (media.isEmpty()) {
        insertSent(cell, m_sent.value(messageId), text, link);
        return;
    }
    QTextCharFormat faint = text;
    faint.setForeground(SchemeColors::text(Tone::Faint, palette, background));
    QTextCharFormat error = text;
    error.setForeground(SchemeColors::text(Tone::Error, palette, background));
    const QLocale locale;
    for (const MediaRecord &m : media) {
        cell.insertBlock(QTextBlockFormat(), text);
        const QString name =
            m.fileName.isEmpty() ? tr("attachment %1").arg(m.position + 1) : m.fileName;
        if (m.isFailed() || (m.state == QLatin1String("pending") && !m.error.isEmpty())) {
            cell.insertText(
                tr("⚠ %1 (%2) was not downloaded: %3").arg(name, m.contentType, m.error), error);
            cell.insertText(QStringLiteral("  "), text);
            link.setAnchorHref(href("retry", m.id));
            cell.insertText(tr("Retry"), link);
            continue;
        }
        if (!m.isStored()) {
            cell.insertText(tr("Downloading %1 (%2)…").arg(name, m.contentType), faint);
            continue;
        }
        const QString size = locale.formattedDataSize(m.size);
        if (m.isImage()) {
            const auto thumb = m_thumbnails.constFind(m.sha256);
            if (thumb == m_thumbnails.cend()) {
                loadThumbnail(m);
                cell.insertText(tr("Picture: %1 · %2 (loading…)").arg(name, size), faint);
                continue;
            }
            if (!thumb->isNull()) {
                cell.document()->addResource(QTextDocument::ImageResource, QUrl(thumbnailName(m)),
                                             *thumb);
                QTextImageFormat image;
                image.setName(thumbnailName(m));
                image.setWidth(thumb->width());
                image.setHeight(thumb->height());
                image.setAnchor(true);
                image.setAnchorHref(href("open", m.id));
                image.setToolTip(tr("%1 · %2 — click to see it full size").arg(name, size));
                cell.insertImage(image);
                continue;
            }
        }
        if (m.isAudio() || m.isVideo()) {
            cell.insertText(
                (m.isAudio() ? tr("Audio: %1 · %2") : tr("Video: %1 · %2")).arg(name, size) +
                    QStringLiteral("  "),
                text);
            link.setAnchorHref(href("play", m.id));
            cell.insertText(tr("Play"), link);
        } else {
            cell.insertText(tr("File: %1 · %2").arg(name, size) + QStringLiteral("  "), text);
        }
        cell.insertText(QStringLiteral("  "), text);
        link.setAnchorHref(href("save", m.id));
        cell.insertText(tr("Save…"), link);
    }
}

MediaRecord MediaAttachments::byId(qint64 id) const {
    for (const QList<MediaRecord> &list : m_byMessage) {
        for (const MediaRecord &m : list) {
            if (m.id == id)
                return m;
        }
    }
    return {};
}

bool MediaAttachments::handleAnchor(const QUrl &url) {
    if (url.scheme() != kScheme)
        return false;
    const QString action = url.path().section(QLatin1Char('/'), 0, 0);
    const MediaRecord m = byId(url.path().section(QLatin1Char('/'), 1, 1).toLongLong());
    if (m.id == 0)
        return true;
    if (action == QLatin1String("retry")) {
        retry(m);
    } else if (action == QLatin1String("save") && m.isStored()) {
        save(m);
    } else if (action == QLatin1String("play") && m.isStored()) {
        QDesktopServices::openUrl(QUrl::fromLocalFile(absolutePath(m)));
    } else if (action == QLatin1String("open") && m.isStored()) {
        auto *dialog = new MediaImageDialog(absolutePath(m), m.fileName, m_dialogParent);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    }
    return true;
}

void MediaAttachments::retry(const MediaRecord &media) {
    m_store->run<MediaRecord>(
        this,
        [id = media.id](StoreWorker &w, QString *error) {
            return MediaRows::requeue(w, id, QDateTime::currentDateTimeUtc(), error);
        },
        [](const StoreResult<MediaRecord> &) {}); // the change feed brings the new state
}

void MediaAttachments::save(const MediaRecord &media) {
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DownloadLocation);
    const QString target = QFileDialog::getSaveFileName(
        m_dialogParent, tr("Save %1").arg(media.fileName), QDir(folder).filePath(media.fileName));
    if (target.isEmpty())
        return;
    // The copy happens on the thread pool: a large file never holds the window up.
    Receiver me(this);
    QThreadPool::globalInstance()->start([me, this, from = absolutePath(media), target] {
        QFile::remove(target); // the dialog already asked before replacing it
        QFile source(from);
        const bool ok = source.copy(target);
        const QString error = ok ? QString() : source.errorString();
        me.post([this, target, error] { Q_EMIT saved(target, error); });
    });
}

} // namespace sb
