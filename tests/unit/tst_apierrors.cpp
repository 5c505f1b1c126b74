#include "api/FieldErrors.h"
#include "api/JsonRequest.h"
#include "api/LocalApi.h"
#include "providers/twilio/TwilioError.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace sb;

// How every kind of Twilio failure reaches a local API client: one status and one JSON shape.
class TestApiErrors : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void mapsTwilioFailures_data();
    void mapsTwilioFailures();
    void requestBodyMustBeOneObject_data();
    void requestBodyMustBeOneObject();
    void wrongTypesAreAllReported();
};

void TestApiErrors::mapsTwilioFailures_data() {
    QTest::addColumn<int>("twilioStatus");
    QTest::addColumn<QByteArray>("twilioBody");
    QTest::addColumn<int>("apiStatus");
    QTest::addColumn<int>("code");
    QTest::newRow("invalid To") << 400 << QByteArray(R"({"code":21211,"message":"Invalid"})") << 400
                                << 21211;
    QTest::newRow("bad credentials")
        << 401 << QByteArray(R"({"code":20003,"message":"Authenticate"})") << 401 << 20003;
    QTest::newRow("insufficient permissions")
        << 403 << QByteArray(R"({"code":20008,"message":"Forbidden"})") << 403 << 20008;
    QTest::newRow("rate limited") << 429
                                  << QByteArray(R"({"code":20429,"message":"Too Many Requests"})")
                                  << 429 << 20429;
    QTest::newRow("Twilio 500") << 500 << QByteArray("oops") << 502 << 0;
    QTest::newRow("Twilio 503 JSON")
        << 503 << QByteArray(R"({"code":20500,"message":"Internal"})") << 502 << 20500;
}

void TestApiErrors::mapsTwilioFailures() {
    QFETCH(int, twilioStatus);
    QFETCH(QByteArray, twilioBody);
    QFETCH(int, apiStatus);
    QFETCH(int, code);
    const HttpResponse r = LocalApi::errorResponse(TwilioError::fromHttp(twilioStatus, twilioBody));
    QCOMPARE(r.status, apiStatus);
    QCOMPARE(r.contentType, QByteArray("application/json"));
    const QJsonObject error =
        QJsonDocument::fromJson(r.body).object().value(QLatin1String("error")).toObject();
    QCOMPARE(error.value(QLatin1String("status")).toInt(), apiStatus);
    QVERIFY(!error.value(QLatin1String("message")).toString().isEmpty());
    QCOMPARE(error.value(QLatin1String("code")).toInt(), code);
    QCOMPARE(error.contains(QLatin1String("moreInfo")), code != 0);
}

void TestApiErrors::requestBodyMustBeOneObject_data() {
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<QString>("reason");
    QTest::newRow("object") << QByteArray(R"({"to":"+1"})") << true << QString();
    QTest::newRow("empty body") << QByteArray() << false << QStringLiteral("illegal value");
    QTest::newRow("array") << QByteArray(R"([{"to":"+1"}])") << false
                           << QStringLiteral("got another JSON value");
    QTest::newRow("truncated") << QByteArray(R"({"to":"+1")") << false << QString();
    QTest::newRow("form instead of JSON") << QByteArray("to=%2B1&body=hi") << false << QString();
}

void TestApiErrors::requestBodyMustBeOneObject() {
    QFETCH(QByteArray, body);
    QFETCH(bool, accepted);
    QFETCH(QString, reason);
    FieldErrors errors;
    const std::optional<QJsonObject> json = JsonRequest::object(body, errors);
    QCOMPARE(json.has_value(), accepted);
    QCOMPARE(errors.isEmpty(), accepted);
    if (accepted)
        return;
    const HttpResponse r = errors.response();
    QCOMPARE(r.status, 400);
    const QJsonObject error =
        QJsonDocument::fromJson(r.body).object().value(QLatin1String("error")).toObject();
    QCOMPARE(error.value(QLatin1String("field")).toString(), QStringLiteral("body"));
    const QString message = error.value(QLatin1String("message")).toString();
    QVERIFY2(message.contains(QLatin1String("must be a JSON object")), qPrintable(message));
    QVERIFY2(message.contains(reason), qPrintable(message));
}

void TestApiErrors::wrongTypesAreAllReported() {
    const QJsonObject json{{QStringLiteral("to"), 15551234567.0},
                           {QStringLiteral("from"), QJsonValue::Null},
                           {QStringLiteral("body"), QJsonObject{}},
                           {QStringLiteral("channel"), QStringLiteral("sms")}};
    FieldErrors errors;
    JsonRequest::expectStrings(json, {"to", "from", "body", "channel", "missing"}, errors);
    // A number and an object are wrong; null, absent and a string are left to the route.
    QVERIFY(errors.has(QStringLiteral("to")));
    QVERIFY(errors.has(QStringLiteral("body")));
    QVERIFY(!errors.has(QStringLiteral("from")));
    QVERIFY(!errors.has(QStringLiteral("channel")));
    QVERIFY(!errors.has(QStringLiteral("missing")));
    const QJsonArray list = QJsonDocument::fromJson(errors.response().body)
                                .object()
                                .value(QLatin1String("error"))
                                .toObject()
                                .value(QLatin1String("errors"))
                                .toArray();
    QCOMPARE(list.size(), 2);
}

QTEST_GUILESS_MAIN(TestApiErrors)
#include "tst_apierrors.moc"
