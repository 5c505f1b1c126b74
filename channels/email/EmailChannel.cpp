#include "EmailChannel.h"

#include "EmailApi.h"
#include "EmailEvents.h"
#include "EmailRoutes.h"
#include "EmailSandbox.h"
#include "EmailSender.h"
#include "EmailStatuses.h"
#include "EmailStore.h"
#include "config/Config.h"
#include "outbox/OutboxSender.h"
#include "providers/sendgrid/SendGridClient.h"
#include "runtime/ChannelContext.h"
#include "sandbox/SandboxContext.h"

#include <QCoreApplication>

namespace sb {

QString EmailChannel::displayName() const {
    return QCoreApplication::translate("EmailChannel", "Email");
}

const StatusModel &EmailChannel::statuses() const {
    return EmailStatuses::instance();
}

QList<QStringList> EmailChannel::schema() const {
    return EmailStore::schema();
}

QList<ThreadSource> EmailChannel::threadSources() const {
    // Emails sent to (to, cc or bcc) the address the agent linked to the contact; the text is
    // the subject. Only outbound: the console receives no email.
    const QString sentTo = QStringLiteral(
        "EXISTS (SELECT 1 FROM json_each(e.%1) j WHERE lower(json_extract(j.value, '$.email')) "
        "= :email)");
    return {{Id, ThreadItem::Kind::Email, EmailStore::Table,
             QStringLiteral("SELECT e.id, e.email_id, 'outbound', e.from_email, (SELECT "
                            "group_concat(json_extract(j.value, '$.email'), ', ') FROM "
                            "json_each(e.to_json) j), e.subject, e.status, 0, '', e.created_at "
                            "FROM emails e WHERE :email != '' AND e.created_at <= :before_at "
                            "AND (%1 OR %2 OR %3)")
                 .arg(sentTo.arg(QStringLiteral("to_json")), sentTo.arg(QStringLiteral("cc_json")),
                      sentTo.arg(QStringLiteral("bcc_json")))}};
}

QList<QStringList> EmailChannel::contactSchema() const {
    // Every address an email (row alias %1) went to: to, cc and bcc, lower case.
    const QString recipients = QStringLiteral(
        "SELECT lower(json_extract(j.value, '$.email')) FROM json_each(%1.to_json) j UNION "
        "SELECT lower(json_extract(j.value, '$.email')) FROM json_each(%1.cc_json) j UNION "
        "SELECT lower(json_extract(j.value, '$.email')) FROM json_each(%1.bcc_json) j");
    const QString withEmail =
        QStringLiteral("CASE WHEN instr(channels, ',email,') > 0 THEN channels WHEN channels = '' "
                       "THEN ',email,' ELSE channels || 'email,' END");
    const QString withoutEmail =
        QStringLiteral("CASE WHEN channels = ',email,' THEN '' ELSE replace(channels, ',email,', "
                       "',') END");
    return {
        // 1: a contact's channels include email while the address linked to it has emails;
        // an email sent to it is its newest item, as a message is
        {
            QStringLiteral("UPDATE contacts SET channels = %1 WHERE email != '' AND EXISTS "
                           "(SELECT 1 FROM emails e WHERE contacts.email IN (%2))")
                .arg(withEmail, recipients.arg(QStringLiteral("e"))),
            QStringLiteral(
                "CREATE TRIGGER email_inbox_sent AFTER INSERT ON emails BEGIN UPDATE contacts SET "
                "channels = %1, last_at = max(last_at, NEW.created_at), last_text = CASE WHEN "
                "NEW.created_at >= last_at THEN NEW.subject ELSE last_text END, last_channel = "
                "CASE WHEN NEW.created_at >= last_at THEN 'email' ELSE last_channel END WHERE "
                "email != '' AND email IN (%2); END")
                .arg(withEmail, recipients.arg(QStringLiteral("NEW"))),
            QStringLiteral("CREATE TRIGGER email_inbox_linked AFTER UPDATE OF email ON contacts "
                           "WHEN NEW.email IS NOT OLD.email BEGIN UPDATE contacts SET channels = "
                           "CASE WHEN NEW.email != '' AND EXISTS (SELECT 1 FROM emails e WHERE "
                           "NEW.email IN (%1)) THEN %2 ELSE %3 END WHERE id = NEW.id; END")
                .arg(recipients.arg(QStringLiteral("e")), withEmail, withoutEmail),
        },
    };
}

void EmailChannel::addRoutes(ChannelContext &context) const {
    new EmailApi(context, context.parent);
    new EmailEvents(context, context.parent);
}

OutboxSender *EmailChannel::makeOutboxSender(const OutboxSenderContext &context) const {
    auto *client =
        new SendGridClient(context.nam,
                           {context.config.sendgridApiKey, context.config.sendgridApiBase,
                            context.config.sendgridTimeout},
                           context.parent);
    return new EmailSender(context.store, client, context.parent);
}

void EmailChannel::addToSandbox(SandboxContext &context) const {
    // Its events go to this console's Event Webhook (none when the sandbox runs on its own).
    EmailSandbox::install(context.sandbox(), context.publicBase().isEmpty()
                                                 ? QString()
                                                 : context.publicBase() + EmailRoutes::events());
}

QList<WebhookEndpoint> EmailChannel::webhooks() const {
    return {{EmailRoutes::events(),
             QCoreApplication::translate("EmailChannel",
                                         "SendGrid's Event Webhook (Mail Settings > Event "
                                         "Webhook), with signature verification on")}};
}

std::shared_ptr<const Channel> makeEmailChannel() {
    return std::make_shared<EmailChannel>();
}

} // namespace sb
