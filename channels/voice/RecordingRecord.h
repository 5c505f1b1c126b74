#pragma once

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

namespace sb {

// A call's recording as the store keeps it (voice_recordings; queries in VoiceRecordings).
struct RecordingRecord {
    qint64 id = 0;
    QString sid; // RE...
    QString callSid;
    QString accountSid;
    QString mediaUrl; // Twilio's RecordingUrl, without extension
    QString status;   // Twilio's RecordingStatus: completed, absent, failed
    QString source;   // RecordVerb, DialVerb, OutboundAPI, ...
    int durationSeconds = -1;
    int channels = 0;
    int errorCode = 0;
    QDateTime startTime; // when recording began (Twilio's RecordingStartTime), if given
    // Its audio here: "pending" (to download), "downloaded" (audioPath holds it), "failed"
    // (downloadError says why; not tried again by itself), "none" (Twilio has no audio: absent
    // or failed recordings); "deleted" only in RecordingFeed::recordingsChanged.
    QString downloadState;
    QString downloadError;
    int downloadAttempts = 0;
    QString audioPath;
    qint64 audioBytes = 0;
    QDateTime created;
    QDateTime updated;
};

} // namespace sb

Q_DECLARE_METATYPE(sb::RecordingRecord)
Q_DECLARE_METATYPE(QList<sb::RecordingRecord>)
