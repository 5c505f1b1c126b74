#include "account/PublicReach.h"

#include <QtTest>

using namespace sb;

// Which URLs Twilio could call: "Wire to this console" refuses the others, with the setting to
// change and how to get a public URL.
class TestPublicReach : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void reach_data();
    void reach();
    void refusalSaysWhatToDo();
};

void TestPublicReach::reach_data() {
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("reachable");
    QTest::newRow("tunnel over https") << "https://abc123.ngrok-free.app" << true;
    QTest::newRow("reverse proxy with a path") << "https://support.example.com/switchboard" << true;
    QTest::newRow("public IPv4 with port") << "http://203.0.113.7:8080" << true;
    QTest::newRow("public IPv6") << "https://[2001:db8::1]" << true;
    QTest::newRow("localhost") << "http://localhost:3000" << false;
    QTest::newRow("localhost upper case") << "http://LOCALHOST:3000" << false;
    QTest::newRow("loopback IPv4") << "http://127.0.0.1:3000" << false;
    QTest::newRow("loopback IPv6") << "http://[::1]:3000" << false;
    QTest::newRow("any address") << "http://0.0.0.0:3000" << false;
    QTest::newRow("10/8") << "http://10.1.2.3" << false;
    QTest::newRow("172.16/12") << "http://172.20.0.5" << false;
    QTest::newRow("172.32 is public") << "http://172.32.0.5" << true;
    QTest::newRow("192.168/16") << "http://192.168.1.20:3000" << false;
    QTest::newRow("carrier-grade NAT") << "http://100.64.10.1" << false;
    QTest::newRow("link-local") << "http://169.254.0.9" << false;
    QTest::newRow("IPv6 unique local") << "http://[fd12:3456::1]" << false;
    QTest::newRow("IPv6 link-local") << "http://[fe80::1]" << false;
    QTest::newRow("bare host name") << "http://desk-pc:3000" << false;
    QTest::newRow("mDNS name") << "http://desk-pc.local:3000" << false;
    QTest::newRow("*.localhost") << "http://app.localhost" << false;
    QTest::newRow("home.arpa") << "http://nas.home.arpa" << false;
    QTest::newRow("not http") << "ftp://files.example.com" << false;
    QTest::newRow("empty") << "" << false;
}

void TestPublicReach::reach() {
    QFETCH(QString, url);
    QFETCH(bool, reachable);
    const QString problem = PublicReach::problem(QUrl(url), 3000);
    QVERIFY2(problem.isEmpty() == reachable, qPrintable(url + QStringLiteral(": ") + problem));
}

void TestPublicReach::refusalSaysWhatToDo() {
    const QString problem =
        PublicReach::problem(QUrl(QStringLiteral("http://localhost:3917")), 3917);
    QVERIFY(problem.contains(QStringLiteral("localhost")));
    QVERIFY(problem.contains(QStringLiteral("SWITCHBOARD_PUBLIC_URL")));
    QVERIFY2(problem.contains(QStringLiteral("ngrok http 3917")), qPrintable(problem));
}

QTEST_GUILESS_MAIN(TestPublicReach)
#include "tst_publicreach.moc"
