#include "AgentField.h"

#include "FieldErrors.h"
#include "config/Config.h"

namespace sb {

QString AgentField::read(const QJsonObject &json, FieldErrors &errors) {
    const QJsonValue value = json.value(QLatin1String("agent"));
    if (value.isUndefined() || value.isNull())
        return {};
    const QString name = value.toString().trimmed();
    if (!value.isString() || !Config::isAgentName(name))
        errors.add(QStringLiteral("agent"),
                   tr("'agent' is a name of at most %1 characters, on one line.")
                       .arg(Config::MaxAgentName));
    return name;
}

} // namespace sb
