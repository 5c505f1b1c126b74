#include "LocalApi.h"

#include "FieldErrors.h"
#include "JsonRequest.h"
#include "MessageApi.h"
#include "TokenBucketLimiter.h"
#include "common/Logging.h"
#include "common/Version.h"
#include "http/HttpServer.h"
#include "http/RestRequest.h"
#include "providers/twilio/PhoneNumber.h"
#include "providers/twilio/TwilioError.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>

namespace sb {

const QString LocalApi::Prefix = QStringLiteral("/api/v1/twilio");

QString LocalApi::path(const QString &name) {
    return Prefix + QLatin1Char('/') + name;
}

LocalApi::LocalApi(HttpServer *server, Store *store, LocalApiSettings settings, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_settings(std::move(settings)) {
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    m_limiter = std::make_unique<TokenBucketLimiter>(m_settings.ratePerSecond, m_settings.burst,
                                                     [clock] { return clock->elapsed(); });
    server->addFilter(Prefix + QLatin1Char('/'),
                      [this](const HttpRequest &r) { return authorize(r); });
    server->addFilter(QStringLiteral("/metrics"),
                      [this](const HttpRequest &r) { return authorize(r); });
    // QT_LOGGING_RULES="switchboard.api.debug=true": each call with its body and its answer,
    // cut to a few KiB. No header is printed (the bearer token is one), and the log redactor
    // masks every registered secret in what is.
    server->observe(Prefix + QLatin1Char('/'), [](const HttpRequest &r, const HttpResponse &answer,
                                                  qint64 elapsedNs) {
        if (!lcApi().isDebugEnabled())
            return;
        constexpr int MaxLogged = 4096;
        auto cut = [](const QByteArray &body) {
            return body.size() <= MaxLogged ? QString::fromUtf8(body)
                                            : QString::fromUtf8(body.left(MaxLogged)) +
                                                  QStringLiteral("… (%1 bytes)").arg(body.size());
        };
        qCDebug(lcApi).noquote() << r.method << r.target << cut(r.body) << "->" << answer.status
                                 << cut(answer.body)
                                 << QStringLiteral("(%1 ms)").arg(elapsedNs / 1e6, 0, 'f', 1);
    });
    server->route("GET", path(QStringLiteral("health")),
                  [this](const HttpRequest &, HttpServer::Reply reply) {
                      reply(HttpResponse::json(
                          200, {{QStringLiteral("status"), QStringLiteral("ok")},
                                {QStringLiteral("mode"), m_settings.mode},
                                {QStringLiteral("version"), QString::fromLatin1(Version)},
                                {QStringLiteral("receive"), m_receive}}));
                  });
    server->route("GET", path(QStringLiteral("openapi.json")),
                  [](const HttpRequest &, HttpServer::Reply reply) {
                      HttpResponse response;
                      response.contentType = QByteArrayLiteral("application/json");
                      response.body = openApiDocument();
                      reply(response);
                  });
    // Any message, whatever its channel: a message SID is a message SID.
    server->route("GET", path(QStringLiteral("message-status/{messageSid}")),
                  [this](const HttpRequest &r, HttpServer::Reply reply) {
                      MessageApi::answerStatus(m_store, this, r.args.value(0), reply);
                  });
    if (m_settings.sandboxUrl.isValid())
        server->route("POST", path(QStringLiteral("sandbox/inbound")),
                      [this](const HttpRequest &r, HttpServer::Reply reply) {
                          simulateInbound(r, std::move(reply));
                      });
}

LocalApi::~LocalApi() = default;

QByteArray LocalApi::openApiDocument() {
    QFile file(QStringLiteral(":/switchboard/api/openapi.json"));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

std::optional<HttpResponse> LocalApi::limitRate(const HttpRequest &request, bool authorized) {
    // Per token once it is known (one client, whatever address it comes from); before that per
    // address, so guessing tokens is slowed too. The token is hashed: keys may be inspected.
    const QString client =
        authorized
            ? QStringLiteral("token:") +
                  QString::fromLatin1(QCryptographicHash::hash(request.header("Authorization"),
                                                               QCryptographicHash::Sha256)
                                          .toHex())
            : QStringLiteral("peer:") + request.peer.toString();
    const int retryAfter = m_limiter->take(client);
    if (retryAfter == 0)
        return std::nullopt;
    qCDebug(lcApi) << "rate limited" << request.method << request.path << "retry after"
                   << retryAfter << "s";
    HttpResponse response = HttpResponse::error(
        429,
        tr("Too many requests: this client may make %1 at once and %2 a second; try again "
           "in %3 s.")
            .arg(m_settings.burst)
            .arg(m_settings.ratePerSecond)
            .arg(retryAfter),
        {{QStringLiteral("retryAfter"), retryAfter}});
    response.headers.append(
        qMakePair(QByteArrayLiteral("Retry-After"), QByteArray::number(retryAfter)));
    return response;
}

std::optional<HttpResponse> LocalApi::authorize(const HttpRequest &request) {
    if (request.path == path(QStringLiteral("health")))
        return std::nullopt; // health: no token, no limit (monitors poll it)
    const QByteArray header = request.header("Authorization");
    const QByteArray expected = "Bearer " + m_settings.apiToken.toUtf8();
    // Length first, then every byte: no early exit that would time the token.
    bool same = header.size() == expected.size();
    unsigned char diff = 0;
    for (qsizetype i = 0; same && i < header.size(); ++i)
        diff |= static_cast<unsigned char>(header[i] ^ expected[i]);
    const bool authorized = same && diff == 0;
    if (std::optional<HttpResponse> limited = limitRate(request, authorized))
        return limited;
    if (authorized)
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

void LocalApi::simulateInbound(const HttpRequest &request, HttpServer::Reply reply) {
    FieldErrors errors;
    const std::optional<QJsonObject> parsed = JsonRequest::object(request.body, errors);
    if (!parsed)
        return reply(errors.response());
    const QJsonObject &json = *parsed;
    JsonRequest::expectStrings(json, {"from", "body", "channel", "profileName"}, errors);
    if (json.contains(QLatin1String("media")) && !json.value(QLatin1String("media")).isArray())
        errors.add(QStringLiteral("media"),
                   tr("media must be an array of the sandbox's sample names, e.g. [\"photo\"]."));
    const QString channel = json.value(QLatin1String("channel")).toString(QStringLiteral("sms"));
    const QString from = json.value(QLatin1String("from")).toString();
    const PhoneNumberCheck check = PhoneNumber::check(from);
    if (!errors.has(QStringLiteral("from")) && !check.valid)
        errors.add(QStringLiteral("from"), check.reason);
    if (!errors.isEmpty())
        return reply(errors.response());
    if (!m_nam)
        m_nam = new QNetworkAccessManager(this);
    // The sandbox plays Twilio: it signs and posts the webhook the channel's part describes.
    FormFields form{{QStringLiteral("From"), check.e164},
                    {QStringLiteral("Body"), json.value(QLatin1String("body")).toString()},
                    {QStringLiteral("Channel"), channel}};
    const QString profileName = json.value(QLatin1String("profileName")).toString();
    if (!profileName.isEmpty())
        form.append({QStringLiteral("ProfileName"), profileName});
    // "media": ["photo", "invoice"]: the sandbox's sample files the message carries.
    QStringList media;
    for (const QJsonValue v : json.value(QLatin1String("media")).toArray())
        media.append(v.toString());
    if (!media.isEmpty())
        form.append({QStringLiteral("Media"), media.join(QLatin1Char(','))});
    RestRequest(m_nam, m_settings.sandboxUrl)
        .path(QStringLiteral("/sandbox/inbound"))
        .basicAuth(m_settings.sandboxAccountSid, m_settings.sandboxAuthToken)
        .form(form)
        .post(this, [reply](const RestResponse &r) {
            if (!r.answered())
                return reply(HttpResponse::error(
                    502, tr("The sandbox did not answer: %1").arg(r.errorString)));
            if (r.ok())
                return reply(HttpResponse::json(201, QJsonDocument::fromJson(r.body).object()));
            reply(errorResponse(TwilioError::fromHttp(r.status, r.body)));
        });
}

} // namespace sb
