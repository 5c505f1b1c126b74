#include "HttpServer.h"

#include "common/Metrics.h"

#include "GuardedConnection.h"

#include "GuardedTcpServer.h"
#include "RejectionLog.h"
#include "RequestFramer.h"
#include "common/Logging.h"
#include <QCoreApplication>

#include <QHttpServerRequest>
#include <QMap>
#include <QPointer>
#include <QTcpSocket>

#include <memory>

namespace sb {

namespace {

QByteArray methodName(QHttpServerRequest::Method method) {
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    default:
        return "UNKNOWN";
    }
}

// Keeps responses in request order on a connection even when an earlier request is answered
// later than a following one (QtHttpServer 6.4 would interleave them: QTBUG-105202).
class ResponseSequencer : public QObject {
public:
    explicit ResponseSequencer(QTcpSocket *socket)
        : QObject(socket)
        , m_socket(socket)
        , m_guard(GuardedConnection::of(socket)) {}

    quint64 reserve() { return m_nextAssigned++; }

    void complete(quint64 sequence, QByteArray bytes) {
        m_ready.insert(sequence, std::move(bytes));
        bool wrote = false;
        while (!m_ready.isEmpty() && m_ready.firstKey() == m_nextWritten) {
            m_socket->write(m_ready.take(m_nextWritten));
            ++m_nextWritten;
            wrote = true;
            if (m_guard)
                m_guard->answerQueued();
        }
        // Hand the answer to the kernel now rather than on the next event-loop pass: saves a
        // poll() round trip per request.
        if (wrote)
            m_socket->flush();
    }

    static ResponseSequencer *of(QTcpSocket *socket) {
        for (QObject *child : socket->children()) {
            if (auto *s = dynamic_cast<ResponseSequencer *>(child))
                return s;
        }
        return new ResponseSequencer(socket);
    }

private:
    QTcpSocket *m_socket;
    QPointer<GuardedConnection> m_guard;
    quint64 m_nextAssigned = 0;
    quint64 m_nextWritten = 0;
    QMap<quint64, QByteArray> m_ready;
};

} // namespace

HttpServer::HttpServer(const QString &name, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_name(name)
    , m_rejections(new RejectionLog(lcHttp(), RejectionLog::DefaultInterval, this)) {}

void HttpServer::route(const QByteArray &method, const QString &pattern, Handler handler) {
    m_routes.append(
        {method, pattern.split(QLatin1Char('/'), Qt::SkipEmptyParts), pattern, std::move(handler)});
}

QList<QPair<QByteArray, QString>> HttpServer::routes() const {
    QList<QPair<QByteArray, QString>> list;
    list.reserve(m_routes.size());
    for (const Route &route : m_routes)
        list.append({route.method, route.pattern});
    return list;
}

void HttpServer::addFilter(const QString &pathPrefix, Filter filter) {
    m_filters.append({pathPrefix, std::move(filter)});
}

void HttpServer::observe(const QString &pathPrefix, Observer observer) {
    m_observers.append({pathPrefix, std::move(observer)});
}

void HttpServer::inject(HttpRequest request, Reply reply) {
    auto answered = std::make_shared<bool>(false);
    dispatch(
        request,
        [answered, reply](const HttpResponse &response) {
            if (std::exchange(*answered, true))
                return;
            reply(response);
        },
        false);
}

quint16 HttpServer::listenOn(const QHostAddress &address, quint16 port, bool paused) {
    auto *tcp = new GuardedTcpServer(m_limits, m_rejections, this);
    // Qt's default of 50 drops SYNs under a burst (clients then retry after 1 s, 3 s, ...);
    // the kernel holds waiting connections cheaply and the caps refuse the excess at once.
    tcp->setListenBacklogSize(ListenBacklog);
    if (!tcp->listen(address, port)) {
        m_error = tcp->errorString();
        delete tcp;
        return 0;
    }
    tcp->setAccepting(!paused);
    m_tcp = tcp;
    bind(tcp);
    tcp->armAfterBind();
    return tcp->serverPort();
}

void HttpServer::resumeAccepting() {
    if (m_tcp)
        m_tcp->setAccepting(true);
}

bool HttpServer::matches(const QStringList &pattern, const QStringList &segments,
                         QStringList *args) {
    if (pattern.size() != segments.size())
        return false;
    QStringList captured;
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QString &p = pattern[i];
        const QString &s = segments[i];
        const qsizetype open = p.indexOf(QLatin1Char('{'));
        if (open < 0) {
            if (p != s)
                return false;
            continue;
        }
        const qsizetype close = p.indexOf(QLatin1Char('}'), open);
        const QString prefix = p.left(open);
        const QString suffix = p.mid(close + 1);
        if (s.size() <= prefix.size() + suffix.size() || !s.startsWith(prefix) ||
            !s.endsWith(suffix))
            return false;
        captured.append(s.mid(prefix.size(), s.size() - prefix.size() - suffix.size()));
    }
    *args = captured;
    return true;
}

