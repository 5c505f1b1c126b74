#include "ContactApi.h"

#include "Inbox.h"
#include "api/FieldErrors.h"
#include "api/KeysetPage.h"
#include "api/LocalApi.h"
#include "common/Logging.h"
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
            {QStringLiteral("optedOutOf"), QJsonArray::fromStringList(c.optedOutOf)}};
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
}

} // namespace sb
