#include "TestSupport.h"
#include "providers/twilio/TwilioError.h"
#include "sandbox/Sandbox.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace sb;

// The sandbox as Twilio's official helpers see it, over loopback with a real
// QNetworkAccessManager: page links that keep the list's filters, the DateSent filters, and
// Twilio's error shape for everything it does not implement.
class TestSandbox : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void listByRecipientAcrossPagesKeepsTheFilter();
    void pageTokensNeitherRepeatNorSkipWhenMessagesArrive();
    void dateFilters_data();
    void dateFilters();
    void unreadableDateIsTwilios400();
    void unimplementedAnswersInTwilioShape_data();
    void unimplementedAnswersInTwilioShape();
    void everyPathAndMethodOfTwilioSpec();
    void officialNodeHelperRaisesRestException();

private:
    QString send(const QString &to);
    QString status(const QString &sid);
    sbtest::Reply call(const QByteArray &method, const QString &pathAndQuery,
                       const QByteArray &body = {});
    // Follows next_page_uri from the first page to the last; every message seen.
    QJsonArray listAll(const QString &query, QStringList *nextLinks = nullptr);
    static void verifyTwilioError(const sbtest::Reply &reply, int httpStatus, int code);

    std::optional<QDateTime> m_fixedNow; // the sandbox's clock; the real time when unset
    std::unique_ptr<Sandbox> m_sandbox;
    QString m_base;
    QByteArray m_basic;
    sbtest::Http m_http;
};

void TestSandbox::initTestCase() {
    SandboxOptions options;
    options.statusDelayMs = 5;
    options.clock = [this] {
        return m_fixedNow.value_or(QDateTime::currentDateTimeUtc());
    };
    m_sandbox = std::make_unique<Sandbox>(options);
    sbtest::addChannels(*m_sandbox);
    const quint16 port = m_sandbox->listen(QHostAddress::LocalHost, 0);
    QVERIFY(port);
    m_base = QStringLiteral("http://127.0.0.1:%1").arg(port);
    m_basic =
        "Basic " +
        (m_sandbox->accountSid() + QLatin1Char(':') + m_sandbox->authToken()).toUtf8().toBase64();
}

sbtest::Reply TestSandbox::call(const QByteArray &method, const QString &pathAndQuery,
                                const QByteArray &body) {
    QList<QPair<QByteArray, QByteArray>> headers{{"Authorization", m_basic}};
    if (!body.isEmpty())
        headers.append(
            qMakePair(QByteArray("Content-Type"), QByteArray("application/x-www-form-urlencoded")));
    return m_http.request(method, QUrl(m_base + pathAndQuery, QUrl::TolerantMode), body, headers);
}

QString TestSandbox::send(const QString &to) {
    const sbtest::Reply r =
        call("POST",
             QStringLiteral("/2010-04-01/Accounts/%1/Messages.json").arg(m_sandbox->accountSid()),
             FormEncoding::encode({{QStringLiteral("To"), to},
                                   {QStringLiteral("From"), QStringLiteral("+15005550006")},
                                   {QStringLiteral("Body"), QStringLiteral("page test")}}));
    return r.status == 201 ? r.json().value(QLatin1String("sid")).toString() : QString();
}

QString TestSandbox::status(const QString &sid) {
    return call("GET", QStringLiteral("/2010-04-01/Accounts/%1/Messages/%2.json")
                           .arg(m_sandbox->accountSid(), sid))
        .json()
        .value(QLatin1String("status"))
        .toString();
}

QJsonArray TestSandbox::listAll(const QString &query, QStringList *nextLinks) {
    QJsonArray all;
    QString next =
        QStringLiteral("/2010-04-01/Accounts/%1/Messages.json?").arg(m_sandbox->accountSid()) +
        query;
    for (int pages = 0; !next.isEmpty() && pages < 100; ++pages) {
        const sbtest::Reply r = call("GET", next);
        if (r.status != 200)
            return {};
        const QJsonObject page = r.json();
        for (const QJsonValue m : page.value(QLatin1String("messages")).toArray())
            all.append(m);
        next = page.value(QLatin1String("next_page_uri")).toString();
        if (nextLinks && !next.isEmpty())
            nextLinks->append(next);
    }
    return all;
}

