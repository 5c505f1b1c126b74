#pragma once

#include "http/HttpServer.h"

#include <QDateTime>
#include <QJsonObject>
#include <QObject>

#include <functional>

namespace sb {

class Store;
class TwilioClient;
struct CallRecord;
struct ChannelContext;

// The voice channel's local-API routes (bearer token checked by LocalApi before routing):
//   POST initiate-call {to, from?, url?}   201 {callSid, status, ...}; 400 with every invalid
//        field at once. `from` defaults to TWILIO_PHONE_NUMBER; without `url` the call runs
//        the console's own /twilio/voice-response. Its status callbacks come to
//        /twilio/call-status. An optional Idempotency-Key header makes a retry answer the
//        call already placed instead of dialling again.
//   GET  call-status/{callSid}              the call with its status history
// Calls are created directly, not through the outbox (which carries messages only; see
// README "Voice"): the call is noted before Twilio is asked, and a request whose outcome is
// unknown (a crash, a timeout) is never dialled again by itself. Lives on the server thread.
class VoiceApi : public QObject {
    Q_OBJECT
public:
    VoiceApi(ChannelContext &context, QObject *parent);

    static QJsonObject callJson(const CallRecord &call);

private:
    void initiate(const HttpRequest &request, const HttpServer::Reply &reply);
    void status(const QString &callSid, const HttpServer::Reply &reply);
    void dial(const CallRecord &call, const HttpServer::Reply &reply);
    static HttpResponse answerExisting(const CallRecord &call);

    Store *m_store;
    TwilioClient *m_twilio;
    std::function<QDateTime()> m_clock;
    std::function<QString()> m_publicBase;
    QString m_defaultFrom;
};

} // namespace sb
