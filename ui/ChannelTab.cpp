#include "ChannelTab.h"

#include "providers/twilio/TwilioResources.h"

namespace sb {

ChannelTab::ChannelTab(QString channelId, QWidget *parent)
    : QWidget(parent)
    , m_channelId(std::move(channelId)) {}

void ChannelTab::saveState(QSettings *settings) const {
    Q_UNUSED(settings);
}

void ChannelTab::restoreState(QSettings *settings) {
    Q_UNUSED(settings);
}

void ChannelTab::setAccountNumbers(const QList<TwilioIncomingNumber> &numbers) {
    Q_UNUSED(numbers);
}

void ChannelTab::simulateIncoming() {}

void ChannelTab::composeTo(const QString &, const QString &) {
    newMessage();
}

int ChannelTab::unreadCount() const {
    return 0;
}

} // namespace sb
