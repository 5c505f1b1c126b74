#include "Await.h"
#include "ServiceFixture.h"
#include "TestSupport.h"
#include "db/Store.h"
#include "inspector/WebhookInspector.h"
#include "providers/twilio/SignatureValidator.h"
#include "runtime/SwitchboardService.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QScopeGuard>
#include <QSemaphore>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

#include <atomic>

using namespace sb;

// The webhook inspector over loopback against the real embedded server (sandbox mode, an
// injected clock): requests to /twilio/ are kept byte for byte with the answer sent; a refused
// one is explained; a stored one replays into the pipeline (as is, edited, shuffled) and is
// marked as a replay; two of one SID diff; the bounds prune; no secret is stored.
class TestWebhookInspector : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void signedSmsIsCapturedAsReceived();
    void badSignatureIsExplained();
    void explanationIsWorkedOutOnRequestNotAtCapture();
    void replayOfARefusedStatusCallbackUpdatesTheMessage();
    void editAndReplay();
    void diffAndCurl();
    void shuffledReplay();
    void listFiltersAndPages();
    void noSecretInTheRows();
    void ageBoundPrunes();
    void sizeBoundPrunes();
    void floodBeyondTheBacklogIsDroppedAndCounted();
    void capturesArrivingTogetherKeepTheirOwnVerdicts();
    void aFloodOfRefusedRequestsKeepsItsShareASecond();

private:
    QUrl api(const QString &path) const;
    QUrl hook(const QString &path) const {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_service->port()).arg(path));
    }
    sbtest::Reply signedPost(const QString &path, const QByteArray &body, const QString &signedBase,
                             QList<QPair<QByteArray, QByteArray>> headers = {});
    QJsonArray list(const QString &query);
    QJsonObject record(qint64 id);
    // The newest record for `path` once it is stored (the row follows the answer).
    QJsonObject awaitNewest(const QString &path, qint64 after);
    qint64 newestId();
    QString status(const QString &sid);
    int historyCount(const QString &sid, const QString &status);
    sbtest::Reply replay(qint64 id, const QJsonObject &body = {});
    static QString newSid() {
        return QStringLiteral("SM%1").arg(QUuid::createUuid().toString(QUuid::Id128));
    }

    QTemporaryDir m_dir;
    std::unique_ptr<SwitchboardService> m_service;
    sbtest::Http m_http;
    std::shared_ptr<std::atomic<qint64>> m_now = std::make_shared<std::atomic<qint64>>(
        QDateTime(QDate(2026, 11, 20), QTime(9, 0), Qt::UTC).toMSecsSinceEpoch());
    const QByteArray m_auth = "Bearer inspect-token";
};

void TestWebhookInspector::initTestCase() {
    QString error;
    auto now = m_now;
    m_service = sbtest::startService(
        m_dir.path(), QStringLiteral("inspect-token"), {},
        [now] { return QDateTime::fromMSecsSinceEpoch(now->load(), Qt::UTC); }, &error);
    QVERIFY2(m_service, qPrintable(error));
}

void TestWebhookInspector::cleanupTestCase() {
    m_service.reset();
}

QUrl TestWebhookInspector::api(const QString &path) const {
    return QUrl(
        QStringLiteral("http://127.0.0.1:%1/api/v1/twilio/%2").arg(m_service->port()).arg(path));
}

sbtest::Reply TestWebhookInspector::signedPost(const QString &path, const QByteArray &body,
                                               const QString &signedBase,
                                               QList<QPair<QByteArray, QByteArray>> headers) {
    FormFields fields;
    if (!FormEncoding::decode(body, &fields))
        qFatal("not a form body");
    headers.append(
        qMakePair(QByteArray("Content-Type"), QByteArray("application/x-www-form-urlencoded")));
    headers.append(qMakePair(QByteArray("X-Twilio-Signature"),
                             SignatureValidator::sign(m_service->config().authToken.toUtf8(),
                                                      signedBase + path, fields)));
    return m_http.request("POST", hook(path), body, headers);
}

QJsonArray TestWebhookInspector::list(const QString &query) {
    const sbtest::Reply r =
        m_http.get(api(QStringLiteral("webhooks") + query), {{"Authorization", m_auth}});
    if (r.status != 200)
        qWarning() << r.status << r.body;
    return r.json().value(QLatin1String("webhooks")).toArray();
}

QJsonObject TestWebhookInspector::record(qint64 id) {
    const sbtest::Reply r =
        m_http.get(api(QStringLiteral("webhooks/%1").arg(id)), {{"Authorization", m_auth}});
    return r.status == 200 ? r.json() : QJsonObject();
}

