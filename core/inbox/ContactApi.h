#pragma once

#include "http/HttpServer.h"

#include <QJsonObject>
#include <QObject>

#include <optional>

namespace sb {

class Inbox;

// GET /api/v1/twilio/contacts: the inbox's contacts — one per number across every channel —
// newest first (by their last item), as the console's Inbox lists them. Query: `q` (a
// substring of name, number or email), `limit` (1–500, default 50), `before` (the `next`
// cursor of the previous page). Answers {"contacts": [...], "next": "<cursor>" | null}; 400
// naming every invalid parameter. `assignee=Ana` lists Ana's conversations, `assignee=` the
// unassigned ones. Each contact carries `assignee` and `assignedAt` (null: nobody).
//
// POST /api/v1/twilio/contacts/{id}/assign {"agent": "Ana" | null, "ifAssignee"?: "Ben" | null}
// assigns the conversation (null: unassigns it); with ifAssignee, only if it is still assigned
// to that agent (null: nobody), else 409 naming who has it. Answers {contactId, assignee,
// assignedAt, changed}; 404 for an unknown contact; every console sees it at once.
// GET /api/v1/twilio/contacts/{id}/presence: who is in the conversation now ({"presence":
// [{agent, state, seenAt}]}, replying first). PUT it {"agent", "state": "viewing" | "replying" |
// null} to take part, as a helpdesk's own users: 204; it lapses 30 s after the last PUT, so
// repeat it every 10 s while it holds; null leaves at once. 404 for an unknown contact.
// GET /api/v1/twilio/agents: per agent, the conversations assigned to them and the unread
// among them ({"agents": [{agent, conversations, unreadConversations, unreadMessages}],
// "unassigned": {...}}), busiest first.
class ContactApi : public QObject {
    Q_OBJECT
public:
    ContactApi(HttpServer *server, Inbox *inbox, QObject *parent = nullptr);

private:
    // A route on one contact with a JSON body: its id (404 when it is not one) and the body
    // (400 when it is not an object); nullopt once it has answered.
    std::optional<QJsonObject> contactRequest(const HttpRequest &request,
                                              const HttpServer::Reply &reply, qint64 *id);
    void assign(const HttpRequest &request, const HttpServer::Reply &reply);
    void presence(const HttpRequest &request, const HttpServer::Reply &reply);
    void setPresence(const HttpRequest &request, const HttpServer::Reply &reply);

    Inbox *m_inbox;
};

} // namespace sb
