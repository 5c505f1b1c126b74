#include "Await.h"
#include "ServiceFixture.h"
#include "TestSupport.h"
#include "db/Store.h"
#include "providers/twilio/SignatureValidator.h"
#include "runtime/BuiltInChannels.h"
#include "runtime/SwitchboardService.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace sb;

// Webhooks signed the way Twilio's helpers sign them: over the URL string exactly as Twilio
// was given it (the configured public URL, whatever its case, plus the target with its
// escapes untouched). Sent as raw bytes, so no client library rewrites the target.
class TestWebhookSignatures : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void signedAsTwilioSignsIsAccepted_data();
    void signedAsTwilioSignsIsAccepted();
    void undecodableBodySaysWhatIsWrong();

private:
    QByteArray post(const QByteArray &target, const QByteArray &body, const QByteArray &signature);
    std::optional<MessageRecord> stored(const QString &sid);

    QTemporaryDir m_dir;
    std::unique_ptr<SwitchboardService> m_service;
    QObject m_ctx;
    // Upper case in the host: QUrl would lower-case it; Twilio signs it as written.
    const QString m_publicUrl = QStringLiteral("https://Console.Example.COM:8443");
};

void TestWebhookSignatures::initTestCase() {
    QProcessEnvironment env;
    env.insert(QStringLiteral("SWITCHBOARD_PUBLIC_URL"), m_publicUrl + QLatin1Char('/'));
    QString error;
    m_service = sbtest::startService(m_dir.path(), QStringLiteral("sig-token"), env, {}, &error);
    QVERIFY2(m_service, qPrintable(error));
}

void TestWebhookSignatures::cleanupTestCase() {
    m_service.reset();
}

QByteArray TestWebhookSignatures::post(const QByteArray &target, const QByteArray &body,
                                       const QByteArray &signature) {
    QByteArray request = "POST " + target + " HTTP/1.1\r\nHost: console.example.com\r\n" +
                         "Content-Type: application/x-www-form-urlencoded\r\n" +
                         "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    if (!signature.isEmpty())
        request += "X-Twilio-Signature: " + signature + "\r\n";
    request += "\r\n" + body;
    return sbtest::rawRequest(m_service->port(), request);
}

std::optional<MessageRecord> TestWebhookSignatures::stored(const QString &sid) {
    const auto r = sbtest::await<StoreResult<std::optional<MessageRecord>>>(
        [&](auto done) { m_service->store()->messageBySid(sid, &m_ctx, done); });
    return r ? r->value : std::nullopt;
}

void TestWebhookSignatures::signedAsTwilioSignsIsAccepted_data() {
    QTest::addColumn<QByteArray>("target");
    QTest::newRow("upper-case host in the public URL") << QByteArray("/twilio/incoming-sms");
    QTest::newRow("%7e in the query (QUrl makes it ~)")
        << QByteArray("/twilio/incoming-sms?tenant=%7eacme");
    QTest::newRow("%2f in the query (QUrl makes it %2F)")
        << QByteArray("/twilio/incoming-sms?next=a%2fb");
    QTest::newRow("quote, at and colon in the query")
        << QByteArray("/twilio/incoming-sms?o='x'&u=a@b&t=1:2");
}

void TestWebhookSignatures::signedAsTwilioSignsIsAccepted() {
    QFETCH(QByteArray, target);
    static int n = 0;
    const QString sid = QStringLiteral("SMsig%1").arg(++n);
    const FormFields fields{{QStringLiteral("MessageSid"), sid},
                            {QStringLiteral("From"), QStringLiteral("+14155550123")},
                            {QStringLiteral("To"), QStringLiteral("+15005550006")},
                            {QStringLiteral("Body"), QStringLiteral("signed ~ as sent")}};
    const QByteArray token = m_service->config().authToken.toUtf8();
    const QByteArray signature =
        SignatureValidator::sign(token, m_publicUrl + QString::fromLatin1(target), fields);

    // Tampered (another body, same signature): refused, nothing stored.
    FormFields tampered = fields;
    tampered[3].second = QStringLiteral("changed");
    QByteArray answer = post(target, FormEncoding::encode(tampered), signature);
    QVERIFY2(answer.startsWith("HTTP/1.1 403"), answer.constData());
    QVERIFY(!stored(sid));

    answer = post(target, FormEncoding::encode(fields), signature);
    QVERIFY2(answer.startsWith("HTTP/1.1 200"), answer.constData());
    QCOMPARE(stored(sid)->body, QStringLiteral("signed ~ as sent"));
}

void TestWebhookSignatures::undecodableBodySaysWhatIsWrong() {
    const QByteArray answer = post("/twilio/incoming-sms", "MessageSid=SMbad&Body=%zz", "c2ln");
    QVERIFY2(answer.startsWith("HTTP/1.1 400"), answer.constData());
    QVERIFY2(answer.contains("form-urlencoded"), answer.constData());
    QVERIFY2(!answer.contains("does not match"), answer.constData());
    const QByteArray unsigned_ = post("/twilio/incoming-sms", "MessageSid=SMbad", {});
    QVERIFY2(unsigned_.startsWith("HTTP/1.1 403"), unsigned_.constData());
    QVERIFY2(unsigned_.contains("no X-Twilio-Signature"), unsigned_.constData());
}

QTEST_GUILESS_MAIN(TestWebhookSignatures)
#include "tst_webhooksignatures.moc"
