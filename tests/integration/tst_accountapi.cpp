#include "ServiceFixture.h"
#include "TestSupport.h"
#include "sandbox/Sandbox.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>

using namespace sb;

// The account's part of the local API over loopback: the real embedded server in live mode,
// with the built-in sandbox (run by this test) standing in for Twilio's REST API. account-info
// and phone-numbers; "Wire to this console" points a number at the console's public URL and
// restore puts back what it had (leaving alone what someone changed since); a wiring made
// "only while Switchboard runs" by a console that is killed is restored at the next start; a
// private public URL is refused with what to do. messaging-services lists the account's
// Messaging Services (the sandbox's Messaging API) with their numbers and URLs.
class TestAccountApi : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void accountInfo();
    void tokenIsRequired_data();
    void tokenIsRequired();
    void phoneNumbersListCapabilitiesAndUrls();
    void wireThenRestorePutsBackWhatItHad();
    void restoreLeavesAloneWhatSomeoneChanged();
    void invalidRequests_data();
    void invalidRequests();
    void privatePublicUrlIsRefused();
    void temporaryWiringOfAKilledConsoleIsRestoredAtNextStart();
    void temporaryWiringIsRestoredWhenTheServerStops();
    void accountWithoutPermissionAnswers403_data();
    void accountWithoutPermissionAnswers403();
    void messagingServicesListTheirNumbersAndUrls();
    void messagingServicesWithWrongTwilioCredentialsAre401();

private:
    QProcessEnvironment liveEnv(const QString &publicUrl) const;
    bool startLive(const QString &publicUrl = QString::fromLatin1(PublicUrl));
    sbtest::Reply call(const QByteArray &method, const QString &path, const QByteArray &body = {},
                       const QByteArray &auth = "Bearer account-token");
    void setSandboxNumber(const QString &setting, const QString &value);
    const Sandbox::Number &number() const { return m_sandbox->numbers().first(); }

    static constexpr const char *PublicUrl = "https://console.example.com";
    std::unique_ptr<Sandbox> m_sandbox;
    QString m_sandboxUrl;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SwitchboardService> m_service;
    sbtest::Http m_http;
};

void TestAccountApi::initTestCase() {
    SandboxOptions options;
    options.statusDelayMs = 20;
    m_sandbox = std::make_unique<Sandbox>(options);
    sbtest::addChannels(*m_sandbox);
    const quint16 port = m_sandbox->listen(QHostAddress::LocalHost, 0);
    QVERIFY(port);
    m_sandboxUrl = QStringLiteral("http://127.0.0.1:%1").arg(port);
    QVERIFY(!m_sandbox->numbers().isEmpty());
}

void TestAccountApi::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    // Every test starts from a number with no URLs.
    for (const char *setting : {"SmsUrl", "VoiceUrl", "StatusCallback"})
        setSandboxNumber(QString::fromLatin1(setting), QString());
}

void TestAccountApi::cleanup() {
    m_service.reset();
}

QProcessEnvironment TestAccountApi::liveEnv(const QString &publicUrl) const {
    QProcessEnvironment env;
    env.insert(QStringLiteral("TWILIO_ACCOUNT_SID"), m_sandbox->accountSid());
    env.insert(QStringLiteral("TWILIO_AUTH_TOKEN"), m_sandbox->authToken());
    env.insert(QStringLiteral("TWILIO_PHONE_NUMBER"), m_sandbox->numbers().first().phoneNumber);
    env.insert(QStringLiteral("TWILIO_WHATSAPP_NUMBER"),
               QStringLiteral("whatsapp:") + m_sandbox->numbers().first().phoneNumber);
    env.insert(QStringLiteral("TWILIO_API_BASE_URL"), m_sandboxUrl);
    env.insert(QStringLiteral("TWILIO_MESSAGING_BASE_URL"), m_sandboxUrl);
    if (!publicUrl.isEmpty())
        env.insert(QStringLiteral("SWITCHBOARD_PUBLIC_URL"), publicUrl);
    return env;
}

bool TestAccountApi::startLive(const QString &publicUrl) {
    QString error;
    m_service =
        sbtest::startService(m_dir->filePath(QStringLiteral("data")),
                             QStringLiteral("account-token"), liveEnv(publicUrl), {}, &error);
    if (!m_service)
        qWarning("service did not start: %s", qPrintable(error));
    return m_service != nullptr;
}