void TestSandbox::verifyTwilioError(const sbtest::Reply &reply, int httpStatus, int code) {
    QCOMPARE(reply.status, httpStatus);
    QVERIFY2(reply.header("Content-Type").startsWith("application/json"), reply.body.constData());
    const QJsonObject body = reply.json();
    QCOMPARE(body.value(QLatin1String("code")).toInt(), code);
    QCOMPARE(body.value(QLatin1String("status")).toInt(), httpStatus);
    QVERIFY(!body.value(QLatin1String("message")).toString().isEmpty());
    QCOMPARE(body.value(QLatin1String("more_info")).toString(),
             QStringLiteral("https://www.twilio.com/docs/errors/%1").arg(code));
}

void TestSandbox::listByRecipientAcrossPagesKeepsTheFilter() {
    const QString alice = QStringLiteral("+14155550201");
    const QString bob = QStringLiteral("+14155550202");
    QSet<QString> aliceSids;
    for (int i = 0; i < 7; ++i) {
        const QString sid = send(alice);
        QVERIFY(!sid.isEmpty());
        aliceSids.insert(sid);
        QVERIFY(!send(bob).isEmpty());
    }
    QStringList links;
    const QJsonArray listed = listAll(QStringLiteral("To=%2B14155550201&PageSize=2"), &links);
    QSet<QString> seen;
    for (const QJsonValue m : listed) {
        QCOMPARE(m.toObject().value(QLatin1String("to")).toString(), alice);
        seen.insert(m.toObject().value(QLatin1String("sid")).toString());
    }
    QCOMPARE(listed.size(), 7);
    QCOMPARE(seen, aliceSids);
    QCOMPARE(links.size(), 3); // pages of 2, 2, 2, 1
    for (const QString &link : std::as_const(links)) {
        QVERIFY2(link.contains(QLatin1String("To=%2B14155550201&")), qPrintable(link));
        QVERIFY2(link.contains(QLatin1String("PageSize=2&Page=")), qPrintable(link));
        QVERIFY2(link.contains(QLatin1String("&PageToken=PA")), qPrintable(link));
    }
}

void TestSandbox::pageTokensNeitherRepeatNorSkipWhenMessagesArrive() {
    const QString carol = QStringLiteral("+14155550203");
    QStringList sids; // newest first, as listed
    for (int i = 0; i < 4; ++i)
        sids.prepend(send(carol));
    const QString list =
        QStringLiteral("/2010-04-01/Accounts/%1/Messages.json?To=%2B14155550203&PageSize=2")
            .arg(m_sandbox->accountSid());
    const QJsonObject first = call("GET", list).json();
    const QString next = first.value(QLatin1String("next_page_uri")).toString();
    QVERIFY(!next.isEmpty());
    QVERIFY(first.value(QLatin1String("previous_page_uri")).isNull());
    send(carol); // a newer message arrives while the reader is on page one
    const QJsonObject second = call("GET", next).json();
    const QJsonArray messages = second.value(QLatin1String("messages")).toArray();
    QCOMPARE(messages.size(), 2);
    QCOMPARE(messages[0].toObject().value(QLatin1String("sid")).toString(), sids[2]);
    QCOMPARE(messages[1].toObject().value(QLatin1String("sid")).toString(), sids[3]);
    QCOMPARE(second.value(QLatin1String("page")).toInt(), 1);
    QVERIFY(second.value(QLatin1String("next_page_uri")).isNull());
    // And back: the page before page two is the one the reader saw.
    const QJsonArray back = call("GET", second.value(QLatin1String("previous_page_uri")).toString())
                                .json()
                                .value(QLatin1String("messages"))
                                .toArray();
    QCOMPARE(back.size(), 2);
    QCOMPARE(back[0].toObject().value(QLatin1String("sid")).toString(), sids[0]);
    QCOMPARE(back[1].toObject().value(QLatin1String("sid")).toString(), sids[1]);
}

