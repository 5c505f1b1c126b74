#include "JsonRequest.h"

#include "FieldErrors.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonParseError>

namespace sb {

std::optional<QJsonObject> JsonRequest::object(const QByteArray &body, FieldErrors &errors) {
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error == QJsonParseError::NoError && doc.isObject())
        return doc.object();
    const QString why =
        parseError.error != QJsonParseError::NoError
            ? parseError.errorString()
            : QCoreApplication::translate("sb::JsonRequest", "got another JSON value");
    errors.add(
        QStringLiteral("body"),
        QCoreApplication::translate("sb::JsonRequest", "The request body must be a JSON object: %1")
            .arg(why));
    return std::nullopt;
}

void JsonRequest::expectStrings(const QJsonObject &json, std::initializer_list<const char *> fields,
                                FieldErrors &errors) {
    for (const char *field : fields) {
        const QJsonValue v = json.value(QLatin1String(field));
        if (!v.isUndefined() && !v.isNull() && !v.isString())
            errors.add(QString::fromLatin1(field),
                       QCoreApplication::translate("sb::JsonRequest", "Must be a string."));
    }
}

} // namespace sb
