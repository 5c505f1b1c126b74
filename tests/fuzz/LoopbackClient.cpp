#include "LoopbackClient.h"

#include <QEventLoop>
#include <QHostAddress>
#include <QTimer>

#include <cstdio>
#include <cstdlib>

namespace sbfuzz {

bool LoopbackClient::complete(int *status, bool *keepAlive) {
    const qsizetype headEnd = m_buffer.indexOf("\r\n\r\n");
    if (headEnd < 0)
        return false;
    const QByteArray head = m_buffer.first(headEnd).toLower();
    *status = head.mid(9, 3).toInt();
    *keepAlive = !head.contains("\r\nconnection: close");
    const qsizetype at = head.indexOf("\r\ncontent-length:");
    if (at < 0) {
        // No length (a stream, or an answer ended by closing): take the head and go.
        *keepAlive = false;
        return true;
    }
    const qsizetype end = head.indexOf("\r\n", at + 2);
    const qint64 length =
        head.mid(at + 17, (end < 0 ? head.size() : end) - at - 17).trimmed().toLongLong();
    return m_buffer.size() - headEnd - 4 >= length;
}

int LoopbackClient::send(const QByteArray &request, int timeoutMs) {
    if (m_socket.state() != QAbstractSocket::ConnectedState) {
        m_socket.abort();
        m_socket.connectToHost(QHostAddress::LocalHost, m_port);
        if (!m_socket.waitForConnected(timeoutMs)) {
            std::fprintf(stderr, "fuzz: cannot connect to port %u\n", m_port);
            std::abort();
        }
    }
    m_buffer.clear();
    m_socket.write(request);

    QEventLoop loop;
    QTimer timeout;
    timeout.setSingleShot(true);
    bool timedOut = false;
    QObject::connect(&timeout, &QTimer::timeout, &loop, [&] {
        timedOut = true;
        loop.quit();
    });
    int status = 0;
    bool keepAlive = true;
    bool done = false;
    const auto read = [&] {
        m_buffer.append(m_socket.readAll());
        if (complete(&status, &keepAlive)) {
            done = true;
            loop.quit();
        }
    };
    const auto readyRead = QObject::connect(&m_socket, &QTcpSocket::readyRead, &loop, read);
    const auto closed = QObject::connect(&m_socket, &QTcpSocket::disconnected, &loop, [&] {
        read();
        loop.quit();
    });
    timeout.start(timeoutMs);
    read();
    if (!done && m_socket.state() == QAbstractSocket::ConnectedState)
        loop.exec();
    QObject::disconnect(readyRead);
    QObject::disconnect(closed);
    if (timedOut) {
        std::fprintf(stderr, "fuzz: no answer within %d ms to:\n%s\n", timeoutMs,
                     request.left(300).constData());
        std::abort();
    }
    if (!done || !keepAlive)
        m_socket.abort();
    return done ? status : 0;
}

} // namespace sbfuzz
