#pragma once

#include "api/FieldErrors.h"
#include "providers/sendgrid/EmailDraft.h"
#include <QCoreApplication>

#include <QJsonObject>

namespace sb {

// The local API's send-email body read into an EmailDraft, every invalid field reported at
// once: {"to", "from", "subject", "text", "html"} plus optional "cc", "bcc", "replyTo",
// "attachments" [{filename, type, content (base64)}], "templateId", "dynamicTemplateData",
// "categories". Addresses are a string or an array of strings; the whole request, as SendGrid
// would receive it (attachments base64), must fit SendGridClient::MaxMailSendBytes.
class EmailRequest {
    Q_DECLARE_TR_FUNCTIONS(EmailRequest)
public:
    // SendGrid's limits on categories (mail/send: maxItems 10, uniqueItems, maxLength 255;
    // ASCII only).
    static constexpr int MaxCategories = 10;
    static constexpr int MaxCategoryLength = 255;

    // `defaultFrom` (SENDGRID_FROM_EMAIL / _NAME) is the sender when the body gives no "from";
    // empty: "from" is required.
    static EmailDraft parse(const QJsonObject &json, const EmailAddress &defaultFrom,
                            FieldErrors &errors);
    static EmailDraft parse(const QJsonObject &json, FieldErrors &errors) {
        return parse(json, {}, errors);
    }
    // The categories' problem (SendGrid's limits), empty when they are fine. For drafts
    // composed elsewhere too.
    static QString categoriesProblem(const QStringList &categories);
    // A plain addr-spec as SendGrid accepts it: local@domain.tld, no spaces, at most 254.
    static bool isValidAddress(const QString &address);
    // The size check alone, for drafts composed elsewhere; empty when it fits.
    static QString sizeProblem(const EmailDraft &draft);
};

} // namespace sb
