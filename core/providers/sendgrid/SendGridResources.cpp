#include "SendGridResources.h"

#include <QJsonArray>

namespace sb {

SendGridTemplateVersion SendGridTemplateVersion::fromJson(const QJsonObject &json) {
    SendGridTemplateVersion v;
    v.id = json.value(QLatin1String("id")).toString();
    v.templateId = json.value(QLatin1String("template_id")).toString();
    v.name = json.value(QLatin1String("name")).toString();
    v.subject = json.value(QLatin1String("subject")).toString();
    v.htmlContent = json.value(QLatin1String("html_content")).toString();
    v.plainContent = json.value(QLatin1String("plain_content")).toString();
    v.active = json.value(QLatin1String("active")).toInt() == 1;
    v.updatedAt = json.value(QLatin1String("updated_at")).toString();
    return v;
}

SendGridTemplate SendGridTemplate::fromJson(const QJsonObject &json) {
    SendGridTemplate t;
    t.id = json.value(QLatin1String("id")).toString();
    t.name = json.value(QLatin1String("name")).toString();
    t.generation = json.value(QLatin1String("generation")).toString();
    t.updatedAt = json.value(QLatin1String("updated_at")).toString();
    for (const QJsonValue v : json.value(QLatin1String("versions")).toArray()) {
        t.versions.append(SendGridTemplateVersion::fromJson(v.toObject()));
        if (t.versions.last().active)
            t.activeVersion = t.versions.last();
    }
    return t;
}

} // namespace sb
