#include "TestSupport.h"
#include "providers/sendgrid/SendGridEventValidator.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <openssl/evp.h>
#include <openssl/x509.h>

#include <memory>

using namespace sb;
using Kind = SendGridEventVerdict::Kind;

namespace {

// A P-256 key pair made for the test, signing the way SendGrid does.
class TestKey {
public:
    TestKey()
        : m_key(EVP_EC_gen("P-256"), &EVP_PKEY_free) {}
    bool isValid() const { return m_key != nullptr; }

    QByteArray publicKeyBase64() const {
        unsigned char *der = nullptr;
        const int length = i2d_PUBKEY(m_key.get(), &der);
        const QByteArray out = QByteArray(reinterpret_cast<const char *>(der), length).toBase64();
        OPENSSL_free(der);
        return out;
    }

    QByteArray sign(const QByteArray &timestamp, const QByteArray &body) const {
        std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(),
                                                                    &EVP_MD_CTX_free);
        const QByteArray payload = timestamp + body;
        size_t length = 0;
        if (EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr, m_key.get()) != 1 ||
            EVP_DigestSign(ctx.get(), nullptr, &length,
                           reinterpret_cast<const unsigned char *>(payload.constData()),
                           size_t(payload.size())) != 1)
            return {};
        QByteArray der(qsizetype(length), Qt::Uninitialized);
        if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char *>(der.data()), &length,
                           reinterpret_cast<const unsigned char *>(payload.constData()),
                           size_t(payload.size())) != 1)
            return {};
        der.truncate(qsizetype(length));
        return der.toBase64();
    }

private:
    std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> m_key;
};

constexpr qint64 Now = 1764000000;
const QByteArray Body = R"([{"email":"a@example.com","timestamp":1764000000,"event":"delivered",)"
                        R"("sg_event_id":"e1","switchboard_id":"email-7"}])";

} // namespace

class TestSendGridEventValidator : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void sharedVectors_data();
    void sharedVectors();
    void generatedKey_data();
    void generatedKey();
    void staleVerdictSaysItsAge();
    void maxAgeZeroTurnsTheCheckOff();
    void explanationsNeverCarryTheKeyOrSignature();
    void usableKeyCheck_data();
    void usableKeyCheck();
};

void TestSendGridEventValidator::sharedVectors_data() {
    QTest::addColumn<QByteArray>("publicKey");
    QTest::addColumn<QByteArray>("timestamp");
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<QByteArray>("signature");
    QTest::addColumn<bool>("valid");
    if (sbtest::sharedDir().isEmpty())
        return;
    QFile file(sbtest::sharedDir() + QStringLiteral("/vectors/sendgrid-event-webhook.json"));
    if (!file.open(QIODevice::ReadOnly))
        return;
    const QJsonArray cases = QJsonDocument::fromJson(file.readAll()).array();
    int i = 0;
    for (const QJsonValue v : cases) {
        const QJsonObject c = v.toObject();
        // The payload's characters are the bytes SendGrid sent (UTF-8), CRLF included.
        QTest::addRow("%d: %s", i++, qPrintable(c.value(QLatin1String("what")).toString()))
            << c.value(QLatin1String("publicKey")).toString().toUtf8()
            << c.value(QLatin1String("timestamp")).toString().toUtf8()
            << c.value(QLatin1String("payload")).toString().toUtf8()
            << c.value(QLatin1String("signature")).toString().toUtf8()
            << c.value(QLatin1String("valid")).toBool();
    }
}

void TestSendGridEventValidator::sharedVectors() {
    SB_REQUIRE_SHARED("/vectors/sendgrid-event-webhook.json");
    QFETCH(QByteArray, publicKey);
    QFETCH(QByteArray, timestamp);
    QFETCH(QByteArray, payload);
    QFETCH(QByteArray, signature);
    QFETCH(bool, valid);
    // Recorded vectors: their timestamps are fixed, so the age check is off (max age 0).
    const SendGridEventValidator validator(publicKey, 0);
    QVERIFY(validator.hasUsableKey());
    const SendGridEventVerdict verdict = validator.check(timestamp, signature, payload);
    QCOMPARE(verdict.isValid(), valid);
    if (!valid)
        QCOMPARE(verdict.kind, Kind::BadSignature);
}

