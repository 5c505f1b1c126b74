#include "HandlebarsTemplate.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace sb {

namespace {

// How many parameters each block helper takes: {min, max} (-1: any number).
QPair<int, int> blockArity(const QString &helper) {
    if (helper == QLatin1String("if") || helper == QLatin1String("unless") ||
        helper == QLatin1String("each") || helper == QLatin1String("with"))
        return {1, 1};
    if (helper == QLatin1String("equals") || helper == QLatin1String("notEquals") ||
        helper == QLatin1String("greaterThan") || helper == QLatin1String("lessThan"))
        return {2, 2};
    return {1, -1}; // and, or
}

bool isInlineHelper(const QString &name) {
    return name == QLatin1String("insert") || name == QLatin1String("formatDate") ||
           name == QLatin1String("length");
}

// A path as Handlebars reads it: names, dots or slashes, ../ and ./, @data variables.
bool isPath(const QString &token) {
    static const QRegularExpression path(QStringLiteral(
        R"(^(@?[A-Za-z_$][\w$-]*|\.\.|\.|this)([./](\.\.|[A-Za-z_$][\w$-]*|\d+))*$)"));
    return path.match(token).hasMatch();
}

struct Frame {
    HandlebarsNode node;
    bool inInverse = false;
    bool chained = false; // opened by {{else if x}}: closed by its chain's {{/if}}
};

class Parser {
public:
    explicit Parser(const QString &source)
        : m_source(source) {}

    QString run(QList<HandlebarsNode> *out) {
        qsizetype pos = 0;
        bool stripNext = false;
        while (pos <= m_source.size()) {
            qsizetype open = m_source.indexOf(QLatin1String("{{"), pos);
            QString text = m_source.mid(pos, open < 0 ? -1 : open - pos);
            if (open > 0 && m_source.at(open - 1) == QLatin1Char('\\')) {
                // \{{ is a literal {{ in Handlebars.
                text.chop(1);
                addText(text + QLatin1String("{{"), stripNext, false);
                stripNext = false;
                pos = open + 2;
                continue;
            }
            if (open < 0) {
                addText(text, stripNext, false);
                break;
            }
            const int line = lineAt(open);
            const bool triple = m_source.mid(open, 3) == QLatin1String("{{{");
            qsizetype start = open + (triple ? 3 : 2);
            const bool stripBefore =
                start < m_source.size() && m_source.at(start) == QLatin1Char('~');
            if (stripBefore)
                ++start;
            const bool longComment = m_source.mid(start, 3) == QLatin1String("!--");
            const QString closer = triple        ? QStringLiteral("}}}")
                                   : longComment ? QStringLiteral("--}}")
                                                 : QStringLiteral("}}");
            qsizetype close = m_source.indexOf(closer, start);
            if (close < 0)
                return HandlebarsTemplate::tr("The tag opened on line %1 is never closed with %2.")
                    .arg(line)
                    .arg(closer);
            QString inner = m_source.mid(start, close - start);
            if (longComment)
                inner += QLatin1String("--");
            pos = close + closer.size();
            bool stripAfter = false;
            if (inner.endsWith(QLatin1Char('~'))) {
                inner.chop(1);
                stripAfter = true;
            }
            addText(text, stripNext, stripBefore);
            stripNext = stripAfter;
            const QString error = tag(inner.trimmed(), triple, line);
            if (!error.isEmpty())
                return error;
        }
        if (!m_stack.isEmpty()) {
            qsizetype at = m_stack.size() - 1;
            while (at > 0 && m_stack.at(at).chained)
                --at;
            const HandlebarsNode &open = m_stack.at(at).node;
            return HandlebarsTemplate::tr("{{#%1}} opened on line %2 is never closed with {{/%1}}.")
                .arg(open.helper)
                .arg(open.line);
        }
        *out = m_root;
        return {};
    }

private:
    QList<HandlebarsNode> &target() {
        if (m_stack.isEmpty())
            return m_root;
        Frame &top = m_stack.last();
        return top.inInverse ? top.node.inverse : top.node.children;
    }

    void addText(QString text, bool stripLeading, bool stripTrailing) {
        if (stripLeading) {
            qsizetype i = 0;
            while (i < text.size() && text.at(i).isSpace())
                ++i;
            text.remove(0, i);
        }
        if (stripTrailing) {
            while (!text.isEmpty() && text.back().isSpace())
                text.chop(1);
        }
        if (text.isEmpty())
            return;
        QList<HandlebarsNode> &list = target();
        if (!list.isEmpty() && list.last().kind == HandlebarsNode::Kind::Text) {
            list.last().text += text;
            return;
        }
        HandlebarsNode node;
        node.text = text;
        list.append(node);
    }

    int lineAt(qsizetype index) {
        // Positions only move forward, so the count carries on from the last one.
        for (; m_counted < index && m_counted < m_source.size(); ++m_counted) {
            if (m_source.at(m_counted) == QLatin1Char('\n'))
                ++m_line;
        }
        return m_line;
    }

