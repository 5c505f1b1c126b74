#include "VoiceChannel.h"

#include "CallStatuses.h"
#include "RecordingFetcher.h"
#include "SandboxKeypadApi.h"
#include "VoiceApi.h"
#include "VoiceCalls.h"
#include "VoiceRoutes.h"
#include "VoiceSandbox.h"
#include "VoiceWebhooks.h"
#include "ivr/IvrApi.h"
#include "ivr/IvrVersions.h"
#include "ivr/IvrWebhooks.h"
#include "providers/twilio/TwilioClient.h"
#include "runtime/ChannelContext.h"
#include "sandbox/SandboxContext.h"

#include <QCoreApplication>
#include <QDir>

namespace sb {

QString VoiceChannel::displayName() const {
    return QCoreApplication::translate("VoiceChannel", "Voice");
}

const StatusModel &VoiceChannel::statuses() const {
    return CallStatuses::instance();
}

QList<QStringList> VoiceChannel::schema() const {
    // Steps are applied in this order and never edited once released: new steps go last.
    return VoiceCalls::schema() + IvrVersions::schema();
}

QString VoiceChannel::recordingsFolder(const Config &config) {
    return QDir(config.dataDir).filePath(QStringLiteral("recordings"));
}

void VoiceChannel::addRoutes(ChannelContext &context) const {
    // The recordings' downloads run beside the TwilioClient they use, on the network thread
    // (already running), and are deleted with it; made here, moved there, then adopted there.
    RecordingFetcher *fetcher = nullptr;
    if (context.twilio) {
        fetcher =
            new RecordingFetcher(context.store, context.twilio, recordingsFolder(context.config),
                                 context.clock, RecordingFetcher::Options{});
        fetcher->moveToThread(context.twilio->thread());
        QMetaObject::invokeMethod(fetcher, [fetcher, owner = context.twilio] {
            fetcher->setParent(owner);
            fetcher->resume(); // what an earlier run left pending
        });
    }
    new VoiceWebhooks(context, fetcher, context.parent);
    new VoiceApi(context, context.parent);
    new SandboxKeypadApi(context, context.parent);
    new IvrWebhooks(context, context.parent);
    new IvrApi(context, context.parent);
}

void VoiceChannel::addToSandbox(SandboxContext &context) const {
    VoiceSandbox::install(context.sandbox(), context.publicBase());
}

QList<WebhookEndpoint> VoiceChannel::webhooks() const {
    return {{VoiceRoutes::voiceResponse(),
             QCoreApplication::translate("VoiceChannel",
                                         "your number's \"A call comes in\" webhook (TwiML)")},
            {VoiceRoutes::callStatus(),
             QCoreApplication::translate("VoiceChannel",
                                         "call status callbacks (sent with each call)")},
            {VoiceRoutes::recordingComplete(),
             QCoreApplication::translate("VoiceChannel",
                                         "recording status callbacks (recordingStatusCallback)")}};
}

QList<ThreadSource> VoiceChannel::threadSources() const {
    // A call with the contact's number either way; its text is the talk time (m:ss) once
    // known, its status the call's own (CallStatuses labels it).
    return {{Id, ThreadItem::Kind::Call, VoiceCalls::Table,
             QStringLiteral(
                 "SELECT id, coalesce(sid, ''), CASE WHEN direction = 'inbound' THEN 'inbound' "
                 "ELSE 'outbound' END, from_number, to_number, CASE WHEN duration >= 0 THEN "
                 "printf('%d:%02d', duration / 60, duration % 60) ELSE '' END, status, "
                 "error_code, error_message, created_at FROM voice_calls WHERE (from_number = "
                 ":number OR to_number = :number) AND created_at <= :before_at")}};
}

QList<QStringList> VoiceChannel::contactSchema() const {
    return {
        // 1: a contact's calls found by number
        {
            QStringLiteral("CREATE INDEX voice_calls_from ON voice_calls(from_number)"),
            QStringLiteral("CREATE INDEX voice_calls_to ON voice_calls(to_number)"),
        },
    };
}

std::shared_ptr<const Channel> makeVoiceChannel() {
    return std::make_shared<VoiceChannel>();
}

} // namespace sb
