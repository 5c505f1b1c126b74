#include "api/LocalApi.h"
#include "providers/twilio/TwilioError.h"

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

QTEST_GUILESS_MAIN(TestApiErrors)
#include "tst_apierrors.moc"
