#pragma once

#include "ChannelUi.h"

namespace sb {

// Calls in the console: the Calls tab (CallsTab), first of the channels' tabs.
class VoiceChannelUi : public ChannelUi {
public:
    QString id() const override;
    QString title() const override;
    int order() const override { return 10; }
    ChannelTab *makeTab(const ConsoleContext &context, QWidget *parent) const override;
};

std::shared_ptr<const ChannelUi> makeVoiceChannelUi();

} // namespace sb
