#include "Await.h"
#include "FakeMediaHost.h"
#include "ServiceFixture.h"
#include "TestSupport.h"
#include "db/Store.h"
#include "db/StoreWorker.h"
#include "media/MediaRows.h"
#include "providers/twilio/SignatureValidator.h"
#include "runtime/SwitchboardService.h"
#include "sandbox/SandboxMedia.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QJsonArray>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace sb;
using sbtest::await;

// Inbound media through the whole headless product in sandbox mode, over loopback only: the
// sandbox posts signed SMS and WhatsApp webhooks carrying its sample files (served behind its
// Basic auth), the console stores the rows with the message before answering, downloads each
// file, stores it once by content hash, and the local API lists and serves it. Webhooks naming
// other hosts are posted signed by the test itself.
class TestMediaInbound : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void twoMediaAreDownloadedListedAndServed_data();
    void twoMediaAreDownloadedListedAndServed();
    void sameImageTwiceIsOneFile();
    void rowsAreCommittedBeforeTheWebhookIsAnswered();
    void foreignHostNamedByAWebhookGetsNoCredentials();
    void notDownloadedYetIs503WithTheReason();
    void unknownMessageOrPositionIs404();
    void apiNeedsTheToken();
    void sandboxMediaNeedBasicAuth();
    void malformedNumMediaIsRefused();

private:
    QUrl api(const QString &path) const;
    sbtest::Reply get(const QString &path) {
        return m_http.get(api(path), {{"Authorization", m_auth}});
    }
    sbtest::Reply postSigned(const QString &path, const FormFields &fields);
    // Posted as Twilio would post an MMS with these media URLs; returns the MessageSid.
    // `sid` given: that message again (Twilio retrying its webhook).
    QString postInbound(const QStringList &urls, const QString &sid = {});
    QJsonArray waitForState(const QString &sid, const QString &state, int count);
    QList<MediaRecord> rowsOf(const QString &sid);

    QTemporaryDir m_dir;
    std::unique_ptr<SwitchboardService> m_service;
    sbtest::Http m_http;
    QObject m_ctx;
    const QByteArray m_auth = "Bearer media-token";
    int m_next = 0;
};

void TestMediaInbound::initTestCase() {
    qputenv("SWITCHBOARD_SANDBOX_DELAY_MS", "20");
    qputenv("SWITCHBOARD_MEDIA_RETRY_MS", "200");
    QString error;
    m_service = sbtest::startService(m_dir.path(), QStringLiteral("media-token"), {}, {}, &error);
    QVERIFY2(m_service, qPrintable(error));
    QVERIFY(m_service->isSandbox());
}

void TestMediaInbound::cleanupTestCase() {
    m_service.reset();
}

QUrl TestMediaInbound::api(const QString &path) const {
    return QUrl(
        QStringLiteral("http://127.0.0.1:%1/api/v1/twilio/%2").arg(m_service->port()).arg(path));
}

sbtest::Reply TestMediaInbound::postSigned(const QString &path, const FormFields &fields) {
    const QString url = m_service->publicUrl().toString() + path;
    return m_http.postForm(
        QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_service->port()).arg(path)), fields,
        {{"X-Twilio-Signature",
          SignatureValidator::sign(m_service->config().authToken.toUtf8(), url, fields)}});
}

QString TestMediaInbound::postInbound(const QStringList &urls, const QString &given) {
    const QString sid =
        given.isEmpty() ? QStringLiteral("MM%1").arg(++m_next, 32, 10, QLatin1Char('0')) : given;
    const QString contentType = QStringLiteral("image/png");
    FormFields form{{QStringLiteral("MessageSid"), sid},
                    {QStringLiteral("From"), QStringLiteral("+14155550142")},
                    {QStringLiteral("To"), m_service->config().phoneNumber},
                    {QStringLiteral("Body"), QStringLiteral("picture")},
                    {QStringLiteral("NumMedia"), QString::number(urls.size())}};
    for (int n = 0; n < urls.size(); ++n) {
        form.append({QStringLiteral("MediaUrl%1").arg(n), urls.at(n)});
        form.append({QStringLiteral("MediaContentType%1").arg(n), contentType});
    }
    const sbtest::Reply r = postSigned(QStringLiteral("/twilio/incoming-sms"), form);
    if (r.status != 200)
        qWarning() << "webhook answered" << r.status << r.body;
    return r.status == 200 ? sid : QString();
}

