// The console under load: the whole window (every tab, the SMS tab shown) while signed status
// callbacks arrive at a steady rate from another thread, as Twilio would send them.
//
//     console_soak [--seconds 3600] [--rate 1000] [--window 1000] [--max-stall-ms N]
//                  [--max-growth-mb 16] [--trace-stalls MS]
//
// Webhooks go to `window` messages at a time: each gets sending, then sent, then delivered,
// and the next `window` follow (each message is new to the store: its first callback creates
// its row). Every 10 s it prints the rate reached, the GUI thread's worst stall (a 5 ms
// heartbeat's largest gap) and the RSS. At the end it checks, and exits 1 unless:
//   every webhook was answered 200;
//   every message in the store is `delivered`, and so is every row of the SMS tab's table;
//   the table holds the newest rows only (MessageTableModel's cap), not every message;
//   the heap (RssAnon: not the mapped database) less SQLite's own memory (its page cache
//   fills up to 64 MiB as the database grows, a budget, not a leak) grew by less than
//   --max-growth-mb from a quarter of the run to its end (flat; not judged with
//   --max-growth-mb 0), and SQLite's memory stayed within 96 MB;
//   the worst stall was at most --max-stall-ms, when given (figures are printed either way).
// --trace-stalls MS prints every event the GUI thread took MS or more to handle (its receiver's
// class and name and the event's type), to find what the stalls are.
#include "BuiltInChannelUis.h"
#include "MainWindow.h"
#include "RunUntil.h"
#include "SmsTabOf.h"
#include "common/MessageTableModel.h"
#include "providers/twilio/SignatureValidator.h"
#include "runtime/BuiltInChannels.h"
#include "runtime/SwitchboardService.h"
#include "settings/SecretStore.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSettings>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <sqlite3.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <ctime>

using sbtest::runUntil;

namespace {

struct Options {
    int seconds = 3600;
    int rate = 1000;
    int window = 1000;
    int maxStallMs = 0; // 0: printed, not judged
    double maxGrowthMb = 16;
};

double sqliteMb() {
    return double(sqlite3_memory_used()) / (1024.0 * 1024.0);
}

// VmRSS, or RssAnon: the process's own memory without the pages of files it maps (the store
// maps up to 256 MB of its database, which VmRSS counts as the database grows).
double rssMb(const QByteArray &field = "VmRSS:") {
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(field.size()).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return -1;
}

// The heap less SQLite's own allocations (its page cache is a budget, not a leak).
double ownMb() {
    return rssMb("RssAnon:") - sqliteMb();
}

QString sidOf(int message) {
    return QStringLiteral("SMsoak%1").arg(message, 28, 10, QLatin1Char('0'));
}

// Paces the webhooks on its own thread (the GUI thread only watches), over several
// QNetworkAccessManagers: one holds at most 6 connections, too few when an answer is slow.
class Sender : public QObject {
public:
    Sender(const Options &options, QString url, QString signedUrl, QByteArray token, int total)
        : m_options(options)
        , m_url(std::move(url))
        , m_signedUrl(std::move(signedUrl))
        , m_token(std::move(token))
        , m_total(total) {}

    void start() {
        for (int i = 0; i < 4; ++i)
            m_nams.append(new QNetworkAccessManager(this));
        m_pace = new QTimer(this);
        m_pace->setTimerType(Qt::PreciseTimer);
        connect(m_pace, &QTimer::timeout, this, [this] { sendDue(); });
        m_clock.start();
        m_pace->start(1);
    }
    void stop() {
        if (m_pace)
            m_pace->stop();
    }

