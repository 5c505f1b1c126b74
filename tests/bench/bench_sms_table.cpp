// The console over a store of 1,000,000 messages (SMS and WhatsApp), 100,000 calls and
// 100,000 emails: start-up to first paint, memory, the SMS table's filter time, and
// webhook-to-dataChanged latency at 1,000 signed webhooks per second. Each run is a fresh
// child process (so RSS and start-up are honest); medians of the runs are printed.
//   bench_sms_table [--rows 1000000] [--calls 100000] [--emails 100000] [--runs 3]
#include "BuiltInChannelUis.h"
#include "MainWindow.h"
#include "RunUntil.h"
#include "common/MessageTableModel.h"
#include "db/Store.h"
#include "inbox/InboxSchema.h"
#include "providers/twilio/SignatureValidator.h"
#include "runtime/BuiltInChannels.h"
#include "runtime/SwitchboardService.h"
#include "settings/SecretStore.h"
#include "sms/SmsChannel.h"
#include "sms/ui/SmsTab.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSettings>
#include <QTabWidget>
#include <QTableView>
#include <QThread>
#include <QTimer>

#include <sqlite3.h>

#include <algorithm>
#include <cstdio>
#include <functional>

using sbtest::runUntil;

namespace {

QElapsedTimer g_clock; // started first thing in main

struct Sizes {
    int messages = 1000000;
    int calls = 100000;
    int emails = 100000;
};

long rssKb() {
    QFile status(QStringLiteral("/proc/self/status"));
    status.open(QIODevice::ReadOnly);
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLong();
    }
    return -1;
}

bool exec(sqlite3 *db, const char *sql) {
    char *message = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &message) == SQLITE_OK)
        return true;
    std::fprintf(stderr, "%s: %s\n", sql, message);
    sqlite3_free(message);
    return false;
}

bool step(sqlite3 *db, sqlite3_stmt *statement) {
    if (sqlite3_step(statement) != SQLITE_DONE) {
        std::fprintf(stderr, "seed failed: %s\n", sqlite3_errmsg(db));
        return false;
    }
    sqlite3_reset(statement);
    return true;
}

void bind(sqlite3_stmt *statement, int column, const QByteArray &text) {
    sqlite3_bind_text(statement, column, text.constData(), int(text.size()), SQLITE_TRANSIENT);
}

