#pragma once

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <optional>

namespace sb {

// One TwiML element as a value: its name, attributes in the order they were set, text and
// children. Twiml's factories make the ones Switchboard speaks; TwimlBuilder checks the
// nesting and writes the document.
class TwimlElement {
public:
    using Attributes = QList<QPair<QString, QString>>;

    TwimlElement() = default;
    explicit TwimlElement(QString name, QString text = {});

    // Each leaves the attribute out when the value is empty or unset (Twilio's default).
    TwimlElement &set(const QString &name, const QString &value);
    TwimlElement &set(const QString &name, const std::optional<QString> &value);
    TwimlElement &set(const QString &name, std::optional<int> value);
    TwimlElement &set(const QString &name, std::optional<bool> value);
    TwimlElement &set(const QString &name, const QStringList &values);
    TwimlElement &append(TwimlElement child);

    QString name() const { return m_name; }
    QString text() const { return m_text; }
    const Attributes &attributes() const { return m_attributes; }
    QString attribute(const QString &name) const;
    const QList<TwimlElement> &children() const { return m_children; }

private:
    QString m_name;
    QString m_text;
    Attributes m_attributes;
    QList<TwimlElement> m_children;
};

} // namespace sb
