#include "SmsWebhooks.h"

#include "SmsChannel.h"
#include "SmsRoutes.h"
#include "db/Store.h"
#include "db/StoreWorker.h"
#include "media/MediaRows.h"
#include "messaging/MessageWebhooks.h"
#include "messaging/OptOuts.h"
#include "runtime/ChannelContext.h"

namespace sb {

SmsWebhooks::SmsWebhooks(ChannelContext &context, QObject *parent)
    : QObject(parent)
    , m_store(context.store)
    , m_clock(context.clock) {
    context.server.route(
        "POST", SmsRoutes::status(),
        [this](const HttpRequest &r, HttpServer::Reply reply) { statusCallback(r, reply); });
    context.server.route(
        "POST", SmsRoutes::incoming(),
        [this](const HttpRequest &r, HttpServer::Reply reply) { incoming(r, reply); });
}

void SmsWebhooks::statusCallback(const HttpRequest &request, const HttpServer::Reply &reply) {
    QString error;
    const std::optional<StatusCallback> cb = MessageWebhooks::statusCallback(request, &error);
    if (!cb)
        return reply(HttpResponse::error(400, error));
    m_store->applyStatusCallback(*cb, this, MessageWebhooks::answerWhenStored(reply));
}

void SmsWebhooks::incoming(const HttpRequest &request, const HttpServer::Reply &reply) {
    QString error;
    std::optional<InboundMessage> message = MessageWebhooks::inboundMessage(request, &error);
    if (!message)
        return reply(HttpResponse::error(400, error));
    message->channel = SmsChannel::Id;
    // The message, its media rows and a STOP in one job: answered only once all are committed.
    m_store->run<bool>(
        this,
        [message = *message, now = m_clock()](StoreWorker &w,
                                              QString *error) -> std::optional<bool> {
            if (!w.addInboundMessage(message, error) ||
                !MediaRows::addInbound(w, message, now, error) ||
                !OptOuts::recordInbound(w, message, now, error))
                return std::nullopt;
            w.webhookStored();
            return true;
        },
        MessageWebhooks::answerWhenStored(reply));
}

} // namespace sb
