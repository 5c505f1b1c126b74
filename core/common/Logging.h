#pragma once

#include <QLoggingCategory>

// One category per area, so `QT_LOGGING_RULES="switchboard.store.debug=true"` turns on one part.
Q_DECLARE_LOGGING_CATEGORY(lcConfig)
Q_DECLARE_LOGGING_CATEGORY(lcHttp)
Q_DECLARE_LOGGING_CATEGORY(lcWebhook)
Q_DECLARE_LOGGING_CATEGORY(lcApi)
Q_DECLARE_LOGGING_CATEGORY(lcTwilio)
Q_DECLARE_LOGGING_CATEGORY(lcStore)
Q_DECLARE_LOGGING_CATEGORY(lcOutbox)
Q_DECLARE_LOGGING_CATEGORY(lcSandbox)
Q_DECLARE_LOGGING_CATEGORY(lcService)

namespace sb {

// One line per message on stderr: "2026-11-25T12:07:12.351Z info switchboard.http: ...".
// Cheaper than a QT_MESSAGE_PATTERN with %{time} (no time-zone work per line), which matters
// when the server logs one line per request. QT_LOGGING_RULES still decides what is printed.
void installLogFormat();

} // namespace sb
