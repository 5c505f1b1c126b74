#include "TestSupport.h"
#include "http/FormEncoding.h"
#include "inspector/SignatureDiagnosis.h"
#include "providers/twilio/SignatureValidator.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace sb;

// SignatureDiagnosis names the URL Twilio must have signed when it is not the one configured,
// and says when no URL can explain a mismatch (token or body). Signatures are made with
// SignatureValidator::sign, itself checked against Twilio's own vectors (tst_signaturevalidator);
// two rows use those vectors directly.
class TestSignatureDiagnosis : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void explainsEachFailure_data();
    void explainsEachFailure();
    void officialVectorBehindWrongScheme();
    void officialTamperedVector();
    void neverRepeatsTheToken();
};

namespace {
const QByteArray Token = "0123456789abcdef0123456789abcdef";
const QByteArray OtherToken = "fedcba9876543210fedcba9876543210";
const FormFields Fields{{QStringLiteral("MessageSid"), QStringLiteral("SM123")},
                        {QStringLiteral("MessageStatus"), QStringLiteral("delivered")},
                        {QStringLiteral("To"), QStringLiteral("+14155550100")}};
} // namespace

void TestSignatureDiagnosis::explainsEachFailure_data() {
    QTest::addColumn<QString>("publicBase");    // SWITCHBOARD_PUBLIC_URL as configured
    QTest::addColumn<QString>("target");        // the request as it arrived
    QTest::addColumn<QString>("signedUrl");     // the URL Twilio was given (and signed)
    QTest::addColumn<QByteArray>("signedWith"); // the token Twilio signed with
    QTest::addColumn<HeaderList>("headers");
    QTest::addColumn<QByteArray>("body"); // empty: the fields, form-encoded
    QTest::addColumn<QString>("outcome");
    QTest::addColumn<QString>("matchedUrl");
    QTest::addColumn<QString>("suggestion"); // a part of it

    const QString path = QStringLiteral("/twilio/sms-status");
    QTest::newRow("right URL") << "https://abc.ngrok.app" << path
                               << "https://abc.ngrok.app/twilio/sms-status" << Token << HeaderList{}
                               << QByteArray() << "valid"
                               << "https://abc.ngrok.app/twilio/sms-status" << QString();
    QTest::newRow("wrong public URL: http configured, https called")
        << "http://abc.ngrok.app" << path << "https://abc.ngrok.app/twilio/sms-status" << Token
        << HeaderList{} << QByteArray() << "other-url"
        << "https://abc.ngrok.app/twilio/sms-status"
        << "Set SWITCHBOARD_PUBLIC_URL to https://abc.ngrok.app (it is http://abc.ngrok.app)";
    QTest::newRow("wrong public URL: another host, the Host header's")
        << "https://old.ngrok.app" << path << "https://new.ngrok.app/twilio/sms-status" << Token
        << HeaderList{{"Host", "new.ngrok.app"}} << QByteArray() << "other-url"
        << "https://new.ngrok.app/twilio/sms-status"
        << "Set SWITCHBOARD_PUBLIC_URL to https://new.ngrok.app";
    QTest::newRow("wrong port") << "http://203.0.113.5:3000" << path
                                << "http://203.0.113.5:8080/twilio/sms-status" << Token
                                << HeaderList{{"Host", "203.0.113.5:8080"}} << QByteArray()
                                << "other-url"
                                << "http://203.0.113.5:8080/twilio/sms-status"
                                << "Set SWITCHBOARD_PUBLIC_URL to http://203.0.113.5:8080";
    QTest::newRow("proxy headers")
        << "http://localhost:3000" << path << "https://switchboard.example.com/twilio/sms-status"
        << Token
        << HeaderList{{"Host", "localhost:3000"},
                      {"X-Forwarded-Proto", "https"},
                      {"X-Forwarded-Host", "switchboard.example.com"}}
        << QByteArray() << "other-url"
        << "https://switchboard.example.com/twilio/sms-status"
        << "Set SWITCHBOARD_PUBLIC_URL to https://switchboard.example.com";
    QTest::newRow("trailing slash")
        << "https://abc.ngrok.app" << path << "https://abc.ngrok.app/twilio/sms-status/" << Token
        << HeaderList{} << QByteArray() << "other-url"
        << "https://abc.ngrok.app/twilio/sms-status/"
        << "rewrote it";
    QTest::newRow("query added on the way")
        << "https://abc.ngrok.app" << path + QStringLiteral("?via=proxy")
        << "https://abc.ngrok.app/twilio/sms-status" << Token << HeaderList{} << QByteArray()
        << "other-url"
        << "https://abc.ngrok.app/twilio/sms-status"
        << "rewrote it";
    QTest::newRow("wrong token (subaccount, rotated)")
        << "https://abc.ngrok.app" << path << "https://abc.ngrok.app/twilio/sms-status"
        << OtherToken << HeaderList{} << QByteArray() << "no-variant-matches" << QString()
        << "TWILIO_AUTH_TOKEN";
    QTest::newRow("tampered body")
        << "https://abc.ngrok.app" << path << "https://abc.ngrok.app/twilio/sms-status" << Token
        << HeaderList{} << QByteArray("MessageSid=SM123&MessageStatus=failed&To=%2B14155550100")
        << "no-variant-matches" << QString() << "TWILIO_AUTH_TOKEN";
    QTest::newRow("body not form-encoded")
        << "https://abc.ngrok.app" << path << "https://abc.ngrok.app/twilio/sms-status" << Token
        << HeaderList{} << QByteArray("Body=%zz") << "body-not-form" << QString() << QString();
}

