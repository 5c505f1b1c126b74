#include "TestSupport.h"
#include "http/HttpServer.h"
#include "providers/twilio/SignatureValidator.h"
#include "providers/twilio/TwilioResources.h"
#include "sandbox/Sandbox.h"
#include "voice/VoiceSandbox.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace sb;

// The sandbox's Calls resource on its own, over loopback, as Twilio's clients and webhooks see
// it: created calls walking to completed with signed status callbacks (only the events asked
// for), the TwiML fetched with a signed POST once answered, the test numbers' endings,
// Twilio's refusals, list and fetch, updates that cancel or hang up, and Twilio's official
// Node helper creating, listing, fetching and canceling a call.
class TestVoiceSandbox : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void callWalksToCompletedWithSignedCallbacks();
    void withoutEventsOnlyCompletedIsPosted();
    void testNumbers_data();
    void testNumbers();
    void refusedAtOnce_data();
    void refusedAtOnce();
    void listsFiltersPagesAndFetches();
    void callsHaveTheSpecsFields();
    void updatesCancelAndHangUp();
    void officialNodeHelperCreatesAndFetchesACall();

private:
    struct Webhook {
        QString path;
        FormFields fields;
        bool signatureValid = false;
    };
    sbtest::Reply call(Sandbox &sandbox, const QByteArray &method, const QString &pathUnderAccount,
                       const FormFields &form = {});
    sbtest::Reply createCall(Sandbox &sandbox, const QString &to, const FormFields &extra = {},
                             bool withEvents = true);
    QList<Webhook> webhooksFor(const QString &sid, const QString &path) const;
    QStringList callbackStatuses(const QString &sid) const;

    std::unique_ptr<Sandbox> m_sandbox;
    QString m_base;
    HttpServer m_receiver{QStringLiteral("receiver")};
    QString m_receiverBase;
    QList<Webhook> m_webhooks;
    sbtest::Http m_http;
};

void TestVoiceSandbox::initTestCase() {
    SandboxOptions options;
    options.statusDelayMs = 10;
    m_sandbox = std::make_unique<Sandbox>(options);
    sbtest::addChannels(*m_sandbox);
    const quint16 port = m_sandbox->listen(QHostAddress::LocalHost, 0);
    QVERIFY(port);
    m_base = QStringLiteral("http://127.0.0.1:%1").arg(port);

    // Where the sandbox posts: every request is recorded with whether its signature is the
    // sandbox's. /twiml answers a short TwiML document, as the console's voice-response does.
    m_receiver.setLogRequests(false);
    for (const QString &path : {QStringLiteral("/status"), QStringLiteral("/twiml")}) {
        m_receiver.route("POST", path, [this, path](const HttpRequest &r, HttpServer::Reply reply) {
            Webhook hook;
            hook.path = path;
            if (const FormFields *form = r.form())
                hook.fields = *form;
            hook.signatureValid =
                SignatureValidator(m_sandbox->authToken().toUtf8())
                    .validate(m_receiverBase + r.target, r.body, r.header("X-Twilio-Signature"));
            m_webhooks.append(hook);
            reply(HttpResponse::xml(200, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                                         "<Response><Say>Hi</Say></Response>"));
        });
    }
    const quint16 receiverPort = m_receiver.listenOn(QHostAddress::LocalHost, 0);
    QVERIFY(receiverPort);
    m_receiverBase = QStringLiteral("http://127.0.0.1:%1").arg(receiverPort);
}

void TestVoiceSandbox::init() {
    m_webhooks.clear();
}

sbtest::Reply TestVoiceSandbox::call(Sandbox &sandbox, const QByteArray &method,
                                     const QString &pathUnderAccount, const FormFields &form) {
    QList<QPair<QByteArray, QByteArray>> headers{
        {"Authorization",
         "Basic " +
             (sandbox.accountSid() + QLatin1Char(':') + sandbox.authToken()).toUtf8().toBase64()}};
    QByteArray body;
    if (!form.isEmpty()) {
        body = FormEncoding::encode(form);
        headers.append(
            qMakePair(QByteArray("Content-Type"), QByteArray("application/x-www-form-urlencoded")));
    }
    const QString base =
        &sandbox == m_sandbox.get()
            ? m_base
            : QStringLiteral("http://127.0.0.1:%1").arg(sandbox.property("port").toInt());
    return m_http.request(
        method,
        QUrl(base + QStringLiteral("/2010-04-01/Accounts/%1/").arg(sandbox.accountSid()) +
             pathUnderAccount),
        body, headers);
}

