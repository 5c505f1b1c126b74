#include "MediaResend.h"

#include "MediaShares.h"
#include "db/SqlDialect.h"
#include "db/Store.h"
#include "db/StoreWorker.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

#include <memory>

namespace sb {

namespace {

struct Pending {
    Store *store = nullptr;
    MediaShares *shares = nullptr;
    Receiver receiver;
    MediaResend::Done done;
    QStringList stored;
    MediaResend::Result result;
    int next = 0;
};

void step(const std::shared_ptr<Pending> &p) {
    if (p->next >= p->stored.size()) {
        p->done(p->result);
        return;
    }
    const QString url = p->stored.at(p->next++);
    const QString token = p->shares ? MediaShares::tokenOf(url) : QString();
    if (token.isEmpty()) {
        p->result.urls.append(url);
        step(p);
        return;
    }
    p->shares->find(
        token, p->receiver, [p, url](const StoreResult<std::optional<MediaShare>> &found) {
            if (!found.ok() || !found.value) {
                p->result.problem =
                    MediaResend::tr("An attachment of this message is no longer kept "
                                    "(attachments are kept for an hour): attach it again.");
                p->done(p->result);
                return;
            }
            const MediaShare share = *found.value;
            const QString copy = QDir(p->shares->folder()).filePath(share.fileName);
            p->shares->share(
                copy, p->receiver,
                [p, share](const StoreResult<MediaShare> &again) {
                    if (!again.ok() || again.value.url.isEmpty()) {
                        p->result.problem =
                            MediaResend::tr(
                                "“%1” is no longer kept (attachments are kept for an hour): attach "
                                "it again.")
                                .arg(share.originalName);
                        p->done(p->result);
                        return;
                    }
                    p->result.urls.append(again.value.url);
                    step(p);
                },
                share.originalName);
        });
}

} // namespace

void MediaResend::prepare(Store *store, MediaShares *shares, qint64 messageId, Receiver receiver,
                          Done done) {
    auto pending = std::make_shared<Pending>();
    pending->store = store;
    pending->shares = shares;
    pending->receiver = receiver;
    pending->done = std::move(done);
    store->run<QStringList>(
        std::move(receiver),
        [messageId](StoreWorker &w, QString *error) -> std::optional<QStringList> {
            QSqlQuery q(w.database());
            sql::prepare(q, QStringLiteral("SELECT media_urls FROM outbox WHERE message_id = ? "
                                           "ORDER BY id DESC LIMIT 1"));
            q.addBindValue(messageId);
            if (!q.exec()) {
                *error = q.lastError().text();
                return std::nullopt;
            }
            QStringList urls;
            if (q.next()) {
                const QJsonArray list =
                    QJsonDocument::fromJson(q.value(0).toString().toUtf8()).array();
                for (const QJsonValue &v : list)
                    urls.append(v.toString());
            }
            return urls;
        },
        [pending](const StoreResult<QStringList> &stored) {
            if (!stored.ok()) {
                pending->result.problem = stored.error;
                pending->done(pending->result);
                return;
            }
            pending->stored = stored.value;
            step(pending);
        });
}

} // namespace sb
