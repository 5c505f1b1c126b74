#include "Logging.h"

Q_LOGGING_CATEGORY(lcConfig, "switchboard.config", QtInfoMsg)
Q_LOGGING_CATEGORY(lcHttp, "switchboard.http", QtInfoMsg)
Q_LOGGING_CATEGORY(lcWebhook, "switchboard.webhook", QtInfoMsg)
Q_LOGGING_CATEGORY(lcApi, "switchboard.api", QtInfoMsg)
Q_LOGGING_CATEGORY(lcTwilio, "switchboard.twilio", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStore, "switchboard.store", QtInfoMsg)
Q_LOGGING_CATEGORY(lcOutbox, "switchboard.outbox", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSandbox, "switchboard.sandbox", QtInfoMsg)
Q_LOGGING_CATEGORY(lcService, "switchboard.service", QtInfoMsg)