QList<MediaRecord> TestMediaInbound::rowsOf(const QString &sid) {
    const auto rows = await<StoreResult<QList<MediaRecord>>>([&](auto done) {
        m_service->store()->run<QList<MediaRecord>>(
            &m_ctx,
            [sid](StoreWorker &w, QString *error) {
                return MediaRows::forMessageSid(w, sid, error);
            },
            done);
    });
    return rows && rows->ok() ? rows->value : QList<MediaRecord>();
}

QJsonArray TestMediaInbound::waitForState(const QString &sid, const QString &state, int count) {
    QJsonArray media;
    QDeadlineTimer deadline(10000);
    while (!deadline.hasExpired()) {
        media = get(QStringLiteral("messages/%1/media").arg(sid))
                    .json()
                    .value(QLatin1String("media"))
                    .toArray();
        if (media.size() == count &&
            std::all_of(media.cbegin(), media.cend(), [&](const QJsonValue &v) {
                return v.toObject().value(QLatin1String("state")).toString() == state;
            }))
            break;
        QTest::qWait(20);
    }
    return media;
}

void TestMediaInbound::twoMediaAreDownloadedListedAndServed_data() {
    QTest::addColumn<QString>("channel");
    QTest::addColumn<QString>("from");
    QTest::addColumn<QStringList>("samples");
    QTest::newRow("MMS: a picture and a PDF") << "sms"
                                              << "+14155550101" << QStringList{"photo", "invoice"};
    QTest::newRow("WhatsApp: a chart and a voice note")
        << "whatsapp"
        << "whatsapp:+14155550102" << QStringList{"chart", "voice-note"};
}

void TestMediaInbound::twoMediaAreDownloadedListedAndServed() {
    QFETCH(QString, channel);
    QFETCH(QString, from);
    QFETCH(QStringList, samples);
    const sbtest::Reply sent = m_http.postJson(api(QStringLiteral("sandbox/inbound")),
                                               {{"from", from},
                                                {"body", "Here you go"},
                                                {"channel", channel},
                                                {"media", QJsonArray::fromStringList(samples)}},
                                               {{"Authorization", m_auth}});
    QCOMPARE(sent.status, 201);
    QCOMPARE(sent.json().value("webhook").toObject().value("status").toInt(), 200);
    QCOMPARE(sent.json().value("num_media").toString(), QStringLiteral("2"));
    const QString sid = sent.json().value("sid").toString();

    const QJsonArray media = waitForState(sid, QStringLiteral("stored"), 2);
    QCOMPARE(media.size(), 2);
    for (int n = 0; n < 2; ++n) {
        const SandboxMedia::Sample *sample = SandboxMedia::find(samples.at(n));
        const QJsonObject m = media.at(n).toObject();
        QCOMPARE(m.value("position").toInt(), n);
        QCOMPARE(m.value("state").toString(), QStringLiteral("stored"));
        QCOMPARE(m.value("contentType").toString(), QString::fromLatin1(sample->contentType));
        QCOMPARE(m.value("size").toInteger(), sample->bytes.size());
        const QString sha = QString::fromLatin1(
            QCryptographicHash::hash(sample->bytes, QCryptographicHash::Sha256).toHex());
        QCOMPARE(m.value("sha256").toString(), sha);
        QCOMPARE(m.value("url").toString(),
                 QStringLiteral("/api/v1/twilio/messages/%1/media/%2").arg(sid).arg(n));
        // The file itself, with its type.
        const sbtest::Reply file = get(QStringLiteral("messages/%1/media/%2").arg(sid).arg(n));
        QCOMPARE(file.status, 200);
        QCOMPARE(file.header("Content-Type"), sample->contentType);
        QCOMPARE(file.body, sample->bytes);
        // Stored under the data folder by its hash.
        QVERIFY(QFile::exists(
            m_dir.filePath(QStringLiteral("media/%1/%2").arg(sha.left(2), sha) + QLatin1Char('.') +
                           m.value("fileName").toString().section(QLatin1Char('.'), -1))));
    }
}

