#pragma once

#include "runtime/Channel.h"

namespace sb {

// Email through SendGrid: the local API's send-email and email-status, sending through the
// durable outbox (EmailSender), SendGrid's signed Event Webhook at /sendgrid/events with the
// statuses and timeline it feeds (EmailStatuses), addresses not to send to after a bounce or
// a spam report, and its part of the sandbox (a SendGrid stand-in).
class EmailChannel : public Channel {
public:
    static constexpr QLatin1String Id{"email"};

    QString id() const override { return Id; }
    QString displayName() const override;
    const StatusModel &statuses() const override;       // EmailStatuses
    QList<QStringList> schema() const override;         // EmailStore's tables
    QList<ThreadSource> threadSources() const override; // emails to a contact's linked address
    QList<QStringList> contactSchema() const override;  // those emails in its channels
    void addRoutes(ChannelContext &context) const override;
    OutboxSender *makeOutboxSender(const OutboxSenderContext &context) const override;
    void addToSandbox(SandboxContext &context) const override; // EmailSandbox
    QList<WebhookEndpoint> webhooks() const override;
};

std::shared_ptr<const Channel> makeEmailChannel();

} // namespace sb
