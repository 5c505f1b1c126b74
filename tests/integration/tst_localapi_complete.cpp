#include "ServiceFixture.h"
#include "TestSupport.h"
#include "api/LocalApi.h"
#include "common/Logging.h"
#include "runtime/SwitchboardService.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QMutex>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

using namespace sb;

// The local API as a whole, over loopback against the real embedded server in sandbox mode:
// the OpenAPI document served at openapi.json names exactly the routes the server has; each
// seed endpoint answers its happy path, a 400 naming the invalid fields, and 401 without or
// with a wrong token, all in the one error shape; the token bucket answers 429 with
// Retry-After once a client's burst is spent, while health stays exempt.
class TestLocalApiComplete : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void documentListsEveryRouteAndNoOther();
    void documentIsServedAsIs();
    void documentDescribesErrorsAndSecurity();
    void seedEndpoints_data();
    void seedEndpoints();
    void statusEndpointsFollowASend();
    void sendsRecordTheirAgent_data();
    void sendsRecordTheirAgent();
    void callsAndEmailsRecordTheirAgent_data();
    void callsAndEmailsRecordTheirAgent();
    void tokenIsRequired_data();
    void tokenIsRequired();
    void rateLimitAnswers429WithRetryAfter();
    void messagesArePagedByCursor();
    void contactsAreListedAndPagedByCursor();
    void conversationsAreAssigned();
    void messagesListingNamesEveryInvalidParameter();
    void callsAndEmailsArePagedByCursor_data();
    void callsAndEmailsArePagedByCursor();
    void debugLogShowsEachCallAndNoSecret();

private:
    QUrl api(const QString &path, quint16 port = 0) const;
    sbtest::Reply call(const QByteArray &method, const QString &path, const QByteArray &body = {},
                       const QByteArray &auth = "Bearer complete-token");
    static void verifyErrorShape(const sbtest::Reply &reply, int status);

    QTemporaryDir m_dir;
    std::unique_ptr<SwitchboardService> m_service;
    sbtest::Http m_http;
};

void TestLocalApiComplete::initTestCase() {
    qputenv("SWITCHBOARD_SANDBOX_DELAY_MS", "20");
    QString error;
    QProcessEnvironment env;
    env.insert(QStringLiteral("SWITCHBOARD_AGENT_NAME"), QStringLiteral("Desk 3"));
    m_service =
        sbtest::startService(m_dir.path(), QStringLiteral("complete-token"), env, {}, &error);
    QVERIFY2(m_service, qPrintable(error));
}

void TestLocalApiComplete::cleanupTestCase() {
    m_service.reset();
}

QUrl TestLocalApiComplete::api(const QString &path, quint16 port) const {
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2")
                    .arg(port ? port : m_service->port())
                    .arg(LocalApi::path(path)));
}

sbtest::Reply TestLocalApiComplete::call(const QByteArray &method, const QString &path,
                                         const QByteArray &body, const QByteArray &auth) {
    QList<QPair<QByteArray, QByteArray>> headers;
    if (!auth.isEmpty())
        headers.append(qMakePair(QByteArray("Authorization"), auth));
    if (!body.isEmpty())
        headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
    return m_http.request(method, api(path), body, headers);
}

void TestLocalApiComplete::verifyErrorShape(const sbtest::Reply &reply, int status) {
    QCOMPARE(reply.status, status);
    const QJsonObject error = reply.json().value(QLatin1String("error")).toObject();
    QCOMPARE(error.value(QLatin1String("status")).toInt(), status);
    QVERIFY2(!error.value(QLatin1String("message")).toString().isEmpty(), reply.body.constData());
}

// Both directions: a route the document lacks is undocumented, a documented path the server
// lacks is a promise it does not keep. Placeholders compare by position, not by name.
void TestLocalApiComplete::documentListsEveryRouteAndNoOther() {
    static const QRegularExpression placeholder(QStringLiteral("\\{[^}]*\\}"));
    QSet<QString> served;
    for (const auto &[method, pattern] : m_service->routes()) {
        if (pattern.startsWith(LocalApi::Prefix + QLatin1Char('/')))
            served.insert(QString::fromLatin1(method) + QLatin1Char(' ') +
                          QString(pattern).replace(placeholder, QStringLiteral("{}")));
    }
    QVERIFY(served.size() > 20);

    const QJsonObject doc = QJsonDocument::fromJson(LocalApi::openApiDocument()).object();
    const QJsonObject paths = doc.value(QLatin1String("paths")).toObject();
    QSet<QString> documented;
    for (auto it = paths.begin(); it != paths.end(); ++it) {
        const QJsonObject ops = it.value().toObject();
        for (auto op = ops.begin(); op != ops.end(); ++op)
            documented.insert(op.key().toUpper() + QLatin1Char(' ') +
                              QString(it.key()).replace(placeholder, QStringLiteral("{}")));
    }
    const QSet<QString> undocumented = QSet<QString>(served).subtract(documented);
    const QSet<QString> unserved = QSet<QString>(documented).subtract(served);
    QVERIFY2(undocumented.isEmpty(), qPrintable(QStringLiteral("not in openapi.json: ") +
                                                undocumented.values().join(", ")));
    QVERIFY2(unserved.isEmpty(),
             qPrintable(QStringLiteral("no such route: ") + unserved.values().join(", ")));
}

