#pragma once

#include "runtime/Channel.h"

namespace sb {

struct Config;

// WhatsApp: send from TWILIO_WHATSAPP_NUMBER (the sandbox's sender in sandbox mode), receive on
// /twilio/incoming-whatsapp with the customer's profile name, statuses up to `read` on
// /twilio/whatsapp-status, the 24-hour customer-service window with approved Content templates
// as the way out of it, the local API's send-whatsapp, and its part of the sandbox (sender,
// window, templates on its own Content API).
class WhatsAppChannel : public Channel {
public:
    static constexpr QLatin1String Id{"whatsapp"};

    QString id() const override { return Id; }
    QString displayName() const override;
    const StatusModel &statuses() const override;      // WhatsAppStatuses
    QList<QStringList> schema() const override;        // WhatsAppContacts' tables
    QList<QStringList> contactSchema() const override; // profile names into the inbox
    void addRoutes(ChannelContext &context) const override;
    void addToSandbox(SandboxContext &context) const override;
    // The 24-hour window, judged again when a scheduled message goes (WhatsAppWindowCheck).
    OutboxCheck *makeOutboxCheck(const OutboxSenderContext &context) const override;
    QList<WebhookEndpoint> webhooks() const override;
    // "whatsapp:" messages polling found: stored as the webhook stores them (WhatsAppWebhooks).
    QList<PolledInbound> polledInbound() const override;

    // Who messages come from when the sender is not given: TWILIO_WHATSAPP_NUMBER, else in
    // sandbox mode the sandbox's WhatsApp sender; empty when neither.
    static QString defaultSender(const Config &config);
};

std::shared_ptr<const Channel> makeWhatsAppChannel();

} // namespace sb
