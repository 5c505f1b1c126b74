#include "ServiceFixture.h"
#include "TestSupport.h"
#include "providers/twilio/SignatureValidator.h"
#include "runtime/BuiltInChannels.h"
#include "runtime/SwitchboardService.h"
#include "voice/CallFeed.h"
#include "voice/VoiceApi.h"
#include "voice/VoiceRoutes.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

using namespace sb;

namespace {

// The Dial of a bridge document: its attributes and its Number, or why it is not one.
struct Bridge {
    QStringList elements;
    QXmlStreamAttributes dial;
    QString number;
    QString error;
};

Bridge readBridge(const QByteArray &xml) {
    Bridge b;
    QXmlStreamReader reader(xml);
    while (!reader.atEnd()) {
        if (reader.readNext() != QXmlStreamReader::StartElement)
            continue;
        b.elements.append(reader.name().toString());
        if (reader.name() == QLatin1String("Dial"))
            b.dial = reader.attributes();
        else if (reader.name() == QLatin1String("Number"))
            b.number = reader.readElementText();
    }
    if (reader.hasError())
        b.error = reader.errorString();
    return b;
}

} // namespace

// Click-to-call through the headless product in sandbox mode: the agent's own phone
// (SWITCHBOARD_AGENT_PHONE) is rung first from the caller ID, its TwiML is the signed
// /twilio/bridge that dials the customer (recorded when asked), which the sandbox fetches
// signed and the console serves; unsigned it is 403; without an agent phone the request is
// refused naming it.
class TestVoiceClickToCall : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void ringsTheAgentFirstThenBridges();
    void bridgeTwimlIsServedSigned_data();
    void bridgeTwimlIsServedSigned();
    void unsignedBridgeIs403();
    void invalidFieldsAreReported_data();
    void invalidFieldsAreReported();
    void withoutAgentPhoneIs400NamingIt();
    void feedAnnouncesCallsAndEachArrivalOnce();

private:
    static std::unique_ptr<SwitchboardService> startService(const QString &dir,
                                                            const QString &agentPhone);
    QUrl api(SwitchboardService *service, const QString &path) const;
    sbtest::Reply clickToCall(SwitchboardService *service, const QByteArray &body);
    sbtest::Reply sandboxCall(const QString &sid);
    static QStringList fieldsOf(const sbtest::Reply &r);

    QTemporaryDir m_dir;
    QTemporaryDir m_otherDir;
    std::unique_ptr<SwitchboardService> m_service;
    sbtest::Http m_http;
    const QString m_agent = QStringLiteral("+14155550999");
};

std::unique_ptr<SwitchboardService> TestVoiceClickToCall::startService(const QString &dir,
                                                                       const QString &agentPhone) {
    QProcessEnvironment env;
    if (!agentPhone.isEmpty())
        env.insert(QStringLiteral("SWITCHBOARD_AGENT_PHONE"), agentPhone);
    QString error;
    auto service = sbtest::startService(dir, QStringLiteral("c2c-token"), env, {}, &error);
    if (!service)
        qWarning() << error;
    return service;
}

void TestVoiceClickToCall::initTestCase() {
    qputenv("SWITCHBOARD_SANDBOX_DELAY_MS", "20");
    // Given nationally-formatted, it is stored as E.164.
    m_service = startService(m_dir.path(), QStringLiteral("+1 (415) 555-0999"));
    QVERIFY(m_service);
    QCOMPARE(m_service->config().agentPhone, m_agent);
}

void TestVoiceClickToCall::cleanupTestCase() {
    m_service.reset();
}

QUrl TestVoiceClickToCall::api(SwitchboardService *service, const QString &path) const {
    return QUrl(
        QStringLiteral("http://127.0.0.1:%1/api/v1/twilio/%2").arg(service->port()).arg(path));
}

sbtest::Reply TestVoiceClickToCall::clickToCall(SwitchboardService *service,
                                                const QByteArray &body) {
    return m_http.request(
        "POST", api(service, VoiceRoutes::clickToCall()), body,
        {{"Authorization", "Bearer c2c-token"}, {"Content-Type", "application/json"}});
}

sbtest::Reply TestVoiceClickToCall::sandboxCall(const QString &sid) {
    const Config &c = m_service->config();
    const QByteArray basic =
        "Basic " + (c.accountSid + QLatin1Char(':') + c.authToken).toUtf8().toBase64();
    return m_http.get(
        QUrl(m_service->sandboxUrl().toString() +
             QStringLiteral("/2010-04-01/Accounts/%1/Calls/%2.json").arg(c.accountSid, sid)),
        {{"Authorization", basic}});
}

