#include "ContactApi.h"

#include "Inbox.h"
#include "api/FieldErrors.h"
#include "api/JsonRequest.h"
#include "api/KeysetPage.h"
#include "api/LocalApi.h"
#include "common/Logging.h"
#include "config/Config.h"
#include "http/HttpServer.h"

#include <QJsonArray>
#include <QJsonObject>

namespace sb {

namespace {

// A contact's place in the list is (its last item's time, its id): the cursor names both.
QString cursorOf(const ContactSummary &c) {
    return QStringLiteral("%1.%2")
        .arg(c.lastAt.isValid() ? c.lastAt.toMSecsSinceEpoch() : 0)
        .arg(c.id);
}

bool parseCursor(const QString &text, ContactQuery *query) {
    const QStringList parts = text.split(QLatin1Char('.'));
    if (parts.size() != 2)
        return false;
    bool atOk = false;
    bool idOk = false;
    query->afterLastAtMs = parts.at(0).toLongLong(&atOk);
    query->afterId = parts.at(1).toLongLong(&idOk);
    return atOk && idOk && query->afterLastAtMs >= 0 && query->afterId > 0;
}

QJsonValue nameOrNull(const QString &name) {
    return name.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(name);
}

QJsonValue timeOrNull(const QDateTime &at) {
    return at.isValid() ? QJsonValue(at.toUTC().toString(Qt::ISODateWithMs))
                        : QJsonValue(QJsonValue::Null);
}

QJsonObject contactJson(const ContactSummary &c) {
    return {{QStringLiteral("id"), c.id},
            {QStringLiteral("number"), c.number},
            {QStringLiteral("email"), c.email},
            {QStringLiteral("name"), c.name},
            {QStringLiteral("lastText"), c.lastText},
            {QStringLiteral("lastChannel"), c.lastChannel},
            {QStringLiteral("lastAt"),
             c.lastAt.isValid() ? c.lastAt.toUTC().toString(Qt::ISODateWithMs) : QString()},
            {QStringLiteral("unread"), c.unread},
            {QStringLiteral("channels"), QJsonArray::fromStringList(c.channels)},
            {QStringLiteral("optedOutOf"), QJsonArray::fromStringList(c.optedOutOf)},
            {QStringLiteral("assignee"), nameOrNull(c.assignee)},
            {QStringLiteral("assignedAt"), timeOrNull(c.assignedAt)}};
}

// An optional agent's name in a request: absent or null is nobody (""); otherwise a string that
// passes Config::isAgentName, else the reason goes to `errors` under `field`.
QString agentNamed(const QJsonObject &json, const QString &field, FieldErrors &errors) {
    const QJsonValue value = json.value(field);
    if (value.isUndefined() || value.isNull())
        return {};
    const QString name = value.toString().trimmed();
    if (!value.isString() || !Config::isAgentName(name))
        errors.add(field, ContactApi::tr("'%1' is a name of at most %2 characters, on one line, "
                                         "or null for nobody.")
                              .arg(field)
                              .arg(Config::MaxAgentName));
    return name;
}

QJsonObject workloadJson(const AgentWorkload &w) {
    return {{QStringLiteral("agent"), nameOrNull(w.agent)},
            {QStringLiteral("conversations"), w.conversations},
            {QStringLiteral("unreadConversations"), w.unreadConversations},
            {QStringLiteral("unreadMessages"), w.unreadMessages}};
}

} // namespace

ContactApi::ContactApi(HttpServer *server, Inbox *inbox, QObject *parent)
    : QObject(parent)
    , m_inbox(inbox) {
    server->route(
        "GET", LocalApi::path(QStringLiteral("contacts")),
        [this](const HttpRequest &r, HttpServer::Reply reply) {
            FieldErrors errors;
            // `before` is this listing's own cursor, not a row id: read apart.
            QUrlQuery paging = r.query;
            paging.removeAllQueryItems(QStringLiteral("before"));
            const KeysetPage page = KeysetPage::fromQuery(paging, errors);
            ContactQuery query;
            query.text = r.query.queryItemValue(QStringLiteral("q"), QUrl::FullyDecoded).trimmed();
            if (r.query.hasQueryItem(QStringLiteral("assignee"))) {
                // Empty: the unassigned conversations.
                query.assignee =
                    r.query.queryItemValue(QStringLiteral("assignee"), QUrl::FullyDecoded)
                        .trimmed();
                if (!Config::isAgentName(*query.assignee))
                    errors.add(QStringLiteral("assignee"),
                               tr("assignee is a name of at most %1 characters, on one line.")
                                   .arg(Config::MaxAgentName));
            }
            if (r.query.hasQueryItem(QStringLiteral("before")) &&
                !parseCursor(r.query.queryItemValue(QStringLiteral("before")), &query))
                errors.add(QStringLiteral("before"),
                           tr("before must be the `next` cursor of a previous page."));
            if (!errors.isEmpty())
                return reply(errors.response());
            const int limit = page.limit;
            query.limit = limit + 1; // one more: whether a next page exists
            m_inbox->contacts(
                query, this, [reply, limit](const StoreResult<QList<ContactSummary>> &found) {
                    if (!found.ok()) {
                        qCWarning(lcApi).noquote() << "store read failed:" << found.error;
                        return reply(HttpResponse::error(500, tr("The store could not be read.")));
                    }
                    QJsonArray contacts;
                    for (qsizetype i = 0; i < found.value.size() && i < limit; ++i)
                        contacts.append(contactJson(found.value[i]));
                    const QJsonValue next = found.value.size() > limit
                                                ? QJsonValue(cursorOf(found.value[limit - 1]))
                                                : QJsonValue(QJsonValue::Null);
                    reply(HttpResponse::json(200, {{QStringLiteral("contacts"), contacts},
                                                   {QStringLiteral("next"), next}}));
                });
        });
    server->route("POST", LocalApi::path(QStringLiteral("contacts/{id}/assign")),
                  [this](const HttpRequest &r, HttpServer::Reply reply) { assign(r, reply); });
    server->route("GET", LocalApi::path(QStringLiteral("contacts/{id}/presence")),
                  [this](const HttpRequest &r, HttpServer::Reply reply) { presence(r, reply); });
    server->route("PUT", LocalApi::path(QStringLiteral("contacts/{id}/presence")),
                  [this](const HttpRequest &r, HttpServer::Reply reply) { setPresence(r, reply); });
    server->route(
        "GET", LocalApi::path(QStringLiteral("agents")),
        [this](const HttpRequest &, HttpServer::Reply reply) {
            m_inbox->workload(this, [reply](const StoreResult<QList<AgentWorkload>> &found) {
                if (!found.ok()) {
                    qCWarning(lcApi).noquote() << "store read failed:" << found.error;
                    return reply(HttpResponse::error(500, tr("The store could not be read.")));
                }
                QJsonArray agents;
                QJsonObject unassigned = workloadJson({});
                for (const AgentWorkload &w : found.value) {
                    if (w.agent.isEmpty())
                        unassigned = workloadJson(w);
                    else
                        agents.append(workloadJson(w));
                }
                reply(HttpResponse::json(200, {{QStringLiteral("agents"), agents},
                                               {QStringLiteral("unassigned"), unassigned}}));
            });
        });
}

void ContactApi::presence(const HttpRequest &r, const HttpServer::Reply &reply) {
    bool idOk = false;
    const qint64 id = r.args.value(0).toLongLong(&idOk);
    if (!idOk || id <= 0)
        return reply(HttpResponse::error(404, tr("No contact %1.").arg(r.args.value(0))));
    m_inbox->presence(id, this, [reply](const StoreResult<QList<Presence>> &found) {
        if (!found.ok()) {
            qCWarning(lcApi).noquote() << "store read failed:" << found.error;
            return reply(HttpResponse::error(500, tr("The store could not be read.")));
        }
        QJsonArray all;
        for (const Presence &p : found.value)
            all.append(QJsonObject{{QStringLiteral("agent"), p.agent},
                                   {QStringLiteral("state"), p.state},
                                   {QStringLiteral("seenAt"), timeOrNull(p.seenAt)}});
        reply(HttpResponse::json(200, {{QStringLiteral("presence"), all}}));
    });
}

std::optional<QJsonObject> ContactApi::contactRequest(const HttpRequest &r,
                                                      const HttpServer::Reply &reply, qint64 *id) {
    FieldErrors errors;
    bool idOk = false;
    *id = r.args.value(0).toLongLong(&idOk);
    if (!idOk || *id <= 0) {
        reply(HttpResponse::error(404, tr("No contact %1.").arg(r.args.value(0))));
        return std::nullopt;
    }
    std::optional<QJsonObject> json = JsonRequest::object(r.body, errors);
    if (!json)
        reply(errors.response());
    return json;
}

void ContactApi::setPresence(const HttpRequest &r, const HttpServer::Reply &reply) {
    qint64 id = 0;
    const std::optional<QJsonObject> json = contactRequest(r, reply, &id);
    if (!json)
        return;
    FieldErrors errors;
    const QString agent = agentNamed(*json, QStringLiteral("agent"), errors);
    if (agent.isEmpty() && !errors.has(QStringLiteral("agent")))
        errors.add(QStringLiteral("agent"), tr("'agent' is required: who is in the conversation."));
    const QJsonValue stateValue = json->value(QLatin1String("state"));
    const QString state = stateValue.toString();
    if (!stateValue.isNull() && state != Inbox::Viewing && state != Inbox::Replying)
        errors.add(QStringLiteral("state"),
                   tr("'state' is \"viewing\", \"replying\", or null when the agent left."));
    if (!errors.isEmpty())
        return reply(errors.response());
    m_inbox->setPresence(id, agent, state, this, [reply, id](const StoreResult<bool> &done) {
        if (!done.ok()) {
            qCWarning(lcApi).noquote() << "presence not stored:" << done.error;
            return reply(HttpResponse::error(500, tr("The presence could not be stored.")));
        }
        reply(done.value ? HttpResponse::empty(204)
                         : HttpResponse::error(404, tr("No contact %1.").arg(id)));
    });
}

void ContactApi::assign(const HttpRequest &r, const HttpServer::Reply &reply) {
    qint64 id = 0;
    const std::optional<QJsonObject> json = contactRequest(r, reply, &id);
    if (!json)
        return;
    FieldErrors errors;
    if (!json->contains(QLatin1String("agent")))
        errors.add(QStringLiteral("agent"),
                   tr("'agent' is required: a name, or null to unassign the conversation."));
    const QString agent = agentNamed(*json, QStringLiteral("agent"), errors);
    std::optional<QString> expected;
    if (json->contains(QLatin1String("ifAssignee")))
        expected = agentNamed(*json, QStringLiteral("ifAssignee"), errors);
    if (!errors.isEmpty())
        return reply(errors.response());
    m_inbox->assign(
        id, agent, expected, this, [reply, id, agent](const StoreResult<Assignment> &done) {
            if (!done.ok()) {
                qCWarning(lcApi).noquote() << "assignment not stored:" << done.error;
                return reply(HttpResponse::error(500, tr("The assignment could not be stored.")));
            }
            const Assignment &a = done.value;
            if (!a.found)
                return reply(HttpResponse::error(404, tr("No contact %1.").arg(id)));
            const QJsonObject body{{QStringLiteral("contactId"), id},
                                   {QStringLiteral("assignee"), nameOrNull(a.assignee)},
                                   {QStringLiteral("assignedAt"), timeOrNull(a.assignedAt)},
                                   {QStringLiteral("changed"), a.changed}};
            if (a.assignee != agent) // ifAssignee no longer held
                return reply(HttpResponse::error(
                    409,
                    a.assignee.isEmpty()
                        ? tr("The conversation is no longer assigned to anyone.")
                        : tr("The conversation is assigned to %1 now.").arg(a.assignee),
                    body));
            reply(HttpResponse::json(200, body));
        });
}

} // namespace sb
