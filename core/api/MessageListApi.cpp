#include "MessageListApi.h"

#include "FieldErrors.h"
#include "LocalApi.h"
#include "MessageApi.h"
#include "common/Logging.h"
#include "db/Store.h"
#include "http/HttpServer.h"

#include <QJsonArray>

namespace sb {

MessageListApi::MessageListApi(HttpServer *server, Store *store, QObject *parent)
    : QObject(parent)
    , m_store(store) {
    server->route(
        "GET", LocalApi::path(QStringLiteral("messages")),
        [this](const HttpRequest &r, HttpServer::Reply reply) {
            FieldErrors errors;
            MessageQuery query;
            query.channel = r.query.queryItemValue(QStringLiteral("channel"), QUrl::FullyDecoded);
            query.contact = r.query.queryItemValue(QStringLiteral("contact"), QUrl::FullyDecoded);
            query.status = r.query.queryItemValue(QStringLiteral("status"), QUrl::FullyDecoded);
            query.limit = DefaultLimit;
            if (r.query.hasQueryItem(QStringLiteral("limit"))) {
                bool ok = false;
                query.limit = r.query.queryItemValue(QStringLiteral("limit")).toInt(&ok);
                if (!ok || query.limit < 1 || query.limit > MaxLimit)
                    errors.add(QStringLiteral("limit"),
                               tr("limit must be a whole number from 1 to %1.").arg(MaxLimit));
            }
            if (r.query.hasQueryItem(QStringLiteral("before"))) {
                bool ok = false;
                query.beforeId = r.query.queryItemValue(QStringLiteral("before")).toLongLong(&ok);
                if (!ok || query.beforeId < 1)
                    errors.add(QStringLiteral("before"),
                               tr("before must be the `next` cursor of a previous page."));
            }
            if (!errors.isEmpty())
                return reply(errors.response());
            // One more than asked: whether a next page exists, without a count.
            const int limit = query.limit;
            query.limit = limit + 1;
            m_store->findMessages(
                query, this, [reply, limit](const StoreResult<QList<MessageRecord>> &found) {
                    if (!found.ok()) {
                        qCWarning(lcApi).noquote() << "store read failed:" << found.error;
                        return reply(HttpResponse::error(500, tr("The store could not be read.")));
                    }
                    QJsonArray messages;
                    for (qsizetype i = 0; i < found.value.size() && i < limit; ++i) {
                        QJsonObject json = MessageApi::messageJson(found.value[i]);
                        json.insert(QStringLiteral("id"), found.value[i].id);
                        messages.append(json);
                    }
                    const QJsonValue next =
                        found.value.size() > limit
                            ? QJsonValue(QString::number(found.value[limit - 1].id))
                            : QJsonValue(QJsonValue::Null);
                    reply(HttpResponse::json(200, {{QStringLiteral("messages"), messages},
                                                   {QStringLiteral("next"), next}}));
                });
        });
}

} // namespace sb
