#pragma once

#include "media/MediaRecord.h"

#include <QHash>
#include <QImage>
#include <QObject>
#include <QSet>

class QColor;
class QPalette;
class QTextCharFormat;
class QTextCursor;
class QUrl;
class QWidget;

namespace sb {

class Store;

// The media block under a message's text in the conversation (ConversationView) and the
// inbox's thread. Inbound: a picture as a thumbnail that opens full size (MediaImageDialog),
// audio and video as a line with Play (the desktop's player), any other file with its name,
// size and Save…, a download still on its way as such, and a failed one with its reason and
// Retry. Outbound: each file it was sent with, by the agent's file name and size when this
// console served it (never a link to the share: opening it would start its expiry), else as
// a link to its URL. Rows come from the
// store (read on its thread) and stay current through its change feed (rowsChanged on
// message_media); thumbnails are decoded and scaled on the thread pool and cached by content
// hash, so the GUI thread never waits on disk. changed() asks the view to render again.
class MediaAttachments : public QObject {
    Q_OBJECT
public:
    MediaAttachments(Store *store, QWidget *dialogParent);

    // The messages shown (either direction): their media are loaded, and kept current while
    // they are shown.
    void setMessages(const QList<qint64> &messageIds);
    QList<MediaRecord> mediaOf(qint64 messageId) const { return m_byMessage.value(messageId); }
    // An outbound message's media, as sent.
    struct SentMedia {
        QString url;
        QString name; // the agent's file name when this console served it
        QString contentType;
        qint64 bytes = 0;
        bool operator==(const SentMedia &) const = default;
    };
    QList<SentMedia> sentOf(qint64 messageId) const { return m_sent.value(messageId); }
    bool hasMedia(qint64 messageId) const {
        return m_byMessage.contains(messageId) || m_sent.contains(messageId);
    }
    // Appends the message's media to a bubble's cell; `text` is the bubble's text format.
    void insert(QTextCursor &cell, qint64 messageId, const QPalette &palette,
                const QColor &background, const QTextCharFormat &text) const;
    // Opens, plays, saves or retries for an sb-media: link; false for any other URL.
    bool handleAnchor(const QUrl &url);

    QString absolutePath(const MediaRecord &media) const;
    static constexpr int ThumbnailSize = 180;               // the longer side, in pixels
    static QString thumbnailName(const MediaRecord &media); // the document's resource name

Q_SIGNALS:
    void changed();
    // After Save…: where it went, or why not (for the view's feedback line).
    void saved(const QString &path, const QString &error);

private:
    void reload();
    void insertSent(QTextCursor &cell, const QList<SentMedia> &sent, const QTextCharFormat &text,
                    const QTextCharFormat &link) const;
    void loadThumbnail(const MediaRecord &media) const;
    MediaRecord byId(qint64 id) const;
    void save(const MediaRecord &media);
    void retry(const MediaRecord &media);

    Store *m_store;
    QWidget *m_dialogParent;
    QString m_dataDir;
    QList<qint64> m_messageIds;
    QHash<qint64, QList<MediaRecord>> m_byMessage;
    QHash<qint64, QList<SentMedia>> m_sent;
    quint64 m_generation = 0; // a reload's answer older than the latest request is dropped
    mutable QHash<QString, QImage> m_thumbnails; // by sha256
    mutable QSet<QString> m_loading;
};

} // namespace sb
