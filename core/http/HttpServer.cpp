#include "HttpServer.h"

#include "GuardedTcpServer.h"
#include "common/Logging.h"

#include <QHash>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QMap>
#include <QMetaEnum>
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

// "PayloadTooLarge" -> "Payload Too Large", computed once for every status Qt knows.
QByteArray reasonPhrase(int status) {
    static const QHash<int, QByteArray> phrases = [] {
        QHash<int, QByteArray> table;
        const QMetaEnum meta = QMetaEnum::fromType<QHttpServerResponder::StatusCode>();
        for (int i = 0; i < meta.keyCount(); ++i) {
            QByteArray phrase;
            for (const char *p = meta.key(i); *p; ++p) {
                if (!phrase.isEmpty() && *p >= 'A' && *p <= 'Z')
                    phrase.append(' ');
                phrase.append(*p);
            }
            table.insert(meta.value(i), phrase);
        }
        return table;
    }();
    return phrases.value(status, QByteArrayLiteral("Status"));
}

// Keeps responses in request order on a connection even when an earlier request is answered
// later than a following one (QtHttpServer 6.4 would interleave them: QTBUG-105202).
class ResponseSequencer : public QObject {
public:
    explicit ResponseSequencer(QTcpSocket *socket)
        : QObject(socket)
        , m_socket(socket) {}

    quint64 reserve() { return m_nextAssigned++; }

    void complete(quint64 sequence, QByteArray bytes) {
        m_ready.insert(sequence, std::move(bytes));
        bool wrote = false;
        while (!m_ready.isEmpty() && m_ready.firstKey() == m_nextWritten) {
            m_socket->write(m_ready.take(m_nextWritten));
            ++m_nextWritten;
            wrote = true;
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
    quint64 m_nextAssigned = 0;
    quint64 m_nextWritten = 0;
    QMap<quint64, QByteArray> m_ready;
};

QByteArray serialize(const HttpResponse &response) {
    QByteArray out;
    out.reserve(128 + response.body.size());
    out.append("HTTP/1.1 ").append(QByteArray::number(response.status)).append(' ');
    out.append(reasonPhrase(response.status)).append("\r\n");
    if (!response.contentType.isEmpty())
        out.append("Content-Type: ").append(response.contentType).append("\r\n");
    for (const auto &[name, value] : response.headers)
        out.append(name).append(": ").append(value).append("\r\n");
    out.append("Content-Length: ").append(QByteArray::number(response.body.size()));
    out.append("\r\n\r\n").append(response.body);
    return out;
}

} // namespace

HttpServer::HttpServer(const QString &name, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_name(name) {}

void HttpServer::route(const QByteArray &method, const QString &pattern, Handler handler) {
    m_routes.append(
        {method, pattern.split(QLatin1Char('/'), Qt::SkipEmptyParts), std::move(handler)});
}

void HttpServer::addFilter(const QString &pathPrefix, Filter filter) {
    m_filters.append({pathPrefix, std::move(filter)});
}

quint16 HttpServer::listenOn(const QHostAddress &address, quint16 port, bool paused) {
    auto *tcp = new GuardedTcpServer(m_maxBodyBytes, this);
    if (!tcp->listen(address, port)) {
        m_error = tcp->errorString();
        delete tcp;
        return 0;
    }
    if (paused)
        tcp->pauseAccepting();
    m_tcp = tcp;
    bind(tcp);
    tcp->armAfterBind();
    return tcp->serverPort();
}

void HttpServer::resumeAccepting() {
    if (m_tcp)
        m_tcp->resumeAccepting();
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

HttpServer::Reply HttpServer::makeReply(QTcpSocket *socket, const HttpRequest &parsed) {
    auto *sequencer = ResponseSequencer::of(socket);
    const quint64 sequence = sequencer->reserve();
    QPointer<ResponseSequencer> guard(sequencer);
    QElapsedTimer timer;
    timer.start();
    auto answered = std::make_shared<bool>(false);
    QPointer<HttpServer> self(this);
    return [guard, sequence, timer, answered, self, method = parsed.method,
            path = parsed.path](const HttpResponse &response) {
        if (*answered)
            return;
        *answered = true;
        if (self && self->m_logRequests)
            qCInfo(lcHttp).noquote()
                << self->m_name << method << path << response.status
                << QString::number(timer.nsecsElapsed() / 1e6, 'f', 2) + QStringLiteral(" ms");
        if (guard)
            guard->complete(sequence, serialize(response));
    };
}

bool HttpServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) {
    HttpRequest parsed;
    parsed.method = methodName(request.method());
    const QUrl url = request.url();
    parsed.path = url.path();
    parsed.target = url.path(QUrl::FullyEncoded);
    if (url.hasQuery())
        parsed.target += QLatin1Char('?') + url.query(QUrl::FullyEncoded);
    parsed.query = request.query();
    parsed.headers = request.headers();
    parsed.body = request.body();
    parsed.peer = request.remoteAddress();

    const Reply reply = makeReply(socket, parsed);
    if (parsed.body.size() > m_maxBodyBytes) {
        // Normally stopped earlier by GuardedTcpServer; this covers a server bound elsewhere.
        reply(
            HttpResponse::error(413, tr("The request body is over %1 bytes.").arg(m_maxBodyBytes)));
        return true;
    }
    dispatch(parsed, reply);
    return true;
}

void HttpServer::dispatch(HttpRequest &request, const Reply &reply) {
    for (const auto &[prefix, filter] : std::as_const(m_filters)) {
        if (request.path.startsWith(prefix)) {
            if (const std::optional<HttpResponse> refusal = filter(request)) {
                reply(*refusal);
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
            route.handler(request, reply);
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
        reply(response);
        return;
    }
    reply(HttpResponse::error(404, tr("No such resource: %1").arg(request.path)));
}

void HttpServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) {
    HttpRequest parsed;
    parsed.method = methodName(request.method());
    parsed.path = request.url().path();
    makeReply(socket, parsed)(HttpResponse::error(404, tr("Not found")));
}

} // namespace sb
