#include "Await.h"
#include "PgTestServer.h"
#include "ServiceFixture.h"
#include "TestSupport.h"
#include "common/Metrics.h"
#include "config/Config.h"
#include "db/Store.h"
#include "db/StoreWorker.h"
#include "messaging/MessageStatus.h"
#include "messaging/StatusReconciler.h"
#include "providers/twilio/SignatureValidator.h"
#include "runtime/BuiltInChannels.h"
#include "runtime/SwitchboardService.h"
#include "sandbox/Sandbox.h"
#include "voice/CallStatuses.h"
#include "voice/VoiceCalls.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QtTest>

#include <atomic>

using namespace sb;

// Reconciliation end to end, over loopback, against the sandbox with a share of its status
// callbacks dropped (SWITCHBOARD_SANDBOX_DROP_CALLBACKS): every message reaches its true final
// status once its status is fetched, none is duplicated, no status ever moves backwards, the
// fixes are counted in /metrics' switchboard_reconciliation_fixes_total; and a console stopped
// while Twilio (a sandbox of the test's own, which keeps running) goes on catches up at start:
// statuses, and the inbound message that arrived while it was closed, stored once even when
// its webhook comes late. Time is the service's injected clock, moved forward by the test.
class TestReconciliation : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void sandboxDropsTheChosenShare_data();
    void sandboxDropsTheChosenShare();
    void droppedCallbacksAreRecovered();
    void droppedCallCallbacksAreRecovered();
    void pollingNeverMovesAStatusBackwards();
    void restartCatchesUp();
    void restartCatchesUpOnCalls();
    void restartFindsTheCallWhoseAnswerWasLost();

private:
    std::unique_ptr<SwitchboardService> start(const QString &dir, const QProcessEnvironment &env);
    QUrl api(const SwitchboardService &service, const QString &path) const;
    sbtest::Reply sendSms(const SwitchboardService &service, const QString &to,
                          const QString &body);
    // Twilio's view: sid -> status, from the sandbox's Messages list.
    QHash<QString, QString> truth(const QString &baseUrl, const QString &accountSid,
                                  const QString &authToken);
    QList<MessageRecord> stored(SwitchboardService &service);
    void watchRanks(Store *store);
    void advance(qint64 seconds) { m_now->fetch_add(seconds * 1000); }

    QTemporaryDir m_dir;
    sbtest::Http m_http;
    // The service's clock: real time, plus what the test moves it forward by.
    std::shared_ptr<std::atomic<qint64>> m_now =
        std::make_shared<std::atomic<qint64>>(QDateTime::currentDateTimeUtc().toMSecsSinceEpoch());
    QHash<QString, int> m_ranks; // the highest rank each message has shown
    int m_backwards = 0;         // changes that lowered a message's rank
    const QByteArray m_auth = "Bearer reconcile-token";
};

void TestReconciliation::initTestCase() {
    QVERIFY(m_dir.isValid());
    qputenv("SWITCHBOARD_SANDBOX_DELAY_MS", "10");
}

std::unique_ptr<SwitchboardService> TestReconciliation::start(const QString &dir,
                                                              const QProcessEnvironment &env) {
    QString error;
    auto now = m_now;
    auto service = sbtest::startService(
        dir, QStringLiteral("reconcile-token"), env,
        [now] { return QDateTime::fromMSecsSinceEpoch(now->load(), Qt::UTC); }, &error);
    if (!service)
        qWarning() << error;
    return service;
}

QUrl TestReconciliation::api(const SwitchboardService &service, const QString &path) const {
    return QUrl(
        QStringLiteral("http://127.0.0.1:%1/api/v1/twilio/%2").arg(service.port()).arg(path));
}

sbtest::Reply TestReconciliation::sendSms(const SwitchboardService &service, const QString &to,
                                          const QString &body) {
    return m_http.postJson(api(service, QStringLiteral("send-sms")),
                           {{QStringLiteral("to"), to}, {QStringLiteral("body"), body}},
                           {{"Authorization", m_auth}});
}

QHash<QString, QString> TestReconciliation::truth(const QString &baseUrl, const QString &accountSid,
                                                  const QString &authToken) {
    const QByteArray basic =
        "Basic " + (accountSid + QLatin1Char(':') + authToken).toUtf8().toBase64();
    const QJsonArray list =
        m_http
            .get(
                QUrl(baseUrl + QStringLiteral("/2010-04-01/Accounts/%1/Messages.json?PageSize=1000")
                                   .arg(accountSid)),
                {{"Authorization", basic}})
            .json()
            .value(QLatin1String("messages"))
            .toArray();
    QHash<QString, QString> statuses;
    for (const QJsonValue v : list)
        statuses.insert(v[QLatin1String("sid")].toString(), v[QLatin1String("status")].toString());
    return statuses;
}

