#include "Await.h"
#include "ServiceFixture.h"
#include "TestSupport.h"
#include "db/Store.h"
#include "messaging/OptOuts.h"
#include "providers/twilio/SignatureValidator.h"
#include "runtime/SwitchboardService.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QtTest>

#include <atomic>

using namespace sb;
using sbtest::await;

// Opt-out end to end in sandbox mode, over loopback: signed inbound webhooks carrying keywords
// (and Twilio's OptOutType) change the stored state; a send to an opted-out contact is refused
// with 21610 before anything reaches the sandbox; Twilio's own 21610 is recorded the same way.
class TestOptOut : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void keywordsChangeTheState_data();
    void keywordsChangeTheState();
    void optOutTypeWinsOverTheBody_data();
    void optOutTypeWinsOverTheBody();
    void helpIsRecordedWithoutOptingOut();
    void messagingServiceIsTheSender();
    void sendToOptedOutContactIsRefusedBeforeTwilio();
    void optInLiftsTheRefusal();
    void otherSenderIsNotBlocked();
    void twilios21610IsRecorded();
    void whatsAppStopRefusesWhatsAppSends();
    void sandboxSetsOptOutTypeAndRefuses();

private:
    QUrl api(const QString &path) const;
    sbtest::Reply inbound(const QString &from, const QString &body, const FormFields &extra = {},
                          const QString &path = QStringLiteral("/twilio/incoming-sms"),
                          const QString &to = QStringLiteral("+15005550006"));
    std::optional<OptOutState> state(const QString &sender, const QString &contact);
    int sandboxMessagesTo(const QString &to);
    QString nextContact();

    QTemporaryDir m_dir;
    std::unique_ptr<SwitchboardService> m_service;
    sbtest::Http m_http;
    QObject m_ctx;
    std::shared_ptr<std::atomic<qint64>> m_now = std::make_shared<std::atomic<qint64>>(
        QDateTime(QDate(2026, 11, 20), QTime(9, 30), Qt::UTC).toMSecsSinceEpoch());
    int m_contacts = 0;
    const QByteArray m_auth = "Bearer optout-token";
};

void TestOptOut::initTestCase() {
    qputenv("SWITCHBOARD_SANDBOX_DELAY_MS", "20");
    QString error;
    auto now = m_now;
    m_service = sbtest::startService(
        m_dir.path(), QStringLiteral("optout-token"), {},
        [now] { return QDateTime::fromMSecsSinceEpoch(now->load(), Qt::UTC); }, &error);
    QVERIFY2(m_service, qPrintable(error));
}

void TestOptOut::cleanupTestCase() {
    m_service.reset();
}

QUrl TestOptOut::api(const QString &path) const {
    return QUrl(
        QStringLiteral("http://127.0.0.1:%1/api/v1/twilio/%2").arg(m_service->port()).arg(path));
}

QString TestOptOut::nextContact() {
    return QStringLiteral("+1415555%1").arg(1000 + ++m_contacts);
}

sbtest::Reply TestOptOut::inbound(const QString &from, const QString &body, const FormFields &extra,
                                  const QString &path, const QString &to) {
    FormFields fields{{QStringLiteral("MessageSid"),
                       QStringLiteral("SM%1").arg(QUuid::createUuid().toString(QUuid::Id128))},
                      {QStringLiteral("From"), from},
                      {QStringLiteral("To"), to},
                      {QStringLiteral("Body"), body}};
    fields.append(extra);
    const QString url = m_service->publicUrl().toString() + path;
    const QByteArray signature =
        SignatureValidator::sign(m_service->config().authToken.toUtf8(), url, fields);
    return m_http.postForm(
        QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_service->port()).arg(path)), fields,
        {{"X-Twilio-Signature", signature}});
}

std::optional<OptOutState> TestOptOut::state(const QString &sender, const QString &contact) {
    const auto r = await<StoreResult<std::optional<OptOutState>>>(
        [&](auto done) { OptOuts::stateOf(m_service->store(), sender, contact, &m_ctx, done); });
    if (!r || !r->ok())
        return std::nullopt;
    return r->value;
}

