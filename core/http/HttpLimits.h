#pragma once

#include <QByteArray>
#include <QList>
#include <QtGlobal>

#include <chrono>

namespace sb {

// What one embedded server lets a client use: sizes, time and connections. GuardedTcpServer
// enforces them in front of QtHttpServer 6.4, which has none of its own. The defaults suit a
// desktop console: Twilio webhooks (a few KB each, a handful of concurrent connections) and
// the local API on loopback.
struct HttpLimits {
    // Twilio's webhooks are a few KB; 1 MiB leaves room for the local API's largest requests.
    static constexpr qint64 DefaultMaxBodyBytes = 1024 * 1024;
    // Request line plus header fields. Twilio's webhooks send about 1 KB of headers.
    static constexpr qsizetype DefaultMaxHeaderBytes = 16 * 1024;
    // A real client sends its head in one packet; 10 s is what Twilio itself allows for a
    // connection, and it is what a slowloris connection can hold a slot for.
    static constexpr std::chrono::milliseconds DefaultHeaderTimeout{10'000};
    // The body gets this grace plus the time to arrive at MinBodyBytesPerSecond: 74 s for a
    // 1 MiB body, 10 s for a webhook's few KB.
    static constexpr std::chrono::milliseconds DefaultBodyTimeout{10'000};
    static constexpr qint64 DefaultMinBodyBytesPerSecond = 16 * 1024;
    // An idle keep-alive connection (no request in progress, every answer sent) is closed
    // after this; the next request opens a new one.
    static constexpr std::chrono::milliseconds DefaultIdleTimeout{60'000};
    // Open connections in all. Far above what Twilio and a few API clients need, and at most a
    // quarter of RLIMIT_NOFILE, so that the rest of the process (SQLite, the Twilio client's
    // connections, the GUI) always has descriptors. Each connection can hold about twice its
    // body while QtHttpServer reads it, so this also bounds memory (~256 MiB at 1 MiB bodies).
    static constexpr int DefaultMaxConnections = 128;
    // Open connections from one address (an IPv6 client counts by its /64). A quarter of the
    // global cap, so one client cannot take all of it. Behind a tunnel (ngrok, cloudflared)
    // every client is 127.0.0.1, so this then bounds all tunnelled traffic together.
    static constexpr int DefaultMaxConnectionsPerAddress = 32;

    // Requests with a body above maxBodyBytes being read at once (only routes with a higher
    // limit of their own take them): each is buffered whole by QtHttpServer, so this bounds
    // what large bodies can take of memory together. More get 503 before their body is read.
    static constexpr int DefaultMaxLargeBodies = 2;

    // One route allowed a larger body than maxBodyBytes (e.g. send-email's attachments).
    struct RouteBodyLimit {
        QByteArray method;
        QByteArray path; // the decoded path exactly, no query
        qint64 maxBodyBytes = 0;
    };

    qint64 maxBodyBytes = DefaultMaxBodyBytes;
    QList<RouteBodyLimit> routeBodyLimits;
    int maxLargeBodies = DefaultMaxLargeBodies;
    qsizetype maxHeaderBytes = DefaultMaxHeaderBytes;
    std::chrono::milliseconds headerTimeout = DefaultHeaderTimeout;
    std::chrono::milliseconds bodyTimeout = DefaultBodyTimeout;
    qint64 minBodyBytesPerSecond = DefaultMinBodyBytesPerSecond;
    std::chrono::milliseconds idleTimeout = DefaultIdleTimeout;
    int maxConnections = cappedByFileLimit(DefaultMaxConnections);
    int maxConnectionsPerAddress = DefaultMaxConnectionsPerAddress;

    // The body limit for one request: its route's own, else maxBodyBytes. `target` is the
    // request target as sent (origin or absolute form, query included); it must name the
    // route's path byte for byte (an escaped spelling of the same path gets the default).
    qint64 maxBodyBytesFor(const QByteArray &method, const QByteArray &target) const;

    // `wanted`, lowered to a quarter of this process's RLIMIT_NOFILE (soft limit).
    static int cappedByFileLimit(int wanted);
};

} // namespace sb
