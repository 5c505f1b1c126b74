#include "VoiceSandbox.h"

#include "VoiceLogging.h"
#include "VoiceRoutes.h"
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

bool isKey(QChar key) {
    return key.isDigit() || key == QLatin1Char('*') || key == QLatin1Char('#');
}

bool isHttpUrl(const QString &text) {
    const QUrl url(text, QUrl::StrictMode);
    return url.isValid() && !url.host().isEmpty() &&
           (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https"));
}

} // namespace

void VoiceSandbox::install(Sandbox &sandbox, const QString &publicBase) {
    auto *calls = new VoiceSandbox(sandbox, publicBase); // a child of the sandbox, on its thread
    const QString base = QStringLiteral("/2010-04-01/Accounts/{sid}");
    sandbox.addRoute("POST", base + QStringLiteral("/Calls.json"),
                     [calls](const HttpRequest &r, auto reply) { reply(calls->create(r)); });
    sandbox.addRoute("GET", base + QStringLiteral("/Calls.json"),
                     [calls](const HttpRequest &r, auto reply) { reply(calls->list(r)); });
    sandbox.addRoute("GET", base + QStringLiteral("/Calls/{sid}.json"),
                     [calls](const HttpRequest &r, auto reply) { reply(calls->fetch(r)); });
    sandbox.addRoute("POST", base + QStringLiteral("/Calls/{sid}.json"),
                     [calls](const HttpRequest &r, auto reply) { reply(calls->update(r)); });
    calls->m_recordings.install();
    // Under /sandbox/, which the sandbox keeps behind its Basic auth (as /sandbox/inbound).
    sandbox.addRoute("POST", QStringLiteral("/sandbox/calls/{sid}/digits"),
                     [calls](const HttpRequest &r, auto reply) { reply(calls->pressDigits(r)); });
    sandbox.addRoute("POST", QStringLiteral("/sandbox/inbound-call"),
                     [calls](const HttpRequest &r, auto reply) { reply(calls->inboundCall(r)); });
}

VoiceSandbox::VoiceSandbox(Sandbox &sandbox, QString publicBase)
    : QObject(&sandbox)
    , m_sandbox(sandbox)
    , m_publicBase(std::move(publicBase))
    , m_nam(new QNetworkAccessManager(this))
    , m_recordings(sandbox) {
    setObjectName(QStringLiteral("voice"));
}