// Seeds the database once (outside any timing): the real schema of every built-in channel
// and the inbox through the store's migrations, then the rows through SQL in one transaction
// (the inbox's triggers fill contacts and the search index as they would in use).
bool seed(const QString &dataDir, const Sizes &sizes) {
    const QString path = dataDir + QStringLiteral("/switchboard.sqlite");
    if (QFile::exists(path))
        return true;
    QDir().mkpath(dataDir);
    {
        sb::Store store(path);
        for (const sb::Schema &schema : sb::SwitchboardService::schemas(sb::builtInChannels()))
            store.addSchema(schema);
        QEventLoop loop;
        QObject ctx;
        bool ok = false;
        store.open(&ctx, [&](const sb::StoreResult<bool> &r) {
            ok = r.ok();
            loop.quit();
        });
        loop.exec();
        if (!ok)
            return false;
    }
    sqlite3 *db = nullptr;
    if (sqlite3_open(path.toUtf8().constData(), &db) != SQLITE_OK)
        return false;
    exec(db, "PRAGMA journal_mode=WAL");
    exec(db, "PRAGMA synchronous=OFF");
    exec(db, "PRAGMA cache_size=-262144");
    exec(db, "BEGIN");
    const qint64 start = QDateTime::currentMSecsSinceEpoch() - qint64(sizes.messages) * 1000;
    sqlite3_stmt *message = nullptr;
    sqlite3_prepare_v2(db,
                       "INSERT INTO messages (sid, channel, direction, from_number, to_number, "
                       "body, status, status_rank, segments, created_at, updated_at) VALUES "
                       "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 1, ?9, ?9)",
                       -1, &message, nullptr);
    for (int i = 0; i < sizes.messages; ++i) {
        const bool inbound = i % 3 == 0;
        const bool whatsapp = i % 4 == 0; // one in four on WhatsApp
        const QByteArray customer = (whatsapp ? "whatsapp:" : "") + QByteArray("+1415555") +
                                    QByteArray::number(1000 + i % 9000);
        const QByteArray ours = whatsapp ? "whatsapp:+14155238886" : "+15005550006";
        bind(message, 1, "SM" + QByteArray::number(i, 16).rightJustified(32, '0'));
        sqlite3_bind_text(message, 2, whatsapp ? "whatsapp" : "sms", -1, SQLITE_STATIC);
        sqlite3_bind_text(message, 3, inbound ? "inbound" : "outbound", -1, SQLITE_STATIC);
        bind(message, 4, inbound ? customer : ours);
        bind(message, 5, inbound ? ours : customer);
        bind(message, 6,
             "Message number " + QByteArray::number(i) + " about order #" +
                 QByteArray::number(i * 7 % 100000));
        sqlite3_bind_text(message, 7, inbound ? "received" : "queued", -1, SQLITE_STATIC);
        sqlite3_bind_int(message, 8, inbound ? 10 : 3);
        sqlite3_bind_int64(message, 9, start + qint64(i) * 1000);
        if (!step(db, message))
            return false;
        if (i % 200000 == 0 && i > 0)
            std::fprintf(stderr, "  %d messages\n", i);
    }
    sqlite3_finalize(message);

    // Calls and emails spread over the same period.
    sqlite3_stmt *call = nullptr;
    sqlite3_prepare_v2(db,
                       "INSERT INTO voice_calls (sid, direction, from_number, to_number, status, "
                       "request_state, duration, created_at, updated_at) VALUES "
                       "(?1, ?2, ?3, ?4, 'completed', 'requested', ?5, ?6, ?6)",
                       -1, &call, nullptr);
    const qint64 callEvery = qint64(sizes.messages) * 1000 / qMax(1, sizes.calls);
    for (int i = 0; i < sizes.calls; ++i) {
        const bool inbound = i % 2 == 0;
        const QByteArray customer = "+1415555" + QByteArray::number(1000 + i % 9000);
        bind(call, 1, "CA" + QByteArray::number(i, 16).rightJustified(32, '0'));
        sqlite3_bind_text(call, 2, inbound ? "inbound" : "outbound-api", -1, SQLITE_STATIC);
        bind(call, 3, inbound ? customer : QByteArray("+15005550006"));
        bind(call, 4, inbound ? QByteArray("+15005550006") : customer);
        sqlite3_bind_int(call, 5, 10 + i % 600);
        sqlite3_bind_int64(call, 6, start + qint64(i) * callEvery);
        if (!step(db, call))
            return false;
    }
    sqlite3_finalize(call);

    sqlite3_stmt *email = nullptr;
    sqlite3_prepare_v2(db,
                       "INSERT INTO emails (email_id, status, status_rank, to_json, from_email, "
                       "subject, text_body, created_at, updated_at) VALUES "
                       "(?1, 'delivered', 5, ?2, 'support@example.com', ?3, ?4, ?5, ?5)",
                       -1, &email, nullptr);
    const qint64 emailEvery = qint64(sizes.messages) * 1000 / qMax(1, sizes.emails);
    for (int i = 0; i < sizes.emails; ++i) {
        const QByteArray address = "customer" + QByteArray::number(i % 9000) + "@example.com";
        bind(email, 1, "em" + QByteArray::number(i, 16).rightJustified(30, '0'));
        bind(email, 2, "[{\"email\":\"" + address + "\"}]");
        bind(email, 3, "Your order #" + QByteArray::number(i * 7 % 100000));
        bind(email, 4, "Hello, your order has shipped. Reference " + QByteArray::number(i));
        sqlite3_bind_int64(email, 5, start + qint64(i) * emailEvery);
        if (!step(db, email))
            return false;
    }
    sqlite3_finalize(email);
    // The messages' search index, as the store fills it before each commit.
    for (const QString &sql : sb::InboxSchema::beforeCommit()) {
        if (!exec(db, sql.toUtf8().constData()))
            return false;
    }
    exec(db, "COMMIT");
    exec(db, "PRAGMA wal_checkpoint(TRUNCATE)");
    sqlite3_close(db);
    return true;
}