void TestLocalApiComplete::documentIsServedAsIs() {
    const sbtest::Reply reply = call("GET", QStringLiteral("openapi.json"));
    QCOMPARE(reply.status, 200);
    QVERIFY(reply.header("Content-Type").startsWith("application/json"));
    QCOMPARE(reply.body, LocalApi::openApiDocument());
    QJsonParseError parse;
    const QJsonObject doc = QJsonDocument::fromJson(reply.body, &parse).object();
    QCOMPARE(parse.error, QJsonParseError::NoError);
    QVERIFY(doc.value(QLatin1String("openapi")).toString().startsWith(QLatin1String("3.0")));
}

void TestLocalApiComplete::documentDescribesErrorsAndSecurity() {
    const QJsonObject doc = QJsonDocument::fromJson(LocalApi::openApiDocument()).object();
    const QJsonObject components = doc.value(QLatin1String("components")).toObject();
    const QJsonObject bearer = components.value(QLatin1String("securitySchemes"))
                                   .toObject()
                                   .value(QLatin1String("bearer"))
                                   .toObject();
    QCOMPARE(bearer.value(QLatin1String("type")).toString(), QStringLiteral("http"));
    QCOMPARE(bearer.value(QLatin1String("scheme")).toString(), QStringLiteral("bearer"));
    const QJsonObject paths = doc.value(QLatin1String("paths")).toObject();
    for (auto it = paths.begin(); it != paths.end(); ++it) {
        const QJsonObject ops = it.value().toObject();
        for (auto op = ops.begin(); op != ops.end(); ++op) {
            const QString where = op.key() + QLatin1Char(' ') + it.key();
            const QJsonObject operation = op.value().toObject();
            const bool open = operation.contains(QLatin1String("security"));
            // Health alone is open, and it alone is not rate limited.
            QCOMPARE(open, it.key().endsWith(QLatin1String("/health")));
            const QJsonObject responses = operation.value(QLatin1String("responses")).toObject();
            for (const char *status : {"401", "429"}) {
                if (open)
                    continue;
                QVERIFY2(responses.value(QLatin1String(status))
                                 .toObject()
                                 .value(QLatin1String("$ref"))
                                 .toString() == QLatin1String("#/components/responses/Error"),
                         qPrintable(where + QStringLiteral(" lacks ") + QLatin1String(status)));
            }
            for (auto r = responses.begin(); r != responses.end(); ++r) {
                if (r.key().startsWith(QLatin1Char('4')) || r.key().startsWith(QLatin1Char('5')))
                    QVERIFY2(r.value().toObject().contains(QLatin1String("$ref")),
                             qPrintable(where + QStringLiteral(": ") + r.key() +
                                        QStringLiteral(" is not the error shape")));
            }
        }
    }
}