QStringList VoiceSandbox::walkTo(const QString &to) {
    if (to == busyNumber())
        return {QStringLiteral("initiated"), QStringLiteral("ringing"), QStringLiteral("busy")};
    if (to == noAnswerNumber())
        return {QStringLiteral("initiated"), QStringLiteral("ringing"),
                QStringLiteral("no-answer")};
    if (to == failedNumber())
        return {QStringLiteral("initiated"), QStringLiteral("failed")};
    if (to == canceledNumber())
        return {QStringLiteral("initiated"), QStringLiteral("ringing"), QStringLiteral("canceled")};
    return {QStringLiteral("initiated"), QStringLiteral("ringing"), QStringLiteral("in-progress"),
            QStringLiteral("completed")};
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
    call.record = value("Record").compare(QLatin1String("true"), Qt::CaseInsensitive) == 0;
    call.recordingStatusCallback = value("RecordingStatusCallback");
    call.recordingStatusCallbackMethod = value("RecordingStatusCallbackMethod").toUpper();
    // Twilio's helpers send one field per event; its reference also allows a space-separated
    // list in one.
    for (const auto &[k, v] : *form) {
        if (k == QLatin1String("StatusCallbackEvent"))
            for (const QString &event : v.split(QLatin1Char(' '), Qt::SkipEmptyParts))
                call.events.insert(event);
        if (k == QLatin1String("RecordingStatusCallbackEvent"))
            for (const QString &event : v.split(QLatin1Char(' '), Qt::SkipEmptyParts))
                call.recordingEvents.insert(event);
    }
    if (call.events.isEmpty())
        call.events.insert(QStringLiteral("completed"));
    if (call.recordingEvents.isEmpty())
        call.recordingEvents.insert(QStringLiteral("completed"));

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

    call.digits = value("SandboxDigits");
    for (const QChar key : std::as_const(call.digits)) {
        if (!isKey(key))
            return Sandbox::twilioError(
                400, 20001,
                QStringLiteral("SandboxDigits may hold 0-9, * and # only, not '%1'.").arg(key));
    }

    call.sid = Sandbox::newSid("CA");
    call.status = QStringLiteral("queued");
    call.created = call.updated = m_sandbox.now();
    call.remaining = walkTo(call.to);
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
    if (next == QLatin1String("in-progress") && (!it->url.isEmpty() || !it->twiml.isEmpty())) {
        it->remaining.clear(); // its TwiML decides when it ends
        startScript(sid);
        return;
    }
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
        stopScript(call.sid);
        if (call.record)
            finishCallRecording(call);
        // Later, not from inside whatever is ending this call: the parent's <Dial> goes on,
        // the legs it bridged end with it.
        QTimer::singleShot(
            0, this,
            [this, sid = call.sid, parent = call.parentSid, status, duration = call.duration] {
                if (SandboxCallScript *script = m_scripts.value(parent))
                    script->dialEnded(sid, status, duration);
                endChildren(sid);
            });
    }
    const QString event = eventFor(status);
    if (call.statusCallback.isEmpty() || !call.events.contains(event))
        return;
    FormFields params = paramsOf(call);
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
    if (m_sandbox.dropNextCallback()) { // the fault SWITCHBOARD_SANDBOX_DROP_CALLBACKS
        Q_EMIT m_sandbox.callbackDropped(sid, status);
        return;
    }
    send(call.statusCallback, call.statusCallbackMethod, params,
         [this, sid, status](int httpStatus, const QByteArray &) {
             Q_EMIT callbackDelivered(sid, status, httpStatus);
         });
}

void VoiceSandbox::finishCallRecording(const Call &call) {
    // Only a call that was answered and talked has anything recorded.
    if (call.status != QLatin1String("completed") || !call.started.isValid() || call.duration <= 0)
        return;
    const SandboxRecording recording =
        record(call.sid, call.duration, QStringLiteral("OutboundAPI"), call.started);
    for (const QString &event : {QStringLiteral("in-progress"), QStringLiteral("absent")}) {
        if (call.recordingEvents.contains(event))
            note(call.sid, 0,
                 QStringLiteral("RecordingStatusCallbackEvent %1: not simulated by the sandbox")
                     .arg(event));
    }
    if (call.recordingStatusCallback.isEmpty() ||
        !call.recordingEvents.contains(QStringLiteral("completed")))
        return;
    if (!isHttpUrl(call.recordingStatusCallback)) // Twilio's warning: recorded, nobody told
        return note(call.sid, 13256,
                    QStringLiteral("Invalid recordingStatusCallback URL %1: no status is sent")
                        .arg(call.recordingStatusCallback));
    const QString url = call.recordingStatusCallback;
    const QString sid = call.sid;
    send(url,
         call.recordingStatusCallbackMethod == QLatin1String("GET") ? QStringLiteral("GET")
                                                                    : QStringLiteral("POST"),
         SandboxRecordings::completedCallbackParams(m_sandbox.accountSid(), recording),
         [this, sid, url](int httpStatus, const QByteArray &) {
             if (httpStatus < 200 || httpStatus >= 300)
                 note(sid, 11200,
                      QStringLiteral("RecordingStatusCallback %1 answered %2")
                          .arg(url)
                          .arg(httpStatus));
         });
}

