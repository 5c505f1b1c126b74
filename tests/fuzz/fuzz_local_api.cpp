// Every route the console serves (the Local API's JSON requests, Twilio's signed webhooks,
// /media, /metrics), reached over loopback with valid credentials: any input gets an answer,
// never a crash, a sanitizer report or a hang. See ServiceUnderFuzz for the input's form.
#include "ServiceUnderFuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    sbfuzz::ServiceUnderFuzz::send(sbfuzz::ServiceUnderFuzz::Server::Console, data, size);
    return 0;
}
