#pragma once

#include "ChannelUi.h"

namespace sb {

// WhatsApp in the console: its tab (WhatsAppTab), third after Calls and SMS, with a simulated
// customer (and their profile name) in sandbox mode.
class WhatsAppChannelUi : public ChannelUi {
public:
    QString id() const override;
    QString title() const override;
    int order() const override { return 30; }
    bool canSimulateIncoming() const override { return true; }
    ChannelTab *makeTab(const ConsoleContext &context, QWidget *parent) const override;
    ReplyRoute *makeReplyRoute(const ConsoleContext &context, QObject *parent) const override;
};

std::shared_ptr<const ChannelUi> makeWhatsAppChannelUi();

} // namespace sb
