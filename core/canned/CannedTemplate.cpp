#include "CannedTemplate.h"

#include <functional>
#include <optional>

namespace sb {

namespace {

// Calls `onText` for each run of literal text and `onField` for each placeholder's name, in
// order. A `{{` that does not open a well-formed placeholder is literal text.
void scan(const QString &body, const std::function<void(QStringView)> &onText,
          const std::function<void(const QString &name, QStringView raw)> &onField) {
    qsizetype from = 0;
    qsizetype textStart = 0;
    const QStringView view(body);
    while (true) {
        const qsizetype open = body.indexOf(QLatin1String("{{"), from);
        if (open < 0)
            break;
        const qsizetype close = body.indexOf(QLatin1String("}}"), open + 2);
        if (close < 0)
            break; // unterminated: the rest is text
        const QStringView inside = view.mid(open + 2, close - open - 2);
        const QString name = inside.trimmed().toString();
        const bool wellFormed = !name.isEmpty() && !inside.contains(QLatin1Char('{')) &&
                                !inside.contains(QLatin1Char('}')) &&
                                !inside.contains(QLatin1Char('\n'));
        if (!wellFormed) {
            from = open + 1; // a later `{{` may still open one (`{{{{name}}`)
            continue;
        }
        onText(view.mid(textStart, open - textStart));
        onField(name, view.mid(open, close + 2 - open));
        from = textStart = close + 2;
    }
    onText(view.mid(textStart));
}

std::optional<QString> knownValue(const QString &name, const CannedContext &context) {
    QString value;
    if (name == CannedTemplate::ContactName)
        value = context.contactName.trimmed().isEmpty() ? context.contactNumber.trimmed()
                                                        : context.contactName.trimmed();
    else if (name == CannedTemplate::ContactNumber)
        value = context.contactNumber.trimmed();
    else if (name == CannedTemplate::AgentName)
        value = context.agentName.trimmed();
    else
        return std::nullopt;
    if (value.isEmpty())
        return std::nullopt; // known but unknown here: the agent fills it in
    return value;
}

} // namespace

QStringList CannedTemplate::freeFields(const QString &body, const CannedContext &context) {
    QStringList fields;
    scan(
        body, [](QStringView) {},
        [&](const QString &name, QStringView) {
            if (!knownValue(name, context) && !fields.contains(name))
                fields.append(name);
        });
    return fields;
}

QString CannedTemplate::fill(const QString &body, const CannedContext &context,
                             const QHash<QString, QString> &fields) {
    QString out;
    out.reserve(body.size());
    scan(
        body, [&](QStringView text) { out += text; },
        [&](const QString &name, QStringView raw) {
            if (const std::optional<QString> value = knownValue(name, context))
                out += *value;
            else if (fields.contains(name))
                out += fields.value(name);
            else
                out += raw;
        });
    return out;
}

} // namespace sb
