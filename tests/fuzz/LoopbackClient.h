#pragma once

#include <QByteArray>
#include <QTcpSocket>

namespace sbfuzz {

// One keep-alive HTTP/1.1 connection to a server in this process, used from the thread that
// runs the event loop: send() writes a request as given and runs the loop until its answer is
// complete. The server may answer on any thread; this thread keeps serving the objects that
// live on it meanwhile (a blocking socket would deadlock them).
class LoopbackClient {
public:
    explicit LoopbackClient(quint16 port)
        : m_port(port) {}

    // The answer's status, 0 when the server closed the connection without one. Aborts after
    // `timeoutMs` without an answer: a request the server never answers is a defect.
    int send(const QByteArray &request, int timeoutMs = 8000);

private:
    // Whether m_buffer holds a whole answer; *status set when it does.
    bool complete(int *status, bool *keepAlive);

    quint16 m_port;
    QTcpSocket m_socket;
    QByteArray m_buffer;
};

} // namespace sbfuzz
