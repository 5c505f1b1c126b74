#pragma once

#include "db/Store.h"
#include "http/HttpServer.h"
#include "messaging/Records.h"
#include <QCoreApplication>

#include <optional>

namespace sb {

// What every message channel's webhooks share: reading Twilio's status callback and inbound
// message forms, and answering only once the record is committed (the store batches commits,
// well inside Twilio's 15 s), or 500 when it could not be stored so that Twilio retries.
// Signatures are checked before any of this, by TwilioWebhookGuard.
class MessageWebhooks {
    Q_DECLARE_TR_FUNCTIONS(MessageWebhooks)
public:
    // nullopt with `error` set for a request that is not a usable callback (400).
    static std::optional<StatusCallback> statusCallback(const HttpRequest &request, QString *error);
    // With its media (NumMedia, MediaUrl{N}, MediaContentType{N}); at most MaxMedia files.
    static std::optional<InboundMessage> inboundMessage(const HttpRequest &request, QString *error);
    static constexpr int MaxMedia = 10; // Twilio's MMS limit; WhatsApp sends one
    static Store::Done answerWhenStored(const HttpServer::Reply &reply);
    static QByteArray emptyTwiml();
};

} // namespace sb
