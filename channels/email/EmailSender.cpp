#include "EmailSender.h"

#include "EmailLogging.h"
#include "EmailStore.h"
#include "providers/sendgrid/SendGridClient.h"

namespace sb {

namespace {

// The outbox speaks the shared error type. TwilioError words its own explanation for Twilio,
// so SendGrid's (its errors array, each with its field; 401, 403's sender identity, 413, 429)
// travels whole as the message of a plain error, which the outbox records as it is.
TwilioError asOutboxError(const QString &explanation) {
    TwilioError e;
    e.kind = TwilioError::Kind::Http;
    e.message = explanation;
    return e;
}

} // namespace

EmailSender::EmailSender(Store *store, SendGridClient *client, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_client(client) {}

QString EmailSender::unknownOutcome() {
    return tr("Switchboard cannot tell whether SendGrid accepted this email: its answer was lost "
              "(Switchboard stopped or the connection failed while sending). SendGrid cannot be "
              "asked, so it was not sent again, to avoid a duplicate. Check SendGrid's Activity "
              "feed (or with the recipient) before sending it again.");
}

void EmailSender::submit(const OutboxEntry &entry, const QString &statusCallback, Submitted done) {
    (void)statusCallback; // SendGrid reports to the Event Webhook set in its console
    const QString emailId = entry.clientRef;
    EmailStore::draft(
        m_store, emailId, this, [this, emailId, done](const StoreResult<EmailDraft> &read) {
            if (!read.ok()) {
                // Nothing was sent: let the outbox pause and try again.
                SubmitResult r;
                r.kind = SubmitResult::Kind::RateLimited;
                r.error = TwilioError::local(
                    tr("The email could not be read back from the database: %1").arg(read.error));
                return done(r);
            }
            qCInfo(lcEmail) << "sending email" << emailId << "through SendGrid";
            m_client->sendMail(
                read.value, this, [emailId, done](const SendGridResult<SendGridSendReceipt> &sent) {
                    SubmitResult r;
                    if (sent.ok()) {
                        r.kind = SubmitResult::Kind::Accepted;
                        // The outbox records the provider's id as the message's unique SID;
                        // without an X-Message-Id our own id stands in (events still match
                        // by the custom arg).
                        r.providerId = sent.value.messageId.isEmpty()
                                           ? QStringLiteral("email:") + emailId
                                           : sent.value.messageId;
                        r.providerStatus = QStringLiteral("queued");
                        return done(r);
                    }
                    r.error = asOutboxError(sent.error.explanation());
                    r.kind = sent.error.isAmbiguous()     ? SubmitResult::Kind::Ambiguous
                             : sent.error.isRateLimited() ? SubmitResult::Kind::RateLimited
                                                          : SubmitResult::Kind::Refused;
                    done(r);
                });
        });
}

void EmailSender::reconcile(const OutboxEntry &entry, Reconciled done) {
    qCWarning(lcEmail) << "email" << entry.clientRef
                       << "may or may not have reached SendGrid; it is not sent again";
    EmailStore::markUnknown(m_store, entry.clientRef, this,
                            [done](const StoreResult<bool> &marked) {
                                ReconcileResult r;
                                if (!marked.ok()) {
                                    r.kind = ReconcileResult::Kind::Unknown; // asked again later
                                    r.error = TwilioError::local(marked.error);
                                    return done(r);
                                }
                                r.kind = ReconcileResult::Kind::Unknowable;
                                r.error = asOutboxError(unknownOutcome());
                                done(r);
                            });
}

} // namespace sb
