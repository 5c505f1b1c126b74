#pragma once

#include "HttpLimits.h"
#include "HttpMessage.h"

#include <QAbstractHttpServer>
#include <QElapsedTimer>

#include <functional>
#include <memory>
#include <optional>

namespace sb {

class GuardedTcpServer;
class Metrics;

class RejectionLog;

// A small routing HTTP server on QtHttpServer 6.4's QAbstractHttpServer.
// - Routes are "METHOD /path/{placeholder}.json"; a placeholder matches within one segment.
// - Filters run before routing for every request under a path prefix (signature checks, auth),
//   so an unauthenticated request learns nothing about which paths exist.
// - Handlers may answer later (Reply is copyable and safe to call once the client is gone),
//   always on this server's thread.
// - Unknown path: 404; known path, other method: 405 with Allow. Bodies over the limit: 413
//   before they are buffered; ambiguous framing 400; slow, idle and excess connections are
//   closed (see HttpLimits, GuardedTcpServer, GuardedConnection).
// - HttpRequest::target is the request target exactly as sent, taken from the guard that
//   framed the request (requests on a connection are framed and handled in the same order).
// - Requests answered 4xx are logged through rejectionLog() (summarised under a flood); the
//   others one line each.
// Every object here lives on the thread that owns the server.
class HttpServer : public QAbstractHttpServer {
    Q_OBJECT
public:
    using Reply = std::function<void(const HttpResponse &)>;
    using Handler = std::function<void(const HttpRequest &, Reply)>;
    using Filter = std::function<std::optional<HttpResponse>(const HttpRequest &)>;
    // Sees every request under a prefix with the answer it got, once that answer is written
    // (so it never delays it); `elapsedNs` from parsing to answering.
    using Observer =
        std::function<void(const HttpRequest &, const HttpResponse &, qint64 elapsedNs)>;

    explicit HttpServer(const QString &name, QObject *parent = nullptr);

    void route(const QByteArray &method, const QString &pattern, Handler handler);
    void addFilter(const QString &pathPrefix, Filter filter);
    void observe(const QString &pathPrefix, Observer observer);
    // Routes a request made here rather than read from a socket (the webhook inspector's
    // replay): the filters are skipped (it was checked when it first arrived) and observers
    // are not told. On this server's thread.
    void inject(HttpRequest request, Reply reply);
    // Every route as registered, "METHOD" and pattern, in registration order (the local API's
    // OpenAPI document is checked against this list).
    QList<QPair<QByteArray, QString>> routes() const;
    // Limits take effect at listenOn().
    void setLimits(const HttpLimits &limits) { m_limits = limits; }
    const HttpLimits &limits() const { return m_limits; }
    void setMaxBodyBytes(qint64 bytes) { m_limits.maxBodyBytes = bytes; }
    // One route's own body limit (above or below the server's); `path` as routed, no
    // placeholders. Every other route keeps maxBodyBytes. Unlike the others, it may be set
    // after listenOn(): connections accepted from then on get it.
    void setMaxBodyBytes(const QByteArray &method, const QByteArray &path, qint64 bytes);
    void setLogRequests(bool on) { m_logRequests = on; }
    // While `unavailable` says so (any thread may ask it), a 500 becomes 503 with Retry-After:
    // the failure is the database's absence, not the request (Twilio retries either; a client
    // learns to wait). Team mode: the shared database is unreachable.
    void setUnavailableWhen(std::function<bool()> unavailable) {
        m_unavailable = std::move(unavailable);
    }
    // Paths under `prefix` are logged as the prefix and "…": their rest is a secret (a media
    // share's token grants the file to whoever has it).
    void hidePathsUnder(const QString &prefix) { m_hiddenPrefixes.append(prefix); }
    QString loggedPath(const QString &path) const;
    // Where everything this server refuses is logged; filters (signature checks, tokens) should
    // note their refusals here too.
    RejectionLog *rejectionLog() const { return m_rejections; }
    // Counts every answer by route pattern and status class (and, under /twilio/ and
    // /sendgrid/, by webhook result) into `metrics`, which must outlive the server. Set before
    // listenOn(); null: nothing counted. declareMetrics() declares the families it records.
    void setMetrics(Metrics *metrics) { m_metrics = metrics; }
    static void declareMetrics(Metrics &metrics);

    // Returns the port, or 0 with errorString() set. Paused, the port is bound (so its number
    // is known) but no connection is taken until resumeAccepting(): what arrives meanwhile
    // waits in the kernel's backlog, so nothing is served before the service is ready.
    quint16 listenOn(const QHostAddress &address, quint16 port, bool paused = false);
    void resumeAccepting();
    QString errorString() const { return m_error; }

    static constexpr qint64 DefaultMaxBodyBytes = HttpLimits::DefaultMaxBodyBytes;
    // The kernel caps it at net.core.somaxconn (4096 since Linux 5.4). 511 still overflowed
    // when 8 addresses stormed the server with connections: a webhook's dropped SYN waits 1 s.
    static constexpr int ListenBacklog = 4096;

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    struct Route {
        QByteArray method;
        QStringList segments;
        QString pattern;
        Handler handler;
    };
    static bool matches(const QStringList &pattern, const QStringList &segments, QStringList *args);
    Reply makeReply(QTcpSocket *socket, const std::shared_ptr<const HttpRequest> &request);
    void dispatch(HttpRequest &request, const Reply &reply, bool runFilters = true);
    // `reply`, counting its answer under `route` (a pattern, never the raw path: label values
    // must stay few).
    Reply counted(const Reply &reply, const QString &route, const QString &path) const;

    QString m_name;
    GuardedTcpServer *m_tcp = nullptr;
    QList<Route> m_routes;
    QList<QPair<QString, Filter>> m_filters;
    QList<QPair<QString, Observer>> m_observers;
    HttpLimits m_limits;
    RejectionLog *m_rejections;
    std::function<bool()> m_unavailable;
    bool m_logRequests = true;
    QStringList m_hiddenPrefixes;
    QString m_error;
    Metrics *m_metrics = nullptr;
};

} // namespace sb
