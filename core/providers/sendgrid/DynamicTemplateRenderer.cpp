#include "DynamicTemplateRenderer.h"

#include <QJsonArray>
#include <QLocale>

namespace sb {

namespace {

struct Frame {
    QJsonValue value;
    QJsonObject data; // @index, @first, @last, @key
};

QJsonValue literal(const QString &param) {
    if (param == QLatin1String("true"))
        return true;
    if (param == QLatin1String("false"))
        return false;
    if (param == QLatin1String("null"))
        return QJsonValue::Null;
    if (param == QLatin1String("undefined"))
        return QJsonValue::Undefined;
    if (param.front() == QLatin1Char('"') || param.front() == QLatin1Char('\''))
        return HandlebarsTemplate::literalText(param);
    return param.toDouble();
}

QJsonValue member(const QJsonValue &value, const QString &name) {
    if (value.isObject())
        return value.toObject().value(name);
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        if (name == QLatin1String("length"))
            return double(array.size());
        bool number = false;
        const int index = name.toInt(&number);
        return number && index >= 0 && index < array.size() ? array.at(index)
                                                            : QJsonValue(QJsonValue::Undefined);
    }
    if (value.isString() && name == QLatin1String("length"))
        return double(value.toString().size());
    return QJsonValue::Undefined;
}

QJsonValue lookup(const QString &param, const QList<Frame> &frames) {
    if (HandlebarsTemplate::isLiteral(param))
        return literal(param);
    QString p = param;
    p.replace(QLatin1Char('/'), QLatin1Char('.'));
    qsizetype depth = frames.size() - 1;
    if (p.startsWith(QLatin1String("@root"))) {
        depth = 0;
        p = p.mid(5);
        if (p.startsWith(QLatin1Char('.')))
            p = p.mid(1);
    } else if (p.startsWith(QLatin1Char('@'))) {
        const qsizetype dot = p.indexOf(QLatin1Char('.'));
        QJsonValue v = frames.last().data.value(p.mid(1, dot < 0 ? -1 : dot - 1));
        for (const QString &part :
             p.mid(dot < 0 ? p.size() : dot + 1).split(QLatin1Char('.'), Qt::SkipEmptyParts))
            v = member(v, part);
        return v;
    }
    while (p.startsWith(QLatin1String("..")) || p.startsWith(QLatin1String("./"))) {
        if (p.startsWith(QLatin1String("..")))
            depth = qMax<qsizetype>(0, depth - 1);
        p = p.mid(2);
        if (p.startsWith(QLatin1Char('.')))
            p = p.mid(1);
    }
    if (p.startsWith(QLatin1String("this.")))
        p = p.mid(5);
    else if (p == QLatin1String("this") || p == QLatin1String("."))
        p.clear();
    QJsonValue v = frames.at(depth).value;
    for (const QString &part : p.split(QLatin1Char('.'), Qt::SkipEmptyParts))
        v = member(v, part);
    return v;
}

double number(const QJsonValue &v) {
    if (v.isDouble())
        return v.toDouble();
    if (v.isBool())
        return v.toBool() ? 1 : 0;
    bool ok = false;
    const double d = v.toString().trimmed().toDouble(&ok);
    return ok ? d : qQNaN();
}

class Renderer {
public:
    QString out;

    void nodes(const QList<HandlebarsNode> &list, QList<Frame> &frames) {
        for (const HandlebarsNode &node : list) {
            switch (node.kind) {
            case HandlebarsNode::Kind::Text:
                out += node.text;
                break;
            case HandlebarsNode::Kind::Value: {
                const QString text = DynamicTemplateRenderer::toText(value(node, frames));
                out += node.raw ? text : DynamicTemplateRenderer::escape(text);
                break;
            }
            case HandlebarsNode::Kind::Block:
                block(node, frames);
                break;
            }
        }
    }

private:
    static QJsonValue value(const HandlebarsNode &node, const QList<Frame> &frames) {
        const QJsonValue first =
            node.params.isEmpty() ? QJsonValue() : lookup(node.params.first(), frames);
        if (node.helper == QLatin1String("insert")) {
            if (DynamicTemplateRenderer::isTruthy(first))
                return first;
            for (const QString &param : node.params.mid(1)) {
                const QString text = HandlebarsTemplate::literalText(param);
                if (text.startsWith(QLatin1String("default=")))
                    return text.mid(8);
            }
            return QString();
        }
        if (node.helper == QLatin1String("length")) {
            if (first.isArray())
                return double(first.toArray().size());
            if (first.isObject())
                return double(first.toObject().size());
            if (first.isString())
                return double(first.toString().size());
            return 0.0;
        }
        return first; // a plain path, or formatDate's date as given
    }