    static constexpr int MaxInFlight = 64;
    std::atomic<int> sent{0};
    std::atomic<int> answered{0};
    std::atomic<int> ok{0};

private:
    void sendDue() {
        const qint64 due = std::min<qint64>(m_total, m_clock.elapsed() * m_options.rate / 1000);
        static const QStringList statuses{QStringLiteral("sending"), QStringLiteral("sent"),
                                          QStringLiteral("delivered")};
        // At most MaxInFlight unanswered, as a sender with a bounded pool would: a console that
        // falls behind shows as a lower rate, not as this process's own queue of requests in
        // the memory figures.
        while (m_next < due && sent.load() - answered.load() < MaxInFlight) {
            const int k = m_next++;
            const int w = m_options.window;
            const int message = (k / (3 * w)) * w + k % w;
            const sb::FormFields fields{
                {QStringLiteral("MessageSid"), sidOf(message)},
                {QStringLiteral("MessageStatus"), statuses[(k / w) % 3]},
                {QStringLiteral("From"), QStringLiteral("+15005550006")},
                {QStringLiteral("To"), QStringLiteral("+1415555%1").arg(1000 + message % 9000)}};
            QNetworkRequest request{QUrl(m_url)};
            request.setHeader(QNetworkRequest::ContentTypeHeader,
                              QByteArrayLiteral("application/x-www-form-urlencoded"));
            request.setRawHeader("X-Twilio-Signature",
                                 sb::SignatureValidator::sign(m_token, m_signedUrl, fields));
            QNetworkReply *reply =
                m_nams[k % m_nams.size()]->post(request, sb::FormEncoding::encode(fields));
            ++sent;
            connect(reply, &QNetworkReply::finished, this, [this, reply] {
                if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200)
                    ++ok;
                ++answered;
                reply->deleteLater();
            });
        }
        if (m_next >= m_total)
            m_pace->stop();
    }

    Options m_options;
    QString m_url;
    QString m_signedUrl;
    QByteArray m_token;
    int m_total;
    int m_next = 0;
    QList<QNetworkAccessManager *> m_nams;
    QTimer *m_pace = nullptr;
    QElapsedTimer m_clock;
};

// Every message's status as stored, read over a connection of our own (read-only).
bool storedStatuses(const QString &path, qint64 *messages, qint64 *delivered) {
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr) !=
        SQLITE_OK) {
        sqlite3_close(db);
        return false;
    }
    sqlite3_busy_timeout(db, 5000);
    sqlite3_stmt *q = nullptr;
    bool ok = sqlite3_prepare_v2(db,
                                 "SELECT count(*), coalesce(sum(status = 'delivered'), 0) FROM "
                                 "messages WHERE sid LIKE 'SMsoak%'",
                                 -1, &q, nullptr) == SQLITE_OK &&
              sqlite3_step(q) == SQLITE_ROW;
    if (ok) {
        *messages = sqlite3_column_int64(q, 0);
        *delivered = sqlite3_column_int64(q, 1);
    }
    sqlite3_finalize(q);
    sqlite3_close(db);
    return ok;
}

