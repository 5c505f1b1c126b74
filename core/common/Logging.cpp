#include "Logging.h"

#include "LogRedactor.h"

#include <QDateTime>
#include <QMap>
#include <QReadWriteLock>

#include <cstdio>
#include <ctime>

Q_LOGGING_CATEGORY(lcConfig, "switchboard.config", QtInfoMsg)
Q_LOGGING_CATEGORY(lcHttp, "switchboard.http", QtInfoMsg)
Q_LOGGING_CATEGORY(lcWebhook, "switchboard.webhook", QtInfoMsg)
Q_LOGGING_CATEGORY(lcApi, "switchboard.api", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAccount, "switchboard.account", QtInfoMsg)
Q_LOGGING_CATEGORY(lcTwilio, "switchboard.twilio", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSendGrid, "switchboard.sendgrid", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStore, "switchboard.store", QtInfoMsg)
Q_LOGGING_CATEGORY(lcOutbox, "switchboard.outbox", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSandbox, "switchboard.sandbox", QtInfoMsg)
Q_LOGGING_CATEGORY(lcService, "switchboard.service", QtInfoMsg)

namespace sb {

namespace {

// The one redactor of the process: the message handler is process-wide, and so are secrets.
// Never destroyed: Qt still logs from its own global destructors after main() returns
// ("unloaded library"), and those lines must find it alive.
LogRedactor &processRedactor() {
    static LogRedactor *const redactor = new LogRedactor;
    return *redactor;
}

struct Listeners {
    // Recursive: a listener's own logging re-enters the handler on the same thread.
    QReadWriteLock lock{QReadWriteLock::Recursive};
    QMap<int, LogListener> byId;
    int nextId = 1;
};

Listeners &listeners() {
    static Listeners *const all = new Listeners; // never destroyed, like the redactor
    return *all;
}

thread_local bool insideListener = false;

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
    char prefix[96];
    const int prefixLength = std::snprintf(prefix, sizeof prefix, "%s.%03dZ %s ", stamp,
                                           int(ms % 1000), levelName(type));
    // One buffer, one write: lines from different threads never interleave.
    const QString redacted = processRedactor().redact(message);
    QByteArray line = redacted.toUtf8();
    const char *category = context.category ? context.category : "default";
    line.prepend(": ");
    line.prepend(category);
    line.prepend(prefix, prefixLength);
    line.append('\n');
    std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
    if (!insideListener) {
        Listeners &all = listeners();
        QReadLocker lock(&all.lock);
        if (!all.byId.isEmpty()) {
            insideListener = true;
            line.chop(1);
            const LogLine entry{ms, type, QString::fromLatin1(category), redacted, line};
            for (const LogListener &listener : std::as_const(all.byId))
                listener(entry);
            insideListener = false;
        }
    }
    if (type == QtFatalMsg)
        std::abort();
}

} // namespace

void installLogFormat() {
    qInstallMessageHandler(&writeLine);
}

int addLogListener(LogListener listener) {
    Listeners &all = listeners();
    QWriteLocker lock(&all.lock);
    const int id = all.nextId++;
    all.byId.insert(id, std::move(listener));
    return id;
}

void removeLogListener(int id) {
    Listeners &all = listeners();
    QWriteLocker lock(&all.lock);
    all.byId.remove(id);
}

void addLogSecret(const QString &secret) {
    processRedactor().addSecret(secret);
}

void addLogCredentials(const QString &user, const QString &password) {
    if (password.isEmpty())
        return;
    addLogSecret(password);
    addLogSecret(QString::fromLatin1((user + QLatin1Char(':') + password).toUtf8().toBase64()));
}

} // namespace sb
