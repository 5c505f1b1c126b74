#include "ServiceFixture.h"
#include "TestSupport.h"
#include "common/Metrics.h"
#include "runtime/SwitchboardService.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include <cmath>

using namespace sb;

// GET /metrics on the embedded server in sandbox mode, scraped after real traffic (a send
// through the sandbox, a webhook with a bad signature, API calls) and parsed line by line as
// Prometheus' text exposition format 0.0.4: every line valid, every sample under a declared
// family, counters grown by what was done, histograms' buckets cumulative with +Inf == _count.
class TestMetrics : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void recordsFromManyThreadsExactly();
    void rendersEscapedLabelsAndEmptyFamilies();
    void needsTheApiToken();
    void countsRealTraffic();

private:
    struct Scrape {
        QMap<QString, QString> types;  // family -> counter/gauge/histogram
        QMap<QString, double> samples; // "name{labels}" as written -> value
        double value(const QString &key) const { return samples.value(key, 0); }
    };
    // Parses `text`, failing the test on the first line that is not valid exposition format.
    static bool parse(const QByteArray &text, Scrape *out);
    static void checkHistograms(const Scrape &scrape);
    Scrape scrape();
    QUrl url(const QString &path) const {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_service->port()).arg(path));
    }

    QTemporaryDir m_dir;
    std::unique_ptr<SwitchboardService> m_service;
    sbtest::Http m_http;
    const QByteArray m_auth = "Bearer metrics-token";
};

void TestMetrics::initTestCase() {
    qputenv("SWITCHBOARD_SANDBOX_DELAY_MS", "20");
    QString error;
    m_service = sbtest::startService(m_dir.path(), QStringLiteral("metrics-token"), {}, {}, &error);
    QVERIFY2(m_service, qPrintable(error));
}

void TestMetrics::cleanupTestCase() {
    m_service.reset();
}

void TestMetrics::recordsFromManyThreadsExactly() {
    Metrics metrics;
    metrics.counter(QStringLiteral("t_total"), QStringLiteral("test"));
    metrics.histogram(QStringLiteral("t_seconds"), QStringLiteral("test"), {0.5, 1});
    QList<QThread *> threads;
    for (int t = 0; t < 4; ++t)
        threads.append(QThread::create([&metrics, t] {
            for (int i = 0; i < 5000; ++i) {
                metrics.increment(QStringLiteral("t_total"),
                                  {{QStringLiteral("t"), QString::number(t % 2)}});
                metrics.observe(QStringLiteral("t_seconds"), (i % 3) * 0.5);
            }
        }));
    for (QThread *thread : threads)
        thread->start();
    for (QThread *thread : threads) {
        QVERIFY(thread->wait(30000));
        delete thread;
    }
    QCOMPARE(metrics.value(QStringLiteral("t_total"), {{QStringLiteral("t"), QStringLiteral("0")}}),
             10000.0);
    QCOMPARE(metrics.value(QStringLiteral("t_total"), {{QStringLiteral("t"), QStringLiteral("1")}}),
             10000.0);
    Scrape s;
    QVERIFY(parse(metrics.render(), &s));
    // i % 3: 0 -> le 0.5, 1 (0.5) -> le 0.5, 2 (1.0) -> le 1; 20000 observations in all.
    QCOMPARE(s.value(QStringLiteral("t_seconds_bucket{le=\"0.5\"}")), 13336.0);
    QCOMPARE(s.value(QStringLiteral("t_seconds_bucket{le=\"1\"}")), 20000.0);
    QCOMPARE(s.value(QStringLiteral("t_seconds_bucket{le=\"+Inf\"}")), 20000.0);
    QCOMPARE(s.value(QStringLiteral("t_seconds_count")), 20000.0);
    checkHistograms(s);
}

void TestMetrics::rendersEscapedLabelsAndEmptyFamilies() {
    Metrics metrics;
    metrics.counter(QStringLiteral("never_total"), QStringLiteral("never incremented"));
    metrics.counter(QStringLiteral("odd_total"), QStringLiteral("help with \\ and\nnewline"));
    metrics.histogram(QStringLiteral("empty_seconds"), QStringLiteral("no observation"), {1});
    metrics.increment(QStringLiteral("odd_total"),
                      {{QStringLiteral("v"), QStringLiteral("a\"b\\c\nd")}});
    metrics.increment(QStringLiteral("undeclared_total")); // ignored, with a warning
    Scrape s;
    QVERIFY(parse(metrics.render(), &s));
    QCOMPARE(s.value(QStringLiteral("never_total")), 0.0);
    QVERIFY(s.samples.contains(QStringLiteral("never_total")));
    QCOMPARE(s.value(QStringLiteral("odd_total{v=\"a\\\"b\\\\c\\nd\"}")), 1.0);
    QCOMPARE(s.value(QStringLiteral("empty_seconds_bucket{le=\"+Inf\"}")), 0.0);
    QVERIFY(s.samples.contains(QStringLiteral("empty_seconds_count")));
    QVERIFY(!s.types.contains(QStringLiteral("undeclared_total")));
}

