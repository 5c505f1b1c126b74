#pragma once

#include "http/HttpServer.h"
#include "messaging/Records.h"
#include <QCoreApplication>

#include <QJsonObject>

namespace sb {

class Store;
struct SendOutcome;

// What every message channel's local-API routes share: a message as JSON, the answer to
// "where is this message" (any channel: a message SID is a message SID), and the answer to a
// send once the outbox has an outcome. Everything here runs on the server thread.
class MessageApi {
    Q_DECLARE_TR_FUNCTIONS(MessageApi)
public:
    static QJsonObject messageJson(const MessageRecord &message);
    // GET …/{sid}: the message with its status history, in arrival order; 404 when unknown.
    static void answerStatus(Store *store, QObject *context, const QString &sid,
                             const HttpServer::Reply &reply);
    // 201 with the message (200 for a replayed Idempotency-Key), or the error, with
    // `outboxState` when the store failed after the message existed. `extra` is merged into
    // a success body (e.g. the SMS encoding).
    static HttpResponse sendAnswer(const SendOutcome &outcome, const QJsonObject &extra = {});
    static QString iso(const QDateTime &time);
};

} // namespace sb