QList<MessageRecord> TestReconciliation::stored(SwitchboardService &service) {
    MessageQuery query;
    query.limit = 1000;
    const auto r = sbtest::await<StoreResult<QList<MessageRecord>>>(
        [&](auto done) { service.store()->findMessages(query, &service, done); });
    return r && r->ok() ? r->value : QList<MessageRecord>();
}

void TestReconciliation::watchRanks(Store *store) {
    m_ranks.clear();
    m_backwards = 0;
    connect(store, &Store::messagesChanged, this, [this](const QList<MessageRecord> &changed) {
        for (const MessageRecord &m : changed) {
            if (m.sid.isEmpty())
                continue;
            const int rank = MessageStatus::rank(m.status);
            if (rank < m_ranks.value(m.sid, 0))
                ++m_backwards;
            m_ranks[m.sid] = qMax(rank, m_ranks.value(m.sid, 0));
        }
    });
}

void TestReconciliation::sandboxDropsTheChosenShare_data() {
    QTest::addColumn<int>("percent");
    QTest::addColumn<int>("least"); // dropped, of 60 callbacks (20 messages, 3 each)
    QTest::addColumn<int>("most");
    QTest::newRow("none") << 0 << 0 << 0;
    QTest::newRow("30 %") << 30 << 8 << 30;
    QTest::newRow("all") << 100 << 60 << 60;
}

void TestReconciliation::sandboxDropsTheChosenShare() {
    QFETCH(int, percent);
    QFETCH(int, least);
    QFETCH(int, most);
    // The same seed drops the same callbacks: messages one at a time, twice, compared.
    QList<QStringList> runs;
    for (int run = 0; run < 2; ++run) {
        SandboxOptions options;
        options.statusDelayMs = 2;
        options.dropCallbacksPercent = percent;
        options.dropSeed = 7;
        Sandbox sandbox(options);
        QVERIFY(sandbox.listen(QHostAddress::LocalHost, 0));
        sbtest::addChannels(sandbox);
        QSignalSpy dropped(&sandbox, &Sandbox::callbackDropped);
        QSignalSpy posted(&sandbox, &Sandbox::callbackDelivered);
        const QByteArray basic =
            "Basic " +
            (sandbox.accountSid() + QLatin1Char(':') + sandbox.authToken()).toUtf8().toBase64();
        QStringList pattern;
        for (int i = 0; i < 20; ++i) {
            const sbtest::Reply r = m_http.postForm(
                QUrl(sandbox.baseUrl() + QStringLiteral("/2010-04-01/Accounts/%1/Messages.json")
                                             .arg(sandbox.accountSid())),
                {{QStringLiteral("From"), QStringLiteral("+15005550006")},
                 {QStringLiteral("To"), QStringLiteral("+1415555%1").arg(6000 + i)},
                 {QStringLiteral("Body"), QStringLiteral("Drop test")},
                 // Nobody listens there: posted callbacks are answered with status 0.
                 {QStringLiteral("StatusCallback"), QStringLiteral("http://127.0.0.1:9/status")}},
                {{"Authorization", basic}});
            QCOMPARE(r.status, 201);
            QTRY_COMPARE(dropped.size() + posted.size(), 3 * (i + 1)); // sending, sent, delivered
            // The message itself still reached its true status.
            QCOMPARE(truth(sandbox.baseUrl(), sandbox.accountSid(), sandbox.authToken())
                         .value(r.json().value(QLatin1String("sid")).toString()),
                     QStringLiteral("delivered"));
        }
        for (const QList<QVariant> &d : std::as_const(dropped))
            pattern.append(d.at(1).toString());
        QVERIFY2(dropped.size() >= least && dropped.size() <= most,
                 qPrintable(QString::number(dropped.size())));
        runs.append(pattern);
    }
    QCOMPARE(runs.at(0), runs.at(1));
}