QString HttpServer::loggedPath(const QString &path) const {
    for (const QString &prefix : m_hiddenPrefixes) {
        if (path.startsWith(prefix) && path.size() > prefix.size())
            return prefix + QChar(0x2026);
    }
    return path;
}

HttpServer::Reply HttpServer::makeReply(QTcpSocket *socket,
                                        const std::shared_ptr<const HttpRequest> &request) {
    const HttpRequest &parsed = *request;
    auto *sequencer = ResponseSequencer::of(socket);
    const quint64 sequence = sequencer->reserve();
    QPointer<ResponseSequencer> guard(sequencer);
    QElapsedTimer timer;
    timer.start();
    auto answered = std::make_shared<bool>(false);
    QPointer<HttpServer> self(this);
    // Only the observed requests are kept until answered: the very object the filters and the
    // route saw, so an observer finds its decoded form and signature verdict, not a copy
    // taken before them (which made the inspector decode and verify every webhook again).
    std::shared_ptr<const HttpRequest> observed;
    for (const auto &[prefix, observer] : std::as_const(m_observers)) {
        if (parsed.path.startsWith(prefix)) {
            observed = request;
            break;
        }
    }
    return
        [guard, sequence, timer, answered, self, method = parsed.method,
         path = loggedPath(parsed.path), peer = parsed.peer, observed](const HttpResponse &given) {
            if (*answered)
                return;
            *answered = true;
            HttpResponse unavailable;
            if (given.status == 500 && self && self->m_unavailable && self->m_unavailable()) {
                unavailable = HttpResponse::error(
                    503, QCoreApplication::translate(
                             "HttpServer", "The database is unreachable; nothing was stored. Retry "
                                           "in a few seconds."));
                unavailable.headers.append(qMakePair(QByteArray("Retry-After"), QByteArray("5")));
            }
            const HttpResponse &response = unavailable.status == 503 ? unavailable : given;
            if (self && self->m_logRequests) {
                const QString elapsed =
                    QString::number(timer.nsecsElapsed() / 1e6, 'f', 2) + QStringLiteral(" ms");
                // Refusals are what a flood produces: summarised, so the log cannot fill the disk.
                if (response.status >= 400 && response.status < 500)
                    self->m_rejections->note(
                        QStringLiteral("%1 %2").arg(response.status).arg(self->m_name),
                        QStringLiteral("%1 %2 from %3 (%4)")
                            .arg(QString::fromLatin1(method), path, peer.toString(), elapsed));
                else
                    qCInfo(lcHttp).noquote()
                        << self->m_name << method << path << response.status << elapsed;
            }
            if (guard)
                guard->complete(sequence, response.serialize());
            if (observed && self) {
                const qint64 elapsed = timer.nsecsElapsed();
                for (const auto &[prefix, observer] : std::as_const(self->m_observers)) {
                    if (observed->path.startsWith(prefix))
                        observer(*observed, response, elapsed);
                }
            }
        };
}

void HttpServer::setMaxBodyBytes(const QByteArray &method, const QByteArray &path, qint64 bytes) {
    const HttpLimits::RouteBodyLimit limit{method, path, bytes};
    m_limits.routeBodyLimits.append(limit);
    if (m_tcp)
        m_tcp->addRouteBodyLimit(limit);
}

bool HttpServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) {
    const auto shared = std::make_shared<HttpRequest>();
    HttpRequest &parsed = *shared;
    parsed.method = methodName(request.method());
    const QUrl url = request.url();
    parsed.path = url.path();
    parsed.query = request.query();
    parsed.headers = request.headers();
    parsed.body = request.body();
    parsed.peer = request.remoteAddress();

    std::optional<GuardedConnection::Framed> framed;
    if (GuardedConnection *guard = GuardedConnection::of(socket))
        framed = guard->takeFramed();
    if (framed) {
        parsed.target = QString::fromLatin1(RequestFramer::originForm(framed->target));
        if (parsed.method != "UNKNOWN" && parsed.method != framed->method) {
            // The guard and the parser disagree on where requests begin: nothing read from this
            // connection can be trusted any more.
            qCWarning(lcHttp).noquote() << m_name << "framing mismatch:" << parsed.method
                                        << "parsed," << framed->method << "framed; closing";
            socket->abort();
            return true;
        }
    } else {
        // Not accepted by a GuardedTcpServer: the best QUrl can give back.
        parsed.target = url.path(QUrl::FullyEncoded);
        if (url.hasQuery())
            parsed.target += QLatin1Char('?') + url.query(QUrl::FullyEncoded);
    }

    const Reply reply = makeReply(socket, shared);
    const qint64 maxBodyBytes = m_limits.maxBodyBytesFor(parsed.method, parsed.target.toUtf8());
    if (parsed.body.size() > maxBodyBytes) {
        // Normally stopped earlier by GuardedTcpServer; this covers a server bound elsewhere.
        counted(reply, QStringLiteral("unmatched"), parsed.path)(
            HttpResponse::error(413, tr("The request body is over %1 bytes.").arg(maxBodyBytes)));
        return true;
    }
    dispatch(parsed, reply);
    return true;
}

