#pragma once

#include "messaging/Records.h"
#include "providers/twilio/TwilioError.h"

#include <QDateTime>
#include <QObject>
#include <QString>

#include <functional>

class QNetworkAccessManager;

namespace sb {

struct Config;
class Store;

// What a provider said to one submission.
struct SubmitResult {
    enum class Kind {
        Accepted,    // the provider has it: providerId (and providerStatus) set
        Refused,     // the provider refused it and never acted on it: error says why
        RateLimited, // refused for now, never processed: safe to submit again after a pause
        Ambiguous,   // no clear answer (timeout, 5xx, lost answer): it may have been sent
    };
    Kind kind = Kind::Refused;
    QString providerId;     // the provider's id for it (Twilio's SID, SendGrid's X-Message-Id)
    QString providerStatus; // the status the provider reported on acceptance, e.g. "queued"
    TwilioError error;      // Refused / RateLimited / Ambiguous: what happened, in plain words
};

// What a provider said when asked whether it already has an entry whose submission was
// ambiguous (or left `submitted` by a crash).
struct ReconcileResult {
    enum class Kind {
        Found,    // it has it: providerId (and providerStatus) set; never sent again
        NotFound, // it does not: safe to send again
        Unknown,  // it could not be asked right now: stays submitted, asked again later
        // The provider offers no way to tell, ever: it is given up as failed with `error`
        // saying so and is never sent again (a duplicate is worse than a question to a person).
        Unknowable,
    };
    Kind kind = Kind::Unknown;
    QString providerId;
    QString providerStatus;
    TwilioError error; // Unknown: why it could not be asked; Unknowable: what to tell the agent
};

// How the outbox reaches one channel's provider: the outbox keeps the entry's durable state
// (pending -> submitted -> accepted / failed), the rate-limit pauses and the retries; a sender
// only makes the request and says what the answer means. A channel gives its own through
// Channel::makeOutboxSender(); channels that send Twilio messages use the outbox's default.
// Lives on the outbox's thread; callbacks run on that thread.
class OutboxSender {
public:
    virtual ~OutboxSender() = default;

    using Submitted = std::function<void(const SubmitResult &)>;
    using Reconciled = std::function<void(const ReconcileResult &)>;

    // One request for `entry` (already marked submitted). `statusCallback` is the whole URL the
    // provider should report statuses to, empty when the entry asked for none.
    virtual void submit(const OutboxEntry &entry, const QString &statusCallback,
                        Submitted done) = 0;
    virtual void reconcile(const OutboxEntry &entry, Reconciled done) = 0;
};

// What a channel's sender is built from, on the outbox's (network) thread.
struct OutboxSenderContext {
    QNetworkAccessManager *nam;
    Store *store;
    const Config &config;
    QObject *parent; // owns whatever the sender makes (clients); lives on the network thread
    std::function<QDateTime()> clock = [] { // UTC now (the service's, injectable)
        return QDateTime::currentDateTimeUtc();
    };
};

} // namespace sb
