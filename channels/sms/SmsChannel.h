#pragma once

#include "runtime/Channel.h"

namespace sb {

// SMS: send from TWILIO_PHONE_NUMBER, receive on /twilio/incoming-sms, statuses on
// /twilio/sms-status, the local API's send-sms and sms-status, and its part of the sandbox.
class SmsChannel : public Channel {
public:
    static constexpr QLatin1String Id{"sms"};

    QString id() const override { return Id; }
    QString displayName() const override;
    const StatusModel &statuses() const override; // Twilio's message statuses as they are
    void addRoutes(ChannelContext &context) const override;
    void addToSandbox(SandboxContext &context) const override;
    QList<WebhookEndpoint> webhooks() const override;
};

std::shared_ptr<const Channel> makeSmsChannel();

} // namespace sb