qint64 TestWebhookInspector::newestId() {
    const QJsonArray all = list(QStringLiteral("?limit=1"));
    return all.isEmpty() ? 0 : all.first().toObject().value(QLatin1String("id")).toInteger();
}

QJsonObject TestWebhookInspector::awaitNewest(const QString &path, qint64 after) {
    QJsonObject found;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 5000) {
        const QJsonArray rows = list(QStringLiteral("?limit=1&path=") +
                                     QString::fromLatin1(QUrl::toPercentEncoding(path)));
        if (!rows.isEmpty() &&
            rows.first().toObject().value(QLatin1String("id")).toInteger() > after)
            return record(rows.first().toObject().value(QLatin1String("id")).toInteger());
        QTest::qWait(20);
    }
    return found;
}

QString TestWebhookInspector::status(const QString &sid) {
    const auto r = sbtest::await<StoreResult<std::optional<MessageRecord>>>(
        [&](auto done) { m_service->store()->messageBySid(sid, m_service.get(), done); });
    return r && r->ok() && r->value ? r->value->status : QString();
}

int TestWebhookInspector::historyCount(const QString &sid, const QString &wanted) {
    const auto r = sbtest::await<StoreResult<QList<StatusEvent>>>(
        [&](auto done) { m_service->store()->statusHistory(sid, m_service.get(), done); });
    if (!r || !r->ok())
        return -1;
    return int(std::count_if(r->value.cbegin(), r->value.cend(),
                             [&](const StatusEvent &e) { return e.status == wanted; }));
}

sbtest::Reply TestWebhookInspector::replay(qint64 id, const QJsonObject &body) {
    return m_http.postJson(api(QStringLiteral("webhooks/%1/replay").arg(id)), body,
                           {{"Authorization", m_auth}});
}

void TestWebhookInspector::signedSmsIsCapturedAsReceived() {
    const qint64 before = newestId();
    // Escapes exactly as sent (%C3%A9, %7e not ~, + for space): the raw bytes must come back.
    const QByteArray body = "MessageSid=" + newSid().toLatin1() +
                            "&From=%2B14155550111&To=%2B15005550006&Body=caf%C3%A9+au+lait%7e";
    // A header the capture must escape: quotes, a backslash and a Latin-1 byte.
    const QByteArray odd = "say \"hi\" \\ caf\xe9";
    const sbtest::Reply r =
        signedPost(QStringLiteral("/twilio/incoming-sms?x=a%2Fb"), body,
                   m_service->config().publicBase(m_service->port()),
                   {{"Authorization", "Basic c2VjcmV0OnNlY3JldA=="}, {"X-Odd", odd}});
    QCOMPARE(r.status, 200);
    const QJsonObject rec = awaitNewest(QStringLiteral("/twilio/incoming-sms"), before);
    QVERIFY(!rec.isEmpty());
    QCOMPARE(rec.value("status").toInt(), 200);
    QCOMPARE(rec.value("signature").toString(), QStringLiteral("valid"));
    QCOMPARE(rec.value("method").toString(), QStringLiteral("POST"));
    QCOMPARE(rec.value("target").toString(), QStringLiteral("/twilio/incoming-sms?x=a%2Fb"));
    QCOMPARE(QByteArray::fromBase64(rec.value("bodyBase64").toString().toLatin1()), body);
    QVERIFY(rec.value("elapsedMs").toDouble() > 0);
    QVERIFY(!rec.value("replay").toBool());
    bool signatureKept = false, authRedacted = false, oddKept = false;
    for (const QJsonValue h : rec.value("headers").toArray()) {
        const QString name = h.toObject().value("name").toString().toLower();
        const QString value = h.toObject().value("value").toString();
        if (name == QLatin1String("x-odd"))
            oddKept = value == QString::fromLatin1(odd);
        if (name == QLatin1String("x-twilio-signature"))
            signatureKept = !value.isEmpty();
        if (name == QLatin1String("authorization"))
            authRedacted = value == QLatin1String("[redacted]");
    }
    QVERIFY(signatureKept);
    QVERIFY(authRedacted);
    QVERIFY(oddKept);
}