int soak(const Options &options) {
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("soak.ini")), QSettings::IniFormat);
    sb::SecretStore secrets;
    const QString dataDir = dir.filePath(QStringLiteral("data"));
    auto load = [dataDir](const QHash<QString, QString> &stored, QString *error) {
        QProcessEnvironment env;
        env.insert(QStringLiteral("SWITCHBOARD_DATA_DIR"), dataDir);
        env.insert(QStringLiteral("SWITCHBOARD_PORT"), QStringLiteral("0"));
        env.insert(QStringLiteral("SWITCHBOARD_API_TOKEN"), QStringLiteral("soak"));
        return sb::ConfigLoader::load(env, QString(), error, stored);
    };
    sb::MainWindow window(load, sb::builtInChannels(), sb::builtInChannelUis(), &settings, &secrets,
                          {});
    bool started = false;
    QObject::connect(&window, &sb::MainWindow::serviceStarted, [&] { started = true; });
    window.resize(1280, 800);
    window.show();
    window.start();
    if (!runUntil([&] { return started; }, 30000)) {
        std::fprintf(stderr, "the console did not start\n");
        return 1;
    }
    sb::SmsTab *smsTab = smsTabOf(window);
    window.tabs()->setCurrentWidget(smsTab); // the Inbox comes first
    sb::MessageTableModel *model = smsTab->model();

    const int perRound = 3 * options.window;
    const int total =
        std::max(1, int(qint64(options.rate) * options.seconds / perRound)) * perRound;
    const int messages = total / 3;
    sb::SwitchboardService *service = window.service();
    const QString path = QStringLiteral("/twilio/sms-status");
    auto *sender = new Sender(
        options, QStringLiteral("http://127.0.0.1:%1%2").arg(service->port()).arg(path),
        service->publicUrl().toString() + path, service->config().authToken.toUtf8(), total);
    QThread senderThread;
    sender->moveToThread(&senderThread);
    senderThread.start();

    // A 5 ms heartbeat on the GUI thread: the largest gap between beats is the worst stall.
    QElapsedTimer clock;
    qint64 lastBeat = 0;
    qint64 worstStall = 0;
    qint64 worstInPeriod = 0;
    QTimer beat;
    beat.setTimerType(Qt::PreciseTimer);
    QObject::connect(&beat, &QTimer::timeout, [&] {
        const qint64 now = clock.elapsed();
        const qint64 gap = now - lastBeat - 5;
        worstStall = std::max(worstStall, gap);
        worstInPeriod = std::max(worstInPeriod, gap);
        lastBeat = now;
    });
    double rssAtQuarter = -1;
    double ownAtQuarter = -1; // anonymous RSS less SQLite's memory
    const double rssAtStart = rssMb();
    int lastAnswered = 0;
    QTimer report;
    QObject::connect(&report, &QTimer::timeout, [&] {
        const int answered = sender->answered.load();
        const double seconds = clock.elapsed() / 1000.0;
        std::printf("t=%6.0f s  answered %8d (%5.0f/s)  worst stall %4lld ms  RSS %6.1f MB "
                    "(SQLite %5.1f MB, heap less SQLite %5.1f MB)  rows %d\n",
                    seconds, answered, (answered - lastAnswered) / 10.0, worstInPeriod, rssMb(),
                    sqliteMb(), ownMb(), model->rowCount());
        std::fflush(stdout);
        lastAnswered = answered;
        worstInPeriod = 0;
    });
    // The memory baseline, once the window has settled in: a quarter into the run.
    QTimer::singleShot(options.seconds * 250, &report, [&] {
        rssAtQuarter = rssMb();
        ownAtQuarter = ownMb();
    });
    clock.start();
    beat.start(5);
    report.start(10000);
    QMetaObject::invokeMethod(sender, [sender] { sender->start(); });

    const int allowedMs = options.seconds * 1000 + 120000;
    runUntil([&] { return sender->answered.load() >= total; }, allowedMs);
    const double sendSeconds = clock.elapsed() / 1000.0;
    // The last commits reach the table: every row it holds shows the final status.
    const auto tableFinal = [&] {
        if (model->rowCount() == 0)
            return false;
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->record(row).status != QLatin1String("delivered"))
                return false;
        }
        return true;
    };
    const bool tableDone = runUntil(tableFinal, 20000);
    beat.stop();
    report.stop();
    if (rssAtQuarter < 0) {
        rssAtQuarter = rssAtStart;
        ownAtQuarter = ownMb();
    }
    const double rssAtEnd = rssMb();
    const double sqliteAtEnd = sqliteMb();
    const double ownAtEnd = ownMb();
    QMetaObject::invokeMethod(
        sender, [sender] { sender->stop(); }, Qt::BlockingQueuedConnection);
    const int answered = sender->answered.load();
    const int ok = sender->ok.load();
    QMetaObject::invokeMethod(
        sender, [sender] { delete sender; }, Qt::BlockingQueuedConnection);
    senderThread.quit();
    senderThread.wait();

    qint64 stored = -1;
    qint64 delivered = -1;
    const bool read = storedStatuses(service->config().databasePath(), &stored, &delivered);

    std::printf("RESULT seconds=%.1f webhooks=%d answered=%d ok=%d rate=%.0f worstStallMs=%lld "
                "rssStartMb=%.1f rssQuarterMb=%.1f rssEndMb=%.1f sqliteEndMb=%.1f "
                "ownGrowthMb=%.1f messages=%lld delivered=%lld tableRows=%d\n",
                sendSeconds, total, answered, ok, answered / std::max(0.001, sendSeconds),
                worstStall, rssAtStart, rssAtQuarter, rssAtEnd, sqliteAtEnd,
                ownAtEnd - ownAtQuarter, qlonglong(stored), qlonglong(delivered),
                model->rowCount());
    int failures = 0;
    const auto check = [&failures](bool good, const QString &what) {
        if (!good) {
            std::printf("FAIL: %s\n", qPrintable(what));
            ++failures;
        }
    };
    check(ok == total, QStringLiteral("%1 of %2 webhooks answered 200").arg(ok).arg(total));
    check(read && stored == messages && delivered == messages,
          QStringLiteral("the store holds %1 messages, %2 delivered; expected %3 of each")
              .arg(stored)
              .arg(delivered)
              .arg(messages));
    check(tableDone, QStringLiteral("a row of the SMS tab does not show `delivered`"));
    check(model->rowCount() <= sb::MessageTableModel::DefaultMaxRows * 11 / 10,
          QStringLiteral("the table holds %1 rows").arg(model->rowCount()));
    if (options.maxGrowthMb > 0)
        check(ownAtEnd - ownAtQuarter < options.maxGrowthMb,
              QStringLiteral("the heap less SQLite's memory grew by %1 MB after the first quarter")
                  .arg(ownAtEnd - ownAtQuarter, 0, 'f', 1));
    check(sqliteAtEnd < 96, QStringLiteral("SQLite holds %1 MB").arg(sqliteAtEnd, 0, 'f', 1));
    if (options.maxStallMs > 0)
        check(worstStall <= options.maxStallMs,
              QStringLiteral("the GUI thread stalled for %1 ms").arg(worstStall));
    return failures == 0 ? 0 : 1;
}

