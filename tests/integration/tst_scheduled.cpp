#include "Await.h"
#include "ServiceFixture.h"
#include "TestSupport.h"
#include "db/Store.h"
#include "providers/twilio/SignatureValidator.h"
#include "runtime/SwitchboardService.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QtTest>

#include <atomic>

using namespace sb;

// Scheduled sends end to end in sandbox mode, over loopback, on an injected clock: a message
// with sendAt waits in the durable outbox (listed, cancellable), goes out within a second of
// its time, survives a restart, and meets every pre-send check (opt-out, WhatsApp's window) at
// its time rather than when it was scheduled. Also a Messaging Service as the sender.
class TestScheduled : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void invalidSendAtIs400_data();
    void invalidSendAtIs400();
    void goesOutAtItsTime();
    void cancelledNeverGoes();
    void cancelAfterSentIs409();
    void optOutBeforeItsTimeFailsItWith21610();
    void whatsAppWindowIsJudgedAtSendTime();
    void survivesARestart();
    void messagingServiceReachesTheSandbox();

private:
    std::unique_ptr<SwitchboardService> start(const QString &dir);
    QUrl api(const QString &path) const;
    sbtest::Reply send(const QString &endpoint, const QJsonObject &json);
    sbtest::Reply del(const QString &id);
    QJsonArray scheduled();
    QJsonObject message(const QString &id);
    int sandboxMessagesTo(const QString &to);
    sbtest::Reply inbound(const QString &path, const QString &from, const QString &to,
                          const QString &body);
    QString at(qint64 secondsFromNow) const;
    void advance(qint64 seconds) { m_now->fetch_add(seconds * 1000); }
    QString nextContact() { return QStringLiteral("+1415666%1").arg(1000 + ++m_contacts); }

    QTemporaryDir m_dir;
    std::unique_ptr<SwitchboardService> m_service;
    sbtest::Http m_http;
    std::shared_ptr<std::atomic<qint64>> m_now = std::make_shared<std::atomic<qint64>>(
        QDateTime(QDate(2026, 11, 20), QTime(9, 0), Qt::UTC).toMSecsSinceEpoch());
    int m_contacts = 0;
    const QByteArray m_auth = "Bearer sched-token";
};

std::unique_ptr<SwitchboardService> TestScheduled::start(const QString &dir) {
    QString error;
    auto now = m_now;
    auto service = sbtest::startService(
        dir, QStringLiteral("sched-token"), {},
        [now] { return QDateTime::fromMSecsSinceEpoch(now->load(), Qt::UTC); }, &error);
    if (!service)
        qWarning() << error;
    return service;
}

void TestScheduled::initTestCase() {
    qputenv("SWITCHBOARD_SANDBOX_DELAY_MS", "20");
    m_service = start(m_dir.path());
    QVERIFY(m_service);
}

void TestScheduled::cleanupTestCase() {
    m_service.reset();
}

QUrl TestScheduled::api(const QString &path) const {
    return QUrl(
        QStringLiteral("http://127.0.0.1:%1/api/v1/twilio/%2").arg(m_service->port()).arg(path));
}

QString TestScheduled::at(qint64 secondsFromNow) const {
    return QDateTime::fromMSecsSinceEpoch(m_now->load() + secondsFromNow * 1000, Qt::UTC)
        .toString(Qt::ISODate);
}

sbtest::Reply TestScheduled::send(const QString &endpoint, const QJsonObject &json) {
    return m_http.postJson(api(endpoint), json, {{"Authorization", m_auth}});
}

sbtest::Reply TestScheduled::del(const QString &id) {
    return m_http.request("DELETE", api(QStringLiteral("scheduled/") + id), {},
                          {{"Authorization", m_auth}});
}

QJsonArray TestScheduled::scheduled() {
    const sbtest::Reply r =
        m_http.get(api(QStringLiteral("scheduled")), {{"Authorization", m_auth}});
    return r.json().value(QLatin1String("scheduled")).toArray();
}

