#pragma once

#include "HttpLimits.h"
#include "RequestFramer.h"

#include <QObject>
#include <QQueue>
#include <QTimer>

#include <optional>

class QTcpSocket;

namespace sb {

class GuardedTcpServer;

// Watches one connection's bytes in front of QtHttpServer's parser, without consuming them:
// beforeParser() runs before the parser on every readyRead and afterParser() after it, so the
// bytes between the two are exactly the ones the parser has not seen yet. It
// - frames every request as the parser will (RequestFramer) and answers 400/411/413/414/431/505
//   itself, closing the connection, before the parser buffers a body byte;
// - answers `Expect: 100-continue`, which 6.4 ignores (QTBUG-107854);
// - records each request's target exactly as sent, for HttpServer (takeFramed(), in order);
// - closes the connection when a head takes longer than headerTimeout, a body arrives slower
//   than its deadline, or the connection stays idle longer than idleTimeout.
// A child of its socket.
class GuardedConnection : public QObject {
    Q_OBJECT
public:
    struct Framed {
        QByteArray method;
        QByteArray target; // as sent on the wire
    };

    // A client with this much of our answers unread that still sends requests is cut off:
    // otherwise a pipelining client that never reads grows our write buffer without bound.
    static constexpr qint64 MaxUnreadAnswerBytes = 8 * 1024 * 1024;
    // After refusing a request we keep reading (and discarding) this long, so that the kernel
    // does not reset the connection before the client has read our answer.
    static constexpr int LingerMs = 5000;

    GuardedConnection(QTcpSocket *socket, const HttpLimits &limits, GuardedTcpServer *server);
    ~GuardedConnection() override;

    // The guard of a socket accepted by a GuardedTcpServer, else nullptr.
    static GuardedConnection *of(const QTcpSocket *socket);

    void beforeParser();
    void afterParser();

    // The next request the parser hands over on this connection: requests are framed and
    // handled in the same order, one for one.
    std::optional<Framed> takeFramed();
    // One answer has been queued for writing (keeps the idle timer honest).
    void answerQueued();

    QTcpSocket *socket() const { return m_socket; }

    // Since when (monotonic ms) this connection has given the server nothing to do: idle
    // between requests, still sending its head (slowloris), or lingering after a refusal. -1
    // while a request is being handled or its body arrives (that work is not cut short), and
    // once evicted.
    qint64 unproductiveSinceMs() const;
    // Closes it at once, to make room for a newcomer over a connection cap.
    void evict();
    static qint64 nowMs(); // monotonic

private:
    enum class Deadline { None, Head, Body, Idle };
    void refuse(int status, const QByteArray &kind, const QString &message);
    void closeQuietly();
    void releaseLargeBody();
    Deadline currentDeadline(qint64 *at) const;
    void updateTimer();
    void timerFired();
    QString describe(const QString &message) const;

    QTcpSocket *m_socket;
    GuardedTcpServer *m_server;
    const HttpLimits m_limits;
    RequestFramer m_framer;
    QQueue<Framed> m_framed;
    qint64 m_unconsumed = 0; // bytes available that the parser has not read yet
    qint64 m_headsFramed = 0;
    int m_awaitingAnswers = 0; // requests framed whose answer is not queued yet
    bool m_refused = false;
    bool m_evicted = false;
    qint64 m_refusedAtMs = 0;
    bool m_holdsLargeBody = false; // reading a body over limits.maxBodyBytes (a route's own)
    bool m_headStartPending = false;
    qint64 m_headStartMs = 0; // when the head being read began (the connection, for the first)
    qint64 m_bodyDeadlineMs = 0;
    qint64 m_lastActivityMs = 0;
    qint64 m_timerDueMs = -1;
    QTimer m_timer;
};

} // namespace sb
