#pragma once

#include <QPointer>
#include <QTcpServer>

class QTcpSocket;

namespace sb {

// A QTcpServer for QAbstractHttpServer::bind() that enforces what QtHttpServer 6.4 does not:
// a request whose body is declared larger than the limit is answered 413 as soon as its headers
// arrive, before the body is buffered; oversized headers get 431; chunked uploads (whose size
// cannot be known up front) get 411. It also answers `Expect: 100-continue`, which 6.4 ignores
// (QTBUG-107854), so clients such as curl do not stall for a second.
//
// It watches each connection's byte stream without consuming it: one slot runs before
// QtHttpServer's parser on every readyRead and one after, so the bytes between the two are
// exactly the ones the parser has not seen yet.
class GuardedTcpServer : public QTcpServer {
    Q_OBJECT
public:
    explicit GuardedTcpServer(qint64 maxBodyBytes, QObject *parent = nullptr);

    // Call right after QAbstractHttpServer::bind(this): the after-parser slot must be connected
    // after QtHttpServer's own.
    void armAfterBind();

    static constexpr qint64 MaxHeaderBytes = 16 * 1024;

Q_SIGNALS:
    void requestRejected(int status, const QString &reason);

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    void attachAfterParserSlots();

    qint64 m_maxBodyBytes;
    QList<QPointer<QObject>> m_fresh; // framers of sockets QtHttpServer has not wired yet
};

} // namespace sb
