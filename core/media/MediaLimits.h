#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace sb {

// One attachment as the limits see it.
struct MediaItem {
    QString name;        // for the messages, e.g. "photo.jpg"
    QString contentType; // e.g. "image/jpeg" (parameters such as "; charset" are ignored)
    qint64 bytes = 0;
};

// What Twilio accepts as media on one channel, and every way a set of attachments breaks it,
// each said in plain words with the limit and by how much. Pure: no files, no network.
// Sizes are in decimal megabytes (1 MB = 1,000,000 bytes), the smaller reading of Twilio's
// "5 MB", so a set that passes here is never over at Twilio.
class MediaLimits {
    Q_DECLARE_TR_FUNCTIONS(MediaLimits)
public:
    static MediaLimits mms();      // 10 files, 5 MB in all; Twilio's MMS content types
    static MediaLimits whatsApp(); // 1 file, 16 MB (images 5 MB); WhatsApp's content types

    QString channelName() const { return m_channel; }
    int maxFiles() const { return m_maxFiles; }
    qint64 maxTotalBytes() const { return m_maxTotalBytes; } // 0: no limit on the sum
    // The most one file of this type may weigh (0 when the type is not accepted at all).
    qint64 maxBytesFor(const QString &contentType) const;
    bool accepts(const QString &contentType) const;

    // Every limit `files` break, one sentence each; empty when they may be sent.
    QStringList check(const QList<MediaItem> &files) const;

    // "6.2 MB", "850 KB", "12 bytes".
    static QString formatSize(qint64 bytes);
    // "image/JPEG; charset=x" -> "image/jpeg".
    static QString normalizedType(const QString &contentType);

    static constexpr qint64 MB = 1000 * 1000;
    static constexpr int MaxMediaUrls = 10; // Twilio's MediaUrl count, any channel

private:
    struct AcceptedType {
        QString pattern; // "image/jpeg", or "audio/*" for a whole family
        qint64 maxBytes; // per file
    };
    const AcceptedType *typeFor(const QString &contentType) const;

    QString m_channel;
    int m_maxFiles = 0;
    qint64 m_maxTotalBytes = 0;
    QList<AcceptedType> m_types;
};

} // namespace sb
