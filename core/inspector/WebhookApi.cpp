#include "WebhookApi.h"

#include "WebhookInspector.h"
#include "api/FieldErrors.h"
#include "api/JsonRequest.h"
#include "api/LocalApi.h"
#include "db/StoreWorker.h"

#include <QJsonArray>

#include <algorithm>
#include <memory>

namespace sb {

namespace {

QString shellQuoted(const QString &text) {
    QString quoted = text;
    quoted.replace(QLatin1Char('\''), QLatin1String("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

bool isPrintable(const QByteArray &bytes) {
    const QString text = QString::fromUtf8(bytes);
    if (text.toUtf8() != bytes)
        return false;
    return std::none_of(text.cbegin(), text.cend(), [](QChar c) {
        return c.category() == QChar::Other_Control && c != QLatin1Char('\n') &&
               c != QLatin1Char('\t') && c != QLatin1Char('\r');
    });
}

QJsonObject fieldsOf(const WebhookRecord &record) {
    QJsonObject fields;
    for (const auto &[key, value] : record.form()) {
        // Repeated keys (MediaUrl0..) are rare; the last one is shown.
        fields.insert(key, value);
    }
    return fields;
}

} // namespace

WebhookApi::WebhookApi(HttpServer *server, WebhookInspector *inspector, QObject *parent)
    : QObject(parent)
    , m_inspector(inspector) {
    server->route("GET", LocalApi::path(QStringLiteral("webhooks")),
                  [this](const HttpRequest &r, HttpServer::Reply reply) { list(r, reply); });
    server->route("GET", LocalApi::path(QStringLiteral("webhooks/{id}")),
                  [this](const HttpRequest &r, HttpServer::Reply reply) {
                      withRecord(
                          r.args.value(0), reply,
                          [reply](const WebhookRecord &record) {
                              reply(HttpResponse::json(200, detail(record)));
                          },
                          true);
                  });
    server->route("GET", LocalApi::path(QStringLiteral("webhooks/{id}/curl")),
                  [this](const HttpRequest &r, HttpServer::Reply reply) {
                      withRecord(r.args.value(0), reply, [this, reply](const WebhookRecord &rec) {
                          HttpResponse response;
                          response.contentType = "text/plain; charset=utf-8";
                          response.body = curl(rec, m_inspector->publicBase()).toUtf8() + '\n';
                          reply(response);
                      });
                  });
    server->route(
        "GET", LocalApi::path(QStringLiteral("webhooks/{id}/diff/{other}")),
        [this](const HttpRequest &r, HttpServer::Reply reply) {
            const QString otherId = r.args.value(1);
            withRecord(r.args.value(0), reply, [this, otherId, reply](const WebhookRecord &a) {
                withRecord(otherId, reply, [a, reply](const WebhookRecord &b) {
                    if (a.sid.isEmpty() || a.sid != b.sid)
                        return reply(HttpResponse::error(
                            409, tr("Only two webhooks of the same SID can be compared "
                                    "(%1 and %2).")
                                     .arg(a.sid.isEmpty() ? tr("no SID") : a.sid,
                                          b.sid.isEmpty() ? tr("no SID") : b.sid)));
                    QJsonObject body = diff(a, b);
                    body.insert(QStringLiteral("sid"), a.sid);
                    body.insert(QStringLiteral("from"), a.id);
                    body.insert(QStringLiteral("to"), b.id);
                    reply(HttpResponse::json(200, body));
                });
            });
        });
    server->route("POST", LocalApi::path(QStringLiteral("webhooks/{id}/replay")),
                  [this](const HttpRequest &r, HttpServer::Reply reply) { replay(r, reply); });
}

QJsonObject WebhookApi::summary(const WebhookRecord &r) {
    QJsonObject o{{QStringLiteral("id"), r.id},
                  {QStringLiteral("receivedAt"), r.receivedAt.toString(Qt::ISODateWithMs)},
                  {QStringLiteral("method"), QString::fromLatin1(r.method)},
                  {QStringLiteral("path"), r.path},
                  {QStringLiteral("target"), r.target},
                  {QStringLiteral("sid"), r.sid},
                  {QStringLiteral("signature"), r.signature},
                  {QStringLiteral("status"), r.status},
                  {QStringLiteral("elapsedMs"), double(r.elapsedUs) / 1000.0},
                  {QStringLiteral("replay"), r.replayOf != 0}};
    if (r.replayOf)
        o.insert(QStringLiteral("replayOf"), r.replayOf);
    return o;
}

QJsonObject WebhookApi::detail(const WebhookRecord &r) {
    QJsonObject o = summary(r);
    QJsonArray headers;
    for (const auto &[name, value] : r.headers)
        headers.append(QJsonObject{{QStringLiteral("name"), QString::fromLatin1(name)},
                                   {QStringLiteral("value"), QString::fromLatin1(value)}});
    o.insert(QStringLiteral("headers"), headers);
    o.insert(QStringLiteral("peer"), r.peer);
    o.insert(QStringLiteral("body"), QString::fromUtf8(r.body));
    o.insert(QStringLiteral("bodyBase64"), QString::fromLatin1(r.body.toBase64()));
    o.insert(QStringLiteral("fields"), fieldsOf(r));
    o.insert(QStringLiteral("responseBody"), QString::fromUtf8(r.responseBody));
    o.insert(QStringLiteral("diagnosis"), r.diagnosis);
    o.insert(QStringLiteral("explanation"), r.diagnosis.value(QLatin1String("explanation")));
    return o;
}

QString WebhookApi::curl(const WebhookRecord &r, const QString &publicBase) {
    QStringList parts{QStringLiteral("curl"), QStringLiteral("-X"), QString::fromLatin1(r.method),
                      shellQuoted(publicBase + r.target)};
    for (const auto &[name, value] : r.headers) {
        const QByteArray lower = name.toLower();
        // curl writes these itself; a replay marker or a redacted credential is no use.
        if (lower == "host" || lower == "content-length" || lower == "connection" ||
            lower == "x-switchboard-replay" || value == "[redacted]")
            continue;
        parts << QStringLiteral("-H")
              << shellQuoted(QString::fromLatin1(name) + QLatin1String(": ") +
                             QString::fromLatin1(value));
    }
    if (r.body.isEmpty())
        return parts.join(QLatin1Char(' '));
    if (isPrintable(r.body))
        return parts.join(QLatin1Char(' ')) + QLatin1String(" --data-binary ") +
               shellQuoted(QString::fromUtf8(r.body));
    // Bytes a shell cannot quote: piped in from base64.
    return QStringLiteral("echo %1 | base64 -d | ").arg(QString::fromLatin1(r.body.toBase64())) +
           parts.join(QLatin1Char(' ')) + QLatin1String(" --data-binary @-");
}

QJsonObject WebhookApi::diff(const WebhookRecord &from, const WebhookRecord &to) {
    const QJsonObject a = fieldsOf(from);
    const QJsonObject b = fieldsOf(to);
    QJsonObject added, removed, changed;
    for (auto it = b.begin(); it != b.end(); ++it) {
        if (!a.contains(it.key()))
            added.insert(it.key(), it.value());
        else if (a.value(it.key()) != it.value())
            changed.insert(it.key(), QJsonObject{{QStringLiteral("from"), a.value(it.key())},
                                                 {QStringLiteral("to"), it.value()}});
    }
    for (auto it = a.begin(); it != a.end(); ++it) {
        if (!b.contains(it.key()))
            removed.insert(it.key(), it.value());
    }
    return {{QStringLiteral("added"), added},
            {QStringLiteral("removed"), removed},
            {QStringLiteral("changed"), changed}};
}

void WebhookApi::list(const HttpRequest &request, HttpServer::Reply reply) {
    FieldErrors errors;
    WebhookQuery query;
    const QUrlQuery &q = request.query;
    query.path = q.queryItemValue(QStringLiteral("path"), QUrl::FullyDecoded);
    query.result = q.queryItemValue(QStringLiteral("result"), QUrl::FullyDecoded);
    query.sid = q.queryItemValue(QStringLiteral("sid"), QUrl::FullyDecoded);
    for (const auto &[name, target] : {std::pair{QStringLiteral("since"), &query.since},
                                       std::pair{QStringLiteral("until"), &query.until}}) {
        const QString value = q.queryItemValue(name, QUrl::FullyDecoded);
        if (value.isEmpty())
            continue;
        *target = QDateTime::fromString(value, Qt::ISODateWithMs);
        if (!target->isValid())
            errors.add(name,
                       tr("%1 must be an ISO 8601 time, e.g. 2026-11-26T18:00:00Z.").arg(name));
    }
    if (const QString before = q.queryItemValue(QStringLiteral("before")); !before.isEmpty()) {
        bool ok = false;
        query.beforeId = before.toLongLong(&ok);
        if (!ok || query.beforeId <= 0)
            errors.add(QStringLiteral("before"), tr("before must be a webhook id."));
    }
    if (const QString limit = q.queryItemValue(QStringLiteral("limit")); !limit.isEmpty()) {
        bool ok = false;
        query.limit = limit.toInt(&ok);
        if (!ok || query.limit < 1 || query.limit > 500)
            errors.add(QStringLiteral("limit"), tr("limit must be a number from 1 to 500."));
    }
    if (!query.result.isEmpty() &&
        !QStringList{QStringLiteral("valid"), QStringLiteral("invalid"), QStringLiteral("missing"),
                     QStringLiteral("unchecked"), QStringLiteral("replay")}
             .contains(query.result))
        errors.add(QStringLiteral("result"),
                   tr("result must be valid, invalid, missing, unchecked or replay."));
    if (!errors.isEmpty())
        return reply(errors.response());
    m_inspector->store()->run<QList<WebhookRecord>>(
        this,
        [query](StoreWorker &w, QString *error) {
            return WebhookLog::find(w, query, WebhookLog::Detail::NoBodies, error);
        },
        [reply, limit = query.limit](const StoreResult<QList<WebhookRecord>> &result) {
            if (!result.ok())
                return reply(HttpResponse::error(500, result.error));
            QJsonArray items;
            for (const WebhookRecord &r : result.value)
                items.append(summary(r));
            QJsonObject body{{QStringLiteral("webhooks"), items}};
            body.insert(QStringLiteral("next"), result.value.size() == limit
                                                    ? QJsonValue(result.value.last().id)
                                                    : QJsonValue());
            reply(HttpResponse::json(200, body));
        });
}

void WebhookApi::withRecord(const QString &id, HttpServer::Reply reply,
                            std::function<void(const WebhookRecord &)> then, bool explained) {
    bool ok = false;
    const qint64 number = id.toLongLong(&ok);
    if (!ok || number <= 0)
        return reply(HttpResponse::error(404, tr("No webhook %1 is recorded.").arg(id)));
    auto found = [reply, then, id](const StoreResult<std::optional<WebhookRecord>> &result) {
        if (!result.ok())
            return reply(HttpResponse::error(500, result.error));
        if (!result.value)
            return reply(HttpResponse::error(404, tr("No webhook %1 is recorded.").arg(id)));
        then(*result.value);
    };
    if (explained)
        return m_inspector->findExplained(number, this, found);
    m_inspector->store()->run<std::optional<WebhookRecord>>(
        this,
        [number](StoreWorker &w, QString *error) { return WebhookLog::byId(w, number, error); },
        found);
}

void WebhookApi::replay(const HttpRequest &request, HttpServer::Reply reply) {
    QJsonObject json;
    if (!request.body.trimmed().isEmpty()) {
        FieldErrors errors;
        const std::optional<QJsonObject> parsed = JsonRequest::object(request.body, errors);
        if (!parsed)
            return reply(errors.response());
        json = *parsed;
        if (json.contains(QLatin1String("params")) &&
            !json.value(QLatin1String("params")).isObject())
            errors.add(QStringLiteral("params"),
                       tr("params must be an object of form fields, e.g. {\"MessageStatus\": "
                          "\"delivered\"} (null removes a field)."));
        if (json.contains(QLatin1String("shuffle")) &&
            !json.value(QLatin1String("shuffle")).isBool())
            errors.add(QStringLiteral("shuffle"), tr("shuffle must be true or false."));
        if (!errors.isEmpty())
            return reply(errors.response());
    }
    const QVariantMap edits = json.value(QLatin1String("params")).toObject().toVariantMap();
    const bool shuffled = json.value(QLatin1String("shuffle")).toBool();
    withRecord(
        request.args.value(0), reply, [this, reply, edits, shuffled](const WebhookRecord &record) {
            if (!record.path.startsWith(QLatin1String("/twilio/")) &&
                !record.path.startsWith(QLatin1String("/sendgrid/")))
                return reply(HttpResponse::error(409, tr("Not a webhook.")));
            if (shuffled)
                return shuffle(record, reply);
            m_inspector->replay(record.id, edits, [reply](const WebhookInspector::ReplayResult &r) {
                if (!r.error.isEmpty())
                    return reply(HttpResponse::error(r.status == 404 ? 404 : 500, r.error));
                reply(HttpResponse::json(
                    200, {{QStringLiteral("replayId"), r.replayId},
                          {QStringLiteral("status"), r.status},
                          {QStringLiteral("response"), QString::fromUtf8(r.responseBody)}}));
            });
        });
}

void WebhookApi::shuffle(const WebhookRecord &record, HttpServer::Reply reply) {
    if (record.sid.isEmpty())
        return reply(HttpResponse::error(409, tr("Webhook %1 names no SID to shuffle the "
                                                 "status callbacks of.")
                                                  .arg(record.id)));
    m_inspector->replayShuffled(
        record.sid, [reply, sid = record.sid](const QList<WebhookInspector::ShuffledStep> &steps,
                                              const QString &error) {
            if (!error.isEmpty())
                return reply(HttpResponse::error(500, error));
            QJsonArray order;
            for (const WebhookInspector::ShuffledStep &step : steps)
                order.append(QJsonObject{{QStringLiteral("id"), step.id},
                                         {QStringLiteral("replayId"), step.replayId},
                                         {QStringLiteral("status"), step.status}});
            reply(HttpResponse::json(
                200, {{QStringLiteral("sid"), sid}, {QStringLiteral("order"), order}}));
        });
}

} // namespace sb
