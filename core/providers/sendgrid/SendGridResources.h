#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace sb {

// What a successful POST /v3/mail/send says: only the id SendGrid gave the message.
struct SendGridSendReceipt {
    // X-Message-Id; events carry it as the prefix of sg_message_id. Empty when the answer
    // had none (events are still matched by our own id in custom_args).
    QString messageId;
};

struct SendGridTemplateVersion {
    QString id;
    QString templateId;
    QString name;
    QString subject;
    QString htmlContent;
    QString plainContent;
    bool active = false;
    QString updatedAt;

    static SendGridTemplateVersion fromJson(const QJsonObject &json);
};

struct SendGridTemplate {
    QString id; // dynamic templates: d- followed by 32 hex digits
    QString name;
    QString generation; // "dynamic" or "legacy"
    QString updatedAt;
    QList<SendGridTemplateVersion> versions;
    std::optional<SendGridTemplateVersion> activeVersion; // the one SendGrid sends

    static SendGridTemplate fromJson(const QJsonObject &json);
};

} // namespace sb
