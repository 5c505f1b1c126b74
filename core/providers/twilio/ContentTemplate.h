#pragma once

#include "ContentApproval.h"

#include <QDateTime>
#include <QMap>
#include <QString>
#include <QStringList>

class QJsonObject;

namespace sb {

// One Twilio Content template (HX...) as an agent sees it on WhatsApp. A template may define
// several content types (e.g. twilio/quick-reply with a twilio/text fallback); the fields below
// come from the one WhatsApp shows: the type that was submitted for WhatsApp approval when the
// approval says so, otherwise the richest WhatsApp type the template has (see
// whatsappTypeOrder()).
struct ContentTemplate {
    QString sid;          // HX + 32 hex
    QString friendlyName; // the account's name for it, never shown to the recipient
    QString language;     // e.g. "en"
    QStringList types;    // every content type the template defines, e.g. twilio/text
    QString contentType;  // the type the fields below were taken from

    QString header;      // a card's header text (whatsapp/card header_text, catalog title)
    QString body;        // what the recipient reads: the body, or a twilio/card's title
    QString footer;      // twilio/card subtitle, whatsapp/card footer, catalog subtitle
    QStringList media;   // media URLs, which may hold placeholders
    QStringList buttons; // the titles of its buttons / list items, as shown
    // Every string of the chosen type, header, body and footer first: where placeholders are
    // looked for (a media URL or a button's URL may hold one too).
    QStringList texts;

    // The template's declared `variables`: a default value per placeholder key ("1" ->
    // "Customer_Name"); Twilio falls back to these when a send leaves one out.
    QMap<QString, QString> variables;

    ContentApproval approval; // status Unknown when listed without approvals (GET /v1/Content)
    QDateTime dateCreated;
    QDateTime dateUpdated;

    bool canSendOutsideWindow() const { return approval.canSend(); }

    // Reads one element of `contents` from GET /v1/Content or GET /v1/ContentAndApprovals.
    static ContentTemplate fromJson(const QJsonObject &json);
    // The content types WhatsApp can show, richest first: the order in which the shown type is
    // chosen when the approval does not name one.
    static const QStringList &whatsappTypeOrder();
};

} // namespace sb
