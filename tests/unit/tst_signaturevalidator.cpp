#include "TestSupport.h"
#include "providers/twilio/SignatureValidator.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using sb::SignatureValidator;

class TestSignatureValidator : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void officialVectors_data();
    void officialVectors();
    void portVariants_data();
    void portVariants();
    void rejectsMissingAndForeignSignatures();
    void jsonBodyHashMustMatch();
};

// Every vector in ../shared/vectors/twilio-signatures.json, made with Twilio's own Node helper.
void TestSignatureValidator::officialVectors_data() {
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("url");
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("signature");
    QTest::addColumn<bool>("valid");
    const QString path = sbtest::sharedDir() + QStringLiteral("/vectors/twilio-signatures.json");
    QFile file(path);
    if (sbtest::sharedDir().isEmpty() || !file.open(QIODevice::ReadOnly)) {
        QTest::newRow("../shared absent")
            << QString() << QString() << QByteArray() << QByteArray() << QByteArray() << false;
        return;
    }
    const QJsonArray vectors = QJsonDocument::fromJson(file.readAll()).array();
    int i = 0;
    for (const QJsonValue v : vectors) {
        const QJsonObject o = v.toObject();
        const QString kind = o.value(QLatin1String("kind")).toString();
        const QByteArray body = (kind == QLatin1String("json") ? o.value(QLatin1String("body"))
                                                               : o.value(QLatin1String("formBody")))
                                    .toString()
                                    .toUtf8();
        QTest::addRow("%d %s %s", i++, qPrintable(kind),
                      o.value(QLatin1String("valid")).toBool() ? "valid" : "tampered")
            << kind << o.value(QLatin1String("url")).toString()
            << o.value(QLatin1String("authToken")).toString().toUtf8() << body
            << o.value(QLatin1String("signature")).toString().toUtf8()
            << o.value(QLatin1String("valid")).toBool();
    }
}

void TestSignatureValidator::officialVectors() {
    SB_REQUIRE_SHARED("/vectors/twilio-signatures.json");
    QFETCH(QString, url);
    QFETCH(QByteArray, token);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, signature);
    QFETCH(bool, valid);
    QCOMPARE(SignatureValidator(token).validate(url, body, signature), valid);
}

void TestSignatureValidator::portVariants_data() {
    QTest::addColumn<QString>("signedUrl");
    QTest::addColumn<QString>("receivedUrl");
    QTest::addColumn<bool>("valid");
    QTest::newRow("same URL") << "https://a.example/twilio/sms-status"
                              << "https://a.example/twilio/sms-status" << true;
    QTest::newRow("signed with :443, checked without") << "https://a.example:443/twilio/x"
                                                       << "https://a.example/twilio/x" << true;
    QTest::newRow("signed without, checked with :443") << "https://a.example/twilio/x"
                                                       << "https://a.example:443/twilio/x" << true;
    QTest::newRow("http with :80") << "http://a.example:80/twilio/x?y=1"
                                   << "http://a.example/twilio/x?y=1" << true;
    QTest::newRow("other host") << "https://b.example/twilio/x"
                                << "https://a.example/twilio/x" << false;
    QTest::newRow("other path") << "https://a.example/twilio/y"
                                << "https://a.example/twilio/x" << false;
    QTest::newRow("other query") << "https://a.example/twilio/x?a=1"
                                 << "https://a.example/twilio/x?a=2" << false;
}

void TestSignatureValidator::portVariants() {
    QFETCH(QString, signedUrl);
    QFETCH(QString, receivedUrl);
    QFETCH(bool, valid);
    const sb::FormFields params{{QStringLiteral("MessageSid"), QStringLiteral("SM1")},
                                {QStringLiteral("Body"), QStringLiteral("hi & bye")}};
    const QByteArray signature = SignatureValidator::sign("token", signedUrl, params);
    QCOMPARE(SignatureValidator("token").validateForm(receivedUrl, params, signature), valid);
}

void TestSignatureValidator::rejectsMissingAndForeignSignatures() {
    const QString url = QStringLiteral("https://a.example/twilio/sms-status");
    const sb::FormFields params{{QStringLiteral("MessageSid"), QStringLiteral("SM1")}};
    QVERIFY(!SignatureValidator("token").validateForm(url, params, {}));
    QVERIFY(!SignatureValidator("token").validateForm(
        url, params, SignatureValidator::sign("other", url, params)));
    QVERIFY(
        !SignatureValidator().validateForm(url, params, SignatureValidator::sign("", url, params)));
    QVERIFY(!SignatureValidator("token").validate(url, "%zz=bad", "anything"));
}

void TestSignatureValidator::jsonBodyHashMustMatch() {
    const QByteArray body = R"({"event":"x"})";
    const QString hash =
        QString::fromLatin1(QCryptographicHash::hash(body, QCryptographicHash::Sha256).toHex());
    const QString url = QStringLiteral("https://a.example/twilio/events?bodySHA256=") + hash;
    const QByteArray signature = SignatureValidator::sign("token", url, {});
    QVERIFY(SignatureValidator("token").validate(url, body, signature));
    QVERIFY(!SignatureValidator("token").validate(url, R"({"event":"y"})", signature));
}

QTEST_GUILESS_MAIN(TestSignatureValidator)
#include "tst_signaturevalidator.moc"
