#include "VoiceChannel.h"

#include "CallStatuses.h"
#include "VoiceApi.h"
#include "VoiceCalls.h"
#include "VoiceRoutes.h"
#include "VoiceSandbox.h"
#include "VoiceWebhooks.h"
#include "ivr/IvrApi.h"
#include "ivr/IvrVersions.h"
#include "ivr/IvrWebhooks.h"
#include "runtime/ChannelContext.h"
#include "sandbox/SandboxContext.h"

#include <QCoreApplication>

namespace sb {

QString VoiceChannel::displayName() const {
    return QCoreApplication::translate("VoiceChannel", "Voice");
}

const StatusModel &VoiceChannel::statuses() const {
    return CallStatuses::instance();
}

QList<QStringList> VoiceChannel::schema() const {
    // Steps are applied in this order and never edited once released: new steps go last.
    return VoiceCalls::schema() + IvrVersions::schema();
}

void VoiceChannel::addRoutes(ChannelContext &context) const {
    new VoiceWebhooks(context, context.parent);
    new VoiceApi(context, context.parent);
    new IvrWebhooks(context, context.parent);
    new IvrApi(context, context.parent);
}

void VoiceChannel::addToSandbox(SandboxContext &context) const {
    VoiceSandbox::install(context.sandbox(), context.publicBase());
}

QList<WebhookEndpoint> VoiceChannel::webhooks() const {
    return {{VoiceRoutes::voiceResponse(),
             QCoreApplication::translate("VoiceChannel",
                                         "your number's \"A call comes in\" webhook (TwiML)")},
            {VoiceRoutes::callStatus(),
             QCoreApplication::translate("VoiceChannel",
                                         "call status callbacks (sent with each call)")}};
}

std::shared_ptr<const Channel> makeVoiceChannel() {
    return std::make_shared<VoiceChannel>();
}

} // namespace sb