void TestMetrics::needsTheApiToken() {
    QCOMPARE(m_http.get(url(QStringLiteral("/metrics"))).status, 401);
    QCOMPARE(
        m_http.get(url(QStringLiteral("/metrics")), {{"Authorization", "Bearer wrong"}}).status,
        401);
    const sbtest::Reply r =
        m_http.get(url(QStringLiteral("/metrics")), {{"Authorization", m_auth}});
    QCOMPARE(r.status, 200);
    QVERIFY(r.header("Content-Type").startsWith("text/plain; version=0.0.4"));
}

TestMetrics::Scrape TestMetrics::scrape() {
    const sbtest::Reply r =
        m_http.get(url(QStringLiteral("/metrics")), {{"Authorization", m_auth}});
    Scrape s;
    if (r.status != 200 || !parse(r.body, &s))
        qWarning() << "scrape failed:" << r.status;
    return s;
}

bool TestMetrics::parse(const QByteArray &text, Scrape *out) {
    static const QRegularExpression help(
        QStringLiteral(R"(^# HELP ([a-zA-Z_:][a-zA-Z0-9_:]*) .*$)"));
    static const QRegularExpression type(QStringLiteral(
        R"(^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram|summary|untyped)$)"));
    static const QRegularExpression sample(QStringLiteral(
        R"(^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\[\\"n])*")"
        R"((?:,[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\[\\"n])*")*\})? )"
        R"(([-+]?(?:[0-9]*\.?[0-9]+(?:[eE][-+]?[0-9]+)?|Inf)|NaN)$)"));
    if (!text.endsWith('\n')) {
        qWarning() << "the exposition does not end with a line feed";
        return false;
    }
    const QList<QByteArray> lines = text.split('\n');
    for (qsizetype i = 0; i + 1 < lines.size(); ++i) {
        const QString line = QString::fromUtf8(lines[i]);
        if (help.match(line).hasMatch())
            continue;
        if (const auto m = type.match(line); m.hasMatch()) {
            if (out->types.contains(m.captured(1))) {
                qWarning() << "family declared twice:" << line;
                return false;
            }
            out->types.insert(m.captured(1), m.captured(2));
            continue;
        }
        const auto m = sample.match(line);
        if (!m.hasMatch()) {
            qWarning() << "not exposition format:" << line;
            return false;
        }
        QString family = m.captured(1);
        for (const char *suffix : {"_bucket", "_sum", "_count"}) {
            const QString s = QString::fromLatin1(suffix);
            if (!out->types.contains(family) && family.endsWith(s) &&
                out->types.value(family.chopped(s.size())) == QLatin1String("histogram"))
                family.chop(s.size());
        }
        if (!out->types.contains(family)) {
            qWarning() << "sample before its # TYPE:" << line;
            return false;
        }
        const QString key = m.captured(1) + m.captured(2);
        if (out->samples.contains(key)) {
            qWarning() << "sample written twice:" << line;
            return false;
        }
        const QString value = m.captured(3);
        out->samples.insert(key, value.endsWith(QLatin1String("Inf"))
                                     ? (value.startsWith(QLatin1Char('-')) ? -INFINITY : INFINITY)
                                     : value.toDouble());
    }
    return !out->types.isEmpty();
}

