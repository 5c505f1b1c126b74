#pragma once

#include "EmailStore.h"
#include "common/Receiver.h"
#include "messaging/Records.h"
#include "providers/sendgrid/EmailDraft.h"

#include <QCoreApplication>
#include <QDateTime>
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
        NotStored,      // the email could not be stored: nothing was sent (`error`)
        Suppressed,     // a recipient bounced or reported spam before (`refusals`): not sent
        NoOutbox,       // stored, but the outbox could not take it (`error`): not sent
        Queued,         // SendGrid accepted it (`sgMessageId`)
        Pending,        // stored; the outbox finishes it later (`warning` may say why)
        Refused,        // SendGrid refused it (`error`, its reasons)
        Unknown,        // SendGrid's answer was lost: it may have been sent; never resent
        Replayed,       // the Idempotency-Key was used before with the same request: that email
                        // (`emailId`), nothing new stored or sent
        KeyConflict,    // the Idempotency-Key was used before with another request (`emailId`)
        OverDailyLimit, // the day's limit is reached (`sentToday`, `dailyLimit`, `resetsAt`)
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
    int sentToday = 0;
    int dailyLimit = 0;
    QDateTime resetsAt;

    bool accepted() const { return outcome == Outcome::Queued || outcome == Outcome::Pending; }
};

// How many emails a day may go (SendGrid's free plan: 100; SENDGRID_DAILY_LIMIT), counted per
// UTC day on `clock`.
struct EmailQuota {
    int dailyLimit = 100; // 0: no limit
    std::function<QDateTime()> clock = [] {
        return QDateTime::currentDateTimeUtc();
    };
};

// What a caller may add to one submission.
struct EmailSubmitOptions {
    // The local API's Idempotency-Key (empty: none) and the request's fingerprint: the same
    // key with the same request answers the email already submitted, with another, a refusal.
    QString idempotencyKey;
    QByteArray requestHash;
};

// Sends an email for the local API and the Email tab alike: refuses a recipient on the
// do-not-send list, stores the email, then hands it to the durable outbox (which asks SendGrid
// on the network thread). The result is reported only once the outcome is committed, on the
// receiver's thread. Past the day's quota nothing is stored or sent. Holds no state of its own
// beyond what it is given.
class EmailSubmitter {
    Q_DECLARE_TR_FUNCTIONS(EmailSubmitter)
public:
    EmailSubmitter(Store *store, Outbox *outbox, EmailQuota quota = {});

    // `draft` must already be valid (EmailRequest); its emailId is made here when empty.
    void submit(EmailDraft draft, Receiver receiver,
                std::function<void(const EmailSubmission &)> done) const {
        submit(std::move(draft), EmailSubmitOptions{}, std::move(receiver), std::move(done));
    }
    void submit(EmailDraft draft, const EmailSubmitOptions &options, Receiver receiver,
                std::function<void(const EmailSubmission &)> done) const;

    // Today's count against the quota (e.g. for the Email tab to show), on the receiver's
    // thread.
    void usage(Receiver receiver, std::function<void(const StoreResult<EmailUsage> &)> done) const;
    // The refusal when the day's limit is reached, in plain words with the figures.
    static QString overLimitMessage(int sentToday, int dailyLimit, const QDateTime &resetsAt);

    static QString newEmailId();

    // Emails an earlier run stored but never handed to the outbox (it stopped between the two
    // commits, EmailStore::unqueued): handed to it now, so they are sent, once (the outbox
    // entry's clientRef is the email's id). Call once the outbox has resumed, with the time
    // then: emails stored later are this run's own.
    void sendUnqueued(const QDateTime &before, Receiver receiver) const;

private:
    Store *m_store;
    Outbox *m_outbox;
    EmailQuota m_quota;
};

} // namespace sb
