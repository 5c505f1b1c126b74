#pragma once

#include "common/Receiver.h"
#include "messaging/Records.h"
#include "providers/sendgrid/EmailDraft.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <functional>

namespace sb {

class Outbox;
class Store;

// How submitting an email ended, for whoever asked (the local API answers with it, the Email
// tab shows it).
struct EmailSubmission {
    enum class Outcome {
        NotStored,  // the email could not be stored: nothing was sent (`error`)
        Suppressed, // a recipient bounced or reported spam before (`refusals`): not sent
        NoOutbox,   // stored, but the outbox could not take it (`error`): not sent
        Queued,     // SendGrid accepted it (`sgMessageId`)
        Pending,    // stored; the outbox finishes it later (`warning` may say why)
        Refused,    // SendGrid refused it (`error`, its reasons)
        Unknown,    // SendGrid's answer was lost: it may have been sent; never resent
    };
    struct Refusal {
        QString field; // "to", "cc" or "bcc"
        QString reason;
    };
    Outcome outcome = Outcome::NotStored;
    QString emailId;
    QString sgMessageId;
    QString error;
    QString warning;
    QList<Refusal> refusals;
    OutboxEntry::State outboxState = OutboxEntry::State::Pending;

    bool accepted() const { return outcome == Outcome::Queued || outcome == Outcome::Pending; }
};

// Sends an email for the local API and the Email tab alike: refuses a recipient on the
// do-not-send list, stores the email, then hands it to the durable outbox (which asks SendGrid
// on the network thread). The result is reported only once the outcome is committed, on the
// receiver's thread. Holds no state of its own beyond the two pointers it is given.
class EmailSubmitter {
    Q_DECLARE_TR_FUNCTIONS(EmailSubmitter)
public:
    EmailSubmitter(Store *store, Outbox *outbox);

    // `draft` must already be valid (EmailRequest); its emailId is made here when empty.
    void submit(EmailDraft draft, Receiver receiver,
                std::function<void(const EmailSubmission &)> done) const;

    static QString newEmailId();

private:
    Store *m_store;
    Outbox *m_outbox;
};

} // namespace sb
