#include "VoiceChannel.h"

#include "CallReconciler.h"

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
    return VoiceCalls::schema() + IvrVersions::schema() + VoiceCalls::eventSourceSchema() +
           VoiceCalls::agentSchema();
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
    if (context.twilio && context.config.reconcileAfterS > 0) {
        // Calls whose status callback never came are asked for, as messages are.
        auto *reconciler =
            new CallReconciler(context.store, context.twilio, context.clock,
                               CallReconciler::optionsFor(context.config.reconcileAfterS));
        reconciler->setMetrics(context.metrics);
        reconciler->moveToThread(context.twilio->thread());
        QMetaObject::invokeMethod(reconciler, [reconciler, owner = context.twilio] {
            reconciler->setParent(owner);
            reconciler->start();
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
    return {
        {VoiceRoutes::voiceResponse(),
         QCoreApplication::translate("VoiceChannel",
                                     "your number's \"A call comes in\" webhook (TwiML)"),
         QStringLiteral("VoiceUrl")},
        {VoiceRoutes::callStatus(),
         QCoreApplication::translate("VoiceChannel", "call status callbacks (sent with each call)"),
         QStringLiteral("StatusCallback")},
        {VoiceRoutes::recordingComplete(),
         QCoreApplication::translate("VoiceChannel",
                                     "recording status callbacks (recordingStatusCallback)")}};
}

QList<ThreadSource> VoiceChannel::threadSources() const {
    // A call with the contact's number either way; its text is the talk time (m:ss, spelt
    // out for both stores: PostgreSQL has no printf) once known, its status the call's own
    // (CallStatuses labels it).
    return {{Id, ThreadItem::Kind::Call, VoiceCalls::Table,
             QStringLiteral(
                 "SELECT id, coalesce(sid, ''), CASE WHEN direction = 'inbound' THEN 'inbound' "
                 "ELSE 'outbound' END, from_number, to_number, CASE WHEN duration >= 0 THEN "
                 "(duration / 60) || ':' || CASE WHEN duration % 60 < 10 THEN '0' ELSE '' END || "
                 "(duration % 60) ELSE '' END, status, "
                 "error_code, error_message, created_at FROM voice_calls WHERE (from_number = "
                 ":number OR to_number = :number) AND created_at <= :before_at")}};
}

namespace {

// The customer's number of a call (row alias `c`): the caller of an inbound call, the callee
// of an outbound one; only a phone number (not a "client:" or "sip:" address) makes a contact.
QString remoteOf(const QString &c) {
    return QStringLiteral("(CASE WHEN %1.direction = 'inbound' THEN %1.from_number ELSE "
                          "%1.to_number END)")
        .arg(c);
}

// A call of the contact's at `at`: the contact made if none yet, its newest item moved to the
// call when the call is newer (its text empty: the list shows "Call"), "voice" added to its
// channels, the number recorded as one of its addresses.
QString callTouchesContact(const QString &number, const QString &at) {
    return QStringLiteral(
               "INSERT INTO contacts (number, last_at, last_text, last_channel, channels) "
               "VALUES (%1, %2, '', 'voice', ',voice,') ON CONFLICT(number) DO UPDATE SET "
               "last_at = max(last_at, excluded.last_at), "
               "last_text = CASE WHEN excluded.last_at >= last_at THEN '' ELSE last_text END, "
               "last_channel = CASE WHEN excluded.last_at >= last_at THEN 'voice' ELSE "
               "last_channel END, "
               "channels = CASE WHEN instr(channels, ',voice,') > 0 THEN channels WHEN "
               "channels = '' THEN ',voice,' ELSE channels || 'voice,' END; "
               "INSERT OR IGNORE INTO contact_addresses (address, contact_id) SELECT %1, id FROM "
               "contacts WHERE number = %1;")
        .arg(number, at);
}

} // namespace

QList<QStringList> VoiceChannel::contactSchema() const {
    const QString remote = remoteOf(QStringLiteral("NEW"));
    const QString isPhone = QStringLiteral("%1 LIKE '+%'").arg(remote);
    return {
        // 1: a contact's calls found by number
        {
            QStringLiteral("CREATE INDEX voice_calls_from ON voice_calls(from_number)"),
            QStringLiteral("CREATE INDEX voice_calls_to ON voice_calls(to_number)"),
        },
        // 2: a call makes or updates its number's contact as a message does (a number that
        // only ever called gets one too); calls stored so far first.
        {
            QStringLiteral(
                "INSERT INTO contacts (number, last_at, last_text, last_channel, channels) "
                "SELECT number, max(created_at), '', 'voice', ',voice,' FROM (SELECT %1 AS "
                "number, created_at FROM voice_calls c) WHERE number LIKE '+%' GROUP BY number "
                "ON CONFLICT(number) DO UPDATE SET "
                "last_at = max(last_at, excluded.last_at), "
                "last_text = CASE WHEN excluded.last_at >= last_at THEN '' ELSE last_text END, "
                "last_channel = CASE WHEN excluded.last_at >= last_at THEN 'voice' ELSE "
                "last_channel END, "
                "channels = CASE WHEN instr(channels, ',voice,') > 0 THEN channels WHEN "
                "channels = '' THEN ',voice,' ELSE channels || 'voice,' END")
                .arg(remoteOf(QStringLiteral("c"))),
            QStringLiteral("INSERT OR IGNORE INTO contact_addresses (address, contact_id) SELECT "
                           "DISTINCT %1, k.id FROM voice_calls c JOIN contacts k ON k.number = "
                           "%1 WHERE %1 LIKE '+%'")
                .arg(remoteOf(QStringLiteral("c"))),
            QStringLiteral("CREATE TRIGGER voice_inbox_call_added AFTER INSERT ON voice_calls "
                           "WHEN %1 BEGIN %2 END")
                .arg(isPhone, callTouchesContact(remote, QStringLiteral("NEW.created_at"))),
            // A call first heard of without its numbers gets them later.
            QStringLiteral("CREATE TRIGGER voice_inbox_call_numbered AFTER UPDATE OF direction, "
                           "from_number, to_number ON voice_calls WHEN %1 AND %2 IS NOT %3 "
                           "BEGIN %4 END")
                .arg(isPhone, remote, remoteOf(QStringLiteral("OLD")),
                     callTouchesContact(remote, QStringLiteral("NEW.created_at"))),
            // The inbox reads a contact's newest item again from its messages when one is
            // deleted or moved, lowering last_at: a newer call of theirs is the newest then.
            QStringLiteral(
                "CREATE TRIGGER voice_inbox_contact_recomputed AFTER UPDATE OF last_at ON "
                "contacts WHEN NEW.last_at < OLD.last_at BEGIN UPDATE contacts SET last_at = "
                "c.created_at, last_text = '', last_channel = 'voice' FROM (SELECT created_at "
                "FROM voice_calls WHERE from_number = NEW.number OR to_number = NEW.number ORDER "
                "BY created_at DESC LIMIT 1) c WHERE contacts.id = NEW.id AND c.created_at > "
                "NEW.last_at; END"),
        },
    };
}

std::shared_ptr<const Channel> makeVoiceChannel() {
    return std::make_shared<VoiceChannel>();
}

} // namespace sb
