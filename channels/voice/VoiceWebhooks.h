#pragma once

#include "http/HttpServer.h"

#include <QDateTime>
#include <QObject>

#include <functional>

namespace sb {

class RecordingFeed;
class RecordingFetcher;
class Store;
struct CallStatusUpdate;
struct RecordingCallback;
struct ChannelContext;

// The voice webhooks. Signatures are checked before routing (TwilioWebhookGuard): a request
// that fails gets 403 and never reaches these, so nothing is stored and no TwiML is served.
//   POST /twilio/call-status     a call's status callback: deduplicated, never moves a call
//                                backwards, answered only once committed (500 when the store
//                                fails, so Twilio retries), as MessageWebhooks does
//   POST /twilio/recording-complete  a recording is ready (or absent, or failed): stored once
//                                per RecordingSid (Twilio retries), linked to its call (made
//                                when unknown), answered only once committed (500 otherwise);
//                                then its audio is downloaded by the RecordingFetcher
//   POST /twilio/voice-response  the TwiML a call runs once answered: for now a greeting and
//                                a hang-up (the agent's IVR is a later step)
// Lives on the server thread.
class VoiceWebhooks : public QObject {
    Q_OBJECT
public:
    // `fetcher` (on the network thread; may be null: no downloads) gets each new recording.
    VoiceWebhooks(ChannelContext &context, RecordingFetcher *fetcher, QObject *parent);

    // nullopt with `error` set for a request that is not a usable callback (400).
    static std::optional<CallStatusUpdate> statusUpdate(const HttpRequest &request, QString *error);
    static std::optional<RecordingCallback> recordingCallback(const HttpRequest &request,
                                                              QString *error);
    // The greeting /twilio/voice-response answers with.
    static QByteArray greeting();

private:
    void callStatus(const HttpRequest &request, const HttpServer::Reply &reply);
    void recordingComplete(const HttpRequest &request, const HttpServer::Reply &reply);

    Store *m_store;
    RecordingFeed *m_feed;
    RecordingFetcher *m_fetcher;
    std::function<QDateTime()> m_clock;
};

} // namespace sb
