#include "EmailApi.h"

#include "EmailChannel.h"
#include "EmailRequest.h"
#include "EmailRoutes.h"
#include "EmailSender.h"
#include "EmailStatuses.h"
#include "EmailStore.h"
#include "EmailSubmitter.h"
#include "api/FieldErrors.h"
#include "api/JsonRequest.h"
#include "api/LocalApi.h"
#include "api/MessageApi.h"
#include "runtime/ChannelContext.h"

#include <QJsonArray>

namespace sb {

namespace {

QJsonValue isoOrNull(const QDateTime &time) {
    return time.isValid() ? QJsonValue(MessageApi::iso(time)) : QJsonValue(QJsonValue::Null);
}

} // namespace

EmailApi::EmailApi(ChannelContext &context, QObject *parent)
    : QObject(parent)
    , m_store(context.store)
    , m_outbox(context.outbox) {
    context.server.route("POST", LocalApi::path(EmailRoutes::send()),
                         [this](const HttpRequest &r, HttpServer::Reply reply) { send(r, reply); });
    context.server.route(
        "GET", LocalApi::path(EmailRoutes::status()),
        [this](const HttpRequest &r, HttpServer::Reply reply) { status(r.args.value(0), reply); });
}

void EmailApi::send(const HttpRequest &request, const HttpServer::Reply &reply) {
    FieldErrors errors;
    const std::optional<QJsonObject> parsed = JsonRequest::object(request.body, errors);
    if (!parsed)
        return reply(errors.response());
    EmailDraft draft = EmailRequest::parse(*parsed, errors);
    if (!errors.isEmpty())
        return reply(errors.response());
    EmailSubmitter(m_store, m_outbox).submit(draft, this, [reply](const EmailSubmission &s) {
        reply(response(s));
    });
}

HttpResponse EmailApi::response(const EmailSubmission &s) {
    using Outcome = EmailSubmission::Outcome;
    const QJsonObject idOnly{{QStringLiteral("id"), s.emailId}, {QStringLiteral("sent"), false}};
    switch (s.outcome) {
    case Outcome::NotStored:
        return HttpResponse::error(500, s.error);
    case Outcome::Suppressed: {
        FieldErrors refused;
        for (const EmailSubmission::Refusal &r : s.refusals)
            if (!refused.has(r.field))
                refused.add(r.field, r.reason);
        return refused.response();
    }
    case Outcome::NoOutbox:
        return HttpResponse::error(503, s.error, idOnly);
    case Outcome::Refused:
        return HttpResponse::error(502, tr("SendGrid refused the email: %1").arg(s.error),
                                   {{QStringLiteral("id"), s.emailId},
                                    {QStringLiteral("status"), QStringLiteral("failed")},
                                    {QStringLiteral("sent"), false}});
    case Outcome::Unknown:
        return HttpResponse::error(504, s.error,
                                   {{QStringLiteral("id"), s.emailId},
                                    {QStringLiteral("status"), QStringLiteral("unknown")},
                                    {QStringLiteral("sent"), QJsonValue()}});
    case Outcome::Queued:
    case Outcome::Pending:
        break;
    }
    QJsonObject json{{QStringLiteral("id"), s.emailId},
                     {QStringLiteral("channel"), EmailChannel::Id},
                     {QStringLiteral("outboxState"), OutboxEntry::stateName(s.outboxState)}};
    if (s.outcome == Outcome::Queued) {
        json.insert(QStringLiteral("status"), QStringLiteral("queued"));
        json.insert(QStringLiteral("sgMessageId"), s.sgMessageId);
    } else {
        json.insert(QStringLiteral("status"), QStringLiteral("pending"));
        if (!s.warning.isEmpty())
            json.insert(QStringLiteral("warning"), s.warning);
    }
    return HttpResponse::json(202, json);
}

void EmailApi::status(const QString &emailId, const HttpServer::Reply &reply) {
    EmailStore::email(
        m_store, emailId, this,
        [reply, emailId](const StoreResult<std::optional<EmailRecord>> &read) {
            if (!read.ok())
                return reply(HttpResponse::error(500, read.error));
            if (!read.value)
                return reply(HttpResponse::error(404, tr("No email %1.").arg(emailId)));
            const EmailRecord &r = *read.value;
            QJsonObject json = r.request;
            json.insert(QStringLiteral("id"), r.emailId);
            json.insert(QStringLiteral("channel"), EmailChannel::Id);
            json.insert(QStringLiteral("status"), r.status);
            json.insert(QStringLiteral("meaning"),
                        EmailStatuses::instance().info(r.status).meaning);
            json.insert(QStringLiteral("final"), EmailStatuses::instance().info(r.status).final);
            json.insert(QStringLiteral("outboxState"), r.outboxState);
            json.insert(QStringLiteral("sgMessageId"), r.sgMessageId);
            json.insert(QStringLiteral("createdAt"), isoOrNull(r.createdAt));
            if (!r.error.isEmpty())
                json.insert(QStringLiteral("error"), r.error);
            QJsonArray events;
            for (const EmailEvent &e : r.events) {
                QJsonObject event{{QStringLiteral("event"), e.event},
                                  {QStringLiteral("at"), isoOrNull(e.at)},
                                  {QStringLiteral("sgEventId"), e.sgEventId},
                                  {QStringLiteral("email"), e.address}};
                if (!e.reason.isEmpty())
                    event.insert(QStringLiteral("reason"), e.reason);
                events.append(event);
            }
            json.insert(QStringLiteral("events"), events);
            reply(HttpResponse::json(200, json));
        });
}

} // namespace sb
