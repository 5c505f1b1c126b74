#include "SandboxEmailTemplates.h"

#include "sandbox/Sandbox.h"

#include <QJsonArray>

namespace sb {

namespace {

SandboxEmailTemplateVersion version(const char *id, const char *name, bool active,
                                    const char *updatedAt, const char *subject, const char *html,
                                    const char *plain) {
    return {QString::fromUtf8(id),       QString::fromUtf8(name),  QString::fromUtf8(subject),
            QString::fromUtf8(html),     QString::fromUtf8(plain), active,
            QString::fromUtf8(updatedAt)};
}

QList<SandboxEmailTemplate> makeTemplates() {
    QList<SandboxEmailTemplate> list;
    list.append({SandboxEmailTemplates::orderShipped(),
                 QStringLiteral("Order shipped"),
                 QStringLiteral("dynamic"),
                 QStringLiteral("2026-10-14 09:12:40"),
                 {version("0f6a3c1e-7b2d-4e8f-9a1c-3d5e7f9b1c2a", "Order shipped v1", false,
                          "2026-03-02 16:40:11", "Your order has shipped",
                          "<p>Hi {{first_name}}, your order {{order_id}} has shipped.</p>",
                          "Hi {{first_name}}, your order {{order_id}} has shipped."),
                  version("4d8e2b6a-0c1f-4a3e-b5d7-9f1a3c5e7b9d", "Order shipped v2", true,
                          "2026-10-14 09:12:40", "Order {{order_id}} is on its way",
                          "<html><body style=\"font-family:sans-serif\">\n"
                          "<p>Hi {{first_name}},</p>\n"
                          "<p>Good news: order <strong>{{order_id}}</strong> left our warehouse "
                          "today.</p>\n"
                          "<table cellpadding=\"4\">\n"
                          "{{#each items}}<tr><td>{{name}}</td><td>&times; {{quantity}}</td>"
                          "<td>{{price}}</td></tr>\n{{/each}}"
                          "</table>\n"
                          "<p><a href=\"{{tracking_url}}\">Track it with {{carrier}}</a></p>\n"
                          "{{#if gift_note}}<p><em>Your gift note: {{gift_note}}</em></p>\n{{/if}}"
                          "<p>Thank you for shopping with us.</p>\n"
                          "</body></html>",
                          "Hi {{first_name}},\n\n"
                          "Order {{order_id}} left our warehouse today:\n"
                          "{{#each items}}- {{name}} x {{quantity}} ({{price}})\n{{/each}}\n"
                          "Track it with {{carrier}}: {{tracking_url}}\n"
                          "{{#if gift_note}}Your gift note: {{gift_note}}\n{{/if}}")}});
    list.append(
        {SandboxEmailTemplates::passwordReset(),
         QStringLiteral("Password reset"),
         QStringLiteral("dynamic"),
         QStringLiteral("2026-09-30 11:05:02"),
         {version("7a9c1e3b-5d7f-4b2a-8c4e-6f8a0b2c4d6e", "Password reset v1", false,
                  "2026-01-18 08:00:00", "Reset your password",
                  "<p><a href=\"{{reset_url}}\">Reset your password</a></p>",
                  "Reset your password: {{reset_url}}"),
          version("b3d5f7a9-1c2e-4f6a-9b8d-0e2c4a6f8b1d", "Password reset v2", true,
                  "2026-09-30 11:05:02", "Reset your {{product_name}} password",
                  "<html><body style=\"font-family:sans-serif\">\n"
                  "<p>Hello {{insert first_name \"default=there\"}},</p>\n"
                  "<p>Someone asked to reset the password of the {{product_name}} account "
                  "{{email}}.</p>\n"
                  "<p><a href=\"{{reset_url}}\">Choose a new password</a>; the link works for "
                  "{{expires_minutes}} minutes.</p>\n"
                  "{{#if requested_from}}<p>The request came from {{requested_from}}.</p>\n{{/if}}"
                  "{{#if security_alert}}<p style=\"color:#b00020\"><strong>If this was not "
                  "you, reply to this email at once: we will lock the account.</strong></p>\n"
                  "{{else}}<p>If this was not you, you can ignore this email.</p>\n{{/if}}"
                  "</body></html>",
                  "Hello {{insert first_name \"default=there\"}},\n\n"
                  "Someone asked to reset the password of the {{product_name}} account "
                  "{{email}}.\n"
                  "Choose a new password within {{expires_minutes}} minutes: {{reset_url}}\n"
                  "{{#if security_alert}}If this was not you, reply at once: we will lock the "
                  "account.{{else}}If this was not you, ignore this email.{{/if}}\n")}});
    list.append(
        {SandboxEmailTemplates::ticketReply(),
         QStringLiteral("Support ticket reply"),
         QStringLiteral("dynamic"),
         QStringLiteral("2026-11-02 14:47:19"),
         {version("e1f3a5c7-9b0d-4e2f-a4c6-8e0a2c4e6a8b", "Ticket reply v2", true,
                  "2026-11-02 14:47:19", "Re: [#{{ticket.id}}] {{{ticket.subject}}}",
                  "<html><body style=\"font-family:sans-serif\">\n"
                  "<p>Hi {{customer.name}},</p>\n"
                  "{{{reply_html}}}\n"
                  "<p>&mdash; {{agent.name}}, {{agent.team}}</p>\n"
                  "{{#unless ticket.closed}}<p style=\"color:#555\">Reply to this email to add "
                  "to ticket #{{ticket.id}}.</p>\n"
                  "{{else}}<p style=\"color:#555\">Ticket #{{ticket.id}} is now closed; a reply "
                  "opens a new one.</p>\n{{/unless}}"
                  "</body></html>",
                  "Hi {{customer.name}},\n\n{{reply_text}}\n\n-- {{agent.name}}, {{agent.team}}\n"
                  "{{#unless ticket.closed}}Reply to add to ticket #{{ticket.id}}.{{/unless}}\n"),
          version("2c4e6a8b-0d1f-4c3e-9a5b-7d9f1b3d5f7a", "Ticket reply v1", false,
                  "2026-05-21 10:30:00", "Re: your ticket {{ticket_id}}", "<p>{{{reply_html}}}</p>",
                  "{{reply_text}}")}});
    list.append({SandboxEmailTemplates::legacyNewsletter(),
                 QStringLiteral("Monthly newsletter (legacy)"),
                 QStringLiteral("legacy"),
                 QStringLiteral("2024-02-01 12:00:00"),
                 {version("5e7a9c1b-3d5f-4a7c-8e0b-2d4f6a8c0e1b", "Newsletter", true,
                          "2024-02-01 12:00:00", "<%subject%>", "<p><%body%></p>", "<%body%>")}});
    return list;
}

HttpResponse errors(int status, const QString &field, const QString &message) {
    return HttpResponse::json(
        status, {{QStringLiteral("errors"),
                  QJsonArray{QJsonObject{
                      {QStringLiteral("field"), field.isEmpty() ? QJsonValue() : QJsonValue(field)},
                      {QStringLiteral("message"), message}}}}});
}

HttpResponse notFound() {
    return errors(404, {}, QStringLiteral("resource not found"));
}

QString baseOf(const HttpRequest &request) {
    const QByteArray host = request.header("Host");
    return host.isEmpty() ? QStringLiteral("https://api.sendgrid.com")
                          : QStringLiteral("http://") + QString::fromLatin1(host);
}

HttpResponse list(const HttpRequest &request) {
    const QString generations =
        request.query.hasQueryItem(QStringLiteral("generations"))
            ? request.query.queryItemValue(QStringLiteral("generations"), QUrl::FullyDecoded)
            : QStringLiteral("legacy");
    const QStringList wanted = generations.split(QLatin1Char(','));
    for (const QString &g : wanted) {
        if (g != QLatin1String("legacy") && g != QLatin1String("dynamic"))
            return errors(400, QStringLiteral("generations"),
                          QStringLiteral("generations must be legacy, dynamic or "
                                         "legacy,dynamic"));
    }
    bool ok = false;
    const int pageSize = request.query.queryItemValue(QStringLiteral("page_size")).toInt(&ok);
    if (!ok || pageSize < 1 || pageSize > 200)
        return errors(400, QStringLiteral("page_size"),
                      QStringLiteral("page_size should be an integer between 1 and 200"));
    int start = 0;
    const QString token =
        request.query.queryItemValue(QStringLiteral("page_token"), QUrl::FullyDecoded);
    if (!token.isEmpty()) {
        start = token.toInt(&ok);
        if (!ok || start < 0)
            return errors(400, QStringLiteral("page_token"),
                          QStringLiteral("page_token is not valid"));
    }
    QList<const SandboxEmailTemplate *> matching;
    for (const SandboxEmailTemplate &t : SandboxEmailTemplates::all()) {
        if (wanted.contains(t.generation))
            matching.append(&t);
    }
    QJsonArray result;
    for (qsizetype i = start; i < matching.size() && i < start + pageSize; ++i)
        result.append(matching.at(i)->listJson());
    const QString self = baseOf(request) + QStringLiteral("/v3/templates");
    auto page = [&](qsizetype from) {
        return QStringLiteral("%1?generations=%2&page_size=%3&page_token=%4")
            .arg(self, generations)
            .arg(pageSize)
            .arg(from);
    };
    QJsonObject metadata{{QStringLiteral("self"), page(start)},
                         {QStringLiteral("count"), double(matching.size())}};
    if (start + pageSize < matching.size())
        metadata.insert(QStringLiteral("next"), page(start + pageSize));
    if (start > 0)
        metadata.insert(QStringLiteral("prev"), page(qMax(0, start - pageSize)));
    return HttpResponse::json(
        200, {{QStringLiteral("result"), result}, {QStringLiteral("_metadata"), metadata}});
}

} // namespace

const SandboxEmailTemplateVersion *SandboxEmailTemplate::activeVersion() const {
    for (const SandboxEmailTemplateVersion &v : versions) {
        if (v.active)
            return &v;
    }
    return nullptr;
}

QJsonObject SandboxEmailTemplate::versionJson(const SandboxEmailTemplate &owner,
                                              const SandboxEmailTemplateVersion &version,
                                              bool withContent) {
    QJsonObject json{{QStringLiteral("id"), version.id},
                     {QStringLiteral("template_id"), owner.id},
                     {QStringLiteral("active"), version.active ? 1 : 0},
                     {QStringLiteral("name"), version.name},
                     {QStringLiteral("subject"), version.subject},
                     {QStringLiteral("updated_at"), version.updatedAt},
                     {QStringLiteral("generate_plain_content"), false},
                     {QStringLiteral("editor"), QStringLiteral("code")},
                     {QStringLiteral("thumbnail_url"),
                      QStringLiteral("https://sandbox.invalid/thumbnails/%1.png").arg(version.id)}};
    if (withContent) {
        json.insert(QStringLiteral("html_content"), version.htmlContent);
        json.insert(QStringLiteral("plain_content"), version.plainContent);
    }
    return json;
}

QJsonObject SandboxEmailTemplate::listJson() const {
    QJsonArray list;
    for (const SandboxEmailTemplateVersion &v : versions)
        list.append(versionJson(*this, v, false));
    return {{QStringLiteral("id"), id},
            {QStringLiteral("name"), name},
            {QStringLiteral("generation"), generation},
            {QStringLiteral("updated_at"), updatedAt},
            {QStringLiteral("versions"), list}};
}

QJsonObject SandboxEmailTemplate::fetchJson() const {
    QJsonObject json = listJson();
    QJsonArray list;
    for (const SandboxEmailTemplateVersion &v : versions)
        list.append(versionJson(*this, v, true));
    json.insert(QStringLiteral("versions"), list);
    return json;
}

const QList<SandboxEmailTemplate> &SandboxEmailTemplates::all() {
    static const QList<SandboxEmailTemplate> templates = makeTemplates();
    return templates;
}

const SandboxEmailTemplate *SandboxEmailTemplates::find(const QString &id) {
    for (const SandboxEmailTemplate &t : all()) {
        if (t.id == id)
            return &t;
    }
    return nullptr;
}

void SandboxEmailTemplates::serve(
    Sandbox &sandbox,
    std::function<std::optional<HttpResponse>(const HttpRequest &)> authenticate) {
    sandbox.addRoute(
        "GET", QStringLiteral("/v3/templates"),
        [](const HttpRequest &r, auto reply) { reply(list(r)); }, authenticate);
    sandbox.addRoute(
        "GET", QStringLiteral("/v3/templates/{id}"),
        [](const HttpRequest &r, auto reply) {
            const SandboxEmailTemplate *t = find(r.args.value(0));
            reply(t ? HttpResponse::json(200, t->fetchJson()) : notFound());
        },
        authenticate);
    sandbox.addRoute(
        "GET", QStringLiteral("/v3/templates/{id}/versions/{version}"),
        [](const HttpRequest &r, auto reply) {
            const SandboxEmailTemplate *t = find(r.args.value(0));
            if (!t)
                return reply(notFound());
            for (const SandboxEmailTemplateVersion &v : t->versions) {
                if (v.id == r.args.value(1))
                    return reply(
                        HttpResponse::json(200, SandboxEmailTemplate::versionJson(*t, v, true)));
            }
            reply(notFound());
        },
        authenticate);
}

} // namespace sb
