#pragma once

#include "ChannelUi.h"

namespace sb {

// Email in the console: the Email tab (EmailTab), after WhatsApp.
class EmailChannelUi : public ChannelUi {
public:
    QString id() const override;
    QString title() const override;
    int order() const override { return 40; }
    ChannelTab *makeTab(const ConsoleContext &context, QWidget *parent) const override;
};

std::shared_ptr<const ChannelUi> makeEmailChannelUi();

} // namespace sb
