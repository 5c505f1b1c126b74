#pragma once

#include "http/HttpServer.h"

#include <QDateTime>
#include <QObject>

#include <functional>

namespace sb {

class WhatsAppSender;
struct ChannelContext;
struct WhatsAppSendResult;

// The WhatsApp channel's local-API route (bearer token checked by LocalApi before routing):
//   POST send-whatsapp {to, from?, body}                    free text, inside the 24-hour window
//   POST send-whatsapp {to, from?, contentSid, contentVariables?}   an approved template
// `to` and `from` are whatsapp:+E164 (a bare +E164 is taken as that WhatsApp number); `from`
// defaults to TWILIO_WHATSAPP_NUMBER (the sandbox's sender in sandbox mode). An optional
// Idempotency-Key header makes retries safe. 201 with the message (messageSid, status,
// channel "whatsapp", the template's SID and variables) and the window as read; 400 with
// every invalid field at once; 400 with Twilio's code (63016, 21655, 21656) and the reason in
// plain words when WhatsApp would refuse it, nothing sent. Where the message is afterwards:
// GET message-status/{sid} (or sms-status/{sid}), as for any message. Lives on the server
// thread.
class WhatsAppApi : public QObject {
    Q_OBJECT
public:
    WhatsAppApi(ChannelContext &context, QObject *parent);

    static HttpResponse answer(const WhatsAppSendResult &result);

private:
    void send(const HttpRequest &request, const HttpServer::Reply &reply);

    WhatsAppSender *m_sender;
    std::function<QDateTime()> m_clock;
};

} // namespace sb
