#pragma once

#include "MediaRecord.h"
#include "db/Migrations.h"
#include "messaging/Records.h"

#include <QList>

#include <optional>

namespace sb {

class StoreWorker;

// The SQL of the media module's one table, message_media: run inside store jobs (Store::run),
// on the store thread. Every change is announced after its commit through Store::rowsChanged
// with Table (MediaFetcher picks up new and re-queued rows that way, views refresh).
class MediaRows {
public:
    static constexpr char Table[] = "message_media";
    static Schema schema(); // module "media", registered by SwitchboardService

    // The message's media rows, in the same job that stored the message: a webhook is answered
    // only once both are committed. A retried webhook adds nothing (one row per position).
    static bool addInbound(StoreWorker &w, const InboundMessage &message, const QDateTime &now,
                           QString *error);

    static std::optional<QList<MediaRecord>> forMessageSid(StoreWorker &w, const QString &sid,
                                                           QString *error);
    static std::optional<QList<MediaRecord>> forMessages(StoreWorker &w, const QList<qint64> &ids,
                                                         QString *error);
    static std::optional<QList<MediaRecord>> byIds(StoreWorker &w, const QList<qint64> &ids,
                                                   QString *error);
    // Every row not stored: what a new run of the downloader takes up.
    static std::optional<QList<MediaRecord>> unfinished(StoreWorker &w, QString *error);

    static std::optional<MediaRecord> markStored(StoreWorker &w, const MediaRecord &stored,
                                                 const QDateTime &now, QString *error);
    // `retryAt` invalid: no retry of this run (a later run or Retry asks again).
    static std::optional<MediaRecord> markFailed(StoreWorker &w, qint64 id, const QString &reason,
                                                 int attempts, const QDateTime &retryAt,
                                                 const QDateTime &now, QString *error);
    // Back to pending (the agent's Retry): the downloader takes it up at once.
    static std::optional<MediaRecord> requeue(StoreWorker &w, qint64 id, const QDateTime &now,
                                              QString *error);
};

} // namespace sb