int child(const QString &dataDir) {
    int argc = 1;
    char name[] = "bench_sms_table";
    char *argv[] = {name, nullptr};
    QApplication app(argc, argv);
    QSettings settings(dataDir + QStringLiteral("/bench.ini"), QSettings::IniFormat);
    sb::SecretStore secrets;
    auto load = [dataDir](const QHash<QString, QString> &stored, QString *error) {
        QProcessEnvironment env;
        env.insert(QStringLiteral("SWITCHBOARD_DATA_DIR"), dataDir);
        env.insert(QStringLiteral("SWITCHBOARD_PORT"), QStringLiteral("0"));
        env.insert(QStringLiteral("SWITCHBOARD_API_TOKEN"), QStringLiteral("bench"));
        return sb::ConfigLoader::load(env, QString(), error, stored);
    };
    sb::MainWindow window(load, sb::builtInChannels(), sb::builtInChannelUis(), &settings, &secrets,
                          {});
    sb::SmsTab *smsTab = nullptr;

    double firstPaintMs = -1;
    double rowsPaintedMs = -1;
    struct PaintWatch : QObject {
        std::function<void()> onPaint;
        bool eventFilter(QObject *, QEvent *e) override {
            if (e->type() == QEvent::Paint && onPaint)
                onPaint();
            return false;
        }
    } windowWatch, tableWatch;
    windowWatch.onPaint = [&] {
        if (firstPaintMs < 0)
            firstPaintMs = g_clock.nsecsElapsed() / 1e6;
    };
    window.installEventFilter(&windowWatch);
    QObject::connect(&window, &sb::MainWindow::serviceStarted, &app, [&] {
        smsTab = qobject_cast<sb::SmsTab *>(window.channelTab(sb::SmsChannel::Id));
        window.tabs()->setCurrentWidget(smsTab); // the Inbox comes first
        QTableView *table = smsTab->table();
        tableWatch.onPaint = [&, table] {
            if (rowsPaintedMs < 0 && smsTab->model()->rowCount() > 0)
                rowsPaintedMs = g_clock.nsecsElapsed() / 1e6;
        };
        table->viewport()->installEventFilter(&tableWatch);
    });
    window.show();
    window.start();
    runUntil([&] { return rowsPaintedMs >= 0; }, 30000);
    const long rssAfterStart = rssKb();

    // Filter: a text search over all stored messages, until its first page is in the model.
    sb::MessageTableModel *model = smsTab->model();
    QElapsedTimer filterClock;
    double filterMs = -1;
    auto filterConnection = QObject::connect(model, &sb::MessageTableModel::pageLoaded, [&] {
        if (filterMs < 0)
            filterMs = filterClock.nsecsElapsed() / 1e6;
    });
    filterClock.start();
    sb::MessageQuery query;
    query.text = QStringLiteral("order #4242");
    model->setQuery(query);
    runUntil([&] { return filterMs >= 0; }, 60000);
    const int filterRows = model->rowCount();
    QObject::disconnect(filterConnection);

    // Back to all messages; load the newest 250 outbound rows' worth of pages.
    model->setQuery({});
    runUntil([&] { return model->rowCount() >= 200 && !model->isLoading(); }, 60000);
    QList<sb::MessageRecord> targets;
    for (int row = 0; row < model->rowCount() && targets.size() < 250; ++row) {
        if (model->record(row).direction == QLatin1String("outbound"))
            targets.append(model->record(row));
    }

    // 1,000 webhooks per second from another thread; latency = send -> dataChanged for that row.
    const QStringList statuses{QStringLiteral("sending"), QStringLiteral("sent"),
                               QStringLiteral("delivered"), QStringLiteral("read")};
    QHash<QString, qint64> sentAt; // sid + status -> ns
    QMutex sentMutex;
    QList<double> latencies;
    QList<double> answered; // send -> the webhook's 200 (the store has committed it)
    QObject::connect(model, &QAbstractItemModel::dataChanged, [&](const QModelIndex &topLeft) {
        const sb::MessageRecord r = model->record(topLeft.row());
        QMutexLocker lock(&sentMutex);
        const auto it = sentAt.constFind(r.sid + r.status);
        if (it != sentAt.cend())
            latencies.append((g_clock.nsecsElapsed() - *it) / 1e6);
    });
    QThread sender;
    auto *nam = new QNetworkAccessManager;
    nam->moveToThread(&sender);
    sender.start();
    const QString url =
        QStringLiteral("http://127.0.0.1:%1/twilio/sms-status").arg(window.service()->port());
    const QString signedUrl =
        window.service()->publicUrl().toString() + QStringLiteral("/twilio/sms-status");
    const QByteArray token = window.service()->config().authToken.toUtf8();
    const int total = int(targets.size()) * 4;
    QTimer pace;
    pace.setTimerType(Qt::PreciseTimer);
    int next = 0;
    QObject::connect(&pace, &QTimer::timeout, [&] {
        const qint64 due = qint64(g_clock.elapsed()); // keep 1 per ms on average
        static qint64 started = due;
        while (next < total && next <= due - started) {
            const sb::MessageRecord &m = targets[next % targets.size()];
            const QString status = statuses[next / targets.size()];
            const sb::FormFields fields{{QStringLiteral("MessageSid"), m.sid},
                                        {QStringLiteral("MessageStatus"), status}};
            {
                QMutexLocker lock(&sentMutex);
                sentAt.insert(m.sid + status, g_clock.nsecsElapsed());
            }
            const QByteArray signature = sb::SignatureValidator::sign(token, signedUrl, fields);
            const qint64 sent = g_clock.nsecsElapsed();
            QMetaObject::invokeMethod(
                nam, [nam, url, fields, signature, sent, &answered, &sentMutex] {
                    QNetworkRequest request{QUrl(url)};
                    request.setHeader(QNetworkRequest::ContentTypeHeader,
                                      QByteArrayLiteral("application/x-www-form-urlencoded"));
                    request.setRawHeader("X-Twilio-Signature", signature);
                    QNetworkReply *reply = nam->post(request, sb::FormEncoding::encode(fields));
                    QObject::connect(reply, &QNetworkReply::finished, reply,
                                     [reply, sent, &answered, &sentMutex] {
                                         QMutexLocker lock(&sentMutex);
                                         answered.append((g_clock.nsecsElapsed() - sent) / 1e6);
                                         reply->deleteLater();
                                     });
                });
            ++next;
        }
        if (next >= total)
            pace.stop();
    });
    pace.start(1);
    runUntil([&] { return !pace.isActive() && latencies.size() >= total; }, 30000);
    QMetaObject::invokeMethod(
        nam, [nam] { delete nam; }, Qt::BlockingQueuedConnection);
    sender.quit();
    sender.wait();

    const auto percentile = [](QList<double> values, int p) {
        std::sort(values.begin(), values.end());
        return values.isEmpty()
                   ? -1.0
                   : values[std::min<qsizetype>(values.size() - 1, values.size() * p / 100)];
    };
    const double median = percentile(latencies, 50);
    const double p99 = percentile(latencies, 99);
    std::printf(
        "RESULT firstPaintMs=%.1f rowsPaintedMs=%.1f rssMb=%.1f filterMs=%.1f filterRows=%d "
        "latencyMedianMs=%.2f latencyP99Ms=%.2f answerMedianMs=%.2f answerP99Ms=%.2f "
        "updates=%lld of %d\n",
        firstPaintMs, rowsPaintedMs, rssAfterStart / 1024.0, filterMs, filterRows, median, p99,
        percentile(answered, 50), percentile(answered, 99), qlonglong(latencies.size()), total);
    std::fflush(stdout);
    return 0;
}

} // namespace

