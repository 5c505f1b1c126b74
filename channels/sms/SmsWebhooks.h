#pragma once

#include "http/HttpServer.h"

#include <QDateTime>
#include <QObject>

#include <functional>

namespace sb {

class Store;
struct ChannelContext;

// The SMS webhooks: POST /twilio/sms-status and POST /twilio/incoming-sms. Each is answered
// only once its record is committed (see MessageWebhooks), with the opt-out state an inbound
// STOP / START changes (OptOuts) in the same job. Lives on the server thread.
class SmsWebhooks : public QObject {
    Q_OBJECT
public:
    SmsWebhooks(ChannelContext &context, QObject *parent);

private:
    void statusCallback(const HttpRequest &request, const HttpServer::Reply &reply);
    void incoming(const HttpRequest &request, const HttpServer::Reply &reply);

    Store *m_store;
    std::function<QDateTime()> m_clock;
};

} // namespace sb
