#pragma once

#include "sandbox/SandboxChannel.h"

namespace sb {

// WhatsApp in the sandbox: messages between whatsapp: addresses, from the sandbox's WhatsApp
// sender (Twilio's own sandbox number) or the account's numbers as WhatsApp senders.
// - Refused at once as Twilio refuses them: a From that is no WhatsApp sender of the account
//   (63007), From and To on different channels (21910), an invalid To (21211), an unknown
//   ContentSid (21655), ContentVariables that are no JSON object of values (21656).
// - Accepted, then `queued → sent → delivered → read`, each with a signed status callback.
// - The 24-hour window, from the customer's last message to that sender (Sandbox::lastInbound
//   on the sandbox's clock): outside it free text, and any template WhatsApp has not approved,
//   is accepted and then `failed` with 63016, as Twilio reports it. An approved template's
//   text is filled in from its variables (and the template's defaults).
// - POST /sandbox/inbound with Channel=whatsapp (From as whatsapp:+E164 or +E164, Body,
//   ProfileName, To defaulting to the sandbox's sender) posts the signed webhook Twilio would,
//   with ProfileName and WaId.
// install() also serves the account's Content templates (SandboxContentApi).
class WhatsAppSandbox : public SandboxChannel {
public:
    static void install(Sandbox &sandbox);
    // Twilio's WhatsApp sandbox number, the sender of sandbox mode.
    static QString sender() { return QStringLiteral("whatsapp:+14155238886"); }

    QString id() const override;
    bool owns(const QString &from, const QString &to) const override;
    SandboxVerdict outbound(const SandboxSend &send, const Sandbox &sandbox) const override;
    bool acceptsMedia(const QString &contentType) const override;
    std::optional<SandboxArrival> inbound(const FormFields &request, const Sandbox &sandbox,
                                          int *errorCode, QString *error) const override;
};

} // namespace sb
