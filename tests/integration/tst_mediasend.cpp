#include "Await.h"
#include "ServiceFixture.h"
#include "TestSupport.h"
#include "db/Store.h"
#include "media/MediaResend.h"
#include "media/MediaShares.h"
#include "outbox/TwilioMessageSender.h"
#include "providers/twilio/TwilioClient.h"
#include "runtime/SwitchboardService.h"

#include <QAtomicInteger>
#include <QFile>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QMutex>
#include <QNetworkAccessManager>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

#include <chrono>

using namespace sb;
using namespace std::chrono_literals;
using sbtest::await;

// Sending media end to end over loopback, in sandbox mode: an attachment the console serves
// (MediaShares, GET /media/{token}) is given as mediaUrl to send-sms / send-whatsapp, the
// sandbox really downloads it from the console's public URL before the message goes on to
// delivered, and the token then expires; everything else under /media/ is 404.
class TestMediaSend : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void servedWithItsTypeAndOnlyItsBytes();
    void sentMediaIsFetchedFromTheConsoleThenExpires_data();
    void sentMediaIsFetchedFromTheConsoleThenExpires();
    void unfetchedShareExpiresAfterAnHour();
    void unknownTokensAndTraversalAre404_data();
    void unknownTokensAndTraversalAre404();
    void failedDownloadFailsTheMessage_data();
    void failedDownloadFailsTheMessage();
    void invalidMediaUrlIs400_data();
    void invalidMediaUrlIs400();
    void outboxKeepsTheMediaUrls();
    void sharesSurviveARestart();
    void retrySharesTheMediaAgain();
    void tokensNeverReachTheLog();
    void reconcileTellsMediaOnlyMessagesApart();

private:
    QUrl api(const QString &path) const;
    QUrl local(const QString &path) const;
    sbtest::Reply post(const QString &endpoint, const QJsonObject &json);
    MediaShare share(const QString &name, const QByteArray &bytes);
    std::optional<MediaShare> stored(const QString &token);
    QString statusOf(const QString &sid);
    int errorOf(const QString &sid);
    void customerWritesOnWhatsApp(const QString &from);
    void travel(std::chrono::seconds by) { m_offsetMs.fetchAndAddRelaxed(by.count() * 1000); }
    QDateTime now() const {
        return QDateTime::currentDateTimeUtc().addMSecs(m_offsetMs.loadRelaxed());
    }

    QTemporaryDir m_dir;
    QTemporaryDir m_files; // the agent's own files, outside the data folder
    std::unique_ptr<SwitchboardService> m_service;
    sbtest::Http m_http;
    QObject m_ctx;
    QAtomicInteger<qint64> m_offsetMs{0};
    const QByteArray m_auth = "Bearer media-token";
};

namespace {

// A real 1x1 PNG, so the type is sniffed from the bytes as well as the name.
QByteArray tinyPng(char marker) {
    QByteArray png = QByteArray::fromBase64(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5E"
        "rkJggg==");
    // Bytes after IEND are ignored by decoders: they make each test's file its own.
    return png + QByteArray(64, marker);
}

} // namespace

void TestMediaSend::initTestCase() {
    qputenv("SWITCHBOARD_SANDBOX_DELAY_MS", "20");
    QString error;
    m_service = sbtest::startService(
        m_dir.path(), QStringLiteral("media-token"), {}, [this] { return now(); }, &error);
    QVERIFY2(m_service, qPrintable(error));
    QVERIFY(m_service->isSandbox());
    QVERIFY(m_service->mediaShares());
}

void TestMediaSend::cleanupTestCase() {
    m_service.reset();
}

QUrl TestMediaSend::api(const QString &path) const {
    return QUrl(
        QStringLiteral("http://127.0.0.1:%1/api/v1/twilio/%2").arg(m_service->port()).arg(path));
}

QUrl TestMediaSend::local(const QString &path) const {
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_service->port()).arg(path));
}

sbtest::Reply TestMediaSend::post(const QString &endpoint, const QJsonObject &json) {
    return m_http.postJson(api(endpoint), json, {{"Authorization", m_auth}});
}

MediaShare TestMediaSend::share(const QString &name, const QByteArray &bytes) {
    const QString path = m_files.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return {};
    file.close();
    const auto shared = await<StoreResult<MediaShare>>(
        [&](auto done) { m_service->mediaShares()->share(path, &m_ctx, done); });
    if (!shared || !shared->ok())
        return {};
    return shared->value;
}

