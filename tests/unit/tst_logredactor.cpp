#include "common/LogRedactor.h"
#include "common/Logging.h"

#include <QRegularExpression>
#include <QTemporaryFile>
#include <QThread>
#include <QtTest>

#include <cstdio>
#include <unistd.h>

using namespace sb;

// LogRedactor: every form in which Qt's debug output prints a credential header, registered
// secrets wherever they appear; and the installed message handler, which runs every line of
// every category through it.
class TestLogRedactor : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void redact_data();
    void redact();
    void concurrentRegistrationAndRedaction();
    void installedHandlerRedactsEveryCategoryInWholeLines();
};

void TestLogRedactor::redact_data() {
    QTest::addColumn<QStringList>("secrets");
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("expected");

    // The header forms, with no secret registered: the value is masked for its name alone.
    QTest::newRow("QHttpServerRequest dump, Bearer")
        << QStringList()
        << R"(Request: QHttpServerRequest((Url: QUrl("http://127.0.0.1:1/api"))(Headers: ("Host": "127.0.0.1:1"), ("Authorization": "Bearer tok-123"), ("Content-Length": "33"))(BodySize: 33)))"
        << R"(Request: QHttpServerRequest((Url: QUrl("http://127.0.0.1:1/api"))(Headers: ("Host": "127.0.0.1:1"), ("Authorization": "[redacted]"), ("Content-Length": "33"))(BodySize: 33)))";
    QTest::newRow("QHttpServerRequest dump, signature and idempotency token")
        << QStringList()
        << R"((Headers: ("User-Agent": "TwilioProxy/1.1"), ("X-Twilio-Signature": "uhXS9jub9jJw+ieYnvkU4Mw="), ("I-Twilio-Idempotency-Token": "6c53621e-72c4")))"
        << R"((Headers: ("User-Agent": "TwilioProxy/1.1"), ("X-Twilio-Signature": "[redacted]"), ("I-Twilio-Idempotency-Token": "6c53621e-72c4")))";
    QTest::newRow("name: value pair") << QStringList() << "> Authorization: Basic QUMxMjM6dG9rZW4="
                                      << "> Authorization: [redacted]";
    QTest::newRow("name: value pairs on one line, other headers kept")
        << QStringList() << "authorization: Bearer abc, accept: */*"
        << "authorization: [redacted], accept: */*";
    QTest::newRow("raw request in a quoted QByteArray, lower case")
        << QStringList()
        << R"("POST /cb HTTP/1.1\r\nhost: x\r\nx-twilio-signature: abc+/def=\r\n\r\n")"
        << R"("POST /cb HTTP/1.1\r\nhost: x\r\nx-twilio-signature: [redacted]\r\n\r\n")";
    QTest::newRow("raw request with real line breaks")
        << QStringList() << "POST /cb HTTP/1.1\r\nAuthorization: Basic abc\r\nHost: x"
        << "POST /cb HTTP/1.1\r\nAuthorization: [redacted]\r\nHost: x";
    QTest::newRow("std::pair, as QDebug prints a header pair")
        << QStringList() << R"(std::pair("X-Twilio-Signature","abc+/="))"
        << R"(std::pair("X-Twilio-Signature","[redacted]"))";
    QTest::newRow("QList of QPairs with a space")
        << QStringList() << R"(QList(("Proxy-Authorization", "Basic eHl6")))"
        << R"(QList(("Proxy-Authorization", "[redacted]")))";
    QTest::newRow("JSON quoted pair")
        << QStringList() << R"({"authorization":"Bearer x y","to":"+1"})"
        << R"({"authorization":"[redacted]","to":"+1"})";
    QTest::newRow("escaped JSON inside a quoted string")
        << QStringList() << R"(body "{\"Authorization\":\"Bearer x\",\"a\":1}")"
        << R"(body "{\"Authorization\":\"[redacted]\",\"a\":1}")";
    QTest::newRow("quoted value with an escaped quote inside")
        << QStringList() << R"("Authorization": "Bearer a\"b", "Host": "h")"
        << R"("Authorization": "[redacted]", "Host": "h")";
    QTest::newRow("single quotes") << QStringList() << "{'X-Twilio-Signature': 'abc='}"
                                   << "{'X-Twilio-Signature': '[redacted]'}";
    QTest::newRow("QVariantMap")
        << QStringList() << R"(QMap(("Authorization", QVariant(QByteArray, "Bearer x"))))"
        << R"(QMap(("Authorization", QVariant(QByteArray, "[redacted]"))))";
    QTest::newRow("CGI-style name") << QStringList() << "HTTP_X_TWILIO_SIGNATURE=abc="
                                    << "HTTP_X_TWILIO_SIGNATURE=[redacted]";
    QTest::newRow("query parameter") << QStringList() << "GET /x?authorization=abc&page=2"
                                     << "GET /x?authorization=[redacted]&page=2";
    QTest::newRow("prose naming the header is left alone")
        << QStringList() << "Authorization failed, invalid X-Twilio-Signature from 127.0.0.1"
        << "Authorization failed, invalid X-Twilio-Signature from 127.0.0.1";
    QTest::newRow("no header, no secret: unchanged")
        << QStringList() << "info switchboard.http: http POST /api 201 0.31 ms"
        << "info switchboard.http: http POST /api 201 0.31 ms";

    // Registered secrets, wherever they appear and in whatever category.
    QTest::newRow("registered secret anywhere")
        << QStringList{"s3cret-token-1"} << "url http://x/?t=s3cret-token-1 done"
        << "url http://x/?t=[redacted] done";
    QTest::newRow("every occurrence")
        << QStringList{"s3cret-token-1"} << "s3cret-token-1 and s3cret-token-1"
        << "[redacted] and [redacted]";
    QTest::newRow("percent-encoded secret")
        << QStringList{"a+b/c=d e"} << "GET /x?k=a%2Bb%2Fc%3Dd%20e HTTP/1.1"
        << "GET /x?k=[redacted] HTTP/1.1";
    QTest::newRow("secret as QDebug quotes it")
        << QStringList{R"(to"k\en)"} << R"(value "to\"k\\en")"
        << R"(value "[redacted]")";
    QTest::newRow("Basic credentials' Base64 in an unknown header")
        << QStringList{"QUMxMjM6dG9rZW4="} << R"(("X-Forwarded-Auth": "Basic QUMxMjM6dG9rZW4="))"
        << R"(("X-Forwarded-Auth": "Basic [redacted]"))";
    QTest::newRow("longest secret first")
        << QStringList{"abcd1234", "abcd1234efgh"} << "x abcd1234efgh y abcd1234"
        << "x [redacted] y [redacted]";
    QTest::newRow("secrets shorter than four characters are not registered")
        << QStringList{"abc"} << "abcdef abc"
        << "abcdef abc";
    QTest::newRow("secret inside a header value and elsewhere")
        << QStringList{"tok-123456"} << R"(("Authorization": "Bearer tok-123456") tok-123456)"
        << R"(("Authorization": "[redacted]") [redacted])";
}

