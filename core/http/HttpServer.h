#pragma once

#include "HttpMessage.h"

#include <QAbstractHttpServer>
#include <QElapsedTimer>

#include <functional>
#include <optional>

namespace sb {

// A small routing HTTP server on QtHttpServer 6.4's QAbstractHttpServer.
// - Routes are "METHOD /path/{placeholder}.json"; a placeholder matches within one segment.
// - Filters run before routing for every request under a path prefix (signature checks, auth),
//   so an unauthenticated request learns nothing about which paths exist.
// - Handlers may answer later (Reply is copyable and safe to call once the client is gone),
//   always on this server's thread.
// - Unknown path: 404; known path, other method: 405 with Allow. Bodies over the limit: 413
//   before they are buffered (see GuardedTcpServer).
// Every object here lives on the thread that owns the server.
class HttpServer : public QAbstractHttpServer {
    Q_OBJECT
public:
    using Reply = std::function<void(const HttpResponse &)>;
    using Handler = std::function<void(const HttpRequest &, Reply)>;
    using Filter = std::function<std::optional<HttpResponse>(const HttpRequest &)>;

    explicit HttpServer(const QString &name, QObject *parent = nullptr);

    void route(const QByteArray &method, const QString &pattern, Handler handler);
    void addFilter(const QString &pathPrefix, Filter filter);
    void setMaxBodyBytes(qint64 bytes) { m_maxBodyBytes = bytes; }
    void setLogRequests(bool on) { m_logRequests = on; }

    // Returns the port, or 0 with errorString() set. Paused, the port is bound (so its number
    // is known) but no connection is taken until resumeAccepting(): what arrives meanwhile
    // waits in the kernel's backlog, so nothing is served before the service is ready.
    quint16 listenOn(const QHostAddress &address, quint16 port, bool paused = false);
    void resumeAccepting();
    QString errorString() const { return m_error; }

    static constexpr qint64 DefaultMaxBodyBytes = 1024 * 1024;

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    struct Route {
        QByteArray method;
        QStringList segments;
        Handler handler;
    };
    static bool matches(const QStringList &pattern, const QStringList &segments, QStringList *args);
    Reply makeReply(QTcpSocket *socket, const HttpRequest &parsed);
    void dispatch(HttpRequest &request, const Reply &reply);

    QString m_name;
    QTcpServer *m_tcp = nullptr;
    QList<Route> m_routes;
    QList<QPair<QString, Filter>> m_filters;
    qint64 m_maxBodyBytes = DefaultMaxBodyBytes;
    bool m_logRequests = true;
    QString m_error;
};

} // namespace sb
