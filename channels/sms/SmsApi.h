#pragma once

#include "http/HttpServer.h"

#include <QDateTime>
#include <QObject>

#include <functional>

namespace sb {

class Outbox;
class Store;
struct ChannelContext;

// The SMS channel's local-API routes (bearer token checked by LocalApi before routing):
//   POST send-sms {to, from?, body, sendAt?, messagingServiceSid?}   optional Idempotency-Key
//        header; 201 with the message (status "scheduled" and sendAt when scheduled)
//   GET  sms-status/{messageSid}      the message and its status history (any channel's)
// Lives on the server thread.
class SmsApi : public QObject {
    Q_OBJECT
public:
    SmsApi(ChannelContext &context, QObject *parent);

private:
    void send(const HttpRequest &request, const HttpServer::Reply &reply);

    Store *m_store;
    Outbox *m_outbox;
    QString m_defaultFrom; // TWILIO_PHONE_NUMBER
    std::function<QDateTime()> m_clock;
};

} // namespace sb