void TestSendGridEventValidator::generatedKey_data() {
    QTest::addColumn<QByteArray>("signedTimestamp");
    QTest::addColumn<QByteArray>("signedBody");
    QTest::addColumn<QByteArray>("sentTimestamp");
    QTest::addColumn<QByteArray>("sentBody");
    QTest::addColumn<bool>("otherKey");
    QTest::addColumn<bool>("sendSignature");
    QTest::addColumn<int>("expected");

    const QByteArray ts = QByteArray::number(Now - 5);
    QByteArray tampered = Body;
    tampered.replace("delivered", "bounce");
    QTest::newRow("valid") << ts << Body << ts << Body << false << true << int(Kind::Valid);
    QTest::newRow("tampered body")
        << ts << Body << ts << tampered << false << true << int(Kind::BadSignature);
    QTest::newRow("tampered timestamp") << ts << Body << QByteArray::number(Now - 4) << Body
                                        << false << true << int(Kind::BadSignature);
    QTest::newRow("signed by another key")
        << ts << Body << ts << Body << true << true << int(Kind::BadSignature);
    QTest::newRow("stale timestamp")
        << QByteArray::number(Now - 601) << Body << QByteArray::number(Now - 601) << Body << false
        << true << int(Kind::Stale);
    QTest::newRow("just within the maximum age")
        << QByteArray::number(Now - 600) << Body << QByteArray::number(Now - 600) << Body << false
        << true << int(Kind::Valid);
    QTest::newRow("far in the future")
        << QByteArray::number(Now + 3600) << Body << QByteArray::number(Now + 3600) << Body << false
        << true << int(Kind::Stale);
    // The bytes as received: a trailing CRLF is part of what SendGrid signed.
    QTest::newRow("trailing CRLF kept") << ts << Body + "\r\n"
                                        << ts << Body + "\r\n"
                                        << false << true << int(Kind::Valid);
    QTest::newRow("trailing CRLF stripped on the way")
        << ts << Body + "\r\n"
        << ts << Body << false << true << int(Kind::BadSignature);
    QTest::newRow("empty body") << ts << QByteArray() << ts << QByteArray() << false << true
                                << int(Kind::Valid);
    QTest::newRow("empty body, signed non-empty")
        << ts << Body << ts << QByteArray() << false << true << int(Kind::BadSignature);
    QTest::newRow("no signature header")
        << ts << Body << ts << Body << false << false << int(Kind::MissingSignature);
    QTest::newRow("no timestamp header")
        << ts << Body << QByteArray() << Body << false << true << int(Kind::MissingTimestamp);
    QTest::newRow("timestamp that is not a number")
        << QByteArray("yesterday") << Body << QByteArray("yesterday") << Body << false << true
        << int(Kind::MalformedTimestamp);
}

void TestSendGridEventValidator::generatedKey() {
    QFETCH(QByteArray, signedTimestamp);
    QFETCH(QByteArray, signedBody);
    QFETCH(QByteArray, sentTimestamp);
    QFETCH(QByteArray, sentBody);
    QFETCH(bool, otherKey);
    QFETCH(bool, sendSignature);
    QFETCH(int, expected);
    const TestKey key;
    const TestKey other;
    QVERIFY(key.isValid() && other.isValid());
    const QByteArray signature =
        sendSignature ? (otherKey ? other : key).sign(signedTimestamp, signedBody) : QByteArray();
    QVERIFY(!sendSignature || !signature.isEmpty());
    const SendGridEventValidator validator(key.publicKeyBase64(), 600, [] { return Now; });
    const SendGridEventVerdict verdict = validator.check(sentTimestamp, signature, sentBody);
    QCOMPARE(int(verdict.kind), expected);
    QCOMPARE(verdict.isValid(), expected == int(Kind::Valid));
}

void TestSendGridEventValidator::staleVerdictSaysItsAge() {
    const TestKey key;
    const QByteArray ts = QByteArray::number(Now - 750);
    const SendGridEventValidator validator(key.publicKeyBase64(), 600, [] { return Now; });
    const SendGridEventVerdict verdict = validator.check(ts, key.sign(ts, Body), Body);
    QCOMPARE(verdict.kind, Kind::Stale);
    QCOMPARE(verdict.ageSeconds, 750);
    QCOMPARE(verdict.maxAgeSeconds, 600);
    QVERIFY2(verdict.explanation().contains(QLatin1String("750 s")),
             qPrintable(verdict.explanation()));
    QVERIFY(verdict.explanation().contains(QLatin1String("SENDGRID_WEBHOOK_MAX_AGE_S")));
}

