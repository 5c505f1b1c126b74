#include "TestSupport.h"
#include "email/EmailApi.h"
#include "email/EmailRoutes.h"
#include "email/EmailSandbox.h"
#include "runtime/BuiltInChannels.h"
#include "runtime/SwitchboardService.h"
#include "sandbox/Sandbox.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>

using namespace sb;

// send-email as a client of the local API sees it, with SendGrid played by a stand-in in this
// process that counts every mail/send it accepts (so "nothing was sent" is checked where it
// would happen): the default sender, categories, Idempotency-Key (a retry, a changed body,
// two at once), and the body limit raised for this route alone.
class TestEmailSend : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void defaultSenderIsUsedWhenFromIsOmitted();
    void explicitFromWins();
    void categoriesReachSendGridAndStatus();
    void invalidCategories_data();
    void invalidCategories();
    void retryWithTheSameKeyReplays();
    void sameKeyOtherBodyIs409();
    void concurrentRequestsWithTheSameKeySendOnce();
    void twoMegabyteEmailWithAttachmentIsSent();
    void over30MegabytesIsAFieldError();
    void otherRoutesKeepTheOneMebibyteLimit();
    void aThirdLargeBodyAtOnceGets503();

private:
    QUrl api(const QString &path) const;
    sbtest::Reply send(const QJsonObject &json, const QByteArray &key = {});
    sbtest::Reply sendRaw(const QByteArray &body, const QByteArray &key = {});
    QJsonObject status(const QString &id);
    static QByteArray emailWithAttachment(qsizetype attachmentBytes);

    QTemporaryDir m_dir;
    std::unique_ptr<Sandbox> m_sendgrid;
    QList<QJsonObject> m_accepted;
    std::unique_ptr<SwitchboardService> m_service;
    sbtest::Http m_http;
    const QByteArray m_auth = "Bearer send-token";
};

void TestEmailSend::initTestCase() {
    m_sendgrid = std::make_unique<Sandbox>(SandboxOptions{});
    EmailSandbox::install(*m_sendgrid, QString(),
                          [this](const QJsonObject &mail) { m_accepted.append(mail); });
    const quint16 sendgridPort = m_sendgrid->listen(QHostAddress::LocalHost, 0);
    QVERIFY(sendgridPort);

    QProcessEnvironment env;
    env.insert(QStringLiteral("SWITCHBOARD_DATA_DIR"), m_dir.path());
    env.insert(QStringLiteral("SWITCHBOARD_PORT"), QStringLiteral("0"));
    env.insert(QStringLiteral("SWITCHBOARD_API_TOKEN"), QStringLiteral("send-token"));
    env.insert(QStringLiteral("SENDGRID_API_KEY"), m_sendgrid->sendgridApiKey());
    env.insert(QStringLiteral("SENDGRID_API_BASE_URL"),
               QStringLiteral("http://127.0.0.1:%1").arg(sendgridPort));
    env.insert(QStringLiteral("SENDGRID_FROM_EMAIL"), QStringLiteral("support@example.com"));
    env.insert(QStringLiteral("SENDGRID_FROM_NAME"), QStringLiteral("Acme Support"));
    env.insert(QStringLiteral("SENDGRID_DAILY_LIMIT"), QStringLiteral("0"));
    QString error;
    const auto config = ConfigLoader::load(env, QString(), &error);
    QVERIFY2(config, qPrintable(error));
    m_service = std::make_unique<SwitchboardService>(*config, builtInChannels());
    QSignalSpy started(m_service.get(), &SwitchboardService::started);
    m_service->start();
    QVERIFY(started.wait(10000));
}

void TestEmailSend::cleanupTestCase() {
    m_service.reset();
    m_sendgrid.reset();
}

QUrl TestEmailSend::api(const QString &path) const {
    return QUrl(
        QStringLiteral("http://127.0.0.1:%1/api/v1/twilio/%2").arg(m_service->port()).arg(path));
}

sbtest::Reply TestEmailSend::send(const QJsonObject &json, const QByteArray &key) {
    return sendRaw(QJsonDocument(json).toJson(QJsonDocument::Compact), key);
}

