// SendGrid's signed Event Webhook on any timestamp, signature and body
// ("timestamp\nsignature\nbody"): never crash, and a batch signed with the key pair is always
// accepted while fresh.
#include "FuzzInput.h"
#include "providers/sendgrid/SendGridEventSigner.h"
#include "providers/sendgrid/SendGridEventValidator.h"

#include <cstdint>
#include <cstdlib>

namespace {
const sb::SendGridEventSigner &signer() {
    static const sb::SendGridEventSigner keys;
    return keys;
}
constexpr qint64 Now = 1700000000;
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    sbfuzz::FuzzInput input(data, size);
    const QByteArray timestamp = input.line();
    const QByteArray signature = input.line();
    const QByteArray body = input.rest();
    const sb::SendGridEventValidator validator(signer().publicKeyBase64(), 600, [] { return Now; });
    validator.check(timestamp, signature, body);
    const QByteArray fresh = QByteArray::number(Now - 5);
    if (validator.check(fresh, signer().sign(fresh, body), body).kind !=
        sb::SendGridEventVerdict::Kind::Valid)
        std::abort(); // its own signature refused
    // Any key text configured: refused or usable, never a crash.
    sb::SendGridEventValidator(signature).check(timestamp, signature, body);
    return 0;
}
