#include "ScheduledApi.h"

#include "LocalApi.h"
#include "MessageApi.h"
#include "common/Logging.h"
#include "db/Store.h"
#include "outbox/ScheduledSends.h"

#include <QJsonArray>

namespace sb {

ScheduledApi::ScheduledApi(HttpServer *server, Store *store, QObject *parent)
    : QObject(parent)
    , m_store(store) {
    server->route("GET", LocalApi::path(QStringLiteral("scheduled")),
                  [this](const HttpRequest &, HttpServer::Reply reply) { list(reply); });
    server->route(
        "DELETE", LocalApi::path(QStringLiteral("scheduled/{id}")),
        [this](const HttpRequest &r, HttpServer::Reply reply) { cancel(r.args.value(0), reply); });
}

void ScheduledApi::list(const HttpServer::Reply &reply) {
    m_store->run<QList<OutboxEntry>>(
        this, [](StoreWorker &w, QString *error) { return ScheduledSends::waiting(w, error); },
        [reply](const StoreResult<QList<OutboxEntry>> &waiting) {
            if (!waiting.ok()) {
                qCWarning(lcApi).noquote() << "store read failed:" << waiting.error;
                return reply(HttpResponse::error(500, tr("The store could not be read.")));
            }
            QJsonArray items;
            for (const OutboxEntry &e : waiting.value) {
                QJsonObject item{{QStringLiteral("id"), e.message.id},
                                 {QStringLiteral("channel"), e.message.channel},
                                 {QStringLiteral("from"), e.message.from},
                                 {QStringLiteral("to"), e.message.to},
                                 {QStringLiteral("body"), e.message.body},
                                 {QStringLiteral("status"), e.message.status},
                                 {QStringLiteral("sendAt"), MessageApi::iso(e.sendAt)},
                                 {QStringLiteral("createdAt"), MessageApi::iso(e.createdAt)}};
                if (!e.messagingServiceSid.isEmpty())
                    item.insert(QStringLiteral("messagingServiceSid"), e.messagingServiceSid);
                items.append(item);
            }
            reply(HttpResponse::json(200, {{QStringLiteral("scheduled"), items}}));
        });
}

void ScheduledApi::cancel(const QString &id, const HttpServer::Reply &reply) {
    bool ok = false;
    const qint64 messageId = id.toLongLong(&ok);
    if (!ok || messageId <= 0)
        return reply(HttpResponse::error(404, tr("No scheduled message with id %1.").arg(id),
                                         {{QStringLiteral("field"), QStringLiteral("id")}}));
    m_store->run<ScheduledSends::Cancel>(
        this,
        [messageId](StoreWorker &w, QString *error) {
            return ScheduledSends::cancel(w, messageId, error);
        },
        [reply, id](const StoreResult<ScheduledSends::Cancel> &done) {
            if (!done.ok()) {
                qCWarning(lcApi).noquote() << "cancel failed:" << done.error;
                return reply(HttpResponse::error(500, tr("The store could not be written.")));
            }
            switch (done.value.outcome) {
            case ScheduledSends::CancelOutcome::Cancelled:
                return reply(HttpResponse::empty(204));
            case ScheduledSends::CancelOutcome::NotFound:
                return reply(
                    HttpResponse::error(404, tr("No scheduled message with id %1.").arg(id),
                                        {{QStringLiteral("field"), QStringLiteral("id")}}));
            case ScheduledSends::CancelOutcome::NotScheduled:
                break;
            }
            const QString state = OutboxEntry::stateName(done.value.entry.state);
            reply(HttpResponse::error(
                409,
                tr("Message %1 is no longer waiting to be sent (it is %2): it cannot be "
                   "cancelled.")
                    .arg(id, done.value.entry.message.status),
                {{QStringLiteral("outboxState"), state},
                 {QStringLiteral("status"), done.value.entry.message.status}}));
        });
}

} // namespace sb
