#include "GuardedConnection.h"

#include "GuardedTcpServer.h"
#include "HttpMessage.h"

#include <QDeadlineTimer>
#include <QTcpSocket>

#include <sys/socket.h>

namespace sb {

qint64 GuardedConnection::nowMs() {
    return QDeadlineTimer::current().deadline(); // monotonic milliseconds
}

GuardedConnection::GuardedConnection(QTcpSocket *socket, const HttpLimits &limits,
                                     GuardedTcpServer *server)
    : QObject(socket)
    , m_socket(socket)
    , m_server(server)
    , m_limits(limits)
    , m_framer(limits.maxBodyBytes, limits.maxHeaderBytes)
    , m_timer(this) {
    m_headStartMs = m_lastActivityMs = nowMs();
    if (!m_limits.routeBodyLimits.isEmpty())
        m_framer.setBodyLimit([this](const QByteArray &method, const QByteArray &target) {
            return m_limits.maxBodyBytesFor(method, target);
        });
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &GuardedConnection::timerFired);
    connect(m_socket, &QTcpSocket::bytesWritten, this, [this] { m_lastActivityMs = nowMs(); });
    updateTimer();
}

GuardedConnection::~GuardedConnection() {
    releaseLargeBody();
}

void GuardedConnection::releaseLargeBody() {
    if (m_holdsLargeBody) {
        m_holdsLargeBody = false;
        m_server->releaseLargeBody();
    }
}

GuardedConnection *GuardedConnection::of(const QTcpSocket *socket) {
    return socket->findChild<GuardedConnection *>(QString(), Qt::FindDirectChildrenOnly);
}

void GuardedConnection::beforeParser() {
    if (m_refused) {
        m_socket->readAll(); // lingering after a refusal: discard
        return;
    }
    const qint64 available = m_socket->bytesAvailable();
    if (available <= m_unconsumed)
        return;
    if (m_socket->bytesToWrite() > MaxUnreadAnswerBytes) {
        m_server->noteRejection(0, "unread answers",
                                describe(QStringLiteral("over %1 bytes of answers unread, "
                                                        "connection closed")
                                             .arg(MaxUnreadAnswerBytes)));
        m_refused = true;
        m_refusedAtMs = nowMs();
        QObject::disconnect(m_socket, &QTcpSocket::readyRead, m_server->parent(), nullptr);
        m_socket->abort();
        return;
    }
    // peek() copies from the parser's read position: the part it has not read yet plus the
    // new bytes. That part is small: the parser reads a request as soon as it is complete.
    const QByteArray bytes = m_socket->peek(available);
    QByteArrayView data = QByteArrayView(bytes).sliced(m_unconsumed);
    m_unconsumed = available;
    while (!data.isEmpty()) {
        switch (m_framer.feed(data)) {
        case RequestFramer::Step::NeedMore:
            break;
        case RequestFramer::Step::Head: {
            const RequestFramer::Head &head = m_framer.head();
            if (head.contentLength > m_limits.maxBodyBytes) {
                // Only a route with its own larger limit gets here; few such bodies at a time.
                if (!m_server->takeLargeBody()) {
                    refuse(503, "large bodies cap",
                           QStringLiteral("%1 large request bodies are being read already; try "
                                          "again shortly")
                               .arg(m_limits.maxLargeBodies));
                    return;
                }
                m_holdsLargeBody = true;
            }
            m_framed.enqueue({head.method, head.target});
            ++m_headsFramed;
            ++m_awaitingAnswers;
            m_headStartPending = true;
            const qint64 bodyMs =
                head.contentLength * 1000 / qMax<qint64>(1, m_limits.minBodyBytesPerSecond);
            m_bodyDeadlineMs = nowMs() + m_limits.bodyTimeout.count() + bodyMs;
            if (head.expectContinue)
                m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
            break;
        }
        case RequestFramer::Step::Refused: {
            const RequestFramer::Refusal &refusal = m_framer.refusal();
            refuse(refusal.status, refusal.kind, refusal.message);
            return;
        }
        }
    }
    if (m_headStartPending && m_framer.isReadingHead()) {
        m_headStartPending = false;
        m_headStartMs = nowMs();
    }
    updateTimer();
}

void GuardedConnection::afterParser() {
    if (!m_refused)
        m_unconsumed = m_socket->bytesAvailable();
    // The parser has taken the large body (and handed it to its route) once the framer has
    // moved past it.
    if (m_holdsLargeBody && !m_framer.isReadingBody())
        releaseLargeBody();
}

std::optional<GuardedConnection::Framed> GuardedConnection::takeFramed() {
    if (m_framed.isEmpty())
        return std::nullopt;
    return m_framed.dequeue();
}

void GuardedConnection::answerQueued() {
    m_awaitingAnswers = qMax(0, m_awaitingAnswers - 1);
    m_lastActivityMs = nowMs();
    updateTimer();
}

