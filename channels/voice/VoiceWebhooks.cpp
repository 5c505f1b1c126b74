#include "VoiceWebhooks.h"

#include "CallStatuses.h"
#include "RecordingFeed.h"
#include "RecordingFetcher.h"
#include "VoiceCalls.h"
#include "VoiceLogging.h"
#include "VoiceRecordings.h"
#include "VoiceRoutes.h"
#include "db/Store.h"
#include "db/StoreWorker.h"
#include "messaging/MessageWebhooks.h"
#include "providers/twilio/PhoneNumber.h"
#include "providers/twilio/TwilioResources.h"
#include "providers/twilio/Twiml.h"
#include "providers/twilio/TwimlBuilder.h"
#include "runtime/ChannelContext.h"

namespace sb {

VoiceWebhooks::VoiceWebhooks(ChannelContext &context, RecordingFetcher *fetcher, QObject *parent)
    : QObject(parent)
    , m_store(context.store)
    , m_feed(RecordingFeed::of(context.store))
    , m_fetcher(fetcher)
    , m_clock(context.clock)
    , m_publicBase(context.publicBase) {
    context.server.route(
        "POST", VoiceRoutes::callStatus(),
        [this](const HttpRequest &r, HttpServer::Reply reply) { callStatus(r, reply); });
    context.server.route(
        "POST", VoiceRoutes::recordingComplete(),
        [this](const HttpRequest &r, HttpServer::Reply reply) { recordingComplete(r, reply); });
    context.server.route(
        "POST", VoiceRoutes::bridge(),
        [this](const HttpRequest &r, HttpServer::Reply reply) { bridge(r, reply); });
}

QByteArray VoiceWebhooks::greeting() {
    TwimlBuilder doc(TwimlBuilder::Kind::Voice);
    doc.add(Twiml::say(tr("Hello. This call was placed from the Switchboard console. Goodbye.")));
    doc.add(Twiml::hangup());
    return doc.build().xml;
}

std::optional<QByteArray> VoiceWebhooks::bridgeTwiml(const QString &customer,
                                                     const QString &callerId, bool record,
                                                     const QString &publicBase, QString *error) {
    DialAttributes dial;
    dial.callerId = callerId;
    if (record) {
        dial.record = QStringLiteral("record-from-answer-dual");
        dial.recordingStatusCallback = publicBase + VoiceRoutes::recordingComplete();
    }
    TwimlBuilder doc(TwimlBuilder::Kind::Voice);
    doc.add(Twiml::dial(dial, {Twiml::number(customer)}));
    TwimlDocument built = doc.build();
    if (!built.ok()) {
        *error = built.error;
        return std::nullopt;
    }
    return built.xml;
}

void VoiceWebhooks::bridge(const HttpRequest &request, const HttpServer::Reply &reply) {
    const PhoneNumberCheck customer =
        PhoneNumber::check(request.query.queryItemValue(QStringLiteral("to"), QUrl::FullyDecoded));
    if (!customer.valid)
        return reply(HttpResponse::error(
            400,
            tr("The bridge has no customer's number to dial ('to'): %1").arg(customer.reason)));
    const FormFields *form = request.form();
    const QString callerId = form ? FormEncoding::value(*form, QLatin1String("From")) : QString();
    const bool record =
        request.query.queryItemValue(QStringLiteral("record")) == QLatin1String("true");
    QString error;
    const std::optional<QByteArray> twiml =
        bridgeTwiml(customer.e164, callerId, record, m_publicBase(), &error);
    if (!twiml)
        return reply(HttpResponse::error(500, error));
    reply(HttpResponse::xml(200, *twiml));
}

std::optional<CallStatusUpdate> VoiceWebhooks::statusUpdate(const HttpRequest &request,
                                                            QString *error) {
    const FormFields *form = request.form();
    if (!form) {
        *error = tr("The body is not application/x-www-form-urlencoded.");
        return std::nullopt;
    }
    auto value = [form](const char *name) {
        return FormEncoding::value(*form, QLatin1String(name));
    };
    CallStatusUpdate u;
    u.callSid = value("CallSid");
    u.status = value("CallStatus");
    if (u.callSid.isEmpty() || u.status.isEmpty()) {
        *error = tr("CallSid and CallStatus are required.");
        return std::nullopt;
    }
    if (!CallStatuses::instance().isKnown(u.status)) {
        *error = tr("Unknown CallStatus '%1'.").arg(u.status);
        return std::nullopt;
    }
    u.from = value("From");
    u.to = value("To");
    u.direction = value("Direction");
    u.answeredBy = value("AnsweredBy");
    bool ok = false;
    const int duration = value("CallDuration").toInt(&ok);
    if (ok && duration >= 0)
        u.durationSeconds = duration;
    const int sequence = value("SequenceNumber").toInt(&ok);
    if (ok)
        u.sequence = sequence;
    u.timestamp = parseTwilioDate(value("Timestamp"));
    u.errorCode = value("ErrorCode").toInt();
    return u;
}

void VoiceWebhooks::callStatus(const HttpRequest &request, const HttpServer::Reply &reply) {
    QString error;
    const std::optional<CallStatusUpdate> update = statusUpdate(request, &error);
    if (!update)
        return reply(HttpResponse::error(400, error));
    m_store->run<bool>(
        this,
        [update = *update, now = m_clock()](StoreWorker &w, QString *error) -> std::optional<bool> {
            if (!VoiceCalls::applyStatus(w, update, now, error))
                return std::nullopt;
            w.webhookStored();
            return true;
        },
        MessageWebhooks::answerWhenStored(reply));
}

std::optional<RecordingCallback> VoiceWebhooks::recordingCallback(const HttpRequest &request,
                                                                  QString *error) {
    const FormFields *form = request.form();
    if (!form) {
        *error = tr("The body is not application/x-www-form-urlencoded.");
        return std::nullopt;
    }
    auto value = [form](const char *name) {
        return FormEncoding::value(*form, QLatin1String(name));
    };
    RecordingCallback c;
    c.recordingSid = value("RecordingSid");
    c.callSid = value("CallSid");
    if (c.recordingSid.isEmpty() || c.callSid.isEmpty()) {
        *error = tr("RecordingSid and CallSid are required.");
        return std::nullopt;
    }
    // It names the audio's file: nothing but letters and digits may reach a path.
    if (!VoiceRecordings::isValidSid(c.recordingSid)) {
        *error = tr("RecordingSid '%1' is not a recording SID (letters and digits, like "
                    "RE0123...).")
                     .arg(c.recordingSid.left(80));
        return std::nullopt;
    }
    c.accountSid = value("AccountSid");
    c.recordingUrl = value("RecordingUrl");
    c.status = value("RecordingStatus");
    if (c.status.isEmpty()) // Twilio always sends it; a bare callback means the audio is there
        c.status = QStringLiteral("completed");
    bool ok = false;
    const int duration = value("RecordingDuration").toInt(&ok);
    if (ok && duration >= 0)
        c.durationSeconds = duration;
    c.channels = value("RecordingChannels").toInt();
    c.source = value("RecordingSource");
    c.startTime = parseTwilioDate(value("RecordingStartTime"));
    c.errorCode = value("ErrorCode").toInt();
    return c;
}

void VoiceWebhooks::recordingComplete(const HttpRequest &request, const HttpServer::Reply &reply) {
    QString error;
    const std::optional<RecordingCallback> callback = recordingCallback(request, &error);
    if (!callback)
        return reply(HttpResponse::error(400, error));
    m_store->run<VoiceRecordings::Added>(
        this,
        [feed = m_feed, callback = *callback, now = m_clock()](StoreWorker &w, QString *error) {
            auto added = VoiceRecordings::add(w, callback, now, error);
            if (!added)
                return added;
            w.webhookStored();
            if (added->inserted)
                feed->afterCommit(w, [r = added->recording](RecordingFeed *feed) {
                    Q_EMIT feed->recordingsArrived({r});
                    Q_EMIT feed->recordingsChanged({r});
                });
            return added;
        },
        [this, reply](const StoreResult<VoiceRecordings::Added> &stored) {
            if (!stored.ok()) {
                qCWarning(lcVoice).noquote() << "recording not stored:" << stored.error;
                return reply(HttpResponse::error(
                    500, tr("The recording could not be stored; Twilio will retry it.")));
            }
            reply(HttpResponse::xml(200, MessageWebhooks::emptyTwiml()));
            // A retry of a callback whose download stalled starts it again (the fetcher
            // ignores one it is already working on).
            if (m_fetcher && stored.value.recording.downloadState == QLatin1String("pending"))
                QMetaObject::invokeMethod(
                    m_fetcher,
                    [fetcher = m_fetcher, r = stored.value.recording] { fetcher->fetch(r); });
        });
}

} // namespace sb
