#pragma once

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

namespace sb {

// One file an inbound message carries, as the message_media table keeps it: where Twilio said
// it is, and once downloaded where it is stored (by content hash, relative to the data folder).
// States: "pending" (not downloaded yet, or asked again), "stored", "failed" (the last attempt
// failed: `error` says why; retried at nextAttemptAt unless that is invalid).
struct MediaRecord {
    qint64 id = 0;
    qint64 messageId = 0;
    QString messageSid;
    int position = 0; // N of MediaUrl{N}, from 0
    QString url;
    QString contentType;
    qint64 size = 0;
    QString sha256;   // hex, once stored
    QString fileName; // a name for the agent (Save…): from the URL, or attachment-N.ext
    QString path;     // relative to the data folder, e.g. media/ab/abcdef….png
    QString state = QStringLiteral("pending");
    QString error;
    int attempts = 0;
    QDateTime nextAttemptAt; // invalid: no retry scheduled
    QDateTime updatedAt;

    bool isStored() const { return state == QLatin1String("stored"); }
    bool isFailed() const { return state == QLatin1String("failed"); }
    bool isImage() const { return contentType.startsWith(QLatin1String("image/")); }
    bool isAudio() const { return contentType.startsWith(QLatin1String("audio/")); }
    bool isVideo() const { return contentType.startsWith(QLatin1String("video/")); }
};

} // namespace sb

Q_DECLARE_METATYPE(sb::MediaRecord)
