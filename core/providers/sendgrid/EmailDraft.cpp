#include "EmailDraft.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace sb {

namespace {

QJsonObject addressJson(const EmailAddress &address) {
    QJsonObject json{{QStringLiteral("email"), address.email}};
    if (!address.name.isEmpty())
        json.insert(QStringLiteral("name"), address.name);
    return json;
}

QJsonArray addressesJson(const QList<EmailAddress> &addresses) {
    QJsonArray array;
    for (const EmailAddress &a : addresses)
        array.append(addressJson(a));
    return array;
}

} // namespace

bool EmailAddress::isValid(const QString &address) {
    static const QRegularExpression addrSpec(
        QStringLiteral(R"(^[^\s@<>(),;:"\[\]]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)"
                       R"((?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$)"));
    return address.size() <= 254 && addrSpec.match(address).hasMatch();
}

QJsonObject EmailDraft::toMailSendJson() const {
    QJsonObject personalization{{QStringLiteral("to"), addressesJson(to)}};
    if (!cc.isEmpty())
        personalization.insert(QStringLiteral("cc"), addressesJson(cc));
    if (!bcc.isEmpty())
        personalization.insert(QStringLiteral("bcc"), addressesJson(bcc));
    // Dynamic template data lives in each personalization, not at the top level.
    if (!dynamicTemplateData.isEmpty())
        personalization.insert(QStringLiteral("dynamic_template_data"), dynamicTemplateData);
    // In the personalization rather than at the top level: SendGrid merges both into events,
    // and its OpenAPI description types only this one as an object.
    if (!emailId.isEmpty())
        personalization.insert(QStringLiteral("custom_args"),
                               QJsonObject{{QLatin1String(EmailIdArg), emailId}});

    QJsonObject mail{{QStringLiteral("personalizations"), QJsonArray{personalization}},
                     {QStringLiteral("from"), addressJson(from)}};
    if (!replyTo.isEmpty())
        mail.insert(QStringLiteral("reply_to"), addressJson(replyTo));
    if (!subject.isEmpty())
        mail.insert(QStringLiteral("subject"), subject);
    // SendGrid wants text/plain before text/html.
    QJsonArray content;
    if (!text.isEmpty())
        content.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("text/plain")},
                                   {QStringLiteral("value"), text}});
    if (!html.isEmpty())
        content.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("text/html")},
                                   {QStringLiteral("value"), html}});
    if (!content.isEmpty())
        mail.insert(QStringLiteral("content"), content);
    if (!attachments.isEmpty()) {
        QJsonArray list;
        for (const EmailAttachment &a : attachments) {
            QJsonObject json{{QStringLiteral("content"), QString::fromLatin1(a.content.toBase64())},
                             {QStringLiteral("filename"), a.filename}};
            if (!a.type.isEmpty())
                json.insert(QStringLiteral("type"), a.type);
            json.insert(QStringLiteral("disposition"),
                        a.disposition.isEmpty() ? QStringLiteral("attachment") : a.disposition);
            if (!a.contentId.isEmpty())
                json.insert(QStringLiteral("content_id"), a.contentId);
            list.append(json);
        }
        mail.insert(QStringLiteral("attachments"), list);
    }
    if (!templateId.isEmpty())
        mail.insert(QStringLiteral("template_id"), templateId);
    if (!categories.isEmpty())
        mail.insert(QStringLiteral("categories"), QJsonArray::fromStringList(categories));
    return mail;
}

qint64 EmailDraft::mailSendBytes() const {
    return QJsonDocument(toMailSendJson()).toJson(QJsonDocument::Compact).size();
}

} // namespace sb
