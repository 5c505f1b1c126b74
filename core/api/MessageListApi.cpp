#include "MessageListApi.h"

#include "FieldErrors.h"
#include "KeysetPage.h"
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
            const KeysetPage page = KeysetPage::fromQuery(r.query, errors);
            query.beforeId = page.beforeId;
            if (!errors.isEmpty())
                return reply(errors.response());
            // One more than asked: whether a next page exists, without a count.
            const int limit = page.limit;
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
                    const QJsonValue next = KeysetPage::next(
                        found.value, limit, [](const MessageRecord &m) { return m.id; });
                    reply(HttpResponse::json(200, {{QStringLiteral("messages"), messages},
                                                   {QStringLiteral("next"), next}}));
                });
        });
}

} // namespace sb
