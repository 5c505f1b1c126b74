#pragma once

#include "http/HttpServer.h"

#include <QObject>

namespace sb {

class Store;

// The local API's scheduled sends: GET /api/v1/twilio/scheduled lists the messages waiting for
// their time (id, channel, from, to, body, sendAt, createdAt); DELETE …/scheduled/{id} cancels
// one (204; 404 for an unknown id; 409 once it has gone or was cancelled). Sending them is the
// Outbox's. Lives on the server thread.
class ScheduledApi : public QObject {
    Q_OBJECT
public:
    ScheduledApi(HttpServer *server, Store *store, QObject *parent = nullptr);

private:
    void list(const HttpServer::Reply &reply);
    void cancel(const QString &id, const HttpServer::Reply &reply);

    Store *m_store;
};

} // namespace sb
