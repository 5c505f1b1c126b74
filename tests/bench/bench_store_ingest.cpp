// Store-only ingest, the database's share of the webhook-ingest figure, and what the inbox adds
// to it. Two workloads, each N webhooks queued at once and timed until all are committed:
//   inbound  incoming messages as the SMS webhook stores them (the message, its media rows, the
//            opt-out check in one job), from 1,000 customers, one in three a WhatsApp address;
//            each is a new row of `messages`, so each fires the inbox's triggers
//   status   status callbacks (sending, sent, delivered per message SID): a stub message per
//            SID, then status updates, which no inbox trigger watches
// each into a fresh SQLite file with (a) every schema module the app registers except the
// inbox's (`Inbox::schemas()`) and (b) all of them, as SwitchboardService registers them. The
// two alternate within each run; medians printed, with the ratio b/a of the time per message.
//   bench_store_ingest [--messages 20000] [--runs 5]
#include "db/Store.h"
#include "db/StoreWorker.h"
#include "inbox/Inbox.h"
#include "media/MediaRows.h"
#include "messaging/OptOuts.h"
#include "runtime/BuiltInChannels.h"
#include "runtime/SwitchboardService.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QLoggingCategory>
#include <QTemporaryDir>
#include <QUrl>

#include <algorithm>
#include <cstdio>
#include <ctime>

namespace {

using namespace sb;

enum class Workload { Inbound, Status };

QList<Schema> schemasFor(const ChannelList &channels, bool withInbox) {
    QStringList inboxModules;
    for (const Schema &schema : Inbox::schemas(channels))
        inboxModules.append(schema.module);
    QList<Schema> chosen;
    for (const Schema &schema : SwitchboardService::schemas(channels)) {
        if (withInbox || !inboxModules.contains(schema.module))
            chosen.append(schema);
    }
    return chosen;
}

void queueInbound(Store &store, int i) {
    static const char *words[] = {"order", "delivery", "refund",   "thanks",  "please",
                                  "when",  "parcel",   "tracking", "arrived", "broken",
                                  "help",  "invoice",  "address",  "monday",  "tomorrow",
                                  "call",  "store",    "receipt",  "size",    "colour"};
    const bool whatsapp = i % 3 == 0;
    const QString customer =
        QStringLiteral("+1415%1").arg(5000000 + i % 1000, 7, 10, QLatin1Char('0'));
    InboundMessage message;
    message.sid = QStringLiteral("SM%1").arg(i, 32, 16, QLatin1Char('0'));
    message.channel = whatsapp ? QStringLiteral("whatsapp") : QStringLiteral("sms");
    message.from = whatsapp ? QStringLiteral("whatsapp:") + customer : customer;
    message.to =
        whatsapp ? QStringLiteral("whatsapp:+14155238886") : QStringLiteral("+15005550006");
    QStringList body;
    for (int w = 0; w < 10; ++w)
        body.append(QLatin1String(words[(i * 7 + w * 13) % 20]));
    body.append(QString::number(i));
    message.body = body.join(QLatin1Char(' '));
    message.payload =
        "ToCountry=US&ToState=CA&SmsMessageSid=" + message.sid.toUtf8() +
        "&NumMedia=0&ToCity=&FromZip=&SmsSid=" + message.sid.toUtf8() +
        "&FromState=CA&SmsStatus=received&FromCity=&Body=" + QUrl::toPercentEncoding(message.body) +
        "&FromCountry=US&To=%2B15005550006&ToZip=&NumSegments=1&MessageSid=" +
        message.sid.toUtf8() + "&AccountSid=AC0123456789abcdef0123456789abcdef&From=" +
        QUrl::toPercentEncoding(message.from) + "&ApiVersion=2010-04-01";
    const QDateTime now = QDateTime::currentDateTimeUtc();
    // What SmsWebhooks::incoming stores for one webhook, as one job.
    store.run<bool>(Receiver(),
                    [message, now](StoreWorker &w, QString *error) -> std::optional<bool> {
                        if (!w.addInboundMessage(message, error) ||
                            !MediaRows::addInbound(w, message, now, error) ||
                            !OptOuts::recordInbound(w, message, now, error))
                            return std::nullopt;
                        w.webhookStored();
                        return true;
                    },
                    {});
}

void queueStatus(Store &store, int i) {
    static const QStringList statuses{QStringLiteral("sending"), QStringLiteral("sent"),
                                      QStringLiteral("delivered")};
    StatusCallback cb;
    cb.messageSid = QStringLiteral("SM%1").arg(i / 3, 32, 16, QLatin1Char('0'));
    cb.status = statuses[i % 3];
    cb.from = QStringLiteral("+15005550006");
    cb.to = QStringLiteral("+1415%1").arg(5000000 + (i / 3) % 1000, 7, 10, QLatin1Char('0'));
    cb.idempotencyToken = QString::number(i);
    cb.payload =
        R"({"AccountSid":"AC0123456789abcdef0123456789abcdef","ApiVersion":"2010-04-01","From":"+15005550006","MessageSid":"SM00000000000000000000000000000000","MessageStatus":"sent","SmsSid":"SM00000000000000000000000000000000","SmsStatus":"sent","To":"+14155550100"})";
    store.applyStatusCallback(cb);
}

double cpuSeconds() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return double(t.tv_sec) + t.tv_nsec / 1e9;
}