sbtest::Reply TestVoiceSandbox::createCall(Sandbox &sandbox, const QString &to,
                                           const FormFields &extra, bool withEvents) {
    FormFields form{{QStringLiteral("To"), to},
                    {QStringLiteral("From"), QStringLiteral("+15005550006")},
                    {QStringLiteral("Url"), m_receiverBase + QStringLiteral("/twiml")},
                    {QStringLiteral("StatusCallback"), m_receiverBase + QStringLiteral("/status")}};
    if (withEvents)
        for (const char *event : {"initiated", "ringing", "answered", "completed"})
            form.append({QStringLiteral("StatusCallbackEvent"), QString::fromLatin1(event)});
    form.append(extra);
    return call(sandbox, "POST", QStringLiteral("Calls.json"), form);
}

QList<TestVoiceSandbox::Webhook> TestVoiceSandbox::webhooksFor(const QString &sid,
                                                               const QString &path) const {
    QList<Webhook> found;
    for (const Webhook &w : m_webhooks) {
        if (w.path == path && FormEncoding::value(w.fields, QStringLiteral("CallSid")) == sid)
            found.append(w);
    }
    return found;
}

QStringList TestVoiceSandbox::callbackStatuses(const QString &sid) const {
    QStringList statuses;
    for (const Webhook &w : webhooksFor(sid, QStringLiteral("/status")))
        statuses.append(FormEncoding::value(w.fields, QStringLiteral("CallStatus")));
    return statuses;
}

void TestVoiceSandbox::callWalksToCompletedWithSignedCallbacks() {
    const sbtest::Reply r = createCall(*m_sandbox, QStringLiteral("+14155550100"));
    QVERIFY2(r.status == 201, r.body.constData());
    const QString sid = r.json().value(QLatin1String("sid")).toString();
    QVERIFY(sid.startsWith(QLatin1String("CA")) && sid.size() == 34);
    QCOMPARE(r.json().value(QLatin1String("status")).toString(), QStringLiteral("queued"));
    QCOMPARE(r.json().value(QLatin1String("direction")).toString(), QStringLiteral("outbound-api"));

    QTRY_COMPARE_WITH_TIMEOUT(callbackStatuses(sid),
                              (QStringList{"initiated", "ringing", "in-progress", "completed"}),
                              5000);
    const QList<Webhook> callbacks = webhooksFor(sid, QStringLiteral("/status"));
    for (int i = 0; i < callbacks.size(); ++i) {
        QVERIFY(callbacks[i].signatureValid);
        QCOMPARE(FormEncoding::value(callbacks[i].fields, QStringLiteral("SequenceNumber")),
                 QString::number(i));
        QCOMPARE(FormEncoding::value(callbacks[i].fields, QStringLiteral("AccountSid")),
                 m_sandbox->accountSid());
        QVERIFY(!FormEncoding::value(callbacks[i].fields, QStringLiteral("Timestamp")).isEmpty());
    }
    QVERIFY(
        !FormEncoding::value(callbacks.last().fields, QStringLiteral("CallDuration")).isEmpty());

    // Answered: the TwiML was fetched once, signed, as a call in progress.
    const QList<Webhook> fetches = webhooksFor(sid, QStringLiteral("/twiml"));
    QCOMPARE(fetches.size(), 1);
    QVERIFY(fetches.first().signatureValid);
    QCOMPARE(FormEncoding::value(fetches.first().fields, QStringLiteral("CallStatus")),
             QStringLiteral("in-progress"));
    QCOMPARE(FormEncoding::value(fetches.first().fields, QStringLiteral("To")),
             QStringLiteral("+14155550100"));

    const QJsonObject fetched =
        call(*m_sandbox, "GET", QStringLiteral("Calls/%1.json").arg(sid)).json();
    QCOMPARE(fetched.value(QLatin1String("status")).toString(), QStringLiteral("completed"));
    QVERIFY(fetched.value(QLatin1String("start_time")).isString());
    QVERIFY(fetched.value(QLatin1String("end_time")).isString());
    QVERIFY(fetched.value(QLatin1String("duration")).isString());
    QCOMPARE(fetched.value(QLatin1String("twiml_fetch_status")).toInt(), 200);
}