void TestReconciliation::droppedCallbacksAreRecovered() {
    QProcessEnvironment env;
    env.insert(QStringLiteral("SWITCHBOARD_SANDBOX_DROP_CALLBACKS"), QStringLiteral("30"));
    auto service = start(m_dir.filePath(QStringLiteral("dropped")), env);
    QVERIFY(service);
    watchRanks(service->store());
    QSignalSpy passes(service.get(), &SwitchboardService::reconciled);

    // 36 messages: 30 delivered, 6 that end undelivered or failed (the sandbox's test numbers).
    constexpr int Count = 36;
    QStringList sids;
    for (int i = 0; i < Count; ++i) {
        const QString to = i < 30 ? QStringLiteral("+1415555%1").arg(2000 + i)
                                  : QStringLiteral("+1500555300%1").arg(3 + i - 30);
        const sbtest::Reply r = sendSms(*service, to, QStringLiteral("Order %1").arg(i));
        QCOMPARE(r.status, 201);
        sids.append(r.json().value(QLatin1String("messageSid")).toString());
        QVERIFY(!sids.last().isEmpty());
    }

    // Twilio (the sandbox) walks every message to its final status; some callbacks never come.
    const Config &config = service->config();
    const QString sandbox = service->sandboxUrl().toString(QUrl::StripTrailingSlash);
    QHash<QString, QString> twilio;
    QTRY_VERIFY_WITH_TIMEOUT((twilio = truth(sandbox, config.accountSid, config.authToken),
                              std::all_of(sids.cbegin(), sids.cend(),
                                          [&](const QString &sid) {
                                              return MessageStatus::isFinal(twilio.value(sid));
                                          })),
                             15000);
    // Let the callbacks that were posted land: the count of messages behind holds still.
    const auto behind = [&] {
        int n = 0;
        for (const MessageRecord &m : stored(*service))
            n += m.status != twilio.value(m.sid) ? 1 : 0;
        return n;
    };
    int stale = behind();
    for (int settled = 0; settled < 3;) {
        QTest::qWait(150);
        const int now = behind();
        settled = now == stale ? settled + 1 : 0;
        stale = now;
    }
    QVERIFY2(stale > 0, "with 30 % of callbacks dropped some messages must be behind");
    qInfo("%d of %d messages behind Twilio", stale, Count);

    // Not yet due: their last event is recent, nothing is fetched.
    service->reconcileNow();
    QTRY_COMPARE(passes.size(), 1);
    QCOMPARE(passes.takeFirst().at(0).toInt(), 0);

    // Ten minutes on (past SWITCHBOARD_RECONCILE_AFTER_S, 5 minutes), passes of at most 20 fetches
    // each bring every message up to date.
    advance(600);
    int fixed = 0;
    for (int pass = 0; pass < 5; ++pass) {
        service->reconcileNow();
        QTRY_COMPARE(passes.size(), 1);
        const QList<QVariant> result = passes.takeFirst();
        QVERIFY(result.at(0).toInt() <= 20); // Twilio's rate limits: a bounded pass
        fixed += result.at(1).toInt();
        if (result.at(0).toInt() == 0)
            break;
    }
    // Every message that was behind is fixed, by a pass or by a callback that was still on its
    // way when they were counted (on a loaded machine).
    QVERIFY(fixed > 0);
    QVERIFY2(fixed <= stale,
             qPrintable(QStringLiteral("%1 fixed, %2 behind").arg(fixed).arg(stale)));
    QCOMPARE(service->metrics()->value(QStringLiteral("switchboard_reconciliation_fixes_total")),
             double(fixed));

    const QList<MessageRecord> after = stored(*service);
    QCOMPARE(after.size(), Count); // none duplicated, no stub for a polled one
    int polled = 0;
    for (const MessageRecord &m : after) {
        QVERIFY2(m.status == twilio.value(m.sid),
                 qPrintable(m.sid + QLatin1Char(' ') + m.status + " vs " + twilio.value(m.sid)));
        // The history says which statuses were learned by polling.
        const QJsonArray history = m_http
                                       .get(api(*service, QStringLiteral("sms-status/") + m.sid),
                                            {{"Authorization", m_auth}})
                                       .json()
                                       .value(QLatin1String("history"))
                                       .toArray();
        QSet<QString> seen;
        for (const QJsonValue e : history) {
            const QString status = e[QLatin1String("status")].toString();
            QVERIFY2(!seen.contains(status), qPrintable("a status stored twice for " + m.sid));
            seen.insert(status);
            polled += e[QLatin1String("source")].toString() == QLatin1String("poll") ? 1 : 0;
        }
    }
    QCOMPARE(polled, fixed);
    // The metric as /metrics renders it.
    const QByteArray metrics =
        m_http
            .get(QUrl(QStringLiteral("http://127.0.0.1:%1/metrics").arg(service->port())),
                 {{"Authorization", m_auth}})
            .body;
    QVERIFY2(
        metrics.contains("switchboard_reconciliation_fixes_total " + QByteArray::number(fixed)),
        metrics.constData());
    QCOMPARE(m_backwards, 0);
    disconnect(service->store(), nullptr, this, nullptr);
}

