#pragma once

#include <QCoreApplication>
#include <QString>
#include <QUrl>

namespace sb {

// Whether Twilio could ever reach a URL: it calls from the public internet, so a loopback,
// private, link-local or carrier-grade NAT address (or a name only a LAN resolves, such as
// localhost or *.local) can never receive its webhooks.
class PublicReach {
    Q_DECLARE_TR_FUNCTIONS(PublicReach)
public:
    // Empty when Twilio could reach `url`; otherwise why not, and how to get a public URL,
    // in words for the agent (the listening port helps name the tunnel command).
    static QString problem(const QUrl &url, quint16 listeningPort = 0);
};

} // namespace sb
