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
// The TwiML a call runs (/twilio/voice-response, /twilio/gather-response) is the IVR's:
// IvrWebhooks.
//   POST /twilio/bridge?to=&record=  click-to-call: the agent's leg, once answered, dials the
//                                customer (`to`) from the caller ID (the leg's From), recorded
//                                (both sides) when record=true
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
    // A greeting that hangs up (what a call ran before the IVR).
    static QByteArray greeting();
    // <Dial callerId record recordingStatusCallback><Number>customer</Number></Dial>.
    static std::optional<QByteArray> bridgeTwiml(const QString &customer, const QString &callerId,
                                                 bool record, const QString &publicBase,
                                                 QString *error);

private:
    void callStatus(const HttpRequest &request, const HttpServer::Reply &reply);
    void recordingComplete(const HttpRequest &request, const HttpServer::Reply &reply);
    void bridge(const HttpRequest &request, const HttpServer::Reply &reply);

    Store *m_store;
    RecordingFeed *m_feed;
    RecordingFetcher *m_fetcher;
    std::function<QDateTime()> m_clock;
    std::function<QString()> m_publicBase;
};

} // namespace sb