GuardedConnection::Deadline GuardedConnection::currentDeadline(qint64 *at) const {
    if (m_framer.isReadingBody()) {
        *at = m_bodyDeadlineMs;
        return Deadline::Body;
    }
    if (m_framer.isReadingHead() || m_headsFramed == 0) {
        *at = m_headStartMs + m_limits.headerTimeout.count();
        return Deadline::Head;
    }
    if (m_awaitingAnswers > 0)
        return Deadline::None; // a handler is working on it
    *at = m_lastActivityMs + m_limits.idleTimeout.count();
    return Deadline::Idle;
}

// The timer only ever needs to move earlier here: when it fires, timerFired() looks again and
// re-arms for a deadline that moved later. That keeps timer restarts off the per-request path.
void GuardedConnection::updateTimer() {
    if (m_refused)
        return;
    qint64 at = 0;
    if (currentDeadline(&at) == Deadline::None)
        return;
    if (m_timer.isActive() && m_timerDueMs <= at)
        return;
    m_timerDueMs = at;
    m_timer.start(int(qMax<qint64>(0, at - nowMs())));
}

void GuardedConnection::timerFired() {
    if (m_refused)
        return;
    qint64 at = 0;
    const Deadline deadline = currentDeadline(&at);
    if (deadline == Deadline::None)
        return;
    const qint64 now = nowMs();
    if (at > now) {
        m_timerDueMs = at;
        m_timer.start(int(at - now));
        return;
    }
    switch (deadline) {
    case Deadline::None:
        break;
    case Deadline::Head:
        // 408 once there is a request to answer; blank lines or half a request line (or
        // nothing at all) are closed without an answer, as an idle connection would be.
        if (m_framer.hasRequestLine())
            refuse(408, "header timeout",
                   QStringLiteral("the request head did not arrive within %1 ms")
                       .arg(m_limits.headerTimeout.count()));
        else
            refuse(
                0, "header timeout",
                QStringLiteral("no request line within %1 ms").arg(m_limits.headerTimeout.count()));
        break;
    case Deadline::Body:
        refuse(408, "body timeout",
               QStringLiteral("the request body did not arrive in time (%1 bytes still missing)")
                   .arg(m_framer.bodyRemaining()));
        break;
    case Deadline::Idle:
        closeQuietly();
        break;
    }
}

// "POST /twilio/sms-status from 1.2.3.4: ..." for the log; the query is left out.
QString GuardedConnection::describe(const QString &message) const {
    QString request;
    if (m_framer.hasRequestLine() || m_framer.isReadingBody()) {
        const RequestFramer::Head &head = m_framer.head();
        const QByteArray path = RequestFramer::originForm(head.target).split('?').value(0);
        request = QString::fromLatin1(head.method + ' ' + path.left(100)) + QLatin1Char(' ');
    }
    return QStringLiteral("%1from %2: %3")
        .arg(request, m_socket->peerAddress().toString(), message);
}

qint64 GuardedConnection::unproductiveSinceMs() const {
    if (m_evicted)
        return -1;
    if (m_refused)
        return m_refusedAtMs;
    qint64 at = 0;
    switch (currentDeadline(&at)) {
    case Deadline::Head:
        return m_headStartMs;
    case Deadline::Idle:
        return m_lastActivityMs;
    case Deadline::Body:
    case Deadline::None:
        break;
    }
    return -1;
}

void GuardedConnection::evict() {
    m_evicted = m_refused = true;
    m_timer.stop();
    QObject::disconnect(m_socket, &QTcpSocket::readyRead, m_server->parent(), nullptr);
    m_socket->abort();
}

// status 0: close without an answer (the client sent nothing to answer).
void GuardedConnection::refuse(int status, const QByteArray &kind, const QString &message) {
    m_refused = true;
    m_refusedAtMs = nowMs();
    m_timer.stop();
    m_server->noteRejection(status, kind, describe(message));
    // From here on the connection is ours alone: the parser must not see another byte.
    QObject::disconnect(m_socket, &QTcpSocket::readyRead, m_server->parent(), nullptr);
    if (m_socket->isTransactionStarted())
        m_socket->rollbackTransaction();
    m_socket->readAll();
    if (status == 0) {
        m_socket->abort();
        return;
    }
    HttpResponse response = HttpResponse::error(status, message);
    response.headers.append({QByteArrayLiteral("Connection"), QByteArrayLiteral("close")});
    m_socket->write(response.serialize());
    // Lingering close: stop sending once the answer is out, keep discarding what the client
    // still sends, so the kernel does not reset the connection before the answer is read.
    connect(m_socket, &QTcpSocket::bytesWritten, this, [this] {
        if (m_socket->bytesToWrite() == 0)
            ::shutdown(int(m_socket->socketDescriptor()), SHUT_WR);
    });
    QTimer::singleShot(LingerMs, m_socket, [socket = m_socket] { socket->abort(); });
}

void GuardedConnection::closeQuietly() {
    m_refused = true;
    m_refusedAtMs = nowMs();
    m_timer.stop();
    QObject::disconnect(m_socket, &QTcpSocket::readyRead, m_server->parent(), nullptr);
    // Answers the client never read for a whole idle period are not worth waiting for.
    if (m_socket->bytesToWrite() > 0)
        m_socket->abort();
    else
        m_socket->disconnectFromHost();
}

} // namespace sb
