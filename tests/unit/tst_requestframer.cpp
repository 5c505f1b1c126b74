#include "http/HttpLimits.h"
#include "http/RequestFramer.h"

#include <QElapsedTimer>
#include <QtTest>

using sb::RequestFramer;

// The framer in front of QtHttpServer 6.4's parser: which requests it lets through (and where
// it says each one ends), and which it refuses because 6.4 could read them differently.
class TestRequestFramer : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void framesWhatQtFramesTheSameWay_data();
    void framesWhatQtFramesTheSameWay();
    void refusesAmbiguousFraming_data();
    void refusesAmbiguousFraming();
    void refusalComesBeforeTheBody();
    void stateBetweenHeadAndBody();
    void originForm_data();
    void originForm();
    void largeInputTakesLinearTime();
    void routeBodyLimit_data();
    void routeBodyLimit();

private:
    struct Result {
        QList<RequestFramer::Head> heads;
        int refusal = 0;
    };
    // Feeds `input` in pieces of `piece` bytes (0: all at once).
    static Result frame(const QByteArray &input, qsizetype piece, qint64 maxBody = 1024 * 1024) {
        RequestFramer framer(maxBody, 16 * 1024);
        Result result;
        for (qsizetype at = 0; at < input.size() && result.refusal == 0;) {
            const qsizetype size = piece > 0 ? qMin(piece, input.size() - at) : input.size();
            QByteArrayView data = QByteArrayView(input).sliced(at, size);
            at += size;
            while (!data.isEmpty()) {
                const RequestFramer::Step step = framer.feed(data);
                if (step == RequestFramer::Step::Head)
                    result.heads.append(framer.head());
                if (step == RequestFramer::Step::Refused) {
                    result.refusal = framer.refusal().status;
                    break;
                }
            }
        }
        return result;
    }
};

void TestRequestFramer::framesWhatQtFramesTheSameWay_data() {
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArrayList>("targets"); // one per request, in order
    QTest::addColumn<QList<qint64>>("lengths");

    QTest::newRow("GET") << QByteArray("GET /a HTTP/1.1\r\nHost: x\r\n\r\n") << QByteArrayList{"/a"}
                         << QList<qint64>{0};
    QTest::newRow("no header fields")
        << QByteArray("GET /a HTTP/1.0\r\n\r\n") << QByteArrayList{"/a"} << QList<qint64>{0};
    QTest::newRow("POST with body, then a pipelined GET")
        << QByteArray("POST /p HTTP/1.1\r\nContent-Length: 5\r\n\r\nhelloGET /g HTTP/1.1\r\n\r\n")
        << QByteArrayList{"/p", "/g"} << QList<qint64>{5, 0};
    QTest::newRow("body bytes that look like a request are body")
        << QByteArray("POST /p HTTP/1.1\r\nContent-Length: 21\r\n\r\nGET /x HTTP/1.1\r\n\r\n\r\n")
        << QByteArrayList{"/p"} << QList<qint64>{21};
    QTest::newRow("blank lines before a request are skipped")
        << QByteArray("\r\n\r\nGET /a HTTP/1.1\r\n\r\n\r\nGET /b HTTP/1.1\r\n\r\n")
        << QByteArrayList{"/a", "/b"} << QList<qint64>{0, 0};
    QTest::newRow("target kept byte for byte")
        << QByteArray("GET /a%7e%2f'?q=%7E%2F'&r=a+b HTTP/1.1\r\n\r\n")
        << QByteArrayList{"/a%7e%2f'?q=%7E%2F'&r=a+b"} << QList<qint64>{0};
    QTest::newRow("absolute-form") << QByteArray("GET http://h:1/a?b HTTP/1.1\r\nHost: h\r\n\r\n")
                                   << QByteArrayList{"http://h:1/a?b"} << QList<qint64>{0};
    QTest::newRow("OPTIONS *") << QByteArray("OPTIONS * HTTP/1.1\r\nHost: h\r\n\r\n")
                               << QByteArrayList{"*"} << QList<qint64>{0};
    QTest::newRow("Content-Length with spaces around, leading zeros")
        << QByteArray("POST /p HTTP/1.1\r\nContent-Length: \t007 \r\n\r\n1234567")
        << QByteArrayList{"/p"} << QList<qint64>{7};
    QTest::newRow("Content-Length: 0") << QByteArray("POST /p HTTP/1.1\r\ncontent-length:0\r\n\r\n")
                                       << QByteArrayList{"/p"} << QList<qint64>{0};
    QTest::newRow("empty field value, obs-text value")
        << QByteArray("GET /a HTTP/1.1\r\nX-Empty:\r\nX-Text: caf\xc3\xa9\r\n\r\n")
        << QByteArrayList{"/a"} << QList<qint64>{0};
    QTest::newRow("100 fields: 6.4's limit, still fine") << [] {
        QByteArray r = "GET /a HTTP/1.1\r\n";
        for (int i = 0; i < 100; ++i)
            r += "X-" + QByteArray::number(i) + ": v\r\n";
        return r + "\r\n";
    }() << QByteArrayList{"/a"} << QList<qint64>{0};
    QTest::newRow("body at the limit")
        << QByteArray("POST /p HTTP/1.1\r\nContent-Length: 1048576\r\n\r\n") +
               QByteArray(1024 * 1024, 'x') + "GET /g HTTP/1.1\r\n\r\n"
        << QByteArrayList{"/p", "/g"} << QList<qint64>{1024 * 1024, 0};
}

