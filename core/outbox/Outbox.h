#pragma once

#include "store/Records.h"
#include "twilio/TwilioError.h"

#include <QObject>

#include <functional>

namespace sb {

class Store;
class TwilioClient;
struct TwilioMessage;

struct SendOutcome {
    OutboxEntry entry; // the entry as last committed
    TwilioError error; // set when Twilio refused or could not be reached
    bool settled() const {
        return entry.state == OutboxEntry::State::Accepted ||
               entry.state == OutboxEntry::State::Failed;
    }
};

// The durable outbox: a message is committed as `pending` before any request is made, marked
// `submitted` (committed) just before the POST, then `accepted` with its SID or `failed`.
// Creating a message is not idempotent at Twilio, so after a crash or an ambiguous failure
// (timeout, 5xx) a `submitted` entry is reconciled first: Twilio's recent messages To/From the
// same numbers are searched for the same body, and it is sent again only if Twilio does not
// have it. `pending` entries were never sent and are simply sent. Lives on one thread (the
// network thread); callbacks run on their context's thread.
class Outbox : public QObject {
    Q_OBJECT
public:
    enum class Fault { None, CrashAfterPersist, CrashAfterPost };

    Outbox(Store *store, TwilioClient *client, QObject *parent = nullptr);

    void setStatusCallbackUrl(const QString &url) { m_statusCallbackUrl = url; }
    void setFault(Fault fault) { m_fault = fault; }
    static Fault faultFromName(const QString &name);

    using Done = std::function<void(const SendOutcome &)>;
    // The draft must already be validated (E.164, body length). Same clientRef: same message.
    void send(OutboundDraft draft, QObject *context, Done done);
    // Picks up whatever a previous run left pending or submitted.
    void resume();

    static constexpr int MaxRateLimitRetries = 3;

Q_SIGNALS:
    void settled(const sb::SendOutcome &outcome);

private:
    void submit(const OutboxEntry &entry, int rateLimitRetries, Done done);
    void reconcile(const OutboxEntry &entry, const TwilioError &cause, Done done);
    void accept(const OutboxEntry &entry, const TwilioMessage &message, Done done);
    void fail(const OutboxEntry &entry, const TwilioError &error, Done done);
    void finish(const SendOutcome &outcome, const Done &done);
    void crashIf(Fault point) const;

    Store *m_store;
    TwilioClient *m_client;
    QString m_statusCallbackUrl;
    Fault m_fault = Fault::None;
};

} // namespace sb

Q_DECLARE_METATYPE(sb::SendOutcome)