QJsonObject TestScheduled::message(const QString &id) {
    // The store's own view of the message (a scheduled one has no SID yet).
    const auto r = sbtest::await<StoreResult<std::optional<MessageRecord>>>([&](auto done) {
        m_service->store()->messageById(id.toLongLong(), m_service.get(), done);
    });
    if (!r || !r->ok() || !r->value)
        return {};
    return {{QStringLiteral("status"), r->value->status},
            {QStringLiteral("errorCode"), r->value->errorCode},
            {QStringLiteral("errorMessage"), r->value->errorMessage},
            {QStringLiteral("sid"), r->value->sid},
            {QStringLiteral("scheduledFor"), r->value->scheduledFor.isValid()
                                                 ? r->value->scheduledFor.toString(Qt::ISODate)
                                                 : QString()}};
}

int TestScheduled::sandboxMessagesTo(const QString &to) {
    const Config &config = m_service->config();
    QUrl url(m_service->sandboxUrl().toString() +
             QStringLiteral("/2010-04-01/Accounts/%1/Messages.json").arg(config.accountSid));
    url.setQuery(QStringLiteral("To=") + QString::fromLatin1(QUrl::toPercentEncoding(to)));
    const QByteArray basic =
        "Basic " + (config.accountSid + QLatin1Char(':') + config.authToken).toUtf8().toBase64();
    const sbtest::Reply r = m_http.get(url, {{"Authorization", basic}});
    return r.status == 200 ? int(r.json().value(QLatin1String("messages")).toArray().size()) : -1;
}

sbtest::Reply TestScheduled::inbound(const QString &path, const QString &from, const QString &to,
                                     const QString &body) {
    const FormFields fields{
        {QStringLiteral("MessageSid"),
         QStringLiteral("SM%1").arg(QUuid::createUuid().toString(QUuid::Id128))},
        {QStringLiteral("From"), from},
        {QStringLiteral("To"), to},
        {QStringLiteral("Body"), body}};
    const QString url = m_service->publicUrl().toString() + path;
    return m_http.postForm(
        QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_service->port()).arg(path)), fields,
        {{"X-Twilio-Signature",
          SignatureValidator::sign(m_service->config().authToken.toUtf8(), url, fields)}});
}

void TestScheduled::invalidSendAtIs400_data() {
    QTest::addColumn<QJsonValue>("sendAt");
    QTest::newRow("in the past") << QJsonValue(at(-60));
    QTest::newRow("two seconds ahead") << QJsonValue(at(2));
    QTest::newRow("36 days ahead") << QJsonValue(at(36 * 24 * 3600));
    QTest::newRow("no offset") << QJsonValue(QStringLiteral("2026-11-20T10:00:00"));
    QTest::newRow("not a time") << QJsonValue(QStringLiteral("tomorrow at ten"));
    QTest::newRow("a number") << QJsonValue(1795000000);
}

void TestScheduled::invalidSendAtIs400() {
    QFETCH(QJsonValue, sendAt);
    const sbtest::Reply r = send(QStringLiteral("send-sms"),
                                 {{"to", nextContact()}, {"body", "Later"}, {"sendAt", sendAt}});
    QCOMPARE(r.status, 400);
    QCOMPARE(r.json().value("error").toObject().value("field").toString(),
             QStringLiteral("sendAt"));
}

