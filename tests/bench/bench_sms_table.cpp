// The SMS table over a store of 1,000,000 messages: start-up to first paint, memory, filter
// time, and webhook-to-dataChanged latency at 1,000 signed webhooks per second. Each run is a
// fresh child process (so RSS and start-up are honest); medians of the runs are printed.
//   bench_sms_table [--rows 1000000] [--runs 3]
#include "BuiltInChannelUis.h"
#include "MainWindow.h"
#include "common/MessageTableModel.h"
#include "providers/twilio/SignatureValidator.h"
#include "runtime/BuiltInChannels.h"
#include "runtime/SwitchboardService.h"
#include "settings/SecretStore.h"
#include "sms/SmsChannel.h"
#include "sms/ui/SmsTab.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSettings>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTableView>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cstdio>

namespace {

QElapsedTimer g_clock; // started first thing in main

long rssKb() {
    QFile status(QStringLiteral("/proc/self/status"));
    status.open(QIODevice::ReadOnly);
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLong();
    }
    return -1;
}

// Seeds the database once (outside any timing) through a plain connection, in one transaction.
bool seed(const QString &dataDir, int rows) {
    const QString path = dataDir + QStringLiteral("/switchboard.sqlite");
    if (QFile::exists(path))
        return true;
    QDir().mkpath(dataDir);
    {
        // Let the store create the schema, then bulk-insert.
        sb::Store store(path);
        QEventLoop loop;
        QObject ctx;
        store.open(&ctx, [&](const sb::StoreResult<bool> &) { loop.quit(); });
        loop.exec();
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("seed"));
    db.setDatabaseName(path);
    if (!db.open())
        return false;
    QSqlQuery q(db);
    q.exec(QStringLiteral("PRAGMA journal_mode=WAL"));
    db.transaction();
    q.prepare(QStringLiteral(
        "INSERT INTO messages (sid, direction, from_number, to_number, body, status, "
        "status_rank, segments, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)"));
    const qint64 start = QDateTime::currentMSecsSinceEpoch() - qint64(rows) * 1000;
    for (int i = 0; i < rows; ++i) {
        const bool inbound = i % 3 == 0;
        const QString customer = QStringLiteral("+1415555%1").arg(1000 + i % 9000);
        q.addBindValue(QStringLiteral("SM%1").arg(i, 32, 16, QLatin1Char('0')));
        q.addBindValue(inbound ? QStringLiteral("inbound") : QStringLiteral("outbound"));
        q.addBindValue(inbound ? customer : QStringLiteral("+15005550006"));
        q.addBindValue(inbound ? QStringLiteral("+15005550006") : customer);
        q.addBindValue(
            QStringLiteral("Message number %1 about order #%2").arg(i).arg(i * 7 % 100000));
        q.addBindValue(inbound ? QStringLiteral("received") : QStringLiteral("queued"));
        q.addBindValue(inbound ? 10 : 3);
        q.addBindValue(start + qint64(i) * 1000);
        q.addBindValue(start + qint64(i) * 1000);
        if (!q.exec()) {
            std::fprintf(stderr, "seed failed: %s\n", qPrintable(q.lastError().text()));
            return false;
        }
    }
    db.commit();
    db.close();
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
        QTableView *table = smsTab->table();
        tableWatch.onPaint = [&, table] {
            if (rowsPaintedMs < 0 && smsTab->model()->rowCount() > 0)
                rowsPaintedMs = g_clock.nsecsElapsed() / 1e6;
        };
        table->viewport()->installEventFilter(&tableWatch);
    });
    window.show();
    window.start();
    while (rowsPaintedMs < 0 && g_clock.elapsed() < 30000)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    const long rssAfterStart = rssKb();

    // Filter: a text search over all stored messages, until its first page is in the model.
    sb::MessageTableModel *model = smsTab->model();
    QElapsedTimer filterClock;
    bool filtered = false;
    auto filterConnection =
        QObject::connect(model, &sb::MessageTableModel::pageLoaded, [&] { filtered = true; });
    filterClock.start();
    sb::MessageQuery query;
    query.text = QStringLiteral("order #4242");
    model->setQuery(query);
    while (!filtered && filterClock.elapsed() < 60000)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    const double filterMs = filterClock.nsecsElapsed() / 1e6;
    const int filterRows = model->rowCount();
    QObject::disconnect(filterConnection);

    // Back to all messages; load the newest 250 outbound rows' worth of pages.
    model->setQuery({});
    while (model->rowCount() < 200 || model->isLoading())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
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
            QMetaObject::invokeMethod(nam, [nam, url, fields, signature] {
                QNetworkRequest request{QUrl(url)};
                request.setHeader(QNetworkRequest::ContentTypeHeader,
                                  QByteArrayLiteral("application/x-www-form-urlencoded"));
                request.setRawHeader("X-Twilio-Signature", signature);
                QNetworkReply *reply = nam->post(request, sb::FormEncoding::encode(fields));
                QObject::connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
            });
            ++next;
        }
        if (next >= total)
            pace.stop();
    });
    pace.start(1);
    QElapsedTimer waitClock;
    waitClock.start();
    while ((pace.isActive() || latencies.size() < total) && waitClock.elapsed() < 30000)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 20);
    QMetaObject::invokeMethod(
        nam, [nam] { delete nam; }, Qt::BlockingQueuedConnection);
    sender.quit();
    sender.wait();

    std::sort(latencies.begin(), latencies.end());
    const double median = latencies.isEmpty() ? -1 : latencies[latencies.size() / 2];
    const double p99 =
        latencies.isEmpty()
            ? -1
            : latencies[std::min<qsizetype>(latencies.size() - 1, latencies.size() * 99 / 100)];
    std::printf(
        "RESULT firstPaintMs=%.1f rowsPaintedMs=%.1f rssMb=%.1f filterMs=%.1f filterRows=%d "
        "latencyMedianMs=%.2f latencyP99Ms=%.2f updates=%lld of %d\n",
        firstPaintMs, rowsPaintedMs, rssAfterStart / 1024.0, filterMs, filterRows, median, p99,
        qlonglong(latencies.size()), total);
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
    const int rows = args.contains(QStringLiteral("--rows"))
                         ? args.value(args.indexOf(QStringLiteral("--rows")) + 1).toInt()
                         : 1000000;
    const int runs = args.contains(QStringLiteral("--runs"))
                         ? args.value(args.indexOf(QStringLiteral("--runs")) + 1).toInt()
                         : 3;
    const QString seedDir =
        QDir::current().absoluteFilePath(QStringLiteral("bench-sms-%1").arg(rows));
    QElapsedTimer seedClock;
    seedClock.start();
    if (!seed(seedDir, rows))
        return 1;
    std::printf("store with %d messages ready (%.1f s)\n", rows, seedClock.elapsed() / 1000.0);

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
    std::printf("\nmedians of %d runs over %d stored messages:\n", runs, rows);
    std::printf("  start to first paint of the window   %8.1f ms  (target < 500)\n",
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
    return 0;
}