void TestRequestFramer::framesWhatQtFramesTheSameWay() {
    QFETCH(QByteArray, input);
    QFETCH(QByteArrayList, targets);
    QFETCH(QList<qint64>, lengths);
    // However the bytes are split across reads, the requests are the same.
    for (const qsizetype piece : {qsizetype(0), qsizetype(1), qsizetype(7), qsizetype(4096)}) {
        if (piece == 1 && input.size() > 100000)
            continue;
        const Result result = frame(input, piece);
        QCOMPARE(result.refusal, 0);
        QCOMPARE(result.heads.size(), targets.size());
        for (qsizetype i = 0; i < targets.size(); ++i) {
            QCOMPARE(result.heads[i].target, targets[i]);
            QCOMPARE(result.heads[i].contentLength, lengths[i]);
        }
    }
}

void TestRequestFramer::refusesAmbiguousFraming_data() {
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<int>("status");
    const QByteArray post = "POST /p HTTP/1.1\r\nHost: x\r\n";

    // Qt takes the first Content-Length, a front end might take the last.
    QTest::newRow("two Content-Length") << post + "Content-Length: 3\r\nContent-Length: 100\r\n"
                                        << 400;
    QTest::newRow("two equal Content-Length") << post + "Content-Length: 3\r\nContent-Length: 3\r\n"
                                              << 400;
    QTest::newRow("Content-Length list") << post + "Content-Length: 3, 3\r\n" << 400;
    QTest::newRow("Content-Length +3") << post + "Content-Length: +3\r\n" << 400;
    QTest::newRow("Content-Length hex") << post + "Content-Length: 0x3\r\n" << 400;
    QTest::newRow("Content-Length empty") << post + "Content-Length:\r\n" << 400;
    QTest::newRow("Content-Length negative") << post + "Content-Length: -1\r\n" << 400;
    // Qt joins a folded line into the field; a front end reading lines sees no length.
    QTest::newRow("obs-fold Content-Length") << post + "Content-Length:\r\n 100000000\r\n" << 400;
    QTest::newRow("obs-fold with tab") << post + "X-A: 1\r\n\tmore\r\n" << 400;
    QTest::newRow("obs-fold as the first field")
        << QByteArray("POST /p HTTP/1.1\r\n X: 1\r\n") << 400;
    // Qt joins repeated Transfer-Encoding and looks for "chunked" anywhere.
    QTest::newRow("TE chunked then identity")
        << post + "Transfer-Encoding: chunked\r\nTransfer-Encoding: identity\r\n"
        << 400;
    QTest::newRow("TE chunked twice")
        << post + "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n"
        << 400;
    QTest::newRow("TE identity") << post + "Transfer-Encoding: identity\r\n" << 400;
    QTest::newRow("TE chunked, identity") << post + "Transfer-Encoding: chunked, identity\r\n"
                                          << 400;
    QTest::newRow("TE xchunked") << post + "Transfer-Encoding: xchunked\r\n" << 400;
    QTest::newRow("TE empty") << post + "Transfer-Encoding:\r\nContent-Length: 3\r\n" << 400;
    QTest::newRow("TE chunked with Content-Length")
        << post + "Transfer-Encoding: chunked\r\nContent-Length: 3\r\n"
        << 400;
    QTest::newRow("TE in HTTP/1.0")
        << QByteArray("POST /p HTTP/1.0\r\nTransfer-Encoding: chunked\r\n") << 400;
    QTest::newRow("TE chunked: refused, size unknown") << post + "Transfer-Encoding: chunked\r\n"
                                                       << 411;
    QTest::newRow("TE gzip, chunked") << post + "Transfer-Encoding: gzip, Chunked\r\n" << 411;
    // Qt drops every field when one is malformed: the body would parse as a request.
    QTest::newRow("space before colon") << post + "Content-Length : 3\r\n" << 400;
    QTest::newRow("invalid name character") << post + "X(y): 1\r\nContent-Length: 3\r\n" << 400;
    QTest::newRow("line without colon") << post + "Nonsense\r\nContent-Length: 3\r\n" << 400;
    QTest::newRow("101 fields") << [&] {
        QByteArray r = post;
        for (int i = 0; i < 100; ++i)
            r += "X-" + QByteArray::number(i) + ": v\r\n";
        return r;
    }() << 431;
    // Line endings: Qt accepts a bare LF and keeps a lone CR in a value.
    QTest::newRow("bare LF") << QByteArray("POST /p HTTP/1.1\nContent-Length: 3\n") << 400;
    QTest::newRow("bare LF after a field") << post + "Content-Length: 3\n" << 400;
    QTest::newRow("lone CR in a value") << post + "X: a\rContent-Length: 3\r\n" << 400;
    QTest::newRow("NUL in a value") << post + QByteArray("X: a\0b\r\n", 8) << 400;
    QTest::newRow("control character in a value") << post + "X: a\x01"
                                                            "b\r\n"
                                                  << 400;
    // The request line.
    QTest::newRow("no version") << QByteArray("GET /a\r\n") << 400;
    QTest::newRow("two spaces") << QByteArray("GET  /a HTTP/1.1\r\n") << 400;
    QTest::newRow("leading space") << QByteArray(" GET /a HTTP/1.1\r\n") << 400;
    QTest::newRow("extra word") << QByteArray("GET /a HTTP/1.1 x\r\n") << 400;
    QTest::newRow("bad method") << QByteArray("G(T /a HTTP/1.1\r\n") << 400;
    QTest::newRow("version garbage") << QByteArray("GET /a HTTPx1y1\r\n") << 400;
    QTest::newRow("HTTP/2.0") << QByteArray("GET /a HTTP/2.0\r\n") << 505;
    QTest::newRow("fragment in target") << QByteArray("GET /a#b HTTP/1.1\r\n") << 400;
    QTest::newRow("non-ASCII target") << QByteArray("GET /\xc3\xa9 HTTP/1.1\r\n") << 400;
    QTest::newRow("relative target") << QByteArray("GET a/b HTTP/1.1\r\n") << 400;
    QTest::newRow("asterisk with GET") << QByteArray("GET * HTTP/1.1\r\n") << 400;
    // Sizes.
    QTest::newRow("body over the limit") << post + "Content-Length: 1048577\r\n" << 413;
    QTest::newRow("100 MB body") << post + "Content-Length: 100000000\r\n" << 413;
    QTest::newRow("length past 64 bits") << post + "Content-Length: 99999999999999999999999999\r\n"
                                         << 413;
    QTest::newRow("headers over 16 KiB") << post + "X: " + QByteArray(17000, 'a') + "\r\n" << 431;
    QTest::newRow("request line over 16 KiB") << "GET /" + QByteArray(17000, 'a') + " HTTP/1.1\r\n"
                                              << 414;
    QTest::newRow("16 KiB of blank lines") << QByteArray(9000, '\r').replace('\r', "\r\n") << 400;
}

