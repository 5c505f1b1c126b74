#include "ReceiveMode.h"

#include "account/PublicReach.h"
#include "config/Config.h"

#include <QCoreApplication>

namespace sb {

QString ReceiveMode::name() const {
    return polling() ? QStringLiteral("polling") : QStringLiteral("webhooks");
}

ReceiveMode ReceiveMode::decide(const Config &config, const QUrl &publicUrl, quint16 port) {
    switch (config.receive) {
    case Config::Receive::Webhooks:
        return {Kind::Webhooks,
                ReceiveMode::tr("SWITCHBOARD_RECEIVE is webhooks: Twilio's webhooks are "
                                "expected at %1.")
                    .arg(publicUrl.toString())};
    case Config::Receive::Polling:
        return {Kind::Polling,
                ReceiveMode::tr("SWITCHBOARD_RECEIVE is polling: Switchboard asks Twilio for "
                                "new messages and statuses every few seconds.")};
    case Config::Receive::Auto:
        break;
    }
    if (config.sandbox)
        return {Kind::Webhooks,
                ReceiveMode::tr("The built-in sandbox delivers its webhooks on this computer.")};
    // A stand-in for Twilio on this computer or network (TWILIO_API_BASE_URL, e.g. a mock
    // server) reaches a local URL as well as the console does.
    if (!PublicReach::problem(config.twilioApiBase).isEmpty())
        return {Kind::Webhooks,
                ReceiveMode::tr("Twilio's API is at %1, on this computer or its network: it "
                                "reaches this console at %2.")
                    .arg(config.twilioApiBase.toString(), publicUrl.toString())};
    const QString problem = PublicReach::problem(publicUrl, port);
    if (problem.isEmpty())
        return {Kind::Webhooks,
                ReceiveMode::tr("Twilio reaches this console at %1.").arg(publicUrl.toString())};
    return {Kind::Polling,
            problem + QLatin1Char(' ') +
                ReceiveMode::tr("Until then Switchboard asks Twilio for new messages and "
                                "statuses every few seconds; calls need the public URL.")};
}

} // namespace sb
