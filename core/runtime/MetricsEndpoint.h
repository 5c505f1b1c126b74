#pragma once

#include <QDateTime>
#include <QObject>

#include <functional>

namespace sb {

class HttpServer;
class Metrics;
class Store;

// GET /metrics: asks the store for the outbox's depth by state and the age of its oldest
// pending entry (gauges, read fresh at each scrape), then answers every family in Prometheus'
// text format. Protected by the local API's token (LocalApi's filter). Lives on the server's
// thread.
class MetricsEndpoint : public QObject {
    Q_OBJECT
public:
    using Clock = std::function<QDateTime()>;
    MetricsEndpoint(HttpServer *server, Store *store, Metrics *metrics, Clock clock,
                    QObject *parent = nullptr);
    static void declare(Metrics &metrics);

    static const QString Path;

private:
    Store *m_store;
    Metrics *m_metrics;
    Clock m_clock;
};

} // namespace sb
