#include "Sandbox.h"

#include "messaging/OptOutKeywords.h"

#include "MessageListQuery.h"
#include "SandboxMedia.h"
#include "common/Logging.h"
#include "http/HttpServer.h"
#include "providers/twilio/MessagingService.h"
#include "providers/twilio/PhoneNumber.h"
#include "providers/twilio/SignatureValidator.h"
#include "providers/twilio/SmsSegments.h"
#include "providers/twilio/TwilioError.h"
#include "providers/twilio/TwilioResources.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTimer>
#include <QUuid>

namespace sb {

namespace {

QString randomHex(int bytes) {
    QByteArray data(bytes, Qt::Uninitialized);
    for (char &c : data)
        c = char(QRandomGenerator::global()->bounded(256));
    return QString::fromLatin1(data.toHex());
}

QJsonValue nullable(const QString &s) {
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}

} // namespace

QString Sandbox::newSid(const char *prefix) {
    return QString::fromLatin1(prefix) + randomHex(16);
}

Sandbox::Sandbox(SandboxOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_server(new HttpServer(QStringLiteral("sandbox"), this))
    , m_nam(new QNetworkAccessManager(this))
    , m_dropRandom(m_options.dropSeed) {
    if (m_options.accountSid.isEmpty())
        m_options.accountSid = newSid("AC");
    if (m_options.authToken.isEmpty())
        m_options.authToken = randomHex(16);
    addLogCredentials(m_options.accountSid, m_options.authToken);
    m_sendgridApiKey = m_options.sendgridApiKey.isEmpty()
                           ? QStringLiteral("SG.sandbox.") + randomHex(16)
                           : m_options.sendgridApiKey;
    addLogSecret(m_sendgridApiKey);
    if (!m_options.clock)
        m_options.clock = [] {
            return QDateTime::currentDateTimeUtc();
        };
    for (const QString &number : std::as_const(m_options.numbers))
        m_numbers.append({newSid("PN"), number, m_options.smsUrl, QString(), QString()});
    for (const QString &name : std::as_const(m_options.messagingServices))
        m_services.append({newSid("MG"), name});
    m_server->setLogRequests(false);
    setUpRoutes();
}

Sandbox::~Sandbox() = default;

quint16 Sandbox::listen(const QHostAddress &address, quint16 port) {
    const quint16 bound = m_server->listenOn(address, port);
    if (bound) {
        // An address that listens everywhere is reached on loopback from this machine.
        const QHostAddress reachable =
            address == QHostAddress::Any || address == QHostAddress::AnyIPv4
                ? QHostAddress(QHostAddress::LocalHost)
                : (address == QHostAddress::AnyIPv6 ? QHostAddress(QHostAddress::LocalHostIPv6)
                                                    : address);
        const QString host = reachable.protocol() == QAbstractSocket::IPv6Protocol
                                 ? QLatin1Char('[') + reachable.toString() + QLatin1Char(']')
                                 : reachable.toString();
        m_baseUrl = QStringLiteral("http://%1:%2").arg(host).arg(bound);
        qCInfo(lcSandbox).noquote()
            << "Twilio sandbox listening on"
            << QStringLiteral("http://%1:%2").arg(address.toString()).arg(bound) << "account"
            << m_options.accountSid;
    }
    return bound;
}

void Sandbox::setSmsUrl(const QString &url) {
    for (Number &n : m_numbers) {
        if (n.smsUrl.isEmpty() || n.smsUrl == m_options.smsUrl)
            n.smsUrl = url;
    }
    m_options.smsUrl = url;
}

QString Sandbox::errorString() const {
    return m_server->errorString();
}

QDateTime Sandbox::now() const {
    return m_options.clock();
}

QString Sandbox::messagesUri() const {
    return QStringLiteral("/2010-04-01/Accounts/%1/Messages.json").arg(m_options.accountSid);
}

HttpResponse Sandbox::twilioError(int httpStatus, int code, const QString &message) {
    return HttpResponse::json(httpStatus,
                              {{QStringLiteral("code"), code},
                               {QStringLiteral("message"), message},
                               {QStringLiteral("more_info"), TwilioError::docsLink(code)},
                               {QStringLiteral("status"), httpStatus}});
}

std::optional<HttpResponse> Sandbox::authenticate(const HttpRequest &request) const {
    const QByteArray header = request.header("Authorization");
    const QByteArray expected =
        "Basic " +
        (m_options.accountSid + QLatin1Char(':') + m_options.authToken).toUtf8().toBase64();
    if (header != expected)
        return twilioError(401, 20003, QStringLiteral("Authenticate"));
    // /2010-04-01/Accounts/{AccountSid}...: another account's resources are not found
    const QStringList segments = request.path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    // The Messaging API's resources (/v1/Services...) may be forbidden too.
    if (segments.size() >= 2 && segments[0] == QLatin1String("v1") &&
        m_options.forbidden.contains(segments[1]))
        return twilioError(
            403, 20403,
            QStringLiteral("The account lacks permission to access %1").arg(segments[1]));
    if (segments.size() >= 3 && segments[1] == QLatin1String("Accounts")) {
        QString sid = segments[2];
        if (sid.endsWith(QLatin1String(".json")))
            sid.chop(5);
        if (sid != m_options.accountSid)
            return twilioError(
                404, 20404,
                QStringLiteral("The requested resource %1 was not found").arg(request.path));
        if (segments.size() >= 4) {
            QString resource = segments[3];
            if (resource.endsWith(QLatin1String(".json")))
                resource.chop(5);
            if (m_options.forbidden.contains(resource))
                return twilioError(
                    403, 20403,
                    QStringLiteral("The account lacks permission to access %1").arg(resource));
        }
    }
    return std::nullopt;
}

std::optional<HttpResponse> Sandbox::refuseUnimplemented(const HttpRequest &request) const {
    switch (m_surface.answer(request.method, request.path)) {
    case TwilioApiSurface::Answer::Implemented:
        return std::nullopt;
    case TwilioApiSurface::Answer::MethodNotAllowed: {
        HttpResponse response = twilioError(405, 20004, QStringLiteral("Method not allowed"));
        response.headers.append(
            {QByteArrayLiteral("Allow"), TwilioApiSurface::twilioMethods(request.path).join(", ")});
        return response;
    }
    case TwilioApiSurface::Answer::NotFound:
        break;
    }
    return twilioError(404, 20404,
                       QStringLiteral("The requested resource %1 was not found").arg(request.path));
}

void Sandbox::serve(const QByteArray &method, const QString &pattern, Handler handler) {
    if (pattern.startsWith(QLatin1String("/2010-04-01/")))
        m_surface.implement(method, pattern);
    m_server->route(method, pattern, std::move(handler));
}

void Sandbox::setMaxBodyBytes(const QByteArray &method, const QString &path, qint64 bytes) {
    m_server->setMaxBodyBytes(method, path.toUtf8(), bytes);
}

void Sandbox::addRoute(const QByteArray &method, const QString &pattern, Handler handler) {
    // Credentials are checked for the route's whole first segment (e.g. /v1/), before routing,
    // so an unauthenticated caller learns nothing about which paths exist.
    const QString prefix =
        QLatin1Char('/') + pattern.section(QLatin1Char('/'), 1, 1) + QLatin1Char('/');
    if (!m_authenticated.contains(prefix)) {
        m_authenticated.append(prefix);
        m_server->addFilter(prefix, [this](const HttpRequest &r) { return authenticate(r); });
    }
    serve(method, pattern, std::move(handler));
}

void Sandbox::addRoute(const QByteArray &method, const QString &pattern, Handler handler,
                       Filter authenticate) {
    const QString prefix =
        QLatin1Char('/') + pattern.section(QLatin1Char('/'), 1, 1) + QLatin1Char('/');
    if (!m_authenticated.contains(prefix)) {
        m_authenticated.append(prefix);
        m_server->addFilter(prefix, std::move(authenticate));
    }
    serve(method, pattern, std::move(handler));
}

void Sandbox::setUpRoutes() {
    // Credentials first (Twilio answers 401 before anything else), then what is not here.
    m_server->addFilter(QStringLiteral("/2010-04-01/"),
                        [this](const HttpRequest &r) { return authenticate(r); });
    m_server->addFilter(QStringLiteral("/2010-04-01/"),
                        [this](const HttpRequest &r) { return refuseUnimplemented(r); });
    m_server->addFilter(QStringLiteral("/sandbox/"),
                        [this](const HttpRequest &r) { return authenticate(r); });
    m_authenticated = {QStringLiteral("/2010-04-01/"), QStringLiteral("/sandbox/")};
    const QString base = QStringLiteral("/2010-04-01/Accounts/{sid}");

    serve("POST", base + QStringLiteral("/Messages.json"),
          [this](const HttpRequest &r, HttpServer::Reply reply) { reply(createMessage(r)); });
    serve("GET", base + QStringLiteral("/Messages.json"),
          [this](const HttpRequest &r, HttpServer::Reply reply) { reply(listMessages(r)); });
    serve("GET", base + QStringLiteral("/Messages/{sid}.json"),
          [this](const HttpRequest &r, HttpServer::Reply reply) {
              const auto it = m_messages.constFind(r.args.value(1));
              if (it == m_messages.cend())
                  reply(twilioError(
                      404, 20404,
                      QStringLiteral("The requested resource %1 was not found").arg(r.path)));
              else
                  reply(HttpResponse::json(200, messageJson(*it)));
          });
    serve(
        "GET", QStringLiteral("/2010-04-01/Accounts/{sid}.json"),
        [this](const HttpRequest &, HttpServer::Reply reply) {
            reply(HttpResponse::json(
                200, {{QStringLiteral("sid"), m_options.accountSid},
                      {QStringLiteral("owner_account_sid"), m_options.accountSid},
                      {QStringLiteral("friendly_name"), m_options.friendlyName},
                      {QStringLiteral("status"), QStringLiteral("active")},
                      {QStringLiteral("type"), QStringLiteral("Trial")},
                      {QStringLiteral("date_created"), formatTwilioDate(now())},
                      {QStringLiteral("uri"),
                       QStringLiteral("/2010-04-01/Accounts/%1.json").arg(m_options.accountSid)}}));
        });
    serve("GET", base + QStringLiteral("/Balance.json"),
          [this](const HttpRequest &, HttpServer::Reply reply) {
              reply(HttpResponse::json(200, {{QStringLiteral("account_sid"), m_options.accountSid},
                                             {QStringLiteral("balance"), QStringLiteral("20.00")},
                                             {QStringLiteral("currency"), QStringLiteral("USD")}}));
          });
    serve("GET", base + QStringLiteral("/IncomingPhoneNumbers.json"),
          [this](const HttpRequest &, HttpServer::Reply reply) {
              QJsonArray list;
              for (const Number &n : std::as_const(m_numbers))
                  list.append(numberJson(n));
              const QString uri =
                  QStringLiteral("/2010-04-01/Accounts/%1/IncomingPhoneNumbers.json")
                      .arg(m_options.accountSid);
              reply(HttpResponse::json(200,
                                       {{QStringLiteral("incoming_phone_numbers"), list},
                                        {QStringLiteral("page"), 0},
                                        {QStringLiteral("page_size"), 50},
                                        {QStringLiteral("start"), 0},
                                        {QStringLiteral("end"), int(list.size()) - 1},
                                        {QStringLiteral("uri"), uri},
                                        {QStringLiteral("first_page_uri"), uri},
                                        {QStringLiteral("next_page_uri"), QJsonValue::Null},
                                        {QStringLiteral("previous_page_uri"), QJsonValue::Null}}));
          });
    serve("POST", base + QStringLiteral("/IncomingPhoneNumbers/{sid}.json"),
          [this](const HttpRequest &r, HttpServer::Reply reply) { reply(updateNumber(r)); });
    // An inbound message's media (SandboxMedia), behind the same Basic auth as the rest.
    serve("GET", base + QStringLiteral("/Messages/{sid}/Media/{mediaSid}"),
          [](const HttpRequest &r, HttpServer::Reply reply) {
              const SandboxMedia::Sample *sample = SandboxMedia::find(r.args.value(2));
              if (!sample)
                  return reply(twilioError(
                      404, 20404,
                      QStringLiteral("The requested resource %1 was not found").arg(r.path)));
              reply(HttpResponse{200, sample->contentType, sample->bytes, {}});
          });
    serveMessagingServices();
    serve("POST", QStringLiteral("/sandbox/inbound"),
          [this](const HttpRequest &r, HttpServer::Reply reply) {
              simulateInbound(r, std::move(reply));
          });
}

void Sandbox::addChannel(std::shared_ptr<const SandboxChannel> part) {
    m_parts.append(std::move(part));
}

void Sandbox::setInboundUrl(const QString &channel, const QString &url) {
    m_inboundUrls.insert(channel, url);
}

bool Sandbox::isOwnNumber(const QString &address) const {
    return std::any_of(m_numbers.cbegin(), m_numbers.cend(),
                       [&](const Number &n) { return n.phoneNumber == address; });
}

QDateTime Sandbox::lastInbound(const QString &customer, const QString &to) const {
    for (auto it = m_order.crbegin(); it != m_order.crend(); ++it) {
        const auto found = m_messages.constFind(*it);
        if (found != m_messages.cend() && found->direction == QLatin1String("inbound") &&
            found->from == customer && (to.isEmpty() || found->to == to))
            return found->created;
    }
    return {};
}

const SandboxChannel *Sandbox::partFor(const QString &from, const QString &to) const {
    for (const auto &part : m_parts) {
        if (part->owns(from, to))
            return part.get();
    }
    return nullptr;
}

HttpResponse Sandbox::createMessage(const HttpRequest &request) {
    FormFields form;
    if (!FormEncoding::decode(request.body, &form))
        return twilioError(400, 20001, QStringLiteral("The request body is not form-encoded."));
    SandboxSend send;
    send.to = FormEncoding::value(form, QStringLiteral("To"));
    send.from = FormEncoding::value(form, QStringLiteral("From"));
    send.body = FormEncoding::value(form, QStringLiteral("Body"));
    send.contentSid = FormEncoding::value(form, QStringLiteral("ContentSid"));
    send.contentVariables = FormEncoding::value(form, QStringLiteral("ContentVariables"));
    // A Messaging Service picks the sender from its pool: here, the account's first number
    // (SMS only; the sandbox has no WhatsApp sender pool).
    const QString service = FormEncoding::value(form, QStringLiteral("MessagingServiceSid"));
    if (!service.isEmpty() && send.from.isEmpty()) {
        if (!MessagingService::isSid(service))
            return twilioError(
                400, 21701,
                QStringLiteral("The Messaging Service Sid %1 is invalid.").arg(service));
        if (!m_numbers.isEmpty() && !send.to.contains(QLatin1Char(':')))
            send.from = m_numbers.first().phoneNumber;
    }
    for (const auto &[k, v] : form) {
        if (k == QLatin1String("MediaUrl"))
            send.mediaUrls.append(v);
    }

    if (send.to.isEmpty())
        return twilioError(400, 21604, QStringLiteral("A 'To' phone number is required."));
    if (send.from.isEmpty())
        return twilioError(400, 21603, QStringLiteral("A 'From' phone number is required."));
    if (send.body.isEmpty() && send.mediaUrls.isEmpty() && send.contentSid.isEmpty())
        return twilioError(400, 21602, QStringLiteral("Message body is required."));
    if (send.body.size() > SmsSegments::MaxBodyCharacters)
        return twilioError(
            400, 21617,
            QStringLiteral("The concatenated message body exceeds the 1600 character limit."));
    const SandboxChannel *part = partFor(send.from, send.to);
    if (!part)
        return twilioError(
            400, 21211,
            QStringLiteral("The 'To' number %1 is not a valid phone number.").arg(send.to));
    // Twilio refuses a sender's messages to whoever replied STOP to it (or to its service).
    if (m_optedOut.contains({send.from, send.to}) ||
        (!service.isEmpty() && m_optedOut.contains({service, send.to})))
        return twilioError(400, 21610, QStringLiteral("Attempt to send to unsubscribed recipient"));
    const SandboxVerdict verdict = part->outbound(send, *this);
    if (verdict.httpStatus != 0)
        return twilioError(verdict.httpStatus, verdict.errorCode, verdict.errorMessage);

    Message m;
    m.sid = newSid("SM");
    m.from = send.from;
    m.to = send.to;
    m.body = verdict.body.isEmpty() ? send.body : verdict.body;
    m.status = QStringLiteral("queued");
    m.direction = QStringLiteral("outbound-api");
    m.statusCallback = FormEncoding::value(form, QStringLiteral("StatusCallback"));
    m.numSegments = qMax(1, verdict.segments);
    m.mediaUrls = send.mediaUrls;
    m.created = m.updated = now();
    m_messages.insert(m.sid, m);
    m_order.append(m.sid);
    qCDebug(lcSandbox) << "accepted" << m.sid << "for" << part->id();

    if (m.mediaUrls.isEmpty())
        advance(m.sid, verdict.statuses, verdict.finalError);
    else
        fetchMedia(m.sid, part, verdict.statuses, verdict.finalError);
    return HttpResponse::json(201, messageJson(m));
}

void Sandbox::fetchMedia(const QString &sid, const SandboxChannel *part,
                         const QStringList &statuses, int finalError) {
    const QStringList urls = m_messages.value(sid).mediaUrls;
    auto pending = std::make_shared<qsizetype>(urls.size());
    auto failure = std::make_shared<int>(0);
    for (const QString &url : urls) {
        QNetworkRequest request{QUrl(url)};
        request.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("TwilioProxy/1.1"));
        request.setTransferTimeout(15000);
        QNetworkReply *reply = m_nam->get(request);
        connect(reply, &QNetworkReply::finished, this,
                [this, reply, sid, url, part, statuses, finalError, pending, failure] {
                    reply->deleteLater();
                    const int status =
                        reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                    const QString type =
                        QString::fromLatin1(reply->rawHeader(QByteArrayLiteral("Content-Type")));
                    const QByteArray body = reply->readAll();
                    int code = 0;
                    if (reply->error() != QNetworkReply::NoError || status != 200)
                        code = 11200;
                    else if (!part->acceptsMedia(type))
                        code = 12300;
                    qCDebug(lcSandbox)
                        << "media for" << sid << "HTTP" << status << type << body.size() << "bytes";
                    Q_EMIT mediaFetched(
                        sid, url, status, type,
                        QCryptographicHash::hash(body, QCryptographicHash::Sha256).toHex());
                    if (code && !*failure)
                        *failure = code;
                    if (--*pending > 0)
                        return;
                    if (*failure)
                        advance(sid, {QStringLiteral("failed")}, *failure);
                    else
                        advance(sid, statuses, finalError);
                });
    }
}

void Sandbox::advance(const QString &sid, const QStringList &remaining, int finalError) {
    if (remaining.isEmpty())
        return;
    QTimer::singleShot(m_options.statusDelayMs, this, [this, sid, remaining, finalError] {
        auto it = m_messages.find(sid);
        if (it == m_messages.end())
            return;
        it->status = remaining.first();
        it->updated = now();
        if (it->status == QLatin1String("sent"))
            it->sent = it->updated;
        const bool last = remaining.size() == 1;
        if (last && finalError)
            it->errorCode = finalError;
        if (!it->statusCallback.isEmpty() && dropNextCallback()) {
            qCDebug(lcSandbox).noquote() << "dropping the status callback" << sid << it->status;
            Q_EMIT callbackDropped(sid, it->status);
        } else if (!it->statusCallback.isEmpty()) {
            FormFields params{{QStringLiteral("AccountSid"), m_options.accountSid},
                              {QStringLiteral("ApiVersion"), QStringLiteral("2010-04-01")},
                              {QStringLiteral("From"), it->from},
                              {QStringLiteral("To"), it->to},
                              {QStringLiteral("MessageSid"), sid},
                              {QStringLiteral("SmsSid"), sid},
                              {QStringLiteral("MessageStatus"), it->status},
                              {QStringLiteral("SmsStatus"), it->status}};
            if (last && finalError)
                params.append({QStringLiteral("ErrorCode"), QString::number(finalError)});
            const QString status = it->status;
            postSigned(it->statusCallback, params, [this, sid, status](int httpStatus) {
                Q_EMIT callbackDelivered(sid, status, httpStatus);
            });
        }
        advance(sid, remaining.mid(1), finalError);
    });
}

bool Sandbox::dropNextCallback() {
    const int percent = qBound(0, m_options.dropCallbacksPercent, 100);
    return percent > 0 && int(m_dropRandom.bounded(100)) < percent;
}

void Sandbox::postSigned(const QString &url, const FormFields &params,
                         std::function<void(int)> done) {
    if (!reachesConsole()) { // behind NAT: Twilio's request never arrives (status 0)
        qCDebug(lcSandbox).noquote() << "not posted, the console is not reachable:" << url;
        QTimer::singleShot(0, this, [done] { done(0); });
        return;
    }
    QNetworkRequest request{QUrl(url)};
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QByteArrayLiteral("application/x-www-form-urlencoded"));
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("TwilioProxy/1.1"));
    request.setRawHeader("X-Twilio-Signature",
                         SignatureValidator::sign(m_options.authToken.toUtf8(), url, params));
    request.setRawHeader("I-Twilio-Idempotency-Token",
                         QUuid::createUuid().toByteArray(QUuid::WithoutBraces));
    request.setTransferTimeout(15000); // Twilio waits 15 s in all
    QNetworkReply *reply = m_nam->post(request, FormEncoding::encode(params));
    connect(reply, &QNetworkReply::finished, this, [reply, done] {
        reply->deleteLater();
        done(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt());
    });
}

