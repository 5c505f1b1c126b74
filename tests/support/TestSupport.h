#pragma once

#include "http/FormEncoding.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QUrl>

#include <memory>

namespace sb {
class Sandbox;
}

namespace sbtest {

// Plugs every built-in channel's part into a sandbox a test made itself (the service does
// this for its own sandbox); inbound messages go to `consoleBase`'s webhooks when given.
void addChannels(sb::Sandbox &sandbox, const QString &consoleBase = QString());

// ../shared beside the checkout (or $SWITCHBOARD_SHARED_DIR); empty when absent, and the
// tests that need it skip with a message saying so.
QString sharedDir();
#define SB_REQUIRE_SHARED(path)                                                                    \
    if (sbtest::sharedDir().isEmpty() || !QFile::exists(sbtest::sharedDir() + path))               \
    QSKIP("../shared is absent (a user's clone has none): skipping the reference-data test")

QString binDir(); // where switchboard and switchboard-sandbox were built
// The environment for a `switchboard --headless` child: this process's, minus any
// credentials, public URL or fault a developer's shell may carry, plus its data directory,
// port and local-API token, and the fault to inject (SWITCHBOARD_FAULT) when given.
QProcessEnvironment childEnv(const QString &dataDir, quint16 port, const QString &apiToken,
                             const QString &fault = {});
quint16 freePort();

class Child;
// Prism, the OpenAPI mock server: $SWITCHBOARD_PRISM or where ./scripts/test installs it;
// empty when it is not there (the tests that need it skip with a message).
QString prismPath();
// Starts `prism mock` for the spec file on a free loopback port and sets *base to its URL;
// wait for it with child.waitForHttp(*base, ...) (a large spec takes seconds to load).
bool startPrism(Child &child, const QString &specFile, QUrl *base);
// Twilio's official Node helper library (the twilio npm package, which ./scripts/test installs
// under build/twilio-node, or $SWITCHBOARD_TWILIO_NODE): why it cannot run here, empty when it
// can.
QString twilioNodeMissing();
#define SB_REQUIRE_TWILIO_NODE()                                                                   \
    if (const QString missing = sbtest::twilioNodeMissing(); !missing.isEmpty())                   \
    QSKIP(qPrintable(missing))
// Runs `script` under node with the helper on NODE_PATH and `env` added, turning this thread's
// event loop meanwhile (a server under test may answer on it). The script prints one JSON
// object as its last line; *out gets it. False, with *error holding node's output, when it
// failed, printed no object, or took longer than `timeoutMs`.
bool runTwilioNode(const QByteArray &script, const QProcessEnvironment &env, QJsonObject *out,
                   QString *error, int timeoutMs = 60000);

#define SB_REQUIRE_PRISM_INSTALLED()                                                               \
    if (sbtest::prismPath().isEmpty())                                                             \
    QSKIP("Prism is not installed (./scripts/test installs it with npm)")

struct Reply {
    int status = 0;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    QJsonObject json() const;
    QByteArray header(const QByteArray &name) const;
};

// Real HTTP over loopback with a real QNetworkAccessManager; waits with an event loop so the
// server under test (on its own thread, or this one) keeps running.
class Http {
public:
    Reply request(const QByteArray &verb, const QUrl &url, const QByteArray &body = {},
                  const QList<QPair<QByteArray, QByteArray>> &headers = {}, int timeoutMs = 15000);
    Reply get(const QUrl &url, const QList<QPair<QByteArray, QByteArray>> &headers = {}) {
        return request("GET", url, {}, headers);
    }
    Reply postForm(const QUrl &url, const sb::FormFields &fields,
                   QList<QPair<QByteArray, QByteArray>> headers = {});
    Reply postJson(const QUrl &url, const QJsonObject &json,
                   QList<QPair<QByteArray, QByteArray>> headers = {});

private:
    QNetworkAccessManager m_nam;
};

// The sandbox account's HTTP Basic credentials, as a header value.
QByteArray sandboxBasicAuth(const sb::Sandbox &sandbox);
// How many messages the sandbox at `base` holds per body: what was really sent, once or not.
QHash<QString, int> sandboxCopies(Http &http, const sb::Sandbox &sandbox, const QUrl &base);

// Sends raw bytes on a TCP connection and collects what comes back until the server closes or
// the timeout passes; for the cases a well-behaved client library cannot produce.
QByteArray rawExchange(quint16 port, const QByteArray &bytes, int timeoutMs = 5000,
                       int pauseAfterHeadersMs = 0);

// Sends one raw request and returns the first complete response (headers and Content-Length
// body), without waiting for the server to close the connection.
QByteArray rawRequest(quint16 port, const QByteArray &bytes, int timeoutMs = 5000);

// A child process (switchboard-sandbox, switchboard --headless, Prism) killed at scope exit.
class Child {
public:
    Child() = default;
    ~Child();
    bool start(const QString &program, const QStringList &args,
               const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());
    bool waitForLine(const QByteArray &prefix, QByteArray *line, int timeoutMs = 15000);
    bool waitForHttp(const QUrl &url, int timeoutMs = 30000);
    QByteArray output() const { return m_output; }
    QProcess &process() { return *m_process; }
    int waitForExit(int timeoutMs = 15000);

private:
    std::unique_ptr<QProcess> m_process;
    QByteArray m_output;
};

} // namespace sbtest
