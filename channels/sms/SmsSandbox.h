#pragma once

#include "sandbox/SandboxChannel.h"

namespace sb {

// SMS in the sandbox: messages between plain E.164 numbers. Twilio's magic test numbers and
// ours for delivery failures (TestNumbers), the From number checked against the account's
// numbers, `queued → sending → sent → delivered` (or the failure), and a customer's SMS posted
// to the number's "A message comes in" URL.
class SmsSandbox : public SandboxChannel {
public:
    QString id() const override;
    bool owns(const QString &from, const QString &to) const override;
    SandboxVerdict outbound(const SandboxSend &send, const Sandbox &sandbox) const override;
    bool acceptsMedia(const QString &contentType) const override;
    std::optional<SandboxArrival> inbound(const FormFields &request, const Sandbox &sandbox,
                                          int *errorCode, QString *error) const override;
};

} // namespace sb
