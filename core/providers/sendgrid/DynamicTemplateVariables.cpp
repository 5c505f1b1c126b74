#include "DynamicTemplateVariables.h"

namespace sb {

namespace {

// One use of a name, where it was used: `chain` names the {{#each}} lists it sits in, from
// the outermost (each by its full path within its own scope chain).
struct Use {
    QStringList chain;
    QString path; // empty for {{this}} inside a list
    TemplateField::Kind kind;
};

struct Scope {
    QStringList chain;
    QString prefix; // {{#with user}}: "user."
};

int strength(TemplateField::Kind kind) {
    switch (kind) {
    case TemplateField::Kind::Flag:
        return 0;
    case TemplateField::Kind::Text:
        return 1;
    case TemplateField::Kind::List:
        return 2;
    }
    return 0;
}

class Collector {
public:
    QList<Use> uses;

    void walk(const QList<HandlebarsNode> &nodes, const QList<Scope> &scopes) {
        for (const HandlebarsNode &node : nodes) {
            if (node.kind == HandlebarsNode::Kind::Value)
                value(node, scopes);
            else if (node.kind == HandlebarsNode::Kind::Block)
                block(node, scopes);
        }
    }

private:
    // Where a parameter points: the scope it is in and its path there; false for literals and
    // Handlebars' own @data.
    static bool resolve(const QString &param, const QList<Scope> &scopes, Scope *scope,
                        QString *path, bool *self) {
        if (HandlebarsTemplate::isLiteral(param))
            return false;
        QString p = param;
        p.replace(QLatin1Char('/'), QLatin1Char('.'));
        qsizetype depth = scopes.size() - 1;
        if (p.startsWith(QLatin1String("@root."))) {
            depth = 0;
            p = p.mid(6);
        } else if (p.startsWith(QLatin1Char('@'))) {
            return false; // @index, @first, @last, @key
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
        *scope = scopes.at(depth);
        *self = p.isEmpty();
        *path = scope->prefix + p;
        if (path->endsWith(QLatin1Char('.')))
            path->chop(1);
        return true;
    }

    void use(const QString &param, const QList<Scope> &scopes, TemplateField::Kind kind,
             QStringList *listChain = nullptr) {
        Scope scope;
        QString path;
        bool self = false;
        if (!resolve(param, scopes, &scope, &path, &self))
            return;
        if (path.isEmpty()) {
            // {{this}} inside a list: its items are shown themselves.
            if (!scope.chain.isEmpty())
                uses.append({scope.chain, QString(), TemplateField::Kind::Text});
            return;
        }
        uses.append({scope.chain, path, kind});
        if (listChain)
            *listChain = scope.chain + QStringList{path};
    }

    void value(const HandlebarsNode &node, const QList<Scope> &scopes) {
        if (node.helper.isEmpty() || node.helper == QLatin1String("insert") ||
            node.helper == QLatin1String("length")) {
            if (!node.params.isEmpty())
                use(node.params.first(), scopes, TemplateField::Kind::Text);
        } else {
            for (const QString &param : node.params)
                use(param, scopes, TemplateField::Kind::Text);
        }
        for (const auto &[key, value] : node.hash)
            use(value, scopes, TemplateField::Kind::Text);
    }

    void block(const HandlebarsNode &node, const QList<Scope> &scopes) {
        const QString &helper = node.helper;
        QList<Scope> inner = scopes;
        if (helper == QLatin1String("each")) {
            QStringList chain;
            use(node.params.first(), scopes, TemplateField::Kind::List, &chain);
            if (!chain.isEmpty())
                inner.append({chain, QString()});
            else
                inner.append({scopes.last().chain, scopes.last().prefix});
        } else if (helper == QLatin1String("with")) {
            Scope scope;
            QString path;
            bool self = false;
            if (resolve(node.params.first(), scopes, &scope, &path, &self))
                inner.append(
                    {scope.chain, path.isEmpty() ? scope.prefix : path + QLatin1Char('.')});
            else
                inner.append(scopes.last());
        } else {
            const bool tested = helper == QLatin1String("if") ||
                                helper == QLatin1String("unless") ||
                                helper == QLatin1String("and") || helper == QLatin1String("or");
            for (const QString &param : node.params)
                use(param, scopes, tested ? TemplateField::Kind::Flag : TemplateField::Kind::Text);
        }
        walk(node.children, inner);
        walk(node.inverse, scopes);
    }
};

QList<TemplateField> assemble(const QList<Use> &uses, const QStringList &chain) {
    QList<TemplateField> fields;
    for (const Use &u : uses) {
        if (u.chain != chain || u.path.isEmpty())
            continue;
        auto it = std::find_if(fields.begin(), fields.end(),
                               [&](const TemplateField &f) { return f.path == u.path; });
        if (it == fields.end()) {
            fields.append({u.path, u.kind, {}, false});
        } else if (strength(u.kind) > strength(it->kind)) {
            it->kind = u.kind;
        }
    }
    for (TemplateField &f : fields) {
        if (f.kind != TemplateField::Kind::List)
            continue;
        const QStringList itemChain = chain + QStringList{f.path};
        f.itemFields = assemble(uses, itemChain);
        f.itemIsText = std::any_of(uses.begin(), uses.end(), [&](const Use &u) {
            return u.chain == itemChain && u.path.isEmpty();
        });
    }
    return fields;
}

} // namespace

DynamicTemplateVariables::DynamicTemplateVariables(const QStringList &sources) {
    Collector collector;
    for (const QString &source : sources) {
        const HandlebarsTemplate parsed = HandlebarsTemplate::parse(source);
        if (!parsed.isValid()) {
            m_error = parsed.error();
            return;
        }
        collector.walk(parsed.nodes(), {Scope{}});
    }
    m_fields = assemble(collector.uses, {});
}

void DynamicTemplateVariables::insert(QJsonObject &data, const QString &path,
                                      const QJsonValue &value) {
    const qsizetype dot = path.indexOf(QLatin1Char('.'));
    if (dot < 0) {
        data.insert(path, value);
        return;
    }
    const QString head = path.left(dot);
    QJsonObject child = data.value(head).toObject();
    insert(child, path.mid(dot + 1), value);
    data.insert(head, child);
}

} // namespace sb