void TestVoiceSandbox::withoutEventsOnlyCompletedIsPosted() {
    const sbtest::Reply r = createCall(*m_sandbox, QStringLiteral("+14155550101"), {}, false);
    QCOMPARE(r.status, 201);
    const QString sid = r.json().value(QLatin1String("sid")).toString();
    QTRY_COMPARE_WITH_TIMEOUT(callbackStatuses(sid), QStringList{"completed"}, 5000);
    QTest::qWait(100); // and nothing after it
    QCOMPARE(callbackStatuses(sid), QStringList{"completed"});
}

void TestVoiceSandbox::testNumbers_data() {
    QTest::addColumn<QString>("to");
    QTest::addColumn<QStringList>("callbacks");
    QTest::addColumn<QString>("sipCode");
    QTest::newRow("busy") << VoiceSandbox::busyNumber()
                          << QStringList{"initiated", "ringing", "busy"} << "486";
    QTest::newRow("no-answer") << VoiceSandbox::noAnswerNumber()
                               << QStringList{"initiated", "ringing", "no-answer"} << "487";
    QTest::newRow("failed") << VoiceSandbox::failedNumber() << QStringList{"initiated", "failed"}
                            << "404";
    QTest::newRow("canceled") << VoiceSandbox::canceledNumber()
                              << QStringList{"initiated", "ringing", "canceled"} << "487";
}

void TestVoiceSandbox::testNumbers() {
    QFETCH(QString, to);
    QFETCH(QStringList, callbacks);
    QFETCH(QString, sipCode);
    const sbtest::Reply r = createCall(*m_sandbox, to);
    QCOMPARE(r.status, 201);
    const QString sid = r.json().value(QLatin1String("sid")).toString();
    QTRY_COMPARE_WITH_TIMEOUT(callbackStatuses(sid), callbacks, 5000);
    const QList<Webhook> hooks = webhooksFor(sid, QStringLiteral("/status"));
    QCOMPARE(FormEncoding::value(hooks.last().fields, QStringLiteral("SipResponseCode")), sipCode);
    QCOMPARE(FormEncoding::value(hooks.last().fields, QStringLiteral("CallDuration")),
             QStringLiteral("0"));
    QVERIFY(webhooksFor(sid, QStringLiteral("/twiml")).isEmpty()); // never answered
}

void TestVoiceSandbox::refusedAtOnce_data() {
    QTest::addColumn<QString>("drop");  // a parameter left out
    QTest::addColumn<QString>("field"); // or one replaced
    QTest::addColumn<QString>("value");
    QTest::addColumn<int>("code");
    QTest::newRow("no To") << "To" << QString() << QString() << 21201;
    QTest::newRow("no From") << "From" << QString() << QString() << 21213;
    QTest::newRow("no Url") << "Url" << QString() << QString() << 21205;
    QTest::newRow("invalid To") << QString() << "To"
                                << "+1234" << 21211;
    QTest::newRow("From not the account's") << QString() << "From"
                                            << "+14155550199" << 21210;
    QTest::newRow("Url not http") << QString() << "Url"
                                  << "ftp://example.com/t" << 21205;
}