void TestSandbox::dateFilters_data() {
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("expected"); // names of the messages listed, newest first

    // Four messages to one recipient, sent (see dateFilters) at
    //   mar1  2024-03-01 12:00:00Z      mar2a 2024-03-02 00:00:00Z
    //   mar2b 2024-03-02 23:59:59Z      mar3  2024-03-03 08:00:00Z
    QTest::newRow("DateSent: that day") << "DateSent=2024-03-02" << QStringList{"mar2b", "mar2a"};
    QTest::newRow("DateSent<: on or before")
        << "DateSent%3C=2024-03-02" << QStringList{"mar2b", "mar2a", "mar1"};
    QTest::newRow("DateSent>: on or after")
        << "DateSent%3E=2024-03-02" << QStringList{"mar3", "mar2b", "mar2a"};
    QTest::newRow("both bounds") << "DateSent%3E=2024-03-02&DateSent%3C=2024-03-02"
                                 << QStringList{"mar2b", "mar2a"};
    QTest::newRow("a day with nothing") << "DateSent=2024-03-05" << QStringList{};
    QTest::newRow("key with a raw >") << "DateSent>=2024-03-03" << QStringList{"mar3"};
    // What the Node helper sends (serialize.iso8601DateTime): only the GMT day counts.
    QTest::newRow("date and time: its day")
        << "DateSent%3E=2024-03-02T18:00:00Z" << QStringList{"mar3", "mar2b", "mar2a"};
    QTest::newRow("date and time with an offset: its GMT day")
        << "DateSent=2024-03-02T23:30:00-02:00" << QStringList{"mar3"};
    QTest::newRow("RFC 2822") << "DateSent%3C=Fri, 01 Mar 2024 22:04:00 -0000"
                              << QStringList{"mar1"};
}

void TestSandbox::dateFilters() {
    QFETCH(QString, query);
    QFETCH(QStringList, expected);
    static QHash<QString, QString> names; // sid -> name, made once for all rows
    if (names.isEmpty()) {
        const QList<QPair<QString, QDateTime>> plan{
            {QStringLiteral("mar1"), QDateTime(QDate(2024, 3, 1), QTime(12, 0), Qt::UTC)},
            {QStringLiteral("mar2a"), QDateTime(QDate(2024, 3, 2), QTime(0, 0), Qt::UTC)},
            {QStringLiteral("mar2b"), QDateTime(QDate(2024, 3, 2), QTime(23, 59, 59), Qt::UTC)},
            {QStringLiteral("mar3"), QDateTime(QDate(2024, 3, 3), QTime(8, 0), Qt::UTC)}};
        for (const auto &[name, when] : plan) {
            m_fixedNow = when;
            const QString sid = send(QStringLiteral("+14155550300"));
            QVERIFY(!sid.isEmpty());
            QTRY_COMPARE(status(sid), QStringLiteral("delivered")); // sent at m_now
            names.insert(sid, name);
        }
        m_fixedNow.reset();
    }
    // Pages of one, so every page link must carry the date filter on.
    QStringList links;
    const QJsonArray listed =
        listAll(QStringLiteral("To=%2B14155550300&PageSize=1&") + query, &links);
    QStringList got;
    for (const QJsonValue m : listed)
        got.append(names.value(m.toObject().value(QLatin1String("sid")).toString(),
                               QStringLiteral("other")));
    QCOMPARE(got, expected);
    for (const QString &link : std::as_const(links))
        QVERIFY2(link.contains(QLatin1String("DateSent")), qPrintable(link));
}

void TestSandbox::unreadableDateIsTwilios400() {
    verifyTwilioError(call("GET", QStringLiteral("/2010-04-01/Accounts/%1/Messages.json?"
                                                 "DateSent=yesterday")
                                      .arg(m_sandbox->accountSid())),
                      400, 20001);
}

