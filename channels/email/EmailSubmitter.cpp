#include "EmailSubmitter.h"

#include "EmailChannel.h"
#include "EmailLogging.h"
#include "EmailSender.h"
#include "EmailStore.h"
#include "outbox/Outbox.h"

#include <QUuid>

namespace sb {

namespace {

// Which of the draft's fields names `address` (the first recipient list it is found in).
QString fieldOf(const EmailDraft &draft, const QString &address) {
    const auto in = [&address](const QList<EmailAddress> &list) {
        for (const EmailAddress &a : list)
            if (a.email.compare(address, Qt::CaseInsensitive) == 0)
                return true;
        return false;
    };
    if (in(draft.to))
        return QStringLiteral("to");
    if (in(draft.cc))
        return QStringLiteral("cc");
    if (in(draft.bcc))
        return QStringLiteral("bcc");
    return QStringLiteral("to");
}

EmailSubmission fromOutcome(const QString &emailId, const SendOutcome &outcome) {
    EmailSubmission s;
    s.emailId = emailId;
    s.outboxState = outcome.entry.state;
    if (outcome.entry.id == 0) {
        s.outcome = EmailSubmission::Outcome::NoOutbox;
        s.error = outcome.error.explanation();
        return s;
    }
    switch (outcome.entry.state) {
    case OutboxEntry::State::Accepted:
        s.outcome = EmailSubmission::Outcome::Queued;
        s.sgMessageId = outcome.entry.message.sid;
        break;
    case OutboxEntry::State::Failed:
        s.outcome = outcome.error.message == EmailSender::unknownOutcome()
                        ? EmailSubmission::Outcome::Unknown
                        : EmailSubmission::Outcome::Refused;
        s.error = outcome.error.message;
        break;
    case OutboxEntry::State::Pending:
    case OutboxEntry::State::Submitted:
    case OutboxEntry::State::Scheduled: // email is never scheduled
    case OutboxEntry::State::Cancelled:
        // Stored; the outbox finishes it (e.g. once the database recovers).
        s.outcome = EmailSubmission::Outcome::Pending;
        if (outcome.error.isError())
            s.warning = outcome.error.explanation();
        break;
    }
    return s;
}

// What the outbox keeps of an email: its id as the clientRef; the sender reads the rest.
OutboundDraft outboundFor(const EmailDraft &draft) {
    OutboundDraft outbound;
    outbound.channel = EmailChannel::Id;
    outbound.from = draft.from.email;
    outbound.to = draft.to.value(0).email;
    outbound.body = draft.templateId.isEmpty() ? draft.subject : draft.templateId;
    outbound.clientRef = draft.emailId;
    outbound.agent = draft.agent;
    return outbound;
}

} // namespace

EmailSubmitter::EmailSubmitter(Store *store, Outbox *outbox, EmailQuota quota)
    : m_store(store)
    , m_outbox(outbox)
    , m_quota(std::move(quota)) {}

void EmailSubmitter::usage(Receiver receiver,
                           std::function<void(const StoreResult<EmailUsage> &)> done) const {
    EmailStore::usage(m_store, m_quota.clock(), m_quota.dailyLimit, std::move(receiver),
                      std::move(done));
}

QString EmailSubmitter::overLimitMessage(int sentToday, int dailyLimit, const QDateTime &resetsAt) {
    return tr("%1 of %2 emails have been sent today (UTC), the daily limit "
              "(SENDGRID_DAILY_LIMIT, SendGrid's free plan allows 100 a day); nothing was sent. "
              "The count starts again at %3.")
        .arg(sentToday)
        .arg(dailyLimit)
        .arg(resetsAt.toUTC().toString(Qt::ISODate));
}

QString EmailSubmitter::newEmailId() {
    return QStringLiteral("EM") + QUuid::createUuid().toString(QUuid::Id128);
}

void EmailSubmitter::submit(EmailDraft draft, const EmailSubmitOptions &options, Receiver receiver,
                            std::function<void(const EmailSubmission &)> done) const {
    if (draft.emailId.isEmpty())
        draft.emailId = newEmailId();
    EmailCreateOptions create;
    create.idempotencyKey = options.idempotencyKey;
    create.requestHash = options.requestHash;
    create.dailyLimit = m_quota.dailyLimit;
    create.now = m_quota.clock();
    // The store answers on the caller's thread; the outbox lives on the network thread and
    // answers through `receiver` too. The key, the suppressions and the quota are checked in
    // the same store job as the insert, so concurrent submissions cannot both pass.
    EmailStore::create(
        m_store, draft, create, receiver,
        [outbox = m_outbox, draft, receiver, done, limit = m_quota.dailyLimit,
         now = create.now](const StoreResult<EmailCreation> &created) {
            EmailSubmission s;
            s.emailId = draft.emailId;
            if (!created.ok()) {
                s.error =
                    tr("The email could not be stored, so nothing was sent: %1").arg(created.error);
                return done(s);
            }
            if (!created.value.existingId.isEmpty()) {
                s.emailId = created.value.existingId;
                s.outcome = created.value.sameRequest ? EmailSubmission::Outcome::Replayed
                                                      : EmailSubmission::Outcome::KeyConflict;
                return done(s);
            }
            if (created.value.overDailyLimit) {
                s.emailId.clear(); // nothing was stored under it
                s.outcome = EmailSubmission::Outcome::OverDailyLimit;
                s.sentToday = created.value.sentToday;
                s.dailyLimit = limit;
                s.resetsAt = EmailStore::nextUtcMidnight(now);
                s.error = overLimitMessage(s.sentToday, s.dailyLimit, s.resetsAt);
                return done(s);
            }
            if (!created.value.suppressed.isEmpty()) {
                // Like an SMS opt-out: an address that bounced or reported spam is not sent to.
                s.outcome = EmailSubmission::Outcome::Suppressed;
                for (const EmailSuppression &x : created.value.suppressed) {
                    const QString why =
                        x.event == QLatin1String("spamreport")
                            ? tr("%1 reported an earlier email as spam; Switchboard does not send "
                                 "to it again.")
                                  .arg(x.address)
                            : tr("Email to %1 bounced (%2); Switchboard does not send to it again.")
                                  .arg(x.address, x.reason.isEmpty() ? x.event : x.reason);
                    s.refusals.append({fieldOf(draft, x.address), why});
                }
                return done(s);
            }
            const OutboundDraft outbound = outboundFor(draft);
            QMetaObject::invokeMethod(
                outbox, [outbox, outbound, receiver, done, emailId = draft.emailId] {
                    outbox->send(outbound, receiver, [done, emailId](const SendOutcome &outcome) {
                        done(fromOutcome(emailId, outcome));
                    });
                });
        });
}

void EmailSubmitter::sendUnqueued(const QDateTime &before, Receiver receiver) const {
    EmailStore::unqueued(
        m_store, before, receiver,
        [store = m_store, outbox = m_outbox, receiver](const StoreResult<QStringList> &found) {
            if (!found.ok()) {
                qCWarning(lcEmail).noquote()
                    << "cannot look for emails stored but never sent:" << found.error;
                return;
            }
            if (!found.value.isEmpty())
                qCInfo(lcEmail) << "sending" << found.value.size()
                                << "emails an earlier run stored but never handed to the outbox";
            for (const QString &id : found.value) {
                EmailStore::draft(
                    store, id, receiver,
                    [outbox, receiver, id](const StoreResult<EmailDraft> &draft) {
                        if (!draft.ok()) {
                            qCWarning(lcEmail).noquote()
                                << "cannot read email" << id << "to send it:" << draft.error;
                            return;
                        }
                        QMetaObject::invokeMethod(
                            outbox, [outbox, receiver, outbound = outboundFor(draft.value)] {
                                outbox->send(outbound, receiver, [](const SendOutcome &) {});
                            });
                    });
            }
        });
}

} // namespace sb