void TestWebhookInspector::badSignatureIsExplained() {
    const qint64 before = newestId();
    // Twilio calls the tunnel's https URL; the console thinks it is at http://localhost:port.
    const QByteArray body =
        "MessageSid=" + newSid().toLatin1() + "&From=%2B14155550112&To=%2B15005550006&Body=hi";
    const sbtest::Reply r = signedPost(
        QStringLiteral("/twilio/incoming-sms"), body, QStringLiteral("https://tunnel.example.com"),
        {{"X-Forwarded-Proto", "https"}, {"X-Forwarded-Host", "tunnel.example.com"}});
    QCOMPARE(r.status, 403);
    const QJsonObject rec = awaitNewest(QStringLiteral("/twilio/incoming-sms"), before);
    QCOMPARE(rec.value("status").toInt(), 403);
    QCOMPARE(rec.value("signature").toString(), QStringLiteral("invalid"));
    const QJsonObject d = rec.value("diagnosis").toObject();
    QCOMPARE(d.value("outcome").toString(), QStringLiteral("other-url"));
    QCOMPARE(d.value("matchedUrl").toString(),
             QStringLiteral("https://tunnel.example.com/twilio/incoming-sms"));
    QVERIFY2(d.value("suggestion")
                 .toString()
                 .contains(QLatin1String("SWITCHBOARD_PUBLIC_URL to https://tunnel.example.com")),
             qPrintable(d.value("suggestion").toString()));
    QVERIFY(rec.value("explanation").toString().contains(QLatin1String("X-Forwarded")));
    QVERIFY(!list(QStringLiteral("?result=invalid")).isEmpty());
}

void TestWebhookInspector::explanationIsWorkedOutOnRequestNotAtCapture() {
    // A stranger's badly signed request must not cost the console the ~30 HMACs of the
    // explanation: the row keeps the verdict only, the detail works the explanation out.
    const qint64 before = newestId();
    const QByteArray body =
        "MessageSid=" + newSid().toLatin1() + "&From=%2B14155550113&To=%2B15005550006&Body=yo";
    QCOMPARE(
        signedPost(QStringLiteral("/twilio/incoming-sms"), body,
                   QStringLiteral("https://tunnel.example.com"),
                   {{"X-Forwarded-Proto", "https"}, {"X-Forwarded-Host", "tunnel.example.com"}})
            .status,
        403);
    QTRY_VERIFY(newestId() > before);
    const qint64 id = newestId();
    const auto flushed = sbtest::await<bool>(
        [&](auto done) { m_service->store()->flush(m_service.get(), [done] { done(true); }); });
    QVERIFY(flushed);
    QJsonObject stored;
    {
        QSqlDatabase db = sbtest::openServiceDatabase(*m_service, QStringLiteral("peek-diag"));
        QVERIFY(db.isOpen());
        QSqlQuery q(db);
        QVERIFY(q.exec(
            QStringLiteral("SELECT signature, diagnosis FROM webhook_log WHERE id = %1").arg(id)));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("invalid"));
        stored = QJsonDocument::fromJson(q.value(1).toByteArray()).object();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("peek-diag"));
    QCOMPARE(stored.value("outcome").toString(), QStringLiteral("unexplained"));
    QVERIFY(!stored.contains("variants"));
    QVERIFY(stored.value("checkedUrl").toString().endsWith(QLatin1String("/twilio/incoming-sms")));
    // Asked for: the whole explanation, against the URL checked at capture.
    const QJsonObject d = record(id).value("diagnosis").toObject();
    QCOMPARE(d.value("outcome").toString(), QStringLiteral("other-url"));
    QCOMPARE(d.value("checkedUrl").toString(), stored.value("checkedUrl").toString());
    QVERIFY(d.value("variants").toArray().size() > 5);
    QCOMPARE(d.value("matchedUrl").toString(),
             QStringLiteral("https://tunnel.example.com/twilio/incoming-sms"));
}