HttpResponse Sandbox::listMessages(const HttpRequest &request) const {
    QString error;
    const std::optional<MessageListQuery> query = MessageListQuery::parse(request.query, &error);
    if (!query)
        return twilioError(400, 20001, error);

    QList<const Message *> matching;
    for (auto it = m_order.crbegin(); it != m_order.crend(); ++it) { // newest first
        const auto found = m_messages.constFind(*it); // a reference into the hash, not a copy
        if (found != m_messages.cend() && query->matches(found->to, found->from, found->sent))
            matching.append(&*found);
    }
    auto indexOf = [&](const QString &sid) {
        for (qsizetype i = 0; i < matching.size(); ++i) {
            if (matching[i]->sid == sid)
                return i;
        }
        return qsizetype(-1);
    };
    // Like Twilio's, page tokens are cursors: "PA<sid>" is the page after that message,
    // "PB<sid>" the page before it, so messages arriving meanwhile neither repeat nor go
    // missing. Without a token (or with one for a message gone), Page counts from the start.
    const int pageSize = query->pageSize();
    const int page = query->page();
    const QString token = query->pageToken();
    qsizetype start = qsizetype(page) * pageSize;
    if (token.startsWith(QLatin1String("PA")) && indexOf(token.mid(2)) >= 0)
        start = indexOf(token.mid(2)) + 1;
    else if (token.startsWith(QLatin1String("PB")) && indexOf(token.mid(2)) >= 0)
        start = qMax(qsizetype(0), indexOf(token.mid(2)) - pageSize);
    const qsizetype end = qMin(matching.size(), start + pageSize);

    QJsonArray list;
    for (qsizetype i = start; i < end; ++i)
        list.append(messageJson(*matching[i]));
    const QString path = messagesUri();
    const QJsonValue next =
        end < matching.size()
            ? QJsonValue(query->link(path, page + 1, QStringLiteral("PA") + matching[end - 1]->sid))
            : QJsonValue(QJsonValue::Null);
    QJsonValue previous = QJsonValue::Null;
    if (page > 0 && start > 0)
        previous = query->link(path, page - 1,
                               start < matching.size() ? QStringLiteral("PB") + matching[start]->sid
                                                       : QString());
    return HttpResponse::json(200, {{QStringLiteral("messages"), list},
                                    {QStringLiteral("page"), page},
                                    {QStringLiteral("page_size"), pageSize},
                                    {QStringLiteral("start"), int(start)},
                                    {QStringLiteral("end"), int(start + list.size()) - 1},
                                    {QStringLiteral("uri"), query->link(path, page, token)},
                                    {QStringLiteral("first_page_uri"), query->link(path, 0)},
                                    {QStringLiteral("next_page_uri"), next},
                                    {QStringLiteral("previous_page_uri"), previous}});
}

