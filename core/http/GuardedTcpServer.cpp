#include "GuardedTcpServer.h"

#include "GuardedConnection.h"
#include "HttpMessage.h"
#include "RejectionLog.h"

#include <QTcpSocket>
#include <QTimer>

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace sb {

namespace {

struct Peer {
    QByteArray key; // IPv4 address, or the /64 of an IPv6 one
    QString text;
};

Peer peerOf(int descriptor) {
    sockaddr_storage address{};
    socklen_t length = sizeof address;
    if (::getpeername(descriptor, reinterpret_cast<sockaddr *>(&address), &length) != 0)
        return {QByteArrayLiteral("?"), QStringLiteral("?")};
    char text[INET6_ADDRSTRLEN] = {};
    if (address.ss_family == AF_INET) {
        const auto *v4 = reinterpret_cast<const sockaddr_in *>(&address);
        ::inet_ntop(AF_INET, &v4->sin_addr, text, sizeof text);
        return {QByteArray(reinterpret_cast<const char *>(&v4->sin_addr), 4),
                QString::fromLatin1(text)};
    }
    if (address.ss_family == AF_INET6) {
        const auto *v6 = reinterpret_cast<const sockaddr_in6 *>(&address);
        const auto *bytes = reinterpret_cast<const char *>(&v6->sin6_addr);
        if (IN6_IS_ADDR_V4MAPPED(&v6->sin6_addr)) {
            ::inet_ntop(AF_INET, bytes + 12, text, sizeof text);
            return {QByteArray(bytes + 12, 4), QString::fromLatin1(text)};
        }
        ::inet_ntop(AF_INET6, &v6->sin6_addr, text, sizeof text);
        // One host usually has a whole /64: counting its addresses one by one caps nothing.
        return {QByteArray(bytes, 8), QString::fromLatin1(text)};
    }
    return {QByteArrayLiteral("?"), QStringLiteral("?")};
}

int openSpareDescriptor() {
    return ::open("/dev/null", O_RDONLY | O_CLOEXEC);
}

} // namespace

GuardedTcpServer::GuardedTcpServer(const HttpLimits &limits, RejectionLog *rejections,
                                   QObject *parent)
    : QTcpServer(parent)
    , m_limits(limits)
    , m_rejections(rejections)
    , m_spareDescriptor(openSpareDescriptor()) {}

GuardedTcpServer::~GuardedTcpServer() {
    if (m_spareDescriptor >= 0)
        ::close(m_spareDescriptor);
}

void GuardedTcpServer::armAfterBind() {
    connect(this, &QTcpServer::pendingConnectionAvailable, this,
            &GuardedTcpServer::attachAfterParserSlots);
    if (m_acceptNotifier || !isListening())
        return;
    pauseAccepting(); // QTcpServer's own accept loop, for good
    m_acceptNotifier = new QSocketNotifier(socketDescriptor(), QSocketNotifier::Read, this);
    m_acceptNotifier->setEnabled(m_accepting);
    connect(m_acceptNotifier, &QSocketNotifier::activated, this, &GuardedTcpServer::acceptWaiting);
}

void GuardedTcpServer::setAccepting(bool accepting) {
    m_accepting = accepting;
    if (m_acceptNotifier)
        m_acceptNotifier->setEnabled(accepting);
}

void GuardedTcpServer::acceptWaiting() {
    // A bounded batch, so that a connection flood cannot starve the connections already open.
    for (int i = 0; i < AcceptBatch; ++i) {
        const int descriptor =
            ::accept4(int(socketDescriptor()), nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (descriptor >= 0) {
            incomingConnection(descriptor);
            continue;
        }
        switch (errno) {
        case EAGAIN:
#if EAGAIN != EWOULDBLOCK
        case EWOULDBLOCK:
#endif
            return; // the queue is empty
        case EINTR:
        case ECONNABORTED: // the client gave up while waiting
            continue;
        default:
            shedWaiting(errno); // EMFILE, ENFILE, ENOBUFS, ENOMEM, ...
            return;
        }
    }
}

bool GuardedTcpServer::takeLargeBody() {
    if (m_largeBodies >= m_limits.maxLargeBodies)
        return false;
    ++m_largeBodies;
    return true;
}

void GuardedTcpServer::noteRejection(int status, const QByteArray &kind, const QString &example) {
    const QString kindText =
        status > 0 ? QStringLiteral("%1 %2").arg(status).arg(QString::fromLatin1(kind))
                   : QString::fromLatin1(kind);
    if (m_rejections)
        m_rejections->note(kindText, example);
    Q_EMIT requestRejected(status, example);
}

void GuardedTcpServer::incomingConnection(qintptr socketDescriptor) {
    const int descriptor = int(socketDescriptor);
    const Peer peer = peerOf(descriptor);
    if (m_open >= m_limits.maxConnections && !evictFor(peer.text, peer.key, false)) {
        refuseAtOnce(
            descriptor, "connection cap",
            QStringLiteral("from %1: %2 connections open, the cap").arg(peer.text).arg(m_open));
        return;
    }
    if (m_openPerAddress.value(peer.key) >= m_limits.maxConnectionsPerAddress &&
        !evictFor(peer.text, peer.key, true)) {
        refuseAtOnce(descriptor, "per-address cap",
                     QStringLiteral("from %1: %2 connections open from there, the cap")
                         .arg(peer.text)
                         .arg(m_openPerAddress.value(peer.key)));
        return;
    }
    int &fromPeer = m_openPerAddress[peer.key];

    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(socketDescriptor)) {
        delete socket;
        ::close(descriptor); // still ours: QAbstractSocket took no ownership
        if (fromPeer == 0)
            m_openPerAddress.remove(peer.key);
        return;
    }
    ++m_open;
    ++fromPeer;
    auto *guard = new GuardedConnection(socket, m_limits, this);
    m_peerOf.insert(guard, peer.key);
    // The guard is the socket's child: alive still when the socket's destroyed() is emitted.
    connect(socket, &QObject::destroyed, this, [this, guard] { forget(guard); });
    // Connected before QtHttpServer sees the socket, so it runs before the parser.
    connect(socket, &QTcpSocket::readyRead, guard, &GuardedConnection::beforeParser);
    m_fresh.append(guard);
    addPendingConnection(socket);
}

// Counted out once: when evicted (its slot is the newcomer's at once) or when its socket goes.
void GuardedTcpServer::forget(GuardedConnection *guard) {
    const auto peer = m_peerOf.find(guard);
    if (peer == m_peerOf.end())
        return;
    --m_open;
    const auto it = m_openPerAddress.find(peer.value());
    if (it != m_openPerAddress.end() && --it.value() <= 0)
        m_openPerAddress.erase(it);
    m_peerOf.erase(peer);
}

// Over the overall cap, an address holding at least two connections more than the newcomer's
// gives up its quietest one, however young: an attacker spread over a few addresses cannot
// keep a webhook out by reopening what is closed faster than anything grows quiet. Otherwise
// (and over the per-address cap) the connection quiet for longest, at least evictAfterMs.
bool GuardedTcpServer::evictFor(const QString &newcomer, const QByteArray &newcomerKey,
                                bool perAddressCap) {
    const qint64 now = GuardedConnection::nowMs();
    QByteArray heaviest;
    if (!perAddressCap) {
        const int own = m_openPerAddress.value(newcomerKey);
        int most = own + 1;
        for (auto it = m_openPerAddress.cbegin(); it != m_openPerAddress.cend(); ++it) {
            if (it.value() > most) {
                most = it.value();
                heaviest = it.key();
            }
        }
    }
    const auto quietest = [this](const QByteArray *onlyFrom, qint64 before) {
        GuardedConnection *found = nullptr;
        qint64 foundSince = before;
        for (auto it = m_peerOf.cbegin(); it != m_peerOf.cend(); ++it) {
            if (onlyFrom && it.value() != *onlyFrom)
                continue;
            const qint64 since = it.key()->unproductiveSinceMs();
            if (since >= 0 && since < foundSince) {
                found = it.key();
                foundSince = since;
            }
        }
        return std::pair{found, foundSince};
    };
    auto [oldest, since] = heaviest.isEmpty() ? std::pair<GuardedConnection *, qint64>{nullptr, 0}
                                              : quietest(&heaviest, now + 1);
    QByteArray kind = "evicted (fair share)";
    if (!oldest) {
        std::tie(oldest, since) =
            quietest(perAddressCap ? &newcomerKey : nullptr, now - m_evictAfterMs + 1);
        kind = perAddressCap ? "evicted (per-address cap)" : "evicted (connection cap)";
    }
    if (!oldest)
        return false;
    noteRejection(0, kind,
                  QStringLiteral("from %1: unproductive for %2 ms, closed for a newcomer from %3")
                      .arg(oldest->socket()->peerAddress().toString())
                      .arg(now - since)
                      .arg(newcomer));
    forget(oldest);
    oldest->evict();
    return true;
}

void GuardedTcpServer::attachAfterParserSlots() {
    for (const QPointer<GuardedConnection> &guard : std::as_const(m_fresh)) {
        if (guard)
            connect(guard->socket(), &QTcpSocket::readyRead, guard,
                    &GuardedConnection::afterParser);
    }
    m_fresh.clear();
}

// No socket object, no event-loop work: what arrived is discarded, a fixed answer is written
// to the kernel's buffer (a new connection's buffer always has room), the descriptor closed.
void GuardedTcpServer::refuseAtOnce(int descriptor, const QByteArray &kind,
                                    const QString &example) {
    // Never destroyed: the server thread may still refuse while exit() runs.
    static const QByteArray &answer = *new QByteArray([] {
        HttpResponse response = HttpResponse::error(
            503, QStringLiteral("Too many connections; try again in a few seconds."));
        response.headers.append({QByteArrayLiteral("Retry-After"), QByteArrayLiteral("5")});
        response.headers.append({QByteArrayLiteral("Connection"), QByteArrayLiteral("close")});
        return response.serialize();
    }());
    char discard[4096];
    while (::recv(descriptor, discard, sizeof discard, MSG_DONTWAIT) > 0) {
    }
    [[maybe_unused]] const ssize_t sent =
        ::send(descriptor, answer.constData(), size_t(answer.size()), MSG_DONTWAIT | MSG_NOSIGNAL);
    ::close(descriptor);
    noteRejection(503, kind, example);
}

// Out of descriptors (or kernel memory): the waiting connections cannot be accepted, and the
// listening socket stays readable. Give up the spare descriptor to accept and refuse them, then
// take it back. Without one, stop listening for a moment rather than spin.
void GuardedTcpServer::shedWaiting(int acceptErrno) {
    if (m_spareDescriptor >= 0) {
        ::close(m_spareDescriptor);
        m_spareDescriptor = -1;
    }
    int refused = 0;
    int lastErrno = acceptErrno;
    while (refused < AcceptBatch) {
        const int descriptor =
            ::accept4(int(socketDescriptor()), nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (descriptor < 0) {
            lastErrno = errno;
            break;
        }
        ++refused;
        refuseAtOnce(
            descriptor, "out of file descriptors",
            QStringLiteral("from %1: accept() failed (%2); connection refused")
                .arg(peerOf(descriptor).text, QString::fromLocal8Bit(std::strerror(acceptErrno))));
    }
    m_spareDescriptor = openSpareDescriptor();
    if (refused > 0)
        return; // progress: the notifier stays on for whatever still waits
    noteRejection(0, "accept failed",
                  QStringLiteral("accept() failed: %1; pausing %2 ms")
                      .arg(QString::fromLocal8Bit(std::strerror(lastErrno)))
                      .arg(AcceptPauseMs));
    m_acceptNotifier->setEnabled(false);
    QTimer::singleShot(AcceptPauseMs, this, [this] {
        if (m_acceptNotifier)
            m_acceptNotifier->setEnabled(m_accepting);
    });
}

} // namespace sb
