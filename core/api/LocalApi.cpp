#include "LocalApi.h"

#include "FieldErrors.h"
#include "common/Logging.h"
#include "http/HttpServer.h"
#include "outbox/Outbox.h"
#include "db/Store.h"
#include "providers/twilio/PhoneNumber.h"
#include "providers/twilio/SmsSegments.h"
#include "providers/twilio/TwilioError.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace sb {

namespace {

const QString kPrefix = QStringLiteral("/api/v1/twilio");

HttpResponse invalid(const QString &field, const QString &reason) {
    return HttpResponse::error(
        400, reason, {{QStringLiteral("field"), field}, {QStringLiteral("reason"), reason}});
}

QString iso(const QDateTime &t) {
    return t.toUTC().toString(Qt::ISODateWithMs);
}

QJsonObject messageJson(const MessageRecord &m) {
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
    if (m.errorCode != 0) {
        json.insert(QStringLiteral("errorCode"), m.errorCode);
        json.insert(QStringLiteral("errorMessage"), TwilioError::explain(m.errorCode));
        json.insert(QStringLiteral("moreInfo"), TwilioError::docsLink(m.errorCode));
    } else if (!m.errorMessage.isEmpty()) {
        json.insert(QStringLiteral("errorMessage"), m.errorMessage);
    }
    return json;
}

} // namespace

