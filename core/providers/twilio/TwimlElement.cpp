#include "TwimlElement.h"

namespace sb {

TwimlElement::TwimlElement(QString name, QString text)
    : m_name(std::move(name))
    , m_text(std::move(text)) {}

TwimlElement &TwimlElement::set(const QString &name, const QString &value) {
    if (!value.isEmpty())
        m_attributes.append({name, value});
    return *this;
}

TwimlElement &TwimlElement::set(const QString &name, const std::optional<QString> &value) {
    // Set but empty is meaningful here (finishOnKey="" turns the key off).
    if (value)
        m_attributes.append({name, *value});
    return *this;
}

TwimlElement &TwimlElement::set(const QString &name, std::optional<int> value) {
    if (value)
        m_attributes.append({name, QString::number(*value)});
    return *this;
}

TwimlElement &TwimlElement::set(const QString &name, std::optional<bool> value) {
    if (value)
        m_attributes.append({name, *value ? QStringLiteral("true") : QStringLiteral("false")});
    return *this;
}

TwimlElement &TwimlElement::set(const QString &name, const QStringList &values) {
    return set(name, values.join(QLatin1Char(' ')));
}

TwimlElement &TwimlElement::append(TwimlElement child) {
    m_children.append(std::move(child));
    return *this;
}

QString TwimlElement::attribute(const QString &name) const {
    for (const auto &[key, value] : m_attributes)
        if (key == name)
            return value;
    return {};
}

} // namespace sb