void TestSandbox::unimplementedAnswersInTwilioShape_data() {
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path"); // {ac}: the account
    QTest::addColumn<int>("httpStatus");
    QTest::addColumn<int>("code");
    QTest::addColumn<QByteArray>("allow");
    const QString sm = QStringLiteral("SM00000000000000000000000000000000");
    // Resources Twilio has and the sandbox does not.
    QTest::newRow("GET Conferences")
        << QByteArray("GET") << "/2010-04-01/Accounts/{ac}/Conferences.json" << 404 << 20404
        << QByteArray();
    QTest::newRow("POST Queues") << QByteArray("POST") << "/2010-04-01/Accounts/{ac}/Queues.json"
                                 << 404 << 20404 << QByteArray();
    QTest::newRow("DELETE a call")
        << QByteArray("DELETE")
        << "/2010-04-01/Accounts/{ac}/Calls/CA00000000000000000000000000000000.json" << 404 << 20404
        << QByteArray();
    QTest::newRow("GET a message's Media")
        << QByteArray("GET") << "/2010-04-01/Accounts/{ac}/Messages/" + sm + "/Media.json" << 404
        << 20404 << QByteArray();
    QTest::newRow("GET Accounts") << QByteArray("GET") << "/2010-04-01/Accounts.json" << 404
                                  << 20404 << QByteArray();
    QTest::newRow("GET IncomingPhoneNumbers/Local")
        << QByteArray("GET") << "/2010-04-01/Accounts/{ac}/IncomingPhoneNumbers/Local.json" << 404
        << 20404 << QByteArray();
    // Methods Twilio has and the sandbox does not.
    QTest::newRow("DELETE a message")
        << QByteArray("DELETE") << "/2010-04-01/Accounts/{ac}/Messages/" + sm + ".json" << 404
        << 20404 << QByteArray();
    QTest::newRow("POST a message (redact)")
        << QByteArray("POST") << "/2010-04-01/Accounts/{ac}/Messages/" + sm + ".json" << 404
        << 20404 << QByteArray();
    QTest::newRow("POST the account")
        << QByteArray("POST") << "/2010-04-01/Accounts/{ac}.json" << 404 << 20404 << QByteArray();
    // Paths Twilio does not have at all.
    QTest::newRow("unknown resource") << QByteArray("GET") << "/2010-04-01/Accounts/{ac}/Nope.json"
                                      << 404 << 20404 << QByteArray();
    QTest::newRow("no .json") << QByteArray("GET") << "/2010-04-01/Accounts/{ac}/Messages" << 404
                              << 20404 << QByteArray();
    QTest::newRow("deeper than any resource")
        << QByteArray("GET") << "/2010-04-01/Accounts/{ac}/Messages/" + sm + "/Media/ME1/a/b.json"
        << 404 << 20404 << QByteArray();
    QTest::newRow("the version alone")
        << QByteArray("GET") << "/2010-04-01/" << 404 << 20404 << QByteArray();
    // Methods Twilio itself does not have on an existing resource.
    QTest::newRow("PUT Messages") << QByteArray("PUT") << "/2010-04-01/Accounts/{ac}/Messages.json"
                                  << 405 << 20004 << QByteArray("GET, POST");
    QTest::newRow("DELETE Messages")
        << QByteArray("DELETE") << "/2010-04-01/Accounts/{ac}/Messages.json" << 405 << 20004
        << QByteArray("GET, POST");
    QTest::newRow("POST Balance") << QByteArray("POST") << "/2010-04-01/Accounts/{ac}/Balance.json"
                                  << 405 << 20004 << QByteArray("GET");
    QTest::newRow("PATCH Balance")
        << QByteArray("PATCH") << "/2010-04-01/Accounts/{ac}/Balance.json" << 405 << 20004
        << QByteArray("GET");
    QTest::newRow("DELETE the account") << QByteArray("DELETE") << "/2010-04-01/Accounts/{ac}.json"
                                        << 405 << 20004 << QByteArray("GET, POST");
    QTest::newRow("DELETE IncomingPhoneNumbers/Local")
        << QByteArray("DELETE") << "/2010-04-01/Accounts/{ac}/IncomingPhoneNumbers/Local.json"
        << 405 << 20004 << QByteArray("GET, POST");
}

