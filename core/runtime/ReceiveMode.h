#pragma once

#include <QCoreApplication>
#include <QString>
#include <QUrl>

namespace sb {

struct Config;

// How Twilio's news (inbound messages, status changes) reaches the console: by its webhooks,
// or, when Twilio could never reach this console (no public URL, as behind NAT without a
// tunnel), by polling its REST API (MessagePoller). SWITCHBOARD_RECEIVE chooses; "auto", the
// default, decides by the public URL. The reason is one sentence for the agent.
struct ReceiveMode {
    Q_DECLARE_TR_FUNCTIONS(ReceiveMode)

public:
    enum class Kind { Webhooks, Polling };
    Kind kind = Kind::Webhooks;
    QString reason;

    bool polling() const { return kind == Kind::Polling; }
    // "webhooks" or "polling", as SWITCHBOARD_RECEIVE and the API spell them.
    QString name() const;

    // `publicUrl` is the one webhooks would be addressed to, `port` the listening one.
    static ReceiveMode decide(const Config &config, const QUrl &publicUrl, quint16 port);
};

} // namespace sb