std::optional<MediaShare> TestMediaSend::stored(const QString &token) {
    const auto found = await<StoreResult<std::optional<MediaShare>>>(
        [&](auto done) { m_service->mediaShares()->find(token, &m_ctx, done); });
    return found && found->ok() ? found->value : std::nullopt;
}

QString TestMediaSend::statusOf(const QString &sid) {
    const auto r = await<StoreResult<std::optional<MessageRecord>>>(
        [&](auto done) { m_service->store()->messageBySid(sid, &m_ctx, done); });
    return r && r->value ? r->value->status : QString();
}

int TestMediaSend::errorOf(const QString &sid) {
    const auto r = await<StoreResult<std::optional<MessageRecord>>>(
        [&](auto done) { m_service->store()->messageBySid(sid, &m_ctx, done); });
    return r && r->value ? r->value->errorCode : -1;
}

void TestMediaSend::customerWritesOnWhatsApp(const QString &from) {
    const sbtest::Reply r = post(QStringLiteral("sandbox/inbound"),
                                 {{QStringLiteral("from"), from},
                                  {QStringLiteral("body"), QStringLiteral("Send me the photo")},
                                  {QStringLiteral("channel"), QStringLiteral("whatsapp")}});
    QCOMPARE(r.status, 201);
}

void TestMediaSend::servedWithItsTypeAndOnlyItsBytes() {
    const QByteArray bytes = tinyPng('a');
    const MediaShare s = share(QStringLiteral("receipt.png"), bytes);
    QVERIFY(MediaShares::isToken(s.token));
    QCOMPARE(s.contentType, QStringLiteral("image/png"));
    QCOMPARE(s.bytes, qint64(bytes.size()));
    QCOMPARE(s.url,
             m_service->config().publicBase(m_service->port()) + MediaShares::pathFor(s.token));
    // The copy lives in the data folder's own folder, under a name of its own.
    QVERIFY(QFile::exists(m_dir.filePath(QStringLiteral("outgoing-media/")) + s.fileName));
    QVERIFY(!s.fileName.contains(QLatin1String("receipt")));

    const sbtest::Reply got = m_http.get(local(MediaShares::pathFor(s.token)));
    QCOMPARE(got.status, 200);
    QCOMPARE(got.header("Content-Type"), QByteArray("image/png"));
    QCOMPARE(got.body, bytes);
    QCOMPARE(got.header("X-Content-Type-Options"), QByteArray("nosniff"));
    QVERIFY(got.header("Content-Disposition").contains("receipt.png"));
}

void TestMediaSend::sentMediaIsFetchedFromTheConsoleThenExpires_data() {
    QTest::addColumn<QString>("endpoint");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QString>("body");
    QTest::addColumn<bool>("asString"); // mediaUrl as one string rather than an array
    QTest::addColumn<QString>("finalStatus");
    QTest::newRow("MMS with text, mediaUrl as an array") << "send-sms"
                                                         << "+14155550100"
                                                         << "Your receipt" << false << "delivered";
    QTest::newRow("MMS with no text, mediaUrl as a string") << "send-sms"
                                                            << "+14155550101"
                                                            << "" << true << "delivered";
    // In an open window the sandbox goes on to read, one step after delivered: waiting for
    // delivered could miss it under the sanitizers' slowness.
    QTest::newRow("WhatsApp image with a caption") << "send-whatsapp"
                                                   << "whatsapp:+14155550177"
                                                   << "Here it is" << false << "read";
}