sbtest::Reply TestEmailSend::sendRaw(const QByteArray &body, const QByteArray &key) {
    QList<QPair<QByteArray, QByteArray>> headers{{"Authorization", m_auth},
                                                 {"Content-Type", "application/json"}};
    if (!key.isEmpty())
        headers.append({"Idempotency-Key", key});
    return m_http.request("POST", api(EmailRoutes::send()), body, headers, 60000);
}

QJsonObject TestEmailSend::status(const QString &id) {
    return m_http.get(api(QStringLiteral("email-status/") + id), {{"Authorization", m_auth}})
        .json();
}

// Written as bytes, not through QJsonObject: the large cases stay a single copy in memory.
QByteArray TestEmailSend::emailWithAttachment(qsizetype attachmentBytes) {
    QByteArray file(attachmentBytes, Qt::Uninitialized);
    for (qsizetype i = 0; i < file.size(); ++i)
        file[i] = char(QRandomGenerator::global()->bounded(256));
    return QByteArrayLiteral(
               R"({"to":"ana@example.com","subject":"Your invoice","text":"Attached.",)"
               R"("attachments":[{"filename":"invoice.bin","type":)"
               R"("application/octet-stream","content":")") +
           file.toBase64() + QByteArrayLiteral(R"("}]})");
}

void TestEmailSend::defaultSenderIsUsedWhenFromIsOmitted() {
    const sbtest::Reply sent =
        send({{"to", "ana@example.com"}, {"subject", "Hello"}, {"text", "Hi"}});
    QCOMPARE(sent.status, 202);
    QTRY_VERIFY(!m_accepted.isEmpty());
    const QJsonObject from = m_accepted.last().value(QLatin1String("from")).toObject();
    QCOMPARE(from.value(QLatin1String("email")).toString(), QStringLiteral("support@example.com"));
    QCOMPARE(from.value(QLatin1String("name")).toString(), QStringLiteral("Acme Support"));
    QCOMPARE(status(sent.json().value(QLatin1String("id")).toString())
                 .value(QLatin1String("from"))
                 .toString(),
             QStringLiteral("support@example.com"));
}

void TestEmailSend::explicitFromWins() {
    const qsizetype before = m_accepted.size();
    const sbtest::Reply sent = send({{"to", "ana@example.com"},
                                     {"from", "billing@example.com"},
                                     {"subject", "Hello"},
                                     {"text", "Hi"}});
    QCOMPARE(sent.status, 202);
    QCOMPARE(m_accepted.size(), before + 1);
    const QJsonObject from = m_accepted.last().value(QLatin1String("from")).toObject();
    QCOMPARE(from.value(QLatin1String("email")).toString(), QStringLiteral("billing@example.com"));
    // The default's name belongs to the default address only.
    QVERIFY(!from.contains(QLatin1String("name")));
}

void TestEmailSend::categoriesReachSendGridAndStatus() {
    const QJsonArray categories{"receipts", "march-2026"};
    const sbtest::Reply sent = send({{"to", "ana@example.com"},
                                     {"subject", "Receipt"},
                                     {"text", "Hi"},
                                     {"categories", categories}});
    QCOMPARE(sent.status, 202);
    QCOMPARE(m_accepted.last().value(QLatin1String("categories")).toArray(), categories);
    QCOMPARE(status(sent.json().value(QLatin1String("id")).toString())
                 .value(QLatin1String("categories"))
                 .toArray(),
             categories);
}

void TestEmailSend::invalidCategories_data() {
    QTest::addColumn<QJsonValue>("categories");
    QTest::addColumn<QString>("says");
    QJsonArray eleven;
    for (int i = 0; i < 11; ++i)
        eleven.append(QStringLiteral("c%1").arg(i));
    QTest::newRow("eleven") << QJsonValue(eleven) << "At most 10";
    QTest::newRow("256 characters")
        << QJsonValue(QJsonArray{QString(256, QLatin1Char('x'))}) << "at most 255";
    QTest::newRow("not ASCII") << QJsonValue(QJsonArray{QStringLiteral("rëceipts")}) << "ASCII";
    QTest::newRow("repeated") << QJsonValue(QJsonArray{"a", "a"}) << "repeated";
    QTest::newRow("empty") << QJsonValue(QJsonArray{""}) << "empty";
    QTest::newRow("not a list") << QJsonValue("receipts") << "list of strings";
    QTest::newRow("a number in it") << QJsonValue(QJsonArray{"a", 1}) << "list of strings";
}