HttpResponse Sandbox::updateNumber(const HttpRequest &request) {
    FormFields form;
    if (!FormEncoding::decode(request.body, &form))
        return twilioError(400, 20001, QStringLiteral("The request body is not form-encoded."));
    for (Number &n : m_numbers) {
        if (n.sid != request.args.value(1))
            continue;
        for (const auto &[k, v] : form) {
            if (k == QLatin1String("SmsUrl"))
                n.smsUrl = v;
            else if (k == QLatin1String("VoiceUrl"))
                n.voiceUrl = v;
            else if (k == QLatin1String("StatusCallback"))
                n.statusCallback = v;
        }
        return HttpResponse::json(200, numberJson(n));
    }
    return twilioError(404, 20404,
                       QStringLiteral("The requested resource %1 was not found").arg(request.path));
}

void Sandbox::simulateInbound(const HttpRequest &request,
                              std::function<void(const HttpResponse &)> reply) {
    FormFields form;
    if (!FormEncoding::decode(request.body, &form))
        return reply(
            twilioError(400, 20001, QStringLiteral("The request body is not form-encoded.")));
    const QString channel = FormEncoding::value(form, QStringLiteral("Channel"));
    const SandboxChannel *part = nullptr;
    QStringList known;
    for (const auto &candidate : std::as_const(m_parts)) {
        known.append(candidate->id());
        if (channel.isEmpty() ? candidate->owns(FormEncoding::value(form, QStringLiteral("From")),
                                                FormEncoding::value(form, QStringLiteral("To")))
                              : candidate->id() == channel)
            part = part ? part : candidate.get();
    }
    if (!part)
        return reply(twilioError(400, 20001,
                                 QStringLiteral("No channel '%1' in this sandbox (it has: %2).")
                                     .arg(channel, known.join(QStringLiteral(", ")))));
    int code = 0;
    QString error;
    std::optional<SandboxArrival> arrival = part->inbound(form, *this, &code, &error);
    if (!arrival)
        return reply(twilioError(400, code ? code : 20001, error));
    // Media=photo,invoice: the customer's message carries these files (SandboxMedia).
    SandboxArrival withMedia = *arrival;
    QStringList mediaUrls;
    const QString media = FormEncoding::value(form, QStringLiteral("Media"));
    const QString messageSid = FormEncoding::value(withMedia.params, QStringLiteral("MessageSid"));
    for (const QString &name : media.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const SandboxMedia::Sample *sample = SandboxMedia::find(name.trimmed());
        if (!sample)
            return reply(twilioError(
                400, 20001,
                QStringLiteral("No media '%1' in this sandbox (it has: %2).")
                    .arg(name.trimmed(), SandboxMedia::names().join(QStringLiteral(", ")))));
        const int n = int(mediaUrls.size());
        mediaUrls.append(QStringLiteral("%1/2010-04-01/Accounts/%2/Messages/%3/Media/%4")
                             .arg(m_baseUrl, m_options.accountSid, messageSid, sample->mediaSid));
        withMedia.params.append({QStringLiteral("MediaUrl%1").arg(n), mediaUrls.last()});
        withMedia.params.append({QStringLiteral("MediaContentType%1").arg(n),
                                 QString::fromLatin1(sample->contentType)});
    }
    if (!mediaUrls.isEmpty()) {
        withMedia.params.removeIf(
            [](const auto &f) { return f.first == QLatin1String("NumMedia"); });
        withMedia.params.append({QStringLiteral("NumMedia"), QString::number(mediaUrls.size())});
    }
    arrival = withMedia;
    if (arrival->url.isEmpty())
        return reply(twilioError(409, 21606,
                                 QStringLiteral("No webhook is configured for %1 messages to %2, "
                                                "so there is nowhere to deliver them.")
                                     .arg(part->id(), arrival->to)));

    // Advanced Opt-Out: Twilio tells the webhook what it made of a keyword, and acts on it.
    FormFields params = arrival->params;
    const OptOutKeywords::Reading consent = OptOutKeywords::read(arrival->body);
    if (consent.kind != OptOutKeywords::Kind::None) {
        const QString type = consent.kind == OptOutKeywords::Kind::OptOut  ? QStringLiteral("STOP")
                             : consent.kind == OptOutKeywords::Kind::OptIn ? QStringLiteral("START")
                                                                           : QStringLiteral("HELP");
        params.append({QStringLiteral("OptOutType"), type});
        if (consent.kind == OptOutKeywords::Kind::OptOut)
            m_optedOut.insert({arrival->to, arrival->from});
        else if (consent.kind == OptOutKeywords::Kind::OptIn)
            m_optedOut.remove({arrival->to, arrival->from});
    }

    Message m;
    m.sid = FormEncoding::value(arrival->params, QStringLiteral("MessageSid"));
    m.from = arrival->from;
    m.to = arrival->to;
    m.body = arrival->body;
    m.status = QStringLiteral("received");
    m.direction = QStringLiteral("inbound");
    m.numSegments = qMax(1, SmsSegments::count(m.body).segments);
    m.mediaUrls = mediaUrls;
    m.created = m.updated = m.sent = now();
    m_messages.insert(m.sid, m);
    m_order.append(m.sid);

    const QJsonObject json = messageJson(m);
    const QString url = arrival->url;
    postSigned(url, params, [reply, json, url](int httpStatus) {
        QJsonObject answer = json;
        answer.insert(
            QStringLiteral("webhook"),
            QJsonObject{{QStringLiteral("url"), url}, {QStringLiteral("status"), httpStatus}});
        reply(HttpResponse::json(201, answer));
    });
}