void TestMediaSend::sentMediaIsFetchedFromTheConsoleThenExpires() {
    QFETCH(QString, endpoint);
    QFETCH(QString, to);
    QFETCH(QString, body);
    QFETCH(bool, asString);
    QFETCH(QString, finalStatus);
    if (to.startsWith(QLatin1String("whatsapp:")))
        customerWritesOnWhatsApp(to);
    const MediaShare s =
        share(QStringLiteral("photo-%1.png").arg(QTest::currentDataTag()), tinyPng('b'));
    QVERIFY(!s.url.isEmpty());
    QVERIFY(!stored(s.token)->firstFetchedAt.isValid());

    QJsonObject json{{QStringLiteral("to"), to}};
    if (!body.isEmpty())
        json.insert(QStringLiteral("body"), body);
    json.insert(QStringLiteral("mediaUrl"),
                asString ? QJsonValue(s.url) : QJsonValue(QJsonArray{s.url}));
    const sbtest::Reply sent = post(endpoint, json);
    QVERIFY2(sent.status == 201, sent.body.constData());
    QCOMPARE(sent.json().value(QLatin1String("mediaUrl")).toArray(), QJsonArray{s.url});
    const QString sid = sent.json().value(QLatin1String("messageSid")).toString();
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(sid), finalStatus, 10000);

    // The sandbox fetched it from the console (the first fetch is recorded), and the token
    // still answers during the grace, for a second fetch, then no more.
    const std::optional<MediaShare> fetched = stored(s.token);
    QVERIFY(fetched && fetched->firstFetchedAt.isValid());
    QVERIFY(fetched->expiresAt <= fetched->firstFetchedAt.addSecs(MediaShares::GraceSecs));
    QCOMPARE(m_http.get(QUrl(s.url)).status, 200);
    travel(std::chrono::seconds(MediaShares::GraceSecs + 1));
    const sbtest::Reply after = m_http.get(QUrl(s.url));
    QCOMPARE(after.status, 404);
    QVERIFY(!after.body.contains(tinyPng('b')));
}

void TestMediaSend::unfetchedShareExpiresAfterAnHour() {
    const MediaShare s = share(QStringLiteral("never-fetched.png"), tinyPng('c'));
    travel(std::chrono::seconds(MediaShares::LifetimeSecs - 60));
    // Not fetched yet: still there a minute before the hour (asked of the store, since a GET
    // would count as Twilio's fetch), gone after it.
    QVERIFY(stored(s.token)->expiresAt > now());
    travel(61s);
    QCOMPARE(m_http.get(QUrl(s.url)).status, 404);
    // Purging deletes the record and the copy.
    QMetaObject::invokeMethod(m_service->mediaShares(),
                              [shares = m_service->mediaShares()] { shares->purgeExpired(); });
    QTRY_VERIFY(!stored(s.token).has_value());
    QTRY_VERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("outgoing-media/")) + s.fileName));
}

