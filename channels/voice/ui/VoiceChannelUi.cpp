#include "VoiceChannelUi.h"

#include "CallsTab.h"
#include "voice/VoiceChannel.h"

#include <QCoreApplication>

namespace sb {

QString VoiceChannelUi::id() const {
    return VoiceChannel::Id;
}

QString VoiceChannelUi::title() const {
    return QCoreApplication::translate("VoiceChannelUi", "Calls");
}

ChannelTab *VoiceChannelUi::makeTab(const ConsoleContext &context, QWidget *parent) const {
    return new CallsTab(context, parent);
}

std::shared_ptr<const ChannelUi> makeVoiceChannelUi() {
    return std::make_shared<VoiceChannelUi>();
}

} // namespace sb
