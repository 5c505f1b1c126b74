#include "WhatsAppWebhooks.h"

#include "WhatsAppAddress.h"
#include "WhatsAppChannel.h"
#include "WhatsAppContacts.h"
#include "WhatsAppRoutes.h"
#include "db/Store.h"
#include "db/StoreWorker.h"
#include "media/MediaRows.h"
#include "messaging/MessageWebhooks.h"
#include "messaging/OptOuts.h"
#include "runtime/ChannelContext.h"

namespace sb {

WhatsAppWebhooks::WhatsAppWebhooks(ChannelContext &context, QObject *parent)
    : QObject(parent)
    , m_store(context.store)
    , m_clock(context.clock) {
    context.server.route(
        "POST", WhatsAppRoutes::status(),
        [this](const HttpRequest &r, HttpServer::Reply reply) { statusCallback(r, reply); });
    context.server.route(
        "POST", WhatsAppRoutes::incoming(),
        [this](const HttpRequest &r, HttpServer::Reply reply) { incoming(r, reply); });
}

void WhatsAppWebhooks::statusCallback(const HttpRequest &request, const HttpServer::Reply &reply) {
    QString error;
    const std::optional<StatusCallback> cb = MessageWebhooks::statusCallback(request, &error);
    if (!cb)
        return reply(HttpResponse::error(400, error));
    m_store->run<bool>(
        this,
        [cb = *cb](StoreWorker &w, QString *error) -> std::optional<bool> {
            if (!WhatsAppContacts::applyStatus(w, cb, error))
                return std::nullopt;
            w.webhookStored();
            return true;
        },
        MessageWebhooks::answerWhenStored(reply));
}

void WhatsAppWebhooks::incoming(const HttpRequest &request, const HttpServer::Reply &reply) {
    QString error;
    std::optional<InboundMessage> message = MessageWebhooks::inboundMessage(request, &error);
    if (!message)
        return reply(HttpResponse::error(400, error));
    if (!WhatsAppAddress::isWhatsApp(message->from))
        return reply(HttpResponse::error(
            400, tr("This is WhatsApp's webhook; From '%1' is not a whatsapp: address. Point SMS "
                    "numbers at their own webhook.")
                     .arg(message->from)));
    message->channel = WhatsAppChannel::Id;
    // The window opens when the message reaches us: Twilio's webhook carries no time of its own.
    const QDateTime at = m_clock();
    const FormFields *form = request.form();
    const QString profileName = FormEncoding::value(*form, QStringLiteral("ProfileName"));
    QString waId = FormEncoding::value(*form, QStringLiteral("WaId"));
    if (waId.isEmpty())
        waId = WhatsAppAddress::waId(message->from);
    m_store->run<bool>(
        this,
        [message = *message, profileName, waId, at](StoreWorker &w,
                                                    QString *error) -> std::optional<bool> {
            if (!storeInbound(w, message, profileName, waId, at, error))
                return std::nullopt;
            w.webhookStored();
            return true;
        },
        MessageWebhooks::answerWhenStored(reply));
}

bool WhatsAppWebhooks::storeInbound(StoreWorker &w, const InboundMessage &message,
                                    const QString &profileName, const QString &waId,
                                    const QDateTime &at, QString *error) {
    return WhatsAppContacts::recordInbound(w, message, profileName, waId, at, error) &&
           MediaRows::addInbound(w, message, at, error) &&
           OptOuts::recordInbound(w, message, at, error);
}

} // namespace sb