struct Timing {
    double wall = -1; // from queuing until all are committed; < 0 failed
    double cpu = 0;   // the process's CPU time meanwhile (wall includes waiting for a core)
};

// `count` webhooks queued at once into a fresh store, timed until all are committed.
Timing ingestOnce(const QList<Schema> &schemas, Workload workload, int count) {
    QTemporaryDir dir;
    Store store(dir.filePath(QStringLiteral("bench.sqlite")));
    for (const Schema &schema : schemas)
        store.addSchema(schema);
    QObject ctx;
    QEventLoop loop;
    bool opened = false;
    store.open(&ctx, [&](const StoreResult<bool> &r) {
        opened = r.ok();
        if (!opened)
            std::fprintf(stderr, "cannot open: %s\n", qPrintable(r.error));
        loop.quit();
    });
    loop.exec();
    if (!opened)
        return {};
    QElapsedTimer timer;
    timer.start();
    const double cpuStart = cpuSeconds();
    for (int i = 0; i < count; ++i) {
        if (workload == Workload::Inbound)
            queueInbound(store, i);
        else
            queueStatus(store, i);
    }
    store.flush(&ctx, [&] { loop.quit(); });
    loop.exec();
    return {timer.nsecsElapsed() / 1e9, cpuSeconds() - cpuStart};
}

double median(QList<double> values) {
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

} // namespace

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("switchboard.*.info=false"));
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("messages"), QStringLiteral("Webhooks per run."),
                      QStringLiteral("n"), QStringLiteral("20000")});
    parser.addOption({QStringLiteral("runs"), QStringLiteral("Repetitions of each."),
                      QStringLiteral("n"), QStringLiteral("5")});
    parser.process(app);
    const int count = qMax(1, parser.value(QStringLiteral("messages")).toInt());
    const int runs = qMax(1, parser.value(QStringLiteral("runs")).toInt());

    const ChannelList channels = builtInChannels();
    const QList<Schema> bare = schemasFor(channels, false);
    const QList<Schema> full = schemasFor(channels, true);
    struct Workloads {
        Workload workload;
        const char *name;
    };
    const Workloads workloads[] = {{Workload::Inbound, "inbound"}, {Workload::Status, "status"}};
    std::printf("%d webhooks per run, %d runs; (a) without the inbox, (b) with it\n", count, runs);
    for (const Workloads &w : workloads) {
        QList<double> wall[2], cpu[2]; // [0] without the inbox, [1] with it
        for (int run = 0; run < runs; ++run) {
            // Alternate which goes first, so neither always gets the warmer cache.
            for (int k = 0; k < 2; ++k) {
                const int inbox = (k + run) % 2;
                const Timing t = ingestOnce(inbox ? full : bare, w.workload, count);
                if (t.wall < 0)
                    return 1;
                wall[inbox].append(t.wall);
                cpu[inbox].append(t.cpu);
                std::printf("  %-8s run %d %s: %.3f s (CPU %.3f s), %.0f/s\n", w.name, run + 1,
                            inbox ? "(b) inbox" : "(a) bare ", t.wall, t.cpu, count / t.wall);
                std::fflush(stdout);
            }
        }
        for (int inbox = 0; inbox < 2; ++inbox) {
            const double s = median(wall[inbox]);
            std::printf("%-8s median %s: %6.0f msg/s %6.1f us/msg, CPU %6.1f us/msg\n", w.name,
                        inbox ? "(b) with inbox   " : "(a) without inbox", count / s,
                        s * 1e6 / count, median(cpu[inbox]) * 1e6 / count);
        }
        std::printf("%-8s b/a: wall %.2f, CPU %.2f\n", w.name, median(wall[1]) / median(wall[0]),
                    median(cpu[1]) / median(cpu[0]));
    }
    return 0;
}