void TestMediaInbound::sameImageTwiceIsOneFile() {
    const sbtest::Reply sent = m_http.postJson(
        api(QStringLiteral("sandbox/inbound")),
        {{"from", "+14155550103"}, {"body", "twice"}, {"media", QJsonArray{"photo", "photo"}}},
        {{"Authorization", m_auth}});
    QCOMPARE(sent.status, 201);
    const QString sid = sent.json().value("sid").toString();
    const QJsonArray media = waitForState(sid, QStringLiteral("stored"), 2);
    QCOMPARE(media.size(), 2);
    const QString sha = media.at(0).toObject().value("sha256").toString();
    QCOMPARE(media.at(1).toObject().value("sha256").toString(), sha);
    int files = 0;
    for (QDirIterator it(m_dir.filePath(QStringLiteral("media")), QDir::Files,
                         QDirIterator::Subdirectories);
         it.hasNext();) {
        if (it.next().contains(sha))
            ++files;
    }
    QCOMPARE(files, 1);
}

void TestMediaInbound::rowsAreCommittedBeforeTheWebhookIsAnswered() {
    FakeMediaHost slow; // serves nothing: the download cannot have finished either way
    const QString sid = postInbound(
        {slow.base() + QStringLiteral("/a.png"), slow.base() + QStringLiteral("/b.png")});
    QVERIFY(!sid.isEmpty());
    // The moment the 200 is in, a connection of our own (which sees only what is committed,
    // not the store's open transaction) finds the message and both rows.
    {
        QSqlDatabase probe = sbtest::openServiceDatabase(*m_service, QStringLiteral("probe"));
        QVERIFY(probe.isOpen());
        QSqlQuery q(probe);
        QVERIFY(q.prepare(
            QStringLiteral("SELECT mm.position, mm.url, mm.content_type FROM message_media mm "
                           "JOIN messages m ON m.id = mm.message_id WHERE m.sid = ? "
                           "ORDER BY mm.position")));
        q.addBindValue(sid);
        QVERIFY(q.exec());
        QVERIFY(q.next());
        QCOMPARE(q.value(1).toString(), slow.base() + QStringLiteral("/a.png"));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 1);
        QCOMPARE(q.value(2).toString(), QStringLiteral("image/png"));
        QVERIFY(!q.next());
    }
    QSqlDatabase::removeDatabase(QStringLiteral("probe"));
    // Twilio retrying the same webhook adds nothing.
    QCOMPARE(
        postInbound(
            {slow.base() + QStringLiteral("/a.png"), slow.base() + QStringLiteral("/b.png")}, sid),
        sid);
    QCOMPARE(rowsOf(sid).size(), 2);
}

void TestMediaInbound::foreignHostNamedByAWebhookGetsNoCredentials() {
    FakeMediaHost evil; // "localhost" on its own port: neither Twilio nor the API base
    evil.serve(QStringLiteral("/evil.png"), {200, "image/png", "not a picture", {}});
    const QString sid =
        postInbound({evil.base(QStringLiteral("localhost")) + QStringLiteral("/evil.png")});
    QVERIFY(!sid.isEmpty());
    QCOMPARE(waitForState(sid, QStringLiteral("stored"), 1).size(), 1);
    QCOMPARE(evil.seen().size(), 1);
    QVERIFY2(evil.seen().first().authorization.isEmpty(),
             "an Authorization header reached a host that is not the API base");
}

