// A stand-alone embedded server for tests and measurements that need their own process: a
// lowered RLIMIT_NOFILE, or the server's own RSS and CPU time.
//
//   httpguard_server [--nofile N] [--burn-fds N] [--max-connections N] [--per-address N]
//                    [--header-timeout-ms N] [--idle-timeout-ms N]
//
// Prints "listening <port>", serves GET /fast and POST /echo (the body's size), and answers
// "stats" on stdin with "stats cpu_ms=<user+system> rss_kb=<resident> open=<connections>".
// Exits when stdin closes.
#include "http/GuardedTcpServer.h"
#include "http/HttpServer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QSocketNotifier>

#include <cstdio>
#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>

using namespace sb;

namespace {

qint64 residentKb() {
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

qint64 cpuMs() {
    rusage usage{};
    ::getrusage(RUSAGE_SELF, &usage);
    return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000 +
           (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000;
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption nofile(QStringLiteral("nofile"), QString(), QStringLiteral("n"));
    const QCommandLineOption burn(QStringLiteral("burn-fds"), QString(), QStringLiteral("n"));
    const QCommandLineOption maxConnections(QStringLiteral("max-connections"), QString(),
                                            QStringLiteral("n"));
    const QCommandLineOption perAddress(QStringLiteral("per-address"), QString(),
                                        QStringLiteral("n"));
    const QCommandLineOption headerTimeout(QStringLiteral("header-timeout-ms"), QString(),
                                           QStringLiteral("ms"));
    const QCommandLineOption idleTimeout(QStringLiteral("idle-timeout-ms"), QString(),
                                         QStringLiteral("ms"));
    parser.addOptions({nofile, burn, maxConnections, perAddress, headerTimeout, idleTimeout});
    parser.process(app);

    if (parser.isSet(nofile)) {
        const rlim_t n = parser.value(nofile).toULong();
        const rlimit limit{n, n};
        if (::setrlimit(RLIMIT_NOFILE, &limit) != 0) {
            std::perror("setrlimit");
            return 1;
        }
    }
    // Descriptors the rest of a process would hold (SQLite, the Twilio client, the GUI).
    for (int i = 0; i < parser.value(burn).toInt(); ++i)
        ::open("/dev/null", O_RDONLY | O_CLOEXEC);

    HttpLimits limits; // read after setrlimit: the default cap follows the file limit
    if (parser.isSet(maxConnections))
        limits.maxConnections = parser.value(maxConnections).toInt();
    if (parser.isSet(perAddress))
        limits.maxConnectionsPerAddress = parser.value(perAddress).toInt();
    if (parser.isSet(headerTimeout))
        limits.headerTimeout = std::chrono::milliseconds(parser.value(headerTimeout).toInt());
    if (parser.isSet(idleTimeout))
        limits.idleTimeout = std::chrono::milliseconds(parser.value(idleTimeout).toInt());

    HttpServer server(QStringLiteral("guard"));
    server.setLimits(limits);
    server.setLogRequests(false);
    server.route("GET", QStringLiteral("/fast"), [](const HttpRequest &, HttpServer::Reply reply) {
        reply({200, "text/plain", "fast", {}});
    });
    server.route("POST", QStringLiteral("/echo"),
                 [](const HttpRequest &r, HttpServer::Reply reply) {
                     reply({200, "text/plain", QByteArray::number(r.body.size()), {}});
                 });
    const quint16 port = server.listenOn(QHostAddress::LocalHost, 0);
    if (port == 0) {
        std::fprintf(stderr, "cannot listen: %s\n", qPrintable(server.errorString()));
        return 1;
    }
    auto *tcp = server.findChild<GuardedTcpServer *>();
    std::printf("listening %u max-connections %d\n", port, limits.maxConnections);
    std::fflush(stdout);

    QSocketNotifier input(STDIN_FILENO, QSocketNotifier::Read);
    QByteArray pending;
    QObject::connect(&input, &QSocketNotifier::activated, &app, [&] {
        char buffer[256];
        const ssize_t got = ::read(STDIN_FILENO, buffer, sizeof buffer);
        if (got <= 0)
            return app.quit();
        pending.append(buffer, got);
        qsizetype end;
        while ((end = pending.indexOf('\n')) >= 0) {
            if (pending.left(end).trimmed() == "stats") {
                std::printf("stats cpu_ms=%lld rss_kb=%lld open=%d\n", (long long)cpuMs(),
                            (long long)residentKb(), tcp ? tcp->openConnections() : -1);
                std::fflush(stdout);
            }
            pending.remove(0, end + 1);
        }
    });
    return app.exec();
}
