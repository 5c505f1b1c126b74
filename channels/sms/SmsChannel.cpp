#include "SmsChannel.h"

#include "SmsApi.h"
#include "SmsRoutes.h"
#include "SmsSandbox.h"
#include "SmsWebhooks.h"
#include "messaging/MessageStatuses.h"
#include "runtime/ChannelContext.h"
#include "sandbox/Sandbox.h"
#include "sandbox/SandboxContext.h"

#include <QCoreApplication>

namespace sb {

QString SmsChannel::displayName() const {
    return QCoreApplication::translate("SmsChannel", "SMS");
}

const StatusModel &SmsChannel::statuses() const {
    return MessageStatuses::instance();
}

void SmsChannel::addRoutes(ChannelContext &context) const {
    new SmsWebhooks(context, context.parent);
    new SmsApi(context, context.parent);
}

void SmsChannel::addToSandbox(SandboxContext &context) const {
    context.sandbox().addChannel(std::make_shared<SmsSandbox>());
    if (context.publicBase().isEmpty())
        return; // switchboard-sandbox on its own: webhooks come from its command line
    // A customer's SMS to one of the account's numbers is posted here, as Twilio would.
    const QString url = context.publicBase() + SmsRoutes::incoming();
    context.sandbox().setInboundUrl(Id, url);
    context.sandbox().setSmsUrl(url);
}

QList<WebhookEndpoint> SmsChannel::webhooks() const {
    return {
        {SmsRoutes::incoming(),
         QCoreApplication::translate("SmsChannel", "your number's \"A message comes in\" webhook"),
         QStringLiteral("SmsUrl")},
        {SmsRoutes::status(),
         QCoreApplication::translate("SmsChannel", "status callbacks (sent with each message)")}};
}

std::shared_ptr<const Channel> makeSmsChannel() {
    return std::make_shared<SmsChannel>();
}

} // namespace sb