void TestSandbox::unimplementedAnswersInTwilioShape() {
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(int, httpStatus);
    QFETCH(int, code);
    QFETCH(QByteArray, allow);
    const QString target = QString(path).replace(QLatin1String("{ac}"), m_sandbox->accountSid());
    const sbtest::Reply reply = call(method, target);
    verifyTwilioError(reply, httpStatus, code);
    if (QTest::currentTestFailed())
        return;
    const QString message = reply.json().value(QLatin1String("message")).toString();
    if (httpStatus == 404)
        QCOMPARE(message, QStringLiteral("The requested resource %1 was not found").arg(target));
    else
        QCOMPARE(message, QStringLiteral("Method not allowed"));
    QCOMPARE(reply.header("Allow"), allow);
}

void TestSandbox::everyPathAndMethodOfTwilioSpec() {
    SB_REQUIRE_SHARED("/openapi/twilio_api_v2010.json");
    QFile file(sbtest::sharedDir() + QStringLiteral("/openapi/twilio_api_v2010.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject paths =
        QJsonDocument::fromJson(file.readAll()).object().value(QLatin1String("paths")).toObject();
    QVERIFY(paths.size() > 100);
    // What the sandbox implements; everything else Twilio has is "not found" there.
    const QSet<QString> implemented{
        QStringLiteral("GET /2010-04-01/Accounts/{AccountSid}/Messages.json"),
        QStringLiteral("POST /2010-04-01/Accounts/{AccountSid}/Messages.json"),
        QStringLiteral("GET /2010-04-01/Accounts/{AccountSid}/Messages/{Sid}.json"),
        QStringLiteral("GET /2010-04-01/Accounts/{Sid}.json"),
        QStringLiteral("GET /2010-04-01/Accounts/{AccountSid}/Balance.json"),
        QStringLiteral("GET /2010-04-01/Accounts/{AccountSid}/IncomingPhoneNumbers.json"),
        QStringLiteral("POST /2010-04-01/Accounts/{AccountSid}/IncomingPhoneNumbers/{Sid}.json"),
        // The voice channel's part.
        QStringLiteral("GET /2010-04-01/Accounts/{AccountSid}/Calls.json"),
        QStringLiteral("POST /2010-04-01/Accounts/{AccountSid}/Calls.json"),
        QStringLiteral("GET /2010-04-01/Accounts/{AccountSid}/Calls/{Sid}.json"),
        QStringLiteral("POST /2010-04-01/Accounts/{AccountSid}/Calls/{Sid}.json"),
        QStringLiteral("GET /2010-04-01/Accounts/{AccountSid}/Calls/{CallSid}/Recordings.json"),
        QStringLiteral(
            "GET /2010-04-01/Accounts/{AccountSid}/Calls/{CallSid}/Recordings/{Sid}.json"),
        QStringLiteral(
            "DELETE /2010-04-01/Accounts/{AccountSid}/Calls/{CallSid}/Recordings/{Sid}.json"),
        QStringLiteral("GET /2010-04-01/Accounts/{AccountSid}/Recordings/{Sid}.json"),
        QStringLiteral("DELETE /2010-04-01/Accounts/{AccountSid}/Recordings/{Sid}.json")};
    static const QRegularExpression placeholder(QStringLiteral("\\{[A-Za-z]+\\}"));
    int requests = 0;
    for (auto it = paths.begin(); it != paths.end(); ++it) {
        const QString pattern = it.key();
        const QJsonObject operations = it.value().toObject();
        // A few paths only group others (SIP.json, Usage.json): no operations, not found.
        bool hasOperations = false;
        for (const char *m : {"get", "post", "delete", "put", "patch"})
            hasOperations = hasOperations || operations.contains(QLatin1String(m));
        // The account's placeholder (always the third segment) must be this account's SID.
        QStringList segments = pattern.split(QLatin1Char('/'));
        if (segments.size() > 3)
            segments[3].replace(placeholder, m_sandbox->accountSid());
        QString target = segments.join(QLatin1Char('/'));
        target.replace(placeholder, QStringLiteral("XX00000000000000000000000000000000"));
        for (const char *m : {"GET", "POST", "DELETE", "PUT", "PATCH"}) {
            const QByteArray method(m);
            const sbtest::Reply reply = call(method, target);
            ++requests;
            const QString what = QString::fromLatin1(method) + QLatin1Char(' ') + target;
            const bool twilioHasIt = operations.contains(QString::fromLatin1(method).toLower());
            if (!twilioHasIt && hasOperations) {
                verifyTwilioError(reply, 405, 20004);
                if (QTest::currentTestFailed())
                    QFAIL(qPrintable(what));
            } else if (implemented.contains(QString::fromLatin1(method) + QLatin1Char(' ') +
                                            pattern)) {
                // Implemented: a success, or an error of Twilio's own shape (bad input).
                if (reply.status >= 300) {
                    const QJsonObject body = reply.json();
                    QVERIFY2(body.value(QLatin1String("code")).toInt() > 0, qPrintable(what));
                    QCOMPARE(body.value(QLatin1String("status")).toInt(), reply.status);
                }
            } else {
                verifyTwilioError(reply, 404, 20404);
                if (QTest::currentTestFailed())
                    QFAIL(qPrintable(what));
            }
        }
    }
    QVERIFY(requests > 500);
}

void TestSandbox::officialNodeHelperRaisesRestException() {
    SB_REQUIRE_TWILIO_NODE();

    // Twilio's own helper, pointed at the sandbox: list() across pages with a filter, a date
    // filter as the helper serialises it, and RestException with Twilio's code for what the
    // sandbox lacks. It prints one JSON object with what it saw.
    const QString dave = QStringLiteral("+14155550204");
    QString last;
    for (int i = 0; i < 5; ++i) {
        last = send(dave);
        QVERIFY(!last.isEmpty());
        QVERIFY(!send(QStringLiteral("+14155550205")).isEmpty());
    }
    QTRY_COMPARE(status(last), QStringLiteral("delivered")); // all five have a date_sent
    const QByteArray script = R"JS(
const twilio = require('twilio');
const client = twilio(process.env.SID, process.env.TOKEN);
client.api.baseUrl = process.env.BASE;
const failure = async (promise) => {
  try { await promise; return { ok: true }; }
  catch (e) { return { name: e.constructor.name, status: e.status, code: e.code, moreInfo: e.moreInfo }; }
};
(async () => {
  const listed = await client.messages.list({ to: process.env.TO, pageSize: 2 });
  const today = await client.messages.list({ to: process.env.TO, dateSentAfter: new Date(), pageSize: 2 });
  const out = {
    listed: listed.map((m) => m.to),
    today: today.length,
    queues: await failure(client.queues.list()),
    remove: await failure(client.messages('SM00000000000000000000000000000000').remove()),
    fetch: await failure(client.messages('SM00000000000000000000000000000000').fetch()),
  };
  console.log(JSON.stringify(out));
})().catch((e) => { console.log(JSON.stringify({ fatal: String(e) })); process.exit(1); });
)JS";

    QProcessEnvironment env;
    env.insert(QStringLiteral("SID"), m_sandbox->accountSid());
    env.insert(QStringLiteral("TOKEN"), m_sandbox->authToken());
    env.insert(QStringLiteral("BASE"), m_base);
    env.insert(QStringLiteral("TO"), dave);
    // The sandbox answers on this thread: runTwilioNode turns its event loop.
    QJsonObject out;
    QString error;
    QVERIFY2(sbtest::runTwilioNode(script, env, &out, &error), qPrintable(error));

    QJsonArray expected;
    for (int i = 0; i < 5; ++i)
        expected.append(dave);
    QCOMPARE(out.value(QLatin1String("listed")).toArray(), expected);
    QCOMPARE(out.value(QLatin1String("today")).toInt(), 5);
    for (const char *name : {"queues", "remove", "fetch"}) {
        const QJsonObject failure = out.value(QLatin1String(name)).toObject();
        QCOMPARE(failure.value(QLatin1String("name")).toString(), QStringLiteral("RestException"));
        QCOMPARE(failure.value(QLatin1String("status")).toInt(), 404);
        QCOMPARE(failure.value(QLatin1String("code")).toInt(), 20404);
        QCOMPARE(failure.value(QLatin1String("moreInfo")).toString(),
                 QStringLiteral("https://www.twilio.com/docs/errors/20404"));
    }
}

QTEST_GUILESS_MAIN(TestSandbox)
#include "tst_sandbox.moc"
