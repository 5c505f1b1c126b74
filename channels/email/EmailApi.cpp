#include "EmailApi.h"

#include "EmailChannel.h"
#include "EmailRequest.h"
#include "EmailRoutes.h"
#include "EmailSender.h"
#include "EmailStatuses.h"
#include "EmailStore.h"
#include "api/FieldErrors.h"
#include "api/JsonRequest.h"
#include "api/LocalApi.h"
#include "api/MessageApi.h"
#include "outbox/Outbox.h"
#include "runtime/ChannelContext.h"

#include <QJsonArray>
#include <QUuid>

namespace sb {

namespace {

QString newEmailId() {
    return QStringLiteral("EM") + QUuid::createUuid().toString(QUuid::Id128);
}

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
    draft.emailId = newEmailId();
    EmailStore::create(
        m_store, draft, this,
        [this, draft, reply](const StoreResult<QList<EmailSuppression>> &created) {
            if (!created.ok())
                return reply(HttpResponse::error(
                    500, tr("The email could not be stored, so nothing was sent: %1")
                             .arg(created.error)));
            if (!created.value.isEmpty()) {
                // Like an SMS opt-out: an address that bounced or reported spam is not sent to.
                FieldErrors refused;
                for (const EmailSuppression &s : created.value) {
                    QString field = QStringLiteral("to");
                    for (const EmailAddress &a : draft.cc)
                        if (a.email.compare(s.address, Qt::CaseInsensitive) == 0)
                            field = QStringLiteral("cc");
                    for (const EmailAddress &a : draft.bcc)
                        if (a.email.compare(s.address, Qt::CaseInsensitive) == 0)
                            field = QStringLiteral("bcc");
                    const QString why =
                        s.event == QLatin1String("spamreport")
                            ? tr("%1 reported an earlier email as spam; Switchboard does not send "
                                 "to it again.")
                                  .arg(s.address)
                            : tr("Email to %1 bounced (%2); Switchboard does not send to it again.")
                                  .arg(s.address, s.reason.isEmpty() ? s.event : s.reason);
                    if (!refused.has(field))
                        refused.add(field, why);
                }
                return reply(refused.response());
            }
            OutboundDraft outbound;
            outbound.channel = EmailChannel::Id;
            outbound.from = draft.from.email;
            outbound.to = draft.to.value(0).email;
            outbound.body = draft.templateId.isEmpty() ? draft.subject : draft.templateId;
            outbound.clientRef = draft.emailId;
            QMetaObject::invokeMethod(m_outbox, [outbox = m_outbox, outbound, me = Receiver(this),
                                                 reply, emailId = draft.emailId] {
                outbox->send(outbound, me, [reply, emailId](const SendOutcome &outcome) {
                    QJsonObject json{{QStringLiteral("id"), emailId},
                                     {QStringLiteral("channel"), EmailChannel::Id},
                                     {QStringLiteral("outboxState"),
                                      OutboxEntry::stateName(outcome.entry.state)}};
                    if (outcome.entry.id == 0)
                        return reply(HttpResponse::error(
                            503, outcome.error.explanation(),
                            {{QStringLiteral("id"), emailId}, {QStringLiteral("sent"), false}}));
                    switch (outcome.entry.state) {
                    case OutboxEntry::State::Accepted:
                        json.insert(QStringLiteral("status"), QStringLiteral("queued"));
                        json.insert(QStringLiteral("sgMessageId"), outcome.entry.message.sid);
                        return reply(HttpResponse::json(202, json));
                    case OutboxEntry::State::Failed: {
                        const bool unknown = outcome.error.message == EmailSender::unknownOutcome();
                        return reply(HttpResponse::error(
                            unknown ? 504 : 502,
                            unknown
                                ? outcome.error.message
                                : tr("SendGrid refused the email: %1").arg(outcome.error.message),
                            {{QStringLiteral("id"), emailId},
                             {QStringLiteral("status"),
                              unknown ? QStringLiteral("unknown") : QStringLiteral("failed")},
                             {QStringLiteral("sent"), unknown ? QJsonValue() : false}}));
                    }
                    case OutboxEntry::State::Pending:
                    case OutboxEntry::State::Submitted:
                        // Stored; the outbox finishes it (e.g. once the database recovers).
                        json.insert(QStringLiteral("status"), QStringLiteral("pending"));
                        if (outcome.error.isError())
                            json.insert(QStringLiteral("warning"), outcome.error.explanation());
                        return reply(HttpResponse::json(202, json));
                    }
                });
            });
        });
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
