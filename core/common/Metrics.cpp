#include "Metrics.h"

#include "Logging.h"

#include <QMutexLocker>

#include <cmath>

namespace sb {

const QByteArray Metrics::ContentType =
    QByteArrayLiteral("text/plain; version=0.0.4; charset=utf-8");

std::vector<double> Metrics::latencyBounds() {
    return {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
}

void Metrics::counter(const QString &name, const QString &help) {
    QMutexLocker lock(&m_mutex);
    Family &family = m_families[name];
    family.type = Type::Counter;
    family.help = help;
}

void Metrics::histogram(const QString &name, const QString &help, std::vector<double> bounds) {
    QMutexLocker lock(&m_mutex);
    Family &family = m_families[name];
    family.type = Type::Histogram;
    family.help = help;
    family.bounds = std::move(bounds);
}

void Metrics::gauge(const QString &name, const QString &help) {
    QMutexLocker lock(&m_mutex);
    Family &family = m_families[name];
    family.type = Type::Gauge;
    family.help = help;
}

void Metrics::set(const QString &name, double value, const Labels &labels) {
    QMutexLocker lock(&m_mutex);
    auto it = m_families.find(name);
    if (it == m_families.end() || it->type != Type::Gauge) {
        qCWarning(lcService) << "metrics: no gauge named" << name;
        return;
    }
    it->series[labels].value = value;
}

void Metrics::increment(const QString &name, const Labels &labels, double by) {
    QMutexLocker lock(&m_mutex);
    auto it = m_families.find(name);
    if (it == m_families.end() || it->type != Type::Counter) {
        qCWarning(lcService) << "metrics: no counter named" << name;
        return;
    }
    it->series[labels].value += by;
}

void Metrics::observe(const QString &name, double value, const Labels &labels) {
    QMutexLocker lock(&m_mutex);
    auto it = m_families.find(name);
    if (it == m_families.end() || it->type != Type::Histogram) {
        qCWarning(lcService) << "metrics: no histogram named" << name;
        return;
    }
    Series &series = it->series[labels];
    if (series.bucketCounts.empty())
        series.bucketCounts.assign(it->bounds.size(), 0);
    for (size_t i = 0; i < it->bounds.size(); ++i) {
        if (value <= it->bounds[i]) {
            ++series.bucketCounts[i];
            break;
        }
    }
    series.sum += value;
    ++series.count;
}

double Metrics::value(const QString &name, const Labels &labels) const {
    QMutexLocker lock(&m_mutex);
    const auto it = m_families.constFind(name);
    if (it == m_families.constEnd())
        return 0;
    return it->series.value(labels).value;
}

QString Metrics::number(double value) {
    if (std::isinf(value))
        return value > 0 ? QStringLiteral("+Inf") : QStringLiteral("-Inf");
    if (std::isnan(value))
        return QStringLiteral("NaN");
    return QString::number(value, 'g', 15);
}

QString Metrics::labelText(const Labels &labels, const QString &extraName,
                           const QString &extraValue) {
    Labels all = labels;
    if (!extraName.isEmpty())
        all.append({extraName, extraValue});
    if (all.isEmpty())
        return {};
    QStringList parts;
    for (const auto &[name, value] : std::as_const(all)) {
        QString escaped = value;
        escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"))
            .replace(QLatin1Char('"'), QLatin1String("\\\""))
            .replace(QLatin1Char('\n'), QLatin1String("\\n"));
        parts.append(name + QLatin1String("=\"") + escaped + QLatin1Char('"'));
    }
    return QLatin1Char('{') + parts.join(QLatin1Char(',')) + QLatin1Char('}');
}

QByteArray Metrics::render() const {
    // A copy, so that recording threads wait only for the copy, not for the formatting.
    QMap<QString, Family> families;
    {
        QMutexLocker lock(&m_mutex);
        families = m_families;
    }
    QString out;
    for (auto it = families.cbegin(); it != families.cend(); ++it) {
        const QString &name = it.key();
        const Family &family = it.value();
        QString help = family.help;
        help.replace(QLatin1Char('\\'), QLatin1String("\\\\"))
            .replace(QLatin1Char('\n'), QLatin1String("\\n"));
        out += QStringLiteral("# HELP %1 %2\n").arg(name, help);
        switch (family.type) {
        case Type::Counter:
            out += QStringLiteral("# TYPE %1 counter\n").arg(name);
            if (family.series.isEmpty())
                out += name + QStringLiteral(" 0\n"); // present before the first event
            for (auto s = family.series.cbegin(); s != family.series.cend(); ++s)
                out += name + labelText(s.key()) + QLatin1Char(' ') + number(s->value) +
                       QLatin1Char('\n');
            break;
        case Type::Gauge:
            out += QStringLiteral("# TYPE %1 gauge\n").arg(name);
            for (auto s = family.series.cbegin(); s != family.series.cend(); ++s)
                out += name + labelText(s.key()) + QLatin1Char(' ') + number(s->value) +
                       QLatin1Char('\n');
            break;
        case Type::Histogram: {
            out += QStringLiteral("# TYPE %1 histogram\n").arg(name);
            QMap<Labels, Series> series = family.series;
            if (series.isEmpty())
                series.insert({}, Series{0, std::vector<quint64>(family.bounds.size(), 0), 0, 0});
            for (auto s = series.cbegin(); s != series.cend(); ++s) {
                quint64 cumulative = 0;
                for (size_t i = 0; i < family.bounds.size(); ++i) {
                    cumulative += i < s->bucketCounts.size() ? s->bucketCounts[i] : 0;
                    out += name + QStringLiteral("_bucket") +
                           labelText(s.key(), QStringLiteral("le"), number(family.bounds[i])) +
                           QLatin1Char(' ') + QString::number(cumulative) + QLatin1Char('\n');
                }
                out += name + QStringLiteral("_bucket") +
                       labelText(s.key(), QStringLiteral("le"), QStringLiteral("+Inf")) +
                       QLatin1Char(' ') + QString::number(s->count) + QLatin1Char('\n');
                out += name + QStringLiteral("_sum") + labelText(s.key()) + QLatin1Char(' ') +
                       number(s->sum) + QLatin1Char('\n');
                out += name + QStringLiteral("_count") + labelText(s.key()) + QLatin1Char(' ') +
                       QString::number(s->count) + QLatin1Char('\n');
            }
            break;
        }
        }
    }
    return out.toUtf8();
}

} // namespace sb
