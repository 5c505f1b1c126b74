#pragma once

#include "ChannelUi.h"
#include "inbox/ReplyRoute.h"
#include "whatsapp/ServiceWindow.h"

namespace sb {

class WhatsAppSender;

// The inbox's replies on WhatsApp: free text only inside the contact's 24-hour window (the
// rule is ServiceWindow's, read on the service's clock), through WhatsAppSender, the same path
// as the WhatsApp tab and the local API, which checks the window again before anything goes.
class WhatsAppReplyRoute : public ReplyRoute {
    Q_OBJECT
public:
    WhatsAppReplyRoute(const ConsoleContext &context, QObject *parent = nullptr);

    QString channel() const override;
    QString title() const override;
    QString problem(const Contact &contact, const QString &body) const override;
    bool freeTextAllowed(const Contact &contact) const override;
    QString state(const Contact &contact) const override;
    MediaLimits mediaLimits() const override { return MediaLimits::whatsApp(); }
    void send(const QString &number, const QString &body, const Extras &extras, Done done) override;

private:
    ServiceWindow::Reading window(const Contact &contact) const;

    ServiceWindow::Clock m_clock;
    WhatsAppSender *m_sender;
    QString m_from;
};

} // namespace sb
