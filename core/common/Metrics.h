#pragma once

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QMutex>
#include <QPair>
#include <QString>

#include <vector>

namespace sb {

// Counters, gauges and histograms rendered in Prometheus' text exposition format (0.0.4) for
// GET /metrics. Every member may be called from any thread (the server, store, network and GUI
// threads all record): one mutex, held only to add a number. Families are declared once
// (counter(), histogram(), gauge()) before use; recording into an undeclared family is ignored
// with a warning, so a typo cannot invent a metric. Label values come from code (route
// patterns, status classes, error codes), never from raw request paths, so their number stays
// bounded.
class Metrics {
public:
    using Labels = QList<QPair<QString, QString>>;

    void counter(const QString &name, const QString &help);
    void histogram(const QString &name, const QString &help, std::vector<double> bounds);
    void gauge(const QString &name, const QString &help);

    void increment(const QString &name, const Labels &labels = {}, double by = 1);
    void observe(const QString &name, double value, const Labels &labels = {});
    void set(const QString &name, double value, const Labels &labels = {}); // a gauge

    // A counter's current value (0 when never incremented), for tests and the console.
    double value(const QString &name, const Labels &labels = {}) const;

    QByteArray render() const;

    static const QByteArray ContentType;
    // Seconds, from 1 ms to 10 s: local commits and provider round trips alike.
    static std::vector<double> latencyBounds();

private:
    enum class Type { Counter, Histogram, Gauge };
    struct Series {
        double value = 0;                  // counter
        std::vector<quint64> bucketCounts; // histogram, one per bound (not cumulative)
        double sum = 0;
        quint64 count = 0;
    };
    struct Family {
        Type type = Type::Counter;
        QString help;
        std::vector<double> bounds;
        QMap<Labels, Series> series;
    };
    static QString labelText(const Labels &labels, const QString &extraName = {},
                             const QString &extraValue = {});
    static QString number(double value);

    mutable QMutex m_mutex;
    QMap<QString, Family> m_families;
};

} // namespace sb
