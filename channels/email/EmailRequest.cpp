#include "EmailRequest.h"

#include "api/AgentField.h"
#include "providers/sendgrid/SendGridClient.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QLocale>
#include <QRegularExpression>

namespace sb {

namespace {

// "to", "cc", "bcc": one address or a list of them.
QList<EmailAddress> addressList(const QJsonObject &json, const char *field, bool required,
                                FieldErrors &errors) {
    const QJsonValue value = json.value(QLatin1String(field));
    QList<EmailAddress> list;
    if (value.isUndefined() || value.isNull()) {
        if (required)
            errors.add(QLatin1String(field),
                       EmailRequest::tr("Required: the recipient's email address."));
        return list;
    }
    QJsonArray items;
    if (value.isString())
        items.append(value);
    else if (value.isArray())
        items = value.toArray();
    else {
        errors.add(QLatin1String(field),
                   EmailRequest::tr("Must be an email address or a list of them."));
        return list;
    }
    QStringList invalid;
    for (const QJsonValue item : items) {
        const QString address = item.toString().trimmed();
        if (!item.isString() || !EmailRequest::isValidAddress(address))
            invalid.append(item.isString() ? item.toString() : EmailRequest::tr("(not a string)"));
        else
            list.append({address, {}});
    }
    if (!invalid.isEmpty())
        errors.add(QLatin1String(field), EmailRequest::tr("Not a valid email address: %1.")
                                             .arg(invalid.join(QStringLiteral(", "))));
    else if (required && list.isEmpty())
        errors.add(QLatin1String(field), EmailRequest::tr("Required: at least one recipient."));
    return list;
}

QString optionalString(const QJsonObject &json, const char *field, FieldErrors &errors) {
    const QJsonValue value = json.value(QLatin1String(field));
    if (value.isUndefined() || value.isNull())
        return {};
    if (!value.isString()) {
        errors.add(QLatin1String(field), EmailRequest::tr("Must be a string."));
        return {};
    }
    return value.toString();
}

} // namespace

bool EmailRequest::isValidAddress(const QString &address) {
    return EmailAddress::isValid(address);
}

QString EmailRequest::sizeProblem(const EmailDraft &draft) {
    const qint64 size = draft.mailSendBytes();
    if (size <= SendGridClient::MaxMailSendBytes)
        return {};
    const QLocale c = QLocale::c();
    return EmailRequest::tr(
               "The email is %1 bytes as SendGrid would receive it (attachments in base64); "
               "SendGrid takes at most %2 bytes (30 MB). Nothing was sent.")
        .arg(c.toString(size), c.toString(SendGridClient::MaxMailSendBytes));
}

QString EmailRequest::categoriesProblem(const QStringList &categories) {
    if (categories.size() > MaxCategories)
        return EmailRequest::tr("At most %1 categories (SendGrid's limit); there are %2.")
            .arg(MaxCategories)
            .arg(categories.size());
    QStringList seen;
    for (const QString &category : categories) {
        if (category.trimmed().isEmpty())
            return EmailRequest::tr("A category cannot be empty.");
        if (category.size() > MaxCategoryLength)
            return EmailRequest::tr(
                       "A category has at most %1 characters (SendGrid's limit); \"%2…\" has %3.")
                .arg(MaxCategoryLength)
                .arg(category.left(20))
                .arg(category.size());
        for (const QChar ch : category) {
            if (ch.unicode() > 0x7e || ch.unicode() < 0x20)
                return EmailRequest::tr(
                           "Categories must be printable ASCII (SendGrid's rule); \"%1\" is not.")
                    .arg(category.left(40));
        }
        if (seen.contains(category))
            return EmailRequest::tr("Each category once: \"%1\" is repeated.").arg(category);
        seen.append(category);
    }
    return {};
}

EmailDraft EmailRequest::parse(const QJsonObject &json, const EmailAddress &defaultFrom,
                               FieldErrors &errors) {
    EmailDraft d;
    d.to = addressList(json, "to", true, errors);
    d.cc = addressList(json, "cc", false, errors);
    d.bcc = addressList(json, "bcc", false, errors);

    const QString from = optionalString(json, "from", errors).trimmed();
    if (!errors.has(QStringLiteral("from"))) {
        if (from.isEmpty() && !defaultFrom.isEmpty())
            d.from = defaultFrom;
        else if (from.isEmpty())
            errors.add(
                QStringLiteral("from"),
                EmailRequest::tr("Required: the sender's address (a verified sender identity in "
                                 "SendGrid), or set a default sender with SENDGRID_FROM_EMAIL."));
        else if (!isValidAddress(from))
            errors.add(QStringLiteral("from"),
                       EmailRequest::tr("Not a valid email address: %1.").arg(from));
        else
            d.from = {from, {}};
    }
    const QString replyTo = optionalString(json, "replyTo", errors).trimmed();
    if (!replyTo.isEmpty() && !isValidAddress(replyTo))
        errors.add(QStringLiteral("replyTo"),
                   EmailRequest::tr("Not a valid email address: %1.").arg(replyTo));
    else
        d.replyTo = {replyTo, {}};

    d.subject = optionalString(json, "subject", errors);
    d.agent = AgentField::read(json, errors);
    d.text = optionalString(json, "text", errors);
    d.html = optionalString(json, "html", errors);
    d.templateId = optionalString(json, "templateId", errors).trimmed();
    if (!d.templateId.isEmpty() && !d.templateId.startsWith(QLatin1String("d-")))
        errors.add(QStringLiteral("templateId"),
                   EmailRequest::tr("Must be a dynamic template's id, which starts with \"d-\"."));
    const QJsonValue data = json.value(QLatin1String("dynamicTemplateData"));
    if (data.isObject())
        d.dynamicTemplateData = data.toObject();
    else if (!data.isUndefined() && !data.isNull())
        errors.add(QStringLiteral("dynamicTemplateData"),
                   EmailRequest::tr("Must be a JSON object of the template's variables."));
    if (d.templateId.isEmpty() && data.isObject() && !json.contains(QLatin1String("templateId")))
        errors.add(QStringLiteral("dynamicTemplateData"),
                   EmailRequest::tr("Only goes with a templateId."));
    if (d.templateId.isEmpty()) {
        // Without a template SendGrid needs a subject and some content.
        if (d.subject.trimmed().isEmpty() && !errors.has(QStringLiteral("subject")))
            errors.add(QStringLiteral("subject"),
                       EmailRequest::tr("Required (unless a templateId is given)."));
        if (d.text.isEmpty() && d.html.isEmpty() && !errors.has(QStringLiteral("text")) &&
            !errors.has(QStringLiteral("html")))
            errors.add(
                QStringLiteral("text"),
                EmailRequest::tr("Give the email's text, its html, or both (or a templateId)."));
    }

    const QJsonValue categories = json.value(QLatin1String("categories"));
    if (categories.isArray()) {
        bool strings = true;
        for (const QJsonValue c : categories.toArray()) {
            strings = strings && c.isString();
            d.categories.append(c.toString());
        }
        const QString problem = strings ? categoriesProblem(d.categories)
                                        : EmailRequest::tr("Must be a list of strings.");
        if (!problem.isEmpty())
            errors.add(QStringLiteral("categories"), problem);
    } else if (!categories.isUndefined() && !categories.isNull()) {
        errors.add(QStringLiteral("categories"), EmailRequest::tr("Must be a list of strings."));
    }

    const QJsonValue attachments = json.value(QLatin1String("attachments"));
    if (attachments.isArray()) {
        const QJsonArray list = attachments.toArray();
        for (int i = 0; i < list.size(); ++i) {
            const QString at = QStringLiteral("attachments[%1]").arg(i);
            const QJsonObject a = list.at(i).toObject();
            if (!list.at(i).isObject()) {
                errors.add(at,
                           EmailRequest::tr("Must be an object with filename, type and content."));
                continue;
            }
            EmailAttachment attachment;
            const QJsonValue filename = a.value(QLatin1String("filename"));
            if (!filename.isString() || filename.toString().trimmed().isEmpty())
                errors.add(at + QStringLiteral(".filename"),
                           EmailRequest::tr("Required: the file's name."));
            else
                attachment.filename = filename.toString();
            const QJsonValue type = a.value(QLatin1String("type"));
            if (!type.isUndefined() && !type.isNull() && !type.isString())
                errors.add(at + QStringLiteral(".type"),
                           EmailRequest::tr("Must be a MIME type, e.g. "
                                            "application/pdf."));
            else
                attachment.type = type.toString();
            const QJsonValue content = a.value(QLatin1String("content"));
            const auto decoded = QByteArray::fromBase64Encoding(
                content.toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
            if (!content.isString() || content.toString().isEmpty())
                errors.add(at + QStringLiteral(".content"),
                           EmailRequest::tr("Required: the file's bytes in base64."));
            else if (!decoded)
                errors.add(at + QStringLiteral(".content"), EmailRequest::tr("Not valid base64."));
            else
                attachment.content = *decoded;
            d.attachments.append(attachment);
        }
    } else if (!attachments.isUndefined() && !attachments.isNull()) {
        errors.add(QStringLiteral("attachments"),
                   EmailRequest::tr("Must be a list of {filename, type, content (base64)}."));
    }
    if (errors.isEmpty()) {
        const QString tooLarge = sizeProblem(d);
        if (!tooLarge.isEmpty())
            errors.add(d.attachments.isEmpty() ? QStringLiteral("html")
                                               : QStringLiteral("attachments"),
                       tooLarge);
    }
    return d;
}

} // namespace sb