void TestVoiceSandbox::refusedAtOnce() {
    QFETCH(QString, drop);
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(int, code);
    FormFields form{{QStringLiteral("To"), QStringLiteral("+14155550100")},
                    {QStringLiteral("From"), QStringLiteral("+15005550006")},
                    {QStringLiteral("Url"), QStringLiteral("https://example.com/twiml")}};
    FormFields sent;
    for (const auto &[k, v] : form) {
        if (k == drop)
            continue;
        sent.append({k, k == field ? value : v});
    }
    const sbtest::Reply r = call(*m_sandbox, "POST", QStringLiteral("Calls.json"), sent);
    QCOMPARE(r.status, 400);
    QCOMPARE(r.json().value(QLatin1String("code")).toInt(), code);
    QCOMPARE(r.json().value(QLatin1String("more_info")).toString(),
             QStringLiteral("https://www.twilio.com/docs/errors/%1").arg(code));
    QCOMPARE(call(*m_sandbox, "GET", QStringLiteral("Calls.json?To=%2B1234"))
                 .json()
                 .value(QLatin1String("calls"))
                 .toArray()
                 .size(),
             0);
}

void TestVoiceSandbox::listsFiltersPagesAndFetches() {
    const QString to = QStringLiteral("+14155550123");
    QStringList created;
    for (int i = 0; i < 3; ++i)
        created.prepend(createCall(*m_sandbox, to).json().value(QLatin1String("sid")).toString());
    QStringList listed;
    QString next = QStringLiteral("Calls.json?To=%2B14155550123&PageSize=2");
    int pages = 0;
    while (!next.isEmpty() && pages < 5) {
        const QJsonObject page = call(*m_sandbox, "GET", next).json();
        for (const QJsonValue c : page.value(QLatin1String("calls")).toArray()) {
            QCOMPARE(c.toObject().value(QLatin1String("to")).toString(), to);
            listed.append(c.toObject().value(QLatin1String("sid")).toString());
        }
        const QString uri = page.value(QLatin1String("next_page_uri")).toString();
        next = uri.isEmpty() ? QString() : uri.section(QLatin1Char('/'), 4);
        ++pages;
    }
    QCOMPARE(listed, created); // newest first, across pages
    QCOMPARE(pages, 2);

    const sbtest::Reply missing =
        call(*m_sandbox, "GET", QStringLiteral("Calls/CA00000000000000000000000000000000.json"));
    QCOMPARE(missing.status, 404);
    QCOMPARE(missing.json().value(QLatin1String("code")).toInt(), 20404);
}

void TestVoiceSandbox::callsHaveTheSpecsFields() {
    SB_REQUIRE_SHARED("/openapi/twilio_api_v2010.json");
    QFile file(sbtest::sharedDir() + QStringLiteral("/openapi/twilio_api_v2010.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject schemas = QJsonDocument::fromJson(file.readAll())
                                    .object()
                                    .value(QLatin1String("components"))
                                    .toObject()
                                    .value(QLatin1String("schemas"))
                                    .toObject();
    const QJsonObject properties = schemas.value(QLatin1String("api.v2010.account.call"))
                                       .toObject()
                                       .value(QLatin1String("properties"))
                                       .toObject();
    QVERIFY(properties.size() > 20);
    QStringList statuses;
    for (const QJsonValue v : schemas.value(QLatin1String("call_enum_status"))
                                  .toObject()
                                  .value(QLatin1String("enum"))
                                  .toArray())
        statuses.append(v.toString());
    QCOMPARE(statuses.size(), 8); // Twilio's statuses, "initiated" being a callback's only

    // A call as created (most fields still null) and as ended (times, duration set).
    const QJsonObject created = createCall(*m_sandbox, QStringLiteral("+14155550140")).json();
    const QString sid = created.value(QLatin1String("sid")).toString();
    QTRY_VERIFY_WITH_TIMEOUT(callbackStatuses(sid).contains(QStringLiteral("completed")), 5000);
    const QJsonObject ended =
        call(*m_sandbox, "GET", QStringLiteral("Calls/%1.json").arg(sid)).json();
    const QStringList sandboxOnly{"status_callback",           "record",
                                  "recording_status_callback", "url",
                                  "twiml_fetch_status",        "sandbox_notes"};
    for (const QJsonObject &json : {created, ended}) {
        QStringList problems;
        for (auto it = properties.begin(); it != properties.end(); ++it) {
            const QJsonObject property = it.value().toObject();
            const QJsonValue value = json.value(it.key());
            if (value.isUndefined())
                problems.append(it.key() + QStringLiteral(": missing"));
            else if (value.isNull() && !property.value(QLatin1String("nullable")).toBool())
                problems.append(it.key() + QStringLiteral(": null"));
            else if (it.key() == QLatin1String("status") && !statuses.contains(value.toString()))
                problems.append(it.key() + QStringLiteral(": not one of Twilio's"));
            else if (!value.isNull() &&
                     property.value(QLatin1String("type")).toString() == QLatin1String("string") &&
                     !value.isString())
                problems.append(it.key() + QStringLiteral(": not a string"));
            else if (property.value(QLatin1String("format")).toString() ==
                         QLatin1String("date-time-rfc-2822") &&
                     value.isString() && !parseTwilioDate(value.toString()).isValid())
                problems.append(it.key() + QStringLiteral(": not an RFC 2822 date"));
        }
        for (auto it = json.begin(); it != json.end(); ++it) {
            if (!properties.contains(it.key()) && !sandboxOnly.contains(it.key()))
                problems.append(it.key() + QStringLiteral(": not in the spec"));
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QStringLiteral("; "))));
    }
}

