#include "Outbox.h"

#include "common/Metrics.h"

#include <QElapsedTimer>

#include "ScheduledSends.h"
#include "TwilioMessageSender.h"
#include "common/Logging.h"
#include "db/Store.h"

#include <QTimer>
#include <QUrl>

#include <algorithm>
#include <cstdlib>

namespace sb {

Outbox::Outbox(Store *store, TwilioClient *client, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_defaultSender(new TwilioMessageSender(client, this))
    , m_scheduleTimer(new QTimer(this)) {
    qRegisterMetaType<sb::SendOutcome>();
    setClock({});
    m_scheduleTimer->setSingleShot(true);
    connect(m_scheduleTimer, &QTimer::timeout, this, [this] {
        if (m_nextDueMs != 0 && m_clock().toMSecsSinceEpoch() >= m_nextDueMs)
            sendDue();
        else
            armScheduleTimer();
    });
}

void Outbox::shareOutbox(int periodMs) {
    if (!m_claimTimer) {
        m_claimTimer = new QTimer(this);
        connect(m_claimTimer, &QTimer::timeout, this, &Outbox::renewClaims);
    }
    m_claimTimer->setInterval(periodMs);
}

void Outbox::setClock(Clock clock) {
    if (!clock)
        clock = [] {
            return QDateTime::currentDateTimeUtc();
        };
    m_clock = std::move(clock);
}

void Outbox::scheduleNext() {
    m_store->run<qint64>(
        this, [](StoreWorker &w, QString *error) { return ScheduledSends::nextDue(w, error); },
        [this](const StoreResult<qint64> &next) {
            if (!next.ok()) {
                qCWarning(lcOutbox).noquote() << "cannot read the scheduled sends:" << next.error;
                m_nextDueMs = m_clock().toMSecsSinceEpoch() + 1000; // ask again in a second
            } else {
                m_nextDueMs = next.value;
            }
            armScheduleTimer();
        });
}

void Outbox::armScheduleTimer() {
    if (m_nextDueMs == 0) {
        m_scheduleTimer->stop();
        return;
    }
    // At most a second ahead: the clock may be moved (tests, the machine's own clock) and a
    // message must still go within a second of its time.
    const qint64 wait = std::clamp<qint64>(m_nextDueMs - m_clock().toMSecsSinceEpoch(), 0, 1000);
    m_scheduleTimer->start(int(wait));
}

void Outbox::sendDue() {
    const QDateTime now = m_clock();
    m_store->run<QList<OutboxEntry>>(
        this,
        [now](StoreWorker &w, QString *error) { return ScheduledSends::takeDue(w, now, error); },
        [this](const StoreResult<QList<OutboxEntry>> &due) {
            if (!due.ok())
                qCWarning(lcOutbox).noquote()
                    << "cannot take the due scheduled sends:" << due.error;
            for (const OutboxEntry &entry : due.value) {
                if (m_owned.contains(entry.id))
                    continue;
                qCInfo(lcOutbox) << "scheduled outbox entry" << entry.id << "is due";
                m_owned.insert(entry.id);
                submit(entry, 0, {});
            }
            scheduleNext();
        });
}

void Outbox::setSender(const QString &channel, OutboxSender *sender) {
    m_senders.insert(channel, sender);
}

OutboxSender *Outbox::senderFor(const OutboxEntry &entry) const {
    return m_senders.value(entry.message.channel, m_defaultSender);
}

Outbox::Fault Outbox::faultFromName(const QString &name) {
    if (name == QLatin1String("crash-after-persist"))
        return Fault::CrashAfterPersist;
    if (name == QLatin1String("crash-after-post"))
        return Fault::CrashAfterPost;
    return Fault::None;
}

void Outbox::crashIf(Fault point) const {
    if (m_fault == point) {
        qCWarning(lcOutbox) << "fault injection: crashing now";
        std::_Exit(86);
    }
}

void Outbox::send(OutboundDraft draft, Receiver receiver, Done done) {
    // The caller hears once: the first outcome (a later retry after a store failure is silent).
    auto answered = std::make_shared<bool>(false);
    Done reply = [receiver, done, answered](const SendOutcome &outcome) {
        if (std::exchange(*answered, true) || !done)
            return;
        receiver.post([done, outcome] { done(outcome); });
    };
    if (!m_ready || m_publicBase.isEmpty()) {
        SendOutcome outcome;
        outcome.error = TwilioError::local(
            tr("Switchboard is still starting; nothing was sent. Try again in a moment."));
        reply(outcome);
        return;
    }
    if (draft.agent.isEmpty())
        draft.agent = m_agent;
    m_store->createOutbound(draft, this, [this, reply](const StoreResult<OutboxEntry> &created) {
        if (!created.ok()) {
            SendOutcome outcome;
            outcome.error = TwilioError::local(
                tr("The message could not be stored, so nothing was sent: %1").arg(created.error));
            reply(outcome);
            return;
        }
        const OutboxEntry &entry = created.value;
        if (entry.state == OutboxEntry::State::Scheduled ||
            entry.state == OutboxEntry::State::Cancelled) {
            // It waits for its time (or was cancelled): nothing to send now.
            SendOutcome outcome;
            outcome.entry = entry;
            reply(outcome);
            const qint64 due = entry.sendAt.toMSecsSinceEpoch();
            if (!entry.existing && (m_nextDueMs == 0 || due < m_nextDueMs)) {
                m_nextDueMs = due;
                armScheduleTimer();
            }
            return;
        }
        if (entry.existing || m_owned.contains(entry.id)) {
            // The same clientRef again: report what we know, never send a second time.
            SendOutcome outcome;
            outcome.entry = entry;
            if (entry.state == OutboxEntry::State::Failed) {
                outcome.error.kind = TwilioError::Kind::Http;
                outcome.error.code = entry.message.errorCode;
                outcome.error.message = entry.message.errorMessage;
            }
            reply(outcome);
            return;
        }
        m_owned.insert(entry.id);
        crashIf(Fault::CrashAfterPersist);
        submit(entry, 0, reply);
    });
}

QString Outbox::statusCallbackFor(const OutboxEntry &entry) const {
    if (entry.statusCallback.isEmpty() || !m_statusCallbacks)
        return {};
    // Entries keep their channel's path; older ones kept a whole URL, perhaps an old tunnel's.
    const QString path = entry.statusCallback.startsWith(QLatin1Char('/'))
                             ? entry.statusCallback
                             : QUrl(entry.statusCallback).path();
    return m_publicBase + path;
}

void Outbox::runChecks(const OutboxEntry &entry, int index, OutboxCheck::Checked done) {
    if (index >= m_checks.size())
        return done({});
    m_checks.at(index)->check(entry, [this, entry, index, done](const TwilioError &refusal) {
        if (refusal.isError())
            return done(refusal);
        runChecks(entry, index + 1, done);
    });
}

void Outbox::submit(const OutboxEntry &entry, int rateLimitRetries, Done done) {
    // Every rule is judged now, when the message really goes (a scheduled one too).
    runChecks(entry, 0, [this, entry, rateLimitRetries, done](const TwilioError &refusal) {
        if (refusal.kind == TwilioError::Kind::Local)
            return storeFailed(entry,
                               tr("What must be checked before sending could not be read, so it "
                                  "was not sent yet"),
                               refusal.message, done);
        if (refusal.isError()) {
            qCInfo(lcOutbox) << "outbox entry" << entry.id
                             << "refused before sending:" << refusal.code;
            return fail(entry, refusal, done);
        }
        markSubmittedAndPost(entry, rateLimitRetries, done);
    });
}

void Outbox::markSubmittedAndPost(const OutboxEntry &entry, int rateLimitRetries, Done done) {
    m_store->markSubmitted(
        entry.id, this,
        [this, entry, rateLimitRetries, done](const StoreResult<OutboxEntry> &marked) {
            if (!marked.ok())
                return storeFailed(entry,
                                   tr("The message is stored but could not be marked as "
                                      "being sent, so it was not sent yet"),
                                   marked.error, done);
            if (marked.value.claimedElsewhere) // another process took it over: it sends it
                return letGo(marked.value, done);
            if (!marked.value.applied) // no longer pending: carry on from where it really is
                return carryOn(marked.value, done);
            post(marked.value, rateLimitRetries, done);
        });
}

void Outbox::record(const OutboxEntry &entry, const SubmitResult &result, double seconds) {
    if (!m_metrics)
        return;
    if (result.kind == SubmitResult::Kind::Accepted) {
        m_metrics->observe(QStringLiteral("switchboard_send_latency_seconds"), seconds);
        return;
    }
    // The provider's code when it gave one, else the kind of failure (network, protocol, ...).
    const QString code = result.error.code ? QString::number(result.error.code)
                         : result.error.httpStatus
                             ? QStringLiteral("http_") + QString::number(result.error.httpStatus)
                             : QStringLiteral("none");
    m_metrics->increment(
        QStringLiteral("switchboard_provider_errors_total"),
        {{QStringLiteral("channel"), entry.message.channel}, {QStringLiteral("code"), code}});
}

void Outbox::post(const OutboxEntry &entry, int rateLimitRetries, Done done) {
    qCInfo(lcOutbox) << "submitting outbox entry" << entry.id << "attempt" << entry.attempts;
    QElapsedTimer sent;
    sent.start();
    senderFor(entry)->submit(
        entry, statusCallbackFor(entry),
        [this, entry, rateLimitRetries, done, sent](const SubmitResult &result) {
            crashIf(Fault::CrashAfterPost);
            record(entry, result, sent.nsecsElapsed() / 1e9);
            switch (result.kind) {
            case SubmitResult::Kind::Accepted:
                return accept(entry, result.providerId, result.providerStatus, done);
            case SubmitResult::Kind::Ambiguous:
                return reconcile(entry, result.error, done);
            case SubmitResult::Kind::Refused:
                for (OutboxCheck *check : std::as_const(m_checks))
                    check->refused(entry, result.error);
                return fail(entry, result.error, done);
            case SubmitResult::Kind::RateLimited:
                break;
            }
            if (rateLimitRetries >= MaxRateLimitRetries)
                return fail(entry, result.error, done);
            // Never processed by the provider: safe to send again, after a pause.
            m_store->markPendingAgain(
                entry.id, result.error.explanation(), this,
                [this, entry, rateLimitRetries, done](const StoreResult<OutboxEntry> &again) {
                    if (!again.ok())
                        return storeFailed(entry,
                                           tr("The provider asked to slow down and the retry "
                                              "could not be recorded"),
                                           again.error, done);
                    if (again.value.claimedElsewhere)
                        return letGo(again.value, done);
                    QTimer::singleShot(1000 << rateLimitRetries, this,
                                       [this, again, rateLimitRetries, done] {
                                           submit(again.value, rateLimitRetries + 1, done);
                                       });
                });
        });
}

void Outbox::reconcile(const OutboxEntry &entry, const TwilioError &cause, Done done) {
    qCInfo(lcOutbox) << "reconciling outbox entry" << entry.id
                     << "with its provider before any resend";
    senderFor(entry)->reconcile(entry, [this, entry, cause, done](const ReconcileResult &found) {
        switch (found.kind) {
        case ReconcileResult::Kind::Unknown: {
            // Still cannot tell whether the provider has it: it stays submitted, and is asked
            // about again later.
            SendOutcome outcome;
            outcome.entry = entry;
            outcome.error = cause.isError() ? cause : found.error;
            qCWarning(lcOutbox) << "outbox entry" << entry.id
                                << "left submitted: its provider could not be asked whether it "
                                   "was sent";
            finish(outcome, done);
            retryLater(entry.id);
            return;
        }
        case ReconcileResult::Kind::Unknowable:
            qCWarning(lcOutbox) << "outbox entry" << entry.id
                                << "may or may not have been sent; not sending it again";
            return fail(entry, found.error, done);
        case ReconcileResult::Kind::Found:
            qCInfo(lcOutbox) << "outbox entry" << entry.id << "was already accepted as"
                             << found.providerId;
            return accept(entry, found.providerId, found.providerStatus, done);
        case ReconcileResult::Kind::NotFound:
            break;
        }
        if (cause.isError())
            fail(entry, cause, done); // the provider does not have it: the failure was real
        else
            resend(entry, done); // left by an earlier run before it reached the provider
    });
}

void Outbox::resend(const OutboxEntry &entry, Done done) {
    m_store->markPendingAgain(entry.id, tr("not found at Twilio; sending again"), this,
                              [this, entry, done](const StoreResult<OutboxEntry> &again) {
                                  if (!again.ok())
                                      return storeFailed(entry,
                                                         tr("The message could not be queued "
                                                            "again"),
                                                         again.error, done);
                                  if (again.value.claimedElsewhere)
                                      return letGo(again.value, done);
                                  if (!again.value.applied)
                                      return carryOn(again.value, done);
                                  submit(again.value, 0, done);
                              });
}

void Outbox::accept(const OutboxEntry &entry, const QString &providerId,
                    const QString &providerStatus, Done done) {
    m_store->markAccepted(
        entry.id, providerId, providerStatus, this,
        [this, entry, sid = providerId, done](const StoreResult<OutboxEntry> &accepted) {
            if (!accepted.ok())
                return storeFailed(
                    entry,
                    tr("Twilio accepted the message as %1 but it could not be recorded").arg(sid),
                    accepted.error, done);
            SendOutcome outcome;
            outcome.entry = accepted.value; // not applied: the first acceptance stands
            finish(outcome, done);
        });
}

void Outbox::fail(const OutboxEntry &entry, const TwilioError &error, Done done) {
    m_store->markFailed(entry.id, error.code, error.explanation(), this,
                        [this, entry, error, done](const StoreResult<OutboxEntry> &failed) {
                            if (!failed.ok())
                                return storeFailed(entry,
                                                   tr("Twilio refused the message (%1) and the "
                                                      "refusal could not be recorded")
                                                       .arg(error.explanation()),
                                                   failed.error, done);
                            SendOutcome outcome;
                            outcome.entry = failed.value;
                            outcome.error = error;
                            finish(outcome, done);
                        });
}

void Outbox::carryOn(const OutboxEntry &entry, Done done) {
    switch (entry.state) {
    case OutboxEntry::State::Pending:
        return submit(entry, 0, done);
    case OutboxEntry::State::Submitted:
        return reconcile(entry, {}, done);
    case OutboxEntry::State::Scheduled: // the schedule timer sends it at its time
        m_owned.remove(entry.id);
        return;
    case OutboxEntry::State::Accepted:
    case OutboxEntry::State::Failed:
    case OutboxEntry::State::Cancelled: {
        SendOutcome outcome;
        outcome.entry = entry;
        if (entry.state == OutboxEntry::State::Failed) {
            outcome.error.kind = TwilioError::Kind::Http;
            outcome.error.code = entry.message.errorCode;
            outcome.error.message = entry.message.errorMessage;
        }
        return finish(outcome, done);
    }
    }
}

void Outbox::storeFailed(const OutboxEntry &entry, const QString &what, const QString &error,
                         Done done) {
    qCWarning(lcOutbox).noquote() << "outbox entry" << entry.id << ":" << what << "-" << error;
    SendOutcome outcome;
    outcome.entry = entry;
    outcome.error = TwilioError::local(
        tr("%1 (the database failed: %2). Switchboard keeps it and completes it once the "
           "database works again.")
            .arg(what, error));
    if (done)
        done(outcome);
    retryLater(entry.id);
}

void Outbox::retryLater(qint64 entryId) {
    const int attempt = ++m_retries[entryId];
    const int delay = std::min(MaxStoreRetryMs, 1000 << std::min(attempt, 5));
    QTimer::singleShot(delay, this, [this, entryId] {
        m_store->outboxEntry(entryId, this, [this, entryId](const StoreResult<OutboxEntry> &read) {
            if (!read.ok())
                return retryLater(entryId);
            carryOn(read.value, {});
        });
    });
}

void Outbox::letGo(const OutboxEntry &entry, Done done) {
    // This process's claim lapsed (it stalled past Store::OutboxLeaseMs) and another took the
    // entry over: that one asks the provider and sends; this one must not.
    qCWarning(lcOutbox) << "outbox entry" << entry.id
                        << "is carried on by another Switchboard process; left to it";
    m_owned.remove(entry.id);
    m_retries.remove(entry.id);
    SendOutcome outcome;
    outcome.entry = entry;
    if (done)
        done(outcome);
}

void Outbox::renewClaims() {
    if (m_owned.isEmpty())
        return sweep();
    m_store->renewOutboxClaims(QList<qint64>(m_owned.cbegin(), m_owned.cend()), this,
                               [this](const StoreResult<int> &renewed) {
                                   if (!renewed.ok())
                                       qCWarning(lcOutbox).noquote()
                                           << "outbox claims not renewed:" << renewed.error;
                                   sweep();
                               });
}

int Outbox::carryOnUnowned(const QList<OutboxEntry> &entries) {
    int taken = 0;
    for (const OutboxEntry &entry : entries) {
        if (m_owned.contains(entry.id))
            continue;
        m_owned.insert(entry.id);
        ++taken;
        carryOn(entry, {});
    }
    return taken;
}

void Outbox::sweep() {
    // Entries another process left (killed mid-send: its claim lapsed), or made by a console
    // that went away before sending: claimed here and carried on, a submitted one asked about
    // at its provider first.
    m_store->unfinishedOutbox(this, [this](const StoreResult<QList<OutboxEntry>> &result) {
        if (!result.ok())
            return;
        if (const int taken = carryOnUnowned(result.value); taken > 0)
            qCInfo(lcOutbox) << "took over" << taken << "unfinished outbox entries";
    });
}

void Outbox::finish(const SendOutcome &outcome, const Done &done) {
    if (outcome.settled()) {
        m_owned.remove(outcome.entry.id);
        m_retries.remove(outcome.entry.id);
        Q_EMIT settled(outcome);
    }
    if (done)
        done(outcome);
}

void Outbox::resume(Receiver receiver,
                    std::function<void(int resumed, const QString &error)> ready) {
    m_store->unfinishedOutbox(
        this, [this, receiver, ready](const StoreResult<QList<OutboxEntry>> &result) {
            if (!result.ok()) {
                qCWarning(lcOutbox).noquote() << "cannot read the outbox:" << result.error;
                receiver.post([ready, error = result.error] { ready(-1, error); });
                return;
            }
            const int resumed = carryOnUnowned(result.value);
            if (resumed > 0)
                qCInfo(lcOutbox) << "resuming" << resumed << "unfinished outbox entries";
            m_ready = true;
            // Team mode: claims kept alive, and what other processes left taken over.
            if (m_claimTimer)
                m_claimTimer->start();
            scheduleNext(); // those whose time passed while we were down go now
            Q_EMIT this->resumed();
            receiver.post([ready, resumed] { ready(resumed, QString()); });
        });
}

} // namespace sb
