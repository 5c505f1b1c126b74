#include "RecordingFeed.h"

#include "db/Store.h"
#include "db/StoreWorker.h"

namespace sb {

RecordingFeed::RecordingFeed(QObject *parent)
    : QObject(parent) {
    setObjectName(QStringLiteral("voiceRecordingFeed"));
    qRegisterMetaType<sb::RecordingRecord>();
    qRegisterMetaType<QList<sb::RecordingRecord>>();
}

RecordingFeed *RecordingFeed::of(Store *store) {
    auto *feed = store->findChild<RecordingFeed *>(QString(), Qt::FindDirectChildrenOnly);
    if (!feed)
        feed = new RecordingFeed(store);
    return feed;
}

void RecordingFeed::afterCommit(StoreWorker &w, std::function<void(RecordingFeed *)> emit) {
    w.afterCommit([this, emit = std::move(emit)](const QString &commitError) {
        if (commitError.isEmpty())
            emit(this);
    });
}

} // namespace sb
