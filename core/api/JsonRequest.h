#pragma once

#include <QByteArray>
#include <QJsonObject>

#include <initializer_list>
#include <optional>

namespace sb {

class FieldErrors;

// What every local-API route that takes JSON checks first, worded the same way everywhere.
class JsonRequest {
public:
    // The body as one JSON object; otherwise nothing, and the reason is added under "body".
    static std::optional<QJsonObject> object(const QByteArray &body, FieldErrors &errors);
    // "Must be a string." for each of `fields` present with another JSON type (null and absent
    // are left to the route, which knows whether the field is optional).
    static void expectStrings(const QJsonObject &json, std::initializer_list<const char *> fields,
                              FieldErrors &errors);
};

} // namespace sb
