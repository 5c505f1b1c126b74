#include "ServiceFixture.h"
#include "TestSupport.h"
#include "messaging/MessageStatus.h"
#include "providers/twilio/TwilioResources.h"
#include "runtime/SwitchboardService.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QtTest>

using namespace sb;

// Polling mode end to end, over loopback: SWITCHBOARD_RECEIVE=polling on the sandbox, which
// then plays a Twilio that cannot reach this computer — it posts no webhook at all (no inbound
// message, no status callback), so whatever the console learns, it learned by asking. A
// customer's message is stored once, marked as polled; a message sent reaches its true final
// status without a callback (and none was asked for); health says the mode; polls back off
// while nothing happens and come back to the shortest wait when something does.
class TestPolling : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void modeIsPollingAndHealthSaysSo();
    void inboundMessageIsStoredOnceByPolling();
    void whatsAppMessageIsStoredByItsChannelAndOpensTheWindow();
    void sentMessageReachesItsFinalStatusByPolling();
    void pollsBackOffAndComeBack();
    void cleanupTestCase();

private:
    QUrl api(const QString &path) const {
        return QUrl(QStringLiteral("http://127.0.0.1:%1/api/v1/twilio/%2")
                        .arg(m_service->port())
                        .arg(path));
    }
    sbtest::Reply get(const QString &path) {
        return m_http.get(api(path), {{"Authorization", m_auth}});
    }
    QJsonObject statusOf(const QString &sid) {
        return get(QStringLiteral("message-status/") + sid).json();
    }

    QTemporaryDir m_dir;
    sbtest::Http m_http;
    std::unique_ptr<SwitchboardService> m_service;
    QList<QList<int>> m_polls; // listed, fixed, arrived, nextMs of each poll, in order
    const QByteArray m_auth = "Bearer polling-token";
};

void TestPolling::initTestCase() {
    QVERIFY(m_dir.isValid());
    qputenv("SWITCHBOARD_SANDBOX_DELAY_MS", "50");
    QProcessEnvironment env;
    env.insert(QStringLiteral("SWITCHBOARD_RECEIVE"), QStringLiteral("polling"));
    QString error;
    m_service = sbtest::startService(m_dir.filePath(QStringLiteral("data")),
                                     QStringLiteral("polling-token"), env, {}, &error);
    QVERIFY2(m_service, qPrintable(error));
    connect(m_service.get(), &SwitchboardService::polled, this,
            [this](const QDateTime &, int listed, int fixed, int arrived, int nextMs) {
                m_polls.append({listed, fixed, arrived, nextMs});
            });
}

void TestPolling::cleanupTestCase() {
    m_service.reset();
}

void TestPolling::modeIsPollingAndHealthSaysSo() {
    QVERIFY(m_service->receiveMode().polling());
    QVERIFY2(m_service->receiveMode().reason.contains(QStringLiteral("SWITCHBOARD_RECEIVE")),
             qPrintable(m_service->receiveMode().reason));
    const sbtest::Reply health = m_http.get(api(QStringLiteral("health")));
    QCOMPARE(health.status, 200);
    QCOMPARE(health.json().value(QLatin1String("receive")).toString(), QStringLiteral("polling"));
}

