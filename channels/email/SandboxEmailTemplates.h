#pragma once

#include "http/HttpMessage.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace sb {

class Sandbox;

// One version of a sandbox template; exactly one per template is active.
struct SandboxEmailTemplateVersion {
    QString id; // a UUID, as SendGrid's
    QString name;
    QString subject;
    QString htmlContent;
    QString plainContent;
    bool active = false;
    QString updatedAt; // "YYYY-MM-DD HH:MM:SS", SendGrid's format
};

struct SandboxEmailTemplate {
    QString id; // dynamic: d- and 32 hex digits; legacy: a UUID
    QString name;
    QString generation; // dynamic or legacy
    QString updatedAt;
    QList<SandboxEmailTemplateVersion> versions;

    const SandboxEmailTemplateVersion *activeVersion() const;
    // As GET /v3/templates lists it: its versions lean (no content).
    QJsonObject listJson() const;
    // As GET /v3/templates/{id} answers: its versions with their content.
    QJsonObject fetchJson() const;
    static QJsonObject versionJson(const SandboxEmailTemplate &owner,
                                   const SandboxEmailTemplateVersion &version, bool withContent);
};

// The sandbox's SendGrid templates, and SendGrid's templates API over them, read-only, behind
// the same Bearer key as mail/send (checked against tsg_templates_v3.json's shapes):
//   GET /v3/templates?generations=dynamic&page_size=N[&page_token=T]
//       {"result": [...lean templates...], "_metadata": {"self", "next"?, "count"}};
//       generations defaults to legacy, as SendGrid's; page_size (1 to 200) is required
//   GET /v3/templates/{id}                       the template with its versions' content
//   GET /v3/templates/{id}/versions/{versionId}  one version
// An unknown id is 404 {"errors": [{"field": null, "message": "resource not found"}]}.
// Three dynamic templates a support team sends (an order shipped with {{#each items}}, a
// password reset with {{#if}}, a support ticket reply with dotted names, {{{raw}}} HTML and
// {{#unless}}), each with an older inactive version, and one legacy template.
class SandboxEmailTemplates {
public:
    static const QList<SandboxEmailTemplate> &all();
    static const SandboxEmailTemplate *find(const QString &id);

    // Serves the templates API on the sandbox behind `authenticate` (EmailSandbox's Bearer
    // check for everything under /v3/).
    static void serve(Sandbox &sandbox,
                      std::function<std::optional<HttpResponse>(const HttpRequest &)> authenticate);

    // Their ids, for tests, scripts and the README.
    static QString orderShipped() { return QStringLiteral("d-5b1f3e0c9a7d4e2f8c6b4a2e0d8f6c4a"); }
    static QString passwordReset() { return QStringLiteral("d-8e2a6c4f1b3d4a5c9e7f0b2d4c6a8e1f"); }
    static QString ticketReply() { return QStringLiteral("d-c47d2e9b0a1f4c3e8b5d6a7f9e0c1b2d"); }
    static QString legacyNewsletter() {
        return QStringLiteral("9c2b4e6a-1d3f-4a5b-8c7d-0e2f4a6b8c1d");
    }
};

} // namespace sb