FormFields VoiceSandbox::paramsOf(const Call &call) const {
    FormFields params{{QStringLiteral("AccountSid"), m_sandbox.accountSid()},
                      {QStringLiteral("ApiVersion"), QStringLiteral("2010-04-01")},
                      {QStringLiteral("CallSid"), call.sid},
                      {QStringLiteral("CallStatus"), call.status},
                      {QStringLiteral("Called"), call.to},
                      {QStringLiteral("Caller"), call.from},
                      {QStringLiteral("Direction"), call.direction},
                      {QStringLiteral("From"), call.from},
                      {QStringLiteral("To"), call.to}};
    if (!call.parentSid.isEmpty())
        params.append({QStringLiteral("ParentCallSid"), call.parentSid});
    return params;
}

void VoiceSandbox::send(const QString &url, const QString &method, const FormFields &params,
                        std::function<void(int, const QByteArray &)> done) {
    if (!m_sandbox.reachesConsole()) { // behind NAT: neither TwiML nor callbacks get through
        QTimer::singleShot(0, this, [done] { done(0, {}); });
        return;
    }
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

void VoiceSandbox::startScript(const QString &sid) {
    const auto it = m_calls.constFind(sid);
    if (it == m_calls.cend() || isFinal(it->status))
        return;
    auto *script = new SandboxCallScript(*this, sid, this);
    m_scripts.insert(sid, script);
    // Started from the event loop, not from inside the step or the request that answered the
    // call: a script may end the call, or dial a leg, at once.
    QTimer::singleShot(0, script,
                       [script, url = it->url, method = it->method, twiml = it->twiml.toUtf8()] {
                           if (url.isEmpty())
                               script->startWith(twiml);
                           else
                               script->start(url, method);
                       });
}

void VoiceSandbox::stopScript(const QString &sid) {
    if (SandboxCallScript *script = m_scripts.take(sid)) {
        script->stop();
        script->deleteLater(); // it may be the caller
    }
}

void VoiceSandbox::endChildren(const QString &parentSid) {
    for (Call &call : m_calls) {
        if (call.parentSid == parentSid && !isFinal(call.status))
            moveTo(call, call.status == QLatin1String("in-progress") ? QStringLiteral("completed")
                                                                     : QStringLiteral("canceled"));
    }
}

HttpResponse VoiceSandbox::pressDigits(const HttpRequest &request) {
    const QString sid = request.args.value(0);
    const auto it = m_calls.find(sid);
    if (it == m_calls.end())
        return Sandbox::twilioError(404, 20404,
                                    QStringLiteral("No call %1 in this sandbox.").arg(sid));
    if (isFinal(it->status))
        return Sandbox::twilioError(
            409, 21220,
            QStringLiteral("Call %1 has ended (%2): nobody is there to press keys.")
                .arg(sid, it->status));
    const FormFields *form = request.form();
    const QString digits = form ? FormEncoding::value(*form, QStringLiteral("Digits")) : QString();
    if (digits.isEmpty() || !std::all_of(digits.cbegin(), digits.cend(), [](QChar key) {
            return isKey(key) || key == QLatin1Char('w');
        }))
        return Sandbox::twilioError(
            400, 20001,
            QStringLiteral("Digits must be one or more of 0-9, * and # (w waits half a "
                           "second)."));
    pressKeys(sid, digits); // may dial a leg: `it` is not used after this
    const Call &call = m_calls[sid];
    return HttpResponse::json(200, {{QStringLiteral("call_sid"), sid},
                                    {QStringLiteral("pressed"), digits},
                                    {QStringLiteral("queued"), call.digits},
                                    {QStringLiteral("status"), resourceStatus(call.status)}});
}

void VoiceSandbox::pressKeys(const QString &sid, const QString &keys) {
    const auto it = m_calls.find(sid);
    if (it == m_calls.end() || isFinal(it->status))
        return;
    // Up to the first w now; the rest half a (TwiML) second later, as Twilio's sendDigits.
    const qsizetype pause = keys.indexOf(QLatin1Char('w'));
    const QString now = pause < 0 ? keys : keys.left(pause);
    if (pause >= 0)
        QTimer::singleShot(qMax(1, secondMs() / 2), this,
                           [this, sid, rest = keys.mid(pause + 1)] { pressKeys(sid, rest); });
    if (now.isEmpty())
        return;
    it->digits += now;
    if (SandboxCallScript *script = m_scripts.value(sid))
        script->digitsAvailable();
}

HttpResponse VoiceSandbox::inboundCall(const HttpRequest &request) {
    const FormFields *form = request.form();
    if (!form)
        return Sandbox::twilioError(400, 20001,
                                    QStringLiteral("The request body is not form-encoded."));
    auto value = [form](const char *name) {
        return FormEncoding::value(*form, QLatin1String(name));
    };
    Call call;
    call.direction = QStringLiteral("inbound");
    call.from = value("From");
    call.to = value("To");
    if (call.to.isEmpty() && !m_sandbox.numbers().isEmpty())
        call.to = m_sandbox.numbers().first().phoneNumber;
    call.url = value("Url");
    if (call.url.isEmpty() && !m_publicBase.isEmpty())
        call.url = m_publicBase + VoiceRoutes::voiceResponse();
    call.statusCallback = value("StatusCallback");
    if (call.statusCallback.isEmpty() && !m_publicBase.isEmpty())
        call.statusCallback = m_publicBase + VoiceRoutes::callStatus();
    call.digits = value("SandboxDigits");

    const PhoneNumberCheck from = PhoneNumber::check(call.from);
    if (call.from.isEmpty() || !from.valid || from.e164 != call.from)
        return Sandbox::twilioError(
            400, 21211,
            QStringLiteral("From must be the caller's number in E.164, not '%1'.").arg(call.from));
    if (!m_sandbox.isOwnNumber(call.to))
        return Sandbox::twilioError(
            400, 21211, QStringLiteral("%1 is not one of this account's numbers.").arg(call.to));
    if (!std::all_of(call.digits.cbegin(), call.digits.cend(), isKey))
        return Sandbox::twilioError(400, 20001,
                                    QStringLiteral("SandboxDigits may hold 0-9, * and # only."));
    if (call.url.isEmpty())
        return Sandbox::twilioError(
            409, 21205,
            QStringLiteral("No voice URL is configured for %1 (no console, and no Url given), "
                           "so there is no TwiML to answer the call with.")
                .arg(call.to));
    if (!isHttpUrl(call.url))
        return Sandbox::twilioError(400, 21205,
                                    QStringLiteral("Url is not a valid URL: %1").arg(call.url));
    // An incoming call starts ringing; the console hears of it as it rings and as it goes on.
    call.events = {QStringLiteral("ringing"), QStringLiteral("answered"),
                   QStringLiteral("completed")};
    call.sid = Sandbox::newSid("CA");
    call.status = QStringLiteral("queued");
    call.created = call.updated = m_sandbox.now();
    call.remaining = {QStringLiteral("ringing"), QStringLiteral("in-progress")};
    m_calls.insert(call.sid, call);
    m_order.append(call.sid);
    schedule(call.sid, m_sandbox.statusDelayMs());
    return HttpResponse::json(201, callJson(call));
}

int VoiceSandbox::secondMs() const {
    return m_sandbox.twimlSecondMs();
}

FormFields VoiceSandbox::callParams(const QString &callSid) const {
    return paramsOf(m_calls.value(callSid));
}

void VoiceSandbox::request(const QString &url, const QString &method, const FormFields &params,
                           std::function<void(int, const QByteArray &)> done) {
    send(url, method, params, std::move(done));
}

QDateTime VoiceSandbox::now() const {
    return m_sandbox.now();
}

void VoiceSandbox::documentFetched(const QString &callSid, const QString &url, int httpStatus,
                                   const QByteArray &body) {
    const auto it = m_calls.find(callSid);
    if (it != m_calls.end())
        it->fetchStatus = httpStatus;
    Q_EMIT twimlFetched(callSid, url, httpStatus, body);
}

QChar VoiceSandbox::takeDigit(const QString &callSid) {
    const auto it = m_calls.find(callSid);
    if (it == m_calls.end() || it->digits.isEmpty())
        return {};
    const QChar key = it->digits.at(0);
    it->digits.remove(0, 1);
    return key;
}

void VoiceSandbox::digitsWanted(const QString &callSid, const QString &verb) {
    Q_EMIT waitingForDigits(callSid, verb);
}

QString VoiceSandbox::dial(const QString &parentSid, const Dial &spec) {
    const auto parent = m_calls.constFind(parentSid);
    const PhoneNumberCheck to = PhoneNumber::check(spec.to);
    if (parent == m_calls.cend() || !to.valid)
        return {};
    Call leg;
    leg.sid = Sandbox::newSid("CA");
    leg.parentSid = parentSid;
    leg.direction = QStringLiteral("outbound-dial");
    leg.to = to.e164;
    // Without a callerId the callee sees the caller: the parent's From.
    leg.from = spec.callerId.isEmpty() ? parent->from : spec.callerId;
    leg.statusCallback = spec.statusCallback;
    leg.statusCallbackMethod = spec.statusCallbackMethod.toUpper();
    for (const QString &event : spec.statusCallbackEvents)
        leg.events.insert(event);
    if (leg.events.isEmpty())
        leg.events.insert(QStringLiteral("completed"));
    leg.status = QStringLiteral("queued");
    leg.created = leg.updated = m_sandbox.now();
    leg.remaining = walkTo(leg.to); // the test numbers apply to a leg as to any call
    m_calls.insert(leg.sid, leg);
    m_order.append(leg.sid);
    schedule(leg.sid, m_sandbox.statusDelayMs());
    return leg.sid;
}

SandboxRecording VoiceSandbox::record(const QString &callSid, int seconds, const QString &source,
                                      const QDateTime &started) {
    const SandboxRecording recording = m_recordings.create(callSid, seconds, source, started);
    Q_EMIT recordingMade(callSid, recording.sid);
    return recording;
}

void VoiceSandbox::end(const QString &callSid, const QString &status) {
    const auto it = m_calls.find(callSid);
    if (it == m_calls.end() || isFinal(it->status))
        return;
    if (status != QLatin1String("completed"))
        it->started = {}; // <Reject>: never answered as far as the caller is concerned
    moveTo(*it, status);
}

void VoiceSandbox::note(const QString &callSid, int errorCode, const QString &text) {
    const QString line = errorCode ? QStringLiteral("%1: %2").arg(errorCode).arg(text) : text;
    qCInfo(lcVoice).noquote() << "sandbox call" << callSid << line;
    const auto it = m_calls.find(callSid);
    if (it != m_calls.end())
        it->notes.append(line);
    Q_EMIT noted(callSid, errorCode, text);
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
        const QString sid = it->sid;
        it->remaining.clear(); // from now on its new TwiML decides when it ends
        ++it->step;
        stopScript(sid); // the new TwiML replaces whatever the call was following
        startScript(sid);
        return HttpResponse::json(200, callJson(m_calls.value(sid)));
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
        {QStringLiteral("direction"), c.direction},
        {QStringLiteral("duration"),
         ended ? QJsonValue(QString::number(c.duration)) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("end_time"), dateOrNull(c.ended)},
        {QStringLiteral("forwarded_from"), QJsonValue::Null},
        {QStringLiteral("from"), c.from},
        {QStringLiteral("from_formatted"), PhoneNumber::formatAsYouType(c.from)},
        {QStringLiteral("group_sid"), QJsonValue::Null},
        {QStringLiteral("parent_call_sid"), nullable(c.parentSid)},
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
        {QStringLiteral("record"), c.record},
        {QStringLiteral("recording_status_callback"), nullable(c.recordingStatusCallback)},
        {QStringLiteral("url"), nullable(c.url)},
        {QStringLiteral("twiml_fetch_status"),
         c.fetchStatus ? QJsonValue(c.fetchStatus) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("sandbox_notes"), QJsonArray::fromStringList(c.notes)},
    };
}

} // namespace sb
