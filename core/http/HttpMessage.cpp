#include "HttpMessage.h"

#include <QHash>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QMetaEnum>

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

QByteArray HttpResponse::serialize() const {
    QByteArray out;
    out.reserve(128 + body.size());
    out.append("HTTP/1.1 ").append(QByteArray::number(status)).append(' ');
    out.append(reasonPhrase(status)).append("\r\n");
    if (!contentType.isEmpty())
        out.append("Content-Type: ").append(contentType).append("\r\n");
    for (const auto &[name, value] : headers)
        out.append(name).append(": ").append(value).append("\r\n");
    out.append("Content-Length: ").append(QByteArray::number(body.size()));
    out.append("\r\n\r\n").append(body);
    return out;
}

// "PayloadTooLarge" -> "Payload Too Large", computed once for every status Qt knows. The
// table is never destroyed: a server thread may still answer while exit() runs the static
// destructors (ASan caught that in fuzz_local_api as a use after free).
QByteArray HttpResponse::reasonPhrase(int status) {
    static const QHash<int, QByteArray> &phrases = *new QHash<int, QByteArray>([] {
        QHash<int, QByteArray> table;
        const QMetaEnum meta = QMetaEnum::fromType<QHttpServerResponder::StatusCode>();
        for (int i = 0; i < meta.keyCount(); ++i) {
            QByteArray phrase;
            for (const char *p = meta.key(i); *p; ++p) {
                if (!phrase.isEmpty() && *p >= 'A' && *p <= 'Z')
                    phrase.append(' ');
                phrase.append(*p);
            }
            table.insert(meta.value(i), phrase);
        }
        return table;
    }());
    return phrases.value(status, QByteArrayLiteral("Status"));
}

} // namespace sb