int TestOptOut::sandboxMessagesTo(const QString &to) {
    const Config &config = m_service->config();
    QUrl url(m_service->sandboxUrl().toString() +
             QStringLiteral("/2010-04-01/Accounts/%1/Messages.json").arg(config.accountSid));
    url.setQuery(QStringLiteral("To=") + QString::fromLatin1(QUrl::toPercentEncoding(to)));
    const QByteArray basic =
        "Basic " + (config.accountSid + QLatin1Char(':') + config.authToken).toUtf8().toBase64();
    const sbtest::Reply r = m_http.get(url, {{"Authorization", basic}});
    if (r.status != 200)
        return -1;
    return int(r.json().value(QLatin1String("messages")).toArray().size());
}

void TestOptOut::keywordsChangeTheState_data() {
    QTest::addColumn<QString>("body");
    QTest::addColumn<bool>("recorded");
    QTest::addColumn<bool>("optedOut");
    QTest::addColumn<QString>("keyword");
    for (const char *word : {"STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT"})
        QTest::newRow(word) << QString::fromLatin1(word) << true << true
                            << QString::fromLatin1(word);
    QTest::newRow("lower case stop") << "stop" << true << true << "STOP";
    QTest::newRow("mixed case Unsubscribe") << "Unsubscribe" << true << true << "UNSUBSCRIBE";
    QTest::newRow("surrounding spaces") << "  Stop \n" << true << true << "STOP";
    QTest::newRow("stop please is no keyword") << "stop please" << false << false << "";
    QTest::newRow("a question is no keyword") << "Can I stop my order?" << false << false << "";
    QTest::newRow("START alone records opted in") << "START" << true << false << "START";
}

void TestOptOut::keywordsChangeTheState() {
    QFETCH(QString, body);
    QFETCH(bool, recorded);
    QFETCH(bool, optedOut);
    QFETCH(QString, keyword);
    const QString contact = nextContact();
    QCOMPARE(inbound(contact, body).status, 200); // answered only once committed
    const std::optional<OptOutState> s = state(QStringLiteral("+15005550006"), contact);
    QCOMPARE(s.has_value(), recorded);
    if (!recorded)
        return;
    QCOMPARE(s->optedOut, optedOut);
    QCOMPARE(s->keyword, keyword);
    QCOMPARE(s->source, QStringLiteral("keyword"));
    QCOMPARE(s->changedAt, QDateTime::fromMSecsSinceEpoch(m_now->load(), Qt::UTC));
}

void TestOptOut::optOutTypeWinsOverTheBody_data() {
    QTest::addColumn<QString>("body");
    QTest::addColumn<QString>("optOutType");
    QTest::addColumn<bool>("optedOut");
    QTest::newRow("OptOutType STOP on a custom keyword") << "ARRET"
                                                         << "STOP" << true;
    QTest::newRow("OptOutType START over a STOP body") << "STOP"
                                                       << "START" << false;
    QTest::newRow("lower-case optouttype") << "enough"
                                           << "stop" << true;
}

void TestOptOut::optOutTypeWinsOverTheBody() {
    QFETCH(QString, body);
    QFETCH(QString, optOutType);
    QFETCH(bool, optedOut);
    const QString contact = nextContact();
    QCOMPARE(inbound(contact, body, {{QStringLiteral("OptOutType"), optOutType}}).status, 200);
    const std::optional<OptOutState> s = state(QStringLiteral("+15005550006"), contact);
    QVERIFY(s);
    QCOMPARE(s->optedOut, optedOut);
    QCOMPARE(s->source, QStringLiteral("optouttype"));
    QCOMPARE(s->keyword, optOutType.toUpper());
}

void TestOptOut::helpIsRecordedWithoutOptingOut() {
    const QString contact = nextContact();
    QCOMPARE(inbound(contact, QStringLiteral("STOP")).status, 200);
    const QDateTime stoppedAt = QDateTime::fromMSecsSinceEpoch(m_now->load(), Qt::UTC);
    m_now->fetch_add(3600 * 1000);
    QCOMPARE(inbound(contact, QStringLiteral("help")).status, 200);
    const std::optional<OptOutState> s = state(QStringLiteral("+15005550006"), contact);
    QVERIFY(s);
    QVERIFY(s->optedOut); // HELP changes nothing but is noted
    QCOMPARE(s->changedAt, stoppedAt);
    QCOMPARE(s->helpAt, QDateTime::fromMSecsSinceEpoch(m_now->load(), Qt::UTC));
}

