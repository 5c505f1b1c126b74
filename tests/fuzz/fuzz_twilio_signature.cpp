// X-Twilio-Signature checks on any URL, signature and body ("URL\nsignature\nbody"): never
// crash, and a request signed with the token is always accepted (form or JSON webhook).
#include "FuzzInput.h"
#include "http/FormEncoding.h"
#include "providers/twilio/SignatureValidator.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    sbfuzz::FuzzInput input(data, size);
    const QString url = QString::fromUtf8(input.line());
    const QByteArray signature = input.line();
    const QByteArray body = input.rest();
    const QByteArray token = "12345678901234567890123456789012";
    const sb::SignatureValidator validator(token);

    sb::FormFields form;
    const bool isForm = sb::FormEncoding::decode(body, &form);
    validator.check(url, body, isForm ? &form : nullptr, signature);
    if (isForm && !url.contains(QLatin1String("bodySHA256="))) {
        const QByteArray good = sb::SignatureValidator::sign(token, url, form);
        if (!validator.validate(url, body, good))
            std::abort(); // its own signature refused
        if (validator.check(url, body, &form, good) != sb::SignatureValidator::Verdict::Valid)
            std::abort();
    }
    return 0;
}