void TestEmailSend::invalidCategories() {
    QFETCH(QJsonValue, categories);
    QFETCH(QString, says);
    const qsizetype before = m_accepted.size();
    const sbtest::Reply r = send({{"to", "ana@example.com"},
                                  {"subject", "Hello"},
                                  {"text", "Hi"},
                                  {"categories", categories}});
    QCOMPARE(r.status, 400);
    const QJsonObject error = r.json().value(QLatin1String("error")).toObject();
    QCOMPARE(error.value(QLatin1String("field")).toString(), QStringLiteral("categories"));
    QVERIFY2(error.value(QLatin1String("message")).toString().contains(says), r.body.constData());
    QCOMPARE(m_accepted.size(), before);
}

void TestEmailSend::retryWithTheSameKeyReplays() {
    const qsizetype before = m_accepted.size();
    const sbtest::Reply first =
        sendRaw(R"({"to":"ana@example.com","subject":"Order 42","text":"Shipped."})", "retry-1");
    QCOMPARE(first.status, 202);
    const QString id = first.json().value(QLatin1String("id")).toString();
    QCOMPARE(m_accepted.size(), before + 1);

    // The same request written differently (key order, spacing) is the same request.
    const sbtest::Reply again = sendRaw(
        "{ \"text\": \"Shipped.\", \"subject\": \"Order 42\", \"to\": \"ana@example.com\" }",
        "retry-1");
    QCOMPARE(again.status, 200);
    QCOMPARE(again.header("Idempotent-Replayed"), QByteArray("true"));
    QCOMPARE(again.json().value(QLatin1String("id")).toString(), id);
    QCOMPARE(again.json().value(QLatin1String("status")).toString(), QStringLiteral("queued"));
    QVERIFY(again.json().value(QLatin1String("replayed")).toBool());
    QTest::qWait(200); // a second mail/send would have arrived by now
    QCOMPARE(m_accepted.size(), before + 1);
}

void TestEmailSend::sameKeyOtherBodyIs409() {
    const qsizetype before = m_accepted.size();
    QCOMPARE(
        send({{"to", "ana@example.com"}, {"subject", "A"}, {"text", "One"}}, "conflict-1").status,
        202);
    const sbtest::Reply other =
        send({{"to", "ana@example.com"}, {"subject", "A"}, {"text", "Two"}}, "conflict-1");
    QCOMPARE(other.status, 409);
    QVERIFY(other.header("Idempotent-Replayed").isEmpty());
    QVERIFY2(other.json()
                 .value(QLatin1String("error"))
                 .toObject()
                 .value(QLatin1String("message"))
                 .toString()
                 .contains(QLatin1String("Idempotency-Key")),
             other.body.constData());
    QTest::qWait(200);
    QCOMPARE(m_accepted.size(), before + 1);
}

void TestEmailSend::concurrentRequestsWithTheSameKeySendOnce() {
    const qsizetype before = m_accepted.size();
    QNetworkAccessManager nam;
    QNetworkRequest request(api(EmailRoutes::send()));
    request.setRawHeader("Authorization", m_auth);
    request.setRawHeader("Content-Type", "application/json");
    request.setRawHeader("Idempotency-Key", "together-1");
    const QByteArray body = R"({"to":"ana@example.com","subject":"Both","text":"At once"})";
    // Two connections, both requests on the wire before either is answered.
    QNetworkReply *a = nam.post(request, body);
    QNetworkReply *b = nam.post(request, body);
    QTRY_VERIFY_WITH_TIMEOUT(a->isFinished() && b->isFinished(), 15000);
    QList<int> statuses{a->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                        b->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt()};
    std::sort(statuses.begin(), statuses.end());
    QCOMPARE(statuses, (QList<int>{200, 202}));
    const QJsonObject ja = QJsonDocument::fromJson(a->readAll()).object();
    const QJsonObject jb = QJsonDocument::fromJson(b->readAll()).object();
    QCOMPARE(ja.value(QLatin1String("id")).toString(), jb.value(QLatin1String("id")).toString());
    QTest::qWait(200);
    QCOMPARE(m_accepted.size(), before + 1);
    delete a;
    delete b;
}

