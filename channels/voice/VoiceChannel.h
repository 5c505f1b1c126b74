#pragma once

#include "config/Config.h"
#include "runtime/Channel.h"

namespace sb {

// Voice: calls placed through the local API's initiate-call (from TWILIO_PHONE_NUMBER unless
// given), their statuses on /twilio/call-status kept as a timeline that never moves backwards,
// the TwiML a call runs on /twilio/voice-response, and the sandbox's Calls resource. Calls are
// not messages: they have their own tables (VoiceCalls) and statuses (CallStatuses).
class VoiceChannel : public Channel {
public:
    static constexpr QLatin1String Id{"voice"};

    QString id() const override { return Id; }
    QString displayName() const override;
    const StatusModel &statuses() const override; // CallStatuses
    QList<QStringList> schema() const override;   // VoiceCalls' tables
    void addRoutes(ChannelContext &context) const override;
    void addToSandbox(SandboxContext &context) const override;
    QList<WebhookEndpoint> webhooks() const override;
    QList<ThreadSource> threadSources() const override; // its calls, in a contact's thread
    QList<QStringList> contactSchema() const override;  // its index, calls making contacts

    // Where recordings' audio is kept: <data folder>/recordings/<RecordingSid>.wav.
    static QString recordingsFolder(const Config &config);
};

std::shared_ptr<const Channel> makeVoiceChannel();

} // namespace sb