void TestMediaInbound::notDownloadedYetIs503WithTheReason() {
    FakeMediaHost host;
    host.script(QStringLiteral("/later.png"),
                {{404, "text/plain", "gone", {}}, {404, "text/plain", "gone", {}}});
    const QString sid = postInbound({host.base() + QStringLiteral("/later.png")});
    const QJsonArray failed = waitForState(sid, QStringLiteral("failed"), 1);
    QCOMPARE(failed.size(), 1);
    QVERIFY(failed.first().toObject().value("error").toString().contains("HTTP 404"));
    const sbtest::Reply r = get(QStringLiteral("messages/%1/media/0").arg(sid));
    QCOMPARE(r.status, 503);
    QCOMPARE(r.header("Retry-After"), QByteArray("5"));
    const QJsonObject error = r.json().value("error").toObject();
    QCOMPARE(error.value("state").toString(), QStringLiteral("failed"));
    QVERIFY(error.value("reason").toString().contains("HTTP 404"));
    // Once the host serves it, the back-off's next attempt gets it.
    host.serve(QStringLiteral("/later.png"), {200, "image/png", "now it is here", {}});
    QCOMPARE(waitForState(sid, QStringLiteral("stored"), 1).size(), 1);
    QCOMPARE(get(QStringLiteral("messages/%1/media/0").arg(sid)).body,
             QByteArray("now it is here"));
}

void TestMediaInbound::unknownMessageOrPositionIs404() {
    QCOMPARE(get(QStringLiteral("messages/MMnope/media")).status, 404);
    QCOMPARE(get(QStringLiteral("messages/MMnope/media/0")).status, 404);
    FakeMediaHost host;
    const QString sid = postInbound({host.base() + QStringLiteral("/x.png")});
    QCOMPARE(get(QStringLiteral("messages/%1/media/1").arg(sid)).status, 404);
    QCOMPARE(get(QStringLiteral("messages/%1/media/x").arg(sid)).status, 404);
}

void TestMediaInbound::apiNeedsTheToken() {
    QCOMPARE(m_http.get(api(QStringLiteral("messages/MM1/media"))).status, 401);
    QCOMPARE(
        m_http.get(api(QStringLiteral("messages/MM1/media/0")), {{"Authorization", "Bearer wrong"}})
            .status,
        401);
}

void TestMediaInbound::sandboxMediaNeedBasicAuth() {
    const SandboxMedia::Sample *photo = SandboxMedia::find(QStringLiteral("photo"));
    QUrl url = m_service->sandboxUrl();
    url.setPath(QStringLiteral("/2010-04-01/Accounts/%1/Messages/MM1/Media/%2")
                    .arg(m_service->config().accountSid, photo->mediaSid));
    QCOMPARE(m_http.get(url).status, 401);
    const QByteArray basic = "Basic " + (m_service->config().accountSid + QLatin1Char(':') +
                                         m_service->config().authToken)
                                            .toUtf8()
                                            .toBase64();
    const sbtest::Reply r = m_http.get(url, {{"Authorization", basic}});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body, photo->bytes);
    QVERIFY(r.body.startsWith("\x89PNG\r\n\x1a\n"));
}

void TestMediaInbound::malformedNumMediaIsRefused() {
    FormFields form{{QStringLiteral("MessageSid"), QStringLiteral("MMbad")},
                    {QStringLiteral("From"), QStringLiteral("+14155550142")},
                    {QStringLiteral("NumMedia"), QStringLiteral("2")},
                    {QStringLiteral("MediaUrl0"), QStringLiteral("https://api.twilio.com/x")}};
    QCOMPARE(postSigned(QStringLiteral("/twilio/incoming-sms"), form).status, 400);
    QCOMPARE(rowsOf(QStringLiteral("MMbad")).size(), 0);
}

QTEST_MAIN(TestMediaInbound)
#include "tst_media_inbound.moc"
