#include "MediaShares.h"

#include "db/SqlDialect.h"
#include "db/StoreWorker.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QMimeDatabase>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QThreadPool>
#include <QUrl>

namespace sb {

Q_LOGGING_CATEGORY(lcMediaShares, "switchboard.media.shares")

namespace {

QByteArray randomBytes(int count) {
    QByteArray bytes(count, Qt::Uninitialized);
    // The system generator: these tokens are the only thing guarding the files.
    QRandomGenerator::system()->generate(bytes.begin(), bytes.end());
    return bytes;
}

QString newToken() {
    return QString::fromLatin1(
        randomBytes(MediaShares::TokenBytes)
            .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

// Copies are named here, never after anything a request or the agent's file name says.
bool isOwnFileName(const QString &name) {
    static const QRegularExpression pattern(QStringLiteral("^[0-9a-f]{32}(\\.[a-z0-9]{1,8})?$"));
    return pattern.match(name).hasMatch();
}

QString newFileName(const QString &suffix) {
    static const QRegularExpression safeSuffix(QStringLiteral("^[a-z0-9]{1,8}$"));
    const QString name = QString::fromLatin1(randomBytes(16).toHex());
    return safeSuffix.match(suffix).hasMatch() ? name + QLatin1Char('.') + suffix : name;
}

qint64 ms(const QDateTime &t) {
    return t.isValid() ? t.toMSecsSinceEpoch() : 0;
}

QDateTime fromMs(const QVariant &v) {
    return v.isNull() || v.toLongLong() == 0
               ? QDateTime()
               : QDateTime::fromMSecsSinceEpoch(v.toLongLong(), Qt::UTC);
}

HttpResponse notFound() {
    // The same answer for unknown, malformed and expired tokens: nothing to learn from it.
    return HttpResponse::error(404, QStringLiteral("No such media."));
}

StoreResult<MediaShare> failure(const QString &error) {
    StoreResult<MediaShare> r;
    r.error = error;
    return r;
}

} // namespace

MediaShares::MediaShares(Store *store, QString folder, Clock clock, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_folder(std::move(folder))
    , m_clock(std::move(clock))
    , m_purgeTimer(this) {
    if (!m_clock)
        m_clock = [] {
            return QDateTime::currentDateTimeUtc();
        };
    m_purgeTimer.setInterval(PurgeIntervalMs);
    connect(&m_purgeTimer, &QTimer::timeout, this, &MediaShares::purgeExpired);
    m_purgeTimer.start();
    m_pool.setMaxThreadCount(2);
}

MediaShares::~MediaShares() {
    m_pool.waitForDone();
}

Schema MediaShares::schema() {
    return {QStringLiteral("media-shares"),
            {{
                 QStringLiteral(R"(CREATE TABLE media_shares (
                    token TEXT PRIMARY KEY,
                    file_name TEXT NOT NULL,
                    original_name TEXT NOT NULL DEFAULT '',
                    content_type TEXT NOT NULL,
                    bytes INTEGER NOT NULL,
                    created_at INTEGER NOT NULL,
                    expires_at INTEGER NOT NULL,
                    first_fetched_at INTEGER,
                    url TEXT NOT NULL DEFAULT ''))"),
                 QStringLiteral("CREATE INDEX media_shares_expiry ON media_shares(expires_at)"),
             },
             // 2: team mode keeps the bytes in the database as well (NULL on SQLite): a
             // console binds no port, so the receivers serve what its agent attaches.
             {
                 QStringLiteral("ALTER TABLE media_shares ADD COLUMN data BLOB"),
             }}};
}

QString MediaShares::tokenOf(const QString &url) {
    const QString path = QUrl(url).path();
    const QString token = path.section(QLatin1Char('/'), -1);
    return path == pathFor(token) && isToken(token) ? token : QString();
}

bool MediaShares::isToken(const QString &text) {
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9_-]{32}$"));
    return pattern.match(text).hasMatch();
}

void MediaShares::addRoutes(HttpServer &server) {
    server.hidePathsUnder(QStringLiteral("/media/"));
    server.route("GET", routePattern(),
                 [this](const HttpRequest &r, HttpServer::Reply reply) { serve(r, reply); });
}

void MediaShares::setPublicBase(const QString &base) {
    QMutexLocker lock(&m_mutex);
    m_publicBase = base;
}

QString MediaShares::publicBase() const {
    QMutexLocker lock(&m_mutex);
    return m_publicBase;
}

void MediaShares::setUnreachable(const QString &reason) {
    QMutexLocker lock(&m_mutex);
    m_unreachable = reason;
}

QString MediaShares::unreachable() const {
    QMutexLocker lock(&m_mutex);
    return m_unreachable;
}

bool MediaShares::refuseUnreachable(const Receiver &receiver, const Shared &done) const {
    const QString why = unreachable();
    if (why.isEmpty())
        return false;
    // Nothing is copied: an attachment Twilio cannot download would fail the message (11200).
    receiver.post(
        [done, error = tr("Twilio cannot download attachments from this console: %1").arg(why)] {
            done(failure(error));
        });
    return true;
}

void MediaShares::share(const QString &localFile, Receiver receiver, Shared done,
                        const QString &name) {
    if (refuseUnreachable(receiver, done))
        return;
    MediaShare s;
    s.token = newToken();
    s.originalName = name.isEmpty() ? QFileInfo(localFile).fileName() : name;
    const QString base = publicBase();
    if (!base.isEmpty())
        s.url = base + pathFor(s.token);
    m_pool.start([s, localFile, receiver, done, store = m_store, folder = m_folder,
                  clock = m_clock]() mutable {
        auto fail = [&](const QString &error) {
            receiver.post([done, error] { done(failure(error)); });
        };
        const QFileInfo info(localFile);
        if (!info.isFile() || !info.isReadable())
            return fail(tr("%1 is not a readable file.").arg(localFile));
        if (!QDir().mkpath(folder))
            return fail(tr("The folder %1 cannot be created.").arg(folder));
        const QMimeType mime = QMimeDatabase().mimeTypeForFile(info);
        s.contentType = mime.name();
        s.fileName = newFileName(mime.preferredSuffix().toLower());
        const QString target = folder + QLatin1Char('/') + s.fileName;
        if (!QFile::copy(localFile, target))
            return fail(tr("%1 could not be copied into %2.").arg(s.originalName, folder));
        QFile::setPermissions(target, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        s.bytes = QFileInfo(target).size();
        s.createdAt = clock();
        s.expiresAt = s.createdAt.addSecs(LifetimeSecs);
        QByteArray bytes;
        if (store->isPostgres()) { // the team's receivers serve it: the bytes go to the database
            QFile copy(target);
            if (!copy.open(QIODevice::ReadOnly) || (bytes = copy.readAll()).size() != s.bytes) {
                QFile::remove(target);
                return fail(tr("%1 could not be read back from %2.").arg(s.originalName, folder));
            }
        }
        record(store, s, target, bytes, receiver, done);
    });
}

void MediaShares::shareData(const QByteArray &data, const QString &name, Receiver receiver,
                            Shared done) {
    if (refuseUnreachable(receiver, done))
        return;
    MediaShare s;
    s.token = newToken();
    s.originalName = name;
    const QString base = publicBase();
    if (!base.isEmpty())
        s.url = base + pathFor(s.token);
    m_pool.start([s, data, receiver, done, store = m_store, folder = m_folder,
                  clock = m_clock]() mutable {
        auto fail = [&](const QString &error) {
            receiver.post([done, error] { done(failure(error)); });
        };
        if (!QDir().mkpath(folder))
            return fail(tr("The folder %1 cannot be created.").arg(folder));
        const QMimeType mime = QMimeDatabase().mimeTypeForFileNameAndData(s.originalName, data);
        s.contentType = mime.name();
        s.fileName = newFileName(mime.preferredSuffix().toLower());
        const QString target = folder + QLatin1Char('/') + s.fileName;
        QFile file(target);
        if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.flush()) {
            file.remove();
            return fail(tr("%1 could not be saved into %2.").arg(s.originalName, folder));
        }
        file.close();
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        s.bytes = data.size();
        s.createdAt = clock();
        s.expiresAt = s.createdAt.addSecs(LifetimeSecs);
        record(store, s, target, store->isPostgres() ? data : QByteArray(), receiver, done);
    });
}

void MediaShares::record(Store *store, const MediaShare &s, const QString &target,
                         const QByteArray &data, const Receiver &receiver, const Shared &done) {
    store->run<MediaShare>(
        receiver,
        [s, target, data](StoreWorker &w, QString *error) -> std::optional<MediaShare> {
            QSqlQuery q(w.database());
            sql::prepare(q, QStringLiteral("INSERT INTO media_shares (token, file_name, "
                                           "original_name, content_type, bytes, created_at, "
                                           "expires_at, url, data) VALUES (?, ?, ?, ?, ?, ?, ?, "
                                           "?, ?)"));
            q.addBindValue(s.token);
            q.addBindValue(s.fileName);
            q.addBindValue(s.originalName);
            q.addBindValue(s.contentType);
            q.addBindValue(s.bytes);
            q.addBindValue(ms(s.createdAt));
            q.addBindValue(ms(s.expiresAt));
            q.addBindValue(s.url);
            q.addBindValue(data.isEmpty() ? QVariant(QMetaType(QMetaType::QByteArray)) : data);
            if (!q.exec()) {
                *error = q.lastError().text();
                QFile::remove(target); // nothing refers to it
                return std::nullopt;
            }
            return s;
        },
        done);
}

std::optional<std::optional<MediaShare>> MediaShares::read(StoreWorker &w, const QString &token,
                                                           QString *error) {
    QSqlQuery q(w.database());
    sql::prepare(q,
                 QStringLiteral("SELECT token, file_name, original_name, content_type, bytes, "
                                "created_at, expires_at, first_fetched_at, url FROM media_shares "
                                "WHERE token = ?"));
    q.addBindValue(token);
    if (!q.exec()) {
        *error = q.lastError().text();
        return std::nullopt;
    }
    std::optional<MediaShare> found;
    if (q.next()) {
        MediaShare s;
        s.token = q.value(0).toString();
        s.fileName = q.value(1).toString();
        s.originalName = q.value(2).toString();
        s.contentType = q.value(3).toString();
        s.bytes = q.value(4).toLongLong();
        s.createdAt = fromMs(q.value(5));
        s.expiresAt = fromMs(q.value(6));
        s.firstFetchedAt = fromMs(q.value(7));
        s.url = q.value(8).toString();
        found = s;
    }
    return found;
}

void MediaShares::find(const QString &token, Receiver receiver,
                       std::function<void(const StoreResult<std::optional<MediaShare>> &)> done) {
    m_store->run<std::optional<MediaShare>>(
        std::move(receiver),
        [token](StoreWorker &w, QString *error) { return read(w, token, error); }, std::move(done));
}

void MediaShares::serve(const HttpRequest &request, const HttpServer::Reply &reply) {
    const QString token = request.args.value(0);
    if (!isToken(token))
        return reply(notFound());
    find(token, this, [this, reply](const StoreResult<std::optional<MediaShare>> &found) {
        if (!found.ok()) {
            qCWarning(lcMediaShares).noquote() << "cannot read a media share:" << found.error;
            return reply(HttpResponse::error(503, tr("Media cannot be read right now.")));
        }
        if (!found.value || found.value->expiresAt <= m_clock() ||
            !isOwnFileName(found.value->fileName))
            return reply(notFound());
        const MediaShare s = *found.value;
        const QString path = m_folder + QLatin1Char('/') + s.fileName;
        // Reading up to 16 MB is the pool's work, not the server thread's.
        m_pool.start([me = Receiver(this), this, path, s, reply] {
            QFile file(path);
            std::optional<QByteArray> bytes;
            if (file.open(QIODevice::ReadOnly))
                bytes = file.readAll();
            me.post([this, s, reply, bytes] {
                if (bytes && bytes->size() == s.bytes)
                    return respond(s, *bytes, reply);
                if (m_store->isPostgres()) // shared by another desk of the team: its bytes
                    return serveStored(s, reply);
                qCWarning(lcMediaShares) << "a media share's copy is missing or changed";
                reply(notFound());
            });
        });
    });
}

void MediaShares::serveStored(const MediaShare &s, const HttpServer::Reply &reply) {
    m_store->run<QByteArray>(
        this,
        [token = s.token](StoreWorker &w, QString *error) -> std::optional<QByteArray> {
            QSqlQuery q(w.database());
            sql::prepare(q, QStringLiteral("SELECT data FROM media_shares WHERE token = ?"));
            q.addBindValue(token);
            if (!q.exec()) {
                *error = q.lastError().text();
                return std::nullopt;
            }
            return q.next() ? q.value(0).toByteArray() : QByteArray();
        },
        [this, s, reply](const StoreResult<QByteArray> &stored) {
            if (!stored.ok()) {
                qCWarning(lcMediaShares).noquote() << "cannot read a media share:" << stored.error;
                return reply(HttpResponse::error(503, tr("Media cannot be read right now.")));
            }
            if (stored.value.size() != s.bytes) {
                qCWarning(lcMediaShares) << "a media share's stored bytes are missing or changed";
                return reply(notFound());
            }
            respond(s, stored.value, reply);
        });
}

void MediaShares::respond(const MediaShare &s, const QByteArray &bytes,
                          const HttpServer::Reply &reply) {
    HttpResponse response;
    response.status = 200;
    response.contentType = s.contentType.toLatin1();
    response.body = bytes;
    QString name = s.originalName;
    name.remove(QRegularExpression(QStringLiteral("[\"\\\\\\r\\n]")));
    response.headers.append(
        {QByteArrayLiteral("Content-Disposition"), "inline; filename=\"" + name.toUtf8() + '"'});
    response.headers.append(
        {QByteArrayLiteral("X-Content-Type-Options"), QByteArrayLiteral("nosniff")});
    response.headers.append({QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store")});
    reply(response);
    markFetched(s.token);
}

void MediaShares::markFetched(const QString &token) {
    const QDateTime now = m_clock();
    m_store->run<bool>(
        this,
        [token, now](StoreWorker &w, QString *error) -> std::optional<bool> {
            // The first fetch starts the grace; later ones change nothing.
            QSqlQuery q(w.database());
            sql::prepare(
                q, QStringLiteral("UPDATE media_shares SET first_fetched_at = ?, expires_at = "
                                  "MIN(expires_at, ?) WHERE token = ? AND first_fetched_at "
                                  "IS NULL"));
            q.addBindValue(ms(now));
            q.addBindValue(ms(now.addSecs(GraceSecs)));
            q.addBindValue(token);
            if (!q.exec()) {
                *error = q.lastError().text();
                return std::nullopt;
            }
            return true;
        },
        [this, token](const StoreResult<bool> &marked) {
            if (!marked.ok())
                qCWarning(lcMediaShares).noquote() << "cannot record a fetch:" << marked.error;
            Q_EMIT fetched(token);
        });
}

void MediaShares::purgeExpired() {
    const qint64 now = ms(m_clock());
    m_store->run<QStringList>(
        this,
        [now](StoreWorker &w, QString *error) -> std::optional<QStringList> {
            QSqlQuery q(w.database());
            sql::prepare(
                q, QStringLiteral("SELECT file_name FROM media_shares WHERE expires_at <= ?"));
            q.addBindValue(now);
            if (!q.exec()) {
                *error = q.lastError().text();
                return std::nullopt;
            }
            QStringList names;
            while (q.next())
                names.append(q.value(0).toString());
            sql::prepare(q, QStringLiteral("DELETE FROM media_shares WHERE expires_at <= ?"));
            q.addBindValue(now);
            if (!q.exec()) {
                *error = q.lastError().text();
                return std::nullopt;
            }
            return names;
        },
        [this, folder = m_folder](const StoreResult<QStringList> &expired) {
            if (!expired.ok() || expired.value.isEmpty())
                return;
            m_pool.start([folder, names = expired.value] {
                for (const QString &name : names) {
                    if (isOwnFileName(name))
                        QFile::remove(folder + QLatin1Char('/') + name);
                }
            });
        });
}

} // namespace sb