void TestWebhookInspector::replayOfARefusedStatusCallbackUpdatesTheMessage() {
    const QString sid = newSid();
    QVERIFY(signedPost(QStringLiteral("/twilio/sms-status"),
                       "MessageSid=" + sid.toLatin1() + "&MessageStatus=sent",
                       m_service->config().publicBase(m_service->port()))
                .status == 200);
    QTRY_COMPARE(status(sid), QStringLiteral("sent"));
    const qint64 before = newestId();
    // Refused (signed for another URL): the message is not touched.
    QCOMPARE(signedPost(QStringLiteral("/twilio/sms-status"),
                        "MessageSid=" + sid.toLatin1() + "&MessageStatus=delivered",
                        QStringLiteral("https://elsewhere.example"))
                 .status,
             403);
    const QJsonObject refused = awaitNewest(QStringLiteral("/twilio/sms-status"), before);
    QCOMPARE(refused.value("sid").toString(), sid);
    QCOMPARE(status(sid), QStringLiteral("sent"));

    const qint64 id = refused.value("id").toInteger();
    for (int i = 0; i < 2; ++i) {
        const sbtest::Reply r = replay(id);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value("status").toInt(), 200);
        const QJsonObject replayed = record(r.json().value("replayId").toInteger());
        QCOMPARE(replayed.value("replay").toBool(), true);
        QCOMPARE(replayed.value("replayOf").toInteger(), id);
        QCOMPARE(replayed.value("signature").toString(), QStringLiteral("replay"));
        bool marked = false;
        for (const QJsonValue h : replayed.value("headers").toArray())
            marked |=
                h.toObject().value("name").toString() == QLatin1String("X-Switchboard-Replay");
        QVERIFY(marked);
    }
    QCOMPARE(status(sid), QStringLiteral("delivered"));
    QCOMPARE(historyCount(sid, QStringLiteral("delivered")), 1); // twice replayed, once kept
    QCOMPARE(list(QStringLiteral("?result=replay&sid=") + sid).size(), 2);
}

void TestWebhookInspector::editAndReplay() {
    const QString sid = newSid();
    const qint64 before = newestId();
    QVERIFY(signedPost(QStringLiteral("/twilio/sms-status"),
                       "MessageSid=" + sid.toLatin1() + "&MessageStatus=sent",
                       m_service->config().publicBase(m_service->port()))
                .status == 200);
    const QJsonObject sent = awaitNewest(QStringLiteral("/twilio/sms-status"), before);
    QCOMPARE(sent.value("sid").toString(), sid);
    QTRY_COMPARE(status(sid), QStringLiteral("sent"));
    const sbtest::Reply r =
        replay(sent.value("id").toInteger(),
               {{"params", QJsonObject{{"MessageStatus", "undelivered"}, {"ErrorCode", "30003"}}}});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value("status").toInt(), 200);
    QCOMPARE(status(sid), QStringLiteral("undelivered"));
    const QJsonObject edited = record(r.json().value("replayId").toInteger());
    QCOMPARE(edited.value("fields").toObject().value("MessageStatus").toString(),
             QStringLiteral("undelivered"));
    QCOMPARE(edited.value("fields").toObject().value("ErrorCode").toString(),
             QStringLiteral("30003"));

    // Not an object: 400 naming the field.
    const sbtest::Reply bad = replay(sent.value("id").toInteger(), {{"params", "x"}});
    QCOMPARE(bad.status, 400);
    QCOMPARE(replay(999999).status, 404);
}