void TestVoiceSandbox::updatesCancelAndHangUp() {
    // A slower sandbox of its own, so that a call is still ringing or talking when updated.
    SandboxOptions options;
    options.statusDelayMs = 300;
    Sandbox slow(options);
    sbtest::addChannels(slow);
    const quint16 port = slow.listen(QHostAddress::LocalHost, 0);
    QVERIFY(port);
    slow.setProperty("port", port);

    // Canceled while queued: it never rings, and its ending is posted.
    QString sid = createCall(slow, QStringLiteral("+14155550130")).json().value("sid").toString();
    sbtest::Reply r = call(slow, "POST", QStringLiteral("Calls/%1.json").arg(sid),
                           {{QStringLiteral("Status"), QStringLiteral("canceled")}});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(QLatin1String("status")).toString(), QStringLiteral("canceled"));
    QTRY_COMPARE_WITH_TIMEOUT(callbackStatuses(sid), QStringList{"canceled"}, 5000);
    QTest::qWait(700); // what was scheduled for it is dropped
    QCOMPARE(callbackStatuses(sid), QStringList{"canceled"});
    // An ended call cannot be redirected (Twilio's 21220); ending it again changes nothing.
    r = call(slow, "POST", QStringLiteral("Calls/%1.json").arg(sid),
             {{QStringLiteral("Url"), QStringLiteral("https://example.com/other")}});
    QCOMPARE(r.status, 400);
    QCOMPARE(r.json().value(QLatin1String("code")).toInt(), 21220);
    r = call(slow, "POST", QStringLiteral("Calls/%1.json").arg(sid),
             {{QStringLiteral("Status"), QStringLiteral("completed")}});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(QLatin1String("status")).toString(), QStringLiteral("canceled"));

    // Hung up while talking: completed, with a duration.
    sid = createCall(slow, QStringLiteral("+14155550131")).json().value("sid").toString();
    QTRY_VERIFY_WITH_TIMEOUT(callbackStatuses(sid).contains(QStringLiteral("in-progress")), 5000);
    r = call(slow, "POST", QStringLiteral("Calls/%1.json").arg(sid),
             {{QStringLiteral("Status"), QStringLiteral("completed")}});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(QLatin1String("status")).toString(), QStringLiteral("completed"));
    QTRY_COMPARE_WITH_TIMEOUT(callbackStatuses(sid),
                              (QStringList{"initiated", "ringing", "in-progress", "completed"}),
                              5000);
    QTest::qWait(700);
    QCOMPARE(callbackStatuses(sid).size(), 4); // no second ending

    r = call(slow, "POST", QStringLiteral("Calls/CA00000000000000000000000000000000.json"),
             {{QStringLiteral("Status"), QStringLiteral("completed")}});
    QCOMPARE(r.status, 404);
}

