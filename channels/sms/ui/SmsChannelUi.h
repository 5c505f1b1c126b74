#pragma once

#include "ChannelUi.h"

namespace sb {

// SMS in the console: its tab (SmsTab), second after Calls, with a simulated customer in
// sandbox mode.
class SmsChannelUi : public ChannelUi {
public:
    QString id() const override;
    QString title() const override;
    int order() const override { return 20; }
    bool canSimulateIncoming() const override { return true; }
    ChannelTab *makeTab(const ConsoleContext &context, QWidget *parent) const override;
    ReplyRoute *makeReplyRoute(const ConsoleContext &context, QObject *parent) const override;
};

std::shared_ptr<const ChannelUi> makeSmsChannelUi();

} // namespace sb