void TestLocalApiComplete::seedEndpoints_data() {
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QStringList>("invalidFields");

    QTest::newRow("health") << QByteArray("GET") << QStringLiteral("health") << QByteArray() << 200
                            << QStringList();
    QTest::newRow("send-sms") << QByteArray("POST") << QStringLiteral("send-sms")
                              << QByteArray(R"({"to":"+14155550100","body":"Hello"})") << 201
                              << QStringList();
    QTest::newRow("send-sms: to and body missing")
        << QByteArray("POST") << QStringLiteral("send-sms") << QByteArray("{}") << 400
        << QStringList{QStringLiteral("to"), QStringLiteral("body")};
    QTest::newRow("send-sms: to not E.164, body not text")
        << QByteArray("POST") << QStringLiteral("send-sms") << QByteArray(R"({"to":"12","body":5})")
        << 400 << QStringList{QStringLiteral("to"), QStringLiteral("body")};
    QTest::newRow("send-sms: not JSON") << QByteArray("POST") << QStringLiteral("send-sms")
                                        << QByteArray("to=+14155550100") << 400 << QStringList();
    QTest::newRow("send-whatsapp: approved template")
        << QByteArray("POST") << QStringLiteral("send-whatsapp")
        << QByteArray(
               R"({"to":"whatsapp:+14155550177","contentSid":"HX611d3e3343e5194d7f290e44b392b617",)"
               R"("contentVariables":{"1":"Ana","2":"#4242","3":"Monday"}})")
        << 201 << QStringList();
    QTest::newRow("send-whatsapp: to missing")
        << QByteArray("POST") << QStringLiteral("send-whatsapp") << QByteArray(R"({"body":"hi"})")
        << 400 << QStringList{QStringLiteral("to")};
    QTest::newRow("initiate-call")
        << QByteArray("POST") << QStringLiteral("initiate-call")
        << QByteArray(R"({"to":"+14155550100"})") << 201 << QStringList();
    QTest::newRow("initiate-call: to and url invalid")
        << QByteArray("POST") << QStringLiteral("initiate-call")
        << QByteArray(R"({"to":"nobody","url":"ftp://x"})") << 400
        << QStringList{QStringLiteral("to"), QStringLiteral("url")};
    QTest::newRow("send-email") << QByteArray("POST") << QStringLiteral("send-email")
                                << QByteArray(
                                       R"({"to":"ana@example.com","subject":"Hi","text":"Hello"})")
                                << 202 << QStringList();
    QTest::newRow("send-email: to invalid")
        << QByteArray("POST") << QStringLiteral("send-email")
        << QByteArray(R"({"to":"not an address","subject":"Hi","text":"Hello"})") << 400
        << QStringList{QStringLiteral("to")};
    QTest::newRow("sms-status: unknown")
        << QByteArray("GET") << QStringLiteral("sms-status/SM00000000000000000000000000009999")
        << QByteArray() << 404 << QStringList();
    QTest::newRow("call-status: unknown")
        << QByteArray("GET") << QStringLiteral("call-status/CA00000000000000000000000000009999")
        << QByteArray() << 404 << QStringList();
}

void TestLocalApiComplete::seedEndpoints() {
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QStringList, invalidFields);
    const sbtest::Reply reply = call(method, path, body);
    QVERIFY2(reply.status == status, reply.body.constData());
    if (status < 400) {
        QVERIFY(!reply.json().isEmpty());
        return;
    }
    verifyErrorShape(reply, status);
    // Every invalid field is named at once.
    QStringList named;
    for (const QJsonValue e : reply.json()
                                  .value(QLatin1String("error"))
                                  .toObject()
                                  .value(QLatin1String("errors"))
                                  .toArray())
        named.append(e.toObject().value(QLatin1String("field")).toString());
    for (const QString &field : invalidFields)
        QVERIFY2(named.contains(field), qPrintable(field + QStringLiteral(" not named in ") +
                                                   QString::fromUtf8(reply.body)));
}

void TestLocalApiComplete::statusEndpointsFollowASend() {
    const sbtest::Reply sms =
        call("POST", QStringLiteral("send-sms"), R"({"to":"+14155550101","body":"Status?"})");
    QCOMPARE(sms.status, 201);
    const QString messageSid = sms.json().value(QLatin1String("messageSid")).toString();
    const sbtest::Reply smsStatus = call("GET", QStringLiteral("sms-status/") + messageSid);
    QCOMPARE(smsStatus.status, 200);
    QCOMPARE(smsStatus.json().value(QLatin1String("messageSid")).toString(), messageSid);

    const sbtest::Reply placed =
        call("POST", QStringLiteral("initiate-call"), R"({"to":"+14155550102"})");
    QCOMPARE(placed.status, 201);
    const QString callSid = placed.json().value(QLatin1String("callSid")).toString();
    const sbtest::Reply callStatus = call("GET", QStringLiteral("call-status/") + callSid);
    QCOMPARE(callStatus.status, 200);
    QCOMPARE(callStatus.json().value(QLatin1String("callSid")).toString(), callSid);
}

void TestLocalApiComplete::sendsRecordTheirAgent_data() {
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("agent"); // what the message records; or the error's field
    QTest::newRow("SMS for a named agent")
        << "send-sms" << QByteArray(R"({"to":"+14155550111","body":"Hi","agent":"Ana Lima"})")
        << 201 << "Ana Lima";
    QTest::newRow("SMS without a name: this console's agent")
        << "send-sms" << QByteArray(R"({"to":"+14155550112","body":"Hi"})") << 201 << "Desk 3";
    QTest::newRow("WhatsApp: a name too long")
        << "send-whatsapp"
        << QByteArray(R"({"to":"+14155550113","body":"Hi","agent":")" + QByteArray(65, 'a') +
                      R"("})")
        << 400 << "agent";
    QTest::newRow("a name on two lines")
        << "send-sms" << QByteArray(R"({"to":"+14155550114","body":"Hi","agent":"Ana
Lima"})")
        << 400 << "agent";
    QTest::newRow("a name that is not a string")
        << "send-sms" << QByteArray(R"({"to":"+14155550115","body":"Hi","agent":7})") << 400
        << "agent";
}

