#pragma once

#include <QCoreApplication>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace sb {

// One piece of a parsed Handlebars template.
struct HandlebarsNode {
    enum class Kind {
        Text,  // literal text
        Value, // {{path}}, {{{path}}}, or an inline helper call {{insert name "default=x"}}
        Block, // {{#helper params}}children{{else}}inverse{{/helper}}
    };
    Kind kind = Kind::Text;
    QString text;       // Text: the text itself
    QString helper;     // Value: the inline helper, empty for a plain path; Block: its helper
    QStringList params; // paths ("user.name", "this", "../x", "@index") or literals ("\"x\"", 3)
    QList<QPair<QString, QString>> hash; // key=value arguments, in order
    bool raw = false;                    // {{{...}}} or {{&...}}: not HTML-escaped
    int line = 1;                        // where the tag starts
    QList<HandlebarsNode> children;      // Block: what {{#if}} shows when true, {{#each}} per item
    QList<HandlebarsNode> inverse;       // Block: its {{else}} part
};

// The subset of Handlebars that SendGrid's dynamic templates use, parsed into a tree:
// {{path}} (dotted, this., ../, @root., @index and friends), {{{raw}}} and {{&raw}},
// comments ({{! }} and {{!-- --}}), whitespace control (~), the block helpers if, unless, each,
// with and SendGrid's equals, notEquals, greaterThan, lessThan, and, or (each with {{else}},
// and {{else if x}} chains), and inline helpers such as insert, formatDate and length.
// A malformed template (a block never closed, a close that does not match, a tag without its
// }}, a partial, blocks nested more than MaxDepth deep) gives no tree but an error naming the
// line, so a form and a preview can say what is wrong instead of guessing.
class HandlebarsTemplate {
    Q_DECLARE_TR_FUNCTIONS(HandlebarsTemplate)
public:
    // Blocks inside blocks, at most: the tree is walked recursively, and no real template
    // comes near this.
    static constexpr int MaxDepth = 64;

    static HandlebarsTemplate parse(const QString &source);

    bool isValid() const { return m_error.isEmpty(); }
    // What is wrong, with the line it is on; empty when valid.
    QString error() const { return m_error; }
    const QList<HandlebarsNode> &nodes() const { return m_nodes; }

    // Whether a parameter is a literal (a quoted string, a number, true, false, null,
    // undefined) rather than a path into the data.
    static bool isLiteral(const QString &param);
    // A literal's value without its quotes.
    static QString literalText(const QString &param);
    // The helpers this parser knows as blocks ({{#name}}).
    static bool isBlockHelper(const QString &name);

private:
    QList<HandlebarsNode> m_nodes;
    QString m_error;
};

} // namespace sb