    void block(const HandlebarsNode &node, QList<Frame> &frames) {
        const QString &helper = node.helper;
        QList<QJsonValue> args;
        for (const QString &param : node.params)
            args.append(lookup(param, frames));
        if (helper == QLatin1String("each"))
            return each(node, args.first(), frames);
        if (helper == QLatin1String("with")) {
            if (!DynamicTemplateRenderer::isTruthy(args.first()))
                return nodes(node.inverse, frames);
            frames.append({args.first(), {}});
            nodes(node.children, frames);
            frames.removeLast();
            return;
        }
        bool yes = false;
        if (helper == QLatin1String("if")) {
            yes = DynamicTemplateRenderer::isTruthy(args.first());
        } else if (helper == QLatin1String("unless")) {
            yes = !DynamicTemplateRenderer::isTruthy(args.first());
        } else if (helper == QLatin1String("equals") || helper == QLatin1String("notEquals")) {
            const bool same = DynamicTemplateRenderer::toText(args.at(0)) ==
                              DynamicTemplateRenderer::toText(args.at(1));
            yes = (helper == QLatin1String("equals")) == same;
        } else if (helper == QLatin1String("greaterThan")) {
            yes = number(args.at(0)) > number(args.at(1));
        } else if (helper == QLatin1String("lessThan")) {
            yes = number(args.at(0)) < number(args.at(1));
        } else if (helper == QLatin1String("and")) {
            yes = std::all_of(args.begin(), args.end(), &DynamicTemplateRenderer::isTruthy);
        } else if (helper == QLatin1String("or")) {
            yes = std::any_of(args.begin(), args.end(), &DynamicTemplateRenderer::isTruthy);
        }
        nodes(yes ? node.children : node.inverse, frames);
    }

    void each(const HandlebarsNode &node, const QJsonValue &list, QList<Frame> &frames) {
        QList<QPair<QString, QJsonValue>> items;
        if (list.isArray()) {
            for (const QJsonValue v : list.toArray())
                items.append({QString(), v});
        } else if (list.isObject()) {
            const QJsonObject object = list.toObject();
            for (auto it = object.begin(); it != object.end(); ++it)
                items.append({it.key(), it.value()});
        }
        if (items.isEmpty())
            return nodes(node.inverse, frames);
        for (qsizetype i = 0; i < items.size(); ++i) {
            QJsonObject data{{QStringLiteral("index"), double(i)},
                             {QStringLiteral("first"), i == 0},
                             {QStringLiteral("last"), i == items.size() - 1}};
            if (list.isObject())
                data.insert(QStringLiteral("key"), items.at(i).first);
            frames.append({items.at(i).second, data});
            nodes(node.children, frames);
            frames.removeLast();
        }
    }
};

} // namespace

QString DynamicTemplateRenderer::render(const HandlebarsTemplate &parsed, const QJsonObject &data) {
    Renderer renderer;
    QList<Frame> frames{{data, {}}};
    renderer.nodes(parsed.nodes(), frames);
    return renderer.out;
}

QString DynamicTemplateRenderer::render(const QString &source, const QJsonObject &data,
                                        QString *error) {
    const HandlebarsTemplate parsed = HandlebarsTemplate::parse(source);
    if (error)
        *error = parsed.error();
    return parsed.isValid() ? render(parsed, data) : QString();
}

QString DynamicTemplateRenderer::escape(const QString &text) {
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        switch (c.unicode()) {
        case '&':
            out += QLatin1String("&amp;");
            break;
        case '<':
            out += QLatin1String("&lt;");
            break;
        case '>':
            out += QLatin1String("&gt;");
            break;
        case '"':
            out += QLatin1String("&quot;");
            break;
        case '\'':
            out += QLatin1String("&#x27;");
            break;
        case '`':
            out += QLatin1String("&#x60;");
            break;
        case '=':
            out += QLatin1String("&#x3D;");
            break;
        default:
            out += c;
        }
    }
    return out;
}

QString DynamicTemplateRenderer::toText(const QJsonValue &value) {
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Double:
        return QString::number(value.toDouble(), 'g', QLocale::FloatingPointShortest);
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Array: {
        QStringList parts;
        for (const QJsonValue v : value.toArray())
            parts.append(v.isNull() ? QString() : toText(v));
        return parts.join(QLatin1Char(','));
    }
    case QJsonValue::Object:
        return QStringLiteral("[object Object]");
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return {};
    }
    return {};
}

bool DynamicTemplateRenderer::isTruthy(const QJsonValue &value) {
    switch (value.type()) {
    case QJsonValue::String:
        return !value.toString().isEmpty();
    case QJsonValue::Double:
        return value.toDouble() != 0 && !qIsNaN(value.toDouble());
    case QJsonValue::Bool:
        return value.toBool();
    case QJsonValue::Array:
        return !value.toArray().isEmpty();
    case QJsonValue::Object:
        return true;
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return false;
    }
    return false;
}

} // namespace sb
