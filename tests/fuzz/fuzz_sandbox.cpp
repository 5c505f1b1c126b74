// Every endpoint of the built-in sandbox (Twilio's Messages, Calls, numbers, Content and
// Messaging APIs, SendGrid's mail/send and templates, the /sandbox/ controls), reached over
// loopback with the sandbox's credentials: any input gets an answer, never a crash, a
// sanitizer report or a hang. See ServiceUnderFuzz for the input's form.
#include "ServiceUnderFuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    sbfuzz::ServiceUnderFuzz::send(sbfuzz::ServiceUnderFuzz::Server::Sandbox, data, size);
    return 0;
}