void TestScheduled::goesOutAtItsTime() {
    const QString contact = nextContact();
    const QString sendAt = at(60);
    // An offset other than Z is read as the same instant.
    const QString withOffset =
        QDateTime::fromString(sendAt, Qt::ISODate).toOffsetFromUtc(-5 * 3600).toString(Qt::ISODate);
    const sbtest::Reply r =
        send(QStringLiteral("send-sms"),
             {{"to", contact}, {"body", "Your table is ready"}, {"sendAt", withOffset}});
    QCOMPARE(r.status, 201);
    const QString id = QString::number(r.json().value("id").toInteger());
    QCOMPARE(r.json().value("status").toString(), QStringLiteral("scheduled"));
    QCOMPARE(QDateTime::fromString(r.json().value("sendAt").toString(), Qt::ISODateWithMs),
             QDateTime::fromString(sendAt, Qt::ISODate));

    bool listed = false;
    for (const QJsonValue v : scheduled()) {
        const QJsonObject item = v.toObject();
        if (QString::number(item.value("id").toInteger()) != id)
            continue;
        listed = true;
        QCOMPARE(item.value("to").toString(), contact);
        QCOMPARE(item.value("channel").toString(), QStringLiteral("sms"));
        QCOMPARE(item.value("from").toString(), QStringLiteral("+15005550006"));
        QCOMPARE(item.value("body").toString(), QStringLiteral("Your table is ready"));
        QVERIFY(item.contains("createdAt"));
    }
    QVERIFY(listed);

    advance(58);
    QTest::qWait(1500); // a second and a half before its time: still waiting
    QCOMPARE(sandboxMessagesTo(contact), 0);
    QCOMPARE(message(id).value("status").toString(), QStringLiteral("scheduled"));
    // The record carries its time to go, which the tables and the conversation show.
    QCOMPARE(QDateTime::fromString(message(id).value("scheduledFor").toString(), Qt::ISODate),
             QDateTime::fromString(sendAt, Qt::ISODate));
    advance(2);
    QElapsedTimer sent;
    sent.start();
    QTRY_COMPARE_WITH_TIMEOUT(sandboxMessagesTo(contact), 1, 3000);
    QVERIFY2(sent.elapsed() < 1500, qPrintable(QString::number(sent.elapsed())));
    QTRY_COMPARE_WITH_TIMEOUT(message(id).value("status").toString(), QStringLiteral("delivered"),
                              10000);
    QCOMPARE(message(id).value("scheduledFor").toString(), QString()); // sent: no longer waiting
    for (const QJsonValue v : scheduled())
        QVERIFY(QString::number(v.toObject().value("id").toInteger()) != id);
}

void TestScheduled::cancelledNeverGoes() {
    const QString contact = nextContact();
    const sbtest::Reply r =
        send(QStringLiteral("send-sms"), {{"to", contact}, {"body", "Never"}, {"sendAt", at(30)}});
    QCOMPARE(r.status, 201);
    const QString id = QString::number(r.json().value("id").toInteger());
    QCOMPARE(del(id).status, 204);
    QCOMPARE(message(id).value("status").toString(), QStringLiteral("canceled"));
    for (const QJsonValue v : scheduled())
        QVERIFY(QString::number(v.toObject().value("id").toInteger()) != id);
    advance(31);
    QTest::qWait(1500);
    QCOMPARE(sandboxMessagesTo(contact), 0);
    QCOMPARE(del(id).status, 409); // already cancelled
    QCOMPARE(del(QStringLiteral("987654321")).status, 404);
    QCOMPARE(del(QStringLiteral("abc")).status, 404);
}

void TestScheduled::cancelAfterSentIs409() {
    const QString contact = nextContact();
    const sbtest::Reply r =
        send(QStringLiteral("send-sms"), {{"to", contact}, {"body", "Soon"}, {"sendAt", at(10)}});
    QCOMPARE(r.status, 201);
    const QString id = QString::number(r.json().value("id").toInteger());
    advance(10);
    QTRY_COMPARE_WITH_TIMEOUT(sandboxMessagesTo(contact), 1, 3000);
    const sbtest::Reply late = del(id);
    QCOMPARE(late.status, 409);
    QVERIFY(late.json().value("error").toObject().value("message").toString().contains(id));
}

void TestScheduled::optOutBeforeItsTimeFailsItWith21610() {
    const QString contact = nextContact();
    const sbtest::Reply r = send(QStringLiteral("send-sms"),
                                 {{"to", contact}, {"body", "Reminder"}, {"sendAt", at(120)}});
    QCOMPARE(r.status, 201); // no opt-out yet
    const QString id = QString::number(r.json().value("id").toInteger());
    QCOMPARE(inbound(QStringLiteral("/twilio/incoming-sms"), contact,
                     QStringLiteral("+15005550006"), QStringLiteral("STOP"))
                 .status,
             200);
    advance(120);
    QTRY_COMPARE_WITH_TIMEOUT(message(id).value("status").toString(), QStringLiteral("failed"),
                              3000);
    QCOMPARE(message(id).value("errorCode").toInt(), 21610);
    QVERIFY(message(id).value("errorMessage").toString().contains(QStringLiteral("replied STOP")));
    QCOMPARE(sandboxMessagesTo(contact), 0);
}

