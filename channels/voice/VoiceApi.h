#pragma once

#include "CallPlacer.h"
#include "http/HttpServer.h"

#include <QDateTime>
#include <QJsonObject>
#include <QObject>

#include <functional>

namespace sb {

class FieldErrors;
class RecordingFeed;
class Store;
class TwilioClient;
struct CallRecord;
struct CallRequest;
struct RecordingRecord;
struct ChannelContext;

// The voice channel's local-API routes (bearer token checked by LocalApi before routing):
//   POST initiate-call {to, from?, url?, record?}   201 {callSid, status, ...}; 400 with every
//        invalid field at once. `from` defaults to TWILIO_PHONE_NUMBER; without `url` the call
//        runs the console's own /twilio/voice-response. Its status callbacks come to
//        /twilio/call-status; with `record`, its recording to /twilio/recording-complete. An
//        optional Idempotency-Key header makes a retry answer the call already placed instead of
//        dialling again.
//   POST click-to-call {to, from?, record?} rings the agent's own phone (SWITCHBOARD_AGENT_PHONE)
//        from the caller ID, and once answered bridges it to `to` (POST /twilio/bridge,
//        VoiceWebhooks); 201 as initiate-call, the call being the agent's leg. 400 naming
//        "agentPhone" when no agent phone is set.
//   GET  call-status/{callSid}              the call with its status history and recordings
//   GET  calls/{callSid}/recordings/{n}     a recording's audio (audio/wav): n counts from 1 in
//        the order recorded, or is the RecordingSid. 404 when there is no such recording, 503
//        (Retry-After) while its audio is still being downloaded, 409 when it will not be
//        (the download failed for good, or Twilio has no audio for it).
//   DELETE calls/{callSid}/recordings/{n}   deletes it at Twilio, then here (row and file): 204
// Calls are placed by CallPlacer (which the Calls tab uses too), not through the outbox
// (which carries messages only; see README "Voice"): the call is noted before Twilio is asked,
// and a request whose outcome is unknown (a crash, a timeout) is never dialled again by itself.
// Lives on the server thread.
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
    // The TwiML URL of a click-to-call's agent leg: /twilio/bridge with the customer's number
    // and the record flag in its query (which Twilio signs with the rest).
    static QString bridgeUrl(const QString &publicBase, const QString &customer, bool record);

private:
    struct Parties {
        QString to;
        QString from;
    };
    void initiate(const HttpRequest &request, const HttpServer::Reply &reply);
    void clickToCall(const HttpRequest &request, const HttpServer::Reply &reply);
    // `to` and `from` (TWILIO_PHONE_NUMBER unless given) as E.164, or their errors.
    std::optional<Parties> parties(const QJsonObject &json, FieldErrors &errors) const;
    void place(const CallRequest &call, const HttpServer::Reply &reply);
    void status(const QString &callSid, const HttpServer::Reply &reply);
    // GET calls?limit&before: the stored calls, newest first, keyset paged (KeysetPage).
    void list(const HttpRequest &request, const HttpServer::Reply &reply);
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
    QString m_agentPhone;
    CallPlacer m_placer;
};

} // namespace sb
