#include "IvrApi.h"

#include "IvrMenu.h"
#include "IvrValidator.h"
#include "IvrVersions.h"
#include "api/FieldErrors.h"
#include "api/JsonRequest.h"
#include "api/LocalApi.h"
#include "api/MessageApi.h"
#include "db/Store.h"
#include "runtime/ChannelContext.h"
#include "voice/VoiceLogging.h"
#include "voice/VoiceRoutes.h"

namespace sb {

IvrApi::IvrApi(ChannelContext &context, QObject *parent)
    : QObject(parent)
    , m_store(context.store)
    , m_clock(context.clock) {
    context.server.route("GET", LocalApi::path(VoiceRoutes::ivr()),
                         [this](const HttpRequest &, HttpServer::Reply reply) { get(reply); });
    context.server.route("PUT", LocalApi::path(VoiceRoutes::ivr()),
                         [this](const HttpRequest &r, HttpServer::Reply reply) { put(r, reply); });
}

QJsonObject IvrApi::versionJson(const IvrVersion &version) {
    return {{QStringLiteral("version"), version.version},
            {QStringLiteral("menu"), version.json},
            {QStringLiteral("updatedAt"), version.createdAt.isValid()
                                              ? QJsonValue(MessageApi::iso(version.createdAt))
                                              : QJsonValue(QJsonValue::Null)}};
}

void IvrApi::get(const HttpServer::Reply &reply) {
    m_store->run<IvrVersion>(
        this, [](StoreWorker &w, QString *error) { return IvrVersions::latest(w, error); },
        [reply](const StoreResult<IvrVersion> &found) {
            if (!found.ok())
                return reply(
                    HttpResponse::error(500, tr("The IVR could not be read: %1").arg(found.error)));
            reply(HttpResponse::json(200, versionJson(found.value)));
        });
}

void IvrApi::put(const HttpRequest &request, const HttpServer::Reply &reply) {
    FieldErrors errors;
    const std::optional<QJsonObject> parsed = JsonRequest::object(request.body, errors);
    if (!parsed)
        return reply(errors.response());
    QJsonObject menu = *parsed;
    // What GET answers, sent back as it is, is accepted too.
    if (menu.value(QLatin1String("menu")).isObject() && !menu.contains(QLatin1String("greeting")))
        menu = menu.value(QLatin1String("menu")).toObject();
    const QList<IvrProblem> problems = IvrValidator::check(menu);
    for (const IvrProblem &p : problems)
        errors.add(p.path, p.message);
    if (!errors.isEmpty())
        return reply(errors.response());
    // Stored in its complete form, every default written out, so what GET shows is what runs.
    const QJsonObject canonical = IvrConfig::fromJson(menu).toJson();
    m_store->run<IvrVersion>(
        this,
        [canonical, now = m_clock()](StoreWorker &w, QString *error) {
            return IvrVersions::store(w, canonical, now, error);
        },
        [reply](const StoreResult<IvrVersion> &stored) {
            if (!stored.ok()) {
                qCWarning(lcVoice).noquote() << "IVR not stored:" << stored.error;
                return reply(HttpResponse::error(
                    500, tr("The IVR was not stored (%1); calls keep the previous version.")
                             .arg(stored.error)));
            }
            qCInfo(lcVoice) << "IVR version" << stored.value.version << "stored";
            reply(HttpResponse::json(200, versionJson(stored.value)));
        });
}

} // namespace sb
