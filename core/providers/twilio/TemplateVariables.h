#pragma once

#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>

namespace sb {

struct ContentTemplate;

// The placeholders of a Content template that an agent fills in before sending it.
//
// A placeholder is `{{key}}` where key is digits (`{{1}}`, `{{2}}`...) or a name of letters,
// digits and underscores (`{{first_name}}`), with no spaces and no third brace on either side:
// `{{ 1 }}`, `{{}}`, `{1}` and `{{{1}}}` are plain text. Keys may repeat and come in any order.
// Substitution is one pass over the template's own text, so a value that itself contains
// `{{1}}` is inserted as typed, never substituted again.
class TemplateVariables {
public:
    using Values = QMap<QString, QString>; // key -> value

    TemplateVariables() = default;
    // The template's texts (body, footer, media and button URLs...) and its declared defaults.
    explicit TemplateVariables(const ContentTemplate &contentTemplate);
    TemplateVariables(const QStringList &texts, const Values &defaults = {});

    // Each key of `text`, once, in order of first appearance.
    static QStringList placeholdersIn(const QString &text);
    static bool isNumbered(const QString &key);

    // What the agent fills: numbered keys in numeric order, then named ones in order of first
    // appearance. Declared defaults that appear in no text are included too (Twilio still
    // substitutes them, e.g. an authentication template's code).
    QStringList keys() const { return m_keys; }
    bool isEmpty() const { return m_keys.isEmpty(); }
    QString defaultValue(const QString &key) const { return m_defaults.value(key); }
    // The form's starting values: every key with its declared default ("" when none).
    Values prefilled() const;
    // Keys without a usable value, in keys() order. Whitespace alone counts as empty: Twilio
    // refuses empty variables (21656) and WhatsApp blank ones (63013).
    QStringList missing(const Values &values) const;
    bool isComplete(const Values &values) const { return missing(values).isEmpty(); }

    // The text with each placeholder replaced by its value; a placeholder without a usable
    // value stays as written, so a live preview shows what is still to fill.
    static QString render(const QString &text, const Values &values);

    // The `ContentVariables` Twilio expects with a ContentSid: a JSON object of key -> value
    // for every key that has a usable value, e.g. {"1":"Anna","2":"#4242"}.
    QJsonObject contentVariables(const Values &values) const;
    QString contentVariablesJson(const Values &values) const;

private:
    QStringList m_keys;
    Values m_defaults;
};

} // namespace sb
