#pragma once

#include <QByteArray>

#include <cstddef>
#include <cstdint>

namespace sbfuzz {

// The console as the product runs it (every built-in channel, sandbox mode, its data in a
// fresh folder), started once per fuzzing process, and a request sent to it over loopback.
// An input is "METHOD target\nbody": the request line as sent (it may be anything; "{A}" in
// it becomes the account SID) and the body. The harness adds what a real client would: Host,
// Content-Length, a Content-Type (JSON when the body starts with '{' or '[', a form
// otherwise) and the credentials the target's server takes, so inputs reach the handlers
// rather than stop at authentication:
// - console (Local API, webhooks, /media, /metrics): the API token; under /twilio/ the
//   X-Twilio-Signature of the URL and form, computed with the account's auth token;
// - sandbox (/2010-04-01/, /v1/, /sandbox/): Twilio's Basic auth; under /v3/ SendGrid's
//   Bearer API key.
class ServiceUnderFuzz {
public:
    enum class Server { Console, Sandbox };
    // Starts the service on first use; aborts when it cannot.
    static void send(Server server, const uint8_t *data, size_t size);
};

} // namespace sbfuzz