void TestScheduled::whatsAppWindowIsJudgedAtSendTime() {
    const QString contact = QStringLiteral("whatsapp:") + nextContact();
    const QString sender = QStringLiteral("whatsapp:+14155238886");
    // The sandbox plays the customer (it keeps the window too, as WhatsApp does): this opens
    // the 24-hour window now.
    QCOMPARE(send(QStringLiteral("sandbox/inbound"),
                  {{"from", contact}, {"body", "Hi"}, {"channel", "whatsapp"}})
                 .status,
             201);
    const sbtest::Reply inside =
        send(QStringLiteral("send-whatsapp"),
             {{"to", contact}, {"from", sender}, {"body", "In an hour"}, {"sendAt", at(3600)}});
    QCOMPARE(inside.status, 201);
    const sbtest::Reply outside =
        send(QStringLiteral("send-whatsapp"),
             {{"to", contact}, {"from", sender}, {"body", "Tomorrow"}, {"sendAt", at(25 * 3600)}});
    QCOMPARE(outside.status, 201); // the window is judged when it goes, not now
    QCOMPARE(outside.json().value("status").toString(), QStringLiteral("scheduled"));
    const QString insideId = QString::number(inside.json().value("id").toInteger());
    const QString outsideId = QString::number(outside.json().value("id").toInteger());

    advance(3600);
    QTRY_COMPARE_WITH_TIMEOUT(message(insideId).value("sid").toString().isEmpty(), false, 3000);
    advance(24 * 3600);
    QTRY_COMPARE_WITH_TIMEOUT(message(outsideId).value("status").toString(),
                              QStringLiteral("failed"), 3000);
    QCOMPARE(message(outsideId).value("errorCode").toInt(), 63016);
    QCOMPARE(sandboxMessagesTo(contact), 1);
}

void TestScheduled::survivesARestart() {
    QTemporaryDir dir;
    auto first = start(dir.path());
    QVERIFY(first);
    std::swap(first, m_service);
    const QString soon = nextContact();
    const QString later = nextContact();
    const sbtest::Reply a =
        send(QStringLiteral("send-sms"), {{"to", soon}, {"body", "A"}, {"sendAt", at(60)}});
    const sbtest::Reply b =
        send(QStringLiteral("send-sms"), {{"to", later}, {"body", "B"}, {"sendAt", at(3600)}});
    QCOMPARE(a.status, 201);
    QCOMPARE(b.status, 201);
    const QString laterId = QString::number(b.json().value("id").toInteger());
    m_service.reset(); // Switchboard stops...
    advance(120);      // ...and the first one's time passes while it is down

    m_service = start(dir.path());
    QVERIFY(m_service);
    QTRY_COMPARE_WITH_TIMEOUT(sandboxMessagesTo(soon), 1, 3000); // sent as soon as it is up
    QCOMPARE(sandboxMessagesTo(later), 0);                       // not early
    const QJsonArray waiting = scheduled();
    QCOMPARE(waiting.size(), 1);
    QCOMPARE(QString::number(waiting.at(0).toObject().value("id").toInteger()), laterId);
    advance(3600);
    QTRY_COMPARE_WITH_TIMEOUT(sandboxMessagesTo(later), 1, 3000);
    m_service.reset();
    std::swap(first, m_service);
}

void TestScheduled::messagingServiceReachesTheSandbox() {
    const QString service = QStringLiteral("MG0123456789abcdef0123456789abcdef");
    for (const QJsonObject &json :
         {QJsonObject{{"messagingServiceSid", service}}, QJsonObject{{"from", service}}}) {
        const QString contact = nextContact();
        QJsonObject body = json;
        body.insert("to", contact);
        body.insert("body", "Via the service");
        const sbtest::Reply r = send(QStringLiteral("send-sms"), body);
        QCOMPARE(r.status, 201);
        QCOMPARE(r.json().value("messagingServiceSid").toString(), service);
        QVERIFY(r.json().value("messageSid").toString().startsWith(QLatin1String("SM")));
        QCOMPARE(sandboxMessagesTo(contact), 1);
    }
    const sbtest::Reply bad =
        send(QStringLiteral("send-sms"),
             {{"to", nextContact()}, {"body", "x"}, {"messagingServiceSid", "MG123"}});
    QCOMPARE(bad.status, 400);
    QCOMPARE(bad.json().value("error").toObject().value("field").toString(),
             QStringLiteral("messagingServiceSid"));
}

QTEST_GUILESS_MAIN(TestScheduled)
#include "tst_scheduled.moc"
