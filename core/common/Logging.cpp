#include "Logging.h"

#include <QDateTime>

#include <cstdio>
#include <ctime>

Q_LOGGING_CATEGORY(lcConfig, "switchboard.config", QtInfoMsg)
Q_LOGGING_CATEGORY(lcHttp, "switchboard.http", QtInfoMsg)
Q_LOGGING_CATEGORY(lcWebhook, "switchboard.webhook", QtInfoMsg)
Q_LOGGING_CATEGORY(lcApi, "switchboard.api", QtInfoMsg)
Q_LOGGING_CATEGORY(lcTwilio, "switchboard.twilio", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStore, "switchboard.store", QtInfoMsg)
Q_LOGGING_CATEGORY(lcOutbox, "switchboard.outbox", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSandbox, "switchboard.sandbox", QtInfoMsg)
Q_LOGGING_CATEGORY(lcService, "switchboard.service", QtInfoMsg)

namespace sb {

namespace {

const char *levelName(QtMsgType type) {
    switch (type) {
    case QtDebugMsg:
        return "debug";
    case QtInfoMsg:
        return "info";
    case QtWarningMsg:
        return "warn";
    case QtCriticalMsg:
        return "crit";
    case QtFatalMsg:
        return "fatal";
    }
    return "?";
}

void writeLine(QtMsgType type, const QMessageLogContext &context, const QString &message) {
    const qint64 ms = QDateTime::currentMSecsSinceEpoch();
    const std::time_t seconds = std::time_t(ms / 1000);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%S", &utc);
    const QByteArray text = message.toUtf8();
    std::fprintf(stderr, "%s.%03dZ %s %s: %s\n", stamp, int(ms % 1000), levelName(type),
                 context.category ? context.category : "default", text.constData());
    if (type == QtFatalMsg)
        std::abort();
}

} // namespace

void installLogFormat() {
    qInstallMessageHandler(&writeLine);
}

} // namespace sb