void TestReconciliation::droppedCallCallbacksAreRecovered() {
    // Every call status callback dropped: only CallReconciler can tell the console how a call
    // ended. Passes every second, for calls quiet for two.
    QProcessEnvironment env;
    env.insert(QStringLiteral("SWITCHBOARD_SANDBOX_DROP_CALLBACKS"), QStringLiteral("100"));
    env.insert(QStringLiteral("SWITCHBOARD_RECONCILE_AFTER_S"), QStringLiteral("2"));
    auto service = start(m_dir.filePath(QStringLiteral("calls")), env);
    QVERIFY(service);
    QStringList sids;
    for (const QString &to : {QStringLiteral("+14155550180"), QStringLiteral("+14155550181")}) {
        const sbtest::Reply r =
            m_http.postJson(api(*service, QStringLiteral("initiate-call")),
                            {{QStringLiteral("to"), to}}, {{"Authorization", m_auth}});
        QVERIFY2(r.status == 201, r.body.constData());
        sids.append(r.json().value(QLatin1String("callSid")).toString());
        QVERIFY(!sids.last().isEmpty());
    }
    // Twilio (the sandbox) ends both calls; none of their callbacks reaches the console.
    const Config &config = service->config();
    const QByteArray basic =
        "Basic " + (config.accountSid + QLatin1Char(':') + config.authToken).toUtf8().toBase64();
    const QString sandbox = service->sandboxUrl().toString(QUrl::StripTrailingSlash);
    const auto twilioStatus = [&](const QString &sid) {
        return m_http
            .get(QUrl(sandbox + QStringLiteral("/2010-04-01/Accounts/%1/Calls/%2.json")
                                    .arg(config.accountSid, sid)),
                 {{"Authorization", basic}})
            .json()
            .value(QLatin1String("status"))
            .toString();
    };
    const auto stored = [&](const QString &sid) {
        return m_http
            .get(api(*service, QStringLiteral("call-status/") + sid), {{"Authorization", m_auth}})
            .json();
    };
    for (const QString &sid : std::as_const(sids))
        QTRY_VERIFY_WITH_TIMEOUT(CallStatuses::instance().info(twilioStatus(sid)).final, 20000);
    advance(5); // the service's clock: past SWITCHBOARD_RECONCILE_AFTER_S since their last change
    for (const QString &sid : std::as_const(sids)) {
        const QString truth = twilioStatus(sid);
        QTRY_COMPARE_WITH_TIMEOUT(stored(sid).value(QLatin1String("status")).toString(), truth,
                                  20000);
        // Its ending was learned by asking, and says so.
        const QJsonArray history = stored(sid).value(QLatin1String("history")).toArray();
        QVERIFY(!history.isEmpty());
        QCOMPARE(history.last()[QLatin1String("status")].toString(), truth);
        QCOMPARE(history.last()[QLatin1String("source")].toString(), QStringLiteral("poll"));
    }
    QVERIFY(service->metrics()->value(QStringLiteral("switchboard_reconciliation_fixes_total")) >=
            2);
}

void TestReconciliation::pollingNeverMovesAStatusBackwards() {
    QProcessEnvironment env;
    auto service = start(m_dir.filePath(QStringLiteral("backwards")), env);
    QVERIFY(service);
    const sbtest::Reply r = sendSms(*service, QStringLiteral("+14155553000"), QStringLiteral("Hi"));
    QCOMPARE(r.status, 201);
    const QString sid = r.json().value(QLatin1String("messageSid")).toString();
    const auto statusOf = [&] {
        const auto m = sbtest::await<StoreResult<std::optional<MessageRecord>>>(
            [&](auto done) { service->store()->messageBySid(sid, service.get(), done); });
        return m && m->ok() && m->value ? m->value->status : QString();
    };
    QTRY_COMPARE(statusOf(), QStringLiteral("delivered"));

    // What a pass does with Twilio's answer: true when it moved the message.
    const auto poll = [&](const QString &status) {
        TwilioMessage answer;
        answer.sid = sid;
        answer.status = status;
        const auto moved = sbtest::await<StoreResult<bool>>([&](auto done) {
            service->store()->run<bool>(
                service.get(),
                [answer](StoreWorker &w, QString *error) {
                    return StatusReconciler::applyPolled(w, answer, true, error);
                },
                done);
        });
        return moved && moved->ok() ? std::optional<bool>(moved->value) : std::nullopt;
    };
    // Twilio's answer may lag its callbacks (a read from a replica): `sent` after `delivered`
    // is history, never the message's status, and is no fix.
    for (const QString &stale : {QStringLiteral("sent"), QStringLiteral("queued")}) {
        QCOMPARE(poll(stale), std::optional<bool>(false));
        QCOMPARE(statusOf(), QStringLiteral("delivered"));
    }
    // `read` legitimately follows `delivered`: that one is a fix.
    QCOMPARE(poll(QStringLiteral("read")), std::optional<bool>(true));
    QCOMPARE(statusOf(), QStringLiteral("read"));
}