void TestSignatureDiagnosis::explainsEachFailure() {
    QFETCH(QString, publicBase);
    QFETCH(QString, target);
    QFETCH(QString, signedUrl);
    QFETCH(QByteArray, signedWith);
    QFETCH(HeaderList, headers);
    QFETCH(QByteArray, body);
    QFETCH(QString, outcome);
    QFETCH(QString, matchedUrl);
    QFETCH(QString, suggestion);

    if (body.isEmpty())
        body = FormEncoding::encode(Fields);
    headers.append({"X-Twilio-Signature", SignatureValidator::sign(signedWith, signedUrl, Fields)});
    const SignatureDiagnosis d =
        SignatureDiagnosis::diagnose(Token, publicBase, target, headers, body);
    QCOMPARE(SignatureDiagnosis::outcomeName(d.outcome), outcome);
    QCOMPARE(d.checkedUrl, publicBase + target);
    QCOMPARE(d.matchedUrl, matchedUrl);
    QVERIFY2(d.suggestion.contains(suggestion), qPrintable(d.suggestion));
    QVERIFY(!d.explanation.isEmpty());
    if (outcome == QLatin1String("other-url") || outcome == QLatin1String("no-variant-matches")) {
        // The variants tried are listed, the checked URL first, and exactly the matching one
        // (if any) is marked.
        QVERIFY(d.variants.size() > 4);
        QCOMPARE(d.variants.first().url, publicBase + target);
        QVERIFY(!d.variants.first().matches);
        int matching = 0;
        for (const auto &v : d.variants)
            matching += v.matches ? 1 : 0;
        QVERIFY(matching >= (matchedUrl.isEmpty() ? 0 : 1));
        if (matchedUrl.isEmpty())
            QCOMPARE(matching, 0);
        QVERIFY2(d.explanation.contains(publicBase + target), qPrintable(d.explanation));
    }
    QCOMPARE(d.result(), outcome == QLatin1String("valid") ? QStringLiteral("valid")
                                                           : QStringLiteral("invalid"));
    // What the inspector keeps at capture: the same verdict, no variant tried.
    const SignatureDiagnosis quick =
        SignatureDiagnosis::verdictOnly(Token, publicBase, target, headers, body);
    QCOMPARE(quick.result(), d.result());
    QCOMPARE(quick.checkedUrl, d.checkedUrl);
    QVERIFY(quick.variants.isEmpty());
    QVERIFY(quick.matchedUrl.isEmpty());
    // A request the webhook guard verified is recorded as verdictOnly() would record it.
    if (quick.outcome == SignatureDiagnosis::Outcome::Valid)
        QCOMPARE(SignatureDiagnosis::verified(quick.checkedUrl).toJson(), quick.toJson());
}

void TestSignatureDiagnosis::officialVectorBehindWrongScheme() {
    SB_REQUIRE_SHARED("/vectors/twilio-signatures.json");
    QFile file(sbtest::sharedDir() + QStringLiteral("/vectors/twilio-signatures.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject v = QJsonDocument::fromJson(file.readAll()).array().at(0).toObject();
    QVERIFY(v.value(QLatin1String("valid")).toBool());
    const QString url = v.value(QLatin1String("url")).toString(); // https://example.ngrok.app/...
    const qsizetype pathAt = url.indexOf(QLatin1Char('/'), 8);
    // The console configured with http:// where Twilio called https://.
    QString base = url.left(pathAt);
    base.replace(QLatin1String("https://"), QLatin1String("http://"));
    const SignatureDiagnosis d = SignatureDiagnosis::diagnose(
        v.value(QLatin1String("authToken")).toString().toUtf8(), base, url.mid(pathAt),
        {{"X-Twilio-Signature", v.value(QLatin1String("signature")).toString().toUtf8()}},
        v.value(QLatin1String("formBody")).toString().toUtf8());
    QCOMPARE(d.outcome, SignatureDiagnosis::Outcome::OtherUrl);
    QCOMPARE(d.matchedUrl, url);
}

void TestSignatureDiagnosis::officialTamperedVector() {
    SB_REQUIRE_SHARED("/vectors/twilio-signatures.json");
    QFile file(sbtest::sharedDir() + QStringLiteral("/vectors/twilio-signatures.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject v = QJsonDocument::fromJson(file.readAll()).array().at(1).toObject();
    QVERIFY(!v.value(QLatin1String("valid")).toBool());
    const QString url = v.value(QLatin1String("url")).toString();
    const qsizetype pathAt = url.indexOf(QLatin1Char('/'), 8);
    const SignatureDiagnosis d = SignatureDiagnosis::diagnose(
        v.value(QLatin1String("authToken")).toString().toUtf8(), url.left(pathAt), url.mid(pathAt),
        {{"X-Twilio-Signature", v.value(QLatin1String("signature")).toString().toUtf8()}},
        v.value(QLatin1String("formBody")).toString().toUtf8());
    QCOMPARE(d.outcome, SignatureDiagnosis::Outcome::NoVariantMatches);
    QVERIFY(d.explanation.contains(QLatin1String("body was altered")));
}

void TestSignatureDiagnosis::neverRepeatsTheToken() {
    const QByteArray body = FormEncoding::encode(Fields);
    const SignatureDiagnosis d = SignatureDiagnosis::diagnose(
        Token, QStringLiteral("http://x.example"), QStringLiteral("/twilio/sms"),
        {{"X-Twilio-Signature", "bogus"}}, body);
    const QByteArray json = QJsonDocument(d.toJson()).toJson();
    QVERIFY(!json.isEmpty());
    QVERIFY(!json.contains(Token));
}

QTEST_GUILESS_MAIN(TestSignatureDiagnosis)
#include "tst_signaturediagnosis.moc"
