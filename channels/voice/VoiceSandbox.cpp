#include "VoiceSandbox.h"

#include "providers/twilio/PhoneNumber.h"
#include "providers/twilio/SignatureValidator.h"
#include "providers/twilio/TwilioResources.h"
#include "sandbox/Sandbox.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>
#include <QUrl>
#include <QUrlQuery>
#include <QUuid>

#include <cmath>

namespace sb {

namespace {

QJsonValue nullable(const QString &s) {
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}

QJsonValue dateOrNull(const QDateTime &time) {
    return time.isValid() ? QJsonValue(formatTwilioDate(time)) : QJsonValue(QJsonValue::Null);
}

bool isFinal(const QString &status) {
    return status == QLatin1String("completed") || status == QLatin1String("busy") ||
           status == QLatin1String("no-answer") || status == QLatin1String("failed") ||
           status == QLatin1String("canceled");
}

// Which StatusCallbackEvent asks for a status's callback.
QString eventFor(const QString &status) {
    if (status == QLatin1String("initiated") || status == QLatin1String("ringing"))
        return status;
    if (status == QLatin1String("in-progress"))
        return QStringLiteral("answered");
    if (isFinal(status))
        return QStringLiteral("completed");
    return {};
}

// The Calls resource knows no "initiated" (only its callback does): such a call still reads
// as queued, as on Twilio.
QString resourceStatus(const QString &status) {
    return status == QLatin1String("initiated") ? QStringLiteral("queued") : status;
}

// What the SIP leg would have answered, as Twilio reports it with the final status.
int sipResponseCode(const QString &status) {
    if (status == QLatin1String("completed"))
        return 200;
    if (status == QLatin1String("busy"))
        return 486;
    if (status == QLatin1String("failed"))
        return 404;
    return 487; // no-answer, canceled: the INVITE was ended before an answer
}

bool isHttpUrl(const QString &text) {
    const QUrl url(text, QUrl::StrictMode);
    return url.isValid() && !url.host().isEmpty() &&
           (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https"));
}

} // namespace

void VoiceSandbox::install(Sandbox &sandbox) {
    auto *calls = new VoiceSandbox(sandbox); // a child of the sandbox, on its thread
    const QString base = QStringLiteral("/2010-04-01/Accounts/{sid}");
    sandbox.addRoute("POST", base + QStringLiteral("/Calls.json"),
                     [calls](const HttpRequest &r, auto reply) { reply(calls->create(r)); });
    sandbox.addRoute("GET", base + QStringLiteral("/Calls.json"),
                     [calls](const HttpRequest &r, auto reply) { reply(calls->list(r)); });
    sandbox.addRoute("GET", base + QStringLiteral("/Calls/{sid}.json"),
                     [calls](const HttpRequest &r, auto reply) { reply(calls->fetch(r)); });
    sandbox.addRoute("POST", base + QStringLiteral("/Calls/{sid}.json"),
                     [calls](const HttpRequest &r, auto reply) { reply(calls->update(r)); });
}

VoiceSandbox::VoiceSandbox(Sandbox &sandbox)
    : QObject(&sandbox)
    , m_sandbox(sandbox)
    , m_nam(new QNetworkAccessManager(this)) {
    setObjectName(QStringLiteral("voice"));
}

HttpResponse VoiceSandbox::notFound(const HttpRequest &request) const {
    return Sandbox::twilioError(
        404, 20404, QStringLiteral("The requested resource %1 was not found").arg(request.path));
}

HttpResponse VoiceSandbox::create(const HttpRequest &request) {
    const FormFields *form = request.form();
    if (!form)
        return Sandbox::twilioError(400, 20001,
                                    QStringLiteral("The request body is not form-encoded."));
    auto value = [form](const char *name) {
        return FormEncoding::value(*form, QLatin1String(name));
    };
    Call call;
    call.to = value("To");
    call.from = value("From");
    call.url = value("Url");
    call.method = value("Method").toUpper();
    call.twiml = value("Twiml");
    call.statusCallback = value("StatusCallback");
    call.statusCallbackMethod = value("StatusCallbackMethod").toUpper();
    for (const auto &[k, v] : *form) {
        if (k == QLatin1String("StatusCallbackEvent"))
            for (const QString &event : v.split(QLatin1Char(' '), Qt::SkipEmptyParts))
                call.events.insert(event);
    }
    if (call.events.isEmpty())
        call.events.insert(QStringLiteral("completed"));

    if (call.to.isEmpty())
        return Sandbox::twilioError(400, 21201, QStringLiteral("No 'To' number is specified"));
    if (call.from.isEmpty())
        return Sandbox::twilioError(400, 21213, QStringLiteral("No 'From' number is specified"));
    if (call.url.isEmpty() && call.twiml.isEmpty())
        return Sandbox::twilioError(
            400, 21205,
            QStringLiteral("Url parameter is required. For more information, see "
                           "http://www.twilio.com/docs/api/twiml"));
    if (!call.url.isEmpty() && !isHttpUrl(call.url))
        return Sandbox::twilioError(400, 21205,
                                    QStringLiteral("Url is not a valid URL: %1").arg(call.url));
    const PhoneNumberCheck to = PhoneNumber::check(call.to);
    if (!to.valid || to.e164 != call.to)
        return Sandbox::twilioError(
            400, 21211,
            QStringLiteral("The phone number you are attempting to call, %1, is not "
                           "valid.")
                .arg(call.to));
    if (!m_sandbox.isOwnNumber(call.from))
        return Sandbox::twilioError(
            400, 21210,
            QStringLiteral("The source phone number provided, %1, is not yet verified for your "
                           "account. You may only make calls from phone numbers that you've "
                           "verified or purchased from Twilio.")
                .arg(call.from));

    call.sid = Sandbox::newSid("CA");
    call.status = QStringLiteral("queued");
    call.created = call.updated = m_sandbox.now();
    if (call.to == busyNumber())
        call.remaining = {QStringLiteral("initiated"), QStringLiteral("ringing"),
                          QStringLiteral("busy")};
    else if (call.to == noAnswerNumber())
        call.remaining = {QStringLiteral("initiated"), QStringLiteral("ringing"),
                          QStringLiteral("no-answer")};
    else if (call.to == failedNumber())
        call.remaining = {QStringLiteral("initiated"), QStringLiteral("failed")};
    else if (call.to == canceledNumber())
        call.remaining = {QStringLiteral("initiated"), QStringLiteral("ringing"),
                          QStringLiteral("canceled")};
    else
        call.remaining = {QStringLiteral("initiated"), QStringLiteral("ringing"),
                          QStringLiteral("in-progress"), QStringLiteral("completed")};
    m_calls.insert(call.sid, call);
    m_order.append(call.sid);
    schedule(call.sid, m_sandbox.statusDelayMs());
    return HttpResponse::json(201, callJson(call));
}

void VoiceSandbox::schedule(const QString &sid, int delayMs) {
    const int step = m_calls.value(sid).step;
    QTimer::singleShot(delayMs, this, [this, sid, step] { advance(sid, step); });
}

void VoiceSandbox::advance(const QString &sid, int step) {
    auto it = m_calls.find(sid);
    if (it == m_calls.end() || it->step != step || it->remaining.isEmpty())
        return; // an update changed its course meanwhile
    const QString next = it->remaining.takeFirst();
    moveTo(*it, next);
    if (next == QLatin1String("in-progress") && !it->url.isEmpty())
        fetchTwiml(sid);
    if (!it->remaining.isEmpty()) {
        const int delay = m_sandbox.statusDelayMs();
        schedule(sid, next == QLatin1String("in-progress") ? 2 * delay : delay);
    }
}

void VoiceSandbox::moveTo(Call &call, const QString &status) {
    call.status = status;
    call.updated = m_sandbox.now();
    ++call.step; // whatever was scheduled for the earlier status is stale now
    if (status == QLatin1String("in-progress"))
        call.started = call.updated;
    if (isFinal(status)) {
        call.remaining.clear();
        call.ended = call.updated;
        if (call.started.isValid())
            call.duration = int(std::ceil(double(call.started.msecsTo(call.ended)) / 1000.0));
    }
    const QString event = eventFor(status);
    if (call.statusCallback.isEmpty() || !call.events.contains(event))
        return;
    FormFields params = callParams(call);
    params.append({QStringLiteral("CallbackSource"), QStringLiteral("call-progress-events")});
    params.append({QStringLiteral("Timestamp"), formatTwilioDate(call.updated)});
    params.append({QStringLiteral("SequenceNumber"), QString::number(call.sequence++)});
    if (isFinal(status)) {
        params.append({QStringLiteral("CallDuration"), QString::number(call.duration)});
        params.append(
            {QStringLiteral("Duration"), QString::number(int(std::ceil(call.duration / 60.0)))});
        params.append(
            {QStringLiteral("SipResponseCode"), QString::number(sipResponseCode(status))});
    }
    const QString sid = call.sid;
    send(call.statusCallback, call.statusCallbackMethod, params,
         [this, sid, status](int httpStatus, const QByteArray &) {
             Q_EMIT callbackDelivered(sid, status, httpStatus);
         });
}

void VoiceSandbox::fetchTwiml(const QString &sid) {
    const Call call = m_calls.value(sid);
    send(call.url, call.method, callParams(call),
         [this, sid, url = call.url](int httpStatus, const QByteArray &body) {
             auto it = m_calls.find(sid);
             if (it != m_calls.end())
                 it->fetchStatus = httpStatus;
             Q_EMIT twimlFetched(sid, url, httpStatus, body);
         });
}

FormFields VoiceSandbox::callParams(const Call &call) const {
    return {{QStringLiteral("AccountSid"), m_sandbox.accountSid()},
            {QStringLiteral("ApiVersion"), QStringLiteral("2010-04-01")},
            {QStringLiteral("CallSid"), call.sid},
            {QStringLiteral("CallStatus"), call.status},
            {QStringLiteral("Called"), call.to},
            {QStringLiteral("Caller"), call.from},
            {QStringLiteral("Direction"), QStringLiteral("outbound-api")},
            {QStringLiteral("From"), call.from},
            {QStringLiteral("To"), call.to}};
}

void VoiceSandbox::send(const QString &url, const QString &method, const FormFields &params,
                        std::function<void(int, const QByteArray &)> done) {
    // Twilio signs the URL it requests plus, for a POST, the sorted parameters; for a GET the
    // parameters are in the URL itself.
    const bool get = method == QLatin1String("GET");
    QString target = url;
    if (get) {
        QStringList pairs;
        for (const auto &[k, v] : params)
            pairs.append(
                QString::fromLatin1(QUrl::toPercentEncoding(k) + '=' + QUrl::toPercentEncoding(v)));
        target += (url.contains(QLatin1Char('?')) ? QLatin1Char('&') : QLatin1Char('?')) +
                  pairs.join(QLatin1Char('&'));
    }
    QNetworkRequest request{QUrl(target)};
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("TwilioProxy/1.1"));
    request.setRawHeader("X-Twilio-Signature",
                         SignatureValidator::sign(m_sandbox.authToken().toUtf8(), target,
                                                  get ? FormFields{} : params));
    request.setRawHeader("I-Twilio-Idempotency-Token",
                         QUuid::createUuid().toByteArray(QUuid::WithoutBraces));
    request.setTransferTimeout(15000); // Twilio waits 15 s in all
    QNetworkReply *reply = nullptr;
    if (get) {
        reply = m_nam->get(request);
    } else {
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/x-www-form-urlencoded"));
        reply = m_nam->post(request, FormEncoding::encode(params));
    }
    connect(reply, &QNetworkReply::finished, this, [reply, done] {
        reply->deleteLater();
        done(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll());
    });
}

HttpResponse VoiceSandbox::list(const HttpRequest &request) const {
    const QString to = request.query.queryItemValue(QStringLiteral("To"), QUrl::FullyDecoded);
    const QString from = request.query.queryItemValue(QStringLiteral("From"), QUrl::FullyDecoded);
    const QString status =
        request.query.queryItemValue(QStringLiteral("Status"), QUrl::FullyDecoded);
    bool ok = true;
    int pageSize = 50;
    int page = 0;
    const QString sizeText = request.query.queryItemValue(QStringLiteral("PageSize"));
    const QString pageText = request.query.queryItemValue(QStringLiteral("Page"));
    if (!sizeText.isEmpty())
        pageSize = sizeText.toInt(&ok);
    if (!ok || pageSize < 1 || pageSize > 1000)
        return Sandbox::twilioError(400, 20001,
                                    QStringLiteral("PageSize must be between 1 and 1000."));
    if (!pageText.isEmpty())
        page = pageText.toInt(&ok);
    if (!ok || page < 0)
        return Sandbox::twilioError(400, 20001, QStringLiteral("Page must be 0 or more."));

    QList<const Call *> matching;
    for (auto it = m_order.crbegin(); it != m_order.crend(); ++it) { // newest first
        const auto found = m_calls.constFind(*it);
        if (found == m_calls.cend())
            continue;
        if ((to.isEmpty() || found->to == to) && (from.isEmpty() || found->from == from) &&
            (status.isEmpty() || resourceStatus(found->status) == status))
            matching.append(&*found);
    }
    const QString path =
        QStringLiteral("/2010-04-01/Accounts/%1/Calls.json").arg(m_sandbox.accountSid());
    // The filters stay on every page's link, percent-encoded ('+' in a number as %2B).
    QString filters;
    for (const auto &[key, value] : {std::pair{"To", to}, {"From", from}, {"Status", status}}) {
        if (!value.isEmpty())
            filters += QString::fromLatin1(key) + QLatin1Char('=') +
                       QString::fromLatin1(QUrl::toPercentEncoding(value)) + QLatin1Char('&');
    }
    auto link = [&](int index) {
        return path + QLatin1Char('?') + filters +
               QStringLiteral("PageSize=%1&Page=%2").arg(pageSize).arg(index);
    };
    const qsizetype start = qsizetype(page) * pageSize;
    QJsonArray calls;
    for (qsizetype i = start; i < matching.size() && i < start + pageSize; ++i)
        calls.append(callJson(*matching[i]));
    const bool more = start + pageSize < matching.size();
    return HttpResponse::json(
        200, {{QStringLiteral("calls"), calls},
              {QStringLiteral("page"), page},
              {QStringLiteral("page_size"), pageSize},
              {QStringLiteral("start"), int(start)},
              {QStringLiteral("end"), int(start + calls.size()) - 1},
              {QStringLiteral("uri"), link(page)},
              {QStringLiteral("first_page_uri"), link(0)},
              {QStringLiteral("next_page_uri"),
               more ? QJsonValue(link(page + 1)) : QJsonValue(QJsonValue::Null)},
              {QStringLiteral("previous_page_uri"),
               page > 0 ? QJsonValue(link(page - 1)) : QJsonValue(QJsonValue::Null)}});
}

HttpResponse VoiceSandbox::fetch(const HttpRequest &request) const {
    const auto it = m_calls.constFind(request.args.value(1));
    return it == m_calls.cend() ? notFound(request) : HttpResponse::json(200, callJson(*it));
}

HttpResponse VoiceSandbox::update(const HttpRequest &request) {
    auto it = m_calls.find(request.args.value(1));
    if (it == m_calls.end())
        return notFound(request);
    const FormFields *form = request.form();
    if (!form)
        return Sandbox::twilioError(400, 20001,
                                    QStringLiteral("The request body is not form-encoded."));
    const QString status = FormEncoding::value(*form, QStringLiteral("Status"));
    const QString url = FormEncoding::value(*form, QStringLiteral("Url"));
    const QString twiml = FormEncoding::value(*form, QStringLiteral("Twiml"));
    if (!status.isEmpty() && status != QLatin1String("canceled") &&
        status != QLatin1String("completed"))
        return Sandbox::twilioError(
            400, 20001,
            QStringLiteral("Status must be canceled or completed, not %1.").arg(status));
    if (!url.isEmpty() && !isHttpUrl(url))
        return Sandbox::twilioError(400, 21205,
                                    QStringLiteral("Url is not a valid URL: %1").arg(url));
    if (isFinal(it->status)) {
        if (!url.isEmpty() || !twiml.isEmpty())
            return Sandbox::twilioError(400, 21220,
                                        QStringLiteral("Call is not in-progress. Cannot "
                                                       "redirect."));
        return HttpResponse::json(200, callJson(*it)); // already over: nothing to end
    }
    const bool answered = it->status == QLatin1String("in-progress");
    if (status == QLatin1String("completed"))
        moveTo(*it, answered ? QStringLiteral("completed") : QStringLiteral("canceled"));
    else if (status == QLatin1String("canceled") && !answered)
        moveTo(*it, QStringLiteral("canceled")); // canceled leaves an answered call alone
    else if (!url.isEmpty() || !twiml.isEmpty()) {
        if (!answered)
            return Sandbox::twilioError(400, 21220,
                                        QStringLiteral("Call is not in-progress. Cannot "
                                                       "redirect."));
        it->url = url;
        it->twiml = twiml;
        it->method = FormEncoding::value(*form, QStringLiteral("Method")).toUpper();
        if (!url.isEmpty())
            fetchTwiml(it->sid);
    }
    return HttpResponse::json(200, callJson(*it));
}

QJsonObject VoiceSandbox::callJson(const Call &c) const {
    const QString uri =
        QStringLiteral("/2010-04-01/Accounts/%1/Calls/%2").arg(m_sandbox.accountSid(), c.sid);
    const bool ended = isFinal(c.status);
    return {
        {QStringLiteral("account_sid"), m_sandbox.accountSid()},
        {QStringLiteral("answered_by"), QJsonValue::Null},
        {QStringLiteral("api_version"), QStringLiteral("2010-04-01")},
        {QStringLiteral("caller_name"), QJsonValue::Null},
        {QStringLiteral("date_created"), formatTwilioDate(c.created)},
        {QStringLiteral("date_updated"), formatTwilioDate(c.updated)},
        {QStringLiteral("direction"), QStringLiteral("outbound-api")},
        {QStringLiteral("duration"),
         ended ? QJsonValue(QString::number(c.duration)) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("end_time"), dateOrNull(c.ended)},
        {QStringLiteral("forwarded_from"), QJsonValue::Null},
        {QStringLiteral("from"), c.from},
        {QStringLiteral("from_formatted"), PhoneNumber::formatAsYouType(c.from)},
        {QStringLiteral("group_sid"), QJsonValue::Null},
        {QStringLiteral("parent_call_sid"), QJsonValue::Null},
        {QStringLiteral("phone_number_sid"), QJsonValue::Null},
        {QStringLiteral("price"), QJsonValue::Null},
        {QStringLiteral("price_unit"), QStringLiteral("USD")},
        {QStringLiteral("queue_time"), QStringLiteral("0")},
        {QStringLiteral("sid"), c.sid},
        {QStringLiteral("start_time"), dateOrNull(c.started)},
        {QStringLiteral("status"), resourceStatus(c.status)},
        {QStringLiteral("subresource_uris"),
         QJsonObject{
             {QStringLiteral("recordings"), uri + QStringLiteral("/Recordings.json")},
             {QStringLiteral("notifications"), uri + QStringLiteral("/Notifications.json")}}},
        {QStringLiteral("to"), c.to},
        {QStringLiteral("to_formatted"), PhoneNumber::formatAsYouType(c.to)},
        {QStringLiteral("trunk_sid"), QJsonValue::Null},
        {QStringLiteral("uri"), uri + QStringLiteral(".json")},
        // Not in Twilio's resource: the sandbox shows what it was given and did, for tests.
        {QStringLiteral("status_callback"), nullable(c.statusCallback)},
        {QStringLiteral("url"), nullable(c.url)},
        {QStringLiteral("twiml_fetch_status"),
         c.fetchStatus ? QJsonValue(c.fetchStatus) : QJsonValue(QJsonValue::Null)},
    };
}

} // namespace sb