QJsonObject Sandbox::messageJson(const Message &m) const {
    const QString uri =
        QStringLiteral("/2010-04-01/Accounts/%1/Messages/%2").arg(m_options.accountSid, m.sid);
    return {{QStringLiteral("account_sid"), m_options.accountSid},
            {QStringLiteral("api_version"), QStringLiteral("2010-04-01")},
            {QStringLiteral("body"), m.body},
            {QStringLiteral("date_created"), formatTwilioDate(m.created)},
            {QStringLiteral("date_sent"), m.sent.isValid() ? QJsonValue(formatTwilioDate(m.sent))
                                                           : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("date_updated"), formatTwilioDate(m.updated)},
            {QStringLiteral("direction"), m.direction},
            {QStringLiteral("error_code"),
             m.errorCode ? QJsonValue(m.errorCode) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("error_message"), m.errorCode
                                                  ? QJsonValue(TwilioError::explain(m.errorCode))
                                                  : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("from"), m.from},
            {QStringLiteral("messaging_service_sid"), QJsonValue::Null},
            {QStringLiteral("num_media"), QString::number(m.mediaUrls.size())},
            {QStringLiteral("num_segments"), QString::number(m.numSegments)},
            {QStringLiteral("price"), QJsonValue::Null},
            {QStringLiteral("price_unit"), QStringLiteral("USD")},
            {QStringLiteral("sid"), m.sid},
            {QStringLiteral("status"), m.status},
            // Not in Twilio's resource: the sandbox shows what it was given, for tests and demos.
            {QStringLiteral("status_callback"), nullable(m.statusCallback)},
            {QStringLiteral("subresource_uris"),
             QJsonObject{{QStringLiteral("media"), uri + QStringLiteral("/Media.json")}}},
            {QStringLiteral("to"), m.to},
            {QStringLiteral("uri"), uri + QStringLiteral(".json")}};
}

