#pragma once

#include "RecordingRecord.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace sb {

class StoreWorker;

// What POST /twilio/recording-complete carried.
struct RecordingCallback {
    QString accountSid;
    QString callSid;
    QString recordingSid;
    QString recordingUrl;
    QString status; // completed, absent, failed
    int durationSeconds = -1;
    int channels = 0;
    QString source;
    QDateTime startTime; // invalid when Twilio sent none
    int errorCode = 0;
};

// The queries on voice_recordings (schema in VoiceCalls::schema()), run in store jobs like
// VoiceCalls'. A recording is keyed by its SID: Twilio's retries of the same callback store it
// once. Its call's row is made when the console does not know the call yet, as a status
// callback would (VoiceCalls::applyStatus), so the recording is never lost for want of it.
class VoiceRecordings {
public:
    struct Added {
        RecordingRecord recording;
        bool inserted = false; // false: Twilio repeated the callback, nothing new
    };
    static std::optional<Added> add(StoreWorker &w, const RecordingCallback &callback,
                                    const QDateTime &now, QString *error);
    // A call's recordings in the order they were recorded (the API's 1-based n).
    static std::optional<QList<RecordingRecord>> forCall(StoreWorker &w, const QString &callSid,
                                                         QString *error);
    // nullopt: the read failed; an empty inner optional: no such recording.
    static std::optional<std::optional<RecordingRecord>> bySid(StoreWorker &w, const QString &sid,
                                                               QString *error);
    // Whose audio is still to be downloaded (at start-up: what an earlier run left).
    static std::optional<QList<RecordingRecord>> pending(StoreWorker &w, QString *error);

    // The download's outcome. Each returns the row as it is now (for recordingsChanged);
    // downloaded() returns a record with an empty sid when the row is gone (the recording was
    // deleted while its audio was on the way), so the caller can remove the file it wrote.
    static std::optional<RecordingRecord> downloaded(StoreWorker &w, const QString &sid,
                                                     const QString &path, qint64 bytes,
                                                     int attempts, const QDateTime &now,
                                                     QString *error);
    // Still pending (a retry is scheduled) or failed for good.
    static std::optional<RecordingRecord> attemptFailed(StoreWorker &w, const QString &sid,
                                                        bool final, const QString &reason,
                                                        int attempts, const QDateTime &now,
                                                        QString *error);
    static bool remove(StoreWorker &w, const QString &sid, QString *error);

    // A RecordingSid usable as a file name: letters and digits only (Twilio's are RE + 32 hex).
    static bool isValidSid(const QString &sid);
};

} // namespace sb