void TestVoiceSandbox::officialNodeHelperCreatesAndFetchesACall() {
    SB_REQUIRE_TWILIO_NODE();

    // Twilio's own helper pointed at the sandbox: create a call with its status callback
    // events, fetch it, list it, a RestException for a refused one and an unknown one. It
    // prints one JSON object with what it saw.
    const QByteArray script = R"JS(
const twilio = require('twilio');
const client = twilio(process.env.SID, process.env.TOKEN);
client.api.baseUrl = process.env.BASE;
const failure = (e) => ({ name: e.constructor.name, status: e.status, code: e.code });
(async () => {
  const created = await client.calls.create({
    to: '+14155550150', from: '+15005550006', url: process.env.TWIML,
    statusCallback: process.env.STATUS,
    statusCallbackEvent: ['initiated', 'ringing', 'answered', 'completed'] });
  const fetched = await client.calls(created.sid).fetch();
  const listed = await client.calls.list({ to: '+14155550150', limit: 20 });
  let refused = null;
  try { await client.calls.create({ to: '+14155550150', from: '+14155550199', url: process.env.TWIML }); }
  catch (e) { refused = failure(e); }
  let missing = null;
  try { await client.calls('CA0123456789abcdef0123456789abcdef').fetch(); }
  catch (e) { missing = failure(e); }
  console.log(JSON.stringify({
    created: { sid: created.sid, status: created.status, direction: created.direction },
    fetched: { sid: fetched.sid, to: fetched.to, from: fetched.from },
    listed: listed.map((c) => c.sid),
    refused, missing }));
})().catch((e) => { console.log(JSON.stringify({ fatal: String(e) })); process.exit(1); });
)JS";

    QProcessEnvironment env;
    env.insert(QStringLiteral("SID"), m_sandbox->accountSid());
    env.insert(QStringLiteral("TOKEN"), m_sandbox->authToken());
    env.insert(QStringLiteral("BASE"), m_base);
    env.insert(QStringLiteral("TWIML"), m_receiverBase + QStringLiteral("/twiml"));
    env.insert(QStringLiteral("STATUS"), m_receiverBase + QStringLiteral("/status"));
    // The sandbox answers on this thread: runTwilioNode turns its event loop.
    QJsonObject out;
    QString error;
    QVERIFY2(sbtest::runTwilioNode(script, env, &out, &error), qPrintable(error));

    const QJsonObject created = out.value(QLatin1String("created")).toObject();
    const QString sid = created.value(QLatin1String("sid")).toString();
    QVERIFY(sid.startsWith(QLatin1String("CA")));
    QCOMPARE(created.value(QLatin1String("status")).toString(), QStringLiteral("queued"));
    QCOMPARE(created.value(QLatin1String("direction")).toString(), QStringLiteral("outbound-api"));
    const QJsonObject fetched = out.value(QLatin1String("fetched")).toObject();
    QCOMPARE(fetched.value(QLatin1String("sid")).toString(), sid);
    QCOMPARE(fetched.value(QLatin1String("to")).toString(), QStringLiteral("+14155550150"));
    QCOMPARE(fetched.value(QLatin1String("from")).toString(), QStringLiteral("+15005550006"));
    QCOMPARE(out.value(QLatin1String("listed")).toArray().first().toString(), sid);
    const QJsonObject refused = out.value(QLatin1String("refused")).toObject();
    QCOMPARE(refused.value(QLatin1String("name")).toString(), QStringLiteral("RestException"));
    QCOMPARE(refused.value(QLatin1String("code")).toInt(), 21210);
    const QJsonObject missing = out.value(QLatin1String("missing")).toObject();
    QCOMPARE(missing.value(QLatin1String("status")).toInt(), 404);
    QCOMPARE(missing.value(QLatin1String("code")).toInt(), 20404);
    // And the call the helper made walks on, with its events' callbacks, signed.
    QTRY_COMPARE_WITH_TIMEOUT(callbackStatuses(sid),
                              (QStringList{"initiated", "ringing", "in-progress", "completed"}),
                              5000);
}

QTEST_GUILESS_MAIN(TestVoiceSandbox)
#include "tst_voice_sandbox.moc"