void TestLogRedactor::redact() {
    QFETCH(QStringList, secrets);
    QFETCH(QString, line);
    QFETCH(QString, expected);
    LogRedactor redactor;
    for (const QString &secret : secrets)
        redactor.addSecret(secret);
    QCOMPARE(redactor.redact(line), expected);
}

void TestLogRedactor::concurrentRegistrationAndRedaction() {
    LogRedactor redactor;
    redactor.addSecret(QStringLiteral("known-from-the-start"));
    std::atomic<int> leaks{0};
    QList<QThread *> threads;
    for (int t = 0; t < 4; ++t) {
        threads.append(QThread::create([&redactor, &leaks, t] {
            for (int i = 0; i < 300; ++i) {
                redactor.addSecret(QStringLiteral("thread-%1-secret-%2").arg(t).arg(i));
                const QString line =
                    QStringLiteral("x known-from-the-start thread-%1-secret-%2 y").arg(t).arg(i);
                if (redactor.redact(line) != QLatin1String("x [redacted] [redacted] y"))
                    ++leaks;
            }
        }));
        threads.last()->start();
    }
    for (QThread *thread : std::as_const(threads)) {
        QVERIFY(thread->wait(30000));
        delete thread;
    }
    QCOMPARE(leaks.load(), 0);
}

