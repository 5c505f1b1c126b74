#pragma once

#include "OutboxCheck.h"
#include "OutboxSender.h"
#include "common/Receiver.h"
#include "messaging/Records.h"
#include "providers/twilio/TwilioError.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QSet>

#include <functional>

class QTimer;

namespace sb {

class Metrics;

class Store;
class TwilioClient;

struct SendOutcome {
    OutboxEntry entry; // the entry as last committed
    TwilioError error; // set when Twilio refused, could not be reached, or the store failed
    bool settled() const {
        return entry.state == OutboxEntry::State::Accepted ||
               entry.state == OutboxEntry::State::Failed ||
               entry.state == OutboxEntry::State::Cancelled;
    }
};

// The durable outbox: a message is committed as `pending` before any request is made, marked
// `submitted` (committed) just before the request, then `accepted` with the provider's id or
// `failed`. The request itself goes through the entry's channel's OutboxSender (by default
// Twilio's Messages API, TwilioMessageSender). Sending is not idempotent at the providers, so
// after a crash or an ambiguous failure (timeout, 5xx) a `submitted` entry is reconciled first:
// the sender asks its provider whether it has the entry, and it is sent again only if the
// provider does not (a provider that can never tell gives it up as failed, never resent).
// `pending` entries were never sent and are simply sent.
//
// Each entry is owned by one path at a time: the send that created it, or resume() for what an
// earlier run left unfinished; the store's transitions are compare-and-set besides, so a step
// happens once whoever asks. Nothing is sent before resume() has claimed the earlier entries
// and the public URL (for status callbacks) is set. A caller is told an outcome only once it is
// committed; when the store fails after the entry exists, the caller is told so and the outbox
// keeps retrying from the entry's committed state until the database recovers. Lives on one thread
// (the network thread); callbacks run on their receiver's thread.
//
// A draft with a sendAt is committed as `scheduled` and answered at once; a timer on this
// thread (re-armed at most a second ahead, so an injected clock is followed too) moves each
// entry to pending at its time and sends it as any other, every check (OutboxCheck) judged
// then. Scheduled entries survive restarts: resume() leaves them waiting and sends at once
// those whose time passed while Switchboard was down.
class Outbox : public QObject {
    Q_OBJECT
public:
    enum class Fault { None, CrashAfterPersist, CrashAfterPost };

    // Entries of a channel without a sender of its own go through Twilio's Messages API.
    Outbox(Store *store, TwilioClient *client, QObject *parent = nullptr);

    // Entries of `channel` go through `sender` (not owned: it lives on this thread at least as
    // long as the outbox). Before resume().
    void setSender(const QString &channel, OutboxSender *sender);
    // A rule every entry must pass just before it is submitted (not owned; lives on this
    // thread as long as the outbox). Before resume(). Applied in the order added.
    void addCheck(OutboxCheck *check) { m_checks.append(check); }

    // The base URL Twilio reaches this console at: each entry's status callback is this plus
    // the path its channel gave (so entries left by an earlier run get today's URL).
    void setPublicBase(const QString &base) { m_publicBase = base; }
    // Polling mode: Twilio could not reach a StatusCallback, so none is given (no failed
    // callbacks in the account's debugger); the statuses are polled instead.
    void setStatusCallbacks(bool on) { m_statusCallbacks = on; }
    // Who sends what this outbox is given without a name of its own (OutboundDraft::agent):
    // the console's agent, SWITCHBOARD_AGENT_NAME.
    void setAgent(const QString &name) { m_agent = name; }
    using Clock = std::function<QDateTime()>; // UTC now, for scheduled sends
    void setClock(Clock clock);
    // Where send latency (submission to acceptance) and provider errors by code are recorded;
    // set before the outbox runs, must outlive it.
    void setMetrics(Metrics *metrics) { m_metrics = metrics; }
    // Team mode (many processes on one outbox): this outbox's claims are renewed every
    // `periodMs` (well within Store::OutboxLeaseMs), and entries whose claims lapsed are taken
    // over. Before resume().
    void shareOutbox(int periodMs);
    QString statusCallbackFor(const OutboxEntry &entry) const;
    void setFault(Fault fault) { m_fault = fault; }
    static Fault faultFromName(const QString &name);

    using Done = std::function<void(const SendOutcome &)>;
    // The draft must already be validated (E.164, body length). Same clientRef: same message.
    // Refused (with a Local error, nothing stored) until resume() has reported ready.
    void send(OutboundDraft draft, Receiver receiver, Done done);
    // Claims whatever a previous run left pending or submitted and carries it on; `ready`
    // runs (on its receiver's thread) once they are claimed, with how many there were, or
    // with -1 and the reason when the store could not be read (the outbox stays closed).
    void resume(Receiver receiver, std::function<void(int resumed, const QString &error)> ready);
    bool isReady() const { return m_ready; }

    static constexpr int MaxRateLimitRetries = 3;
    static constexpr int MaxStoreRetryMs = 30000;

Q_SIGNALS:
    void settled(const sb::SendOutcome &outcome);
    // resume() has claimed what earlier runs left: send() takes drafts from now on.
    void resumed();

private:
    void submit(const OutboxEntry &entry, int rateLimitRetries, Done done);
    void scheduleNext();
    void armScheduleTimer();
    void sendDue();
    void markSubmittedAndPost(const OutboxEntry &entry, int rateLimitRetries, Done done);
    void runChecks(const OutboxEntry &entry, int index, OutboxCheck::Checked done);
    void post(const OutboxEntry &entry, int rateLimitRetries, Done done);
    void record(const OutboxEntry &entry, const SubmitResult &result, double seconds);
    void reconcile(const OutboxEntry &entry, const TwilioError &cause, Done done);
    void resend(const OutboxEntry &entry, Done done);
    void accept(const OutboxEntry &entry, const QString &providerId, const QString &providerStatus,
                Done done);
    void fail(const OutboxEntry &entry, const TwilioError &error, Done done);
    void carryOn(const OutboxEntry &entry, Done done);
    void storeFailed(const OutboxEntry &entry, const QString &what, const QString &error,
                     Done done);
    void retryLater(qint64 entryId);
    void finish(const SendOutcome &outcome, const Done &done);
    void letGo(const OutboxEntry &entry, Done done);
    void renewClaims();
    void sweep();
    // Claimed entries no path here works on yet, carried on; how many.
    int carryOnUnowned(const QList<OutboxEntry> &entries);
    void crashIf(Fault point) const;
    OutboxSender *senderFor(const OutboxEntry &entry) const;

    Store *m_store;
    OutboxSender *m_defaultSender;
    QHash<QString, OutboxSender *> m_senders; // by channel id
    QList<OutboxCheck *> m_checks;
    Clock m_clock;
    Metrics *m_metrics = nullptr;
    QTimer *m_scheduleTimer;
    QTimer *m_claimTimer = nullptr; // team mode: renews claims, sweeps for lapsed ones
    qint64 m_nextDueMs = 0;         // the earliest scheduled entry's time, UTC ms; 0: none
    QString m_publicBase;
    bool m_statusCallbacks = true;
    QString m_agent;
    Fault m_fault = Fault::None;
    bool m_ready = false;
    QSet<qint64> m_owned;         // entries a path of this outbox is working on
    QHash<qint64, int> m_retries; // store failures in a row, per entry: the back-off
};

} // namespace sb

Q_DECLARE_METATYPE(sb::SendOutcome)