QJsonObject Sandbox::numberJson(const Number &n) const {
    return {{QStringLiteral("sid"), n.sid},
            {QStringLiteral("account_sid"), m_options.accountSid},
            {QStringLiteral("phone_number"), n.phoneNumber},
            {QStringLiteral("friendly_name"), PhoneNumber::formatAsYouType(n.phoneNumber)},
            {QStringLiteral("capabilities"), QJsonObject{{QStringLiteral("voice"), true},
                                                         {QStringLiteral("sms"), true},
                                                         {QStringLiteral("mms"), true},
                                                         {QStringLiteral("fax"), false}}},
            {QStringLiteral("sms_url"), nullable(n.smsUrl)},
            {QStringLiteral("sms_method"), QStringLiteral("POST")},
            {QStringLiteral("voice_url"), nullable(n.voiceUrl)},
            {QStringLiteral("voice_method"), QStringLiteral("POST")},
            {QStringLiteral("status_callback"), nullable(n.statusCallback)},
            {QStringLiteral("status_callback_method"), QStringLiteral("POST")},
            {QStringLiteral("status"), QStringLiteral("in-use")},
            {QStringLiteral("uri"),
             QStringLiteral("/2010-04-01/Accounts/%1/IncomingPhoneNumbers/%2.json")
                 .arg(m_options.accountSid, n.sid)}};
}

