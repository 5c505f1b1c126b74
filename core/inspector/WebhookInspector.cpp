#include "WebhookInspector.h"

#include "SignatureDiagnosis.h"
#include "common/Logging.h"
#include "common/Metrics.h"
#include "db/StoreWorker.h"
#include "http/HttpServer.h"

#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTimer>
#include <QUrl>
#include <QUrlQuery>

namespace sb {

namespace {
const QString DroppedMetric = QStringLiteral("switchboard_inspector_dropped_total");
const QString RefusedSkippedMetric = QStringLiteral("switchboard_inspector_refused_skipped_total");
constexpr qint64 DropLogIntervalMs = 10 * 1000; // one warning per flood, not one per request
} // namespace

const QStringList WebhookInspector::Prefixes{QStringLiteral("/twilio/"),
                                             QStringLiteral("/sendgrid/")};

WebhookInspector::WebhookInspector(HttpServer *server, Store *store, Options options,
                                   QObject *parent)
    : QObject(parent)
    , m_server(server)
    , m_store(store)
    , m_options(std::move(options))
    , m_pruneTimer(new QTimer(this))
    , m_refusedPerSecond(m_options.refusedPerSecond) {
    if (!m_options.clock)
        m_options.clock = [] {
            return QDateTime::currentDateTimeUtc();
        };
    for (const QString &prefix : Prefixes)
        server->observe(prefix,
                        [this](const HttpRequest &request, const HttpResponse &response,
                               qint64 elapsedNs) { capture(request, response, elapsedNs); });
    m_pruneTimer->setInterval(PruneIntervalMs);
    connect(m_pruneTimer, &QTimer::timeout, this, [this] { prune(); });
    m_pruneTimer->start();
}

WebhookInspector::~WebhookInspector() {
    writePending();
}

namespace {

// The MessageSid, SmsSid or CallSid of a Twilio webhook, from the form the route decoded
// already (the request keeps it); empty for other paths and forms without one.
QString sidOf(const HttpRequest &request) {
    if (!request.path.startsWith(QLatin1String("/twilio/")))
        return {};
    const FormFields *form = request.form();
    for (const char *key : {"MessageSid", "SmsSid", "CallSid"}) {
        const QString sid = form ? FormEncoding::value(*form, QLatin1String(key)) : QString();
        if (!sid.isEmpty())
            return sid;
    }
    return {};
}

} // namespace

// What a request and its answer are kept as; the caller sets when, from where and how long.
WebhookRecord WebhookInspector::recordOf(const HttpRequest &request, const HttpResponse &response) {
    WebhookRecord r;
    r.method = request.method;
    r.target = request.target;
    r.path = request.path;
    r.headers = redacted(request.headers);
    r.body = request.body;
    r.sid = sidOf(request);
    r.status = response.status;
    r.responseBody = response.body;
    return r;
}

HeaderList WebhookInspector::redacted(const HeaderList &headers) {
    HeaderList out = headers; // shared until a credential is found: most webhooks carry none
    for (qsizetype i = 0; i < out.size(); ++i) {
        const QByteArray &name = headers.at(i).first;
        if (name.compare("authorization", Qt::CaseInsensitive) == 0 ||
            name.compare("proxy-authorization", Qt::CaseInsensitive) == 0 ||
            name.compare("cookie", Qt::CaseInsensitive) == 0)
            out[i].second = QByteArrayLiteral("[redacted]");
    }
    return out;
}

bool WebhookInspector::admitRefused() {
    const int perSecond = m_refusedPerSecond.load();
    if (perSecond <= 0)
        return true;
    if (!m_refusedWindow.isValid() || m_refusedWindow.elapsed() >= 1000) {
        m_refusedWindow.start();
        m_refusedInWindow = 0;
    }
    return ++m_refusedInWindow <= perSecond;
}

void WebhookInspector::skip(const QString &metric, qint64 *count, const char *what) {
    ++*count;
    if (m_options.metrics)
        m_options.metrics->increment(metric);
    if (!m_dropLogged.isValid() || m_dropLogged.elapsed() >= DropLogIntervalMs) {
        qCWarning(lcHttp).nospace() << "webhook inspector: " << what
                                    << "; not kept so far: " << m_dropped + m_refusedSkipped;
        m_dropLogged.start();
    }
}

void WebhookInspector::capture(const HttpRequest &request, const HttpResponse &response,
                               qint64 elapsedNs) {
    if (response.status >= 400 && response.status < 500 && !admitRefused()) {
        skip(RefusedSkippedMetric, &m_refusedSkipped, "a flood of refused requests");
        return;
    }
    WebhookRecord r = recordOf(request, response);
    r.receivedAt = m_options.clock();
    r.peer = request.peer.toString();
    r.elapsedUs = elapsedNs / 1000;
    // The guard verified it: its verdict is kept, not worked out again on the store thread
    // (that HMAC and form decoding were a fourteenth of the store thread's time at ingest).
    if (!request.signatureVerifiedFor.isEmpty()) {
        if (m_lastVerified.url != request.signatureVerifiedFor) {
            const SignatureDiagnosis d = SignatureDiagnosis::verified(request.signatureVerifiedFor);
            m_lastVerified = {request.signatureVerifiedFor, d.result(), d.toJson(), {}};
            m_lastVerified.json =
                QJsonDocument(m_lastVerified.diagnosis).toJson(QJsonDocument::Compact);
        }
        r.signature = m_lastVerified.result;
        r.diagnosis = m_lastVerified.diagnosis;
        r.diagnosisJson = m_lastVerified.json;
    }
    record(std::move(r), {});
}

void WebhookInspector::record(WebhookRecord r, std::function<void(qint64)> done) {
    if (!done && m_backlog >= m_options.maxBacklog) {
        skip(DroppedMetric, &m_dropped, "the store is behind");
        return;
    }
    ++m_backlog;
    const bool twilio = r.path.startsWith(QLatin1String("/twilio/"));
    // Only the verdict (one HMAC) at capture, on the store thread with the row: the
    // explanation is worked out when someone asks (findExplained). The token travels in the
    // job only.
    QByteArray token =
        twilio && !r.replayOf && r.signature.isEmpty() ? m_options.authToken : QByteArray();
    m_bytesSincePrune += r.sizeBytes();
    const bool pruneNow = m_bytesSincePrune >= m_options.maxBytes / PruneEveryShareOfMaxBytes;
    if (pruneNow)
        m_bytesSincePrune = 0;
    m_pending.append({std::move(r), std::move(token), publicBase(), std::move(done)});
    if (!std::exchange(m_writePosted, true))
        QMetaObject::invokeMethod(this, &WebhookInspector::writePending, Qt::QueuedConnection);
    if (pruneNow)
        prune();
}

namespace {

// The signature column of a capture the guard did not verify: a replay, a Twilio request
// checked now (the verdict only), or a SendGrid one, whose route's filter said in its answer.
void settleSignature(WebhookRecord &r, const QByteArray &token, const QString &base) {
    if (r.replayOf) {
        r.signature = QStringLiteral("replay");
    } else if (!r.signature.isEmpty()) {
        return; // verified by the guard at capture
    } else if (r.path.startsWith(QLatin1String("/twilio/"))) {
        const SignatureDiagnosis d =
            SignatureDiagnosis::verdictOnly(token, base, r.target, r.headers, r.body);
        r.signature = d.result();
        r.diagnosis = d.toJson();
    } else {
        const bool refused = r.status == 401 || r.status == 403;
        r.signature = refused ? QStringLiteral("invalid") : QStringLiteral("valid");
        if (refused)
            r.diagnosis = {{QStringLiteral("outcome"), QStringLiteral("refused")},
                           {QStringLiteral("explanation"), QString::fromUtf8(r.responseBody)}};
    }
}

} // namespace

void WebhookInspector::writePending() {
    m_writePosted = false;
    QList<Pending> batch = std::exchange(m_pending, {});
    if (batch.isEmpty())
        return;
    QList<std::function<void(qint64)>> dones;
    dones.reserve(batch.size());
    for (Pending &p : batch)
        dones.append(std::move(p.done));
    m_store->run<QList<qint64>>(
        Receiver(this),
        [batch = std::move(batch)](StoreWorker &w,
                                   QString *error) mutable -> std::optional<QList<qint64>> {
            QList<qint64> ids;
            ids.reserve(batch.size());
            for (Pending &p : batch) {
                settleSignature(p.record, p.token, p.base);
                const std::optional<qint64> id = WebhookLog::insert(w, p.record, error);
                if (!id)
                    return std::nullopt; // the whole batch rolls back and is reported
                ids.append(*id);
            }
            return ids;
        },
        [this, dones](const StoreResult<QList<qint64>> &result) {
            m_backlog -= int(dones.size());
            if (!result.ok())
                qCWarning(lcHttp) << "webhook inspector:" << dones.size()
                                  << "not recorded:" << result.error;
            for (qsizetype i = 0; i < dones.size(); ++i) {
                if (dones[i])
                    dones[i](result.ok() ? result.value.value(i) : 0);
            }
        });
}

void WebhookInspector::explain(WebhookRecord &r, const QByteArray &authToken) {
    if (r.diagnosis.value(QLatin1String("outcome")).toString() != QLatin1String("unexplained"))
        return;
    // The URL it was checked against at capture: the public URL then, and the target.
    const QString checked = r.diagnosis.value(QLatin1String("checkedUrl")).toString();
    if (!checked.endsWith(r.target))
        return;
    const QString base = checked.chopped(r.target.size());
    r.diagnosis =
        SignatureDiagnosis::diagnose(authToken, base, r.target, r.headers, r.body).toJson();
}

void WebhookInspector::findExplained(qint64 id, Receiver receiver, RecordDone done) const {
    m_store->run<std::optional<WebhookRecord>>(
        std::move(receiver),
        [id, token = m_options.authToken](
            StoreWorker &w, QString *error) -> std::optional<std::optional<WebhookRecord>> {
            auto found = WebhookLog::byId(w, id, error);
            if (found && *found)
                explain(**found, token);
            return found;
        },
        std::move(done));
}

void WebhookInspector::prune(Receiver receiver, std::function<void(int)> done) {
    const QDateTime cutoff = m_options.clock().addDays(-m_options.maxAgeDays);
    const qint64 maxBytes = m_options.maxBytes;
    m_store->run<int>(
        receiver.isNull() ? Receiver(this) : receiver,
        [cutoff, maxBytes](StoreWorker &w, QString *error) {
            return WebhookLog::prune(w, cutoff, maxBytes, error);
        },
        [done](const StoreResult<int> &result) {
            if (!result.ok())
                qCWarning(lcHttp) << "webhook inspector: pruning failed:" << result.error;
            if (done)
                done(result.ok() ? result.value : -1);
        });
}

HttpRequest WebhookInspector::requestFor(const WebhookRecord &record, const QVariantMap &edits) {
    HttpRequest request;
    request.method = record.method;
    request.target = record.target;
    const qsizetype q = record.target.indexOf(QLatin1Char('?'));
    request.path = record.path;
    if (q >= 0)
        request.query = QUrlQuery(record.target.mid(q + 1));
    request.body = record.body;
    if (!edits.isEmpty()) {
        FormFields form = record.form();
        for (auto it = edits.cbegin(); it != edits.cend(); ++it) {
            const qsizetype at = std::find_if(form.cbegin(), form.cend(),
                                              [&](const auto &f) { return f.first == it.key(); }) -
                                 form.cbegin();
            form.removeIf([&](const auto &f) { return f.first == it.key(); });
            if (it.value().isNull())
                continue;
            form.insert(std::min(at, form.size()), {it.key(), it.value().toString()});
        }
        request.body = FormEncoding::encode(form);
    }
    for (const auto &[name, value] : record.headers) {
        if (name.compare("Content-Length", Qt::CaseInsensitive) == 0)
            request.headers.append({name, QByteArray::number(request.body.size())});
        else if (name.compare(ReplayHeader.data(), Qt::CaseInsensitive) != 0)
            request.headers.append({name, value});
    }
    request.headers.append({QByteArray(ReplayHeader.data()), QByteArray::number(record.id)});
    request.peer = QHostAddress::LocalHost;
    return request;
}

void WebhookInspector::replay(qint64 id, const QVariantMap &edits, ReplayDone done) {
    Receiver me(this);
    m_store->run<std::optional<WebhookRecord>>(
        me, [id](StoreWorker &w, QString *error) { return WebhookLog::byId(w, id, error); },
        [this, id, edits, done](const StoreResult<std::optional<WebhookRecord>> &found) {
            if (!found.ok())
                return done({0, 0, {}, found.error});
            if (!found.value)
                return done({0, 404, {}, tr("No webhook %1 is recorded.").arg(id)});
            const WebhookRecord original = *found.value;
            HttpRequest request = requestFor(original, edits);
            auto timer = std::make_shared<QElapsedTimer>();
            timer->start();
            QPointer<WebhookInspector> self(this);
            m_server->inject(request,
                             [self, request, original, timer, done](const HttpResponse &response) {
                                 if (!self)
                                     return;
                                 WebhookRecord r = recordOf(request, response);
                                 r.receivedAt = self->m_options.clock();
                                 r.peer = QStringLiteral("replay");
                                 r.elapsedUs = timer->nsecsElapsed() / 1000;
                                 r.replayOf = original.id;
                                 self->record(r, [done, response](qint64 replayId) {
                                     done({replayId, response.status, response.body, {}});
                                 });
                             });
        });
}

void WebhookInspector::replayShuffled(
    const QString &sid,
    std::function<void(const QList<ShuffledStep> &, const QString &error)> done) {
    WebhookQuery query;
    query.sid = sid;
    query.limit = 500;
    m_store->run<QList<WebhookRecord>>(
        Receiver(this),
        [query](StoreWorker &w, QString *error) {
            return WebhookLog::find(w, query, WebhookLog::Detail::NoBodies, error);
        },
        [this, done](const StoreResult<QList<WebhookRecord>> &result) {
            if (!result.ok())
                return done({}, result.error);
            // The status callbacks Twilio sent (not replays, not refused ones).
            QList<qint64> ids;
            for (const WebhookRecord &r : result.value) {
                if (!r.replayOf && r.status < 400 && r.path.contains(QLatin1String("status")))
                    ids.append(r.id);
            }
            std::shuffle(ids.begin(), ids.end(), *QRandomGenerator::global());
            // One after the other, in the shuffled order, so the order is the one reported.
            auto steps = std::make_shared<QList<ShuffledStep>>();
            auto next = std::make_shared<std::function<void(qsizetype)>>();
            // The pending replay holds the chain, never the chain itself: no cycle.
            std::weak_ptr<std::function<void(qsizetype)>> weak = next;
            *next = [this, ids, steps, weak, done](qsizetype i) {
                if (i == ids.size())
                    return done(*steps, {});
                replay(ids[i], {}, [i, ids, steps, next = weak.lock()](const ReplayResult &r) {
                    steps->append({ids[i], r.replayId, r.status});
                    if (next)
                        (*next)(i + 1);
                });
            };
            (*next)(0);
        });
}

} // namespace sb
