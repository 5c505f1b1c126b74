#pragma once

#include "common/Receiver.h"
#include <QCoreApplication>

#include <QStringList>

#include <functional>

namespace sb {

class MediaShares;
class Store;

// The media to send again with a failed message (Retry): the URLs its outbox entry was sent
// with, where each attachment this console served is shared again under a new token (the old
// one may have expired, or will 5 minutes after Twilio's first fetch) and any other URL is
// kept as it was. An attachment whose copy is gone (shares last an hour) cannot be sent again;
// `problem` then names it, so the agent attaches it again rather than resending text alone.
class MediaResend {
    Q_DECLARE_TR_FUNCTIONS(MediaResend)
public:
    struct Result {
        QStringList urls;
        QString problem; // empty: ready to send
    };
    using Done = std::function<void(const Result &)>;

    // `done` runs on the receiver's thread; `shares` may be null (no public URL): every URL
    // is then kept as stored.
    static void prepare(Store *store, MediaShares *shares, qint64 messageId, Receiver receiver,
                        Done done);
};

} // namespace sb