namespace {

// Where the Messaging API's URLs point: this sandbox as the client reached it.
QString messagingBaseOf(const HttpRequest &request) {
    const QByteArray host = request.header("Host");
    return host.isEmpty() ? QStringLiteral("https://messaging.twilio.com")
                          : QStringLiteral("http://") + QString::fromLatin1(host);
}

// One page of `items` as the Messaging API lists it: the items under `key` and a `meta` with
// next_page_url (PageSize 1-1000, default 50; Page from 0).
HttpResponse messagingPage(const HttpRequest &request, const QString &key,
                           const QList<QJsonObject> &items) {
    int pageSize = 50;
    int pageIndex = 0;
    bool ok = true;
    const QString sizeText = request.query.queryItemValue(QStringLiteral("PageSize"));
    if (!sizeText.isEmpty())
        pageSize = sizeText.toInt(&ok);
    if (!ok || pageSize < 1 || pageSize > 1000)
        return Sandbox::twilioError(400, 20001,
                                    QStringLiteral("PageSize must be between 1 and 1000."));
    const QString pageText = request.query.queryItemValue(QStringLiteral("Page"));
    if (!pageText.isEmpty())
        pageIndex = pageText.toInt(&ok);
    if (!ok || pageIndex < 0)
        return Sandbox::twilioError(400, 20001, QStringLiteral("Page must be 0 or more."));
    const QString base = messagingBaseOf(request);
    auto link = [&](int index) {
        return QStringLiteral("%1%2?PageSize=%3&Page=%4")
            .arg(base, request.path)
            .arg(pageSize)
            .arg(index);
    };
    const qsizetype start = qsizetype(pageIndex) * pageSize;
    QJsonArray list;
    for (qsizetype i = start; i < items.size() && i < start + pageSize; ++i)
        list.append(items[i]);
    const bool more = start + pageSize < items.size();
    const QJsonObject meta{
        {QStringLiteral("page"), pageIndex},
        {QStringLiteral("page_size"), pageSize},
        {QStringLiteral("first_page_url"), link(0)},
        {QStringLiteral("previous_page_url"),
         pageIndex > 0 ? QJsonValue(link(pageIndex - 1)) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("url"), link(pageIndex)},
        {QStringLiteral("next_page_url"),
         more ? QJsonValue(link(pageIndex + 1)) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("key"), key}};
    return HttpResponse::json(200, {{key, list}, {QStringLiteral("meta"), meta}});
}

} // namespace

