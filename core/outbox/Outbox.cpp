#include "Outbox.h"

#include "common/Logging.h"
#include "store/Store.h"
#include "twilio/TwilioClient.h"

#include <QTimer>

#include <cstdlib>

namespace sb {

Outbox::Outbox(Store *store, TwilioClient *client, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_client(client) {
    qRegisterMetaType<sb::SendOutcome>();
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

void Outbox::send(OutboundDraft draft, QObject *context, Done done) {
    if (draft.statusCallback.isEmpty())
        draft.statusCallback = m_statusCallbackUrl;
    QPointer<QObject> ctx(context);
    Done reply = [ctx, done](const SendOutcome &outcome) {
        postTo(ctx, [done, outcome] { done(outcome); });
    };
    m_store->createOutbound(draft, this, [this, reply](const StoreResult<OutboxEntry> &created) {
        if (!created.ok()) {
            SendOutcome outcome;
            outcome.error = TwilioError::local(created.error);
            reply(outcome);
            return;
        }
        if (created.value.existing) {
            // The same clientRef again: report what we know, never send a second time.
            SendOutcome outcome;
            outcome.entry = created.value;
            if (outcome.entry.state == OutboxEntry::State::Failed) {
                outcome.error.kind = TwilioError::Kind::Http;
                outcome.error.code = outcome.entry.message.errorCode;
                outcome.error.message = outcome.entry.message.errorMessage;
            }
            reply(outcome);
            return;
        }
        crashIf(Fault::CrashAfterPersist);
        submit(created.value, 0, reply);
    });
}

void Outbox::submit(const OutboxEntry &entry, int rateLimitRetries, Done done) {
    m_store->markSubmitted(
        entry.id, this, [this, rateLimitRetries, done](const StoreResult<OutboxEntry> &marked) {
            if (!marked.ok()) {
                SendOutcome outcome;
                outcome.error = TwilioError::local(marked.error);
                done(outcome);
                return;
            }
            const OutboxEntry entry = marked.value;
            SendMessageParams params;
            params.to = entry.message.to;
            params.from = entry.message.from;
            params.body = entry.message.body;
            params.statusCallback = entry.statusCallback;
            qCInfo(lcOutbox) << "submitting outbox entry" << entry.id << "attempt"
                             << entry.attempts;
            m_client->createMessage(
                params, this,
                [this, entry, rateLimitRetries, done](const TwilioResult<TwilioMessage> &result) {
                    crashIf(Fault::CrashAfterPost);
                    if (result.ok()) {
                        accept(entry, result.value, done);
                    } else if (result.error.isRateLimited()) {
                        // Never processed by Twilio: safe to send again, after a pause.
                        if (rateLimitRetries >= MaxRateLimitRetries) {
                            fail(entry, result.error, done);
                            return;
                        }
                        m_store->markPendingAgain(
                            entry.id, result.error.explanation(), this,
                            [this, rateLimitRetries, done](const StoreResult<OutboxEntry> &again) {
                                const int delay = 1000 << rateLimitRetries;
                                QTimer::singleShot(
                                    delay, this, [this, again, rateLimitRetries, done] {
                                        submit(again.value, rateLimitRetries + 1, done);
                                    });
                            });
                    } else if (result.error.isAmbiguous()) {
                        reconcile(entry, result.error, done);
                    } else {
                        fail(entry, result.error, done);
                    }
                });
        });
}

void Outbox::reconcile(const OutboxEntry &entry, const TwilioError &cause, Done done) {
    ListMessagesFilter filter;
    filter.to = entry.message.to;
    filter.from = entry.message.from;
    filter.pageSize = 100;
    qCInfo(lcOutbox) << "reconciling outbox entry" << entry.id << "with Twilio before any resend";
    m_client->listMessages(
        filter, this, [this, entry, cause, done](const TwilioResult<TwilioMessagePage> &page) {
            if (!page.ok()) {
                // Still cannot tell whether Twilio has it: leave it submitted for the next resume.
                SendOutcome outcome;
                outcome.entry = entry;
                outcome.error = cause.isError() ? cause : page.error;
                qCWarning(lcOutbox)
                    << "outbox entry" << entry.id
                    << "left submitted: Twilio could not be asked whether it was sent";
                finish(outcome, done);
                return;
            }
            const QDateTime notBefore = entry.message.createdAt.addSecs(-120);
            for (const TwilioMessage &m : page.value.messages) {
                if (m.body == entry.message.body && m.dateCreated >= notBefore) {
                    qCInfo(lcOutbox)
                        << "outbox entry" << entry.id << "was already accepted as" << m.sid;
                    accept(entry, m, done);
                    return;
                }
            }
            if (cause.isError()) {
                // Twilio does not have it: the failure was real and nothing was sent.
                fail(entry, cause, done);
            } else {
                submit(entry, 0, done); // resumed after a crash and never reached Twilio
            }
        });
}

void Outbox::accept(const OutboxEntry &entry, const TwilioMessage &message, Done done) {
    m_store->markAccepted(entry.id, message.sid, message.status, this,
                          [this, done](const StoreResult<OutboxEntry> &accepted) {
                              SendOutcome outcome;
                              outcome.entry = accepted.value;
                              finish(outcome, done);
                          });
}

void Outbox::fail(const OutboxEntry &entry, const TwilioError &error, Done done) {
    m_store->markFailed(entry.id, error.code, error.explanation(), this,
                        [this, error, done](const StoreResult<OutboxEntry> &failed) {
                            SendOutcome outcome;
                            outcome.entry = failed.value;
                            outcome.error = error;
                            finish(outcome, done);
                        });
}

void Outbox::finish(const SendOutcome &outcome, const Done &done) {
    if (outcome.settled())
        Q_EMIT settled(outcome);
    if (done)
        done(outcome);
}

void Outbox::resume() {
    m_store->unfinishedOutbox(this, [this](const StoreResult<QList<OutboxEntry>> &result) {
        if (!result.ok()) {
            qCWarning(lcOutbox).noquote() << "cannot read the outbox:" << result.error;
            return;
        }
        if (!result.value.isEmpty())
            qCInfo(lcOutbox) << "resuming" << result.value.size() << "unfinished outbox entries";
        for (const OutboxEntry &entry : result.value) {
            if (entry.state == OutboxEntry::State::Pending)
                submit(entry, 0, {});
            else
                reconcile(entry, {}, {});
        }
    });
}

} // namespace sb