sbtest::Reply TestAccountApi::call(const QByteArray &method, const QString &path,
                                   const QByteArray &body, const QByteArray &auth) {
    QList<QPair<QByteArray, QByteArray>> headers;
    if (!auth.isEmpty())
        headers.append(qMakePair(QByteArray("Authorization"), auth));
    if (!body.isEmpty())
        headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
    return m_http.request(method,
                          QUrl(QStringLiteral("http://127.0.0.1:%1/api/v1/twilio/%2")
                                   .arg(m_service->port())
                                   .arg(path)),
                          body, headers);
}

void TestAccountApi::setSandboxNumber(const QString &setting, const QString &value) {
    const QByteArray basic =
        "Basic " +
        (m_sandbox->accountSid() + QLatin1Char(':') + m_sandbox->authToken()).toUtf8().toBase64();
    const sbtest::Reply r = m_http.postForm(
        QUrl(m_sandboxUrl + QStringLiteral("/2010-04-01/Accounts/%1/IncomingPhoneNumbers/%2.json")
                                .arg(m_sandbox->accountSid(), number().sid)),
        {{setting, value}}, {{"Authorization", basic}});
    QCOMPARE(r.status, 200);
}

void TestAccountApi::accountInfo() {
    QVERIFY(startLive());
    const sbtest::Reply r = call("GET", QStringLiteral("account-info"));
    QCOMPARE(r.status, 200);
    const QJsonObject json = r.json();
    QCOMPARE(json.value(QLatin1String("accountSid")).toString(), m_sandbox->accountSid());
    QCOMPARE(json.value(QLatin1String("friendlyName")).toString(),
             QStringLiteral("Switchboard Sandbox"));
    QCOMPARE(json.value(QLatin1String("status")).toString(), QStringLiteral("active"));
    QCOMPARE(json.value(QLatin1String("type")).toString(), QStringLiteral("Trial"));
    QCOMPARE(json.value(QLatin1String("trial")).toBool(), true);
    const QJsonArray limits = json.value(QLatin1String("trialLimits")).toArray();
    QVERIFY(limits.size() >= 3);
    QVERIFY(limits.first().toString().contains(QStringLiteral("verified")));
    QCOMPARE(json.value(QLatin1String("balance")).toString(), QStringLiteral("20.00"));
    QCOMPARE(json.value(QLatin1String("currency")).toString(), QStringLiteral("USD"));
    QCOMPARE(json.value(QLatin1String("mode")).toString(), QStringLiteral("live"));
    QVERIFY(!r.body.contains(m_sandbox->authToken().toUtf8()));
}

void TestAccountApi::tokenIsRequired_data() {
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("auth");
    const QString wire = QStringLiteral("phone-numbers/PN0/wire");
    QTest::newRow("account-info, no token") << QByteArray("GET") << "account-info" << QByteArray();
    QTest::newRow("account-info, wrong token")
        << QByteArray("GET") << "account-info" << QByteArray("Bearer nope");
    QTest::newRow("phone-numbers, no token")
        << QByteArray("GET") << "phone-numbers" << QByteArray();
    QTest::newRow("wire, wrong token") << QByteArray("POST") << wire << QByteArray("Bearer nope");
    QTest::newRow("restore, no token")
        << QByteArray("POST") << "phone-numbers/PN0/restore" << QByteArray();
    QTest::newRow("messaging-services, wrong token")
        << QByteArray("GET") << "messaging-services" << QByteArray("Bearer nope");
}

void TestAccountApi::tokenIsRequired() {
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, auth);
    if (!m_service)
        QVERIFY(startLive());
    const sbtest::Reply r = call(method, path, {}, auth);
    QCOMPARE(r.status, 401);
    QCOMPARE(
        r.json().value(QLatin1String("error")).toObject().value(QLatin1String("status")).toInt(),
        401);
}