void TestLocalApiComplete::sendsRecordTheirAgent() {
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, agent);
    const sbtest::Reply sent = call("POST", path, body);
    QCOMPARE(sent.status, status);
    if (status != 201) {
        verifyErrorShape(sent, status);
        QCOMPARE(sent.json()
                     .value(QLatin1String("error"))
                     .toObject()
                     .value(QLatin1String("field"))
                     .toString(),
                 agent);
        return;
    }
    QCOMPARE(sent.json().value(QLatin1String("agent")).toString(), agent);
    const QString sid = sent.json().value(QLatin1String("messageSid")).toString();
    const sbtest::Reply status200 = call("GET", QStringLiteral("sms-status/") + sid);
    QCOMPARE(status200.status, 200);
    QCOMPARE(status200.json().value(QLatin1String("agent")).toString(), agent);
}

void TestLocalApiComplete::callsAndEmailsRecordTheirAgent_data() {
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("idKey");      // the answer's id, for the status route
    QTest::addColumn<QString>("statusPath"); // where the record is read back
    QTest::addColumn<QString>("agent");
    QTest::newRow("a call for a named agent")
        << "initiate-call" << QByteArray(R"({"to":"+14155550121","agent":"Ana Lima"})") << 201
        << "callSid"
        << "call-status/"
        << "Ana Lima";
    QTest::newRow("a call without a name: this console's agent")
        << "initiate-call" << QByteArray(R"({"to":"+14155550122"})") << 201 << "callSid"
        << "call-status/"
        << "Desk 3";
    QTest::newRow("an email for a named agent")
        << "send-email"
        << QByteArray(
               R"({"to":"ana@example.com","subject":"Hi","text":"Hello","agent":"Ana Lima"})")
        << 202 << "id"
        << "email-status/"
        << "Ana Lima";
    QTest::newRow("an email without a name: this console's agent")
        << "send-email" << QByteArray(R"({"to":"ben@example.com","subject":"Hi","text":"Hello"})")
        << 202 << "id"
        << "email-status/"
        << "Desk 3";
}

void TestLocalApiComplete::callsAndEmailsRecordTheirAgent() {
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, idKey);
    QFETCH(QString, statusPath);
    QFETCH(QString, agent);
    const sbtest::Reply sent = call("POST", path, body);
    QCOMPARE(sent.status, status);
    const QString id = sent.json().value(idKey).toString();
    QVERIFY(!id.isEmpty());
    QTRY_COMPARE(call("GET", statusPath + id).json().value(QLatin1String("agent")).toString(),
                 agent);
}

void TestLocalApiComplete::tokenIsRequired_data() {
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("auth");
    for (const auto &[method, path] :
         QList<QPair<QByteArray, QString>>{{"POST", QStringLiteral("send-sms")},
                                           {"POST", QStringLiteral("send-whatsapp")},
                                           {"POST", QStringLiteral("send-email")},
                                           {"POST", QStringLiteral("initiate-call")},
                                           {"GET", QStringLiteral("sms-status/SM1")},
                                           {"GET", QStringLiteral("call-status/CA1")},
                                           {"GET", QStringLiteral("openapi.json")}}) {
        QTest::newRow(qPrintable(path + QStringLiteral(" without a token")))
            << method << path << QByteArray();
        QTest::newRow(qPrintable(path + QStringLiteral(" with a wrong token")))
            << method << path << QByteArray("Bearer not-the-token");
    }
}

void TestLocalApiComplete::tokenIsRequired() {
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, auth);
    const sbtest::Reply reply = call(method, path, method == "POST" ? "{}" : "", auth);
    verifyErrorShape(reply, 401);
    QVERIFY(!reply.header("WWW-Authenticate").isEmpty());
}