void HttpServer::declareMetrics(Metrics &metrics) {
    metrics.counter(QStringLiteral("switchboard_http_requests_total"),
                    QStringLiteral("HTTP requests answered by the embedded server, by route "
                                   "pattern, method and status class."));
    metrics.counter(QStringLiteral("switchboard_webhooks_total"),
                    QStringLiteral("Webhook requests under /twilio/ and /sendgrid/, by route "
                                   "pattern and result."));
    metrics.counter(QStringLiteral("switchboard_webhook_signature_failures_total"),
                    QStringLiteral("Webhook requests refused for a missing or wrong signature."));
}

HttpServer::Reply HttpServer::counted(const Reply &reply, const QString &route,
                                      const QString &path) const {
    if (!m_metrics)
        return reply;
    const bool webhook =
        path.startsWith(QLatin1String("/twilio/")) || path.startsWith(QLatin1String("/sendgrid/"));
    return [reply, route, webhook, metrics = m_metrics](const HttpResponse &response) {
        const QString statusClass = QString::number(response.status / 100) + QStringLiteral("xx");
        metrics->increment(
            QStringLiteral("switchboard_http_requests_total"),
            {{QStringLiteral("route"), route}, {QStringLiteral("code"), statusClass}});
        if (webhook) {
            // 401/403 is how both signature checks refuse (Twilio's guard, SendGrid's key).
            const bool signature = response.status == 401 || response.status == 403;
            const QString result = response.status < 300   ? QStringLiteral("accepted")
                                   : signature             ? QStringLiteral("signature_failed")
                                   : response.status < 500 ? QStringLiteral("rejected")
                                                           : QStringLiteral("error");
            metrics->increment(
                QStringLiteral("switchboard_webhooks_total"),
                {{QStringLiteral("route"), route}, {QStringLiteral("result"), result}});
            if (signature)
                metrics->increment(QStringLiteral("switchboard_webhook_signature_failures_total"),
                                   {{QStringLiteral("route"), route}});
        }
        reply(response);
    };
}

void HttpServer::dispatch(HttpRequest &request, const Reply &reply, bool runFilters) {
    for (const auto &[prefix, filter] : std::as_const(m_filters)) {
        if (runFilters && request.path.startsWith(prefix)) {
            if (const std::optional<HttpResponse> refusal = filter(request)) {
                // Refused before routing: counted under the filter's prefix, which is bounded.
                counted(reply, prefix + QLatin1Char('*'), request.path)(*refusal);
                return;
            }
        }
    }

    const QStringList segments = request.path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    QByteArrayList allowed;
    for (const Route &route : std::as_const(m_routes)) {
        QStringList args;
        if (!matches(route.segments, segments, &args))
            continue;
        if (route.method == request.method) {
            request.args = args;
            route.handler(request, counted(reply, route.pattern, request.path));
            return;
        }
        allowed.append(route.method);
    }
    if (!allowed.isEmpty()) {
        HttpResponse response =
            HttpResponse::error(405, tr("Method %1 is not allowed here; use %2.")
                                         .arg(QString::fromLatin1(request.method),
                                              QString::fromLatin1(allowed.join(", "))));
        response.headers.append(qMakePair(QByteArrayLiteral("Allow"), allowed.join(", ")));
        counted(reply, QStringLiteral("unmatched"), request.path)(response);
        return;
    }
    counted(reply, QStringLiteral("unmatched"),
            request.path)(HttpResponse::error(404, tr("No such resource: %1").arg(request.path)));
}

void HttpServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) {
    const auto parsed = std::make_shared<HttpRequest>();
    parsed->method = methodName(request.method());
    parsed->path = request.url().path();
    counted(makeReply(socket, parsed), QStringLiteral("unmatched"),
            parsed->path)(HttpResponse::error(404, tr("Not found")));
}

} // namespace sb
