#include "TwilioMessageSender.h"

#include "common/Logging.h"
#include "providers/twilio/TwilioClient.h"

namespace sb {

TwilioMessageSender::TwilioMessageSender(TwilioClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client) {}

void TwilioMessageSender::submit(const OutboxEntry &entry, const QString &statusCallback,
                                 Submitted done) {
    SendMessageParams params;
    params.to = entry.message.to;
    if (entry.messagingServiceSid.isEmpty())
        params.from = entry.message.from;
    else
        params.messagingServiceSid = entry.messagingServiceSid;
    // A template's text is Twilio's to fill in: the body stored with it is only what it will
    // read, and Twilio wants no Body beside a ContentSid.
    if (entry.contentSid.isEmpty())
        params.body = entry.message.body;
    params.contentSid = entry.contentSid;
    params.contentVariables = entry.contentVariables;
    params.mediaUrls = entry.mediaUrls;
    params.statusCallback = statusCallback;
    m_client->createMessage(params, this, [done](const TwilioResult<TwilioMessage> &result) {
        SubmitResult submitted;
        if (result.ok()) {
            submitted.kind = SubmitResult::Kind::Accepted;
            submitted.providerId = result.value.sid;
            submitted.providerStatus = result.value.status;
        } else {
            submitted.error = result.error;
            submitted.kind = result.error.isAmbiguous()     ? SubmitResult::Kind::Ambiguous
                             : result.error.isRateLimited() ? SubmitResult::Kind::RateLimited
                                                            : SubmitResult::Kind::Refused;
        }
        done(submitted);
    });
}

void TwilioMessageSender::reconcile(const OutboxEntry &entry, Reconciled done) {
    ListMessagesFilter filter;
    filter.to = entry.message.to;
    // Through a Messaging Service the number is Twilio's pick: search by To (and body) alone.
    if (entry.messagingServiceSid.isEmpty())
        filter.from = entry.message.from;
    filter.pageSize = 100;
    m_client->listMessages(filter, this,
                           [entry, done](const TwilioResult<TwilioMessagePage> &page) {
                               ReconcileResult reconciled;
                               if (!page.ok()) {
                                   reconciled.kind = ReconcileResult::Kind::Unknown;
                                   reconciled.error = page.error;
                                   return done(reconciled);
                               }
                               // Twilio's list says nothing of a message's ContentSid, but a
                               // template message's body is the template as Twilio filled it in,
                               // which is what the entry stored as its body: the same comparison
                               // finds free text and templates alike.
                               const QDateTime notBefore = entry.message.createdAt.addSecs(-120);
                               // The number of files tells a media-only message from
                               // another one to the same contact (both have an empty body).
                               const int files = int(entry.mediaUrls.size());
                               for (const TwilioMessage &m : page.value.messages) {
                                   if (m.numMedia >= 0 && m.numMedia != files)
                                       continue;
                                   if (m.body == entry.message.body && m.dateCreated >= notBefore) {
                                       reconciled.kind = ReconcileResult::Kind::Found;
                                       reconciled.providerId = m.sid;
                                       reconciled.providerStatus = m.status;
                                       return done(reconciled);
                                   }
                               }
                               reconciled.kind = ReconcileResult::Kind::NotFound;
                               done(reconciled);
                           });
}

} // namespace sb
