#include "SandboxRecordings.h"

#include "SandboxWav.h"
#include "providers/twilio/TwilioResources.h"
#include "sandbox/Sandbox.h"

#include <QJsonArray>
#include <QJsonObject>

namespace sb {

SandboxRecordings::SandboxRecordings(Sandbox &sandbox)
    : m_sandbox(sandbox) {}

void SandboxRecordings::install() {
    const QString base = QStringLiteral("/2010-04-01/Accounts/{sid}");
    m_sandbox.addRoute("GET", base + QStringLiteral("/Calls/{sid}/Recordings.json"),
                       [this](const HttpRequest &r, auto reply) { reply(list(r)); });
    for (const char *method : {"GET", "DELETE"}) {
        // "{sid}" takes the extension too: .json, .wav, .mp3 or none are told apart in one().
        m_sandbox.addRoute(method, base + QStringLiteral("/Calls/{sid}/Recordings/{sid}"),
                           [this](const HttpRequest &r, auto reply) {
                               reply(one(r, r.args.value(1), r.args.value(2)));
                           });
        m_sandbox.addRoute(method, base + QStringLiteral("/Recordings/{sid}"),
                           [this](const HttpRequest &r, auto reply) {
                               reply(one(r, QString(), r.args.value(1)));
                           });
    }
}

SandboxRecording SandboxRecordings::create(const QString &callSid, int seconds,
                                           const QString &source, const QDateTime &started) {
    SandboxRecording r;
    r.sid = Sandbox::newSid("RE");
    r.callSid = callSid;
    r.source = source;
    r.seconds = qMax(0, seconds);
    r.started = started;
    r.created = m_sandbox.now();
    r.mediaUrl =
        m_sandbox.baseUrl() +
        QStringLiteral("/2010-04-01/Accounts/%1/Recordings/%2").arg(m_sandbox.accountSid(), r.sid);
    m_recordings.insert(r.sid, r);
    m_order.append(r.sid);
    return r;
}

FormFields SandboxRecordings::completedCallbackParams(const QString &accountSid,
                                                      const SandboxRecording &recording) {
    return {{QStringLiteral("AccountSid"), accountSid},
            {QStringLiteral("CallSid"), recording.callSid},
            {QStringLiteral("RecordingSid"), recording.sid},
            {QStringLiteral("RecordingUrl"), recording.mediaUrl},
            {QStringLiteral("RecordingStatus"), QStringLiteral("completed")},
            {QStringLiteral("RecordingDuration"), QString::number(recording.seconds)},
            {QStringLiteral("RecordingChannels"), QStringLiteral("1")},
            {QStringLiteral("RecordingSource"), recording.source},
            {QStringLiteral("RecordingStartTime"), formatTwilioDate(recording.started)},
            {QStringLiteral("ErrorCode"), QStringLiteral("0")}};
}

HttpResponse SandboxRecordings::notFound(const HttpRequest &request) const {
    return Sandbox::twilioError(
        404, 20404, QStringLiteral("The requested resource %1 was not found").arg(request.path));
}

HttpResponse SandboxRecordings::list(const HttpRequest &request) const {
    const QString callSid = request.args.value(1);
    QJsonArray recordings;
    for (auto it = m_order.crbegin(); it != m_order.crend(); ++it) { // newest first
        const auto found = m_recordings.constFind(*it);
        if (found != m_recordings.cend() && found->callSid == callSid)
            recordings.append(json(*found));
    }
    // One page holds them all: a call has a handful of recordings at most.
    const QString uri = QStringLiteral("/2010-04-01/Accounts/%1/Calls/%2/Recordings.json")
                            .arg(m_sandbox.accountSid(), callSid);
    const QString page = uri + QStringLiteral("?PageSize=50&Page=0");
    return HttpResponse::json(200, {{QStringLiteral("recordings"), recordings},
                                    {QStringLiteral("page"), 0},
                                    {QStringLiteral("page_size"), 50},
                                    {QStringLiteral("start"), 0},
                                    {QStringLiteral("end"), int(recordings.size()) - 1},
                                    {QStringLiteral("uri"), page},
                                    {QStringLiteral("first_page_uri"), page},
                                    {QStringLiteral("next_page_uri"), QJsonValue::Null},
                                    {QStringLiteral("previous_page_uri"), QJsonValue::Null}});
}

HttpResponse SandboxRecordings::one(const HttpRequest &request, const QString &callSid,
                                    const QString &name) {
    const qsizetype dot = name.indexOf(QLatin1Char('.'));
    const QString sid = dot < 0 ? name : name.left(dot);
    const QString extension = dot < 0 ? QString() : name.mid(dot + 1).toLower();
    const auto it = m_recordings.find(sid);
    if (it == m_recordings.end() || (!callSid.isEmpty() && it->callSid != callSid))
        return notFound(request);
    if (extension == QLatin1String("json")) {
        if (request.method == "GET")
            return HttpResponse::json(200, json(*it));
        m_order.removeOne(sid);
        m_recordings.erase(it);
        return HttpResponse::empty(204);
    }
    if (request.method != "GET")
        return notFound(request); // Twilio deletes through the .json resource only
    if (extension == QLatin1String("mp3"))
        // Twilio transcodes to MP3 on request; the sandbox has no MP3 encoder (and writing one
        // is out of proportion), so it says so in Twilio's shape rather than serve a WAV under
        // an .mp3 name that a player would reject.
        return Sandbox::twilioError(
            404, 20404,
            QStringLiteral("The requested resource %1 was not found: the sandbox serves "
                           "recordings as WAV only (no extension, or .wav)")
                .arg(request.path));
    if (!extension.isEmpty() && extension != QLatin1String("wav"))
        return notFound(request);
    HttpResponse audio;
    audio.status = 200;
    audio.contentType = QByteArrayLiteral("audio/x-wav"); // as Twilio serves it
    audio.body = SandboxWav::tone(it->seconds);
    return audio;
}

QJsonObject SandboxRecordings::json(const SandboxRecording &r) const {
    return {{QStringLiteral("account_sid"), m_sandbox.accountSid()},
            {QStringLiteral("api_version"), QStringLiteral("2010-04-01")},
            {QStringLiteral("call_sid"), r.callSid},
            {QStringLiteral("conference_sid"), QJsonValue::Null},
            {QStringLiteral("date_created"), formatTwilioDate(r.created)},
            {QStringLiteral("date_updated"), formatTwilioDate(r.created)},
            {QStringLiteral("start_time"), formatTwilioDate(r.started)},
            {QStringLiteral("duration"), QString::number(r.seconds)},
            {QStringLiteral("sid"), r.sid},
            {QStringLiteral("price"), QJsonValue::Null},
            {QStringLiteral("price_unit"), QStringLiteral("USD")},
            {QStringLiteral("status"), QStringLiteral("completed")},
            {QStringLiteral("channels"), 1},
            {QStringLiteral("source"), r.source},
            {QStringLiteral("error_code"), QJsonValue::Null},
            {QStringLiteral("encryption_details"), QJsonValue::Null},
            {QStringLiteral("track"), QStringLiteral("both")},
            {QStringLiteral("uri"),
             QStringLiteral("/2010-04-01/Accounts/%1/Calls/%2/Recordings/%3.json")
                 .arg(m_sandbox.accountSid(), r.callSid, r.sid)}};
}

} // namespace sb
