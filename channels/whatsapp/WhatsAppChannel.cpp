#include "WhatsAppChannel.h"

#include "WhatsAppAddress.h"
#include "WhatsAppApi.h"
#include "WhatsAppContacts.h"
#include "WhatsAppRoutes.h"
#include "WhatsAppSandbox.h"
#include "WhatsAppStatuses.h"
#include "WhatsAppWebhooks.h"
#include "WhatsAppWindowCheck.h"
#include "config/Config.h"
#include "outbox/OutboxSender.h"
#include "runtime/ChannelContext.h"
#include "sandbox/Sandbox.h"
#include "sandbox/SandboxContext.h"

#include <QCoreApplication>

namespace sb {

QString WhatsAppChannel::displayName() const {
    return QCoreApplication::translate("WhatsAppChannel", "WhatsApp");
}

const StatusModel &WhatsAppChannel::statuses() const {
    return WhatsAppStatuses::instance();
}

QList<QStringList> WhatsAppChannel::schema() const {
    return WhatsAppContacts::schema();
}

QList<QStringList> WhatsAppChannel::contactSchema() const {
    return WhatsAppContacts::contactSchema();
}

void WhatsAppChannel::addRoutes(ChannelContext &context) const {
    new WhatsAppWebhooks(context, context.parent);
    new WhatsAppApi(context, context.parent);
}

void WhatsAppChannel::addToSandbox(SandboxContext &context) const {
    WhatsAppSandbox::install(context.sandbox());
    if (context.publicBase().isEmpty())
        return; // switchboard-sandbox on its own: no console to deliver customers' messages to
    // A customer's WhatsApp message to the sandbox's sender is posted here, as Twilio would.
    context.sandbox().setInboundUrl(Id, context.publicBase() + WhatsAppRoutes::incoming());
}

OutboxCheck *WhatsAppChannel::makeOutboxCheck(const OutboxSenderContext &context) const {
    return new WhatsAppWindowCheck(context.store, context.clock, context.parent);
}

QList<WebhookEndpoint> WhatsAppChannel::webhooks() const {
    return {{WhatsAppRoutes::incoming(),
             QCoreApplication::translate("WhatsAppChannel",
                                         "your WhatsApp sender's \"A message comes in\" webhook")},
            {WhatsAppRoutes::status(),
             QCoreApplication::translate("WhatsAppChannel",
                                         "WhatsApp status callbacks (sent with each message)")}};
}

QList<PolledInbound> WhatsAppChannel::polledInbound() const {
    return {{WhatsAppAddress::Prefix, Id,
             [](StoreWorker &w, const InboundMessage &message, QString *error) {
                 // Twilio's list names no profile; the WaId is the number itself.
                 return WhatsAppWebhooks::storeInbound(w, message, {},
                                                       WhatsAppAddress::waId(message.from),
                                                       message.receivedAt, error);
             }}};
}

QString WhatsAppChannel::defaultSender(const Config &config) {
    if (!config.whatsappNumber.isEmpty())
        return config.whatsappNumber;
    return config.sandbox ? WhatsAppSandbox::sender() : QString();
}

std::shared_ptr<const Channel> makeWhatsAppChannel() {
    return std::make_shared<WhatsAppChannel>();
}

} // namespace sb
