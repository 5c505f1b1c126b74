#pragma once

#include "HttpLimits.h"

#include <QHash>
#include <QList>
#include <QPointer>
#include <QTcpServer>

namespace sb {

class GuardedConnection;
class RejectionLog;

// A QTcpServer for QAbstractHttpServer::bind() that enforces the HttpLimits QtHttpServer 6.4
// lacks. Each accepted socket gets a GuardedConnection that frames requests in front of the
// parser (see there); this class caps open connections, overall and per address, and keeps
// accepting when the process runs out of file descriptors.
//
// Over a cap, a connection is refused at once and cheaply: accepted, sent a fixed 503 and
// closed, with no socket object and no event-loop work. When accept() itself fails for lack of
// descriptors (EMFILE), QTcpServer stops accepting for good; here a spare descriptor is given
// up to accept and refuse the waiting connections the same way, and accepting resumes.
class GuardedTcpServer : public QTcpServer {
    Q_OBJECT
public:
    // `rejections` (may be null) receives every refusal; it must outlive this server.
    GuardedTcpServer(const HttpLimits &limits, RejectionLog *rejections, QObject *parent = nullptr);
    ~GuardedTcpServer() override;

    // Call right after QAbstractHttpServer::bind(this): the after-parser slot must be connected
    // after QtHttpServer's own.
    void armAfterBind();

    const HttpLimits &limits() const { return m_limits; }
    int openConnections() const { return m_open; }

    // For GuardedConnection: logs through the RejectionLog and emits requestRejected. Status 0
    // is a connection closed without an answer.
    void noteRejection(int status, const QByteArray &kind, const QString &example);

Q_SIGNALS:
    void requestRejected(int status, const QString &reason);

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    void attachAfterParserSlots();
    void refuseAtOnce(int descriptor, const QByteArray &kind, const QString &example);
    void recoverFromAcceptError(QAbstractSocket::SocketError error);

    const HttpLimits m_limits;
    QPointer<RejectionLog> m_rejections;
    int m_open = 0;
    QHash<QByteArray, int> m_openPerAddress;
    QList<QPointer<GuardedConnection>> m_fresh; // not yet wired after the parser
    int m_spareDescriptor = -1;
};

} // namespace sb
