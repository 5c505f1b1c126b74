#pragma once

#include "HandlebarsTemplate.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace sb {

// One thing a dynamic template asks its dynamic_template_data for, as a form would ask it.
struct TemplateField {
    enum class Kind {
        Text, // {{name}}, {{{html}}}, {{user.name}}, a value compared by {{#equals}}
        Flag, // only ever tested: {{#if vip}}, {{#unless paid}}
        List, // gone through with {{#each items}}
    };
    QString path; // dotted, from the data's root, or from an item for a list's itemFields
    Kind kind = Kind::Text;
    QList<TemplateField> itemFields; // List: what each item has ({{name}}, {{this.price}})
    bool itemIsText = false;         // List: the items are shown themselves ({{this}})

    bool operator==(const TemplateField &other) const = default;
};

// The variables of a SendGrid dynamic template's texts (subject, HTML, plain text), for a form:
// each once, in order of first appearance, and typed by how the template uses it. A name both
// shown and tested ({{#if coupon}}Use {{coupon}}{{/if}}) is Text (a filled one is true); a
// name gone through with {{#each}} is a List whatever else is done with it. Inside {{#each}},
// bare names and this.-names are the item's own fields, ../name and @root.name the outer
// data's; @index, @first, @last and @key are Handlebars' own and no variable. Helpers'
// names (if, each, equals, insert, formatDate...) and literal arguments are not variables;
// the names given to them are. {{#with user}}{{name}}{{/with}} is user.name.
class DynamicTemplateVariables {
public:
    explicit DynamicTemplateVariables(const QStringList &sources);

    // Empty when a source does not parse (see error()).
    QList<TemplateField> fields() const { return m_fields; }
    bool isValid() const { return m_error.isEmpty(); }
    // The first source's parse error, e.g. an {{#each}} never closed, with its line.
    QString error() const { return m_error; }

    // Sets `value` at a dotted path: "user.name" makes {"user": {"name": value}}.
    static void insert(QJsonObject &data, const QString &path, const QJsonValue &value);

private:
    QList<TemplateField> m_fields;
    QString m_error;
};

} // namespace sb