void TestAccountApi::phoneNumbersListCapabilitiesAndUrls() {
    setSandboxNumber(QStringLiteral("SmsUrl"), QStringLiteral("https://old.example.net/sms"));
    QVERIFY(startLive());
    const sbtest::Reply r = call("GET", QStringLiteral("phone-numbers"));
    QCOMPARE(r.status, 200);
    const QJsonArray numbers = r.json().value(QLatin1String("phoneNumbers")).toArray();
    QCOMPARE(numbers.size(), m_sandbox->numbers().size());
    const QJsonObject first = numbers.first().toObject();
    QCOMPARE(first.value(QLatin1String("sid")).toString(), number().sid);
    QCOMPARE(first.value(QLatin1String("phoneNumber")).toString(), number().phoneNumber);
    const QJsonObject caps = first.value(QLatin1String("capabilities")).toObject();
    QVERIFY(caps.value(QLatin1String("voice")).toBool());
    QVERIFY(caps.value(QLatin1String("sms")).toBool());
    QVERIFY(caps.value(QLatin1String("mms")).toBool());
    QVERIFY(caps.value(QLatin1String("whatsapp")).toBool()); // TWILIO_WHATSAPP_NUMBER
    QCOMPARE(first.value(QLatin1String("smsUrl")).toString(),
             QStringLiteral("https://old.example.net/sms"));
    QVERIFY(first.value(QLatin1String("voiceUrl")).isNull());
    QCOMPARE(first.value(QLatin1String("wiredToConsole")).toBool(), false);
}

void TestAccountApi::wireThenRestorePutsBackWhatItHad() {
    setSandboxNumber(QStringLiteral("SmsUrl"), QStringLiteral("https://old.example.net/sms"));
    QVERIFY(startLive());
    const QString base = QString::fromLatin1(PublicUrl);
    const sbtest::Reply wired =
        call("POST", QStringLiteral("phone-numbers/%1/wire").arg(number().sid), "{}");
    QCOMPARE(wired.status, 200);
    QJsonObject json = wired.json();
    QCOMPARE(json.value(QLatin1String("smsUrl")).toString(), base + "/twilio/incoming-sms");
    QCOMPARE(json.value(QLatin1String("voiceUrl")).toString(), base + "/twilio/voice-response");
    QCOMPARE(json.value(QLatin1String("statusCallback")).toString(), base + "/twilio/call-status");
    QCOMPARE(json.value(QLatin1String("wiredToConsole")).toBool(), true);
    QCOMPARE(json.value(QLatin1String("onlyWhileRunning")).toBool(), false);
    QCOMPARE(
        json.value(QLatin1String("previous")).toObject().value(QLatin1String("SmsUrl")).toString(),
        QStringLiteral("https://old.example.net/sms"));
    // Twilio (the sandbox) really has them.
    QCOMPARE(number().smsUrl, base + "/twilio/incoming-sms");
    QCOMPARE(number().voiceUrl, base + "/twilio/voice-response");
    QCOMPARE(number().statusCallback, base + "/twilio/call-status");

    // Wiring again keeps the first previous values: they are what the agent had.
    const sbtest::Reply again =
        call("POST", QStringLiteral("phone-numbers/%1/wire").arg(number().sid),
             R"({"onlyWhileRunning": true})");
    QCOMPARE(again.status, 200);
    json = again.json();
    QCOMPARE(json.value(QLatin1String("onlyWhileRunning")).toBool(), true);
    QCOMPARE(
        json.value(QLatin1String("previous")).toObject().value(QLatin1String("SmsUrl")).toString(),
        QStringLiteral("https://old.example.net/sms"));
    const QJsonObject listed = call("GET", QStringLiteral("phone-numbers"))
                                   .json()
                                   .value(QLatin1String("phoneNumbers"))
                                   .toArray()
                                   .first()
                                   .toObject();
    QCOMPARE(listed.value(QLatin1String("wiredToConsole")).toBool(), true);

    const sbtest::Reply restored =
        call("POST", QStringLiteral("phone-numbers/%1/restore").arg(number().sid));
    QCOMPARE(restored.status, 200);
    QCOMPARE(restored.json().value(QLatin1String("wiredToConsole")).toBool(), false);
    QCOMPARE(number().smsUrl, QStringLiteral("https://old.example.net/sms"));
    QCOMPARE(number().voiceUrl, QString());
    QCOMPARE(number().statusCallback, QString());
    // Nothing left to restore.
    const sbtest::Reply twice =
        call("POST", QStringLiteral("phone-numbers/%1/restore").arg(number().sid));
    QCOMPARE(twice.status, 404);
    QVERIFY(
        twice.json().value(QLatin1String("error")).toObject().contains(QLatin1String("message")));
}

