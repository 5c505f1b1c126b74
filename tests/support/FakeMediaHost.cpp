#include "FakeMediaHost.h"

using namespace sb;

FakeMediaHost::FakeMediaHost() {
    m_server.setLogRequests(false);
    auto handler = [this](const HttpRequest &r, const HttpServer::Reply &reply) {
        m_seen.append({r.path, r.header("Authorization")});
        QList<Answer> &answers = m_answers[r.path];
        if (answers.isEmpty())
            return reply(HttpResponse::error(404, QStringLiteral("nothing at %1").arg(r.path)));
        const Answer a = answers.size() > 1 ? answers.takeFirst() : answers.first();
        HttpResponse response{a.status, a.contentType, a.body, {}};
        if (!a.location.isEmpty())
            response.headers.append({QByteArray("Location"), a.location});
        reply(response);
    };
    // Any path up to eight segments deep.
    QString pattern;
    for (int depth = 1; depth <= 8; ++depth) {
        pattern += QStringLiteral("/{s%1}").arg(depth);
        m_server.route("GET", pattern, handler);
    }
    m_port = m_server.listenOn(QHostAddress::LocalHost, 0);
}

QList<FakeMediaHost::Seen> FakeMediaHost::seen(const QString &path) const {
    QList<Seen> matching;
    for (const Seen &s : m_seen) {
        if (path.isEmpty() || s.path == path)
            matching.append(s);
    }
    return matching;
}
