#include "MediaApi.h"

#include "MediaFetcher.h"
#include "MediaRows.h"
#include "api/LocalApi.h"
#include "db/SqlDialect.h"
#include "db/SqlValues.h"
#include "db/Store.h"
#include "db/StoreWorker.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>

namespace sb {

namespace {

// The message's media, or nullopt when no message has that SID (an empty list: it has none).
std::optional<std::optional<QList<MediaRecord>>> mediaOf(StoreWorker &w, const QString &sid,
                                                         QString *error) {
    QSqlQuery q(w.database());
    sql::prepare(q, QStringLiteral("SELECT 1 FROM messages WHERE sid = ?"));
    q.addBindValue(sid);
    if (!sql::exec(q, error))
        return std::nullopt;
    if (!q.next())
        return std::optional<QList<MediaRecord>>();
    q.finish();
    auto rows = MediaRows::forMessageSid(w, sid, error);
    if (!rows)
        return std::nullopt;
    return std::optional<QList<MediaRecord>>(*rows);
}

} // namespace

MediaApi::MediaApi(HttpServer *server, Store *store, QString dataDir, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_dataDir(std::move(dataDir)) {
    server->route(
        "GET", LocalApi::path(QStringLiteral("messages/{messageSid}/media")),
        [this](const HttpRequest &r, HttpServer::Reply reply) { list(r.args.value(0), reply); });
    server->route("GET", LocalApi::path(QStringLiteral("messages/{messageSid}/media/{n}")),
                  [this](const HttpRequest &r, HttpServer::Reply reply) {
                      file(r.args.value(0), r.args.value(1), reply);
                  });
}

QString MediaApi::fileRoute(const QString &messageSid, int position) {
    return LocalApi::path(QStringLiteral("messages/%1/media/%2").arg(messageSid).arg(position));
}

QJsonObject MediaApi::mediaJson(const MediaRecord &m) {
    return {{QStringLiteral("position"), m.position},
            {QStringLiteral("contentType"), m.contentType},
            {QStringLiteral("size"), m.size},
            {QStringLiteral("state"), m.state},
            {QStringLiteral("error"), m.error},
            {QStringLiteral("attempts"), m.attempts},
            {QStringLiteral("sha256"), m.sha256},
            {QStringLiteral("fileName"), m.fileName},
            {QStringLiteral("url"), fileRoute(m.messageSid, m.position)}};
}

void MediaApi::list(const QString &sid, const HttpServer::Reply &reply) {
    m_store->run<std::optional<QList<MediaRecord>>>(
        this, [sid](StoreWorker &w, QString *error) { return mediaOf(w, sid, error); },
        [sid, reply](const StoreResult<std::optional<QList<MediaRecord>>> &found) {
            if (!found.ok())
                return reply(HttpResponse::error(
                    500, tr("The message's media could not be read: %1").arg(found.error)));
            if (!found.value)
                return reply(HttpResponse::error(404, tr("No message %1 is known here.").arg(sid)));
            QJsonArray media;
            for (const MediaRecord &m : *found.value)
                media.append(mediaJson(m));
            reply(HttpResponse::json(
                200, {{QStringLiteral("messageSid"), sid}, {QStringLiteral("media"), media}}));
        });
}

void MediaApi::file(const QString &sid, const QString &n, const HttpServer::Reply &reply) {
    bool numeric = false;
    const int position = n.toInt(&numeric);
    m_store->run<std::optional<QList<MediaRecord>>>(
        this, [sid](StoreWorker &w, QString *error) { return mediaOf(w, sid, error); },
        [this, sid, n, numeric, position,
         reply](const StoreResult<std::optional<QList<MediaRecord>>> &found) {
            if (!found.ok())
                return reply(HttpResponse::error(
                    500, tr("The message's media could not be read: %1").arg(found.error)));
            if (!found.value)
                return reply(HttpResponse::error(404, tr("No message %1 is known here.").arg(sid)));
            for (const MediaRecord &m : *found.value) {
                if (numeric && m.position == position)
                    return reply(serve(m));
            }
            reply(HttpResponse::error(
                404,
                tr("Message %1 has no media %2 (it has %n file(s), numbered from 0 as "
                   "MediaUrl{N}).",
                   nullptr, int(found.value->size()))
                    .arg(sid, n),
                {{QStringLiteral("media"), int(found.value->size())}}));
        });
}

HttpResponse MediaApi::serve(const MediaRecord &media) const {
    if (!media.isStored()) {
        HttpResponse r = HttpResponse::error(
            503,
            media.error.isEmpty() ? tr("Media %1 of %2 is being downloaded; try again shortly.")
                                        .arg(media.position)
                                        .arg(media.messageSid)
                                  : tr("Media %1 of %2 is not downloaded: %3")
                                        .arg(media.position)
                                        .arg(media.messageSid, media.error),
            {{QStringLiteral("state"), media.state},
             {QStringLiteral("reason"), media.error},
             {QStringLiteral("attempts"), media.attempts}});
        r.headers.append({QByteArray("Retry-After"), QByteArray("5")});
        return r;
    }
    QFile file(QDir(m_dataDir).filePath(media.path));
    if (!file.open(QIODevice::ReadOnly))
        return HttpResponse::error(500, tr("Media %1 of %2 was stored but cannot be read: %3")
                                            .arg(media.position)
                                            .arg(media.messageSid, file.errorString()));
    HttpResponse r{200, media.contentType.toLatin1(), file.read(MediaFetcher::MaxBytes + 1), {}};
    if (r.contentType.isEmpty())
        r.contentType = "application/octet-stream";
    r.headers.append({QByteArray("Content-Disposition"),
                      "inline; filename=\"" + media.fileName.toLatin1() + "\""});
    r.headers.append({QByteArray("X-Content-Type-Options"), QByteArray("nosniff")});
    return r;
}

} // namespace sb
