#include "SmsChannelUi.h"

#include "SmsReplyRoute.h"

#include "SmsTab.h"
#include "sms/SmsChannel.h"

#include <QCoreApplication>

namespace sb {

QString SmsChannelUi::id() const {
    return SmsChannel::Id;
}

QString SmsChannelUi::title() const {
    return QCoreApplication::translate("SmsChannelUi", "SMS");
}

ChannelTab *SmsChannelUi::makeTab(const ConsoleContext &context, QWidget *parent) const {
    return new SmsTab(context, parent);
}

ReplyRoute *SmsChannelUi::makeReplyRoute(const ConsoleContext &context, QObject *parent) const {
    return new SmsReplyRoute(context, parent);
}

std::shared_ptr<const ChannelUi> makeSmsChannelUi() {
    return std::make_shared<SmsChannelUi>();
}

} // namespace sb
