#include "MediaLimits.h"

#include <QCoreApplication>

namespace sb {

MediaLimits MediaLimits::mms() {
    MediaLimits l;
    l.m_channel = QStringLiteral("MMS");
    l.m_maxFiles = MaxMediaUrls;
    l.m_maxTotalBytes = 5 * MB;
    // Twilio fully supports JPEG, PNG and GIF (resized for the carrier as needed) and accepts
    // the others it lists; the total limit binds them all.
    const QStringList types = {
        QStringLiteral("image/jpeg"),        QStringLiteral("image/jpg"),
        QStringLiteral("image/png"),         QStringLiteral("image/gif"),
        QStringLiteral("image/bmp"),         QStringLiteral("image/tiff"),
        QStringLiteral("image/webp"),        QStringLiteral("audio/*"),
        QStringLiteral("video/*"),           QStringLiteral("text/vcard"),
        QStringLiteral("text/x-vcard"),      QStringLiteral("text/csv"),
        QStringLiteral("text/rtf"),          QStringLiteral("text/richtext"),
        QStringLiteral("text/calendar"),     QStringLiteral("text/directory"),
        QStringLiteral("text/plain"),        QStringLiteral("application/pdf"),
        QStringLiteral("application/vcard"), QStringLiteral("application/vnd.apple.pkpass"),
    };
    for (const QString &t : types)
        l.m_types.append({t, 5 * MB});
    return l;
}

MediaLimits MediaLimits::whatsApp() {
    MediaLimits l;
    l.m_channel = QStringLiteral("WhatsApp");
    // WhatsApp takes one attachment per message; Twilio drops any further MediaUrl silently.
    l.m_maxFiles = 1;
    l.m_maxTotalBytes = 16 * MB;
    l.m_types = {
        {QStringLiteral("image/jpeg"), 5 * MB},
        {QStringLiteral("image/jpg"), 5 * MB},
        {QStringLiteral("image/png"), 5 * MB},
        {QStringLiteral("audio/ogg"), 16 * MB},
        {QStringLiteral("audio/amr"), 16 * MB},
        {QStringLiteral("audio/3gpp"), 16 * MB},
        {QStringLiteral("audio/aac"), 16 * MB},
        {QStringLiteral("audio/mpeg"), 16 * MB},
        {QStringLiteral("audio/mp4"), 16 * MB},
        {QStringLiteral("video/mp4"), 16 * MB},
        {QStringLiteral("video/3gpp"), 16 * MB},
        {QStringLiteral("application/pdf"), 16 * MB},
        {QStringLiteral("application/msword"), 16 * MB},
        {QStringLiteral("application/vnd.ms-excel"), 16 * MB},
        {QStringLiteral("application/vnd.ms-powerpoint"), 16 * MB},
        {QStringLiteral("application/"
                        "vnd.openxmlformats-officedocument.wordprocessingml.document"),
         16 * MB},
        {QStringLiteral("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
         16 * MB},
        {QStringLiteral("application/"
                        "vnd.openxmlformats-officedocument.presentationml.presentation"),
         16 * MB},
        {QStringLiteral("text/plain"), 16 * MB},
        {QStringLiteral("text/vcard"), 16 * MB},
        {QStringLiteral("text/x-vcard"), 16 * MB},
    };
    return l;
}

QString MediaLimits::normalizedType(const QString &contentType) {
    return contentType.section(QLatin1Char(';'), 0, 0).trimmed().toLower();
}

const MediaLimits::AcceptedType *MediaLimits::typeFor(const QString &contentType) const {
    const QString type = normalizedType(contentType);
    if (type.isEmpty())
        return nullptr;
    for (const AcceptedType &t : m_types) {
        if (t.pattern == type)
            return &t;
    }
    for (const AcceptedType &t : m_types) {
        if (t.pattern.endsWith(QLatin1String("/*")) &&
            type.startsWith(t.pattern.left(t.pattern.size() - 1)))
            return &t;
    }
    return nullptr;
}

bool MediaLimits::accepts(const QString &contentType) const {
    return typeFor(contentType) != nullptr;
}

qint64 MediaLimits::maxBytesFor(const QString &contentType) const {
    const AcceptedType *t = typeFor(contentType);
    return t ? t->maxBytes : 0;
}

QString MediaLimits::formatSize(qint64 bytes) {
    if (bytes >= MB) {
        QString number = QString::number(double(bytes) / MB, 'f', 1);
        if (number.endsWith(QLatin1String(".0")))
            number.chop(2);
        return number + QStringLiteral(" MB");
    }
    if (bytes >= 1000)
        return QStringLiteral("%1 KB").arg((bytes + 500) / 1000);
    return bytes == 1 ? QStringLiteral("1 byte") : QStringLiteral("%1 bytes").arg(bytes);
}

QStringList MediaLimits::check(const QList<MediaItem> &files) const {
    QStringList problems;
    if (files.size() > m_maxFiles)
        problems.append(
            m_maxFiles == 1
                ? MediaLimits::tr("%1 allows one file per message; there are %2 (%3 too many).")
                      .arg(m_channel)
                      .arg(files.size())
                      .arg(files.size() - m_maxFiles)
                : MediaLimits::tr("%1 allows at most %2 files; there are %3 (%4 too many).")
                      .arg(m_channel)
                      .arg(m_maxFiles)
                      .arg(files.size())
                      .arg(files.size() - m_maxFiles));
    qint64 total = 0;
    for (const MediaItem &f : files) {
        total += f.bytes;
        const AcceptedType *t = typeFor(f.contentType);
        const QString type = normalizedType(f.contentType);
        if (!t) {
            problems.append(
                MediaLimits::tr("%1 does not accept %2 files (%3).")
                    .arg(m_channel, type.isEmpty() ? MediaLimits::tr("untyped") : type, f.name));
            continue;
        }
        // A per-file limit below the total is worth its own sentence (WhatsApp's images).
        if (f.bytes > t->maxBytes && t->maxBytes < m_maxTotalBytes)
            problems.append(MediaLimits::tr("%1 allows %2 per %3 file; %4 is %5 (%6 over).")
                                .arg(m_channel, formatSize(t->maxBytes),
                                     type.section(QLatin1Char('/'), 0, 0), f.name,
                                     formatSize(f.bytes), formatSize(f.bytes - t->maxBytes)));
    }
    if (m_maxTotalBytes > 0 && total > m_maxTotalBytes) {
        const QString subject =
            files.size() == 1
                ? MediaLimits::tr("this file is %1").arg(formatSize(total))
                : MediaLimits::tr("these %1 files are %2").arg(files.size()).arg(formatSize(total));
        problems.append(MediaLimits::tr("%1 allows %2 in all; %3 (%4 over).")
                            .arg(m_channel, formatSize(m_maxTotalBytes), subject,
                                 formatSize(total - m_maxTotalBytes)));
    }
    return problems;
}

} // namespace sb
