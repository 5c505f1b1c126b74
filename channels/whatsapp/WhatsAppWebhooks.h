#pragma once

#include "http/HttpServer.h"

#include <QDateTime>
#include <QObject>

#include <functional>

namespace sb {

class Store;
class StoreWorker;
struct ChannelContext;
struct InboundMessage;

// The WhatsApp webhooks: POST /twilio/incoming-whatsapp (a customer's message, with their
// ProfileName and WaId, which opens the 24-hour window) and POST /twilio/whatsapp-status
// (sent, delivered, read...). Signatures are checked before routing (TwilioWebhookGuard);
// both are deduplicated, never move a message backwards, and are answered only once their
// record is committed (see MessageWebhooks). Lives on the server thread.
class WhatsAppWebhooks : public QObject {
    Q_OBJECT
public:
    WhatsAppWebhooks(ChannelContext &context, QObject *parent);

    // In a store job: a customer's message with everything it brings — the contact, the
    // 24-hour window from `at`, its media rows, an opt-out keyword. The webhook's path, and
    // polling's (no profile name, no media; `at` is Twilio's time of the message).
    static bool storeInbound(StoreWorker &w, const InboundMessage &message,
                             const QString &profileName, const QString &waId, const QDateTime &at,
                             QString *error);

private:
    void statusCallback(const HttpRequest &request, const HttpServer::Reply &reply);
    void incoming(const HttpRequest &request, const HttpServer::Reply &reply);

    Store *m_store;
    std::function<QDateTime()> m_clock;
};

} // namespace sb
