#pragma once

#include "HandlebarsTemplate.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace sb {

// Fills a dynamic template with its dynamic_template_data the way SendGrid's Handlebars does,
// for a preview: {{x}} HTML-escaped (& < > " ' ` =, as Handlebars escapes them), {{{x}}} and
// {{&x}} as they are; a missing value is empty; {{#if}} and {{#unless}} on Handlebars'
// truthiness (false, null, missing, "", 0 and [] are false); {{#each}} over a list's items
// (with @index, @first, @last) or an object's values (@key), its {{else}} when there are none;
// {{#with}}; SendGrid's {{#equals}}, {{#notEquals}}, {{#greaterThan}}, {{#lessThan}}, {{#and}},
// {{#or}}; {{insert name "default=x"}} and {{length items}}. {{formatDate}} shows the date as
// given: the preview does not reformat it.
class DynamicTemplateRenderer {
public:
    static QString render(const HandlebarsTemplate &parsed, const QJsonObject &data);
    // Parses and renders; a template that does not parse renders as empty, with the reason in
    // `error` when given.
    static QString render(const QString &source, const QJsonObject &data, QString *error = nullptr);

    static QString escape(const QString &text);
    // A value as Handlebars prints it (JavaScript's String()): numbers without a trailing .0,
    // true/false, lists joined with commas, objects as [object Object].
    static QString toText(const QJsonValue &value);
    static bool isTruthy(const QJsonValue &value);
};

} // namespace sb
