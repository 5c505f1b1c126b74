#include "EmailChannelUi.h"

#include "EmailTab.h"
#include "email/EmailChannel.h"

#include <QCoreApplication>

namespace sb {

QString EmailChannelUi::id() const {
    return EmailChannel::Id;
}

QString EmailChannelUi::title() const {
    return QCoreApplication::translate("EmailChannelUi", "Email");
}

ChannelTab *EmailChannelUi::makeTab(const ConsoleContext &context, QWidget *parent) const {
    return new EmailTab(context, parent);
}

std::shared_ptr<const ChannelUi> makeEmailChannelUi() {
    return std::make_shared<EmailChannelUi>();
}

} // namespace sb