void TestRequestFramer::refusesAmbiguousFraming() {
    QFETCH(QByteArray, head);
    QFETCH(int, status);
    for (const qsizetype piece : {qsizetype(0), qsizetype(1), qsizetype(5)}) {
        const Result result = frame(head + "\r\nabc", piece);
        QCOMPARE(result.refusal, status);
        QVERIFY(result.heads.isEmpty());
    }
}

void TestRequestFramer::refusalComesBeforeTheBody() {
    // The verdict is in once the blank line is read: not one body byte is needed.
    RequestFramer framer(1024 * 1024, 16 * 1024);
    const QByteArray head = "POST /p HTTP/1.1\r\nContent-Length: 5\r\nContent-Length: 100000000"
                            "\r\n\r\n";
    QByteArrayView data(head);
    QCOMPARE(framer.feed(data), RequestFramer::Step::Refused);
    QVERIFY(framer.refusal().message.contains(QLatin1String("Content-Length")));
    QVERIFY(!framer.refusal().message.contains(QLatin1String("100000000")));
}

void TestRequestFramer::stateBetweenHeadAndBody() {
    RequestFramer framer(1024, 16 * 1024);
    QVERIFY(framer.isBetweenRequests());
    const QByteArray input =
        "POST /p HTTP/1.1\r\nContent-Length: 4\r\nExpect: 100-continue\r\n\r\nab";
    QByteArrayView data(input);
    QByteArrayView start = data.first(5);
    QCOMPARE(framer.feed(start), RequestFramer::Step::NeedMore);
    QVERIFY(framer.isReadingHead());
    data = data.sliced(5);
    QCOMPARE(framer.feed(data), RequestFramer::Step::Head);
    QVERIFY(framer.head().expectContinue);
    QCOMPARE(framer.head().method, QByteArray("POST"));
    QCOMPARE(framer.feed(data), RequestFramer::Step::NeedMore);
    QVERIFY(framer.isReadingBody());
    QCOMPARE(framer.bodyRemaining(), 2);
    QByteArrayView rest("cd");
    QCOMPARE(framer.feed(rest), RequestFramer::Step::NeedMore);
    QVERIFY(framer.isBetweenRequests());
}