void TestEmailSend::twoMegabyteEmailWithAttachmentIsSent() {
    const qsizetype before = m_accepted.size();
    const QByteArray body = emailWithAttachment(1536 * 1024); // 2 MiB in base64
    QVERIFY(body.size() > 2 * 1024 * 1024);
    const sbtest::Reply sent = sendRaw(body);
    QCOMPARE(sent.status, 202);
    QCOMPARE(m_accepted.size(), before + 1);
    const QJsonObject attachment =
        m_accepted.last().value(QLatin1String("attachments")).toArray().at(0).toObject();
    QCOMPARE(
        QByteArray::fromBase64(attachment.value(QLatin1String("content")).toString().toLatin1())
            .size(),
        1536 * 1024);
}

void TestEmailSend::over30MegabytesIsAFieldError() {
    const qsizetype before = m_accepted.size();
    // 23.25 MB of file: 31 MB once in base64, under the route's limit and over SendGrid's.
    const QByteArray body = emailWithAttachment(23'250'000);
    QVERIFY(body.size() > 31'000'000 && body.size() < EmailApi::MaxSendBodyBytes);
    const sbtest::Reply r = sendRaw(body);
    QCOMPARE(r.status, 400);
    const QJsonObject error = r.json().value(QLatin1String("error")).toObject();
    QCOMPARE(error.value(QLatin1String("field")).toString(), QStringLiteral("attachments"));
    const QString message = error.value(QLatin1String("message")).toString();
    // Both figures: the email's size after base64 and SendGrid's limit.
    QVERIFY2(message.contains(QLatin1String("at most 30000000 bytes")), qPrintable(message));
    QVERIFY2(message.contains(QRegularExpression(QStringLiteral("is 310\\d{5} bytes"))),
             qPrintable(message));
    QCOMPARE(m_accepted.size(), before);
}

void TestEmailSend::otherRoutesKeepTheOneMebibyteLimit() {
    const QByteArray big(1536 * 1024, 'a'); // 1.5 MiB
    const QByteArray sms = R"({"to":"+14155550100","body":")" + big + R"("})";
    const sbtest::Reply r =
        m_http.request("POST", api(QStringLiteral("send-sms")), sms,
                       {{"Authorization", m_auth}, {"Content-Type", "application/json"}});
    QCOMPARE(r.status, 413);
    // The same size is fine on send-email (and refused there only for what it says).
    const sbtest::Reply email =
        sendRaw(R"({"to":"ana@example.com","subject":"Long","text":")" + big + R"("})");
    QCOMPARE(email.status, 202);
}

void TestEmailSend::aThirdLargeBodyAtOnceGets503() {
    // Two clients start 20 MB uploads and stall: each holds one of the two large-body slots.
    const QByteArray head = "POST /api/v1/twilio/send-email HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                            "Authorization: " +
                            m_auth +
                            "\r\nContent-Type: application/json\r\n"
                            "Content-Length: 20000000\r\n\r\n{\"to\":";
    QTcpSocket first, second;
    for (QTcpSocket *s : {&first, &second}) {
        s->connectToHost(QHostAddress::LocalHost, m_service->port());
        QVERIFY(s->waitForConnected(5000));
        s->write(head);
        QVERIFY(s->waitForBytesWritten(5000));
    }
    QTest::qWait(300);
    const QByteArray third = sbtest::rawRequest(m_service->port(), head);
    QVERIFY2(third.startsWith("HTTP/1.1 503"), third.constData());
    QVERIFY(first.state() == QAbstractSocket::ConnectedState && first.bytesAvailable() == 0);

    // Once they are gone the slots are free again.
    first.abort();
    second.abort();
    QTest::qWait(300);
    QCOMPARE(sendRaw(emailWithAttachment(1024 * 1024)).status, 202);
}

QTEST_GUILESS_MAIN(TestEmailSend)
#include "tst_email_send.moc"
