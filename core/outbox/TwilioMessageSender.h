#pragma once

#include "OutboxSender.h"

#include <QObject>

namespace sb {

class TwilioClient;

// Twilio's Messages API behind the outbox (SMS, WhatsApp, any channel that sends Twilio
// messages): a message is created with its body, or a Content template and its variables, and
// the status callback. Creating one is not idempotent, so an ambiguous entry is reconciled by
// searching Twilio's recent messages To/From the same numbers for the same body (for a
// template, the text as Twilio fills it in, which the entry keeps as its body).
class TwilioMessageSender : public QObject, public OutboxSender {
    Q_OBJECT
public:
    explicit TwilioMessageSender(TwilioClient *client, QObject *parent = nullptr);

    void submit(const OutboxEntry &entry, const QString &statusCallback, Submitted done) override;
    void reconcile(const OutboxEntry &entry, Reconciled done) override;

private:
    TwilioClient *m_client;
};

} // namespace sb
