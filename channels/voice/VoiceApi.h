#pragma once

#include "http/HttpServer.h"

#include <QDateTime>
#include <QJsonObject>
#include <QObject>

#include <functional>

namespace sb {

class RecordingFeed;
class Store;
class TwilioClient;
struct CallRecord;
struct RecordingRecord;
struct ChannelContext;

// The voice channel's local-API routes (bearer token checked by LocalApi before routing):
//   POST initiate-call {to, from?, url?}   201 {callSid, status, ...}; 400 with every invalid
//        field at once. `from` defaults to TWILIO_PHONE_NUMBER; without `url` the call runs
//        the console's own /twilio/voice-response. Its status callbacks come to
//        /twilio/call-status. An optional Idempotency-Key header makes a retry answer the
//        call already placed instead of dialling again.
//   GET  call-status/{callSid}              the call with its status history and recordings
//   GET  calls/{callSid}/recordings/{n}     a recording's audio (audio/wav): n counts from 1 in
//        the order recorded, or is the RecordingSid. 404 when there is no such recording, 503
//        (Retry-After) while its audio is still being downloaded, 409 when it will not be
//        (the download failed for good, or Twilio has no audio for it).
//   DELETE calls/{callSid}/recordings/{n}   deletes it at Twilio, then here (row and file): 204
// Calls are created directly, not through the outbox (which carries messages only; see
// README "Voice"): the call is noted before Twilio is asked, and a request whose outcome is
// unknown (a crash, a timeout) is never dialled again by itself. Lives on the server thread.
class VoiceApi : public QObject {
    Q_OBJECT
public:
    VoiceApi(ChannelContext &context, QObject *parent);

    static QJsonObject callJson(const CallRecord &call);
    static QJsonObject recordingJson(const QString &callSid, int n, const RecordingRecord &r);
    // The recording `n` names (1-based position or RecordingSid); -1 when none.
    static int indexOf(const QList<RecordingRecord> &recordings, const QString &n);
    // Audio is read whole into the answer, on the server thread: larger files are refused
    // rather than holding every other request up while they are read (about 70 minutes of
    // Twilio's 8 kHz WAV; recordings are usually a few minutes).
    static constexpr qint64 MaxServedBytes = 64ll << 20;

private:
    void initiate(const HttpRequest &request, const HttpServer::Reply &reply);
    void status(const QString &callSid, const HttpServer::Reply &reply);
    void dial(const CallRecord &call, const HttpServer::Reply &reply);
    void audio(const QString &callSid, const QString &n, const HttpServer::Reply &reply);
    void removeRecording(const QString &callSid, const QString &n, const HttpServer::Reply &reply);
    // Finds the call and its recording `n`, or answers the error itself.
    void withRecording(const QString &callSid, const QString &n, const HttpServer::Reply &reply,
                       std::function<void(const RecordingRecord &)> found);
    static HttpResponse serveAudio(const RecordingRecord &recording);
    static HttpResponse answerExisting(const CallRecord &call);

    Store *m_store;
    RecordingFeed *m_feed;
    TwilioClient *m_twilio;
    std::function<QDateTime()> m_clock;
    std::function<QString()> m_publicBase;
    QString m_defaultFrom;
};

} // namespace sb