    // Splits a tag's inside into words, keeping quoted strings whole.
    static QString split(const QString &inner, int line, QStringList *tokens) {
        QString current;
        QChar quote;
        bool inToken = false;
        for (const QChar c : inner) {
            if (!quote.isNull()) {
                current += c;
                if (c == quote)
                    quote = QChar();
                continue;
            }
            if (c.isSpace()) {
                if (inToken)
                    tokens->append(current);
                current.clear();
                inToken = false;
                continue;
            }
            if (c == QLatin1Char('"') || c == QLatin1Char('\''))
                quote = c;
            if (c == QLatin1Char('(') || c == QLatin1Char(')'))
                return HandlebarsTemplate::tr(
                           "Line %1: sub-expressions in parentheses are not supported.")
                    .arg(line);
            current += c;
            inToken = true;
        }
        if (!quote.isNull())
            return HandlebarsTemplate::tr("Line %1: a quoted string is never closed.").arg(line);
        if (inToken)
            tokens->append(current);
        return {};
    }

    // Fills the node's helper, params and hash from a tag's words (the first one is the
    // helper when `withHelper`).
    static QString arguments(const QStringList &tokens, bool withHelper, int line,
                             HandlebarsNode *node) {
        for (qsizetype i = 0; i < tokens.size(); ++i) {
            const QString &t = tokens.at(i);
            if (i == 0 && withHelper) {
                node->helper = t;
                continue;
            }
            const qsizetype eq = t.indexOf(QLatin1Char('='));
            if (eq > 0 && !HandlebarsTemplate::isLiteral(t)) {
                const QString value = t.mid(eq + 1);
                if (!HandlebarsTemplate::isLiteral(value) && !isPath(value))
                    return HandlebarsTemplate::tr("Line %1: \"%2\" is neither a value nor a name.")
                        .arg(line)
                        .arg(t);
                node->hash.append({t.left(eq), value});
                continue;
            }
            if (!HandlebarsTemplate::isLiteral(t) && !isPath(t))
                return HandlebarsTemplate::tr("Line %1: \"%2\" is not a variable name.")
                    .arg(line)
                    .arg(t);
            node->params.append(t);
        }
        return {};
    }

    QString openBlock(const QStringList &tokens, int line, bool chained) {
        HandlebarsNode node;
        node.kind = HandlebarsNode::Kind::Block;
        node.line = line;
        const QString error = arguments(tokens, true, line, &node);
        if (!error.isEmpty())
            return error;
        if (!HandlebarsTemplate::isBlockHelper(node.helper))
            return HandlebarsTemplate::tr(
                       "Line %1: {{#%2}} is not a block helper SendGrid's templates have.")
                .arg(line)
                .arg(node.helper);
        const auto [min, max] = blockArity(node.helper);
        const int count = int(node.params.size());
        if (count < min || (max >= 0 && count > max))
            return HandlebarsTemplate::tr("Line %1: {{#%2}} takes %3.")
                .arg(line)
                .arg(node.helper)
                .arg(min == max ? (min == 1 ? HandlebarsTemplate::tr("one value")
                                            : HandlebarsTemplate::tr("two values"))
                                : HandlebarsTemplate::tr("one value or more"));
        if (m_stack.size() >= HandlebarsTemplate::MaxDepth)
            return HandlebarsTemplate::tr("Line %1: blocks nested more than %2 deep.")
                .arg(line)
                .arg(HandlebarsTemplate::MaxDepth);
        m_stack.append({node, false, chained});
        return {};
    }

    QString closeBlock(const QString &name, int line) {
        if (m_stack.isEmpty())
            return HandlebarsTemplate::tr("Line %1: {{/%2}} closes no open block.")
                .arg(line)
                .arg(name);
        // An {{else if}} chain ends with its first block's close.
        while (m_stack.last().chained) {
            const HandlebarsNode inner = m_stack.takeLast().node;
            m_stack.last().node.inverse.append(inner);
        }
        const HandlebarsNode &open = m_stack.last().node;
        if (open.helper != name)
            return HandlebarsTemplate::tr(
                       "Line %1: {{/%2}} does not close {{#%3}} opened on line %4.")
                .arg(line)
                .arg(name, open.helper)
                .arg(open.line);
        const HandlebarsNode done = m_stack.takeLast().node;
        target().append(done);
        return {};
    }

    QString elseTag(const QStringList &rest, int line) {
        if (m_stack.isEmpty())
            return HandlebarsTemplate::tr("Line %1: {{else}} is outside any block.").arg(line);
        Frame &top = m_stack.last();
        if (top.inInverse)
            return HandlebarsTemplate::tr(
                       "Line %1: a second {{else}} in {{#%2}} opened on line %3.")
                .arg(line)
                .arg(top.node.helper)
                .arg(top.node.line);
        top.inInverse = true;
        if (rest.isEmpty())
            return {};
        return openBlock(rest, line, true);
    }

