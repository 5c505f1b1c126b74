#include "ServiceUnderFuzz.h"

#include "FuzzInput.h"
#include "LoopbackClient.h"
#include "ServiceFixture.h"
#include "config/Config.h"
#include "http/FormEncoding.h"
#include "providers/twilio/SignatureValidator.h"
#include "runtime/SwitchboardService.h"

#include <QCoreApplication>
#include <QHostInfo>
#include <QTemporaryDir>

#include <cstdio>
#include <cstdlib>

namespace sbfuzz {
namespace {

constexpr char ApiToken[] = "fuzz-api-token";

struct Running {
    QTemporaryDir dir;
    std::unique_ptr<sb::SwitchboardService> service;
    std::unique_ptr<LoopbackClient> console;
    std::unique_ptr<LoopbackClient> sandbox;
};

// Made on first use; stopped at exit before Qt's own statics go (an atexit handler registered
// after they were made runs before they are destroyed), so no thread of the service outlives
// what it uses. Statics Qt makes lazily later would go first, so the ones the service's
// threads touch while stopping are made here: the host-lookup manager, which a callback to a
// named host leaves busy and stopping aborts.
Running &running() {
    static Running *r = [] {
        static int argc = 1;
        static char name[] = "fuzz";
        static char *argv[] = {name, nullptr};
        new QCoreApplication(argc, argv);
        QHostInfo::abortHostLookup(-1); // makes the lookup manager; aborts nothing
        auto *state = new Running;
        QString error;
        state->service = sbtest::startService(state->dir.path(), QString::fromLatin1(ApiToken),
                                              QProcessEnvironment(), {}, &error);
        if (!state->service) {
            std::fprintf(stderr, "fuzz: the service did not start: %s\n", qPrintable(error));
            std::abort();
        }
        state->console = std::make_unique<LoopbackClient>(state->service->port());
        state->sandbox =
            std::make_unique<LoopbackClient>(quint16(state->service->sandboxUrl().port()));
        std::atexit([] {
            delete &running(); // the clients, the service (its threads stopped), the folder
            delete QCoreApplication::instance();
        });
        return state;
    }();
    return *r;
}

bool under(const QByteArray &target, const char *prefix) {
    return target.startsWith(prefix);
}

} // namespace

void ServiceUnderFuzz::send(Server server, const uint8_t *data, size_t size) {
    Running &r = running();
    const sb::Config &config = r.service->config();
    FuzzInput input(data, size);
    // "{A}" stands for the account SID (in the Twilio API's paths), unknown to the seeds.
    const QByteArray requestLine = input.line().replace("{A}", config.accountSid.toLatin1());
    const qsizetype space = requestLine.indexOf(' ');
    const QByteArray target = space < 0 ? QByteArray() : requestLine.mid(space + 1);
    const QByteArray body = input.rest();

    QByteArray head = requestLine + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    head += body.startsWith('{') || body.startsWith('[')
                ? "Content-Type: application/json\r\n"
                : "Content-Type: application/x-www-form-urlencoded\r\n";
    if (server == Server::Console) {
        head += QByteArray("Authorization: Bearer ") + ApiToken + "\r\n";
        sb::FormFields form;
        if (under(target, "/twilio/") && sb::FormEncoding::decode(body, &form)) {
            const QString url = r.service->publicUrl().toString(QUrl::StripTrailingSlash) +
                                QString::fromLatin1(target);
            head += "X-Twilio-Signature: " +
                    sb::SignatureValidator::sign(config.authToken.toUtf8(), url, form) + "\r\n";
        }
    } else if (under(target, "/v3/")) {
        head += "Authorization: Bearer " + config.sendgridApiKey.toUtf8() + "\r\n";
    } else {
        head += "Authorization: Basic " +
                (config.accountSid + QLatin1Char(':') + config.authToken).toUtf8().toBase64() +
                "\r\n";
    }
    head += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n";
    (server == Server::Console ? r.console : r.sandbox)->send(head + body);
}

} // namespace sbfuzz
