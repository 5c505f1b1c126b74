#pragma once

#include "inspector/WebhookLog.h"
#include <QCoreApplication>

#include <QJsonObject>
#include <QString>

namespace sb {

// What the inspector's detail pane shows, as rich text: the request line and verdict, the
// plain-words explanation of a failed signature (the URL checked, each variant tried and
// which one would have matched, what to change), the headers, the raw body (with its form
// fields), and the answer sent. No colours of its own: the pane's palette paints it.
class WebhookDetailText {
    Q_DECLARE_TR_FUNCTIONS(WebhookDetailText)
public:
    static QString html(const WebhookRecord &record);
    // The form fields that differ between two webhooks (WebhookApi::diff's answer).
    static QString diffHtml(const WebhookRecord &from, const WebhookRecord &to,
                            const QJsonObject &diff);
};

} // namespace sb
