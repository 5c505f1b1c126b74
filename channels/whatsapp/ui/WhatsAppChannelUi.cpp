#include "WhatsAppChannelUi.h"

#include "WhatsAppReplyRoute.h"

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

ReplyRoute *WhatsAppChannelUi::makeReplyRoute(const ConsoleContext &context,
                                              QObject *parent) const {
    return new WhatsAppReplyRoute(context, parent);
}

std::shared_ptr<const ChannelUi> makeWhatsAppChannelUi() {
    return std::make_shared<WhatsAppChannelUi>();
}

} // namespace sb