namespace {

// Sends fd 2 to a file while alive.
class StderrCapture {
public:
    explicit StderrCapture(const QString &path) {
        std::fflush(stderr);
        m_saved = ::dup(2);
        m_file = std::fopen(qPrintable(path), "w");
        ::dup2(::fileno(m_file), 2);
    }
    ~StderrCapture() {
        std::fflush(stderr);
        ::dup2(m_saved, 2);
        ::close(m_saved);
        std::fclose(m_file);
    }

private:
    int m_saved = -1;
    FILE *m_file = nullptr;
};

} // namespace

void TestLogRedactor::installedHandlerRedactsEveryCategoryInWholeLines() {
    QTemporaryFile file;
    QVERIFY(file.open());
    const QString sid = QStringLiteral("AC0123456789abcdef0123456789abcdef");
    const QString token = QStringLiteral("handler-test-auth-token-42");
    const QByteArray basic = (sid + QLatin1Char(':') + token).toUtf8().toBase64();
    const int perThread = 200;
    {
        StderrCapture capture(file.fileName());
        const QtMessageHandler qtestHandler = qInstallMessageHandler(nullptr);
        installLogFormat();
        // Secrets become known on other threads while every thread logs.
        QList<QThread *> threads;
        for (int t = 0; t < 4; ++t) {
            threads.append(QThread::create([&, t] {
                if (t == 0)
                    addLogCredentials(sid, token);
                for (int i = 0; i < perThread; ++i)
                    // As Qt's own category writes it.
                    QMessageLogger(nullptr, 0, nullptr, "qt.httpserver").debug().noquote()
                        << QStringLiteral(
                               "Request: QHttpServerRequest((Headers: (\"Authorization\": \"Basic "
                               "%1\"), (\"X-Twilio-Signature\": \"sig%2+/=\"))) thread %3 line %4")
                               .arg(QString::fromLatin1(basic))
                               .arg(i)
                               .arg(t)
                               .arg(i);
            }));
        }
        for (QThread *thread : std::as_const(threads))
            thread->start();
        for (QThread *thread : std::as_const(threads)) {
            thread->wait();
            delete thread;
        }
        qCInfo(lcService).noquote() << "token is" << token;
        qInstallMessageHandler(qtestHandler);
    }
    const QByteArray log = file.readAll();
    QVERIFY(!log.isEmpty());
    QVERIFY2(!log.contains(token.toLatin1()), log.constData());
    QVERIFY(!log.contains(basic));
    QVERIFY(!log.contains("sig1+/="));
    // Whole lines only: each one complete, none interleaved with another.
    static const QRegularExpression shape(
        QStringLiteral(R"(^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z debug qt\.httpserver: Request: )"
                       R"(QHttpServerRequest\(\(Headers: \("Authorization": "\[redacted\]"\), )"
                       R"(\("X-Twilio-Signature": "\[redacted\]"\)\)\) thread \d line \d+$)"));
    const QList<QByteArray> lines = log.trimmed().split('\n');
    QCOMPARE(lines.size(), 4 * perThread + 1);
    for (qsizetype i = 0; i + 1 < lines.size(); ++i)
        QVERIFY2(shape.match(QString::fromUtf8(lines[i])).hasMatch(), lines[i].constData());
    QVERIFY(lines.last().endsWith("info switchboard.service: token is [redacted]"));
}

QTEST_GUILESS_MAIN(TestLogRedactor)
#include "tst_logredactor.moc"
