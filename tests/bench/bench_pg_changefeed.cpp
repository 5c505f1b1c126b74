// Team mode's change feed under load: R receiver stores take inbound webhooks at a steady rate
// (spread over them in turn) while C console stores on the same PostgreSQL database listen;
// for every message and every console, the time from the receiver's commit being reported to
// the console announcing it (messagesArrived). All stores live in this one process, each on
// its own thread with its own connection, as separate processes would have them; one clock.
// Also: the database server's CPU time per webhook (every process of the server, from /proc).
//
//   tests/pg/pg_server.sh start build/pg-bench            # a throwaway PostgreSQL 15
//   bench_pg_changefeed --pg-state build/pg-bench [--consoles 50] [--receivers 2] [--rate 1000]
//                       [--seconds 5] [--runs 3]
//   tests/pg/pg_server.sh stop build/pg-bench
#include "PgTestServer.h"
#include "db/Store.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QLoggingCategory>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <unistd.h>
#include <vector>

namespace {

using namespace sb;

// CPU seconds used so far by the server: the postmaster and every process it started.
double serverCpuSeconds(const QString &stateDir) {
    QFile dirFile(stateDir + QStringLiteral("/datadir"));
    if (!dirFile.open(QIODevice::ReadOnly))
        return -1;
    QFile pidFile(QString::fromUtf8(dirFile.readAll()).trimmed() +
                  QStringLiteral("/data/postmaster.pid"));
    if (!pidFile.open(QIODevice::ReadOnly))
        return -1;
    const qint64 postmaster = pidFile.readLine().trimmed().toLongLong();
    const double tick = double(sysconf(_SC_CLK_TCK));
    double total = 0;
    for (const QString &entry : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
        bool numeric = false;
        const qint64 pid = entry.toLongLong(&numeric);
        if (!numeric)
            continue;
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray line = stat.readAll();
        // Fields after the command (which may hold spaces), from its closing parenthesis.
        const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
        if (fields.size() < 13)
            continue;
        const qint64 parent = fields.at(1).toLongLong();
        if (pid != postmaster && parent != postmaster)
            continue;
        total += (fields.at(11).toDouble() + fields.at(12).toDouble()) / tick; // utime, stime
    }
    return total;
}

double percentile(std::vector<double> values, double p) {
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, size_t(p * double(values.size())))];
}

struct Run {
    double rate = 0; // webhooks committed per second
    double p50 = 0, p99 = 0, max = 0;
    double sentP50 = 0, sentP99 = 0; // from the webhook's arrival at the receiver instead
    qint64 missing = 0;
    double cpuMsPerWebhook = 0;
};

std::unique_ptr<Store> openStore(const DatabaseUrl &url, const QString &folder, QObject *ctx) {
    auto store = std::make_unique<Store>(folder + QStringLiteral("/unused.sqlite"), url);
    bool done = false, ok = false;
    store->open(ctx, [&](const StoreResult<bool> &r) {
        done = true;
        ok = r.ok();
        if (!ok)
            std::fprintf(stderr, "cannot open a store: %s\n", qPrintable(r.error));
    });
    while (!done)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    return ok ? std::move(store) : nullptr;
}

