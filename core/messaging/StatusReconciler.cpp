#include "StatusReconciler.h"

#include "common/Logging.h"
#include "common/Metrics.h"
#include "db/SqlDialect.h"
#include "db/Store.h"
#include "db/StoreWorker.h"
#include "messaging/MessageStatus.h"
#include "messaging/OptOuts.h"
#include "providers/twilio/TwilioClient.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTimer>

namespace sb {

namespace {

const QString FixesMetric = QStringLiteral("switchboard_reconciliation_fixes_total");

struct SweepCounts {
    int fixed = 0;
    int arrived = 0;
};

bool isInbound(const TwilioMessage &m) {
    return m.direction == QLatin1String("inbound");
}

bool isPlainNumber(const QString &address) {
    return !address.contains(QLatin1Char(':'));
}

// A channel's addresses ("whatsapp:+1...") are the channel's to store, through its own path;
// plain numbers' messages are core's (nullptr); nullopt: nobody stores them.
std::optional<const PolledInbound *> storerFor(const QList<PolledInbound> &storers,
                                               const TwilioMessage &m) {
    if (isPlainNumber(m.from) && isPlainNumber(m.to))
        return nullptr;
    for (const PolledInbound &how : storers) {
        if (!how.addressPrefix.isEmpty() && m.from.startsWith(how.addressPrefix) &&
            m.to.startsWith(how.addressPrefix))
            return &how;
    }
    return std::nullopt;
}

InboundMessage polledInbound(const TwilioMessage &m, const QDateTime &now) {
    InboundMessage in;
    in.sid = m.sid;
    in.from = m.from;
    in.to = m.to;
    in.body = m.body;
    in.segments = qMax(0, m.numSegments);
    in.polled = true;
    // Twilio's time of the message, not the poll's: a customer's message missed overnight
    // is yesterday's (and so is the WhatsApp window it opened).
    in.receivedAt = m.dateSent.isValid()      ? m.dateSent
                    : m.dateCreated.isValid() ? m.dateCreated
                                              : now;
    return in;
}

} // namespace

StatusReconciler::Options StatusReconciler::optionsFor(int afterSeconds) {
    Options options;
    options.afterMs = qint64(afterSeconds) * 1000;
    options.intervalMs = afterSeconds <= 0
                             ? 0 // polling mode alone may need a reconciler: no passes of its own
                             : RecheckSchedule::passIntervalMs(options.afterMs);
    return options;
}

StatusReconciler::StatusReconciler(Store *store, TwilioClient *client, Clock clock, Options options,
                                   QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_client(client)
    , m_clock(std::move(clock))
    , m_options(options)
    , m_timer(new QTimer(this))
    , m_schedule({options.afterMs, options.giveUpAfterMs, options.maxFetchesPerPass}) {
    m_timer->setInterval(m_options.intervalMs);
    connect(m_timer, &QTimer::timeout, this, &StatusReconciler::reconcileNow);
}

void StatusReconciler::start() {
    sweep();
    if (m_options.intervalMs > 0)
        m_timer->start();
}

void StatusReconciler::countFixes(int fixes) {
    if (fixes > 0 && m_metrics)
        m_metrics->increment(FixesMetric, {}, fixes);
}

std::optional<bool> StatusReconciler::applyPolled(StoreWorker &w, const TwilioMessage &message,
                                                  bool onlyKnown, QString *error) {
    if (!MessageStatus::isKnown(message.status))
        return false;
    const auto before = w.messageBy(QStringLiteral("sid"), message.sid, error);
    if (!before)
        return std::nullopt;
    if (!*before && onlyKnown)
        return false;
    StatusCallback cb;
    cb.messageSid = message.sid;
    cb.status = message.status;
    cb.errorCode = message.errorCode;
    cb.errorMessage = message.errorMessage;
    cb.from = message.from;
    cb.to = message.to;
    cb.polled = true;
    if (!w.applyStatusCallback(cb, error))
        return std::nullopt;
    const auto after = w.messageBy(QStringLiteral("sid"), message.sid, error);
    if (!after)
        return std::nullopt;
    const QString was = *before ? (*before)->status : QString();
    return *after && (*after)->status != was;
}

void StatusReconciler::reconcileNow() {
    if (m_running)
        return;
    m_running = true;
    m_fetched = 0;
    m_fixed = 0;
    const QDateTime now = m_clock();
    const qint64 cutoff = now.toMSecsSinceEpoch() - m_options.afterMs;
    const qint64 oldest = now.toMSecsSinceEpoch() - m_options.giveUpAfterMs;
    // More rows than a pass fetches: some are waiting out their back-off.
    const int rows = m_options.maxFetchesPerPass * 10;
    m_store->run<QStringList>(
        this,
        [cutoff, oldest, rows](StoreWorker &w, QString *error) -> std::optional<QStringList> {
            QSqlQuery q(w.database());
            // Twilio's message SIDs only: other rows (an email's SendGrid id) are not Twilio's.
            sql::prepare(q,
                         QStringLiteral(
                             "SELECT sid FROM messages WHERE direction = 'outbound' AND (sid LIKE "
                             "'SM%' OR sid LIKE 'MM%') AND status_rank < ? AND updated_at <= ? AND "
                             "created_at >= ? ORDER BY updated_at LIMIT ?"));
            q.addBindValue(MessageStatus::rank(QStringLiteral("delivered"))); // below final
            q.addBindValue(cutoff);
            q.addBindValue(oldest);
            q.addBindValue(rows);
            if (!q.exec()) {
                *error = q.lastError().text();
                return std::nullopt;
            }
            QStringList found;
            while (q.next())
                found.append(q.value(0).toString());
            return found;
        },
        [this](const StoreResult<QStringList> &found) {
            if (!found.ok()) {
                qCWarning(lcTwilio).noquote()
                    << "reconciliation: cannot read messages:" << found.error;
                m_running = false;
                Q_EMIT passFinished(0, 0);
                return;
            }
            fetchCandidates(found.value);
        });
}

void StatusReconciler::fetchCandidates(const QStringList &candidates) {
    const QStringList due = m_schedule.due(candidates, m_clock());
    if (due.isEmpty()) {
        m_running = false;
        Q_EMIT passFinished(0, 0);
        return;
    }
    m_outstanding = int(due.size());
    for (const QString &sid : due) {
        m_client->fetchMessage(sid, this, [this, sid](const TwilioResult<TwilioMessage> &result) {
            fetched(sid, result);
        });
    }
}

void StatusReconciler::fetched(const QString &sid, const TwilioResult<TwilioMessage> &result) {
    ++m_fetched;
    if (!result.ok()) {
        qCInfo(lcTwilio).noquote()
            << "reconciliation: cannot fetch" << sid << "-" << result.error.message;
        if (result.error.httpStatus == 404) // not this account's (e.g. an earlier sandbox's)
            m_schedule.giveUp(sid, m_clock());
        else
            m_schedule.later(sid, m_clock());
        return finishOne();
    }
    const TwilioMessage message = result.value;
    m_store->run<bool>(
        this,
        [message](StoreWorker &w, QString *error) { return applyPolled(w, message, false, error); },
        [this, sid, final = MessageStatus::isFinal(message.status),
         status = message.status](const StoreResult<bool> &stored) {
            if (!stored.ok())
                qCWarning(lcTwilio).noquote()
                    << "reconciliation: cannot store" << sid << status << "-" << stored.error;
            else if (stored.value)
                qCInfo(lcTwilio).noquote() << "reconciliation:" << sid << "is" << status;
            applied(sid, final, stored.ok() && stored.value);
        });
}

void StatusReconciler::applied(const QString &sid, bool final, bool fixed) {
    if (fixed) {
        ++m_fixed;
        countFixes(1);
    }
    if (final)
        m_schedule.forget(sid);
    else
        m_schedule.later(sid, m_clock());
    finishOne();
}

void StatusReconciler::finishOne() {
    if (--m_outstanding > 0)
        return;
    m_running = false;
    Q_EMIT passFinished(m_fetched, m_fixed);
}

void StatusReconciler::poll() {
    if (m_listing != Listing::None) {
        QMetaObject::invokeMethod(
            this, [this] { Q_EMIT polled(0, 0, 0); }, Qt::QueuedConnection);
        return;
    }
    m_listing = Listing::Poll;
    m_sweepListed = m_sweepFixed = m_sweepArrived = 0;
    // Twilio filters by the day sent: an hour back keeps the minutes around midnight listed.
    listFrom(m_clock().addSecs(-3600), m_options.pollPageSize);
}

void StatusReconciler::sweep() {
    if (m_listing != Listing::None)
        return; // at start only: nothing else is listing then
    m_listing = Listing::Sweep;
    m_sweepListed = m_sweepFixed = m_sweepArrived = 0;
    m_store->run<qint64>(
        this,
        [](StoreWorker &w, QString *error) {
            return RecheckSchedule::lastEventMs(w, QStringLiteral("message_events"), error);
        },
        [this](const StoreResult<qint64> &last) {
            if (!last.ok()) {
                qCWarning(lcTwilio).noquote()
                    << "start-up sweep: cannot read the last event:" << last.error;
                return sweepDone();
            }
            if (last.value == 0)
                return sweepDone(); // a new console: nothing happened while it was closed
            listFrom(QDateTime::fromMSecsSinceEpoch(last.value, Qt::UTC), m_options.sweepPageSize);
        });
}

void StatusReconciler::listFrom(const QDateTime &since, int pageSize) {
    ListMessagesFilter filter;
    filter.dateSentOnOrAfter = since; // Twilio filters by day: the whole day is listed
    filter.pageSize = pageSize;
    m_client->listMessages(
        filter, this, [this](const TwilioResult<TwilioMessagePage> &page) { sweepPage(page, 1); });
}

void StatusReconciler::sweepPage(const TwilioResult<TwilioMessagePage> &page, int pageNumber) {
    const bool polling = m_listing == Listing::Poll;
    if (!page.ok()) {
        qCWarning(lcTwilio).noquote() << (polling ? "poll:" : "start-up sweep:")
                                      << "cannot list messages:" << page.error.message;
        return sweepDone();
    }
    const QList<TwilioMessage> messages = page.value.messages;
    m_sweepListed += int(messages.size());
    const QString next = pageNumber < (polling ? m_options.maxPollPages : m_options.maxSweepPages)
                             ? page.value.nextPageUri
                             : QString();
    // One store job per page: known messages' statuses, missed inbound ones stored once.
    m_store->run<SweepCounts>(
        this,
        [messages, now = m_clock(),
         storers = m_polledInbound](StoreWorker &w, QString *error) -> std::optional<SweepCounts> {
            SweepCounts counts;
            for (const TwilioMessage &m : messages) {
                if (!isInbound(m)) {
                    const std::optional<bool> fixed = applyPolled(w, m, true, error);
                    if (!fixed)
                        return std::nullopt;
                    counts.fixed += *fixed ? 1 : 0;
                    continue;
                }
                const std::optional<const PolledInbound *> how = storerFor(storers, m);
                if (!how)
                    continue;
                const auto known = w.messageBy(QStringLiteral("sid"), m.sid, error);
                if (!known)
                    return std::nullopt;
                if (*known)
                    continue; // its webhook came
                InboundMessage in = polledInbound(m, now);
                if (*how) {
                    in.channel = (*how)->channel;
                    if (!(*how)->store(w, in, error))
                        return std::nullopt;
                } else if (!w.addInboundMessage(in, error) ||
                           !OptOuts::recordInbound(w, in, in.receivedAt, error)) {
                    return std::nullopt;
                }
                ++counts.arrived;
            }
            return counts;
        },
        [this, next, pageNumber, polling](const StoreResult<SweepCounts> &stored) {
            if (!stored.ok()) {
                qCWarning(lcTwilio).noquote() << (polling ? "poll:" : "start-up sweep:")
                                              << "cannot store what Twilio listed:" << stored.error;
                return sweepDone();
            }
            m_sweepFixed += stored.value.fixed;
            m_sweepArrived += stored.value.arrived;
            countFixes(stored.value.fixed);
            // A poll reads on only while pages hold news: the rest was seen before.
            const bool news = stored.value.fixed + stored.value.arrived > 0;
            if (next.isEmpty() || (polling && !news))
                return sweepDone();
            m_client->fetchMessagesPage(
                next, this, [this, pageNumber](const TwilioResult<TwilioMessagePage> &page) {
                    sweepPage(page, pageNumber + 1);
                });
        });
}

void StatusReconciler::sweepDone() {
    const Listing was = std::exchange(m_listing, Listing::None);
    if (was == Listing::Poll) {
        if (m_sweepFixed + m_sweepArrived > 0)
            qCInfo(lcTwilio).noquote() << "poll:" << m_sweepFixed << "statuses brought up to date,"
                                       << m_sweepArrived << "inbound messages stored";
        Q_EMIT polled(m_sweepListed, m_sweepFixed, m_sweepArrived);
        return;
    }
    qCInfo(lcTwilio).noquote() << "start-up sweep:" << m_sweepListed << "messages listed,"
                               << m_sweepFixed << "statuses brought up to date," << m_sweepArrived
                               << "inbound messages missed";
    Q_EMIT sweepFinished(m_sweepListed, m_sweepFixed, m_sweepArrived);
}

} // namespace sb
