#include "TemplateVariables.h"

#include "ContentTemplate.h"

#include <QJsonDocument>
#include <QRegularExpression>

#include <algorithm>

namespace sb {

namespace {

// `{{key}}` with no brace directly before or after it: `{{{1}}}` is not a placeholder.
const QRegularExpression &placeholderPattern() {
    static const QRegularExpression pattern(
        QStringLiteral("(?<!\\{)\\{\\{([A-Za-z0-9_]+)\\}\\}(?!\\})"));
    return pattern;
}

QStringView withoutLeadingZeros(const QString &digits) {
    qsizetype i = 0;
    while (i < digits.size() && digits.at(i) == u'0')
        ++i;
    return QStringView(digits).mid(i);
}

bool usable(const QString &value) {
    return !value.trimmed().isEmpty();
}

} // namespace

TemplateVariables::TemplateVariables(const ContentTemplate &contentTemplate)
    : TemplateVariables(contentTemplate.texts, contentTemplate.variables) {}

TemplateVariables::TemplateVariables(const QStringList &texts, const Values &defaults)
    : m_defaults(defaults) {
    QStringList named;
    QStringList numbered;
    auto add = [&](const QString &key) {
        QStringList &list = isNumbered(key) ? numbered : named;
        if (!list.contains(key))
            list.append(key);
    };
    for (const QString &text : texts)
        for (const QString &key : placeholdersIn(text))
            add(key);
    for (auto it = defaults.begin(); it != defaults.end(); ++it)
        add(it.key());
    // Numeric order, not text order: "10" comes after "9" (compared as digit strings, so any
    // length works). Leading zeros break ties: "1" before "01".
    std::stable_sort(numbered.begin(), numbered.end(), [](const QString &a, const QString &b) {
        const QStringView ta = withoutLeadingZeros(a);
        const QStringView tb = withoutLeadingZeros(b);
        if (ta.size() != tb.size())
            return ta.size() < tb.size();
        return ta != tb ? ta < tb : a.size() < b.size();
    });
    m_keys = numbered + named;
}

QStringList TemplateVariables::placeholdersIn(const QString &text) {
    QStringList keys;
    QRegularExpressionMatchIterator it = placeholderPattern().globalMatch(text);
    while (it.hasNext()) {
        const QString key = it.next().captured(1);
        if (!keys.contains(key))
            keys.append(key);
    }
    return keys;
}

bool TemplateVariables::isNumbered(const QString &key) {
    return !key.isEmpty() &&
           std::all_of(key.begin(), key.end(), [](QChar c) { return c >= u'0' && c <= u'9'; });
}

TemplateVariables::Values TemplateVariables::prefilled() const {
    Values values;
    for (const QString &key : m_keys)
        values.insert(key, m_defaults.value(key));
    return values;
}

QStringList TemplateVariables::missing(const Values &values) const {
    QStringList empty;
    for (const QString &key : m_keys)
        if (!usable(values.value(key)))
            empty.append(key);
    return empty;
}

QString TemplateVariables::render(const QString &text, const Values &values) {
    QString out;
    out.reserve(text.size());
    qsizetype from = 0;
    QRegularExpressionMatchIterator it = placeholderPattern().globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        out += QStringView(text).mid(from, m.capturedStart() - from);
        const QString value = values.value(m.captured(1));
        out += usable(value) ? value : m.captured(0);
        from = m.capturedEnd();
    }
    out += QStringView(text).mid(from);
    return out;
}

QJsonObject TemplateVariables::contentVariables(const Values &values) const {
    QJsonObject object;
    for (const QString &key : m_keys)
        if (const QString value = values.value(key); usable(value))
            object.insert(key, value);
    return object;
}

QString TemplateVariables::contentVariablesJson(const Values &values) const {
    return QString::fromUtf8(
        QJsonDocument(contentVariables(values)).toJson(QJsonDocument::Compact));
}

} // namespace sb