void TestWebhookInspector::diffAndCurl() {
    const QString sid = newSid();
    const QString base = m_service->config().publicBase(m_service->port());
    qint64 before = newestId();
    signedPost(QStringLiteral("/twilio/sms-status"),
               "MessageSid=" + sid.toLatin1() + "&MessageStatus=sent&SmsSid=" + sid.toLatin1(),
               base);
    const qint64 a =
        awaitNewest(QStringLiteral("/twilio/sms-status"), before).value("id").toInteger();
    before = a;
    signedPost(QStringLiteral("/twilio/sms-status"),
               "MessageSid=" + sid.toLatin1() + "&MessageStatus=failed&ErrorCode=30008", base);
    const qint64 b =
        awaitNewest(QStringLiteral("/twilio/sms-status"), before).value("id").toInteger();
    QVERIFY(a && b && a != b);
    const sbtest::Reply d = m_http.get(api(QStringLiteral("webhooks/%1/diff/%2").arg(a).arg(b)),
                                       {{"Authorization", m_auth}});
    QCOMPARE(d.status, 200);
    const QJsonObject diff = d.json();
    QCOMPARE(diff.value("added").toObject(), (QJsonObject{{"ErrorCode", "30008"}}));
    QCOMPARE(diff.value("removed").toObject(), (QJsonObject{{"SmsSid", sid}}));
    QCOMPARE(diff.value("changed").toObject().value("MessageStatus").toObject(),
             (QJsonObject{{"from", "sent"}, {"to", "failed"}}));
    // Another SID: refused.
    QCOMPARE(m_http
                 .get(api(QStringLiteral("webhooks/%1/diff/%2").arg(a).arg(1)),
                      {{"Authorization", m_auth}})
                 .status,
             409);

    const sbtest::Reply c =
        m_http.get(api(QStringLiteral("webhooks/%1/curl").arg(b)), {{"Authorization", m_auth}});
    QCOMPARE(c.status, 200);
    const QString curl = QString::fromUtf8(c.body);
    QVERIFY2(curl.startsWith(QStringLiteral("curl -X POST '%1/twilio/sms-status'").arg(base)),
             qPrintable(curl));
    QVERIFY(curl.contains(QLatin1String("-H 'X-Twilio-Signature: ")));
    QVERIFY(curl.contains(QLatin1String("--data-binary 'MessageSid=")));
    // The command works: sent as is, it is accepted (signature included).
    QString command = curl.trimmed();
    command.replace(
        QStringLiteral("'%1/twilio/sms-status'").arg(base),
        QStringLiteral("'%1'").arg(hook(QStringLiteral("/twilio/sms-status")).toString()));
    command += QStringLiteral(" -s -o /dev/null -w '%{http_code}'");
    QProcess process;
    process.start(QStringLiteral("sh"), {QStringLiteral("-c"), command});
    QVERIFY(process.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(process.state() == QProcess::NotRunning, 10000);
    // Host is localhost:port in the signed URL and 127.0.0.1 on the wire: the URL signed is
    // the public one, so it passes.
    QCOMPARE(process.readAllStandardOutput(), QByteArray("200"));
}

void TestWebhookInspector::shuffledReplay() {
    const QString sid = newSid();
    const QString base = m_service->config().publicBase(m_service->port());
    const QStringList statuses{QStringLiteral("queued"), QStringLiteral("sent"),
                               QStringLiteral("delivered")};
    qint64 last = newestId();
    for (const QString &s : statuses) {
        QCOMPARE(signedPost(QStringLiteral("/twilio/sms-status"),
                            "MessageSid=" + sid.toLatin1() + "&MessageStatus=" + s.toLatin1(), base)
                     .status,
                 200);
        last = awaitNewest(QStringLiteral("/twilio/sms-status"), last).value("id").toInteger();
    }
    const sbtest::Reply r = replay(last, {{"shuffle", true}});
    QCOMPARE(r.status, 200);
    const QJsonArray order = r.json().value("order").toArray();
    QCOMPARE(order.size(), 3);
    QSet<qint64> originals;
    for (const QJsonValue v : order) {
        QCOMPARE(v.toObject().value("status").toInt(), 200);
        QVERIFY(v.toObject().value("replayId").toInteger() > 0);
        originals.insert(v.toObject().value("id").toInteger());
    }
    QCOMPARE(originals.size(), 3);
    // Whatever the order, the status never goes back.
    QCOMPARE(status(sid), QStringLiteral("delivered"));
}

void TestWebhookInspector::listFiltersAndPages() {
    const QJsonArray firstPage = list(QStringLiteral("?limit=2"));
    QCOMPARE(firstPage.size(), 2);
    const qint64 a = firstPage.at(0).toObject().value("id").toInteger();
    const qint64 b = firstPage.at(1).toObject().value("id").toInteger();
    QVERIFY(a > b); // newest first
    const QJsonArray next = list(QStringLiteral("?limit=2&before=%1").arg(b));
    QVERIFY(!next.isEmpty());
    QVERIFY(next.at(0).toObject().value("id").toInteger() < b);
    for (const QJsonValue v : list(QStringLiteral("?path=/twilio/sms-status")))
        QCOMPARE(v.toObject().value("path").toString(), QStringLiteral("/twilio/sms-status"));
    const QString now =
        QDateTime::fromMSecsSinceEpoch(m_now->load(), Qt::UTC).toString(Qt::ISODate);
    QVERIFY(
        !list(QStringLiteral("?until=") + now.left(10) + QStringLiteral("T23:59:59Z")).isEmpty());
    QVERIFY(list(QStringLiteral("?since=2030-01-01T00:00:00Z")).isEmpty());
    const sbtest::Reply bad = m_http.get(api(QStringLiteral("webhooks?since=yesterday&limit=0")),
                                         {{"Authorization", m_auth}});
    QCOMPARE(bad.status, 400);
    QCOMPARE(m_http.get(api(QStringLiteral("webhooks"))).status, 401);
}

void TestWebhookInspector::ageBoundPrunes() {
    const QString base = m_service->config().publicBase(m_service->port());
    const qint64 before = newestId();
    QVERIFY(before > 0);
    m_now->fetch_add(8LL * 24 * 3600 * 1000); // past the default 7 days
    const QString sid = newSid();
    signedPost(QStringLiteral("/twilio/sms-status"),
               "MessageSid=" + sid.toLatin1() + "&MessageStatus=sent", base);
    const qint64 fresh =
        awaitNewest(QStringLiteral("/twilio/sms-status"), before).value("id").toInteger();
    WebhookInspector *inspector = m_service->webhookInspector();
    const auto removed = sbtest::await<int>([&](auto done) {
        QMetaObject::invokeMethod(inspector, [inspector, me = Receiver(m_service.get()), done] {
            inspector->prune(me, done);
        });
    });
    QVERIFY(removed);
    QVERIFY(*removed > 0);
    const QJsonArray left = list(QStringLiteral("?limit=500"));
    QCOMPARE(left.size(), 1);
    QCOMPARE(left.first().toObject().value("id").toInteger(), fresh);
}

void TestWebhookInspector::sizeBoundPrunes() {
    QTemporaryDir dir;
    QProcessEnvironment env;
    env.insert(QStringLiteral("SWITCHBOARD_INSPECTOR_MAX_MB"), QStringLiteral("0.02")); // ~20 KB
    QString error;
    auto service =
        sbtest::startService(dir.path(), QStringLiteral("inspect-token"), env, {}, &error);
    QVERIFY2(service, qPrintable(error));
    QCOMPARE(service->config().inspectorMaxBytes, qint64(0.02 * 1024 * 1024));
    const QString base = service->config().publicBase(service->port());
    const QString url =
        QStringLiteral("http://127.0.0.1:%1/twilio/sms-status").arg(service->port());
    for (int i = 0; i < 20; ++i) {
        const FormFields fields{{QStringLiteral("MessageSid"), newSid()},
                                {QStringLiteral("MessageStatus"), QStringLiteral("sent")},
                                {QStringLiteral("Padding"), QString(1000, QLatin1Char('x'))}};
        QCOMPARE(m_http
                     .postForm(QUrl(url), fields,
                               {{"X-Twilio-Signature",
                                 SignatureValidator::sign(
                                     service->config().authToken.toUtf8(),
                                     base + QStringLiteral("/twilio/sms-status"), fields)}})
                     .status,
                 200);
    }
    // Each capture here is over a twentieth of the bound, so each one's prune follows its
    // insert: once the last is stored, the log is within the bound with no prune asked for.
    const auto listed = [&] {
        return m_http
            .get(QUrl(QStringLiteral("http://127.0.0.1:%1/api/v1/twilio/webhooks?limit=500")
                          .arg(service->port())),
                 {{"Authorization", m_auth}})
            .json()
            .value("webhooks")
            .toArray();
    };
    const auto newestListed = [&] {
        const QJsonArray rows = listed();
        return rows.isEmpty() ? 0 : rows.first().toObject().value("id").toInteger();
    };
    QTRY_COMPARE(newestListed(), 20);
    QVERIFY2(listed().size() < 20, qPrintable(QString::number(listed().size())));
    WebhookInspector *inspector = service->webhookInspector();
    const auto removed = sbtest::await<int>([&](auto done) {
        QMetaObject::invokeMethod(inspector, [inspector, me = Receiver(service.get()), done] {
            inspector->prune(me, done);
        });
    });
    QVERIFY(removed);
    QVERIFY2(*removed >= 0, qPrintable(QString::number(*removed)));
    const sbtest::Reply r =
        m_http.get(QUrl(QStringLiteral("http://127.0.0.1:%1/api/v1/twilio/webhooks?limit=500")
                            .arg(service->port())),
                   {{"Authorization", m_auth}});
    const QJsonArray left = r.json().value("webhooks").toArray();
    QVERIFY(!left.isEmpty());
    QVERIFY2(left.size() >= 5 && left.size() < 20, qPrintable(QString::number(left.size())));
    // The newest are the ones kept (ids without a gap down from the newest), within the bound.
    const qint64 newest = left.first().toObject().value("id").toInteger();
    QCOMPARE(newest, 20);
    QCOMPARE(left.last().toObject().value("id").toInteger(), newest - left.size() + 1);
    QVERIFY(left.size() * 1000 <= 20 * 1024);
}

void TestWebhookInspector::floodBeyondTheBacklogIsDroppedAndCounted() {
    // The store is held up (a job that waits), as a flood of junk outruns a real one: the
    // inspector keeps maxBacklog captures waiting and drops the rest, counted, rather than
    // queueing every request (each holds its whole body) without bound.
    const qint64 before = newestId();
    const int backlog = WebhookInspector::Options().maxBacklog;
    auto hold = std::make_shared<QSemaphore>();
    auto held = std::make_shared<QSemaphore>();
    m_service->store()->run<bool>(
        Receiver(m_service.get()),
        [hold, held](StoreWorker &, QString *) -> std::optional<bool> {
            held->release();
            hold->acquire();
            return true;
        },
        [](const StoreResult<bool> &) {});
    QVERIFY(held->tryAcquire(1, 5000));
    // Every refused request is kept here (the per-second share is tested on its own).
    m_service->webhookInspector()->setRefusedPerSecond(0);
    const auto restoreShare = qScopeGuard([this] {
        m_service->webhookInspector()->setRefusedPerSecond(
            WebhookInspector::Options().refusedPerSecond);
    });
    const int junk = backlog + 44;
    const QByteArray body = "MessageSid=SMjunk&MessageStatus=delivered&" + QByteArray(512, 'j');
    for (int i = 0; i < junk; ++i) {
        // Unsigned: refused by the signature check, which needs no store.
        const sbtest::Reply r =
            m_http.request("POST", hook(QStringLiteral("/twilio/sms-status")), body,
                           {{"Content-Type", "application/x-www-form-urlencoded"}});
        QCOMPARE(r.status, 403);
    }
    hold->release();
    QTRY_COMPARE_WITH_TIMEOUT(newestId(), before + backlog, 10000);
    const sbtest::Reply metrics =
        m_http.get(QUrl(QStringLiteral("http://127.0.0.1:%1/metrics").arg(m_service->port())),
                   {{"Authorization", m_auth}});
    QCOMPARE(metrics.status, 200);
    QVERIFY2(metrics.body.contains("\nswitchboard_inspector_dropped_total 44\n"),
             metrics.body.constData());
    // Nothing more comes later: the dropped ones are gone, not late.
    QTest::qWait(300);
    QCOMPARE(newestId(), before + backlog);
}

void TestWebhookInspector::capturesArrivingTogetherKeepTheirOwnVerdicts() {
    // Sent at once on parallel connections, so captures are made in the same passes of the
    // server's loop and written by the same store jobs: each row must still be its own
    // request, with its own verdict and answer.
    m_service->webhookInspector()->setRefusedPerSecond(0);
    const auto restoreShare = qScopeGuard([this] {
        m_service->webhookInspector()->setRefusedPerSecond(
            WebhookInspector::Options().refusedPerSecond);
    });
    const qint64 before = newestId();
    const QString path = QStringLiteral("/twilio/sms-status");
    const QString base = m_service->config().publicBase(m_service->port());
    QNetworkAccessManager nam;
    QHash<QString, bool> signedBySid;            // sid -> sent with a valid signature
    QList<QPair<QNetworkReply *, bool>> replies; // and whether it was signed
    for (int i = 0; i < 18; ++i) {
        const QString sid = newSid();
        const bool valid = i % 3 != 0;
        signedBySid.insert(sid, valid);
        const QByteArray body = "MessageSid=" + sid.toLatin1() + "&MessageStatus=sent";
        FormFields fields;
        QVERIFY(FormEncoding::decode(body, &fields));
        QNetworkRequest request(hook(path));
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/x-www-form-urlencoded"));
        request.setRawHeader("X-Twilio-Signature",
                             valid
                                 ? SignatureValidator::sign(m_service->config().authToken.toUtf8(),
                                                            base + path, fields)
                                 : QByteArrayLiteral("bm90IGl0"));
        replies.append({nam.post(request, body), valid});
    }
    QTRY_VERIFY_WITH_TIMEOUT(std::all_of(replies.cbegin(), replies.cend(),
                                         [](const auto &r) { return r.first->isFinished(); }),
                             10000);
    for (const auto &[reply, valid] : std::as_const(replies)) {
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                 valid ? 200 : 403);
        reply->deleteLater();
    }
    QTRY_COMPARE_WITH_TIMEOUT(newestId(), before + signedBySid.size(), 10000);
    const QJsonArray rows = list(QStringLiteral("?limit=%1").arg(signedBySid.size()));
    QCOMPARE(rows.size(), signedBySid.size());
    QSet<QString> seen;
    for (const QJsonValue v : rows) {
        const QJsonObject row = v.toObject();
        const QString sid = row.value(QLatin1String("sid")).toString();
        QVERIFY2(signedBySid.contains(sid), qPrintable(sid));
        QVERIFY2(!seen.contains(sid), "a request was captured twice");
        seen.insert(sid);
        const bool valid = signedBySid.value(sid);
        QCOMPARE(row.value(QLatin1String("signature")).toString(),
                 valid ? QStringLiteral("valid") : QStringLiteral("invalid"));
        QCOMPARE(row.value(QLatin1String("status")).toInt(), valid ? 200 : 403);
    }
}