void TestPolling::inboundMessageIsStoredOnceByPolling() {
    const sbtest::Reply sent =
        m_http.postJson(api(QStringLiteral("sandbox/inbound")),
                        {{QStringLiteral("from"), QStringLiteral("+14155550142")},
                         {QStringLiteral("body"), QStringLiteral("Is my parcel on its way?")}},
                        {{"Authorization", m_auth}});
    QCOMPARE(sent.status, 201);
    // The sandbox could not post it: its webhook reached nobody.
    QCOMPARE(sent.json().value(QLatin1String("webhook"))[QLatin1String("status")].toInt(), 0);
    const QString sid = sent.json().value(QLatin1String("sid")).toString();
    QVERIFY(!sid.isEmpty());

    QJsonObject stored;
    QTRY_VERIFY_WITH_TIMEOUT((stored = statusOf(sid)).value(QLatin1String("status")).toString() ==
                                 QLatin1String("received"),
                             35000);
    QCOMPARE(stored.value(QLatin1String("from")).toString(), QStringLiteral("+14155550142"));
    QCOMPARE(stored.value(QLatin1String("body")).toString(),
             QStringLiteral("Is my parcel on its way?"));
    const QJsonArray history = stored.value(QLatin1String("history")).toArray();
    QCOMPARE(history.size(), 1);
    QCOMPARE(history.at(0)[QLatin1String("source")].toString(), QStringLiteral("poll"));

    // Later polls list it again and store nothing more: one message, one event.
    const qsizetype polls = m_polls.size();
    QTRY_VERIFY_WITH_TIMEOUT(m_polls.size() >= polls + 2, 70000);
    QCOMPARE(statusOf(sid).value(QLatin1String("history")).toArray().size(), 1);
    const QJsonArray listed = get(QStringLiteral("messages?contact=%2B14155550142&limit=50"))
                                  .json()
                                  .value(QLatin1String("messages"))
                                  .toArray();
    int copies = 0;
    for (const QJsonValue m : listed)
        copies += m[QLatin1String("sid")].toString() == sid ? 1 : 0;
    QCOMPARE(copies, 1);
    // Nothing reached the webhook routes: no request in the inspector.
    const sbtest::Reply webhooks = get(QStringLiteral("webhooks"));
    QCOMPARE(webhooks.status, 200);
    QCOMPARE(webhooks.json().value(QLatin1String("webhooks")).toArray().size(), 0);
}

void TestPolling::whatsAppMessageIsStoredByItsChannelAndOpensTheWindow() {
    const QString customer = QStringLiteral("whatsapp:+14155550146");
    // Before they write, no window is open: free text to them is refused.
    const QJsonObject freeText{{QStringLiteral("to"), customer},
                               {QStringLiteral("body"), QStringLiteral("Your order shipped.")}};
    const sbtest::Reply refused = m_http.postJson(api(QStringLiteral("send-whatsapp")), freeText,
                                                  {{"Authorization", m_auth}});
    QCOMPARE(refused.status, 400);
    QCOMPARE(refused.json()[QLatin1String("error")][QLatin1String("window")][QLatin1String("state")]
                 .toString(),
             QStringLiteral("never-opened"));

    const sbtest::Reply sent =
        m_http.postJson(api(QStringLiteral("sandbox/inbound")),
                        {{QStringLiteral("from"), customer},
                         {QStringLiteral("channel"), QStringLiteral("whatsapp")},
                         {QStringLiteral("body"), QStringLiteral("Where is my order?")}},
                        {{"Authorization", m_auth}});
    QCOMPARE(sent.status, 201);
    QCOMPARE(sent.json().value(QLatin1String("webhook"))[QLatin1String("status")].toInt(), 0);
    const QString sid = sent.json().value(QLatin1String("sid")).toString();
    const QDateTime twilioTime =
        parseTwilioDate(sent.json().value(QLatin1String("date_sent")).toString());
    QVERIFY(twilioTime.isValid());

    QJsonObject stored;
    QTRY_VERIFY_WITH_TIMEOUT((stored = statusOf(sid)).value(QLatin1String("status")).toString() ==
                                 QLatin1String("received"),
                             35000);
    // Stored by the WhatsApp channel, as its webhook would: its channel, Twilio's time of the
    // message (not the poll's), its segments, marked as learned by polling.
    QCOMPARE(stored.value(QLatin1String("channel")).toString(), QStringLiteral("whatsapp"));
    QCOMPARE(stored.value(QLatin1String("from")).toString(), customer);
    QCOMPARE(QDateTime::fromString(stored.value(QLatin1String("createdAt")).toString(),
                                   Qt::ISODateWithMs),
             twilioTime);
    QCOMPARE(stored.value(QLatin1String("segments")).toInt(),
             sent.json().value(QLatin1String("num_segments")).toString().toInt());
    QVERIFY(stored.value(QLatin1String("segments")).toInt() > 0);
    const QJsonArray history = stored.value(QLatin1String("history")).toArray();
    QCOMPARE(history.size(), 1);
    QCOMPARE(history.at(0)[QLatin1String("source")].toString(), QStringLiteral("poll"));

    // Their message opened the 24-hour window, from Twilio's time of it: free text goes now.
    const sbtest::Reply answered = m_http.postJson(api(QStringLiteral("send-whatsapp")), freeText,
                                                   {{"Authorization", m_auth}});
    QCOMPARE(answered.status, 201);
    const QJsonObject window = answered.json().value(QLatin1String("window")).toObject();
    QCOMPARE(window.value(QLatin1String("state")).toString(), QStringLiteral("open"));
    QCOMPARE(QDateTime::fromString(window.value(QLatin1String("lastInbound")).toString(),
                                   Qt::ISODateWithMs),
             twilioTime);
}

