#pragma once

#include "http/HttpServer.h"

#include <QCoreApplication>
#include <QObject>
#include <QUrl>

class QNetworkAccessManager;

namespace sb {

struct ChannelContext;

// The local API's keypad for simulated calls:
//   POST calls/{callSid}/digits {"digits": "12#"}
// presses the keys on a sandbox call in progress, as its caller would on their phone, by
// forwarding them to the sandbox's POST /sandbox/calls/{CallSid}/digits. Keys are 0-9, * and
// #; w waits half a second, as in Twilio's sendDigits. 200 with what was pressed; 400 for
// other keys; 404 for a call the sandbox does not know; 409 for a call that has ended, or
// whenever the console is not in sandbox mode (a real call's caller presses their own keys).
// Lives on the server thread, like every route object.
class SandboxKeypadApi : public QObject {
    Q_OBJECT
public:
    SandboxKeypadApi(ChannelContext &context, QObject *parent = nullptr);

    static constexpr int MaxKeys = 64;
    // Why `digits` cannot be pressed, in plain words; empty when it can.
    static QString problemWith(const QString &digits);

private:
    void press(const QString &callSid, const HttpRequest &request, const HttpServer::Reply &reply);

    const bool m_sandbox;
    const QUrl m_sandboxUrl;
    const QString m_accountSid;
    const QString m_authToken; // the sandbox's own, made up at start
    QNetworkAccessManager *m_nam = nullptr;
};

} // namespace sb