void TestAccountApi::restoreLeavesAloneWhatSomeoneChanged() {
    setSandboxNumber(QStringLiteral("VoiceUrl"), QStringLiteral("https://old.example.net/voice"));
    QVERIFY(startLive());
    QCOMPARE(call("POST", QStringLiteral("phone-numbers/%1/wire").arg(number().sid)).status, 200);
    // A colleague points the voice URL elsewhere in Twilio's console meanwhile.
    setSandboxNumber(QStringLiteral("VoiceUrl"), QStringLiteral("https://ivr.example.org/voice"));
    QCOMPARE(call("POST", QStringLiteral("phone-numbers/%1/restore").arg(number().sid)).status,
             200);
    QCOMPARE(number().voiceUrl, QStringLiteral("https://ivr.example.org/voice"));
    QCOMPARE(number().smsUrl, QString());
    QCOMPARE(number().statusCallback, QString());
}

void TestAccountApi::invalidRequests_data() {
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("field");
    QTest::newRow("unknown number") << "phone-numbers/PN00000000000000000000000000000000/wire"
                                    << QByteArray() << 404 << QString();
    QTest::newRow("onlyWhileRunning not a boolean")
        << "phone-numbers/%1/wire" << QByteArray(R"({"onlyWhileRunning": "yes"})") << 400
        << "onlyWhileRunning";
    QTest::newRow("body not JSON")
        << "phone-numbers/%1/wire" << QByteArray("only=1") << 400 << QString();
    QTest::newRow("restore a number never wired")
        << "phone-numbers/%1/restore" << QByteArray() << 404 << QString();
}

void TestAccountApi::invalidRequests() {
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, field);
    if (!m_service)
        QVERIFY(startLive());
    const QString target = path.contains(QLatin1String("%1")) ? path.arg(number().sid) : path;
    const sbtest::Reply r = call("POST", target, body);
    QCOMPARE(r.status, status);
    const QJsonObject error = r.json().value(QLatin1String("error")).toObject();
    QCOMPARE(error.value(QLatin1String("status")).toInt(), status);
    QVERIFY(!error.value(QLatin1String("message")).toString().isEmpty());
    if (!field.isEmpty())
        QVERIFY2(r.body.contains(field.toUtf8()), r.body.constData());
    QCOMPARE(number().smsUrl, QString()); // nothing changed at Twilio
}

void TestAccountApi::privatePublicUrlIsRefused() {
    QVERIFY(startLive(QString())); // no SWITCHBOARD_PUBLIC_URL: http://localhost:<port>
    const sbtest::Reply r = call("POST", QStringLiteral("phone-numbers/%1/wire").arg(number().sid));
    QCOMPARE(r.status, 409);
    const QString message = r.json()
                                .value(QLatin1String("error"))
                                .toObject()
                                .value(QLatin1String("message"))
                                .toString();
    QVERIFY2(message.contains(QStringLiteral("SWITCHBOARD_PUBLIC_URL")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("localhost")), qPrintable(message));
    QCOMPARE(number().smsUrl, QString());
    QCOMPARE(number().voiceUrl, QString());
}

