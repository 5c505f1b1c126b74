#pragma once

#include "HttpLimits.h"

#include <QHash>
#include <QList>
#include <QPointer>
#include <QSocketNotifier>
#include <QTcpServer>

namespace sb {

class GuardedConnection;
class RejectionLog;

// A QTcpServer for QAbstractHttpServer::bind() that enforces the HttpLimits QtHttpServer 6.4
// lacks. Each accepted socket gets a GuardedConnection that frames requests in front of the
// parser (see there); this class caps open connections, overall and per address, and keeps
// accepting when the process runs out of file descriptors.
//
// Over a cap, a connection that gives the server nothing to do (idle between requests,
// still trickling its head, lingering after a refusal) is closed to make room, so that held
// slots cannot lock out Twilio's webhooks: over the overall cap, the quietest one of an
// address holding two or more connections than the newcomer's (fair share); else the one
// quiet for longest, at least evictAfterMs(). A connection whose request is being handled or
// whose body is arriving is never closed for this. With no candidate, the newcomer is refused
// at once and cheaply: accepted, sent a fixed 503 and closed, with no socket object and no
// event-loop work.
//
// It accepts connections itself rather than through QTcpServer: Qt 6.4's socket engine keeps
// the first error it ever sets, so once an accept() has found the queue empty (EAGAIN, which
// happens all the time) a later EMFILE is taken for "try again": the listening socket stays
// readable and the thread spins at full CPU, accepting nothing. Here EMFILE gives up a spare
// descriptor to accept and refuse the waiting connections, and accepting goes on.
class GuardedTcpServer : public QTcpServer {
    Q_OBJECT
public:
    // `rejections` (may be null) receives every refusal; it must outlive this server.
    GuardedTcpServer(const HttpLimits &limits, RejectionLog *rejections, QObject *parent = nullptr);
    ~GuardedTcpServer() override;

    // Call right after QAbstractHttpServer::bind(this): the after-parser slot must be connected
    // after QtHttpServer's own. Takes over accepting from QTcpServer.
    void armAfterBind();

    // Connections accepted per wake-up; and how long to stop accepting when even the spare
    // descriptor cannot be had (a few wake-ups a second instead of a spin).
    static constexpr int AcceptBatch = 64;
    static constexpr int AcceptPauseMs = 250;

    // Bound but not accepting: connections wait in the kernel's queue until accepting again
    // (the service opens its port before it is ready to serve, to learn its number).
    void setAccepting(bool accepting);

    const HttpLimits &limits() const { return m_limits; }
    // A route's own body limit, for connections accepted from now on (a part may add routes
    // after the port is bound, as the sandbox's do).
    void addRouteBodyLimit(const HttpLimits::RouteBodyLimit &limit) {
        m_limits.routeBodyLimits.append(limit);
    }
    int openConnections() const { return m_open; }

    // How long a connection must have done nothing before a newcomer over a cap may take its
    // place: a real client's request is under way well within it.
    static constexpr int DefaultEvictAfterMs = 1000;
    void setEvictAfterMs(int ms) { m_evictAfterMs = ms; }
    int evictAfterMs() const { return m_evictAfterMs; }

    // For GuardedConnection: a slot for reading a body over limits().maxBodyBytes (false: all
    // maxLargeBodies are taken), given back once that body has been parsed or the connection
    // closed.
    bool takeLargeBody();
    void releaseLargeBody() { m_largeBodies = qMax(0, m_largeBodies - 1); }
    int largeBodies() const { return m_largeBodies; }

    // For GuardedConnection: logs through the RejectionLog and emits requestRejected. Status 0
    // is a connection closed without an answer.
    void noteRejection(int status, const QByteArray &kind, const QString &example);

Q_SIGNALS:
    void requestRejected(int status, const QString &reason);

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    void attachAfterParserSlots();
    void acceptWaiting();
    void shedWaiting(int acceptErrno);
    void refuseAtOnce(int descriptor, const QByteArray &kind, const QString &example);
    // Closes a connection that does nothing to make room for a newcomer (see there); false
    // when there is none.
    bool evictFor(const QString &newcomer, const QByteArray &newcomerKey, bool perAddressCap);
    void forget(GuardedConnection *guard);

    HttpLimits m_limits;
    QPointer<RejectionLog> m_rejections;
    int m_open = 0;
    int m_largeBodies = 0;
    QHash<QByteArray, int> m_openPerAddress;
    QHash<GuardedConnection *, QByteArray> m_peerOf; // every open connection's address key
    int m_evictAfterMs = DefaultEvictAfterMs;
    QList<QPointer<GuardedConnection>> m_fresh; // not yet wired after the parser
    QSocketNotifier *m_acceptNotifier = nullptr;
    int m_spareDescriptor = -1;
    bool m_accepting = true;
};

} // namespace sb
