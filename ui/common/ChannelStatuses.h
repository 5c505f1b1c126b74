#pragma once

#include "messaging/Records.h"
#include "runtime/Channel.h"

namespace sb {

// Every status a view shows, read from the status model of the record's own channel (found by
// the record's `channel` id among the channels the window serves). A channel it does not know
// reads as Twilio's message statuses (MessageStatuses). Cheap to copy: it shares the channels.
class ChannelStatuses {
public:
    ChannelStatuses() = default;
    explicit ChannelStatuses(ChannelList channels);

    const StatusModel &model(const QString &channel) const;
    StatusInfo info(const QString &channel, const QString &status) const {
        return model(channel).info(status);
    }
    StatusInfo info(const MessageRecord &message) const {
        return info(message.channel, message.status);
    }
    // A failed outbound message (failed, undelivered, canceled...): its model's Failure tone.
    bool isFailure(const MessageRecord &message) const;

private:
    ChannelList m_channels;
};

} // namespace sb
