#pragma once

#include <QObject>

namespace sb {

class HttpServer;
class Store;

// GET /api/v1/twilio/messages: the stored messages of every channel, newest first, keyset
// paged as the console's tables page them. Query: `channel`, `contact` (matches from or to),
// `status`, `limit` (1–500, default 50), `before` (the `next` cursor of the previous page).
// Answers {"messages": [...], "next": "<cursor>" | null}; 400 naming every invalid parameter.
class MessageListApi : public QObject {
    Q_OBJECT
public:
    MessageListApi(HttpServer *server, Store *store, QObject *parent = nullptr);

private:
    Store *m_store;
};

} // namespace sb
