#include "MessageApi.h"

#include "LocalApi.h"
#include "common/Logging.h"
#include "db/Store.h"
#include "outbox/Outbox.h"
#include "providers/twilio/TwilioError.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace sb {

QString MessageApi::iso(const QDateTime &time) {
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QJsonObject MessageApi::messageJson(const MessageRecord &m) {
    QJsonObject json{{QStringLiteral("id"), m.id},
                     {QStringLiteral("sid"), m.sid},
                     {QStringLiteral("messageSid"), m.sid},
                     {QStringLiteral("channel"), m.channel},
                     {QStringLiteral("direction"), m.direction},
                     {QStringLiteral("from"), m.from},
                     {QStringLiteral("to"), m.to},
                     {QStringLiteral("body"), m.body},
                     {QStringLiteral("status"), m.status},
                     {QStringLiteral("segments"), m.segments},
                     {QStringLiteral("createdAt"), iso(m.createdAt)},
                     {QStringLiteral("updatedAt"), iso(m.updatedAt)}};
    if (!m.agent.isEmpty())
        json.insert(QStringLiteral("agent"), m.agent);
    if (m.errorCode != 0) {
        json.insert(QStringLiteral("errorCode"), m.errorCode);
        json.insert(QStringLiteral("errorMessage"), TwilioError::explain(m.errorCode));
        json.insert(QStringLiteral("moreInfo"), TwilioError::docsLink(m.errorCode));
    } else if (!m.errorMessage.isEmpty()) {
        json.insert(QStringLiteral("errorMessage"), m.errorMessage);
    }
    return json;
}

void MessageApi::answerStatus(Store *store, QObject *context, const QString &sid,
                              const HttpServer::Reply &reply) {
    auto unreadable = [reply](const QString &error) {
        qCWarning(lcApi).noquote() << "store read failed:" << error;
        reply(HttpResponse::error(500, MessageApi::tr("The store could not be read.")));
    };
    store->messageBySid(
        sid, context,
        [store, context, sid, reply,
         unreadable](const StoreResult<std::optional<MessageRecord>> &found) {
            if (!found.ok())
                return unreadable(found.error);
            if (!found.value)
                return reply(
                    HttpResponse::error(404, MessageApi::tr("No message with SID %1.").arg(sid),
                                        {{QStringLiteral("field"), QStringLiteral("messageSid")}}));
            const MessageRecord message = *found.value;
            store->statusHistory(
                sid, context,
                [message, reply, unreadable](const StoreResult<QList<StatusEvent>> &events) {
                    if (!events.ok())
                        return unreadable(events.error);
                    QJsonObject json = messageJson(message);
                    QJsonArray history;
                    for (const StatusEvent &e : events.value) {
                        QJsonObject item{{QStringLiteral("status"), e.status},
                                         {QStringLiteral("receivedAt"), iso(e.receivedAt)}};
                        if (e.errorCode != 0)
                            item.insert(QStringLiteral("errorCode"), e.errorCode);
                        // Learned by reconciliation (a fetch), not from Twilio's callback.
                        item.insert(QStringLiteral("source"),
                                    e.polled ? QStringLiteral("poll") : QStringLiteral("webhook"));
                        history.append(item);
                    }
                    json.insert(QStringLiteral("history"), history);
                    reply(HttpResponse::json(200, json));
                });
        });
}

HttpResponse MessageApi::sendAnswer(const SendOutcome &outcome, const QJsonObject &extra) {
    if (outcome.entry.state != OutboxEntry::State::Accepted && outcome.error.isError()) {
        HttpResponse response = LocalApi::errorResponse(outcome.error);
        if (outcome.entry.id != 0) {
            // The store failed after the message existed: say where it stands.
            QJsonObject body = QJsonDocument::fromJson(response.body).object();
            QJsonObject error = body.value(QLatin1String("error")).toObject();
            error.insert(QStringLiteral("outboxState"),
                         OutboxEntry::stateName(outcome.entry.state));
            body.insert(QStringLiteral("error"), error);
            response.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
        }
        return response;
    }
    QJsonObject json = messageJson(outcome.entry.message);
    for (auto it = extra.constBegin(); it != extra.constEnd(); ++it)
        json.insert(it.key(), it.value());
    json.insert(QStringLiteral("outboxState"), OutboxEntry::stateName(outcome.entry.state));
    if (outcome.entry.sendAt.isValid())
        json.insert(QStringLiteral("sendAt"), iso(outcome.entry.sendAt));
    if (!outcome.entry.messagingServiceSid.isEmpty())
        json.insert(QStringLiteral("messagingServiceSid"), outcome.entry.messagingServiceSid);
    if (outcome.entry.existing)
        json.insert(QStringLiteral("replayed"), true);
    return HttpResponse::json(outcome.entry.existing ? 200 : 201, json);
}

} // namespace sb
