// Store-only ingest: N status callbacks queued at once, timed until all are committed.
// Separates the database's share of the webhook-ingest figure from the HTTP side's.
#include "db/Store.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    const int count = app.arguments().value(1, QStringLiteral("100000")).toInt();
    QTemporaryDir dir;
    sb::Store store(dir.filePath(QStringLiteral("bench.sqlite")));
    QObject ctx;
    QElapsedTimer timer;
    store.open(&ctx, [&](const sb::StoreResult<bool> &) {
        const QStringList statuses{QStringLiteral("sending"), QStringLiteral("sent"),
                                   QStringLiteral("delivered")};
        timer.start();
        for (int i = 0; i < count; ++i) {
            sb::StatusCallback cb;
            cb.messageSid = QStringLiteral("SM%1").arg(i / 3, 32, 16, QLatin1Char('0'));
            cb.status = statuses[i % 3];
            cb.from = QStringLiteral("+15005550006");
            cb.to = QStringLiteral("+14155550100");
            cb.idempotencyToken = QString::number(i);
            cb.payload =
                R"({"AccountSid":"AC0123456789abcdef0123456789abcdef","ApiVersion":"2010-04-01","From":"+15005550006","MessageSid":"SM00000000000000000000000000000000","MessageStatus":"sent","SmsSid":"SM00000000000000000000000000000000","SmsStatus":"sent","To":"+14155550100"})";
            store.applyStatusCallback(cb);
        }
        store.flush(&ctx, [&] {
            const double s = timer.nsecsElapsed() / 1e9;
            std::printf("store ingest: %d callbacks committed in %.3f s = %.0f per second\n", count,
                        s, count / s);
            app.quit();
        });
    });
    return app.exec();
}