void TestLocalApiComplete::rateLimitAnswers429WithRetryAfter() {
    // A service of its own with a small bucket: 3 at once, then one every 100 s.
    QTemporaryDir dir;
    QProcessEnvironment env;
    env.insert(QStringLiteral("SWITCHBOARD_API_BURST"), QStringLiteral("3"));
    env.insert(QStringLiteral("SWITCHBOARD_API_RATE"), QStringLiteral("0.01"));
    QString error;
    auto service =
        sbtest::startService(dir.path(), QStringLiteral("limited-token"), env, {}, &error);
    QVERIFY2(service, qPrintable(error));
    const QList<QPair<QByteArray, QByteArray>> auth{{"Authorization", "Bearer limited-token"}};
    for (int i = 0; i < 3; ++i)
        QCOMPARE(m_http.get(api(QStringLiteral("email-usage"), service->port()), auth).status, 200);
    const sbtest::Reply limited =
        m_http.get(api(QStringLiteral("email-usage"), service->port()), auth);
    verifyErrorShape(limited, 429);
    bool ok = false;
    const int retryAfter = limited.header("Retry-After").toInt(&ok);
    QVERIFY(ok);
    QVERIFY2(retryAfter >= 90 && retryAfter <= 100, limited.header("Retry-After").constData());
    QCOMPARE(limited.json()
                 .value(QLatin1String("error"))
                 .toObject()
                 .value(QLatin1String("retryAfter"))
                 .toInt(),
             retryAfter);
    // Health is exempt (monitors poll it).
    for (int i = 0; i < 5; ++i)
        QCOMPARE(m_http.get(api(QStringLiteral("health"), service->port())).status, 200);
    // A wrong token is its own client (the address): refused as such, not as the token's.
    const sbtest::Reply wrong = m_http.get(api(QStringLiteral("email-usage"), service->port()),
                                           {{"Authorization", "Bearer guess"}});
    verifyErrorShape(wrong, 401);
    service.reset();
}

void TestLocalApiComplete::messagesArePagedByCursor() {
    const QString contact = QStringLiteral("+14155550190");
    QStringList sent;
    for (int i = 0; i < 5; ++i) {
        const sbtest::Reply reply = call(
            "POST", QStringLiteral("send-sms"),
            QJsonDocument(QJsonObject{{QStringLiteral("to"), contact},
                                      {QStringLiteral("body"), QStringLiteral("page %1").arg(i)}})
                .toJson());
        QCOMPARE(reply.status, 201);
        sent.prepend(reply.json().value(QLatin1String("messageSid")).toString()); // newest first
    }
    QStringList seen;
    QString cursor;
    int pages = 0;
    do {
        QString path = QStringLiteral("messages?limit=2&channel=sms&contact=%2B14155550190");
        if (!cursor.isEmpty())
            path += QStringLiteral("&before=") + cursor;
        const sbtest::Reply page = call("GET", path);
        QVERIFY2(page.status == 200, page.body.constData());
        const QJsonArray messages = page.json().value(QLatin1String("messages")).toArray();
        QVERIFY(messages.size() <= 2);
        for (const QJsonValue m : messages)
            seen.append(m.toObject().value(QLatin1String("messageSid")).toString());
        const QJsonValue next = page.json().value(QLatin1String("next"));
        QVERIFY(next.isString() || next.isNull());
        cursor = next.toString();
        ++pages;
    } while (!cursor.isEmpty() && pages < 10);
    QCOMPARE(pages, 3);
    QCOMPARE(seen, sent);
}

void TestLocalApiComplete::callsAndEmailsArePagedByCursor_data() {
    QTest::addColumn<QString>("create");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("listing");
    QTest::addColumn<QString>("idKey");
    QTest::newRow("calls") << "initiate-call" << QByteArray(R"({"to": "+14155550191"})") << "calls"
                           << "callSid";
    QTest::newRow("emails") << "send-email"
                            << QByteArray(
                                   R"({"to": "page@example.com", "subject": "Hi", "text": "Yo"})")
                            << "emails"
                            << "id";
}

