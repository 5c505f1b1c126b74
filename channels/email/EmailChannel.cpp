#include "EmailChannel.h"

#include "EmailApi.h"
#include "EmailEvents.h"
#include "EmailRoutes.h"
#include "EmailSandbox.h"
#include "EmailSender.h"
#include "EmailStatuses.h"
#include "EmailStore.h"
#include "config/Config.h"
#include "outbox/OutboxSender.h"
#include "providers/sendgrid/SendGridClient.h"
#include "runtime/ChannelContext.h"
#include "sandbox/SandboxContext.h"

#include <QCoreApplication>

namespace sb {

QString EmailChannel::displayName() const {
    return QCoreApplication::translate("EmailChannel", "Email");
}

const StatusModel &EmailChannel::statuses() const {
    return EmailStatuses::instance();
}

QList<QStringList> EmailChannel::schema() const {
    return EmailStore::schema();
}

void EmailChannel::addRoutes(ChannelContext &context) const {
    new EmailApi(context, context.parent);
    new EmailEvents(context, context.parent);
}

OutboxSender *EmailChannel::makeOutboxSender(const OutboxSenderContext &context) const {
    auto *client =
        new SendGridClient(context.nam,
                           {context.config.sendgridApiKey, context.config.sendgridApiBase,
                            context.config.sendgridTimeout},
                           context.parent);
    return new EmailSender(context.store, client, context.parent);
}

void EmailChannel::addToSandbox(SandboxContext &context) const {
    // Its events go to this console's Event Webhook (none when the sandbox runs on its own).
    EmailSandbox::install(context.sandbox(), context.publicBase().isEmpty()
                                                 ? QString()
                                                 : context.publicBase() + EmailRoutes::events());
}

QList<WebhookEndpoint> EmailChannel::webhooks() const {
    return {{EmailRoutes::events(),
             QCoreApplication::translate("EmailChannel",
                                         "SendGrid's Event Webhook (Mail Settings > Event "
                                         "Webhook), with signature verification on")}};
}

std::shared_ptr<const Channel> makeEmailChannel() {
    return std::make_shared<EmailChannel>();
}

} // namespace sb