void TestOptOut::messagingServiceIsTheSender() {
    const QString contact = nextContact();
    const QString service = QStringLiteral("MG0123456789abcdef0123456789abcdef");
    QCOMPARE(
        inbound(contact, QStringLiteral("STOP"), {{QStringLiteral("MessagingServiceSid"), service}})
            .status,
        200);
    const std::optional<OptOutState> s = state(service, contact);
    QVERIFY(s);
    QVERIFY(s->optedOut);
    QVERIFY(!state(QStringLiteral("+15005550006"), contact));
}

void TestOptOut::sendToOptedOutContactIsRefusedBeforeTwilio() {
    const QString contact = nextContact();
    QCOMPARE(inbound(contact, QStringLiteral("STOP")).status, 200);
    m_now->fetch_add(24 * 3600 * 1000); // the refusal names the day of the STOP, not today
    const sbtest::Reply r =
        m_http.postJson(api(QStringLiteral("send-sms")),
                        {{QStringLiteral("to"), contact}, {QStringLiteral("body"), "Sale!"}},
                        {{"Authorization", m_auth}});
    QCOMPARE(r.status, 400);
    const QJsonObject error = r.json().value(QLatin1String("error")).toObject();
    QCOMPARE(error.value(QLatin1String("code")).toInt(), 21610);
    const QString message = error.value(QLatin1String("message")).toString();
    QVERIFY2(message.contains(contact + QStringLiteral(" replied STOP")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("2026-11-2")), qPrintable(message));
    QVERIFY2(
        !message.contains(
            QDateTime::fromMSecsSinceEpoch(m_now->load(), Qt::UTC).date().toString(Qt::ISODate)),
        qPrintable(message));
    QCOMPARE(sandboxMessagesTo(contact), 0); // nothing ever reached the sandbox
    // The message is kept as failed with the reason, as any refused message.
    const auto found = await<StoreResult<QList<MessageRecord>>>([&](auto done) {
        MessageQuery query;
        query.contact = contact;
        m_service->store()->findMessages(query, &m_ctx, done);
    });
    QVERIFY(found && found->ok());
    bool failedWith21610 = false;
    for (const MessageRecord &m : found->value)
        failedWith21610 |= m.direction == QLatin1String("outbound") &&
                           m.status == QLatin1String("failed") && m.errorCode == 21610;
    QVERIFY(failedWith21610);
}

void TestOptOut::optInLiftsTheRefusal() {
    const QString contact = nextContact();
    QCOMPARE(inbound(contact, QStringLiteral("QUIT")).status, 200);
    QCOMPARE(inbound(contact, QStringLiteral("unstop")).status, 200);
    const sbtest::Reply r =
        m_http.postJson(api(QStringLiteral("send-sms")),
                        {{QStringLiteral("to"), contact}, {QStringLiteral("body"), "Welcome back"}},
                        {{"Authorization", m_auth}});
    QCOMPARE(r.status, 201);
    QCOMPARE(sandboxMessagesTo(contact), 1);
}

void TestOptOut::otherSenderIsNotBlocked() {
    // A STOP to one number says nothing about another sender's messages.
    const QString contact = nextContact();
    QCOMPARE(inbound(contact, QStringLiteral("STOP"), {}, QStringLiteral("/twilio/incoming-sms"),
                     QStringLiteral("+15005550111"))
                 .status,
             200);
    QVERIFY(state(QStringLiteral("+15005550111"), contact)->optedOut);
    const sbtest::Reply r =
        m_http.postJson(api(QStringLiteral("send-sms")),
                        {{QStringLiteral("to"), contact}, {QStringLiteral("body"), "Hello"}},
                        {{"Authorization", m_auth}});
    QCOMPARE(r.status, 201);
}