QStringList TestVoiceClickToCall::fieldsOf(const sbtest::Reply &r) {
    QStringList got;
    for (const QJsonValue e :
         r.json().value(QLatin1String("error")).toObject().value(QLatin1String("errors")).toArray())
        got.append(e.toObject().value(QLatin1String("field")).toString());
    return got;
}

void TestVoiceClickToCall::ringsTheAgentFirstThenBridges() {
    const sbtest::Reply r =
        clickToCall(m_service.get(), R"({"to": "+14155550123", "record": true})");
    QVERIFY2(r.status == 201, r.body.constData());
    const QJsonObject call = r.json();
    const QString sid = call.value(QLatin1String("callSid")).toString();
    QVERIFY2(sid.startsWith(QLatin1String("CA")), qPrintable(sid));
    // The agent's phone is rung, from the caller ID; the customer is in the bridge's URL.
    QCOMPARE(call.value(QLatin1String("to")).toString(), m_agent);
    QCOMPARE(call.value(QLatin1String("from")).toString(), m_service->config().phoneNumber);
    QCOMPARE(call.value(QLatin1String("url")).toString(),
             m_service->publicUrl().toString() + VoiceRoutes::bridge() +
                 QStringLiteral("?to=%2B14155550123&record=true"));

    // Once the agent answers, the sandbox fetches the bridge's TwiML with a signed POST: the
    // console's signature check lets it through and answers 200.
    QJsonObject atTwilio;
    QTRY_VERIFY_WITH_TIMEOUT(
        (atTwilio = sandboxCall(sid).json()).value(QLatin1String("twiml_fetch_status")).toInt() !=
            0,
        10000);
    QCOMPARE(atTwilio.value(QLatin1String("twiml_fetch_status")).toInt(), 200);
    QCOMPARE(atTwilio.value(QLatin1String("to")).toString(), m_agent);
}

void TestVoiceClickToCall::bridgeTwimlIsServedSigned_data() {
    QTest::addColumn<QString>("query");
    QTest::addColumn<bool>("recorded");
    QTest::newRow("recorded") << QStringLiteral("?to=%2B14155550123&record=true") << true;
    QTest::newRow("not recorded") << QStringLiteral("?to=%2B14155550123&record=false") << false;
}

void TestVoiceClickToCall::bridgeTwimlIsServedSigned() {
    QFETCH(QString, query);
    QFETCH(bool, recorded);
    const QString path = VoiceRoutes::bridge() + query;
    const FormFields fields{{QStringLiteral("CallSid"), QStringLiteral("CA") + QString(32, 'b')},
                            {QStringLiteral("CallStatus"), QStringLiteral("in-progress")},
                            {QStringLiteral("From"), QStringLiteral("+15005550006")},
                            {QStringLiteral("To"), m_agent}};
    // Twilio signs the whole URL, query included.
    const QString signedUrl = m_service->publicUrl().toString() + path;
    const sbtest::Reply r = m_http.postForm(
        QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_service->port()).arg(path)), fields,
        {{"X-Twilio-Signature",
          SignatureValidator::sign(m_service->config().authToken.toUtf8(), signedUrl, fields)}});
    QVERIFY2(r.status == 200, r.body.constData());
    QVERIFY(r.header("Content-Type").startsWith("text/xml"));
    const Bridge bridge = readBridge(r.body);
    QVERIFY2(bridge.error.isEmpty(), qPrintable(bridge.error));
    QCOMPARE(bridge.elements, (QStringList{"Response", "Dial", "Number"}));
    QCOMPARE(bridge.number, QStringLiteral("+14155550123"));
    QCOMPARE(bridge.dial.value(QLatin1String("callerId")).toString(),
             QStringLiteral("+15005550006"));
    if (recorded) {
        QCOMPARE(bridge.dial.value(QLatin1String("record")).toString(),
                 QStringLiteral("record-from-answer-dual"));
        QCOMPARE(bridge.dial.value(QLatin1String("recordingStatusCallback")).toString(),
                 m_service->publicUrl().toString() + VoiceRoutes::recordingComplete());
    } else {
        QVERIFY(!bridge.dial.hasAttribute(QLatin1String("record")));
        QVERIFY(!bridge.dial.hasAttribute(QLatin1String("recordingStatusCallback")));
    }
}

void TestVoiceClickToCall::unsignedBridgeIs403() {
    const QString path = VoiceRoutes::bridge() + QStringLiteral("?to=%2B14155550123&record=true");
    const FormFields fields{{QStringLiteral("CallSid"), QStringLiteral("CA") + QString(32, 'c')},
                            {QStringLiteral("From"), QStringLiteral("+15005550006")}};
    const QUrl url(QStringLiteral("http://127.0.0.1:%1%2").arg(m_service->port()).arg(path));
    const sbtest::Reply none = m_http.postForm(url, fields);
    QCOMPARE(none.status, 403);
    QVERIFY(!none.body.contains("<Dial"));
    // Signed for another customer: the query is part of what is signed.
    const QString otherUrl = m_service->publicUrl().toString() + VoiceRoutes::bridge() +
                             QStringLiteral("?to=%2B14155550124&record=true");
    const sbtest::Reply tampered = m_http.postForm(
        url, fields,
        {{"X-Twilio-Signature",
          SignatureValidator::sign(m_service->config().authToken.toUtf8(), otherUrl, fields)}});
    QCOMPARE(tampered.status, 403);
    QVERIFY(!tampered.body.contains("<Dial"));
}

