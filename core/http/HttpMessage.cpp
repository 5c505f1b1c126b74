#include "HttpMessage.h"

#include <QJsonDocument>

namespace sb {

QByteArray HttpRequest::header(const QByteArray &name) const {
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

const FormFields *HttpRequest::form() const {
    if (!m_form) {
        FormFields fields;
        m_form = FormEncoding::decode(body, &fields) ? std::optional(fields) : std::nullopt;
    }
    return *m_form ? &**m_form : nullptr;
}

HttpResponse HttpResponse::json(int status, const QJsonObject &object) {
    return {status,
            QByteArrayLiteral("application/json"),
            QJsonDocument(object).toJson(QJsonDocument::Compact),
            {}};
}

HttpResponse HttpResponse::xml(int status, const QByteArray &document) {
    return {status, QByteArrayLiteral("text/xml"), document, {}};
}

HttpResponse HttpResponse::empty(int status) {
    return {status, {}, {}, {}};
}

HttpResponse HttpResponse::error(int status, const QString &message, const QJsonObject &extra) {
    QJsonObject error = extra;
    error.insert(QStringLiteral("status"), status);
    error.insert(QStringLiteral("message"), message);
    return json(status, {{QStringLiteral("error"), error}});
}

} // namespace sb
