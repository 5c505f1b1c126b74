#include "ChannelStatuses.h"

#include "messaging/MessageStatuses.h"

namespace sb {

ChannelStatuses::ChannelStatuses(ChannelList channels)
    : m_channels(std::move(channels)) {}

const StatusModel &ChannelStatuses::model(const QString &channel) const {
    for (const auto &c : m_channels) {
        if (c->id() == channel)
            return c->statuses();
    }
    return MessageStatuses::instance();
}

bool ChannelStatuses::isFailure(const MessageRecord &message) const {
    return message.direction != QLatin1String("inbound") &&
           info(message).tone == StatusTone::Failure;
}

} // namespace sb