void TestMediaSend::unknownTokensAndTraversalAre404_data() {
    QTest::addColumn<QByteArray>("target"); // the request target exactly as sent
    QTest::newRow("unknown token of the right shape")
        << QByteArray("/media/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    QTest::newRow("token too short") << QByteArray("/media/abc");
    QTest::newRow("dot-dot to the config") << QByteArray("/media/../config");
    QTest::newRow("dot-dot to the database") << QByteArray("/media/../switchboard.sqlite");
    QTest::newRow("encoded dot-dot") << QByteArray("/media/%2e%2e/switchboard.sqlite");
    QTest::newRow("encoded dot-dot and slash") << QByteArray("/media/%2e%2e%2fswitchboard.sqlite");
    QTest::newRow("double-encoded") << QByteArray("/media/%252e%252e%252fswitchboard.sqlite");
    QTest::newRow("backslashes") << QByteArray("/media/..%5c..%5cswitchboard.sqlite");
    QTest::newRow("the folder itself") << QByteArray("/media/");
    QTest::newRow("a copy's own file name") << QByteArray("/media/{file}");
    QTest::newRow("the copies' folder") << QByteArray("/outgoing-media/{file}");
    QTest::newRow("a token with a path after it") << QByteArray("/media/{token}/../{file}");
}

void TestMediaSend::unknownTokensAndTraversalAre404() {
    QFETCH(QByteArray, target);
    const QByteArray bytes = tinyPng('d');
    const MediaShare s = share(QStringLiteral("secret.png"), bytes);
    target.replace("{file}", s.fileName.toLatin1()).replace("{token}", s.token.toLatin1());
    // Raw bytes on the socket: a client library would normalise the dot segments away.
    const QByteArray answer =
        sbtest::rawRequest(m_service->port(), "GET " + target +
                                                  " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                                  "Connection: close\r\n\r\n");
    QVERIFY2(answer.startsWith("HTTP/1.1 404"), answer.left(200).constData());
    QVERIFY(!answer.contains(bytes));
    QVERIFY(!answer.contains("SQLite format 3"));
}

void TestMediaSend::failedDownloadFailsTheMessage_data() {
    QTest::addColumn<QString>("mediaUrl"); // {port}: the console's, {closed}: a dead port
    QTest::addColumn<int>("code");
    QTest::newRow("nothing listens there: 11200") << "http://127.0.0.1:{closed}/photo.jpg" << 11200;
    QTest::newRow("the console answers 404 (unknown token): 11200")
        << "http://127.0.0.1:{port}/media/BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB" << 11200;
    QTest::newRow("JSON is no MMS media type: 12300")
        << "http://127.0.0.1:{port}/api/v1/twilio/health" << 12300;
}

void TestMediaSend::failedDownloadFailsTheMessage() {
    QFETCH(QString, mediaUrl);
    QFETCH(int, code);
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const quint16 closedPort = closed.serverPort();
    closed.close(); // nothing listens there any more
    mediaUrl.replace(QLatin1String("{port}"), QString::number(m_service->port()))
        .replace(QLatin1String("{closed}"), QString::number(closedPort));
    const sbtest::Reply sent =
        post(QStringLiteral("send-sms"), {{QStringLiteral("to"), QStringLiteral("+14155550102")},
                                          {QStringLiteral("body"), QStringLiteral("see attached")},
                                          {QStringLiteral("mediaUrl"), QJsonArray{mediaUrl}}});
    QCOMPARE(sent.status, 201); // Twilio accepts it, then fails it once the fetch fails
    const QString sid = sent.json().value(QLatin1String("messageSid")).toString();
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(sid), QStringLiteral("failed"), 20000);
    QCOMPARE(errorOf(sid), code);
}

void TestMediaSend::invalidMediaUrlIs400_data() {
    QTest::addColumn<QString>("endpoint");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QJsonValue>("mediaUrl");
    QTest::addColumn<QString>("says");
    QJsonArray eleven;
    for (int i = 0; i < 11; ++i)
        eleven.append(QStringLiteral("https://example.com/%1.jpg").arg(i));
    const QString sms = QStringLiteral("send-sms");
    const QString wa = QStringLiteral("send-whatsapp");
    const QString smsTo = QStringLiteral("+14155550103");
    const QString waTo = QStringLiteral("whatsapp:+14155550188");
    QTest::newRow("11 URLs for MMS") << sms << smsTo << QJsonValue(eleven) << "At most 10";
    QTest::newRow("2 URLs for WhatsApp")
        << wa << waTo
        << QJsonValue(QJsonArray{QStringLiteral("https://example.com/a.jpg"),
                                 QStringLiteral("https://example.com/b.jpg")})
        << "one media file";
    QTest::newRow("ftp") << sms << smsTo << QJsonValue(QStringLiteral("ftp://example.com/a.jpg"))
                         << "http://";
    QTest::newRow("relative path")
        << sms << smsTo << QJsonValue(QStringLiteral("/media/abc")) << "absolute";
    QTest::newRow("not a URL") << wa << waTo << QJsonValue(QJsonArray{QStringLiteral("photo")})
                               << "absolute";
    QTest::newRow("a number in the array")
        << sms << smsTo << QJsonValue(QJsonArray{42}) << "not a string";
    QTest::newRow("an object") << sms << smsTo << QJsonValue(QJsonObject{}) << "array of URLs";
    QTest::newRow("beside a WhatsApp template")
        << wa << waTo << QJsonValue(QStringLiteral("https://example.com/a.jpg")) << "template";
}

void TestMediaSend::invalidMediaUrlIs400() {
    QFETCH(QString, endpoint);
    QFETCH(QString, to);
    QFETCH(QJsonValue, mediaUrl);
    QFETCH(QString, says);
    QJsonObject json{{QStringLiteral("to"), to},
                     {QStringLiteral("body"), QStringLiteral("hi")},
                     {QStringLiteral("mediaUrl"), mediaUrl}};
    if (QByteArray(QTest::currentDataTag()).contains("template")) {
        json.remove(QStringLiteral("body"));
        json.insert(QStringLiteral("contentSid"),
                    QStringLiteral("HX611d3e3343e5194d7f290e44b392b617"));
    }
    const sbtest::Reply r = post(endpoint, json);
    QCOMPARE(r.status, 400);
    const QJsonObject error = r.json().value(QLatin1String("error")).toObject();
    QCOMPARE(error.value(QLatin1String("field")).toString(), QStringLiteral("mediaUrl"));
    QVERIFY2(error.value(QLatin1String("message")).toString().contains(says),
             qPrintable(error.value(QLatin1String("message")).toString()));
}

void TestMediaSend::outboxKeepsTheMediaUrls() {
    OutboundDraft draft;
    draft.to = QStringLiteral("+14155550104");
    draft.from = QStringLiteral("+15005550006");
    draft.mediaUrls = {QStringLiteral("https://example.com/a.jpg"),
                       QStringLiteral("https://example.com/b \"c\".png")};
    const auto created = await<StoreResult<OutboxEntry>>(
        [&](auto done) { m_service->store()->createOutbound(draft, &m_ctx, done); });
    QVERIFY(created && created->ok());
    const auto read = await<StoreResult<OutboxEntry>>(
        [&](auto done) { m_service->store()->outboxEntry(created->value.id, &m_ctx, done); });
    QVERIFY(read && read->ok());
    QCOMPARE(read->value.mediaUrls, draft.mediaUrls);
    // Leave nothing pending behind for a later resume.
    const auto failed = await<StoreResult<OutboxEntry>>([&](auto done) {
        m_service->store()->markFailed(created->value.id, 0, QStringLiteral("test"), &m_ctx, done);
    });
    QVERIFY(failed && failed->ok());
}

void TestMediaSend::sharesSurviveARestart() {
    QTemporaryDir dir;
    QString error;
    const QByteArray bytes = tinyPng('e');
    QFile file(m_files.filePath(QStringLiteral("restart.png")));
    QVERIFY(file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size());
    file.close();
    QString token;
    {
        auto first = sbtest::startService(dir.path(), QStringLiteral("t"), {}, {}, &error);
        QVERIFY2(first, qPrintable(error));
        const auto shared = await<StoreResult<MediaShare>>(
            [&](auto done) { first->mediaShares()->share(file.fileName(), &m_ctx, done); });
        QVERIFY(shared && shared->ok());
        token = shared->value.token;
    }
    auto second = sbtest::startService(dir.path(), QStringLiteral("t"), {}, {}, &error);
    QVERIFY2(second, qPrintable(error));
    const sbtest::Reply got = m_http.get(QUrl(QStringLiteral("http://127.0.0.1:%1%2")
                                                  .arg(second->port())
                                                  .arg(MediaShares::pathFor(token))));
    QCOMPARE(got.status, 200);
    QCOMPARE(got.body, bytes);
}

void TestMediaSend::retrySharesTheMediaAgain() {
    // A message whose second file could not be fetched fails (11200); Retry sends it again
    // with both: this console's attachment under a new token (the first one expires 5 minutes
    // after Twilio's fetch), the other URL as it was.
    const QByteArray bytes = tinyPng('r');
    const MediaShare s = share(QStringLiteral("again.png"), bytes);
    const QString foreign = local(QStringLiteral("/elsewhere/missing.png")).toString();
    const sbtest::Reply sent =
        post(QStringLiteral("send-sms"), {{"to", "+14155550133"},
                                          {"body", "The photo and the plan"},
                                          {"mediaUrl", QJsonArray{s.url, foreign}}});
    QVERIFY2(sent.status == 201, sent.body.constData());
    const qint64 id = sent.json().value(QLatin1String("id")).toInteger();
    const QString sid = sent.json().value(QLatin1String("messageSid")).toString();
    QVERIFY(id > 0);
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(sid), QStringLiteral("failed"), 10000);
    const auto resend = [&] {
        return await<MediaResend::Result>([&](auto done) {
            MediaResend::prepare(m_service->store(), m_service->mediaShares(), id, &m_ctx, done);
        });
    };
    const auto prepared = resend();
    QVERIFY(prepared);
    QCOMPARE(prepared->problem, QString());
    QCOMPARE(prepared->urls.size(), 2);
    QCOMPARE(prepared->urls.at(1), foreign);
    const QString token = QUrl(prepared->urls.at(0)).path().section(QLatin1Char('/'), -1);
    QVERIFY(MediaShares::isToken(token));
    QVERIFY(token != s.token);
    const std::optional<MediaShare> again = stored(token);
    QVERIFY(again && !again->firstFetchedAt.isValid()); // a fresh hour, not yet fetched
    QCOMPARE(again->originalName, QStringLiteral("again.png"));
    const sbtest::Reply got = m_http.get(QUrl(prepared->urls.at(0)));
    QCOMPARE(got.status, 200);
    QCOMPARE(got.body, bytes);

    // Once every copy is gone (shares last an hour), Retry refuses and names the file rather
    // than sending the text alone.
    travel(std::chrono::seconds(2 * MediaShares::LifetimeSecs));
    QMetaObject::invokeMethod(m_service->mediaShares(),
                              [shares = m_service->mediaShares()] { shares->purgeExpired(); });
    QTRY_VERIFY(!stored(token).has_value());
    const auto gone = resend();
    QVERIFY(gone);
    QVERIFY2(gone->problem.contains(QLatin1String("attach it again")), qPrintable(gone->problem));
    QVERIFY(!gone->problem.contains(QLatin1String("media-token")));

    // A message sent with no media has nothing to prepare.
    const sbtest::Reply plain =
        post(QStringLiteral("send-sms"), {{"to", "+14155550134"}, {"body", "Text only"}});
    QCOMPARE(plain.status, 201);
    const auto none = await<MediaResend::Result>([&](auto done) {
        MediaResend::prepare(m_service->store(), m_service->mediaShares(),
                             plain.json().value(QLatin1String("id")).toInteger(), &m_ctx, done);
    });
    QVERIFY(none && none->problem.isEmpty() && none->urls.isEmpty());
}

