#include "IvrWebhooks.h"

#include "IvrMenu.h"
#include "IvrTwiml.h"
#include "IvrVersions.h"
#include "db/Store.h"
#include "db/StoreWorker.h"
#include "outbox/Outbox.h"
#include "providers/twilio/PhoneNumber.h"
#include "providers/twilio/SmsSegments.h"
#include "runtime/ChannelContext.h"
#include "sms/SmsChannel.h"
#include "sms/SmsRoutes.h"
#include "voice/VoiceLogging.h"
#include "voice/VoiceRoutes.h"

namespace sb {

namespace {

QString field(const HttpRequest &request, const char *name) {
    const FormFields *form = request.form();
    return form ? FormEncoding::value(*form, QLatin1String(name)) : QString();
}

bool outbound(const HttpRequest &request) {
    return field(request, "Direction").startsWith(QLatin1String("outbound"));
}

} // namespace

IvrWebhooks::IvrWebhooks(ChannelContext &context, QObject *parent)
    : QObject(parent)
    , m_store(context.store)
    , m_outbox(context.outbox)
    , m_clock(context.clock)
    , m_publicBase(context.publicBase)
    , m_phoneNumber(context.config.phoneNumber) {
    context.server.route(
        "POST", VoiceRoutes::voiceResponse(),
        [this](const HttpRequest &r, HttpServer::Reply reply) { voiceResponse(r, reply); });
    context.server.route(
        "POST", VoiceRoutes::gatherResponse(),
        [this](const HttpRequest &r, HttpServer::Reply reply) { gatherResponse(r, reply); });
}

QString IvrWebhooks::callerId(const HttpRequest &request) const {
    // The console's side of the call: To on a call coming in, From on one it placed.
    const QString ours = field(request, outbound(request) ? "From" : "To");
    return ours.startsWith(QLatin1Char('+')) ? ours : m_phoneNumber;
}

void IvrWebhooks::voiceResponse(const HttpRequest &request, const HttpServer::Reply &reply) {
    const QString callSid = field(request, "CallSid");
    if (callSid.isEmpty())
        return reply(HttpResponse::error(400, tr("CallSid is required.")));
    m_store->run<IvrVersion>(
        this,
        [callSid, now = m_clock()](StoreWorker &w, QString *error) {
            return IvrVersions::startCall(w, callSid, now, error);
        },
        [this, request, reply](const StoreResult<IvrVersion> &found) {
            if (!found.ok()) {
                qCWarning(lcVoice).noquote() << "IVR not read:" << found.error;
                return reply(
                    HttpResponse::error(500, tr("The IVR could not be read; Twilio will retry.")));
            }
            const IvrTwiml ivr(IvrConfig::fromJson(found.value.json), found.value.version,
                               m_publicBase(), callerId(request));
            answer(ivr.start(m_clock()), request, reply);
        });
}

void IvrWebhooks::gatherResponse(const HttpRequest &request, const HttpServer::Reply &reply) {
    const QString callSid = field(request, "CallSid");
    if (callSid.isEmpty())
        return reply(HttpResponse::error(400, tr("CallSid is required.")));
    auto query = [&request](const char *name) {
        return request.query.queryItemValue(QLatin1String(name), QUrl::FullyDecoded);
    };
    bool versionOk = false;
    const qint64 urlVersion = query("v").toLongLong(&versionOk);
    IvrStep step;
    step.node = query("node");
    step.digits = field(request, "Digits");
    step.silence = query("silence").toInt();
    step.step = query("step");
    step.dialStatus = field(request, "DialCallStatus");
    m_store->run<IvrVersion>(
        this,
        [callSid, urlVersion](StoreWorker &w, QString *error) {
            return IvrVersions::forCall(w, callSid, urlVersion, error);
        },
        [this, request, reply, step](const StoreResult<IvrVersion> &found) {
            if (!found.ok()) {
                qCWarning(lcVoice).noquote() << "IVR not read:" << found.error;
                return reply(
                    HttpResponse::error(500, tr("The IVR could not be read; Twilio will retry.")));
            }
            // A version that is not stored (never happens unless the URL was made elsewhere):
            // the caller hears so rather than another menu.
            const IvrConfig config =
                found.value.found ? IvrConfig::fromJson(found.value.json) : IvrConfig();
            const IvrTwiml ivr(config, found.value.version, m_publicBase(), callerId(request));
            IvrStep nowhere;
            nowhere.node = QStringLiteral("-"); // no menu: "not available", then hang up
            answer(ivr.next(found.value.found ? step : nowhere), request, reply);
        });
}

void IvrWebhooks::answer(const IvrAnswer &answer, const HttpRequest &request,
                         const HttpServer::Reply &reply) {
    const TwimlDocument doc = answer.document();
    if (!doc.ok()) {
        qCWarning(lcVoice).noquote() << "IVR TwiML refused:" << doc.error;
        return reply(HttpResponse::error(500, tr("The IVR's TwiML could not be built.")));
    }
    const QString customer = field(request, outbound(request) ? "To" : "From");
    if (answer.sms && !PhoneNumber::check(customer).valid)
        qCInfo(lcVoice).noquote() << "IVR SMS not sent: the caller's number is withheld or not "
                                     "a phone number";
    else if (answer.sms && m_outbox) {
        OutboundDraft draft;
        draft.channel = SmsChannel::Id;
        draft.statusCallback = SmsRoutes::status();
        draft.to = PhoneNumber::check(customer).e164;
        draft.from = callerId(request);
        draft.body = *answer.sms;
        draft.segments = SmsSegments::count(draft.body).segments;
        // One SMS per call and key, however often Twilio retries or the caller presses it.
        draft.clientRef = QStringLiteral("ivr:%1:%2").arg(field(request, "CallSid"), answer.smsKey);
        // Not waited for: the caller hears the confirmation while the outbox sends (it keeps
        // the message and retries on its own).
        QMetaObject::invokeMethod(m_outbox, [outbox = m_outbox, draft, me = Receiver(this)] {
            outbox->send(draft, me, [](const SendOutcome &outcome) {
                if (outcome.error.isError())
                    qCInfo(lcVoice).noquote() << "IVR SMS not sent:" << outcome.error.explanation();
            });
        });
    }
    reply(HttpResponse::xml(200, doc.xml));
}

} // namespace sb
