#pragma once

#include <QObject>

namespace sb {

class HttpServer;
class Inbox;

// GET /api/v1/twilio/contacts: the inbox's contacts — one per number across every channel —
// newest first (by their last item), as the console's Inbox lists them. Query: `q` (a
// substring of name, number or email), `limit` (1–500, default 50), `before` (the `next`
// cursor of the previous page). Answers {"contacts": [...], "next": "<cursor>" | null}; 400
// naming every invalid parameter.
class ContactApi : public QObject {
    Q_OBJECT
public:
    ContactApi(HttpServer *server, Inbox *inbox, QObject *parent = nullptr);

private:
    Inbox *m_inbox;
};

} // namespace sb