void TestVoiceClickToCall::invalidFieldsAreReported_data() {
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QStringList>("fields");
    QTest::newRow("invalid customer") << QByteArray(R"({"to": "12"})") << QStringList{"to"};
    QTest::newRow("record not a boolean")
        << QByteArray(R"({"to": "+14155550123", "record": "yes"})") << QStringList{"record"};
    QTest::newRow("from not a number")
        << QByteArray(R"({"to": "+14155550123", "from": "abc"})") << QStringList{"from"};
}

void TestVoiceClickToCall::invalidFieldsAreReported() {
    QFETCH(QByteArray, body);
    QFETCH(QStringList, fields);
    const sbtest::Reply r = clickToCall(m_service.get(), body);
    QCOMPARE(r.status, 400);
    QCOMPARE(fieldsOf(r), fields);
}

void TestVoiceClickToCall::withoutAgentPhoneIs400NamingIt() {
    std::unique_ptr<SwitchboardService> other = startService(m_otherDir.path(), QString());
    QVERIFY(other);
    QVERIFY(other->config().agentPhone.isEmpty());
    const sbtest::Reply r = clickToCall(other.get(), R"({"to": "+14155550123"})");
    QCOMPARE(r.status, 400);
    QCOMPARE(fieldsOf(r), QStringList{"agentPhone"});
    QVERIFY2(r.body.contains("SWITCHBOARD_AGENT_PHONE"), r.body.constData());
}

void TestVoiceClickToCall::feedAnnouncesCallsAndEachArrivalOnce() {
    // The store's change feed, read back as calls: what the Calls tab lives on.
    CallFeed feed(m_service->store());
    QSignalSpy changed(&feed, &CallFeed::callsChanged);
    QSignalSpy arrived(&feed, &CallFeed::callArrived);
    const QString sid = QStringLiteral("CA") + QString(32, 'd');
    auto post = [&](const QString &status, int sequence) {
        const FormFields fields{{QStringLiteral("CallSid"), sid},
                                {QStringLiteral("CallStatus"), status},
                                {QStringLiteral("Direction"), QStringLiteral("inbound")},
                                {QStringLiteral("From"), QStringLiteral("+14155550155")},
                                {QStringLiteral("To"), QStringLiteral("+15005550006")},
                                {QStringLiteral("SequenceNumber"), QString::number(sequence)}};
        const QString path = VoiceRoutes::callStatus();
        return m_http
            .postForm(
                QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_service->port()).arg(path)),
                fields,
                {{"X-Twilio-Signature",
                  SignatureValidator::sign(m_service->config().authToken.toUtf8(),
                                           m_service->publicUrl().toString() + path, fields)}})
            .status;
    };
    // Calls placed by earlier tests may still be progressing in the sandbox: look for this one.
    auto lastStatusOf = [&]() {
        QString status;
        for (const QList<QVariant> &emission : std::as_const(changed))
            for (const CallRecord &call : emission.at(0).value<QList<CallRecord>>())
                if (call.sid == sid)
                    status = call.status;
        return status;
    };
    QCOMPARE(post(QStringLiteral("ringing"), 0), 200);
    QTRY_COMPARE(arrived.count(), 1);
    const CallRecord rang = arrived.first().at(0).value<CallRecord>();
    QCOMPARE(rang.sid, sid);
    QCOMPARE(rang.from, QStringLiteral("+14155550155"));
    QVERIFY(rang.isInbound());
    QTRY_COMPARE(lastStatusOf(), QStringLiteral("ringing"));
    // It moves on: announced as changed, not as a new arrival.
    changed.clear();
    QCOMPARE(post(QStringLiteral("in-progress"), 1), 200);
    QTRY_COMPARE(lastStatusOf(), QStringLiteral("in-progress"));
    // A callback Twilio repeats changes nothing and is not announced.
    changed.clear();
    QCOMPARE(post(QStringLiteral("in-progress"), 1), 200);
    QTest::qWait(300);
    QCOMPARE(lastStatusOf(), QString());
    QCOMPARE(arrived.count(), 1);
}

QTEST_GUILESS_MAIN(TestVoiceClickToCall)
#include "tst_voice_clicktocall.moc"