void TestLocalApiComplete::callsAndEmailsArePagedByCursor() {
    QFETCH(QString, create);
    QFETCH(QByteArray, body);
    QFETCH(QString, listing);
    QFETCH(QString, idKey);
    QStringList made;
    for (int i = 0; i < 5; ++i) {
        const sbtest::Reply reply = call("POST", create, body);
        QVERIFY2(reply.status / 100 == 2, reply.body.constData());
        made.prepend(reply.json().value(idKey).toString()); // newest first
    }
    QStringList seen;
    QString cursor;
    int pages = 0;
    do {
        QString path = listing + QStringLiteral("?limit=2");
        if (!cursor.isEmpty())
            path += QStringLiteral("&before=") + cursor;
        const sbtest::Reply page = call("GET", path);
        QVERIFY2(page.status == 200, page.body.constData());
        const QJsonArray items = page.json().value(listing).toArray();
        QVERIFY(items.size() <= 2);
        for (const QJsonValue item : items)
            seen.append(item.toObject().value(idKey).toString());
        const QJsonValue next = page.json().value(QLatin1String("next"));
        QVERIFY(next.isString() || next.isNull());
        cursor = next.toString();
        ++pages;
    } while (!cursor.isEmpty() && pages < 50);
    // Newest first, each once, the whole listing walked.
    QCOMPARE(seen.mid(0, made.size()), made);
    QCOMPARE(QSet<QString>(seen.cbegin(), seen.cend()).size(), seen.size());
    QCOMPARE(pages, int((seen.size() + 1) / 2));
    QCOMPARE(call("GET", listing + QStringLiteral("?limit=501")).status, 400);
}