QJsonObject Sandbox::serviceJson(const Service &service, const QString &base) const {
    const QString url = base + QStringLiteral("/v1/Services/") + service.sid;
    const QString created = QStringLiteral("2026-01-01T00:00:00Z");
    return {
        {QStringLiteral("sid"), service.sid},
        {QStringLiteral("account_sid"), m_options.accountSid},
        {QStringLiteral("friendly_name"), service.friendlyName},
        {QStringLiteral("date_created"), created},
        {QStringLiteral("date_updated"), created},
        // Inbound messages go to each number's own "A message comes in" URL.
        {QStringLiteral("inbound_request_url"), nullable(m_options.smsUrl)},
        {QStringLiteral("inbound_method"), QStringLiteral("POST")},
        {QStringLiteral("fallback_url"), QJsonValue::Null},
        {QStringLiteral("fallback_method"), QStringLiteral("POST")},
        {QStringLiteral("status_callback"), QJsonValue::Null},
        {QStringLiteral("sticky_sender"), true},
        {QStringLiteral("mms_converter"), true},
        {QStringLiteral("smart_encoding"), true},
        {QStringLiteral("scan_message_content"), QStringLiteral("inherit")},
        {QStringLiteral("fallback_to_long_code"), true},
        {QStringLiteral("area_code_geomatch"), true},
        {QStringLiteral("validity_period"), 14400},
        {QStringLiteral("synchronous_validation"), false},
        {QStringLiteral("usecase"), QStringLiteral("notifications")},
        {QStringLiteral("us_app_to_person_registered"), false},
        {QStringLiteral("use_inbound_webhook_on_number"), true},
        {QStringLiteral("url"), url},
        {QStringLiteral("links"),
         QJsonObject{{QStringLiteral("phone_numbers"), url + QStringLiteral("/PhoneNumbers")},
                     {QStringLiteral("short_codes"), url + QStringLiteral("/ShortCodes")},
                     {QStringLiteral("alpha_senders"), url + QStringLiteral("/AlphaSenders")}}}};
}