Run runOnce(const QString &stateDir, int consoles, int receivers, int rate, int seconds) {
    Run run;
    QString error;
    const QString text = sbtest::PgTestServer::createDatabase(QStringLiteral("bench"), &error);
    const auto url = DatabaseUrl::parse(text, &error);
    if (!url) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        std::exit(1);
    }
    QTemporaryDir dir;
    QObject ctx;
    std::vector<std::unique_ptr<Store>> receiverStores, consoleStores;
    for (int i = 0; i < receivers; ++i)
        receiverStores.push_back(openStore(*url, dir.path(), &ctx));
    for (int i = 0; i < consoles; ++i)
        consoleStores.push_back(openStore(*url, dir.path(), &ctx));

    QElapsedTimer clock;
    clock.start();
    QHash<QString, qint64> committedAt; // SID -> ns
    QHash<QString, qint64> sentAt;      // SID -> ns
    std::vector<double> latenciesMs;
    std::vector<double> fromSentMs;
    qint64 seen = 0;
    QHash<QString, std::vector<qint64>> pendingSeen; // seen before the commit was reported
    for (auto &console : consoleStores) {
        QObject::connect(console.get(), &Store::messagesArrived, &ctx,
                         [&](const QList<MessageRecord> &messages) {
                             const qint64 now = clock.nsecsElapsed();
                             for (const MessageRecord &m : messages) {
                                 ++seen;
                                 fromSentMs.push_back(double(now - sentAt.value(m.sid)) / 1e6);
                                 const auto it = committedAt.constFind(m.sid);
                                 if (it == committedAt.constEnd())
                                     pendingSeen[m.sid].push_back(now);
                                 else
                                     latenciesMs.push_back(double(now - *it) / 1e6);
                             }
                         });
    }

    const int total = rate * seconds;
    int sent = 0, committed = 0;
    const double cpuBefore = serverCpuSeconds(stateDir);
    QTimer ticker;
    ticker.setTimerType(Qt::PreciseTimer);
    ticker.setInterval(1);
    const qint64 start = clock.nsecsElapsed();
    QObject::connect(&ticker, &QTimer::timeout, &ctx, [&] {
        // As many as the rate says should have been sent by now.
        const qint64 due =
            std::min<qint64>(total, (clock.nsecsElapsed() - start) * rate / 1000000000LL + 1);
        for (; sent < due; ++sent) {
            InboundMessage message;
            message.sid = QStringLiteral("SM%1").arg(sent, 32, 16, QLatin1Char('0'));
            message.from = QStringLiteral("+1415%1").arg(5000000 + sent % 1000);
            message.to = QStringLiteral("+15005550006");
            message.body = QStringLiteral("message %1").arg(sent);
            Store &receiver = *receiverStores[size_t(sent % receivers)];
            sentAt.insert(message.sid, clock.nsecsElapsed());
            receiver.addInboundMessage(message, &ctx, [&, sid = message.sid](const auto &r) {
                if (!r.ok())
                    return;
                ++committed;
                const qint64 now = clock.nsecsElapsed();
                committedAt.insert(sid, now);
                // A console that announced it before this report reached us: latency 0.
                for (qint64 at : pendingSeen.take(sid))
                    latenciesMs.push_back(double(std::max<qint64>(0, at - now)) / 1e6);
            });
        }
        if (sent >= total)
            ticker.stop();
    });
    ticker.start();
    const qint64 expected = qint64(total) * consoles;
    QElapsedTimer wait;
    wait.start();
    while ((committed < total || seen < expected) && wait.elapsed() < (seconds + 30) * 1000)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 10);
    const double elapsedS = double(clock.nsecsElapsed() - start) / 1e9;
    const double cpuAfter = serverCpuSeconds(stateDir);
    run.rate = committed / std::max(elapsedS, double(seconds));
    run.p50 = percentile(latenciesMs, 0.50);
    run.p99 = percentile(latenciesMs, 0.99);
    run.max = latenciesMs.empty() ? 0 : *std::max_element(latenciesMs.begin(), latenciesMs.end());
    run.sentP50 = percentile(fromSentMs, 0.50);
    run.sentP99 = percentile(fromSentMs, 0.99);
    run.missing = expected - qint64(latenciesMs.size());
    if (cpuBefore >= 0 && cpuAfter >= 0 && committed > 0)
        run.cpuMsPerWebhook = (cpuAfter - cpuBefore) * 1000 / committed;
    return run;
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("switchboard.*.info=false"));
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption state(QStringLiteral("pg-state"),
                                   QStringLiteral("The state folder of tests/pg/pg_server.sh."),
                                   QStringLiteral("dir"));
    const QCommandLineOption consoles(QStringLiteral("consoles"), QStringLiteral("Listeners."),
                                      QStringLiteral("n"), QStringLiteral("50"));
    const QCommandLineOption receivers(QStringLiteral("receivers"), QStringLiteral("Writers."),
                                       QStringLiteral("n"), QStringLiteral("2"));
    const QCommandLineOption rate(QStringLiteral("rate"), QStringLiteral("Webhooks a second."),
                                  QStringLiteral("n"), QStringLiteral("1000"));
    const QCommandLineOption seconds(QStringLiteral("seconds"), QStringLiteral("Per run."),
                                     QStringLiteral("n"), QStringLiteral("5"));
    const QCommandLineOption runs(QStringLiteral("runs"), QStringLiteral("Runs."),
                                  QStringLiteral("n"), QStringLiteral("3"));
    parser.addOptions({state, consoles, receivers, rate, seconds, runs});
    parser.process(app);
    if (!parser.isSet(state)) {
        std::fprintf(stderr, "--pg-state is required (tests/pg/pg_server.sh start <dir>)\n");
        return 2;
    }
    qputenv("SWITCHBOARD_TEST_PG", parser.value(state).toUtf8());
    if (const QString missing = sbtest::PgTestServer::missing(); !missing.isEmpty()) {
        std::fprintf(stderr, "%s\n", qPrintable(missing));
        return 2;
    }
    const int c = parser.value(consoles).toInt(), r = parser.value(receivers).toInt();
    const int perSecond = parser.value(rate).toInt(), s = parser.value(seconds).toInt();
    std::printf("%d receivers, %d consoles, %d webhooks/s for %d s\n", r, c, perSecond, s);
    std::vector<double> p50s, p99s, maxes, rates, cpus, sentP99s;
    for (int i = 0; i < parser.value(runs).toInt(); ++i) {
        const Run run = runOnce(parser.value(state), c, r, perSecond, s);
        std::printf("run %d: %.0f webhooks/s committed; commit -> visible in all consoles: p50 "
                    "%.1f ms, p99 %.1f ms, max %.1f ms (arrival -> visible: p50 %.1f ms, p99 "
                    "%.1f ms); %lld not seen; server CPU %.3f ms per webhook\n",
                    i + 1, run.rate, run.p50, run.p99, run.max, run.sentP50, run.sentP99,
                    qlonglong(run.missing), run.cpuMsPerWebhook);
        sentP99s.push_back(run.sentP99);
        std::fflush(stdout);
        p50s.push_back(run.p50);
        p99s.push_back(run.p99);
        maxes.push_back(run.max);
        rates.push_back(run.rate);
        cpus.push_back(run.cpuMsPerWebhook);
    }
    std::printf("median: %.0f webhooks/s; commit -> visible p50 %.1f ms, p99 %.1f ms, max %.1f "
                "ms; arrival -> visible p99 %.1f ms; server CPU %.3f ms per webhook\n",
                percentile(rates, 0.5), percentile(p50s, 0.5), percentile(p99s, 0.5),
                percentile(maxes, 0.5), percentile(sentP99s, 0.5), percentile(cpus, 0.5));
    return 0;
}