// Assign, the list by assignee, "assign to me" losing a race (409 naming who has it), unassign,
// every refusal with its reason, and the unread counts per agent.
void TestLocalApiComplete::conversationsAreAssigned() {
    const sbtest::Reply sent = call("POST", QStringLiteral("send-sms"),
                                    QByteArray(R"({"to": "+14155550231", "body": "assign me"})"));
    QVERIFY2(sent.status == 201, sent.body.constData());
    const QJsonArray found = call("GET", QStringLiteral("contacts?q=5550231"))
                                 .json()
                                 .value(QLatin1String("contacts"))
                                 .toArray();
    QCOMPARE(found.size(), 1);
    QVERIFY(found.at(0)[QLatin1String("assignee")].isNull());
    const qint64 id = found.at(0)[QLatin1String("id")].toInteger();
    const QString assign = QStringLiteral("contacts/%1/assign").arg(id);

    const sbtest::Reply taken =
        call("POST", assign, QByteArray(R"({"agent": "Ana Lima", "ifAssignee": null})"));
    QVERIFY2(taken.status == 200, taken.body.constData());
    QCOMPARE(taken.json().value(QLatin1String("assignee")).toString(), QStringLiteral("Ana Lima"));
    QVERIFY(taken.json().value(QLatin1String("changed")).toBool());
    const QDateTime at = QDateTime::fromString(
        taken.json().value(QLatin1String("assignedAt")).toString(), Qt::ISODateWithMs);
    QVERIFY(at.isValid());
    // Ana's list has it; the unassigned list does not.
    auto listed = [&](const QString &query) {
        QStringList numbers;
        const sbtest::Reply page = call("GET", QStringLiteral("contacts?") + query);
        for (const QJsonValue c : page.json().value(QLatin1String("contacts")).toArray())
            numbers.append(c[QLatin1String("number")].toString());
        return numbers;
    };
    QVERIFY(listed(QStringLiteral("assignee=Ana%20Lima")).contains(QStringLiteral("+14155550231")));
    QVERIFY(!listed(QStringLiteral("assignee=")).contains(QStringLiteral("+14155550231")));

    // Ben's "assign to me" a moment too late: 409, naming Ana; nothing changed.
    const sbtest::Reply late =
        call("POST", assign, QByteArray(R"({"agent": "Ben", "ifAssignee": null})"));
    verifyErrorShape(late, 409);
    QCOMPARE(late.json()[QLatin1String("error")][QLatin1String("assignee")].toString(),
             QStringLiteral("Ana Lima"));
    QVERIFY(late.json()[QLatin1String("error")][QLatin1String("message")].toString().contains(
        QStringLiteral("Ana Lima")));
    QVERIFY(listed(QStringLiteral("assignee=Ben")).isEmpty());

    // The counts per agent: Ana has it, unread 0 (our own outbound message).
    const sbtest::Reply agents = call("GET", QStringLiteral("agents"));
    QVERIFY2(agents.status == 200, agents.body.constData());
    bool anaListed = false;
    for (const QJsonValue a : agents.json().value(QLatin1String("agents")).toArray()) {
        if (a[QLatin1String("agent")].toString() != QLatin1String("Ana Lima"))
            continue;
        anaListed = true;
        QCOMPARE(a[QLatin1String("conversations")].toInt(), 1);
        QCOMPARE(a[QLatin1String("unreadConversations")].toInt(), 0);
    }
    QVERIFY(anaListed);
    QVERIFY(agents.json()[QLatin1String("unassigned")][QLatin1String("agent")].isNull());

    // Unassigned by Ana.
    const sbtest::Reply freed =
        call("POST", assign, QByteArray(R"({"agent": null, "ifAssignee": "Ana Lima"})"));
    QVERIFY2(freed.status == 200, freed.body.constData());
    QVERIFY(freed.json().value(QLatin1String("assignee")).isNull());
    QVERIFY(freed.json().value(QLatin1String("assignedAt")).isNull());
    QVERIFY(listed(QStringLiteral("assignee=")).contains(QStringLiteral("+14155550231")));

    // Refusals.
    struct Bad {
        QString path;
        QByteArray body;
        int status;
        QString field;
    };
    const QList<Bad> bad{
        {assign, "{}", 400, QStringLiteral("agent")},
        {assign, R"({"agent": 5})", 400, QStringLiteral("agent")},
        {assign, R"({"agent": "Ana\nLima"})", 400, QStringLiteral("agent")},
        {assign, R"({"agent": "Ana", "ifAssignee": []})", 400, QStringLiteral("ifAssignee")},
        {assign, "[1]", 400, QStringLiteral("body")},
        {QStringLiteral("contacts/999999/assign"), R"({"agent": "Ana"})", 404, {}},
        {QStringLiteral("contacts/abc/assign"), R"({"agent": "Ana"})", 404, {}},
    };
    for (const Bad &b : bad) {
        const sbtest::Reply r = call("POST", b.path, b.body);
        verifyErrorShape(r, b.status);
        if (!b.field.isEmpty())
            QCOMPARE(r.json()[QLatin1String("error")][QLatin1String("field")].toString(), b.field);
    }
    QCOMPARE(call("GET", QStringLiteral("contacts?assignee=a%0Ab")).status, 400);

    // Presence: a helpdesk's user joins, Ana replies and leaves; what every console shows.
    const QString presence = QStringLiteral("contacts/%1/presence").arg(id);
    const QByteArray danaViews = R"({"agent": "Dana at the helpdesk", "state": "viewing"})";
    const QByteArray anaReplies = R"({"agent": "Ana Lima", "state": "replying"})";
    const QByteArray anaLeaves = R"({"agent": "Ana Lima", "state": null})";
    QCOMPARE(call("PUT", presence, danaViews).status, 204);
    QCOMPARE(call("PUT", presence, anaReplies).status, 204);
    const QJsonArray present =
        call("GET", presence).json().value(QLatin1String("presence")).toArray();
    QCOMPARE(present.size(), 2);
    QCOMPARE(present.at(0)[QLatin1String("agent")].toString(), QStringLiteral("Ana Lima"));
    QCOMPARE(present.at(0)[QLatin1String("state")].toString(), QStringLiteral("replying"));
    QCOMPARE(present.at(1)[QLatin1String("state")].toString(), QStringLiteral("viewing"));
    QVERIFY(
        QDateTime::fromString(present.at(1)[QLatin1String("seenAt")].toString(), Qt::ISODateWithMs)
            .isValid());
    QCOMPARE(call("PUT", presence, anaLeaves).status, 204);
    QCOMPARE(call("GET", presence).json().value(QLatin1String("presence")).toArray().size(), 1);
    const QList<Bad> badPresence{
        {presence, R"({"agent": "Ana"})", 400, QStringLiteral("state")},
        {presence, R"({"agent": "Ana", "state": "typing"})", 400, QStringLiteral("state")},
        {presence, R"({"state": "viewing"})", 400, QStringLiteral("agent")},
        {presence, R"({"agent": 1, "state": "viewing"})", 400, QStringLiteral("agent")},
        {QStringLiteral("contacts/999999/presence"),
         R"({"agent": "Ana", "state": "viewing"})",
         404,
         {}},
    };
    for (const Bad &b : badPresence) {
        const sbtest::Reply r = call("PUT", b.path, b.body);
        verifyErrorShape(r, b.status);
        if (!b.field.isEmpty())
            QCOMPARE(r.json()[QLatin1String("error")][QLatin1String("field")].toString(), b.field);
    }
    verifyErrorShape(call("GET", QStringLiteral("contacts/abc/presence")), 404);
}

