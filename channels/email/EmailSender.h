#pragma once

#include "outbox/OutboxSender.h"

#include <QObject>

namespace sb {

class SendGridClient;
class Store;

// The email channel's way through the outbox: SendGrid's mail/send. An entry's clientRef is
// the email's own id, under which EmailStore keeps the whole draft (attachments included), so
// an entry resumed after a restart sends the same email; the id also travels as a custom arg
// so every event names its email. SendGrid gives an email no id before it accepts it and has
// no API to look a message up by custom arg on every plan (the Email Activity API is a paid
// add-on), so an entry whose answer was lost (a crash or a timeout between request and answer)
// cannot be reconciled: it becomes `unknown` and is never sent again, and the agent is told to
// check before resending. A duplicate email cannot be taken back; a question can be answered.
class EmailSender : public QObject, public OutboxSender {
    Q_OBJECT
public:
    EmailSender(Store *store, SendGridClient *client, QObject *parent = nullptr);

    void submit(const OutboxEntry &entry, const QString &statusCallback, Submitted done) override;
    void reconcile(const OutboxEntry &entry, Reconciled done) override;

    // What the agent is told about an email whose answer was lost.
    static QString unknownOutcome();

private:
    Store *m_store;
    SendGridClient *m_client;
};

} // namespace sb
