#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

namespace sb {

// Who a canned response is filled in for: the values of its known placeholders.
struct CannedContext {
    QString contactName;
    QString contactNumber; // or the address the reply goes to
    QString agentName;
};

// Fills a canned response's placeholders: `{{contact.name}}`, `{{contact.number}}`,
// `{{agent.name}}`, and free fields (`{{order number}}`, any other name) the agent types in.
// Spaces inside the braces do not count (`{{ contact.name }}`). Text that is not a whole
// placeholder stays as typed: an unterminated `{{name`, an empty `{{}}`, braces inside a name.
// A missing contact name falls back to the number (what the agent would write otherwise);
// a known placeholder with no value at all (no name, no number; no agent name) becomes a free
// field, so the agent is asked for it rather than the customer reading an empty gap.
class CannedTemplate {
public:
    // The free fields `body` asks for in `context`, each once, in order of first appearance.
    static QStringList freeFields(const QString &body, const CannedContext &context);
    // `body` with every placeholder that has a value replaced; a free field missing from
    // `fields` stays as its `{{name}}`, to be edited in place.
    static QString fill(const QString &body, const CannedContext &context,
                        const QHash<QString, QString> &fields = {});

    static constexpr QLatin1StringView ContactName{"contact.name"};
    static constexpr QLatin1StringView ContactNumber{"contact.number"};
    static constexpr QLatin1StringView AgentName{"agent.name"};
};

} // namespace sb