void Sandbox::serveMessagingServices() {
    addRoute("GET", QStringLiteral("/v1/Services"), [this](const HttpRequest &r, auto reply) {
        QList<QJsonObject> services;
        for (const Service &s : std::as_const(m_services))
            services.append(serviceJson(s, messagingBaseOf(r)));
        reply(messagingPage(r, QStringLiteral("services"), services));
    });
    addRoute(
        "GET", QStringLiteral("/v1/Services/{sid}/PhoneNumbers"),
        [this](const HttpRequest &r, auto reply) {
            const QString sid = r.args.value(0);
            const auto service = std::find_if(m_services.cbegin(), m_services.cend(),
                                              [&](const Service &s) { return s.sid == sid; });
            if (service == m_services.cend())
                return reply(twilioError(
                    404, 20404,
                    QStringLiteral("The requested resource %1 was not found").arg(r.path)));
            QList<QJsonObject> numbers;
            if (service == m_services.cbegin()) {
                const QString base = messagingBaseOf(r);
                for (const Number &n : std::as_const(m_numbers))
                    numbers.append(
                        {{QStringLiteral("sid"), n.sid},
                         {QStringLiteral("account_sid"), m_options.accountSid},
                         {QStringLiteral("service_sid"), sid},
                         {QStringLiteral("phone_number"), n.phoneNumber},
                         {QStringLiteral("country_code"), QStringLiteral("US")},
                         {QStringLiteral("capabilities"),
                          QJsonArray{QStringLiteral("MMS"), QStringLiteral("SMS"),
                                     QStringLiteral("Voice")}},
                         {QStringLiteral("date_created"), QStringLiteral("2026-01-01T00:00:00Z")},
                         {QStringLiteral("date_updated"), QStringLiteral("2026-01-01T00:00:00Z")},
                         {QStringLiteral("url"), QStringLiteral("%1/v1/Services/%2/"
                                                                "PhoneNumbers/%3")
                                                     .arg(base, sid, n.sid)}});
            }
            reply(messagingPage(r, QStringLiteral("phone_numbers"), numbers));
        });
}

} // namespace sb
