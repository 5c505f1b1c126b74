#include "SandboxContentApi.h"

#include "SandboxTemplates.h"
#include "sandbox/Sandbox.h"

#include <QJsonArray>
#include <QUrlQuery>

namespace sb {

namespace {

// Where the answer's URLs point: this sandbox as the client reached it.
QString baseOf(const HttpRequest &request) {
    const QByteArray host = request.header("Host");
    return host.isEmpty() ? QStringLiteral("https://content.twilio.com")
                          : QStringLiteral("http://") + QString::fromLatin1(host);
}

HttpResponse notFound(const HttpRequest &request) {
    return Sandbox::twilioError(
        404, 20404, QStringLiteral("The requested resource %1 was not found").arg(request.path));
}

// A list page as the Content API answers it: `contents` and its `meta`.
HttpResponse page(const Sandbox &sandbox, const HttpRequest &request, bool withApprovals) {
    int pageSize = 50;
    int pageIndex = 0;
    const QString sizeText = request.query.queryItemValue(QStringLiteral("PageSize"));
    const QString pageText = request.query.queryItemValue(QStringLiteral("Page"));
    bool ok = true;
    if (!sizeText.isEmpty())
        pageSize = sizeText.toInt(&ok);
    if (!ok || pageSize < 1 || pageSize > 1000)
        return Sandbox::twilioError(400, 20001,
                                    QStringLiteral("PageSize must be between 1 and 1000."));
    if (!pageText.isEmpty())
        pageIndex = pageText.toInt(&ok);
    if (!ok || pageIndex < 0)
        return Sandbox::twilioError(400, 20001, QStringLiteral("Page must be 0 or more."));

    const QString base = baseOf(request);
    const QString path =
        withApprovals ? QStringLiteral("/v1/ContentAndApprovals") : QStringLiteral("/v1/Content");
    auto link = [&](int index) {
        return QStringLiteral("%1%2?PageSize=%3&Page=%4").arg(base, path).arg(pageSize).arg(index);
    };
    const QList<SandboxTemplate> &all = SandboxTemplates::all();
    const qsizetype start = qsizetype(pageIndex) * pageSize;
    QJsonArray contents;
    for (qsizetype i = start; i < all.size() && i < start + pageSize; ++i)
        contents.append(withApprovals ? all[i].contentAndApprovalsJson(sandbox.accountSid())
                                      : all[i].contentJson(sandbox.accountSid(), base));
    const bool more = start + pageSize < all.size();
    const QJsonObject meta{
        {QStringLiteral("page"), pageIndex},
        {QStringLiteral("page_size"), pageSize},
        {QStringLiteral("first_page_url"), link(0)},
        {QStringLiteral("previous_page_url"),
         pageIndex > 0 ? QJsonValue(link(pageIndex - 1)) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("url"), link(pageIndex)},
        {QStringLiteral("next_page_url"),
         more ? QJsonValue(link(pageIndex + 1)) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("key"), QStringLiteral("contents")}};
    return HttpResponse::json(
        200, {{QStringLiteral("contents"), contents}, {QStringLiteral("meta"), meta}});
}

} // namespace

void SandboxContentApi::serve(Sandbox &sandbox) {
    Sandbox *s = &sandbox; // the routes live and die with the sandbox's own server
    sandbox.addRoute("GET", QStringLiteral("/v1/Content"),
                     [s](const HttpRequest &r, auto reply) { reply(page(*s, r, false)); });
    sandbox.addRoute("GET", QStringLiteral("/v1/ContentAndApprovals"),
                     [s](const HttpRequest &r, auto reply) { reply(page(*s, r, true)); });
    sandbox.addRoute(
        "GET", QStringLiteral("/v1/Content/{sid}"), [s](const HttpRequest &r, auto reply) {
            const SandboxTemplate *t = SandboxTemplates::find(r.args.value(0));
            reply(t ? HttpResponse::json(200, t->contentJson(s->accountSid(), baseOf(r)))
                    : notFound(r));
        });
    sandbox.addRoute(
        "GET", QStringLiteral("/v1/Content/{sid}/ApprovalRequests"),
        [s](const HttpRequest &r, auto reply) {
            const SandboxTemplate *t = SandboxTemplates::find(r.args.value(0));
            reply(t ? HttpResponse::json(200, t->approvalFetchJson(s->accountSid(), baseOf(r)))
                    : notFound(r));
        });
}

} // namespace sb
