#include "WhatsAppChannelUi.h"

#include "WhatsAppTab.h"
#include "whatsapp/WhatsAppChannel.h"

#include <QCoreApplication>

namespace sb {

QString WhatsAppChannelUi::id() const {
    return WhatsAppChannel::Id;
}

QString WhatsAppChannelUi::title() const {
    return QCoreApplication::translate("WhatsAppChannelUi", "WhatsApp");
}

ChannelTab *WhatsAppChannelUi::makeTab(const ConsoleContext &context, QWidget *parent) const {
    return new WhatsAppTab(context, parent);
}

std::shared_ptr<const ChannelUi> makeWhatsAppChannelUi() {
    return std::make_shared<WhatsAppChannelUi>();
}

} // namespace sb