void TestAccountApi::temporaryWiringOfAKilledConsoleIsRestoredAtNextStart() {
    setSandboxNumber(QStringLiteral("SmsUrl"), QStringLiteral("https://old.example.net/sms"));
    const QString data = m_dir->filePath(QStringLiteral("data"));
    const quint16 port = sbtest::freePort();
    QProcessEnvironment env = sbtest::childEnv(data, port, QStringLiteral("account-token"));
    env.insert(liveEnv(QString::fromLatin1(PublicUrl)));
    sbtest::Child app;
    QVERIFY(app.start(sbtest::binDir() + QStringLiteral("/switchboard"),
                      {QStringLiteral("--headless")}, env));
    const QString api = QStringLiteral("http://127.0.0.1:%1/api/v1/twilio/").arg(port);
    QVERIFY(app.waitForHttp(QUrl(api + QStringLiteral("health"))));
    const sbtest::Reply wired = m_http.request(
        "POST", QUrl(api + QStringLiteral("phone-numbers/%1/wire").arg(number().sid)),
        R"({"onlyWhileRunning": true})",
        {{"Authorization", "Bearer account-token"}, {"Content-Type", "application/json"}});
    QCOMPARE(wired.status, 200);
    QCOMPARE(number().smsUrl, QString::fromLatin1(PublicUrl) + "/twilio/incoming-sms");
    ::kill(app.process().processId(), SIGKILL);
    app.waitForExit();

    // The next start (another process) finds the wiring of a run that never restored it.
    QVERIFY(startLive());
    QTRY_COMPARE_WITH_TIMEOUT(number().smsUrl, QStringLiteral("https://old.example.net/sms"),
                              10000);
    QCOMPARE(number().voiceUrl, QString());
    QTRY_COMPARE(call("GET", QStringLiteral("phone-numbers"))
                     .json()
                     .value(QLatin1String("phoneNumbers"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QLatin1String("wiredToConsole"))
                     .toBool(),
                 false);
}

void TestAccountApi::temporaryWiringIsRestoredWhenTheServerStops() {
    setSandboxNumber(QStringLiteral("VoiceUrl"), QStringLiteral("https://old.example.net/voice"));
    const quint16 port = sbtest::freePort();
    QProcessEnvironment env = sbtest::childEnv(m_dir->filePath(QStringLiteral("data")), port,
                                               QStringLiteral("account-token"));
    env.insert(liveEnv(QString::fromLatin1(PublicUrl)));
    sbtest::Child app;
    QVERIFY(app.start(sbtest::binDir() + QStringLiteral("/switchboard"),
                      {QStringLiteral("--headless")}, env));
    const QString api = QStringLiteral("http://127.0.0.1:%1/api/v1/twilio/").arg(port);
    QVERIFY(app.waitForHttp(QUrl(api + QStringLiteral("health"))));
    const sbtest::Reply wired = m_http.request(
        "POST", QUrl(api + QStringLiteral("phone-numbers/%1/wire").arg(number().sid)),
        R"({"onlyWhileRunning": true})",
        {{"Authorization", "Bearer account-token"}, {"Content-Type", "application/json"}});
    QCOMPARE(wired.status, 200);
    QCOMPARE(number().voiceUrl, QString::fromLatin1(PublicUrl) + "/twilio/voice-response");
    // A deliberate stop (SIGTERM) restores before the process exits.
    ::kill(app.process().processId(), SIGTERM);
    // This thread's event loop turns meanwhile: the sandbox standing in for Twilio lives on it.
    QTRY_VERIFY_WITH_TIMEOUT(app.process().state() == QProcess::NotRunning, 15000);
    QCOMPARE(app.waitForExit(), 0);
    QCOMPARE(number().voiceUrl, QStringLiteral("https://old.example.net/voice"));
    QCOMPARE(number().smsUrl, QString());
    QVERIFY2(app.output().contains("restored 1 wired number(s)"), app.output().constData());
}

void TestAccountApi::accountWithoutPermissionAnswers403_data() {
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("phone-numbers") << QByteArray("GET") << "phone-numbers" << QByteArray();
    QTest::newRow("wire") << QByteArray("POST") << "phone-numbers/%1/wire" << QByteArray();
    QTest::newRow("send-sms") << QByteArray("POST") << "send-sms"
                              << QByteArray(R"({"to": "+14155550100", "body": "Hello"})");
    QTest::newRow("initiate-call")
        << QByteArray("POST") << "initiate-call" << QByteArray(R"({"to": "+14155550100"})");
    QTest::newRow("messaging-services")
        << QByteArray("GET") << "messaging-services" << QByteArray();
}

void TestAccountApi::accountWithoutPermissionAnswers403() {
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    // An account that may not use these resources: Twilio answers 403 (20403).
    SandboxOptions options;
    options.statusDelayMs = 20;
    options.forbidden = {QStringLiteral("IncomingPhoneNumbers"), QStringLiteral("Balance"),
                         QStringLiteral("Messages"), QStringLiteral("Calls"),
                         QStringLiteral("Services")};
    Sandbox restricted(options);
    sbtest::addChannels(restricted);
    const quint16 port = restricted.listen(QHostAddress::LocalHost, 0);
    QVERIFY(port);
    QProcessEnvironment env;
    env.insert(QStringLiteral("TWILIO_ACCOUNT_SID"), restricted.accountSid());
    env.insert(QStringLiteral("TWILIO_AUTH_TOKEN"), restricted.authToken());
    env.insert(QStringLiteral("TWILIO_PHONE_NUMBER"), restricted.numbers().first().phoneNumber);
    env.insert(QStringLiteral("TWILIO_API_BASE_URL"),
               QStringLiteral("http://127.0.0.1:%1").arg(port));
    env.insert(QStringLiteral("TWILIO_MESSAGING_BASE_URL"),
               QStringLiteral("http://127.0.0.1:%1").arg(port));
    env.insert(QStringLiteral("SWITCHBOARD_PUBLIC_URL"), QString::fromLatin1(PublicUrl));
    QString error;
    m_service = sbtest::startService(m_dir->filePath(QStringLiteral("data")),
                                     QStringLiteral("account-token"), env, {}, &error);
    QVERIFY2(m_service, qPrintable(error));

    const QString target =
        path.contains(QLatin1String("%1")) ? path.arg(restricted.numbers().first().sid) : path;
    const sbtest::Reply r = call(method, target, body);
    QVERIFY2(r.status == 403, r.body.constData());
    const QJsonObject e = r.json().value(QLatin1String("error")).toObject();
    QCOMPARE(e.value(QLatin1String("status")).toInt(), 403);
    QCOMPARE(e.value(QLatin1String("code")).toInt(), 20403);
    QVERIFY(e.value(QLatin1String("message")).toString().contains(QStringLiteral("permission")));
    QVERIFY(!r.body.contains(restricted.authToken().toUtf8()));

    // The account itself is readable: a balance it may not see is said, not fatal.
    const sbtest::Reply info = call("GET", QStringLiteral("account-info"));
    QCOMPARE(info.status, 200);
    QVERIFY(info.json().value(QLatin1String("balance")).isNull());
    QVERIFY(info.json()
                .value(QLatin1String("balanceError"))
                .toString()
                .contains(QStringLiteral("permission")));
    m_service.reset();
}

void TestAccountApi::messagingServicesListTheirNumbersAndUrls() {
    QVERIFY(startLive());
    const sbtest::Reply r = call("GET", QStringLiteral("messaging-services"));
    QVERIFY2(r.status == 200, r.body.constData());
    const QJsonArray services = r.json().value(QLatin1String("messagingServices")).toArray();
    QCOMPARE(services.size(), m_sandbox->messagingServices().size());
    const QJsonObject service = services.first().toObject();
    QCOMPARE(service.value(QLatin1String("sid")).toString(),
             m_sandbox->messagingServices().first().sid);
    QVERIFY(service.value(QLatin1String("sid")).toString().startsWith(QLatin1String("MG")));
    QCOMPARE(service.value(QLatin1String("friendlyName")).toString(),
             QStringLiteral("Switchboard Sandbox Service"));
    QVERIFY(service.value(QLatin1String("inboundRequestUrl")).isNull()); // no SmsUrl set here
    QVERIFY(service.value(QLatin1String("statusCallback")).isNull());
    QCOMPARE(service.value(QLatin1String("useInboundWebhookOnNumber")).toBool(), true);
    const QJsonArray numbers = service.value(QLatin1String("phoneNumbers")).toArray();
    QCOMPARE(numbers.size(), m_sandbox->numbers().size());
    const QJsonObject first = numbers.first().toObject();
    QCOMPARE(first.value(QLatin1String("sid")).toString(), number().sid);
    QCOMPARE(first.value(QLatin1String("phoneNumber")).toString(), number().phoneNumber);
    const QJsonObject caps = first.value(QLatin1String("capabilities")).toObject();
    QCOMPARE(caps.value(QLatin1String("voice")).toBool(), true);
    QCOMPARE(caps.value(QLatin1String("sms")).toBool(), true);
    QCOMPARE(caps.value(QLatin1String("mms")).toBool(), true);
    QCOMPARE(caps.value(QLatin1String("whatsapp")).toBool(), true); // TWILIO_WHATSAPP_NUMBER
}

void TestAccountApi::messagingServicesWithWrongTwilioCredentialsAre401() {
    QProcessEnvironment env = liveEnv(QString::fromLatin1(PublicUrl));
    env.insert(QStringLiteral("TWILIO_AUTH_TOKEN"), QStringLiteral("not-the-sandbox-token"));
    QString error;
    m_service = sbtest::startService(m_dir->filePath(QStringLiteral("data")),
                                     QStringLiteral("account-token"), env, {}, &error);
    QVERIFY2(m_service, qPrintable(error));
    const sbtest::Reply r = call("GET", QStringLiteral("messaging-services"));
    QVERIFY2(r.status == 401, r.body.constData());
    const QJsonObject e = r.json().value(QLatin1String("error")).toObject();
    QCOMPARE(e.value(QLatin1String("status")).toInt(), 401);
    QCOMPARE(e.value(QLatin1String("code")).toInt(), 20003);
    QVERIFY(!r.body.contains("not-the-sandbox-token"));
}

QTEST_GUILESS_MAIN(TestAccountApi)
#include "tst_accountapi.moc"
