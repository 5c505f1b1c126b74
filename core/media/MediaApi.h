#pragma once

#include "MediaRecord.h"
#include "http/HttpServer.h"

#include <QJsonObject>
#include <QObject>

namespace sb {

class Store;

// The local API's inbound media (bearer token checked by LocalApi before routing):
//   GET messages/{sid}/media       {"messageSid", "media": [{position, contentType, size, state,
//        error, attempts, sha256, fileName, url}]}; 404 for a message not stored here
//   GET messages/{sid}/media/{n}   the file (n: its position, MediaUrl{n}, from 0) with its
//        content type; 404 for an unknown message or n; 503 with Retry-After and the reason
//        (state, error) while it is not downloaded (pending, or failed and being retried)
// Files are read whole into the answer on the server thread, as recordings are; the
// downloader's cap (MediaFetcher::MaxBytes) keeps that small. Lives on the server thread.
class MediaApi : public QObject {
    Q_OBJECT
public:
    MediaApi(HttpServer *server, Store *store, QString dataDir, QObject *parent = nullptr);

    static QString fileRoute(const QString &messageSid, int position);
    static QJsonObject mediaJson(const MediaRecord &media);

private:
    void list(const QString &sid, const HttpServer::Reply &reply);
    void file(const QString &sid, const QString &n, const HttpServer::Reply &reply);
    HttpResponse serve(const MediaRecord &media) const;

    Store *m_store;
    QString m_dataDir;
};

} // namespace sb