LocalApi::LocalApi(HttpServer *server, Store *store, Outbox *outbox, LocalApiSettings settings,
                   QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_outbox(outbox)
    , m_settings(std::move(settings)) {
    server->addFilter(kPrefix + QLatin1Char('/'),
                      [this](const HttpRequest &r) { return authorize(r); });
    server->route(
        "GET", kPrefix + QStringLiteral("/health"),
        [this](const HttpRequest &, HttpServer::Reply reply) {
            reply(HttpResponse::json(200, {{QStringLiteral("status"), QStringLiteral("ok")},
                                           {QStringLiteral("mode"), m_settings.mode},
                                           {QStringLiteral("version"), QStringLiteral("0.1.0")}}));
        });
    server->route("POST", kPrefix + QStringLiteral("/send-sms"),
                  [this](const HttpRequest &r, HttpServer::Reply reply) { sendSms(r, reply); });
    server->route("GET", kPrefix + QStringLiteral("/sms-status/{sid}"),
                  [this](const HttpRequest &r, HttpServer::Reply reply) { smsStatus(r, reply); });
}

std::optional<HttpResponse> LocalApi::authorize(const HttpRequest &request) const {
    if (request.path == kPrefix + QStringLiteral("/health"))
        return std::nullopt;
    const QByteArray header = request.header("Authorization");
    const QByteArray expected = "Bearer " + m_settings.apiToken.toUtf8();
    // Length first, then every byte: no early exit that would time the token.
    bool same = header.size() == expected.size();
    unsigned char diff = 0;
    for (qsizetype i = 0; same && i < header.size(); ++i)
        diff |= static_cast<unsigned char>(header[i] ^ expected[i]);
    if (same && diff == 0)
        return std::nullopt;
    HttpResponse response = HttpResponse::error(
        401, tr("Missing or wrong API token: send 'Authorization: Bearer <token>' with the value "
                "of SWITCHBOARD_API_TOKEN (or the token file named at start-up)."));
    response.headers.append(qMakePair(QByteArrayLiteral("WWW-Authenticate"),
                                      QByteArrayLiteral("Bearer realm=\"switchboard\"")));
    return response;
}

int LocalApi::httpStatusFor(const TwilioError &error) {
    if (error.kind == TwilioError::Kind::Network)
        return error.message.contains(QLatin1String("timed out"), Qt::CaseInsensitive) ? 504 : 502;
    if (error.kind == TwilioError::Kind::Protocol)
        return 502;
    if (error.kind == TwilioError::Kind::Local)
        return 500;
    if (error.httpStatus == 401 || error.code == 20003)
        return 401;
    if (error.httpStatus == 403)
        return 403;
    if (error.isRateLimited())
        return 429;
    if (error.httpStatus >= 500)
        return 502;
    if (error.httpStatus == 404)
        return 404;
    return 400;
}

HttpResponse LocalApi::errorResponse(const TwilioError &error) {
    QJsonObject extra;
    if (error.code != 0)
        extra.insert(QStringLiteral("code"), error.code);
    if (!error.moreInfo.isEmpty())
        extra.insert(QStringLiteral("moreInfo"), error.moreInfo);
    if (error.httpStatus != 0)
        extra.insert(QStringLiteral("twilioStatus"), error.httpStatus);
    if (!error.message.isEmpty() && error.message != error.explanation())
        extra.insert(QStringLiteral("twilioMessage"), error.message);
    return HttpResponse::error(httpStatusFor(error), error.explanation(), extra);
}

void LocalApi::sendSms(const HttpRequest &request,
                       std::function<void(const HttpResponse &)> reply) {
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return reply(
            invalid(QStringLiteral("body"), tr("The request body must be a JSON object: %1")
                                                .arg(parseError.error != QJsonParseError::NoError
                                                         ? parseError.errorString()
                                                         : tr("got another JSON value"))));
    const QJsonObject json = doc.object();
    FieldErrors errors;
    for (const char *field : {"to", "from", "body"}) {
        const QJsonValue v = json.value(QLatin1String(field));
        if (!v.isUndefined() && !v.isNull() && !v.isString())
            errors.add(QString::fromLatin1(field), tr("Must be a string."));
    }
    auto checkNumber = [&](const QString &field, const QString &input) {
        if (errors.has(field))
            return PhoneNumberCheck{};
        if (input.trimmed().startsWith(QLatin1String("whatsapp:"), Qt::CaseInsensitive)) {
            errors.add(field, tr("WhatsApp messages have their own endpoint, POST "
                                 "/api/v1/twilio/send-whatsapp; send-sms sends SMS only."));
            return PhoneNumberCheck{};
        }
        const PhoneNumberCheck check = PhoneNumber::check(input);
        if (!check.valid)
            errors.add(field, check.reason);
        return check;
    };
    const PhoneNumberCheck to =
        checkNumber(QStringLiteral("to"), json.value(QLatin1String("to")).toString());
    QString fromInput = json.value(QLatin1String("from")).toString();
    if (fromInput.isEmpty())
        fromInput = m_settings.defaultFrom;
    PhoneNumberCheck from;
    if (fromInput.isEmpty() && !errors.has(QStringLiteral("from")))
        errors.add(QStringLiteral("from"),
                   tr("No 'from' given and TWILIO_PHONE_NUMBER is not set."));
    else
        from = checkNumber(QStringLiteral("from"), fromInput);
    const QString body = json.value(QLatin1String("body")).toString();
    const SegmentCount segments = SmsSegments::count(body);
    if (!errors.has(QStringLiteral("body")) && body.trimmed().isEmpty())
        errors.add(QStringLiteral("body"), tr("The message body is empty."));
    else if (!errors.has(QStringLiteral("body")) &&
             segments.characters > SmsSegments::MaxBodyCharacters)
        errors.add(QStringLiteral("body"),
                   tr("The body has %1 characters; Twilio accepts at most %2.")
                       .arg(segments.characters)
                       .arg(SmsSegments::MaxBodyCharacters));
    if (!errors.isEmpty())
        return reply(errors.response());

    OutboundDraft draft;
    draft.to = to.e164;
    draft.from = from.e164;
    draft.body = body;
    draft.segments = segments.segments;
    draft.clientRef = QString::fromUtf8(request.header("Idempotency-Key")).left(200);

    // The outbox lives on the network thread; its answer comes back to this (server) thread.
    QMetaObject::invokeMethod(m_outbox, [outbox = m_outbox, draft, me = Receiver(this), reply,
                                         segments] {
        outbox->send(draft, me, [reply, segments](const SendOutcome &outcome) {
            if (outcome.entry.state != OutboxEntry::State::Accepted && outcome.error.isError()) {
                HttpResponse response = errorResponse(outcome.error);
                if (outcome.entry.id != 0) {
                    // The store failed after the message existed: say where it stands.
                    QJsonObject body = QJsonDocument::fromJson(response.body).object();
                    QJsonObject error = body.value(QLatin1String("error")).toObject();
                    error.insert(QStringLiteral("outboxState"),
                                 OutboxEntry::stateName(outcome.entry.state));
                    body.insert(QStringLiteral("error"), error);
                    response.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
                }
                return reply(response);
            }
            QJsonObject json = messageJson(outcome.entry.message);
            json.insert(QStringLiteral("encoding"), segments.encodingName());
            json.insert(QStringLiteral("outboxState"), OutboxEntry::stateName(outcome.entry.state));
            if (outcome.entry.existing)
                json.insert(QStringLiteral("replayed"), true);
            reply(HttpResponse::json(outcome.entry.existing ? 200 : 201, json));
        });
    });
}

void LocalApi::smsStatus(const HttpRequest &request,
                         std::function<void(const HttpResponse &)> reply) {
    const QString sid = request.args.value(0);
    m_store->messageBySid(
        sid, this, [this, sid, reply](const StoreResult<std::optional<MessageRecord>> &found) {
            if (!found.ok()) {
                qCWarning(lcApi).noquote() << "store read failed:" << found.error;
                return reply(HttpResponse::error(500, tr("The store could not be read.")));
            }
            if (!found.value)
                return reply(
                    HttpResponse::error(404, tr("No message with SID %1.").arg(sid),
                                        {{QStringLiteral("field"), QStringLiteral("messageSid")}}));
            const MessageRecord message = *found.value;
            m_store->statusHistory(
                sid, this, [this, message, reply](const StoreResult<QList<StatusEvent>> &events) {
                    if (!events.ok()) {
                        qCWarning(lcApi).noquote() << "store read failed:" << events.error;
                        return reply(HttpResponse::error(500, tr("The store could not be read.")));
                    }
                    QJsonObject json = messageJson(message);
                    QJsonArray history;
                    for (const StatusEvent &e : events.value) {
                        QJsonObject item{{QStringLiteral("status"), e.status},
                                         {QStringLiteral("receivedAt"), iso(e.receivedAt)}};
                        if (e.errorCode != 0)
                            item.insert(QStringLiteral("errorCode"), e.errorCode);
                        history.append(item);
                    }
                    json.insert(QStringLiteral("history"), history);
                    reply(HttpResponse::json(200, json));
                });
        });
}

} // namespace sb
