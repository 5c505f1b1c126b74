#include "EmailRequest.h"

#include "providers/sendgrid/SendGridClient.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QLocale>
#include <QRegularExpression>

namespace sb {

namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("EmailRequest", text);
}

// "to", "cc", "bcc": one address or a list of them.
QList<EmailAddress> addressList(const QJsonObject &json, const char *field, bool required,
                                FieldErrors &errors) {
    const QJsonValue value = json.value(QLatin1String(field));
    QList<EmailAddress> list;
    if (value.isUndefined() || value.isNull()) {
        if (required)
            errors.add(QLatin1String(field), tr("Required: the recipient's email address."));
        return list;
    }
    QJsonArray items;
    if (value.isString())
        items.append(value);
    else if (value.isArray())
        items = value.toArray();
    else {
        errors.add(QLatin1String(field), tr("Must be an email address or a list of them."));
        return list;
    }
    QStringList invalid;
    for (const QJsonValue item : items) {
        const QString address = item.toString().trimmed();
        if (!item.isString() || !EmailRequest::isValidAddress(address))
            invalid.append(item.isString() ? item.toString() : tr("(not a string)"));
        else
            list.append({address, {}});
    }
    if (!invalid.isEmpty())
        errors.add(QLatin1String(field),
                   tr("Not a valid email address: %1.").arg(invalid.join(QStringLiteral(", "))));
    else if (required && list.isEmpty())
        errors.add(QLatin1String(field), tr("Required: at least one recipient."));
    return list;
}

QString optionalString(const QJsonObject &json, const char *field, FieldErrors &errors) {
    const QJsonValue value = json.value(QLatin1String(field));
    if (value.isUndefined() || value.isNull())
        return {};
    if (!value.isString()) {
        errors.add(QLatin1String(field), tr("Must be a string."));
        return {};
    }
    return value.toString();
}

} // namespace

bool EmailRequest::isValidAddress(const QString &address) {
    static const QRegularExpression addrSpec(
        QStringLiteral(R"(^[^\s@<>(),;:"\[\]]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)"
                       R"((?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$)"));
    return address.size() <= 254 && addrSpec.match(address).hasMatch();
}

QString EmailRequest::sizeProblem(const EmailDraft &draft) {
    const qint64 size = draft.mailSendBytes();
    if (size <= SendGridClient::MaxMailSendBytes)
        return {};
    const QLocale c = QLocale::c();
    return tr("The email is %1 bytes as SendGrid would receive it (attachments in base64); "
              "SendGrid takes at most %2 bytes (30 MB). Nothing was sent.")
        .arg(c.toString(size), c.toString(SendGridClient::MaxMailSendBytes));
}

EmailDraft EmailRequest::parse(const QJsonObject &json, FieldErrors &errors) {
    EmailDraft d;
    d.to = addressList(json, "to", true, errors);
    d.cc = addressList(json, "cc", false, errors);
    d.bcc = addressList(json, "bcc", false, errors);

    const QString from = optionalString(json, "from", errors).trimmed();
    if (!errors.has(QStringLiteral("from"))) {
        if (from.isEmpty())
            errors.add(QStringLiteral("from"),
                       tr("Required: the sender's address (a verified sender identity in "
                          "SendGrid)."));
        else if (!isValidAddress(from))
            errors.add(QStringLiteral("from"), tr("Not a valid email address: %1.").arg(from));
        else
            d.from = {from, {}};
    }
    const QString replyTo = optionalString(json, "replyTo", errors).trimmed();
    if (!replyTo.isEmpty() && !isValidAddress(replyTo))
        errors.add(QStringLiteral("replyTo"), tr("Not a valid email address: %1.").arg(replyTo));
    else
        d.replyTo = {replyTo, {}};

    d.subject = optionalString(json, "subject", errors);
    d.text = optionalString(json, "text", errors);
    d.html = optionalString(json, "html", errors);
    d.templateId = optionalString(json, "templateId", errors).trimmed();
    if (!d.templateId.isEmpty() && !d.templateId.startsWith(QLatin1String("d-")))
        errors.add(QStringLiteral("templateId"),
                   tr("Must be a dynamic template's id, which starts with \"d-\"."));
    const QJsonValue data = json.value(QLatin1String("dynamicTemplateData"));
    if (data.isObject())
        d.dynamicTemplateData = data.toObject();
    else if (!data.isUndefined() && !data.isNull())
        errors.add(QStringLiteral("dynamicTemplateData"),
                   tr("Must be a JSON object of the template's variables."));
    if (d.templateId.isEmpty() && data.isObject() && !json.contains(QLatin1String("templateId")))
        errors.add(QStringLiteral("dynamicTemplateData"), tr("Only goes with a templateId."));
    if (d.templateId.isEmpty()) {
        // Without a template SendGrid needs a subject and some content.
        if (d.subject.trimmed().isEmpty() && !errors.has(QStringLiteral("subject")))
            errors.add(QStringLiteral("subject"), tr("Required (unless a templateId is given)."));
        if (d.text.isEmpty() && d.html.isEmpty() && !errors.has(QStringLiteral("text")) &&
            !errors.has(QStringLiteral("html")))
            errors.add(QStringLiteral("text"),
                       tr("Give the email's text, its html, or both (or a templateId)."));
    }

    const QJsonValue attachments = json.value(QLatin1String("attachments"));
    if (attachments.isArray()) {
        const QJsonArray list = attachments.toArray();
        for (int i = 0; i < list.size(); ++i) {
            const QString at = QStringLiteral("attachments[%1]").arg(i);
            const QJsonObject a = list.at(i).toObject();
            if (!list.at(i).isObject()) {
                errors.add(at, tr("Must be an object with filename, type and content."));
                continue;
            }
            EmailAttachment attachment;
            const QJsonValue filename = a.value(QLatin1String("filename"));
            if (!filename.isString() || filename.toString().trimmed().isEmpty())
                errors.add(at + QStringLiteral(".filename"), tr("Required: the file's name."));
            else
                attachment.filename = filename.toString();
            const QJsonValue type = a.value(QLatin1String("type"));
            if (!type.isUndefined() && !type.isNull() && !type.isString())
                errors.add(at + QStringLiteral(".type"), tr("Must be a MIME type, e.g. "
                                                            "application/pdf."));
            else
                attachment.type = type.toString();
            const QJsonValue content = a.value(QLatin1String("content"));
            const auto decoded = QByteArray::fromBase64Encoding(
                content.toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
            if (!content.isString() || content.toString().isEmpty())
                errors.add(at + QStringLiteral(".content"),
                           tr("Required: the file's bytes in base64."));
            else if (!decoded)
                errors.add(at + QStringLiteral(".content"), tr("Not valid base64."));
            else
                attachment.content = *decoded;
            d.attachments.append(attachment);
        }
    } else if (!attachments.isUndefined() && !attachments.isNull()) {
        errors.add(QStringLiteral("attachments"),
                   tr("Must be a list of {filename, type, content (base64)}."));
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
