#include "FieldErrors.h"

#include <QJsonArray>

namespace sb {

void FieldErrors::add(const QString &field, const QString &reason) {
    m_errors.append({field, reason});
}

bool FieldErrors::has(const QString &field) const {
    return std::any_of(m_errors.cbegin(), m_errors.cend(),
                       [&](const auto &e) { return e.first == field; });
}

HttpResponse FieldErrors::response() const {
    QJsonArray list;
    QStringList sentences;
    for (const auto &[field, reason] : m_errors) {
        list.append(
            QJsonObject{{QStringLiteral("field"), field}, {QStringLiteral("message"), reason}});
        sentences.append(QStringLiteral("%1: %2").arg(field, reason));
    }
    const QString first = m_errors.isEmpty() ? QString() : m_errors.first().first;
    return HttpResponse::error(400, sentences.join(QLatin1Char(' ')),
                               {{QStringLiteral("field"), first},
                                {QStringLiteral("reason"), m_errors.value(0).second},
                                {QStringLiteral("errors"), list}});
}

} // namespace sb
