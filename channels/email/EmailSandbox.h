#pragma once

#include "http/HttpMessage.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <functional>

namespace sb {

class Sandbox;

// The sandbox's SendGrid stand-in, on the sandbox's own server and thread:
// - POST /v3/mail/send with the sandbox's API key as Bearer (Sandbox::sendgridApiKey): checked
//   as SendGrid checks it (its `errors` array, each with `field`, `message`, `help`), then 202
//   with an X-Message-Id;
// - then, per recipient, Event Webhook batches posted to the console's /sendgrid/events, one
//   step every statusDelayMs, signed with the sandbox's P-256 key (Sandbox::sendgridSigner):
//     anyone@anywhere            processed, delivered, open
//     bounce@sandbox.test        processed, bounce (550 5.1.1: no such mailbox)
//     dropped@sandbox.test       dropped (Bounced Address)
//     spamreport@sandbox.test    processed, delivered, spamreport
//   Each event carries our custom args (switchboard_id) and sg_message_id as SendGrid's do.
// - SendGrid's templates API over SandboxEmailTemplates' templates (GET /v3/templates...);
//   a mail/send with one of their template_ids is filled in with each personalization's
//   dynamic_template_data. One with any other template_id is accepted (202), then every
//   recipient is dropped with "Invalid SMTPAPI header", as SendGrid does: it does not check
//   the id before answering.
// - GET /sandbox/emails/{X-Message-Id} (the sandbox's Basic auth): what an accepted email
//   became, per personalization its subject, html and text (a template's rendered).
// - GET /sandbox/emails (the same auth): every accepted email in brief, oldest first
//   (message_id, subject, to, switchboard_id), so a test can tell one sent twice.
class EmailSandbox {
public:
    // `accepted` (optional) hears of each accepted mail/send body, e.g. for a test to count.
    static void install(Sandbox &sandbox, const QString &eventsUrl,
                        std::function<void(const QJsonObject &mail)> accepted = {});

    // SendGrid's 400 for a mail/send body: its errors, or empty when it would take it.
    static QList<QJsonObject> validate(const QJsonObject &mail);
    // What happens to mail to `address` after it is accepted: the events, in order.
    static QStringList eventsFor(const QString &address);

    static constexpr char BounceAddress[] = "bounce@sandbox.test";
    static constexpr char DroppedAddress[] = "dropped@sandbox.test";
    static constexpr char SpamReportAddress[] = "spamreport@sandbox.test";
    // SendGrid's dropped reason for a template_id that is not the account's.
    static constexpr char InvalidHeaderReason[] = "Invalid SMTPAPI header";
};

} // namespace sb