void TestRequestFramer::originForm_data() {
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QByteArray>("origin");
    QTest::newRow("origin-form unchanged")
        << QByteArray("/a%7e?b='%2f'") << QByteArray("/a%7e?b='%2f'");
    QTest::newRow("absolute") << QByteArray("http://h:8/a%7e?b") << QByteArray("/a%7e?b");
    QTest::newRow("absolute, no path") << QByteArray("https://h") << QByteArray("/");
    QTest::newRow("absolute, query only") << QByteArray("http://h?x=1") << QByteArray("/?x=1");
    QTest::newRow("asterisk") << QByteArray("*") << QByteArray("*");
}

void TestRequestFramer::originForm() {
    QFETCH(QByteArray, target);
    QFETCH(QByteArray, origin);
    QCOMPARE(RequestFramer::originForm(target), origin);
}

// The framer this replaces appended the rest of a read to its buffer for every head it found:
// quadratic, 11 s of CPU for 4 MB. Here 8 MB of small pipelined requests in socket-sized reads
// take tens of milliseconds; the bound is generous and only catches the quadratic behaviour.
void TestRequestFramer::largeInputTakesLinearTime() {
    const QByteArray one = "GET /a HTTP/1.1\r\nHost: x\r\n\r\n";
    const QByteArray input = one.repeated(8 * 1024 * 1024 / one.size());
    QElapsedTimer timer;
    timer.start();
    const Result result = frame(input, 64 * 1024);
    QCOMPARE(result.refusal, 0);
    QCOMPARE(result.heads.size(), input.size() / one.size());
    QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
}

void TestRequestFramer::routeBodyLimit_data() {
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<bool>("refused");
    const QByteArray big = "Content-Length: 2000000\r\n\r\n";
    QTest::newRow("its route") << "POST /api/send-email HTTP/1.1\r\n" + big << false;
    QTest::newRow("its route with a query")
        << "POST /api/send-email?x=1 HTTP/1.1\r\n" + big << false;
    QTest::newRow("its route in absolute form")
        << "POST http://127.0.0.1:3000/api/send-email HTTP/1.1\r\n" + big << false;
    QTest::newRow("another route") << "POST /api/send-sms HTTP/1.1\r\n" + big << true;
    QTest::newRow("another method") << "PUT /api/send-email HTTP/1.1\r\n" + big << true;
    QTest::newRow("a longer path") << "POST /api/send-email/x HTTP/1.1\r\n" + big << true;
    QTest::newRow("an escaped spelling") << "POST /api/send%2Demail HTTP/1.1\r\n" + big << true;
    QTest::newRow("over its own limit")
        << QByteArray("POST /api/send-email HTTP/1.1\r\nContent-Length: 3000001\r\n\r\n") << true;
}

// A route's own body limit (send-email's) applies to that method and exact path only.
void TestRequestFramer::routeBodyLimit() {
    QFETCH(QByteArray, request);
    QFETCH(bool, refused);
    sb::HttpLimits limits;
    limits.maxBodyBytes = 1024 * 1024;
    limits.routeBodyLimits.append({"POST", "/api/send-email", 3'000'000});
    RequestFramer framer(limits.maxBodyBytes, limits.maxHeaderBytes);
    framer.setBodyLimit([&limits](const QByteArray &method, const QByteArray &target) {
        return limits.maxBodyBytesFor(method, target);
    });
    QByteArrayView data(request);
    const RequestFramer::Step step = framer.feed(data);
    QCOMPARE(step, refused ? RequestFramer::Step::Refused : RequestFramer::Step::Head);
    if (refused)
        QCOMPARE(framer.refusal().status, 413);
}

QTEST_APPLESS_MAIN(TestRequestFramer)
#include "tst_requestframer.moc"