void TestLocalApiComplete::contactsAreListedAndPagedByCursor() {
    // Five customers, one message each: the newest conversation first.
    QStringList made;
    for (int i = 0; i < 5; ++i) {
        const QString to = QStringLiteral("+1415555021%1").arg(i);
        const sbtest::Reply reply =
            call("POST", QStringLiteral("send-sms"),
                 QStringLiteral(R"({"to": "%1", "body": "contact %2"})").arg(to).arg(i).toUtf8());
        QVERIFY2(reply.status == 201, reply.body.constData());
        made.prepend(to);
        QTest::qWait(5); // distinct times: the list is ordered by the last item's
    }
    QStringList seen;
    QString cursor;
    int pages = 0;
    do {
        QString path = QStringLiteral("contacts?limit=2&q=%2B1415555021");
        if (!cursor.isEmpty())
            path += QStringLiteral("&before=") + cursor;
        const sbtest::Reply page = call("GET", path);
        QVERIFY2(page.status == 200, page.body.constData());
        const QJsonArray contacts = page.json().value(QLatin1String("contacts")).toArray();
        QVERIFY(contacts.size() <= 2);
        for (const QJsonValue c : contacts) {
            seen.append(c[QLatin1String("number")].toString());
            QCOMPARE(c[QLatin1String("lastChannel")].toString(), QStringLiteral("sms"));
            QVERIFY(c[QLatin1String("lastText")].toString().startsWith(QStringLiteral("contact ")));
        }
        cursor = page.json().value(QLatin1String("next")).toString();
        ++pages;
    } while (!cursor.isEmpty() && pages < 10);
    QCOMPARE(seen, made);
    QCOMPARE(pages, 3);
    // One of them by a part of its number.
    const QJsonArray one = call("GET", QStringLiteral("contacts?q=5550213"))
                               .json()
                               .value(QLatin1String("contacts"))
                               .toArray();
    QCOMPARE(one.size(), 1);
    QCOMPARE(one.at(0)[QLatin1String("number")].toString(), QStringLiteral("+14155550213"));
    // Every invalid parameter named.
    const sbtest::Reply bad = call("GET", QStringLiteral("contacts?limit=0&before=abc"));
    verifyErrorShape(bad, 400);
    QStringList named;
    for (const QJsonValue e :
         bad.json().value(QLatin1String("error"))[QLatin1String("errors")].toArray())
        named.append(e[QLatin1String("field")].toString());
    QCOMPARE(named, (QStringList{QStringLiteral("limit"), QStringLiteral("before")}));
}

void TestLocalApiComplete::messagesListingNamesEveryInvalidParameter() {
    const sbtest::Reply reply = call("GET", QStringLiteral("messages?limit=0&before=abc"));
    verifyErrorShape(reply, 400);
    QStringList named;
    for (const QJsonValue e : reply.json()
                                  .value(QLatin1String("error"))
                                  .toObject()
                                  .value(QLatin1String("errors"))
                                  .toArray())
        named.append(e.toObject().value(QLatin1String("field")).toString());
    QCOMPARE(named, (QStringList{QStringLiteral("limit"), QStringLiteral("before")}));
}

void TestLocalApiComplete::debugLogShowsEachCallAndNoSecret() {
    installLogFormat();
    QMutex mutex;
    QStringList lines;
    const int listener = addLogListener([&](const LogLine &line) {
        const QMutexLocker lock(&mutex);
        lines << QString::fromUtf8(line.text);
    });
    QLoggingCategory::setFilterRules(QStringLiteral("switchboard.api.debug=true"));
    const sbtest::Reply sent =
        call("POST", QStringLiteral("send-sms"), R"({"to": "+14155550142", "body": "debug me"})");
    QCOMPARE(sent.status, 201);
    auto logged = [&] {
        const QMutexLocker lock(&mutex);
        for (const QString &line : std::as_const(lines)) {
            if (line.contains(
                    QStringLiteral("debug switchboard.api: POST /api/v1/twilio/send-sms")) &&
                line.contains(QStringLiteral("debug me")) &&
                line.contains(QStringLiteral("-> 201")))
                return true;
        }
        return false;
    };
    QTRY_VERIFY(logged());
    QLoggingCategory::setFilterRules(QStringLiteral("switchboard.api.debug=false"));
    removeLogListener(listener);
    const QMutexLocker lock(&mutex);
    for (const QString &line : std::as_const(lines)) {
        QVERIFY2(!line.contains(QStringLiteral("complete-token")), qPrintable(line));
        QVERIFY2(!line.contains(QStringLiteral("Bearer")), qPrintable(line));
        if (!m_service->config().authToken.isEmpty())
            QVERIFY2(!line.contains(m_service->config().authToken), qPrintable(line));
    }
}

QTEST_GUILESS_MAIN(TestLocalApiComplete)
#include "tst_localapi_complete.moc"