void TestOptOut::twilios21610IsRecorded() {
    // The sandbox's test number refuses every message with 21610, as Twilio's does.
    const QString contact = QStringLiteral("+15005550004");
    const sbtest::Reply first =
        m_http.postJson(api(QStringLiteral("send-sms")),
                        {{QStringLiteral("to"), contact}, {QStringLiteral("body"), "One"}},
                        {{"Authorization", m_auth}});
    QCOMPARE(first.status, 400);
    QCOMPARE(first.json().value(QLatin1String("error")).toObject().value("twilioStatus").toInt(),
             400); // this one was Twilio's answer
    QTRY_VERIFY(state(QStringLiteral("+15005550006"), contact).has_value());
    const OptOutState s = *state(QStringLiteral("+15005550006"), contact);
    QVERIFY(s.optedOut);
    QCOMPARE(s.source, QStringLiteral("twilio-21610"));
    const sbtest::Reply second =
        m_http.postJson(api(QStringLiteral("send-sms")),
                        {{QStringLiteral("to"), contact}, {QStringLiteral("body"), "Two"}},
                        {{"Authorization", m_auth}});
    QCOMPARE(second.status, 400);
    const QJsonObject error = second.json().value(QLatin1String("error")).toObject();
    QCOMPARE(error.value(QLatin1String("code")).toInt(), 21610);
    QVERIFY(!error.contains(QLatin1String("twilioStatus"))); // refused here, not by Twilio
    QVERIFY(error.value(QLatin1String("message")).toString().contains(QStringLiteral("21610 on")));
}

void TestOptOut::whatsAppStopRefusesWhatsAppSends() {
    const QString contact = QStringLiteral("whatsapp:") + nextContact();
    const QString sender = QStringLiteral("whatsapp:+14155238886");
    QCOMPARE(inbound(contact, QStringLiteral("Stop"), {},
                     QStringLiteral("/twilio/incoming-whatsapp"), sender)
                 .status,
             200);
    QVERIFY(state(sender, contact)->optedOut);
    // The 24-hour window is open (they just wrote), so only the opt-out refuses it.
    const sbtest::Reply r = m_http.postJson(
        api(QStringLiteral("send-whatsapp")),
        {{QStringLiteral("to"), contact}, {QStringLiteral("from"), sender}, {"body", "Hi"}},
        {{"Authorization", m_auth}});
    QCOMPARE(r.status, 400);
    QCOMPARE(r.json().value(QLatin1String("error")).toObject().value("code").toInt(), 21610);
    QCOMPARE(sandboxMessagesTo(contact), 0);
}

void TestOptOut::sandboxSetsOptOutTypeAndRefuses() {
    // The sandbox plays a customer who texts STOP: it marks it with OptOutType, as Advanced
    // Opt-Out does, and refuses the sender's messages to them itself from then on.
    const QString contact = nextContact();
    const sbtest::Reply sim =
        m_http.postJson(api(QStringLiteral("sandbox/inbound")),
                        {{QStringLiteral("from"), contact}, {QStringLiteral("body"), "stop"}},
                        {{"Authorization", m_auth}});
    QCOMPARE(sim.status, 201);
    QTRY_VERIFY(state(QStringLiteral("+15005550006"), contact).has_value());
    QCOMPARE(state(QStringLiteral("+15005550006"), contact)->source, QStringLiteral("optouttype"));

    const Config &config = m_service->config();
    const QByteArray basic =
        "Basic " + (config.accountSid + QLatin1Char(':') + config.authToken).toUtf8().toBase64();
    const sbtest::Reply direct = m_http.postForm(
        QUrl(m_service->sandboxUrl().toString() +
             QStringLiteral("/2010-04-01/Accounts/%1/Messages.json").arg(config.accountSid)),
        {{QStringLiteral("To"), contact},
         {QStringLiteral("From"), QStringLiteral("+15005550006")},
         {QStringLiteral("Body"), QStringLiteral("Hello?")}},
        {{"Authorization", basic}});
    QCOMPARE(direct.status, 400);
    QCOMPARE(direct.json().value(QLatin1String("code")).toInt(), 21610);
}

QTEST_GUILESS_MAIN(TestOptOut)
#include "tst_optout.moc"