namespace {

QMutex logMutex;
QStringList logged;

void collect(QtMsgType, const QMessageLogContext &, const QString &message) {
    QMutexLocker lock(&logMutex);
    logged.append(message);
}

// The suites run with the request log off (QT_LOGGING_RULES); this one needs it on.
QLoggingCategory::CategoryFilter previousFilter = nullptr;

void requestLogOn(QLoggingCategory *category) {
    if (previousFilter)
        previousFilter(category);
    if (qstrcmp(category->categoryName(), "switchboard.http") == 0)
        category->setEnabled(QtInfoMsg, true);
}

} // namespace

void TestMediaSend::tokensNeverReachTheLog() {
    // The request log names the share route, never the token that grants the file.
    const MediaShare s = share(QStringLiteral("logged.png"), tinyPng('l'));
    const QString unknown = QStringLiteral("ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ");
    previousFilter = QLoggingCategory::installFilter(requestLogOn);
    QtMessageHandler previous = qInstallMessageHandler(collect);
    QCOMPARE(m_http.get(QUrl(s.url)).status, 200);
    QCOMPARE(m_http.get(local(MediaShares::pathFor(unknown))).status, 404);
    QTest::qWait(300); // the server thread's log lines
    qInstallMessageHandler(previous);
    QLoggingCategory::installFilter(previousFilter);
    QMutexLocker lock(&logMutex);
    const QString all = logged.join(QLatin1Char('\n'));
    QVERIFY2(all.contains(QStringLiteral("/media/…")), qPrintable(all));
    QVERIFY(!all.contains(s.token));
    QVERIFY(!all.contains(unknown));
}

