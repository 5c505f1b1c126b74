#pragma once

#include "RecordingRecord.h"

#include <QObject>

#include <functional>

namespace sb {

class Store;
class StoreWorker;

// The voice channel's change feed for recordings, beside the store's own for messages (the
// store's signals carry only core's records; a recording is the voice channel's). Its signals
// are emitted on the store's thread right after the commit that made the change durable, so
// a listener on another thread gets them queued, like Store::messagesArrived.
class RecordingFeed : public QObject {
    Q_OBJECT
public:
    // The store's feed: made as the store's child on first use. Call on the store object's
    // thread (where the service or test built it); the pointer may then be used anywhere.
    static RecordingFeed *of(Store *store);

    // In a store job, as its last step: runs `emit` once the job is committed, never when its
    // changes are lost.
    void afterCommit(StoreWorker &w, std::function<void(RecordingFeed *)> emit);

Q_SIGNALS:
    // Recordings stored for the first time (a recording-complete Twilio retried is not
    // announced twice): what the console tells the agent about.
    void recordingsArrived(const QList<sb::RecordingRecord> &recordings);
    // Recordings whose row changed (new, audio downloaded or failed, deleted: downloadState
    // "deleted"), so a list of them updates in place.
    void recordingsChanged(const QList<sb::RecordingRecord> &recordings);

private:
    explicit RecordingFeed(QObject *parent);
};

} // namespace sb