    QString tag(const QString &inner, bool triple, int line) {
        if (inner.startsWith(QLatin1Char('!')))
            return {}; // a comment
        if (inner.isEmpty())
            return HandlebarsTemplate::tr("Line %1: an empty {{}}.").arg(line);
        const QChar sigil = inner.at(0);
        QStringList tokens;
        const bool sigilled = !triple && QStringLiteral("#/^&>*").contains(sigil);
        const QString error = split(sigilled ? inner.mid(1) : inner, line, &tokens);
        if (!error.isEmpty())
            return error;
        if (sigilled && sigil == QLatin1Char('>'))
            return HandlebarsTemplate::tr(
                       "Line %1: partials ({{>...}}) are not supported by SendGrid's dynamic "
                       "templates.")
                .arg(line);
        if (sigilled && sigil == QLatin1Char('*'))
            return HandlebarsTemplate::tr("Line %1: decorators ({{*...}}) are not supported.")
                .arg(line);
        if (sigilled && sigil == QLatin1Char('#')) {
            if (tokens.isEmpty())
                return HandlebarsTemplate::tr("Line %1: {{#}} names no helper.").arg(line);
            return openBlock(tokens, line, false);
        }
        if (sigilled && sigil == QLatin1Char('/')) {
            if (tokens.size() != 1)
                return HandlebarsTemplate::tr("Line %1: a close tag names one block, as {{/if}}.")
                    .arg(line);
            return closeBlock(tokens.first(), line);
        }
        if (sigilled && sigil == QLatin1Char('^')) {
            if (tokens.isEmpty())
                return elseTag({}, line); // {{^}} is another way to write {{else}}
            return HandlebarsTemplate::tr("Line %1: write {{#unless %2}} for an inverted section.")
                .arg(line)
                .arg(tokens.first());
        }
        if (tokens.isEmpty())
            return HandlebarsTemplate::tr("Line %1: an empty {{}}.").arg(line);
        if (!sigilled && tokens.first() == QLatin1String("else"))
            return elseTag(tokens.mid(1), line);

        HandlebarsNode node;
        node.kind = HandlebarsNode::Kind::Value;
        node.line = line;
        node.raw = triple || (sigilled && sigil == QLatin1Char('&'));
        if (HandlebarsTemplate::isBlockHelper(tokens.first()))
            return HandlebarsTemplate::tr("Line %1: {{%2}} is a block helper: write {{#%2 ...}}.")
                .arg(line)
                .arg(tokens.first());
        const bool call = tokens.size() > 1;
        if (call && !isInlineHelper(tokens.first()))
            return HandlebarsTemplate::tr(
                       "Line %1: {{%2 ...}} calls a helper SendGrid's templates do not have "
                       "(a variable's name has no spaces).")
                .arg(line)
                .arg(tokens.first());
        const QString argError = arguments(tokens, call, line, &node);
        if (!argError.isEmpty())
            return argError;
        if (!call && !node.hash.isEmpty())
            return HandlebarsTemplate::tr("Line %1: \"%2\" is not a variable name.")
                .arg(line)
                .arg(tokens.first());
        target().append(node);
        return {};
    }

    const QString &m_source;
    QList<HandlebarsNode> m_root;
    QList<Frame> m_stack;
    qsizetype m_counted = 0;
    int m_line = 1;
};

} // namespace

HandlebarsTemplate HandlebarsTemplate::parse(const QString &source) {
    HandlebarsTemplate t;
    Parser parser(source);
    t.m_error = parser.run(&t.m_nodes);
    if (!t.m_error.isEmpty())
        t.m_nodes.clear();
    return t;
}

bool HandlebarsTemplate::isLiteral(const QString &param) {
    if (param.size() >= 2 &&
        (param.front() == QLatin1Char('"') || param.front() == QLatin1Char('\'')) &&
        param.back() == param.front())
        return true;
    if (param == QLatin1String("true") || param == QLatin1String("false") ||
        param == QLatin1String("null") || param == QLatin1String("undefined"))
        return true;
    bool number = false;
    param.toDouble(&number);
    return number;
}

QString HandlebarsTemplate::literalText(const QString &param) {
    if (param.size() >= 2 &&
        (param.front() == QLatin1Char('"') || param.front() == QLatin1Char('\'')))
        return param.mid(1, param.size() - 2);
    return param;
}

bool HandlebarsTemplate::isBlockHelper(const QString &name) {
    static const QStringList helpers{QStringLiteral("if"),          QStringLiteral("unless"),
                                     QStringLiteral("each"),        QStringLiteral("with"),
                                     QStringLiteral("equals"),      QStringLiteral("notEquals"),
                                     QStringLiteral("greaterThan"), QStringLiteral("lessThan"),
                                     QStringLiteral("and"),         QStringLiteral("or")};
    return helpers.contains(name);
}

} // namespace sb
