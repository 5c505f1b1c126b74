#pragma once

#include "http/HttpServer.h"

#include <QDateTime>
#include <QObject>

#include <functional>

namespace sb {

class Store;
struct CallStatusUpdate;
struct ChannelContext;

// The voice webhooks. Signatures are checked before routing (TwilioWebhookGuard): a request
// that fails gets 403 and never reaches these, so nothing is stored and no TwiML is served.
//   POST /twilio/call-status     a call's status callback: deduplicated, never moves a call
//                                backwards, answered only once committed (500 when the store
//                                fails, so Twilio retries), as MessageWebhooks does
//   POST /twilio/voice-response  the TwiML a call runs once answered: for now a greeting and
//                                a hang-up (the agent's IVR is a later step)
//   POST /twilio/bridge?to=&record=  click-to-call: the agent's leg, once answered, dials the
//                                customer (`to`) from the caller ID (the leg's From), recorded
//                                (both sides) when record=true

// Lives on the server thread.
class VoiceWebhooks : public QObject {
    Q_OBJECT
public:
    VoiceWebhooks(ChannelContext &context, QObject *parent);

    // nullopt with `error` set for a request that is not a usable callback (400).
    static std::optional<CallStatusUpdate> statusUpdate(const HttpRequest &request, QString *error);
    // The greeting /twilio/voice-response answers with.
    static QByteArray greeting();
    // <Dial callerId record recordingStatusCallback><Number>customer</Number></Dial>.
    static std::optional<QByteArray> bridgeTwiml(const QString &customer, const QString &callerId,
                                                 bool record, const QString &publicBase,
                                                 QString *error);

private:
    void callStatus(const HttpRequest &request, const HttpServer::Reply &reply);
    void bridge(const HttpRequest &request, const HttpServer::Reply &reply);

    Store *m_store;
    std::function<QDateTime()> m_clock;
    std::function<QString()> m_publicBase;
};

} // namespace sb