void TestMetrics::checkHistograms(const Scrape &scrape) {
    static const QRegularExpression bucket(
        QStringLiteral(R"re(^(.*)_bucket\{(.*?),?le="([^"]+)"\}$)re"));
    // series ("name{other labels}") -> (le -> cumulative count)
    QMap<QString, QList<QPair<double, double>>> series;
    for (auto it = scrape.samples.cbegin(); it != scrape.samples.cend(); ++it) {
        const auto m = bucket.match(it.key());
        if (!m.hasMatch())
            continue;
        const QString le = m.captured(3);
        const double bound = le == QLatin1String("+Inf") ? INFINITY : le.toDouble();
        series[m.captured(1) + QLatin1Char('|') + m.captured(2)].append({bound, it.value()});
    }
    QVERIFY(!series.isEmpty());
    for (auto it = series.begin(); it != series.end(); ++it) {
        auto &buckets = it.value();
        std::sort(buckets.begin(), buckets.end());
        QVERIFY2(std::isinf(buckets.last().first),
                 qPrintable(it.key() + QStringLiteral(": no +Inf")));
        for (qsizetype i = 1; i < buckets.size(); ++i)
            QVERIFY2(buckets[i].second >= buckets[i - 1].second,
                     qPrintable(it.key() + QStringLiteral(": buckets not cumulative")));
        const QStringList parts = it.key().split(QLatin1Char('|'));
        const QString labels =
            parts[1].isEmpty() ? QString() : QLatin1Char('{') + parts[1] + QLatin1Char('}');
        const QString countKey = parts[0] + QStringLiteral("_count") + labels;
        QVERIFY2(scrape.samples.contains(countKey), qPrintable(countKey));
        QCOMPARE(buckets.last().second, scrape.value(countKey));
        QVERIFY(scrape.samples.contains(parts[0] + QStringLiteral("_sum") + labels));
    }
}

void TestMetrics::countsRealTraffic() {
    const Scrape before = scrape();
    QVERIFY(!before.types.isEmpty());
    for (const QString &family : {QStringLiteral("switchboard_http_requests_total"),
                                  QStringLiteral("switchboard_webhooks_total"),
                                  QStringLiteral("switchboard_webhook_signature_failures_total"),
                                  QStringLiteral("switchboard_reconciliation_fixes_total"),
                                  QStringLiteral("switchboard_provider_errors_total"),
                                  QStringLiteral("switchboard_outbox_entries"),
                                  QStringLiteral("switchboard_outbox_oldest_pending_age_seconds"),
                                  QStringLiteral("switchboard_send_latency_seconds"),
                                  QStringLiteral("switchboard_store_commit_seconds"),
                                  QStringLiteral("switchboard_store_checkpoint_seconds")})
        QVERIFY2(before.types.contains(family), qPrintable(family));
    QCOMPARE(before.value(QStringLiteral("switchboard_reconciliation_fixes_total")), 0.0);

    // A send through the sandbox, accepted.
    const sbtest::Reply sent =
        m_http.postJson(url(QStringLiteral("/api/v1/twilio/send-sms")),
                        {{"to", "+14155550100"}, {"body", "metrics"}}, {{"Authorization", m_auth}});
    QVERIFY2(sent.status == 200 || sent.status == 201, sent.body.constData());
    // A webhook whose signature is wrong.
    const sbtest::Reply forged =
        m_http.request("POST", url(QStringLiteral("/twilio/incoming-sms")),
                       "From=%2B14155550100&To=%2B15005550006&Body=hi&MessageSid="
                       "SM00000000000000000000000000000001",
                       {{"Content-Type", "application/x-www-form-urlencoded"},
                        {"X-Twilio-Signature", "AAAAbad="}});
    QVERIFY(forged.status == 401 || forged.status == 403);
    // A request for a path that does not exist: counted as "unmatched", not by its raw path.
    QCOMPARE(m_http.get(url(QStringLiteral("/nothing/here/12345")), {}).status, 404);

    Scrape after;
    QTRY_VERIFY_WITH_TIMEOUT(
        (after = scrape(),
         after.value(QStringLiteral("switchboard_send_latency_seconds_count")) >=
             before.value(QStringLiteral("switchboard_send_latency_seconds_count")) + 1),
        10000);
    const QString sendKey = QStringLiteral(
        "switchboard_http_requests_total{route=\"/api/v1/twilio/send-sms\",code=\"2xx\"}");
    QCOMPARE(after.value(sendKey), before.value(sendKey) + 1);
    const QString forgedKey = QStringLiteral(
        "switchboard_webhooks_total{route=\"/twilio/*\",result=\"signature_failed\"}");
    QCOMPARE(after.value(forgedKey), before.value(forgedKey) + 1);
    const QString failuresKey =
        QStringLiteral("switchboard_webhook_signature_failures_total{route=\"/twilio/*\"}");
    QCOMPARE(after.value(failuresKey), before.value(failuresKey) + 1);
    const QString unmatchedKey =
        QStringLiteral("switchboard_http_requests_total{route=\"unmatched\",code=\"4xx\"}");
    QCOMPARE(after.value(unmatchedKey), before.value(unmatchedKey) + 1);
    for (auto it = after.samples.cbegin(); it != after.samples.cend(); ++it)
        QVERIFY2(!it.key().contains(QLatin1String("12345")), qPrintable(it.key()));
    // The scrape itself, authorised, is counted too (the earlier ones at least).
    QVERIFY(after.value(QStringLiteral(
                "switchboard_http_requests_total{route=\"/metrics\",code=\"2xx\"}")) >= 1);
    QVERIFY(after.value(QStringLiteral("switchboard_store_commit_seconds_count")) >
            before.value(QStringLiteral("switchboard_store_commit_seconds_count")));
    // The message was accepted, so nothing is pending: the depth gauge says so by state.
    QTRY_VERIFY_WITH_TIMEOUT(
        (after = scrape(),
         after.value(QStringLiteral("switchboard_outbox_entries{state=\"pending\"}")) == 0 &&
             after.samples.contains(
                 QStringLiteral("switchboard_outbox_entries{state=\"pending\"}"))),
        10000);
    QCOMPARE(after.value(QStringLiteral("switchboard_outbox_oldest_pending_age_seconds")), 0.0);
    checkHistograms(after);
}

QTEST_MAIN(TestMetrics)
#include "tst_metrics.moc"
