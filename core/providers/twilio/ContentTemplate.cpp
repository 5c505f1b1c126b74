#include "ContentTemplate.h"

#include <QJsonArray>
#include <QJsonObject>

namespace sb {

namespace {

QString str(const QJsonObject &o, const char *key) {
    return o.value(QLatin1String(key)).toString();
}

// Every string in a JSON value, depth first, in the object's key order.
void collectStrings(const QJsonValue &value, QStringList *out) {
    if (value.isString()) {
        if (!value.toString().isEmpty())
            out->append(value.toString());
    } else if (value.isArray()) {
        for (const QJsonValue v : value.toArray())
            collectStrings(v, out);
    } else if (value.isObject()) {
        const QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            collectStrings(it.value(), out);
    }
}

QString chooseType(const QJsonObject &types, const QString &approvedType) {
    if (!approvedType.isEmpty() && types.contains(approvedType))
        return approvedType;
    for (const QString &type : ContentTemplate::whatsappTypeOrder())
        if (types.contains(type))
            return type;
    return types.isEmpty() ? QString() : types.begin().key();
}

void readType(const QString &type, const QJsonObject &t, ContentTemplate *out) {
    out->body = str(t, "body");
    if (type == QLatin1String("twilio/card")) {
        out->body = str(t, "title");
        out->footer = str(t, "subtitle");
    } else if (type == QLatin1String("whatsapp/card")) {
        out->header = str(t, "header_text");
        out->footer = str(t, "footer");
    } else if (type == QLatin1String("twilio/catalog")) {
        out->header = str(t, "title");
        out->footer = str(t, "subtitle");
    } else if (type == QLatin1String("twilio/location")) {
        out->body = str(t, "label");
        out->footer = str(t, "address");
    }
    for (const QJsonValue m : t.value(QLatin1String("media")).toArray())
        out->media.append(m.toString());
    for (const QJsonValue a : t.value(QLatin1String("actions")).toArray())
        if (const QString title = str(a.toObject(), "title"); !title.isEmpty())
            out->buttons.append(title);
    for (const QJsonValue i : t.value(QLatin1String("items")).toArray())
        if (const QString item = str(i.toObject(), "item"); !item.isEmpty())
            out->buttons.append(item);

    for (const QString &first : {out->header, out->body, out->footer})
        if (!first.isEmpty())
            out->texts.append(first);
    QStringList rest;
    collectStrings(t, &rest);
    for (const QString &s : std::as_const(rest))
        if (!out->texts.contains(s))
            out->texts.append(s);
}

} // namespace

const QStringList &ContentTemplate::whatsappTypeOrder() {
    static const QStringList order{
        QStringLiteral("whatsapp/card"),      QStringLiteral("twilio/card"),
        QStringLiteral("twilio/carousel"),    QStringLiteral("twilio/call-to-action"),
        QStringLiteral("twilio/quick-reply"), QStringLiteral("twilio/list-picker"),
        QStringLiteral("twilio/catalog"),     QStringLiteral("whatsapp/authentication"),
        QStringLiteral("twilio/media"),       QStringLiteral("twilio/text"),
        QStringLiteral("twilio/location"),
    };
    return order;
}

ContentTemplate ContentTemplate::fromJson(const QJsonObject &json) {
    ContentTemplate t;
    t.sid = str(json, "sid");
    t.friendlyName = str(json, "friendly_name");
    t.language = str(json, "language");
    t.dateCreated = QDateTime::fromString(str(json, "date_created"), Qt::ISODate);
    t.dateUpdated = QDateTime::fromString(str(json, "date_updated"), Qt::ISODate);

    const QJsonObject vars = json.value(QLatin1String("variables")).toObject();
    for (auto it = vars.begin(); it != vars.end(); ++it)
        t.variables.insert(it.key(), it.value().isString() ? it.value().toString()
                                                           : it.value().toVariant().toString());

    // Only ContentAndApprovals has the key: there, a null approval is "never submitted".
    const QJsonValue approval = json.value(QLatin1String("approval_requests"));
    if (approval.isObject()) {
        t.approval = ContentApproval::fromJson(approval.toObject());
    } else if (approval.isNull()) {
        t.approval.status = ContentApproval::Status::NotSubmitted;
    }

    const QJsonObject types = json.value(QLatin1String("types")).toObject();
    t.types = types.keys();
    t.contentType = chooseType(types, t.approval.contentType);
    if (!t.contentType.isEmpty())
        readType(t.contentType, types.value(t.contentType).toObject(), &t);
    return t;
}

} // namespace sb