int main(int argc, char *argv[]) {
    g_clock.start();
    QStringList args;
    for (int i = 1; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);
    if (args.value(0) == QLatin1String("--child"))
        return child(args.value(1));

    QCoreApplication app(argc, argv);
    const auto option = [&args](const char *name, int otherwise) {
        const qsizetype at = args.indexOf(QLatin1String(name));
        return at < 0 ? otherwise : args.value(at + 1).toInt();
    };
    Sizes sizes;
    sizes.messages = option("--rows", sizes.messages);
    sizes.calls = option("--calls", sizes.calls);
    sizes.emails = option("--emails", sizes.emails);
    const int rows = sizes.messages;
    const int runs = option("--runs", 3);
    const QString seedDir = QDir::current().absoluteFilePath(
        QStringLiteral("bench-console-%1-%2-%3").arg(rows).arg(sizes.calls).arg(sizes.emails));
    QElapsedTimer seedClock;
    seedClock.start();
    if (!seed(seedDir, sizes))
        return 1;
    std::printf("store with %d messages, %d calls, %d emails ready (%.1f s)\n", rows, sizes.calls,
                sizes.emails, seedClock.elapsed() / 1000.0);

    QMap<QString, QList<double>> values;
    for (int run = 0; run < runs; ++run) {
        // Each run starts from a copy, so webhooks from one run do not change the next.
        const QString dir = seedDir + QStringLiteral("-run");
        QDir(dir).removeRecursively();
        QDir().mkpath(dir);
        for (const QString &file : QDir(seedDir).entryList(QDir::Files))
            QFile::copy(seedDir + QLatin1Char('/') + file, dir + QLatin1Char('/') + file);
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("switchboard.*.info=false"));
        p.setProcessEnvironment(env);
        p.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--child"), dir});
        p.waitForFinished(180000);
        const QByteArray out = p.readAllStandardOutput();
        const qsizetype at = out.indexOf("RESULT ");
        if (at < 0) {
            std::fprintf(stderr, "run %d failed:\n%s\n%s\n", run + 1, out.constData(),
                         p.readAllStandardError().constData());
            return 1;
        }
        const QByteArray line = out.mid(at + 7, out.indexOf('\n', at) - at - 7);
        std::printf("run %d: %s\n", run + 1, line.constData());
        for (const QByteArray &kv : line.split(' ')) {
            const qsizetype eq = kv.indexOf('=');
            if (eq > 0)
                values[QString::fromLatin1(kv.left(eq))].append(kv.mid(eq + 1).toDouble());
        }
    }
    auto median = [](QList<double> v) {
        std::sort(v.begin(), v.end());
        return v.isEmpty() ? 0.0 : v[v.size() / 2];
    };
    std::printf("\nmedians of %d runs over %d messages, %d calls, %d emails:\n", runs, rows,
                sizes.calls, sizes.emails);
    std::printf("  start to first paint of the window   %8.1f ms  (target < 300)\n",
                median(values[QStringLiteral("firstPaintMs")]));
    std::printf("  start to first rows painted          %8.1f ms\n",
                median(values[QStringLiteral("rowsPaintedMs")]));
    std::printf("  RSS after start                      %8.1f MB  (target < 150)\n",
                median(values[QStringLiteral("rssMb")]));
    std::printf("  filter 'order #4242' to first page   %8.1f ms\n",
                median(values[QStringLiteral("filterMs")]));
    std::printf("  webhook -> dataChanged, median       %8.2f ms\n",
                median(values[QStringLiteral("latencyMedianMs")]));
    std::printf("  webhook -> dataChanged, p99          %8.2f ms  (target < 16)\n",
                median(values[QStringLiteral("latencyP99Ms")]));
    std::printf("  webhook -> its 200 answer, median    %8.2f ms\n",
                median(values[QStringLiteral("answerMedianMs")]));
    std::printf("  webhook -> its 200 answer, p99       %8.2f ms\n",
                median(values[QStringLiteral("answerP99Ms")]));
    return 0;
}
