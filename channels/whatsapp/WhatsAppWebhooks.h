#pragma once

#include "http/HttpServer.h"

#include <QDateTime>
#include <QObject>

#include <functional>

namespace sb {

class Store;
struct ChannelContext;

// The WhatsApp webhooks: POST /twilio/incoming-whatsapp (a customer's message, with their
// ProfileName and WaId, which opens the 24-hour window) and POST /twilio/whatsapp-status
// (sent, delivered, read...). Signatures are checked before routing (TwilioWebhookGuard);
// both are deduplicated, never move a message backwards, and are answered only once their
// record is committed (see MessageWebhooks). Lives on the server thread.
class WhatsAppWebhooks : public QObject {
    Q_OBJECT
public:
    WhatsAppWebhooks(ChannelContext &context, QObject *parent);

private:
    void statusCallback(const HttpRequest &request, const HttpServer::Reply &reply);
    void incoming(const HttpRequest &request, const HttpServer::Reply &reply);

    Store *m_store;
    std::function<QDateTime()> m_clock;
};

} // namespace sb
