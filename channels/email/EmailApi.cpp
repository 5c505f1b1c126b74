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
#include "api/KeysetPage.h"
#include "api/LocalApi.h"
#include "api/MessageApi.h"
#include "db/Store.h"
#include "outbox/Outbox.h"
#include "runtime/ChannelContext.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>

namespace sb {

namespace {

QJsonValue isoOrNull(const QDateTime &time) {
    return time.isValid() ? QJsonValue(MessageApi::iso(time)) : QJsonValue(QJsonValue::Null);
}

} // namespace

EmailApi::EmailApi(ChannelContext &context, QObject *parent)
    : QObject(parent)
    , m_store(context.store)
    , m_submitter(context.store, context.outbox,
                  EmailQuota{context.config.sendgridDailyLimit, context.clock})
    , m_defaultFrom{context.config.sendgridFromEmail, context.config.sendgridFromName}
    , m_clock(context.clock) {
    // What an earlier run stored but never handed to the outbox goes once the outbox takes
    // drafts again (before connections are accepted, or just after).
    if (context.outbox)
        connect(context.outbox, &Outbox::resumed, this,
                [this] { m_submitter.sendUnqueued(m_clock(), this); });
    const QString sendPath = LocalApi::path(EmailRoutes::send());
    context.server.route("POST", sendPath,
                         [this](const HttpRequest &r, HttpServer::Reply reply) { send(r, reply); });
    context.server.setMaxBodyBytes("POST", sendPath.toUtf8(), MaxSendBodyBytes);
    context.server.route(
        "GET", LocalApi::path(EmailRoutes::status()),
        [this](const HttpRequest &r, HttpServer::Reply reply) { status(r.args.value(0), reply); });
    context.server.route("GET", LocalApi::path(EmailRoutes::usage()),
                         [this](const HttpRequest &, HttpServer::Reply reply) { usage(reply); });
    context.server.route("GET", LocalApi::path(EmailRoutes::list()),
                         [this](const HttpRequest &r, HttpServer::Reply reply) { list(r, reply); });
}

void EmailApi::list(const HttpRequest &request, const HttpServer::Reply &reply) {
    FieldErrors errors;
    const KeysetPage page = KeysetPage::fromQuery(request.query, errors);
    if (!errors.isEmpty())
        return reply(errors.response());
    m_store->run<QList<EmailRecord>>(
        this,
        [page](StoreWorker &w, QString *error) {
            return EmailStore::page(w, page.beforeId, page.limit + 1, error);
        },
        [reply, limit = page.limit](const StoreResult<QList<EmailRecord>> &found) {
            if (!found.ok())
                return reply(HttpResponse::error(
                    500, tr("The emails could not be read: %1").arg(found.error)));
            QJsonArray emails;
            for (qsizetype i = 0; i < found.value.size() && i < limit; ++i)
                emails.append(statusJson(found.value[i]));
            reply(HttpResponse::json(
                200, {{QStringLiteral("emails"), emails},
                      {QStringLiteral("next"),
                       KeysetPage::next(found.value, limit,
                                        [](const EmailRecord &e) { return e.rowId; })}}));
        });
}

void EmailApi::send(const HttpRequest &request, const HttpServer::Reply &reply) {
    FieldErrors errors;
    const std::optional<QJsonObject> parsed = JsonRequest::object(request.body, errors);
    if (!parsed)
        return reply(errors.response());
    EmailDraft draft = EmailRequest::parse(*parsed, m_defaultFrom, errors);
    if (!errors.isEmpty())
        return reply(errors.response());
    EmailSubmitOptions options;
    options.idempotencyKey = QString::fromUtf8(request.header("Idempotency-Key")).left(200);
    if (!options.idempotencyKey.isEmpty()) {
        // The body as JSON, not as bytes: a retry that re-serialises the same request (other
        // spacing or key order) is the same request. QJsonObject keeps its keys sorted.
        options.requestHash = QCryptographicHash::hash(
            QJsonDocument(*parsed).toJson(QJsonDocument::Compact), QCryptographicHash::Sha256);
    }
    m_submitter.submit(draft, options, this, [this, reply](const EmailSubmission &s) {
        if (s.outcome == EmailSubmission::Outcome::Replayed)
            return replay(s.emailId, reply);
        reply(response(s));
    });
}

void EmailApi::replay(const QString &emailId, const HttpServer::Reply &reply) {
    EmailStore::email(
        m_store, emailId, this, [reply](const StoreResult<std::optional<EmailRecord>> &read) {
            if (!read.ok() || !read.value)
                return reply(HttpResponse::error(
                    500, tr("The email this Idempotency-Key sent could not be read "
                            "back (%1); it was not sent again.")
                             .arg(read.error)));
            QJsonObject json = statusJson(*read.value);
            json.insert(QStringLiteral("replayed"), true);
            HttpResponse r = HttpResponse::json(200, json);
            r.headers.append({QByteArrayLiteral("Idempotent-Replayed"), QByteArrayLiteral("true")});
            reply(r);
        });
}

void EmailApi::usage(const HttpServer::Reply &reply) {
    m_submitter.usage(this, [reply](const StoreResult<EmailUsage> &read) {
        if (!read.ok())
            return reply(HttpResponse::error(
                500, tr("Today's emails could not be counted: %1").arg(read.error)));
        reply(HttpResponse::json(
            200, {{QStringLiteral("sentToday"), read.value.sentToday},
                  {QStringLiteral("dailyLimit"), read.value.dailyLimit},
                  {QStringLiteral("resetsAt"), MessageApi::iso(read.value.resetsAt)}}));
    });
}

HttpResponse EmailApi::response(const EmailSubmission &s) const {
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
    case Outcome::KeyConflict:
        return HttpResponse::error(
            409,
            tr("This Idempotency-Key was used for a different email (%1); nothing was sent. Use "
               "a new key for a new email, or the same body to retry that one.")
                .arg(s.emailId),
            {{QStringLiteral("id"), s.emailId}, {QStringLiteral("sent"), false}});
    case Outcome::OverDailyLimit: {
        HttpResponse r =
            HttpResponse::error(429, s.error,
                                {{QStringLiteral("sentToday"), s.sentToday},
                                 {QStringLiteral("dailyLimit"), s.dailyLimit},
                                 {QStringLiteral("resetsAt"), MessageApi::iso(s.resetsAt)},
                                 {QStringLiteral("sent"), false}});
        const qint64 wait = qMax<qint64>(1, m_clock().secsTo(s.resetsAt));
        r.headers.append({QByteArrayLiteral("Retry-After"), QByteArray::number(wait)});
        return r;
    }
    case Outcome::Replayed: // answered from the store by replay()
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

QJsonObject EmailApi::statusJson(const EmailRecord &r) {
    QJsonObject json = r.request;
    json.insert(QStringLiteral("id"), r.emailId);
    json.insert(QStringLiteral("channel"), EmailChannel::Id);
    json.insert(QStringLiteral("status"), r.status);
    json.insert(QStringLiteral("meaning"), EmailStatuses::instance().info(r.status).meaning);
    json.insert(QStringLiteral("final"), EmailStatuses::instance().info(r.status).final);
    json.insert(QStringLiteral("outboxState"), r.outboxState);
    json.insert(QStringLiteral("sgMessageId"), r.sgMessageId);
    json.insert(QStringLiteral("createdAt"), isoOrNull(r.createdAt));
    if (!r.agent.isEmpty())
        json.insert(QStringLiteral("agent"), r.agent);
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
    return json;
}

void EmailApi::status(const QString &emailId, const HttpServer::Reply &reply) {
    EmailStore::email(m_store, emailId, this,
                      [reply, emailId](const StoreResult<std::optional<EmailRecord>> &read) {
                          if (!read.ok())
                              return reply(HttpResponse::error(500, read.error));
                          if (!read.value)
                              return reply(
                                  HttpResponse::error(404, tr("No email %1.").arg(emailId)));
                          reply(HttpResponse::json(200, statusJson(*read.value)));
                      });
}

} // namespace sb
