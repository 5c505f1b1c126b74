#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace sb {

struct EmailAddress {
    QString email;
    QString name; // optional display name

    bool isEmpty() const { return email.isEmpty(); }
    // A plain addr-spec as SendGrid accepts it: local@domain.tld, no spaces, at most 254
    // characters. One rule for the local API, the Email tab and the default sender setting.
    static bool isValid(const QString &address);
};

struct EmailAttachment {
    QByteArray content;  // the file's bytes; base64-encoded on the way out
    QString filename;    // any Unicode; sent as is in the JSON
    QString type;        // MIME type, e.g. application/pdf (empty: SendGrid guesses)
    QString disposition; // "attachment" (default when empty) or "inline"
    QString contentId;   // for inline images referenced as cid:... in the HTML
};

// One email as Switchboard composes it, before it becomes SendGrid's mail/send body.
struct EmailDraft {
    QList<EmailAddress> to;
    QList<EmailAddress> cc;
    QList<EmailAddress> bcc;
    EmailAddress from;
    EmailAddress replyTo; // empty: none
    QString subject;
    QString text; // text/plain alternative
    QString html; // text/html
    QList<EmailAttachment> attachments;
    QString templateId;              // a dynamic template (d-...), used instead of the content
    QJsonObject dynamicTemplateData; // its variables
    QStringList categories;
    QString emailId; // our own id, sent as a custom arg so every event names the email
    QString agent;   // who sends it (kept with its outbox entry); empty: the outbox's agent

    // The custom arg that carries emailId; events come back with it as a top-level field.
    static constexpr char EmailIdArg[] = "switchboard_id";

    // The POST /v3/mail/send body. One personalization: to, cc and bcc all get the same email.
    QJsonObject toMailSendJson() const;
    // The body's size on the wire: what SendGrid's 30 MB limit is measured on (base64 included).
    qint64 mailSendBytes() const;
};

} // namespace sb