// Times each event the GUI thread handles, outermost only (one handled inside another's
// nested event loop counts within it).
class TracingApplication : public QApplication {
public:
    using QApplication::QApplication;
    int traceMs = 0;

    bool notify(QObject *receiver, QEvent *event) override {
        if (traceMs <= 0 || QThread::currentThread() != thread() || m_depth > 0)
            return QApplication::notify(receiver, event);
        const int type = event->type(); // the event may be gone once handled
        const QString what = QString::fromLatin1(receiver->metaObject()->className()) +
                             QLatin1Char(' ') + receiver->objectName();
        ++m_depth;
        QElapsedTimer timer;
        timer.start();
        const double cpuBefore = threadCpuMs();
        const bool handled = QApplication::notify(receiver, event);
        const qint64 ms = timer.elapsed();
        --m_depth;
        // CPU time well under the wall time means the thread waited for a core, not for work.
        if (ms >= traceMs)
            std::printf("stall %lld ms (GUI thread on CPU %.1f ms): event %d to %s\n",
                        static_cast<long long>(ms), threadCpuMs() - cpuBefore, type,
                        qPrintable(what));
        return handled;
    }

private:
    int m_depth = 0;

    static double threadCpuMs() {
        timespec t{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
        return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
    }
};

} // namespace

int main(int argc, char *argv[]) {
    // The store turns SQLite's allocation statistics off (a process-wide mutex per malloc);
    // this soak reads them to tell SQLite's cache from the heap, so it turns them on first and
    // initialises SQLite, after which the store's setting no longer applies.
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 1);
    sqlite3_initialize();
    TracingApplication app(argc, argv);
    const QStringList args = app.arguments();
    const auto option = [&args](const char *name, double otherwise) {
        const qsizetype at = args.indexOf(QLatin1String(name));
        return at < 0 ? otherwise : args.value(at + 1).toDouble();
    };
    Options options;
    options.seconds = int(option("--seconds", options.seconds));
    options.rate = int(option("--rate", options.rate));
    options.window = int(option("--window", options.window));
    options.maxStallMs = int(option("--max-stall-ms", options.maxStallMs));
    options.maxGrowthMb = option("--max-growth-mb", options.maxGrowthMb);
    app.traceMs = int(option("--trace-stalls", 0));
    if (options.seconds <= 0 || options.rate <= 0 || options.window <= 0) {
        std::fprintf(stderr, "--seconds, --rate and --window must be positive\n");
        return 2;
    }
    return soak(options);
}
