#include "VoiceApi.h"

#include "CallStatuses.h"
#include "RecordingFeed.h"
#include "VoiceCalls.h"
#include "VoiceLogging.h"
#include "VoiceRecordings.h"
#include "VoiceRoutes.h"
#include "api/AgentField.h"
#include "api/FieldErrors.h"
#include "api/JsonRequest.h"
#include "api/KeysetPage.h"
#include "api/LocalApi.h"
#include "api/MessageApi.h"
#include "db/Store.h"
#include "db/StoreWorker.h"
#include "providers/twilio/PhoneNumber.h"
#include "providers/twilio/TwilioClient.h"
#include "runtime/ChannelContext.h"

#include <QFile>
#include <QJsonArray>
#include <QUrl>

namespace sb {

namespace {

QJsonValue isoOrNull(const QDateTime &time) {
    return time.isValid() ? QJsonValue(MessageApi::iso(time)) : QJsonValue(QJsonValue::Null);
}

} // namespace

VoiceApi::VoiceApi(ChannelContext &context, QObject *parent)
    : QObject(parent)
    , m_store(context.store)
    , m_feed(RecordingFeed::of(context.store))
    , m_twilio(context.twilio)
    , m_clock(context.clock)
    , m_publicBase(context.publicBase)
    , m_defaultFrom(context.config.phoneNumber)
    , m_agentPhone(context.config.agentPhone)
    , m_placer(context.store, context.twilio, context.clock) {
    m_placer.setAgent(context.config.agentName);
    context.server.route(
        "POST", LocalApi::path(VoiceRoutes::initiateCall()),
        [this](const HttpRequest &r, HttpServer::Reply reply) { initiate(r, reply); });
    context.server.route(
        "POST", LocalApi::path(VoiceRoutes::clickToCall()),
        [this](const HttpRequest &r, HttpServer::Reply reply) { clickToCall(r, reply); });
    context.server.route(
        "GET", LocalApi::path(VoiceRoutes::callStatusOf()),
        [this](const HttpRequest &r, HttpServer::Reply reply) { status(r.args.value(0), reply); });
    context.server.route("GET", LocalApi::path(VoiceRoutes::calls()),
                         [this](const HttpRequest &r, HttpServer::Reply reply) { list(r, reply); });
    context.server.route("GET", LocalApi::path(VoiceRoutes::recordingOf()),
                         [this](const HttpRequest &r, HttpServer::Reply reply) {
                             audio(r.args.value(0), r.args.value(1), reply);
                         });
    context.server.route("DELETE", LocalApi::path(VoiceRoutes::recordingOf()),
                         [this](const HttpRequest &r, HttpServer::Reply reply) {
                             removeRecording(r.args.value(0), r.args.value(1), reply);
                         });
}

QJsonObject VoiceApi::recordingJson(const QString &callSid, int n, const RecordingRecord &r) {
    const bool downloaded = r.downloadState == QLatin1String("downloaded");
    QJsonObject json{{QStringLiteral("n"), n},
                     {QStringLiteral("sid"), r.sid},
                     {QStringLiteral("status"), r.status},
                     {QStringLiteral("duration"), r.durationSeconds >= 0
                                                      ? QJsonValue(r.durationSeconds)
                                                      : QJsonValue(QJsonValue::Null)},
                     {QStringLiteral("channels"), r.channels},
                     {QStringLiteral("source"), r.source},
                     {QStringLiteral("startTime"), isoOrNull(r.startTime)},
                     {QStringLiteral("downloaded"), downloaded},
                     {QStringLiteral("download"), r.downloadState},
                     {QStringLiteral("url"),
                      LocalApi::path(VoiceRoutes::recordingOf(callSid, QString::number(n)))}};
    if (downloaded)
        json.insert(QStringLiteral("bytes"), r.audioBytes);
    if (!r.downloadError.isEmpty())
        json.insert(QStringLiteral("downloadError"), r.downloadError);
    if (r.errorCode != 0)
        json.insert(QStringLiteral("errorCode"), r.errorCode);
    return json;
}

int VoiceApi::indexOf(const QList<RecordingRecord> &recordings, const QString &n) {
    bool number = false;
    const int position = n.toInt(&number);
    if (number)
        return position >= 1 && position <= recordings.size() ? position - 1 : -1;
    for (int i = 0; i < recordings.size(); ++i) {
        if (recordings.at(i).sid == n)
            return i;
    }
    return -1;
}

void VoiceApi::withRecording(const QString &callSid, const QString &n,
                             const HttpServer::Reply &reply,
                             std::function<void(const RecordingRecord &)> found) {
    VoiceCalls::call(
        m_store, callSid, this,
        [reply, callSid, n, found](const StoreResult<std::optional<CallRecord>> &call) {
            if (!call.ok())
                return reply(
                    HttpResponse::error(500, tr("The call could not be read: %1").arg(call.error)));
            if (!call.value)
                return reply(
                    HttpResponse::error(404, tr("No call %1 is known here.").arg(callSid)));
            const QList<RecordingRecord> &recordings = call.value->recordings;
            const int index = indexOf(recordings, n);
            if (index < 0)
                return reply(HttpResponse::error(
                    404,
                    tr("Call %1 has no recording %2 (it has %n recording(s); give 1 to %n in "
                       "the order recorded, or a RecordingSid).",
                       nullptr, int(recordings.size()))
                        .arg(callSid, n),
                    {{QStringLiteral("recordings"), int(recordings.size())}}));
            found(recordings.at(index));
        });
}

HttpResponse VoiceApi::serveAudio(const RecordingRecord &recording) {
    const QJsonObject about{{QStringLiteral("sid"), recording.sid},
                            {QStringLiteral("download"), recording.downloadState}};
    if (recording.downloadState == QLatin1String("pending")) {
        HttpResponse r = HttpResponse::error(
            503,
            recording.downloadError.isEmpty()
                ? tr("The audio of %1 is being downloaded from Twilio; try again shortly.")
                      .arg(recording.sid)
                : tr("The audio of %1 is not downloaded yet: %2")
                      .arg(recording.sid, recording.downloadError),
            about);
        r.headers.append({QByteArray("Retry-After"), QByteArray("5")});
        return r;
    }
    if (recording.downloadState == QLatin1String("failed"))
        return HttpResponse::error(
            409,
            tr("The audio of %1 could not be downloaded and is not tried again: %2")
                .arg(recording.sid, recording.downloadError),
            about);
    if (recording.downloadState != QLatin1String("downloaded"))
        return HttpResponse::error(409,
                                   tr("Twilio has no audio for %1 (its recording status is '%2').")
                                       .arg(recording.sid, recording.status),
                                   about);
    QFile file(recording.audioPath);
    if (!file.open(QIODevice::ReadOnly))
        return HttpResponse::error(500,
                                   tr("The audio of %1 was downloaded but cannot be read: %2")
                                       .arg(recording.sid, file.errorString()),
                                   about);
    if (file.size() > MaxServedBytes)
        return HttpResponse::error(
            500,
            tr("The audio of %1 is %2 bytes, more than the %3 this API serves; it is in %4.")
                .arg(recording.sid)
                .arg(file.size())
                .arg(MaxServedBytes)
                .arg(recording.audioPath),
            about);
    HttpResponse r{200, "audio/wav", file.read(MaxServedBytes), {}};
    r.headers.append({QByteArray("Content-Disposition"),
                      "inline; filename=\"" + recording.sid.toLatin1() + ".wav\""});
    return r;
}

void VoiceApi::audio(const QString &callSid, const QString &n, const HttpServer::Reply &reply) {
    withRecording(callSid, n, reply,
                  [reply](const RecordingRecord &recording) { reply(serveAudio(recording)); });
}

void VoiceApi::removeRecording(const QString &callSid, const QString &n,
                               const HttpServer::Reply &reply) {
    if (!m_twilio)
        return reply(
            HttpResponse::error(503, tr("No Twilio client: recordings cannot be deleted.")));
    withRecording(callSid, n, reply, [this, reply](const RecordingRecord &recording) {
        auto deleted = [this, reply, recording](const TwilioResult<bool> &result) {
            // Already gone at Twilio (404): the local copy goes too.
            if (!result.ok() && result.error.httpStatus != 404)
                return reply(LocalApi::errorResponse(result.error));
            m_store->run<bool>(
                this,
                [feed = m_feed, recording](StoreWorker &w, QString *error) -> std::optional<bool> {
                    if (!VoiceRecordings::remove(w, recording.sid, error))
                        return std::nullopt;
                    RecordingRecord gone = recording;
                    gone.downloadState = QStringLiteral("deleted");
                    feed->afterCommit(
                        w, [gone](RecordingFeed *feed) { Q_EMIT feed->recordingsChanged({gone}); });
                    return true;
                },
                [reply, recording](const StoreResult<bool> &removed) {
                    if (!removed.ok())
                        return reply(HttpResponse::error(
                            500, tr("%1 was deleted at Twilio but its row here could not be "
                                    "removed: %2")
                                     .arg(recording.sid, removed.error)));
                    if (!recording.audioPath.isEmpty() && QFile::exists(recording.audioPath) &&
                        !QFile::remove(recording.audioPath))
                        qCWarning(lcVoice).noquote()
                            << "recording" << recording.sid
                            << "deleted, its file stays:" << recording.audioPath;
                    reply(HttpResponse::empty(204));
                });
        };
        QMetaObject::invokeMethod(m_twilio,
                                  [twilio = m_twilio, sid = recording.sid, me = Receiver(this),
                                   deleted] { twilio->deleteRecording(sid, me, deleted); });
    });
}

QJsonObject VoiceApi::callJson(const CallRecord &call) {
    const StatusInfo info = CallStatuses::instance().info(call.status);
    QJsonArray history;
    for (const CallEvent &e : call.history)
        history.append(
            QJsonObject{{QStringLiteral("status"), e.status},
                        {QStringLiteral("label"), CallStatuses::instance().info(e.status).label},
                        {QStringLiteral("at"), isoOrNull(e.at)},
                        // Learned by reconciliation (a fetch), not from Twilio's callback.
                        {QStringLiteral("source"),
                         e.polled ? QStringLiteral("poll") : QStringLiteral("webhook")}});
    QJsonArray recordings;
    for (int i = 0; i < call.recordings.size(); ++i)
        recordings.append(recordingJson(call.sid, i + 1, call.recordings.at(i)));
    QJsonObject json{
        {QStringLiteral("callSid"), call.sid},
        {QStringLiteral("status"), call.status},
        {QStringLiteral("label"), info.label},
        {QStringLiteral("meaning"), info.meaning},
        {QStringLiteral("final"), info.final},
        {QStringLiteral("direction"), call.direction},
        {QStringLiteral("from"), call.from},
        {QStringLiteral("to"), call.to},
        {QStringLiteral("url"), call.url},
        {QStringLiteral("answeredBy"),
         call.answeredBy.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(call.answeredBy)},
        {QStringLiteral("duration"), call.durationSeconds >= 0 ? QJsonValue(call.durationSeconds)
                                                               : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("dateCreated"), isoOrNull(call.created)},
        {QStringLiteral("dateUpdated"), isoOrNull(call.updated)},
        {QStringLiteral("agent"),
         call.agent.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(call.agent)},
        {QStringLiteral("history"), history},
        {QStringLiteral("recordings"), recordings}};
    if (call.errorCode != 0)
        json.insert(QStringLiteral("errorCode"), call.errorCode);
    return json;
}

std::optional<VoiceApi::Parties> VoiceApi::parties(const QJsonObject &json,
                                                   FieldErrors &errors) const {
    auto checkNumber = [&](const QString &field, const QString &input) {
        if (errors.has(field))
            return PhoneNumberCheck{};
        const PhoneNumberCheck check = PhoneNumber::check(input);
        if (!check.valid)
            errors.add(field, check.reason);
        return check;
    };
    const PhoneNumberCheck to =
        checkNumber(QStringLiteral("to"), json.value(QLatin1String("to")).toString());
    QString fromInput = json.value(QLatin1String("from")).toString();
    if (fromInput.isEmpty())
        fromInput = m_defaultFrom;
    PhoneNumberCheck from;
    if (fromInput.isEmpty() && !errors.has(QStringLiteral("from")))
        errors.add(QStringLiteral("from"),
                   tr("No 'from' given and TWILIO_PHONE_NUMBER is not set."));
    else
        from = checkNumber(QStringLiteral("from"), fromInput);
    if (!to.valid || !from.valid)
        return std::nullopt;
    return Parties{to.e164, from.e164};
}

void VoiceApi::initiate(const HttpRequest &request, const HttpServer::Reply &reply) {
    FieldErrors errors;
    const std::optional<QJsonObject> parsed = JsonRequest::object(request.body, errors);
    if (!parsed)
        return reply(errors.response());
    const QJsonObject &json = *parsed;
    JsonRequest::expectStrings(json, {"to", "from", "url"}, errors);
    const QJsonValue record = json.value(QLatin1String("record"));
    if (!record.isUndefined() && !record.isNull() && !record.isBool())
        errors.add(QStringLiteral("record"), tr("Must be true or false."));
    const std::optional<Parties> numbers = parties(json, errors);
    const QString urlInput = json.value(QLatin1String("url")).toString().trimmed();
    if (!urlInput.isEmpty() && !errors.has(QStringLiteral("url"))) {
        const QUrl url(urlInput, QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty() ||
            (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http")))
            errors.add(QStringLiteral("url"),
                       tr("Must be an absolute http or https URL that answers with TwiML, e.g. "
                          "https://example.com/twiml; leave it out to run the console's own."));
    }
    const QString agent = AgentField::read(json, errors);
    if (!errors.isEmpty() || !numbers)
        return reply(errors.response());

    CallRequest call;
    call.clientRef = QString::fromUtf8(request.header("Idempotency-Key")).left(200);
    call.agent = agent;
    call.to = numbers->to;
    call.from = numbers->from;
    call.url = urlInput.isEmpty() ? m_publicBase() + VoiceRoutes::voiceResponse() : urlInput;
    call.record = record.toBool(false);
    place(call, reply);
}

void VoiceApi::clickToCall(const HttpRequest &request, const HttpServer::Reply &reply) {
    FieldErrors errors;
    const std::optional<QJsonObject> parsed = JsonRequest::object(request.body, errors);
    if (!parsed)
        return reply(errors.response());
    const QJsonObject &json = *parsed;
    JsonRequest::expectStrings(json, {"to", "from"}, errors);
    const QJsonValue record = json.value(QLatin1String("record"));
    if (!record.isUndefined() && !record.isNull() && !record.isBool())
        errors.add(QStringLiteral("record"), tr("Must be true or false."));
    if (m_agentPhone.isEmpty())
        errors.add(QStringLiteral("agentPhone"),
                   tr("No agent phone to ring first: set SWITCHBOARD_AGENT_PHONE (File ▸ "
                      "Settings ▸ Your own phone) to the phone you answer calls on."));
    const std::optional<Parties> numbers = parties(json, errors);
    const QString agent = AgentField::read(json, errors);
    if (!errors.isEmpty() || !numbers)
        return reply(errors.response());

    CallRequest call;
    call.clientRef = QString::fromUtf8(request.header("Idempotency-Key")).left(200);
    call.agent = agent;
    call.to = m_agentPhone;
    call.from = numbers->from;
    call.url = bridgeUrl(m_publicBase(), numbers->to, record.toBool(false));
    place(call, reply);
}

QString VoiceApi::bridgeUrl(const QString &publicBase, const QString &customer, bool record) {
    return publicBase + VoiceRoutes::bridge() + QStringLiteral("?to=") +
           QString::fromLatin1(QUrl::toPercentEncoding(customer)) + QStringLiteral("&record=") +
           (record ? QStringLiteral("true") : QStringLiteral("false"));
}

void VoiceApi::place(const CallRequest &call, const HttpServer::Reply &reply) {
    m_placer.place(call, m_publicBase(), this, [reply](const CallPlacement &placed) {
        using Outcome = CallPlacement::Outcome;
        switch (placed.outcome) {
        case Outcome::NotStored:
            return reply(HttpResponse::error(500, placed.problem()));
        case Outcome::AlreadyRequested:
            return reply(answerExisting(placed.call));
        case Outcome::NoClient:
            return reply(HttpResponse::error(503, placed.problem()));
        case Outcome::Ambiguous:
            return reply(HttpResponse::error(
                LocalApi::httpStatusFor(placed.error),
                tr("Twilio's answer was lost (%1): the call may or may not have been placed. "
                   "It is not dialled again by itself; the same Idempotency-Key answers "
                   "409 rather than ringing the customer twice.")
                    .arg(placed.error.explanation()),
                {{QStringLiteral("dialled"), QStringLiteral("unknown")}}));
        case Outcome::Refused:
            return reply(LocalApi::errorResponse(placed.error));
        case Outcome::CreatedNotStored:
            return reply(HttpResponse::error(500, placed.problem(),
                                             {{QStringLiteral("callSid"), placed.callSid}}));
        case Outcome::Created:
            return reply(HttpResponse::json(201, callJson(placed.call)));
        }
    });
}

HttpResponse VoiceApi::answerExisting(const CallRecord &call) {
    if (call.requestState == QLatin1String("created")) {
        QJsonObject json = callJson(call);
        json.insert(QStringLiteral("replayed"), true);
        return HttpResponse::json(200, json);
    }
    if (call.requestState == QLatin1String("refused"))
        return HttpResponse::error(
            409,
            tr("A call with this Idempotency-Key was refused by Twilio: %1").arg(call.errorMessage),
            {{QStringLiteral("code"), call.errorCode}, {QStringLiteral("dialled"), false}});
    return HttpResponse::error(
        409,
        tr("A call with this Idempotency-Key was requested and its outcome is not known "
           "(Twilio did not answer, or the console stopped meanwhile). It is not dialled "
           "again, so the customer cannot be rung twice; check the calls list on Twilio."),
        {{QStringLiteral("dialled"), QStringLiteral("unknown")}});
}

void VoiceApi::status(const QString &callSid, const HttpServer::Reply &reply) {
    VoiceCalls::call(m_store, callSid, this,
                     [reply, callSid](const StoreResult<std::optional<CallRecord>> &found) {
                         if (!found.ok())
                             return reply(HttpResponse::error(
                                 500, tr("The call could not be read: %1").arg(found.error)));
                         if (!found.value)
                             return reply(HttpResponse::error(
                                 404, tr("No call %1 is known here.").arg(callSid)));
                         reply(HttpResponse::json(200, callJson(*found.value)));
                     });
}

void VoiceApi::list(const HttpRequest &request, const HttpServer::Reply &reply) {
    FieldErrors errors;
    const KeysetPage page = KeysetPage::fromQuery(request.query, errors);
    if (!errors.isEmpty())
        return reply(errors.response());
    m_store->run<QList<CallRecord>>(
        this,
        [page](StoreWorker &w, QString *error) {
            return VoiceCalls::page(w, page.beforeId, page.limit + 1, error);
        },
        [reply, limit = page.limit](const StoreResult<QList<CallRecord>> &found) {
            if (!found.ok())
                return reply(HttpResponse::error(
                    500, tr("The calls could not be read: %1").arg(found.error)));
            QJsonArray calls;
            for (qsizetype i = 0; i < found.value.size() && i < limit; ++i)
                calls.append(callJson(found.value[i]));
            reply(HttpResponse::json(
                200, {{QStringLiteral("calls"), calls},
                      {QStringLiteral("next"),
                       KeysetPage::next(found.value, limit,
                                        [](const CallRecord &c) { return c.id; })}}));
        });
}

} // namespace sb
