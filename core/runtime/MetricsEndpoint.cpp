#include "MetricsEndpoint.h"

#include "common/Logging.h"
#include "common/Metrics.h"
#include "db/SqlDialect.h"
#include "db/SqlValues.h"
#include "db/Store.h"
#include "db/StoreWorker.h"
#include "http/HttpServer.h"
#include "messaging/Records.h"

#include <QSqlQuery>

namespace sb {

namespace {

struct OutboxDepth {
    QMap<QString, qint64> byState;
    qint64 oldestPendingMs = 0; // created_at of the oldest pending entry, 0 when none
};

const QString Entries = QStringLiteral("switchboard_outbox_entries");
const QString OldestAge = QStringLiteral("switchboard_outbox_oldest_pending_age_seconds");

} // namespace

const QString MetricsEndpoint::Path = QStringLiteral("/metrics");

void MetricsEndpoint::declare(Metrics &metrics) {
    metrics.gauge(Entries, QStringLiteral("Outbox entries by state."));
    metrics.gauge(OldestAge,
                  QStringLiteral("Age of the oldest pending outbox entry, 0 when none."));
}

MetricsEndpoint::MetricsEndpoint(HttpServer *server, Store *store, Metrics *metrics, Clock clock,
                                 QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_metrics(metrics)
    , m_clock(std::move(clock)) {
    server->route("GET", Path, [this](const HttpRequest &, HttpServer::Reply reply) {
        m_store->run<OutboxDepth>(
            this,
            [](StoreWorker &w, QString *error) -> std::optional<OutboxDepth> {
                OutboxDepth depth;
                QSqlQuery q(w.database());
                sql::prepare(q,
                             QStringLiteral("SELECT state, COUNT(*) FROM outbox GROUP BY state"));
                if (!sql::exec(q, error))
                    return std::nullopt;
                while (q.next())
                    depth.byState.insert(q.value(0).toString(), q.value(1).toLongLong());
                sql::prepare(q, QStringLiteral(
                                    "SELECT MIN(created_at) FROM outbox WHERE state = 'pending'"));
                if (!sql::exec(q, error))
                    return std::nullopt;
                if (q.next())
                    depth.oldestPendingMs = q.value(0).toLongLong();
                return depth;
            },
            [this, reply](const StoreResult<OutboxDepth> &depth) {
                if (depth.ok()) {
                    // Every state, so that a state emptied since the last scrape reads 0.
                    for (const auto state :
                         {OutboxEntry::State::Pending, OutboxEntry::State::Submitted,
                          OutboxEntry::State::Accepted, OutboxEntry::State::Failed,
                          OutboxEntry::State::Scheduled, OutboxEntry::State::Cancelled}) {
                        const QString name = OutboxEntry::stateName(state);
                        m_metrics->set(Entries, double(depth.value.byState.value(name)),
                                       {{QStringLiteral("state"), name}});
                    }
                    const qint64 nowMs = m_clock().toMSecsSinceEpoch();
                    m_metrics->set(OldestAge,
                                   depth.value.oldestPendingMs > 0
                                       ? qMax<qint64>(0, nowMs - depth.value.oldestPendingMs) /
                                             1000.0
                                       : 0.0);
                } else {
                    // The other families still answer; the gauges keep their last values.
                    qCWarning(lcService).noquote()
                        << "metrics: the outbox could not be read:" << depth.error;
                }
                HttpResponse response;
                response.status = 200;
                response.contentType = Metrics::ContentType;
                response.body = m_metrics->render();
                reply(response);
            });
    });
}

} // namespace sb
