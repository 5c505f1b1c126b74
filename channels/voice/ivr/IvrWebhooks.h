#pragma once

#include "http/HttpServer.h"

#include <QDateTime>
#include <QObject>

#include <functional>

namespace sb {

class Outbox;
class Store;
struct ChannelContext;
struct IvrAnswer;
struct IvrVersion;

// The IVR's webhooks (signature-checked before routing by TwilioWebhookGuard, as every path
// under /twilio/ is: a request that fails gets 403 and never the menu):
//   POST /twilio/voice-response   the call's first request: notes the IVR version the call
//                                 runs (the latest) and answers the menu, or the out-of-hours
//                                 action when the clock is outside the opening hours
//   POST /twilio/gather-response  ?v=<version>&node=<menu path>[&silence=n][&step=...]: walks
//                                 the call's own version by Digits
// Nothing is answered until the store has: a store failure answers 500 (Twilio retries),
// never part of a menu. A key that sends an SMS queues it in the outbox to the caller (from
// the console's side of the call), once per call and key. Lives on the server thread.
class IvrWebhooks : public QObject {
    Q_OBJECT
public:
    IvrWebhooks(ChannelContext &context, QObject *parent);

private:
    void voiceResponse(const HttpRequest &request, const HttpServer::Reply &reply);
    void gatherResponse(const HttpRequest &request, const HttpServer::Reply &reply);
    // Answers with `answer`'s TwiML, sending its SMS first.
    void answer(const IvrAnswer &answer, const HttpRequest &request,
                const HttpServer::Reply &reply);
    QString callerId(const HttpRequest &request) const;

    Store *m_store;
    Outbox *m_outbox;
    std::function<QDateTime()> m_clock;
    std::function<QString()> m_publicBase;
    QString m_phoneNumber;
};

} // namespace sb
