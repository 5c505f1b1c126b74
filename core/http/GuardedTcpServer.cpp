#include "GuardedTcpServer.h"

#include "common/Logging.h"

#include <QTcpSocket>
#include <QTimer>

#include <sys/socket.h>

namespace sb {

namespace detail {

// Follows one connection's requests: headers, then Content-Length bytes of body, then the
// next request. Lives as a child of the socket.
class RequestFramer : public QObject {
public:
    RequestFramer(QTcpSocket *socket, qint64 maxBody, GuardedTcpServer *server)
        : QObject(socket)
        , m_socket(socket)
        , m_maxBody(maxBody)
        , m_server(server) {}

    void beforeParser() {
        if (m_rejected) {
            m_socket->readAll(); // draining after a rejection
            return;
        }
        const qint64 available = m_socket->bytesAvailable();
        const qint64 fresh = available - m_unconsumed;
        if (fresh <= 0)
            return;
        const QByteArray data = m_socket->peek(available).right(fresh);
        m_unconsumed = available;
        feed(data);
    }

    QTcpSocket *socket() const { return m_socket; }

    void afterParser() {
        if (!m_rejected)
            m_unconsumed = m_socket->bytesAvailable();
    }

private:
    void feed(QByteArrayView data) {
        while (!data.isEmpty() && !m_rejected) {
            if (m_bodyRemaining > 0) {
                const qint64 take = qMin<qint64>(m_bodyRemaining, data.size());
                m_bodyRemaining -= take;
                data = data.sliced(take);
                continue;
            }
            // Header: accumulate until the blank line.
            const qsizetype before = m_header.size();
            m_header.append(data.constData(), data.size());
            qsizetype end = m_header.indexOf("\r\n\r\n");
            qsizetype endLength = 4;
            if (end < 0) {
                end = m_header.indexOf("\n\n");
                endLength = 2;
            }
            if (end < 0) {
                if (m_header.size() > GuardedTcpServer::MaxHeaderBytes)
                    reject(431, "Request Header Fields Too Large",
                           QStringLiteral("request headers over %1 bytes")
                               .arg(GuardedTcpServer::MaxHeaderBytes));
                return;
            }
            if (end > GuardedTcpServer::MaxHeaderBytes) {
                reject(431, "Request Header Fields Too Large",
                       QStringLiteral("request headers over %1 bytes")
                           .arg(GuardedTcpServer::MaxHeaderBytes));
                return;
            }
            const qsizetype consumed = end + endLength - before;
            const QByteArray header = m_header.left(end);
            m_header.clear();
            data = data.sliced(consumed);
            inspect(header);
        }
    }

    void inspect(const QByteArray &header) {
        qint64 length = 0;
        bool chunked = false;
        bool expectContinue = false;
        for (const QByteArray &rawLine : header.split('\n')) {
            const QByteArray line = rawLine.trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0)
                continue;
            const QByteArray name = line.left(colon).trimmed().toLower();
            const QByteArray value = line.mid(colon + 1).trimmed();
            if (name == "content-length")
                length = value.toLongLong();
            else if (name == "transfer-encoding")
                chunked = value.toLower().contains("chunked");
            else if (name == "expect")
                expectContinue = value.toLower() == "100-continue";
        }
        if (chunked) {
            reject(411, "Length Required",
                   QStringLiteral("chunked request bodies are not accepted; send Content-Length"));
            return;
        }
        if (length > m_maxBody) {
            reject(413, "Payload Too Large",
                   QStringLiteral("request body of %1 bytes is over the limit of %2 bytes")
                       .arg(length)
                       .arg(m_maxBody));
            return;
        }
        if (expectContinue && length > 0)
            m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
        m_bodyRemaining = length;
    }

    void reject(int status, const char *phrase, const QString &reason) {
        m_rejected = true;
        qCInfo(lcHttp).noquote() << "rejected before parsing:" << status << reason;
        Q_EMIT m_server->requestRejected(status, reason);
        // From here on this connection is ours alone: QtHttpServer must not parse the rest.
        QObject::disconnect(m_socket, &QTcpSocket::readyRead, m_server->parent(), nullptr);
        if (m_socket->isTransactionStarted())
            m_socket->rollbackTransaction();
        m_socket->readAll();

        const QByteArray body = "{\"error\":{\"status\":" + QByteArray::number(status) +
                                ",\"message\":\"" + reason.toUtf8() + "\"}}";
        m_socket->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + phrase +
                        "\r\nContent-Type: application/json\r\nConnection: close\r\n"
                        "Content-Length: " +
                        QByteArray::number(body.size()) + "\r\n\r\n" + body);
        // Lingering close: stop sending, keep discarding what the client still sends so the
        // kernel does not reset the connection before the client has read our answer.
        QObject::connect(m_socket, &QTcpSocket::bytesWritten, this, [this] {
            if (m_socket->bytesToWrite() == 0)
                ::shutdown(int(m_socket->socketDescriptor()), SHUT_WR);
        });
        QTimer::singleShot(5000, m_socket, [socket = m_socket] { socket->abort(); });
    }

    QTcpSocket *m_socket;
    qint64 m_maxBody;
    GuardedTcpServer *m_server;
    QByteArray m_header;
    qint64 m_bodyRemaining = 0;
    qint64 m_unconsumed = 0;
    bool m_rejected = false;
};

} // namespace detail

using detail::RequestFramer;

GuardedTcpServer::GuardedTcpServer(qint64 maxBodyBytes, QObject *parent)
    : QTcpServer(parent)
    , m_maxBodyBytes(maxBodyBytes) {}

void GuardedTcpServer::armAfterBind() {
    connect(this, &QTcpServer::pendingConnectionAvailable, this,
            &GuardedTcpServer::attachAfterParserSlots);
}

void GuardedTcpServer::incomingConnection(qintptr socketDescriptor) {
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(socketDescriptor)) {
        delete socket;
        return;
    }
    auto *framer = new RequestFramer(socket, m_maxBodyBytes, this);
    // Connected before QtHttpServer sees the socket, so it runs before the parser.
    connect(socket, &QTcpSocket::readyRead, framer, &RequestFramer::beforeParser);
    m_fresh.append(framer);
    addPendingConnection(socket);
}

void GuardedTcpServer::attachAfterParserSlots() {
    for (const QPointer<QObject> &object : std::as_const(m_fresh)) {
        if (auto *framer = static_cast<RequestFramer *>(object.data()))
            connect(framer->socket(), &QTcpSocket::readyRead, framer, &RequestFramer::afterParser);
    }
    m_fresh.clear();
}

} // namespace sb
