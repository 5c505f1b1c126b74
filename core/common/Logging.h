#pragma once

#include <QByteArray>
#include <QString>
#include <QtGlobal>

#include <functional>

#include <QLoggingCategory>

// One category per area, so `QT_LOGGING_RULES="switchboard.store.debug=true"` turns on one part.
Q_DECLARE_LOGGING_CATEGORY(lcConfig)
Q_DECLARE_LOGGING_CATEGORY(lcHttp)
Q_DECLARE_LOGGING_CATEGORY(lcWebhook)
Q_DECLARE_LOGGING_CATEGORY(lcApi)
Q_DECLARE_LOGGING_CATEGORY(lcTwilio)
Q_DECLARE_LOGGING_CATEGORY(lcSendGrid)
Q_DECLARE_LOGGING_CATEGORY(lcStore)
Q_DECLARE_LOGGING_CATEGORY(lcOutbox)
Q_DECLARE_LOGGING_CATEGORY(lcSandbox)
Q_DECLARE_LOGGING_CATEGORY(lcService)
Q_DECLARE_LOGGING_CATEGORY(lcAccount)

namespace sb {

// One line per message on stderr: "2026-11-25T12:07:12.351Z info switchboard.http: ...".
// Cheaper than a QT_MESSAGE_PATTERN with %{time} (no time-zone work per line), which matters
// when the server logs one line per request. QT_LOGGING_RULES still decides what is printed.
// Every line, whatever its category (Qt's own included), goes through the process's
// LogRedactor first: registered secrets and credential header values never reach stderr.
void installLogFormat();

// A line as the handler wrote it, after redaction; `text` is the whole line without its
// line feed ("2026-...Z info switchboard.http: ...").
struct LogLine {
    qint64 msecsSinceEpoch = 0;
    QtMsgType type = QtDebugMsg;
    QString category;
    QString message; // redacted
    QByteArray text; // redacted
};
// Receives every line the handler writes, on the thread that logged it; must be quick and
// thread-safe. What it logs itself is not passed back to it (nor to any listener). The
// handler is process-wide, so listeners are too; the id removes it (before its owner goes).
using LogListener = std::function<void(const LogLine &)>;
int addLogListener(LogListener listener);
void removeLogListener(int id);

// Registers a secret with the process's log redactor as soon as it is known; any thread.
void addLogSecret(const QString &secret);
// The password, and the Base64 of "user:password" as an HTTP Basic header carries it.
void addLogCredentials(const QString &user, const QString &password);

} // namespace sb
