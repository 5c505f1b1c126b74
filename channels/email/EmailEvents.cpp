#include "EmailEvents.h"

#include "EmailLogging.h"
#include "EmailRoutes.h"
#include "EmailStore.h"
#include "runtime/ChannelContext.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace sb {

EmailEvents::EmailEvents(ChannelContext &context, QObject *parent)
    : QObject(parent)
    , m_store(context.store)
    , m_validator(context.config.sendgridWebhookPublicKey, context.config.sendgridWebhookMaxAgeS) {
    // The signature is checked by a filter, as Twilio's webhooks are (TwilioWebhookGuard):
    // every request from the network passes it, and the webhook inspector's replay, injected
    // with filters skipped, is not refused for its age or signature (it was checked when it
    // first arrived; the replay is recorded as one).
    context.server.addFilter(EmailRoutes::events(),
                             [this](const HttpRequest &r) { return verify(r); });
    context.server.route(
        "POST", EmailRoutes::events(),
        [this](const HttpRequest &r, HttpServer::Reply reply) { receive(r, reply); });
}

std::optional<QList<EmailEvent>> EmailEvents::parse(const QByteArray &body) {
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || !document.isArray())
        return std::nullopt;
    QList<EmailEvent> events;
    for (const QJsonValue v : document.array()) {
        if (!v.isObject())
            return std::nullopt;
        const QJsonObject o = v.toObject();
        EmailEvent e;
        e.sgEventId = o.value(QLatin1String("sg_event_id")).toString();
        e.event = o.value(QLatin1String("event")).toString();
        // Custom args arrive as top-level fields of each event.
        e.emailId = o.value(QLatin1String(EmailDraft::EmailIdArg)).toString();
        e.sgMessageId = o.value(QLatin1String("sg_message_id")).toString();
        e.address = o.value(QLatin1String("email")).toString();
        e.reason = o.value(QLatin1String("reason")).toString();
        if (e.reason.isEmpty())
            e.reason = o.value(QLatin1String("response")).toString(); // deferred says why here
        const qint64 timestamp = o.value(QLatin1String("timestamp")).toVariant().toLongLong();
        if (timestamp > 0)
            e.at = QDateTime::fromSecsSinceEpoch(timestamp, Qt::UTC);
        e.payload = QJsonDocument(o).toJson(QJsonDocument::Compact);
        events.append(e);
    }
    return events;
}

std::optional<HttpResponse> EmailEvents::verify(const HttpRequest &request) const {
    if (request.path != EmailRoutes::events() || request.method != "POST")
        return std::nullopt; // another route (or a 405) is answered as it would be
    const SendGridEventVerdict verdict =
        m_validator.check(request.header(SendGridEventValidator::TimestampHeader),
                          request.header(SendGridEventValidator::SignatureHeader), request.body);
    if (verdict.isValid())
        return std::nullopt;
    qCWarning(lcEmail).noquote() << "Event Webhook batch refused:" << verdict.explanation();
    return HttpResponse::error(403, verdict.explanation());
}

void EmailEvents::receive(const HttpRequest &request, const HttpServer::Reply &reply) {
    const auto events = parse(request.body);
    if (!events)
        return reply(HttpResponse::error(
            400, tr("Not SendGrid's Event Webhook batch: the body must be a JSON array of "
                    "event objects.")));
    const int count = int(events->size());
    EmailStore::applyEvents(m_store, *events, this, [reply, count](const StoreResult<int> &stored) {
        if (!stored.ok()) {
            qCWarning(lcEmail).noquote() << "Event Webhook batch not stored:" << stored.error;
            return reply(HttpResponse::error(500, tr("The events could not be stored; send them "
                                                     "again.")));
        }
        qCInfo(lcEmail) << "Event Webhook:" << stored.value << "new of" << count << "events";
        reply(HttpResponse::json(
            200, {{QStringLiteral("received"), count}, {QStringLiteral("new"), stored.value}}));
    });
}

} // namespace sb
