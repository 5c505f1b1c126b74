#pragma once

#include "common/Receiver.h"
#include "db/Migrations.h"
#include "db/Store.h"
#include "http/HttpServer.h"

#include <QDateTime>
#include <QMutex>
#include <QObject>
#include <QThreadPool>
#include <QTimer>

#include <functional>
#include <optional>

namespace sb {

class StoreWorker;

// One attachment the console serves to Twilio.
struct MediaShare {
    QString token;        // the public path's only variable part (192 random bits)
    QString fileName;     // its copy in the shares folder; made here, never from a request
    QString originalName; // the agent's file name, for Content-Disposition and the chips
    QString contentType;
    qint64 bytes = 0;
    QDateTime createdAt;
    QDateTime expiresAt;      // an hour after it was shared, or a grace after the first fetch
    QDateTime firstFetchedAt; // invalid until Twilio (or anyone with the URL) fetched it
    QString url;              // the public URL, as the share was made (empty if none was known)
};

// Serves the files an agent attaches, so that Twilio can fetch them (MediaUrl): each is copied
// into its own folder in the data folder and registered under an unguessable token, served at
// GET /media/{token} with its content type and nothing else. The token names a stored record;
// the file served is the record's own copy, so no part of a request is ever a path and nothing
// else in the data folder can be reached. A share expires `GraceSecs` after it was first fetched
// (Twilio may fetch a WhatsApp attachment more than once) and `LifetimeSecs` after it was made
// at most; expired ones answer 404 like unknown ones, and their copies are deleted.
// Registrations live in the database (table media_shares, schema "media-shares") so that a
// resend after a crash, within the hour, still finds its URL. On a team's PostgreSQL the bytes
// are stored with the record too: a console binds no port, so Twilio fetches its agent's
// attachments from the receivers, which serve them from there.
//
// Lives on the server thread (its route is answered there); share() may be called from any
// thread: copying and type sniffing run on a pool thread, the record on the store's.
class MediaShares : public QObject {
    Q_OBJECT
public:
    using Clock = std::function<QDateTime()>; // UTC now, callable from any thread

    MediaShares(Store *store, QString folder, Clock clock = {}, QObject *parent = nullptr);
    ~MediaShares() override; // waits for copies and reads under way (they use the store)

    static Schema schema(); // register with Store::addSchema before the store opens
    static QString routePattern() { return QStringLiteral("/media/{token}"); }
    static QString pathFor(const QString &token) { return QStringLiteral("/media/") + token; }
    static bool isToken(const QString &text);
    // The token of a share URL this console made ("…/media/{token}"); empty for any other URL.
    static QString tokenOf(const QString &url);

    void addRoutes(HttpServer &server);
    // The base URL Twilio reaches the console at; share URLs are this plus the path.
    void setPublicBase(const QString &base);
    QString publicBase() const;
    // Why Twilio could not fetch a share now (polling mode: nothing reaches this console);
    // while set, share() and shareData() refuse at once with it. Known with the public base,
    // for any thread, like the public base.
    void setUnreachable(const QString &reason);
    QString unreachable() const;
    QString folder() const { return m_folder; }

    using Shared = std::function<void(const StoreResult<MediaShare> &)>;
    // Copies `localFile` and registers it (as `name`, else the file's own name); `done` runs
    // on the receiver's thread.
    void share(const QString &localFile, Receiver receiver, Shared done, const QString &name = {});
    // The same for bytes in memory (a pasted image), saved under `name`'s type.
    void shareData(const QByteArray &data, const QString &name, Receiver receiver, Shared done);
    // A share as stored (expired or not); an empty optional when there is none.
    void find(const QString &token, Receiver receiver,
              std::function<void(const StoreResult<std::optional<MediaShare>> &)> done);
    // Deletes expired shares and their copies (also runs every few minutes by itself).
    void purgeExpired();

    static constexpr int LifetimeSecs = 3600;
    static constexpr int GraceSecs = 300;
    static constexpr int TokenBytes = 24;
    static constexpr int PurgeIntervalMs = 5 * 60 * 1000;

Q_SIGNALS:
    void fetched(const QString &token); // a share was served (200)

private:
    void serve(const HttpRequest &request, const HttpServer::Reply &reply);
    void markFetched(const QString &token);
    // Team mode: a share another process made, from the bytes it stored with the record.
    void serveStored(const MediaShare &share, const HttpServer::Reply &reply);
    void respond(const MediaShare &share, const QByteArray &bytes, const HttpServer::Reply &reply);
    bool refuseUnreachable(const Receiver &receiver, const Shared &done) const;
    static void record(Store *store, const MediaShare &share, const QString &target,
                       const QByteArray &data, const Receiver &receiver, const Shared &done);
    static std::optional<std::optional<MediaShare>> read(StoreWorker &w, const QString &token,
                                                         QString *error);

    Store *m_store;
    QString m_folder;
    Clock m_clock;
    mutable QMutex m_mutex; // guards m_publicBase and m_unreachable (share() runs on any thread)
    QString m_publicBase;
    QString m_unreachable;
    QTimer m_purgeTimer;
    QThreadPool m_pool; // copies, reads and deletions: disk work off every caller's thread
};

} // namespace sb