void TestPolling::sentMessageReachesItsFinalStatusByPolling() {
    const sbtest::Reply sent =
        m_http.postJson(api(QStringLiteral("send-sms")),
                        {{QStringLiteral("to"), QStringLiteral("+14155550143")},
                         {QStringLiteral("body"), QStringLiteral("It left this morning.")}},
                        {{"Authorization", m_auth}});
    QCOMPARE(sent.status, 201);
    const QString sid = sent.json().value(QLatin1String("messageSid")).toString();
    QVERIFY(!sid.isEmpty());
    // The send brought polling back to its shortest wait: a few seconds, not the back-off.
    QJsonObject stored;
    QTRY_VERIFY_WITH_TIMEOUT((stored = statusOf(sid)).value(QLatin1String("status")).toString() ==
                                 QLatin1String("delivered"),
                             20000);
    const QJsonArray history = stored.value(QLatin1String("history")).toArray();
    QVERIFY(!history.isEmpty());
    for (const QJsonValue event : history) {
        const QString status = event[QLatin1String("status")].toString();
        // What Twilio's answer to the send said is the console's own; everything after it
        // was learned by polling.
        if (MessageStatus::rank(status) > MessageStatus::rank(QStringLiteral("queued")))
            QCOMPARE(event[QLatin1String("source")].toString(), QStringLiteral("poll"));
    }
    const sbtest::Reply webhooks = get(QStringLiteral("webhooks"));
    QCOMPARE(webhooks.json().value(QLatin1String("webhooks")).toArray().size(), 0);
}

void TestPolling::pollsBackOffAndComeBack() {
    // Quiet: each poll that finds nothing doubles the wait (2, 4, 8 s...).
    m_polls.clear();
    QTRY_VERIFY_WITH_TIMEOUT(m_polls.size() >= 2, 40000);
    const QList<int> a = m_polls.at(m_polls.size() - 2);
    const QList<int> b = m_polls.last();
    QVERIFY2(b.at(3) > a.at(3) || b.at(3) == 30000,
             qPrintable(QStringLiteral("%1 then %2 ms").arg(a.at(3)).arg(b.at(3))));
    QCOMPARE(b.at(1) + b.at(2), 0);
    // A customer writes: the poll that brings it goes back to the shortest wait.
    const sbtest::Reply sent =
        m_http.postJson(api(QStringLiteral("sandbox/inbound")),
                        {{QStringLiteral("from"), QStringLiteral("+14155550144")},
                         {QStringLiteral("body"), QStringLiteral("Thanks!")}},
                        {{"Authorization", m_auth}});
    QCOMPARE(sent.status, 201);
    QTRY_VERIFY_WITH_TIMEOUT(!m_polls.isEmpty() && m_polls.last().at(2) == 1, 40000);
    QCOMPARE(m_polls.last().at(3), 2000);
}

QTEST_GUILESS_MAIN(TestPolling)
#include "tst_polling.moc"