void TestMediaSend::reconcileTellsMediaOnlyMessagesApart() {
    // A media-only MMS with one file went out; a crash left another media-only one to the same
    // contact, with two files, `submitted`. Both have an empty body: reconciling the second must
    // not take the first for it (Twilio's list gives num_media), or it would never be sent.
    const QString to = QStringLiteral("+14155550135");
    const MediaShare s = share(QStringLiteral("one.png"), tinyPng('o'));
    const sbtest::Reply sent =
        post(QStringLiteral("send-sms"), {{"to", to}, {"mediaUrl", QJsonArray{s.url}}});
    QVERIFY2(sent.status == 201, sent.body.constData());
    const QString sid = sent.json().value(QLatin1String("messageSid")).toString();
    QTRY_COMPARE_WITH_TIMEOUT(statusOf(sid), QStringLiteral("delivered"), 10000);

    const Config &config = m_service->config();
    QNetworkAccessManager nam;
    TwilioClient client(&nam, {config.accountSid, config.authToken, m_service->sandboxUrl()});
    TwilioMessageSender sender(&client);
    OutboxEntry entry;
    entry.message.to = to;
    entry.message.from = QStringLiteral("+15005550006");
    entry.message.createdAt = QDateTime::currentDateTimeUtc();
    const auto reconcile = [&] {
        return await<ReconcileResult>([&](auto done) { sender.reconcile(entry, done); });
    };
    entry.mediaUrls = {s.url, QStringLiteral("https://cdn.example.org/two.png")};
    const auto twoFiles = reconcile();
    QVERIFY(twoFiles);
    QCOMPARE(int(twoFiles->kind), int(ReconcileResult::Kind::NotFound));
    entry.mediaUrls = {s.url}; // the one that did go out is found
    const auto oneFile = reconcile();
    QVERIFY(oneFile);
    QCOMPARE(int(oneFile->kind), int(ReconcileResult::Kind::Found));
    QCOMPARE(oneFile->providerId, sid);
}

QTEST_GUILESS_MAIN(TestMediaSend)
#include "tst_mediasend.moc"
