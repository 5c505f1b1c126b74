#include "AgentField.h"

#include "FieldErrors.h"
#include "config/Config.h"

#include <algorithm>

namespace sb {

QString AgentField::read(const QJsonObject &json, FieldErrors &errors) {
    const QJsonValue value = json.value(QLatin1String("agent"));
    if (value.isUndefined() || value.isNull())
        return {};
    const QString name = value.toString().trimmed();
    const bool oneLine = std::none_of(
        name.cbegin(), name.cend(), [](QChar ch) { return ch.category() == QChar::Other_Control; });
    if (!value.isString() || !oneLine || name.size() > Config::MaxAgentName)
        errors.add(QStringLiteral("agent"),
                   tr("'agent' is a name of at most %1 characters, on one line.")
                       .arg(Config::MaxAgentName));
    return name;
}

} // namespace sb