void TestSendGridEventValidator::maxAgeZeroTurnsTheCheckOff() {
    const TestKey key;
    const QByteArray ts = QByteArray::number(Now - 86400 * 365);
    const SendGridEventValidator validator(key.publicKeyBase64(), 0, [] { return Now; });
    QVERIFY(validator.check(ts, key.sign(ts, Body), Body).isValid());
    // Off means off, not "anything goes": the signature is still checked.
    QCOMPARE(validator.check(ts, key.sign(ts, Body), Body + " ").kind, Kind::BadSignature);
}

void TestSendGridEventValidator::explanationsNeverCarryTheKeyOrSignature() {
    const TestKey key;
    const QByteArray publicKey = key.publicKeyBase64();
    const QByteArray ts = QByteArray::number(Now);
    const QByteArray signature = key.sign(ts, Body);
    const QByteArray brokenKey = publicKey.left(40) + "!!" + publicKey.mid(42);

    struct Case {
        QByteArray key, ts, signature, body;
        Kind expected;
    };
    const QList<Case> cases{
        {publicKey, ts, signature, Body, Kind::Valid},
        {publicKey, ts, {}, Body, Kind::MissingSignature},
        {publicKey, {}, signature, Body, Kind::MissingTimestamp},
        {{}, ts, signature, Body, Kind::NoKey},
        {brokenKey, ts, signature, Body, Kind::UndecodableKey},
        {"not base64 at all", ts, signature, Body, Kind::UndecodableKey},
        {publicKey.left(60), ts, signature, Body, Kind::UndecodableKey}, // truncated DER
        {publicKey, ts, "%%%", Body, Kind::UndecodableSignature},
        {publicKey, ts, QByteArray("not a DER signature").toBase64(), Body,
         Kind::UndecodableSignature},
        {publicKey, ts, signature, Body + "x", Kind::BadSignature},
    };
    QSet<QString> explanations;
    QSet<int> kinds;
    for (const Case &c : cases) {
        const SendGridEventValidator validator(c.key, 600, [] { return Now; });
        const SendGridEventVerdict verdict = validator.check(c.ts, c.signature, c.body);
        QCOMPARE(verdict.kind, c.expected);
        const QString text = verdict.explanation();
        QVERIFY(!text.isEmpty());
        QVERIFY2(!text.contains(QString::fromLatin1(publicKey.left(24))), qPrintable(text));
        QVERIFY2(!text.contains(QString::fromLatin1(signature.left(24))), qPrintable(text));
        explanations.insert(text);
        kinds.insert(int(c.expected));
    }
    // Each kind says its own thing.
    QCOMPARE(explanations.size(), kinds.size());
}

void TestSendGridEventValidator::usableKeyCheck_data() {
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<bool>("usable");
    const TestKey p256;
    QTest::newRow("P-256 SubjectPublicKeyInfo") << p256.publicKeyBase64() << true;
    QTest::newRow("empty") << QByteArray() << false;
    std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> p384(EVP_EC_gen("P-384"), &EVP_PKEY_free);
    unsigned char *der = nullptr;
    const int length = i2d_PUBKEY(p384.get(), &der);
    QTest::newRow("P-384: another curve")
        << QByteArray(reinterpret_cast<const char *>(der), length).toBase64() << false;
    OPENSSL_free(der);
    QTest::newRow("trailing bytes after the DER")
        << QByteArray(QByteArray::fromBase64(p256.publicKeyBase64()) + "xx").toBase64() << false;
}

void TestSendGridEventValidator::usableKeyCheck() {
    QFETCH(QByteArray, key);
    QFETCH(bool, usable);
    QCOMPARE(SendGridEventValidator::isUsableKey(key), usable);
    QCOMPARE(SendGridEventValidator(key).hasUsableKey(), usable);
}

QTEST_GUILESS_MAIN(TestSendGridEventValidator)
#include "tst_sendgrideventvalidator.moc"