void TestReconciliation::restartCatchesUp() {
    // Twilio: a sandbox of the test's own, on this thread, that outlives the console.
    SandboxOptions options;
    options.statusDelayMs = 300; // the console closes before the last messages are final
    options.dropCallbacksPercent = 30;
    Sandbox sandbox(options);
    const quint16 sandboxPort = sandbox.listen(QHostAddress::LocalHost, 0);
    QVERIFY(sandboxPort);
    sbtest::addChannels(sandbox);
    QProcessEnvironment env;
    env.insert(QStringLiteral("TWILIO_ACCOUNT_SID"), sandbox.accountSid());
    env.insert(QStringLiteral("TWILIO_AUTH_TOKEN"), sandbox.authToken());
    env.insert(QStringLiteral("TWILIO_PHONE_NUMBER"), QStringLiteral("+15005550006"));
    env.insert(QStringLiteral("TWILIO_API_BASE_URL"), sandbox.baseUrl());
    env.insert(QStringLiteral("TWILIO_CONTENT_BASE_URL"), sandbox.baseUrl());
    const QString dir = m_dir.filePath(QStringLiteral("restart"));
    const auto pointSandboxAt = [&](const SwitchboardService &service) {
        const QString url =
            service.config().publicBase(service.port()) + QStringLiteral("/twilio/incoming-sms");
        sandbox.setInboundUrl(QStringLiteral("sms"), url);
        sandbox.setSmsUrl(url);
    };

    QStringList sids;
    {
        auto first = start(dir, env);
        QVERIFY(first);
        pointSandboxAt(*first);
        // Something happened before: the customer wrote once (the last event seen).
        const sbtest::Reply hello =
            m_http.postForm(QUrl(sandbox.baseUrl() + QStringLiteral("/sandbox/inbound")),
                            {{QStringLiteral("From"), QStringLiteral("+14155554000")},
                             {QStringLiteral("To"), QStringLiteral("+15005550006")},
                             {QStringLiteral("Body"), QStringLiteral("Hello")}},
                            {{"Authorization", "Basic " + (sandbox.accountSid() + QLatin1Char(':') +
                                                           sandbox.authToken())
                                                              .toUtf8()
                                                              .toBase64()}});
        QCOMPARE(hello.status, 201);
        for (int i = 0; i < 6; ++i) {
            const sbtest::Reply r = sendSms(*first,
                                            i < 4 ? QStringLiteral("+1415555%1").arg(4100 + i)
                                                  : QStringLiteral("+1500555300%1").arg(3 + i),
                                            QStringLiteral("Before closing %1").arg(i));
            QCOMPARE(r.status, 201);
            sids.append(r.json().value(QLatin1String("messageSid")).toString());
        }
        // Closed while Twilio is still walking them: their callbacks find nobody.
    }
    const QByteArray basic =
        "Basic " +
        (sandbox.accountSid() + QLatin1Char(':') + sandbox.authToken()).toUtf8().toBase64();
    // While it is closed, a customer writes; the webhook finds nobody listening.
    const sbtest::Reply missed =
        m_http.postForm(QUrl(sandbox.baseUrl() + QStringLiteral("/sandbox/inbound")),
                        {{QStringLiteral("From"), QStringLiteral("+14155554001")},
                         {QStringLiteral("To"), QStringLiteral("+15005550006")},
                         {QStringLiteral("Body"), QStringLiteral("Are you there?")}},
                        {{"Authorization", basic}});
    QCOMPARE(missed.status, 201);
    const QString missedSid = missed.json().value(QLatin1String("sid")).toString();
    QVERIFY(!missedSid.isEmpty());
    QHash<QString, QString> twilio;
    QTRY_VERIFY_WITH_TIMEOUT(
        (twilio = truth(sandbox.baseUrl(), sandbox.accountSid(), sandbox.authToken()),
         std::all_of(
             sids.cbegin(), sids.cend(),
             [&](const QString &sid) { return MessageStatus::isFinal(twilio.value(sid)); })),
        15000);

    // Opened again: the start-up sweep catches up before anything else.
    auto now = m_now;
    QString error;
    QProcessEnvironment restartEnv = env;
    auto second = std::make_unique<SwitchboardService>(
        *ConfigLoader::load(
            [&] {
                QProcessEnvironment e = restartEnv;
                e.insert(QStringLiteral("SWITCHBOARD_DATA_DIR"), dir);
                e.insert(QStringLiteral("SWITCHBOARD_PORT"), QStringLiteral("0"));
                e.insert(QStringLiteral("SWITCHBOARD_API_TOKEN"),
                         QStringLiteral("reconcile-token"));
                QString ignored; // a PostgreSQL run: the first service's database
                const QString url = sbtest::PgTestServer::databaseForDataDir(dir, &ignored);
                if (!url.isEmpty())
                    e.insert(QStringLiteral("SWITCHBOARD_DATABASE_URL"), url);
                return e;
            }(),
            QString(), &error),
        builtInChannels());
    second->setClock([now] { return QDateTime::fromMSecsSinceEpoch(now->load(), Qt::UTC); });
    QSignalSpy swept(second.get(), &SwitchboardService::sweepFinished);
    QSignalSpy started(second.get(), &SwitchboardService::started);
    second->start();
    QVERIFY(started.wait(10000));
    pointSandboxAt(*second);
    QTRY_COMPARE_WITH_TIMEOUT(swept.size(), 1, 10000);
    const QList<QVariant> sweep = swept.first();
    qInfo("sweep: %d listed, %d fixed, %d arrived", sweep.at(0).toInt(), sweep.at(1).toInt(),
          sweep.at(2).toInt());
    QVERIFY(sweep.at(0).toInt() >= 8); // 6 sent, 2 received
    QCOMPARE(sweep.at(2).toInt(), 1);  // the one missed while closed

    const QList<MessageRecord> messages = stored(*second);
    QCOMPARE(messages.size(), 8);
    for (const QString &sid : std::as_const(sids)) {
        const auto found = std::find_if(messages.cbegin(), messages.cend(),
                                        [&](const MessageRecord &m) { return m.sid == sid; });
        QVERIFY(found != messages.cend());
        QCOMPARE(found->status, twilio.value(sid));
    }
    QCOMPARE(second->metrics()->value(QStringLiteral("switchboard_reconciliation_fixes_total")),
             double(sweep.at(1).toInt()));
    QVERIFY(sweep.at(1).toInt() > 0);
    const auto missedRow = std::find_if(messages.cbegin(), messages.cend(),
                                        [&](const MessageRecord &m) { return m.sid == missedSid; });
    QVERIFY(missedRow != messages.cend());
    QCOMPARE(missedRow->direction, QStringLiteral("inbound"));
    QCOMPARE(missedRow->body, QStringLiteral("Are you there?"));

    // Twilio's webhook for it arrives after all (a retry through a tunnel): still one message.
    const QString url =
        second->config().publicBase(second->port()) + QStringLiteral("/twilio/incoming-sms");
    const FormFields late{{QStringLiteral("MessageSid"), missedSid},
                          {QStringLiteral("AccountSid"), sandbox.accountSid()},
                          {QStringLiteral("From"), QStringLiteral("+14155554001")},
                          {QStringLiteral("To"), QStringLiteral("+15005550006")},
                          {QStringLiteral("Body"), QStringLiteral("Are you there?")},
                          {QStringLiteral("NumMedia"), QStringLiteral("0")}};
    const sbtest::Reply webhook =
        m_http.postForm(QUrl(url), late,
                        {{"X-Twilio-Signature",
                          SignatureValidator::sign(sandbox.authToken().toUtf8(), url, late)}});
    QCOMPARE(webhook.status, 200);
    QCOMPARE(stored(*second).size(), 8);
    second.reset();
}