void TestWebhookInspector::aFloodOfRefusedRequestsKeepsItsShareASecond() {
    // Junk at full speed: the first refusedPerSecond each second are kept (enough to see why
    // requests are turned away), the rest counted, so the flood neither pushes the real
    // captures out of the log nor fills the store; an accepted webhook is always kept.
    const int share = WebhookInspector::Options().refusedPerSecond;
    QVERIFY(share > 0);
    const sbtest::Reply before =
        m_http.get(QUrl(QStringLiteral("http://127.0.0.1:%1/metrics").arg(m_service->port())),
                   {{"Authorization", m_auth}});
    const qint64 firstId = newestId();
    const QByteArray body = "MessageSid=SMjunk&MessageStatus=delivered";
    QTest::qWait(1100); // a refused request of an earlier test may have opened this second
    QElapsedTimer sending;
    sending.start();
    const int junk = 5 * share;
    for (int i = 0; i < junk; ++i) {
        const sbtest::Reply r =
            m_http.request("POST", hook(QStringLiteral("/twilio/sms-status")), body,
                           {{"Content-Type", "application/x-www-form-urlencoded"}});
        QCOMPARE(r.status, 403);
    }
    const qint64 seconds = sending.elapsed() / 1000 + 1; // windows the flood touched, at most
    if (seconds > 4)
        QSKIP("the machine sent too slowly for the share to be reached");
    const QString sid = newSid();
    const QString path = QStringLiteral("/twilio/sms-status");
    const sbtest::Reply accepted =
        signedPost(path, "MessageSid=" + sid.toUtf8() + "&MessageStatus=sent",
                   m_service->config().publicBase(m_service->port()));
    QVERIFY(accepted.status != 403);
    // Captures are stored in the order answered: once the accepted one is in, so is the junk.
    QTRY_VERIFY(!list(QStringLiteral("?limit=1&sid=") + sid).isEmpty());
    QCOMPARE(
        list(QStringLiteral("?limit=1")).first().toObject().value(QLatin1String("sid")).toString(),
        sid);
    const qint64 kept = newestId() - firstId - 1;
    QVERIFY2(kept >= share && kept <= seconds * share,
             qPrintable(
                 QStringLiteral("%1 of %2 refused kept in %3 s").arg(kept).arg(junk).arg(seconds)));
    const sbtest::Reply metrics =
        m_http.get(QUrl(QStringLiteral("http://127.0.0.1:%1/metrics").arg(m_service->port())),
                   {{"Authorization", m_auth}});
    const auto counter = [](const QByteArray &text) {
        const QByteArray key = "\nswitchboard_inspector_refused_skipped_total ";
        const qsizetype at = text.indexOf(key);
        return at < 0 ? -1 : text.mid(at + key.size()).split('\n').first().toLongLong();
    };
    QVERIFY(counter(before.body) >= 0);
    QCOMPARE(counter(metrics.body) - counter(before.body), junk - kept);
}

void TestWebhookInspector::noSecretInTheRows() {
    const QByteArray token = m_service->config().authToken.toUtf8();
    QVERIFY(!token.isEmpty());
    const auto flushed = sbtest::await<bool>(
        [&](auto done) { m_service->store()->flush(m_service.get(), [done] { done(true); }); });
    QVERIFY(flushed);
    {
        QSqlDatabase db = sbtest::openServiceDatabase(*m_service, QStringLiteral("peek"));
        QVERIFY(db.isOpen());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("SELECT * FROM webhook_log")));
        int rows = 0;
        while (q.next()) {
            ++rows;
            for (int i = 0; i < q.record().count(); ++i) {
                const QByteArray value = q.value(i).toByteArray();
                QVERIFY2(!value.contains(token), qPrintable(q.record().fieldName(i)));
                QVERIFY(!value.contains("inspect-token"));
                QVERIFY(!value.contains("c2VjcmV0OnNlY3JldA=="));
            }
        }
        QVERIFY(rows > 0);
    }
    QSqlDatabase::removeDatabase(QStringLiteral("peek"));
}

QTEST_GUILESS_MAIN(TestWebhookInspector)
#include "tst_webhookinspector.moc"