void TestReconciliation::restartCatchesUpOnCalls() {
    // Twilio: a sandbox of the test's own that outlives the console.
    SandboxOptions options;
    options.statusDelayMs = 20;
    Sandbox sandbox(options);
    QVERIFY(sandbox.listen(QHostAddress::LocalHost, 0));
    sbtest::addChannels(sandbox);
    QProcessEnvironment env;
    env.insert(QStringLiteral("TWILIO_ACCOUNT_SID"), sandbox.accountSid());
    env.insert(QStringLiteral("TWILIO_AUTH_TOKEN"), sandbox.authToken());
    env.insert(QStringLiteral("TWILIO_PHONE_NUMBER"), QStringLiteral("+15005550006"));
    env.insert(QStringLiteral("TWILIO_API_BASE_URL"), sandbox.baseUrl());
    env.insert(QStringLiteral("TWILIO_CONTENT_BASE_URL"), sandbox.baseUrl());
    const QString dir = m_dir.filePath(QStringLiteral("restart-calls"));
    const QByteArray basic =
        "Basic " +
        (sandbox.accountSid() + QLatin1Char(':') + sandbox.authToken()).toUtf8().toBase64();
    const auto twilioStatus = [&](const QString &sid) {
        return m_http
            .get(QUrl(sandbox.baseUrl() + QStringLiteral("/2010-04-01/Accounts/%1/Calls/%2.json")
                                              .arg(sandbox.accountSid(), sid)),
                 {{"Authorization", basic}})
            .json()
            .value(QLatin1String("status"))
            .toString();
    };
    {
        // Something happened before: a call the console made (the last call event seen).
        auto first = start(dir, env);
        QVERIFY(first);
        const sbtest::Reply r =
            m_http.postJson(api(*first, QStringLiteral("initiate-call")),
                            {{QStringLiteral("to"), QStringLiteral("+14155550182")},
                             {QStringLiteral("url"), QStringLiteral("http://127.0.0.1:9/twiml")}},
                            {{"Authorization", m_auth}});
        QVERIFY2(r.status == 201, r.body.constData());
        const QString sid = r.json().value(QLatin1String("callSid")).toString();
        QTRY_VERIFY_WITH_TIMEOUT(CallStatuses::instance().info(twilioStatus(sid)).final, 20000);
        // ...and the console has stored a status callback of it before it closes: with no call
        // event at all the next start is a new console's, which sweeps nothing.
        QTRY_VERIFY_WITH_TIMEOUT(
            CallStatuses::instance()
                .info(m_http
                          .get(api(*first, QStringLiteral("call-status/") + sid),
                               {{"Authorization", m_auth}})
                          .json()
                          .value(QLatin1String("status"))
                          .toString())
                .final,
            20000);
    }
    // While it is closed, a customer calls; Twilio finds no console to ask what to do.
    const sbtest::Reply missed =
        m_http.postForm(QUrl(sandbox.baseUrl() + QStringLiteral("/sandbox/inbound-call")),
                        {{QStringLiteral("From"), QStringLiteral("+14155554002")},
                         {QStringLiteral("To"), QStringLiteral("+15005550006")},
                         {QStringLiteral("Url"), QStringLiteral("http://127.0.0.1:9/voice")}},
                        {{"Authorization", basic}});
    QVERIFY2(missed.status / 100 == 2, missed.body.constData());
    const QString missedSid = missed.json().value(QLatin1String("sid")).toString();
    QVERIFY(!missedSid.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(CallStatuses::instance().info(twilioStatus(missedSid)).final, 20000);

    // Opened again: the calls' start-up sweep stores the missed call, once, as learned by asking.
    auto second = start(dir, env);
    QVERIFY(second);
    QJsonObject call;
    QTRY_VERIFY_WITH_TIMEOUT(
        (call = m_http
                    .get(api(*second, QStringLiteral("call-status/") + missedSid),
                         {{"Authorization", m_auth}})
                    .json(),
         call.value(QLatin1String("status")).toString() == twilioStatus(missedSid)),
        15000);
    QCOMPARE(call.value(QLatin1String("direction")).toString(), QStringLiteral("inbound"));
    QCOMPARE(call.value(QLatin1String("from")).toString(), QStringLiteral("+14155554002"));
    const QJsonArray history = call.value(QLatin1String("history")).toArray();
    QCOMPARE(history.size(), 1);
    QCOMPARE(history.at(0)[QLatin1String("source")].toString(), QStringLiteral("poll"));
    // Listed once.
    int copies = 0;
    for (const QJsonValue c :
         m_http.get(api(*second, QStringLiteral("calls?limit=50")), {{"Authorization", m_auth}})
             .json()
             .value(QLatin1String("calls"))
             .toArray())
        copies += c[QLatin1String("callSid")].toString() == missedSid ? 1 : 0;
    QCOMPARE(copies, 1);
}

// The console asked Twilio for a call and was killed before Twilio's answer was committed: its
// row stays "requesting", without a SID, and the call is never dialled again (the same
// Idempotency-Key answered 409, outcome unknown). Twilio did place it: the next start's sweep
// finds it by its numbers and time, gives the row its SID and status, and the key now answers
// with the call; nothing is dialled again and the call is listed once.
void TestReconciliation::restartFindsTheCallWhoseAnswerWasLost() {
    SandboxOptions options;
    options.statusDelayMs = 20;
    Sandbox sandbox(options);
    QVERIFY(sandbox.listen(QHostAddress::LocalHost, 0));
    sbtest::addChannels(sandbox);
    QProcessEnvironment env;
    env.insert(QStringLiteral("TWILIO_ACCOUNT_SID"), sandbox.accountSid());
    env.insert(QStringLiteral("TWILIO_AUTH_TOKEN"), sandbox.authToken());
    env.insert(QStringLiteral("TWILIO_PHONE_NUMBER"), QStringLiteral("+15005550006"));
    env.insert(QStringLiteral("TWILIO_API_BASE_URL"), sandbox.baseUrl());
    env.insert(QStringLiteral("TWILIO_CONTENT_BASE_URL"), sandbox.baseUrl());
    const QString dir = m_dir.filePath(QStringLiteral("lost-call-answer"));
    const QByteArray basic =
        "Basic " +
        (sandbox.accountSid() + QLatin1Char(':') + sandbox.authToken()).toUtf8().toBase64();
    const QString calls = sandbox.baseUrl() +
                          QStringLiteral("/2010-04-01/Accounts/%1/Calls").arg(sandbox.accountSid());
    const QString to = QStringLiteral("+14155550184");
    const QByteArray key = "lost-answer-call";
    {
        // The request noted, as CallPlacer notes it before asking Twilio; then the console
        // is gone (a row of another request alike but older than ten minutes stays apart).
        auto first = start(dir, env);
        QVERIFY(first);
        for (const qint64 ago : {0, 3600 * 1000}) {
            CallRequest request;
            request.clientRef = ago ? QString() : QString::fromLatin1(key);
            request.from = QStringLiteral("+15005550006");
            request.to = to;
            request.url = QStringLiteral("http://127.0.0.1:9/twiml");
            const QDateTime at = QDateTime::currentDateTimeUtc().addMSecs(-ago);
            const auto noted = sbtest::await<StoreResult<VoiceCalls::Requested>>([&](auto done) {
                first->store()->run<VoiceCalls::Requested>(
                    first.get(),
                    [request, at](StoreWorker &w, QString *error) {
                        return VoiceCalls::request(w, request, at, error);
                    },
                    done);
            });
            QVERIFY(noted && noted->ok());
            QCOMPARE(noted->value.call.requestState, QStringLiteral("requesting"));
        }
    }
    // What Twilio did with the request whose answer was lost.
    const sbtest::Reply placed =
        m_http.postForm(QUrl(calls + QStringLiteral(".json")),
                        {{QStringLiteral("To"), to},
                         {QStringLiteral("From"), QStringLiteral("+15005550006")},
                         {QStringLiteral("Url"), QStringLiteral("http://127.0.0.1:9/twiml")}},
                        {{"Authorization", basic}});
    QVERIFY2(placed.status == 201, placed.body.constData());
    const QString sid = placed.json().value(QLatin1String("sid")).toString();
    const auto twilioStatus = [&] {
        return m_http
            .get(QUrl(calls + QLatin1Char('/') + sid + QStringLiteral(".json")),
                 {{"Authorization", basic}})
            .json()
            .value(QLatin1String("status"))
            .toString();
    };
    QTRY_VERIFY_WITH_TIMEOUT(CallStatuses::instance().info(twilioStatus()).final, 20000);

    auto second = start(dir, env);
    QVERIFY(second);
    QJsonObject call;
    QTRY_VERIFY_WITH_TIMEOUT((call = m_http
                                         .get(api(*second, QStringLiteral("call-status/") + sid),
                                              {{"Authorization", m_auth}})
                                         .json(),
                              call.value(QLatin1String("status")).toString() == twilioStatus()),
                             15000);
    QCOMPARE(call.value(QLatin1String("to")).toString(), to);
    // The same key answers with the call, and nothing more is dialled.
    const sbtest::Reply retried =
        m_http.postJson(api(*second, QStringLiteral("initiate-call")),
                        {{QStringLiteral("to"), to},
                         {QStringLiteral("url"), QStringLiteral("http://127.0.0.1:9/twiml")}},
                        {{"Authorization", m_auth}, {"Idempotency-Key", key}});
    QVERIFY2(retried.status == 200, retried.body.constData());
    QCOMPARE(retried.json().value(QLatin1String("callSid")).toString(), sid);
    QCOMPARE(retried.json().value(QLatin1String("replayed")).toBool(), true);
    const QJsonArray listed = m_http
                                  .get(QUrl(calls + QStringLiteral(".json?To=%2B14155550184")),
                                       {{"Authorization", basic}})
                                  .json()
                                  .value(QLatin1String("calls"))
                                  .toArray();
    QCOMPARE(listed.size(), 1);
    // One row has the SID; the older request alike is left as it was (never dialled).
    int withSid = 0;
    int requesting = 0;
    for (const QJsonValue c :
         m_http.get(api(*second, QStringLiteral("calls?limit=50")), {{"Authorization", m_auth}})
             .json()
             .value(QLatin1String("calls"))
             .toArray()) {
        if (c[QLatin1String("to")].toString() != to)
            continue;
        withSid += c[QLatin1String("callSid")].toString() == sid ? 1 : 0;
        requesting += c[QLatin1String("callSid")].toString().isEmpty() ? 1 : 0;
    }
    QCOMPARE(withSid, 1);
    QCOMPARE(requesting, 1);
}

QTEST_MAIN(TestReconciliation)
#include "tst_reconciliation.moc"
