#include "Await.h"
#include "PgTestServer.h"
#include "ServiceFixture.h"
#include "TestSupport.h"
#include "db/Store.h"
#include "email/EmailFeed.h"
#include "email/EmailRoutes.h"
#include "email/EmailSandbox.h"
#include "email/EmailStore.h"
#include "providers/sendgrid/SendGridEventSigner.h"
#include "providers/sendgrid/SendGridEventValidator.h"
#include "runtime/BuiltInChannels.h"
#include "runtime/SwitchboardService.h"
#include "sandbox/Sandbox.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace sb;
using sbtest::await;

// SendGrid's Event Webhook at /sendgrid/events with a key the test made (SENDGRID_WEBHOOK_
// PUBLIC_KEY), the sends going to a SendGrid stand-in that posts no events, so every event is
// one the test signs and posts: deduplicated on sg_event_id, never moving a status backwards,
// refused with 403 (and nothing stored) when tampered, signed with another key or stale, and
// 500 when the store fails. Also the crash rule: an email left `submitted` by a run that died
// between SendGrid's request and its answer becomes `unknown` and is never sent again.
class TestEmailEvents : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void emailLeftBetweenRequestAndAnswerIsUnknownNotResent();
    void eventsAreDeduplicatedAndNeverMoveBackwards();
    void eventWithoutCustomArgIsMatchedByMessageId();
    void refusedBatchesStoreNothing_data();
    void refusedBatchesStoreNothing();
    void refusedBatchReplaysFromTheInspector();
    void spamReportSuppressesTheAddress();
    void feedAnnouncesEveryChangeToAnEmail();
    void storeFailureIs500AndTheRetryIsStored();

private:
    QUrl url(const QString &path) const;
    QPair<QString, QString> sendEmail(const QString &to); // id, sgMessageId
    QJsonObject status(const QString &id);
    sbtest::Reply post(const QByteArray &body, const SendGridEventSigner &signer,
                       qint64 timestamp = 0, const QByteArray &sentBody = {});
    QByteArray batch(const QList<QJsonObject> &events) const;
    QJsonObject event(const QString &id, const QString &sgMessageId, const QString &event,
                      const QString &eventId, const QString &to = "ana@example.com") const;
    static QStringList events(const QJsonObject &status);

    QTemporaryDir m_dir;
    std::unique_ptr<Sandbox> m_sendgrid;
    SendGridEventSigner m_signer;
    std::unique_ptr<SwitchboardService> m_service;
    sbtest::Http m_http;
    QObject m_ctx;
    const QByteArray m_auth = "Bearer events-token";
};

void TestEmailEvents::initTestCase() {
    QVERIFY(m_signer.isValid());
    m_sendgrid = std::make_unique<Sandbox>(SandboxOptions{});
    EmailSandbox::install(*m_sendgrid, QString()); // accepts mail, posts no events
    const quint16 sendgridPort = m_sendgrid->listen(QHostAddress::LocalHost, 0);
    QVERIFY(sendgridPort);

    // What a run killed between SendGrid's request and its answer leaves: the email stored,
    // its outbox entry `submitted`.
    {
        Store store(m_dir.filePath(QStringLiteral("switchboard.sqlite")),
                    sbtest::PgTestServer::sharedDatabaseFor(
                        m_dir.filePath(QStringLiteral("switchboard.sqlite"))));
        for (const auto &channel : builtInChannels())
            if (!channel->schema().isEmpty())
                store.addSchema({channel->id(), channel->schema()});
        QVERIFY(await<StoreResult<bool>>([&](auto done) { store.open(&m_ctx, done); })->ok());
        EmailDraft draft;
        draft.emailId = QStringLiteral("EMleftover");
        draft.to = {{QStringLiteral("ana@example.com"), {}}};
        draft.from = {QStringLiteral("support@example.com"), {}};
        draft.subject = QStringLiteral("Sent just before the crash");
        draft.text = QStringLiteral("...");
        QVERIFY(await<StoreResult<QList<EmailSuppression>>>([&](auto done) {
                    EmailStore::create(&store, draft, &m_ctx, done);
                })->ok());
        OutboundDraft outbound;
        outbound.channel = QStringLiteral("email");
        outbound.from = draft.from.email;
        outbound.to = draft.to.at(0).email;
        outbound.body = draft.subject;
        outbound.clientRef = draft.emailId;
        const auto created = await<StoreResult<OutboxEntry>>(
            [&](auto done) { store.createOutbound(outbound, &m_ctx, done); });
        QVERIFY(created->ok());
        QVERIFY(await<StoreResult<OutboxEntry>>([&](auto done) {
                    store.markSubmitted(created->value.id, &m_ctx, done);
                })->ok());
    }

    QProcessEnvironment env;
    env.insert(QStringLiteral("SENDGRID_API_KEY"), m_sendgrid->sendgridApiKey());
    env.insert(QStringLiteral("SENDGRID_API_BASE_URL"),
               QStringLiteral("http://127.0.0.1:%1").arg(sendgridPort));
    env.insert(QStringLiteral("SENDGRID_WEBHOOK_PUBLIC_KEY"),
               QString::fromLatin1(m_signer.publicKeyBase64()));
    QString error;
    m_service = sbtest::startService(m_dir.path(), QStringLiteral("events-token"), env, {}, &error);
    QVERIFY2(m_service, qPrintable(error));
}

void TestEmailEvents::cleanupTestCase() {
    m_service.reset();
    m_sendgrid.reset();
}

QUrl TestEmailEvents::url(const QString &path) const {
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_service->port()).arg(path));
}

QPair<QString, QString> TestEmailEvents::sendEmail(const QString &to) {
    const sbtest::Reply r = m_http.postJson(
        url(QStringLiteral("/api/v1/twilio/send-email")),
        {{"to", to}, {"from", "support@example.com"}, {"subject", "Hello"}, {"text", "Hi"}},
        {{"Authorization", m_auth}});
    if (r.status != 202)
        qWarning() << r.status << r.body;
    return {r.json().value(QLatin1String("id")).toString(),
            r.json().value(QLatin1String("sgMessageId")).toString()};
}

QJsonObject TestEmailEvents::status(const QString &id) {
    return m_http
        .get(url(QStringLiteral("/api/v1/twilio/email-status/") + id), {{"Authorization", m_auth}})
        .json();
}

QStringList TestEmailEvents::events(const QJsonObject &status) {
    QStringList list;
    for (const QJsonValue e : status.value(QLatin1String("events")).toArray())
        list.append(e.toObject().value(QLatin1String("event")).toString());
    return list;
}

QByteArray TestEmailEvents::batch(const QList<QJsonObject> &events) const {
    QJsonArray array;
    for (const QJsonObject &e : events)
        array.append(e);
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

QJsonObject TestEmailEvents::event(const QString &id, const QString &sgMessageId,
                                   const QString &event, const QString &eventId,
                                   const QString &to) const {
    QJsonObject e{{"email", to},
                  {"timestamp", QDateTime::currentSecsSinceEpoch()},
                  {"event", event},
                  {"sg_event_id", eventId},
                  {"sg_message_id", sgMessageId + QStringLiteral(".filter0001-1-0")}};
    if (!id.isEmpty())
        e.insert(QStringLiteral("switchboard_id"), id);
    return e;
}

sbtest::Reply TestEmailEvents::post(const QByteArray &body, const SendGridEventSigner &signer,
                                    qint64 timestamp, const QByteArray &sentBody) {
    const QByteArray ts =
        QByteArray::number(timestamp ? timestamp : QDateTime::currentSecsSinceEpoch());
    return m_http.request("POST", url(EmailRoutes::events()), sentBody.isNull() ? body : sentBody,
                          {{"Content-Type", "application/json"},
                           {SendGridEventValidator::TimestampHeader, ts},
                           {SendGridEventValidator::SignatureHeader, signer.sign(ts, body)}});
}

void TestEmailEvents::emailLeftBetweenRequestAndAnswerIsUnknownNotResent() {
    // Resumed at start-up: SendGrid cannot be asked, so it is not sent again.
    QJsonObject s;
    QTRY_VERIFY_WITH_TIMEOUT((s = status(QStringLiteral("EMleftover"))).value("status") ==
                                 QLatin1String("unknown"),
                             5000);
    QCOMPARE(s.value(QLatin1String("outboxState")).toString(), QStringLiteral("failed"));
    QVERIFY2(s.value(QLatin1String("error")).toString().contains(QLatin1String("not sent again")),
             qPrintable(QJsonDocument(s).toJson()));
    QVERIFY(s.value(QLatin1String("sgMessageId")).toString().isEmpty()); // never accepted again
    // Had SendGrid accepted it after all, its events still move it on.
    QCOMPARE(post(batch({event(QStringLiteral("EMleftover"), QStringLiteral("lost"),
                               QStringLiteral("delivered"), QStringLiteral("left-1"))}),
                  m_signer)
                 .status,
             200);
    QCOMPARE(status(QStringLiteral("EMleftover")).value("status").toString(),
             QStringLiteral("delivered"));
}

void TestEmailEvents::eventsAreDeduplicatedAndNeverMoveBackwards() {
    const auto [id, sgId] = sendEmail(QStringLiteral("ana@example.com"));
    QVERIFY(!id.isEmpty());
    QCOMPARE(status(id).value("status").toString(), QStringLiteral("queued"));

    // delivered arrives before processed: processed is kept in the timeline, status stays.
    QCOMPARE(post(batch({event(id, sgId, "delivered", id + "-d")}), m_signer).status, 200);
    QCOMPARE(status(id).value("status").toString(), QStringLiteral("delivered"));
    QCOMPARE(post(batch({event(id, sgId, "processed", id + "-p")}), m_signer).status, 200);
    QCOMPARE(status(id).value("status").toString(), QStringLiteral("delivered"));

    // SendGrid retries a batch, and an open appears twice in one: each is kept once; opens
    // and clicks are kept each time they happen, but never move the status.
    const sbtest::Reply again =
        post(batch({event(id, sgId, "delivered", id + "-d"), event(id, sgId, "open", id + "-o1"),
                    event(id, sgId, "open", id + "-o1"), event(id, sgId, "open", id + "-o2"),
                    event(id, sgId, "click", id + "-c1")}),
             m_signer);
    QCOMPARE(again.status, 200);
    QCOMPARE(again.json().value("new").toInt(), 3);
    const QJsonObject s = status(id);
    QCOMPARE(s.value("status").toString(), QStringLiteral("delivered"));
    QCOMPARE(events(s), (QStringList{"delivered", "processed", "open", "open", "click"}));
}

void TestEmailEvents::eventWithoutCustomArgIsMatchedByMessageId() {
    const auto [id, sgId] = sendEmail(QStringLiteral("bo@example.com"));
    QVERIFY(!sgId.isEmpty());
    QCOMPARE(post(batch({event({}, sgId, "processed", id + "-p")}), m_signer).status, 200);
    QCOMPARE(status(id).value("status").toString(), QStringLiteral("processed"));
}

void TestEmailEvents::refusedBatchesStoreNothing_data() {
    QTest::addColumn<QString>("how");
    QTest::addColumn<QString>("says");
    QTest::newRow("tampered body") << "tampered"
                                   << "signature";
    QTest::newRow("wrong key") << "wrong key"
                               << "signature";
    QTest::newRow("stale timestamp") << "stale"
                                     << "old";
    QTest::newRow("no signature") << "unsigned"
                                  << "Signature";
}

void TestEmailEvents::refusedBatchesStoreNothing() {
    QFETCH(QString, how);
    QFETCH(QString, says);
    const auto [id, sgId] =
        sendEmail(QStringLiteral("cy-%1@example.com").arg(QTest::currentDataTag()).remove(' '));
    const QByteArray body = batch({event(id, sgId, "delivered", id + "-d")});
    sbtest::Reply r;
    if (how == QLatin1String("tampered")) {
        QByteArray tampered = body;
        tampered.replace("delivered", "processed");
        r = post(body, m_signer, 0, tampered);
    } else if (how == QLatin1String("wrong key")) {
        r = post(body, SendGridEventSigner());
    } else if (how == QLatin1String("stale")) {
        r = post(body, m_signer, QDateTime::currentSecsSinceEpoch() - 3600);
    } else {
        r = m_http.request("POST", url(EmailRoutes::events()), body,
                           {{"Content-Type", "application/json"}});
    }
    QCOMPARE(r.status, 403);
    const QString message = r.json().value("error").toObject().value("message").toString();
    QVERIFY2(message.contains(says, Qt::CaseInsensitive), qPrintable(message));
    const QJsonObject s = status(id);
    QCOMPARE(s.value("status").toString(), QStringLiteral("queued"));
    QVERIFY(events(s).isEmpty());
    // The same batch, signed as SendGrid signs it, goes in (the trailing CRLF kept as sent).
    QCOMPARE(post(body + "\r\n", m_signer).status, 200);
    QCOMPARE(status(id).value("status").toString(), QStringLiteral("delivered"));
}

void TestEmailEvents::refusedBatchReplaysFromTheInspector() {
    // The inspector's replay skips the signature check, for SendGrid's batches as for
    // Twilio's webhooks: the check is the route's filter, which an injected request skips;
    // from the network, the same bytes are still refused.
    const auto [id, sgId] = sendEmail(QStringLiteral("replay@example.com"));
    const QByteArray body = batch({event(id, sgId, "delivered", id + "-d")});
    QCOMPARE(post(body, m_signer, QDateTime::currentSecsSinceEpoch() - 3600).status, 403);
    qint64 webhook = 0;
    const auto newest = [&] {
        const QJsonArray rows =
            m_http
                .get(url(QStringLiteral("/api/v1/twilio/webhooks?limit=1&path=/sendgrid/events")),
                     {{"Authorization", m_auth}})
                .json()
                .value(QLatin1String("webhooks"))
                .toArray();
        const QJsonObject row = rows.isEmpty() ? QJsonObject() : rows.first().toObject();
        if (row.value(QLatin1String("status")).toInt() == 403)
            webhook = row.value(QLatin1String("id")).toInteger();
        return webhook;
    };
    QTRY_VERIFY(newest() > 0);
    QCOMPARE(status(id).value("status").toString(), QStringLiteral("queued"));
    const sbtest::Reply replayed =
        m_http.postJson(url(QStringLiteral("/api/v1/twilio/webhooks/%1/replay").arg(webhook)), {},
                        {{"Authorization", m_auth}});
    QCOMPARE(replayed.status, 200);
    QVERIFY2(replayed.json().value("status").toInt() == 200, replayed.body.constData());
    QCOMPARE(status(id).value("status").toString(), QStringLiteral("delivered"));
    // Claiming to be a replay from outside changes nothing.
    const QByteArray ts = QByteArray::number(QDateTime::currentSecsSinceEpoch() - 3600);
    QCOMPARE(m_http
                 .request("POST", url(EmailRoutes::events()), body,
                          {{"Content-Type", "application/json"},
                           {"X-Switchboard-Replay", QByteArray::number(webhook)},
                           {SendGridEventValidator::TimestampHeader, ts},
                           {SendGridEventValidator::SignatureHeader, m_signer.sign(ts, body)}})
                 .status,
             403);
}

void TestEmailEvents::spamReportSuppressesTheAddress() {
    const auto [id, sgId] = sendEmail(QStringLiteral("dee@example.com"));
    QCOMPARE(post(batch({event(id, sgId, "delivered", id + "-d"),
                         event(id, sgId, "spamreport", id + "-s", "dee@example.com")}),
                  m_signer)
                 .status,
             200);
    QCOMPARE(status(id).value("status").toString(), QStringLiteral("spamreport"));
    const sbtest::Reply refused = m_http.postJson(url(QStringLiteral("/api/v1/twilio/send-email")),
                                                  {{"to", "dee@example.com"},
                                                   {"from", "support@example.com"},
                                                   {"subject", "Hi"},
                                                   {"text", "x"}},
                                                  {{"Authorization", m_auth}});
    QCOMPARE(refused.status, 400);
    const QJsonObject error = refused.json().value("error").toObject();
    QCOMPARE(error.value("field").toString(), QStringLiteral("to"));
    QVERIFY(error.value("message").toString().contains(QLatin1String("spam")));
}

void TestEmailEvents::feedAnnouncesEveryChangeToAnEmail() {
    // What the Email tab's table and timeline are fed with: the email once stored and accepted,
    // then again for each event, an open (which moves no status) included.
    EmailFeed feed(m_service->store());
    QSignalSpy changed(&feed, &EmailFeed::emailsChanged);
    const auto latest = [&](const QString &id) {
        for (qsizetype i = changed.size() - 1; i >= 0; --i)
            for (const EmailRecord &e : changed.at(i).at(0).value<QList<EmailRecord>>())
                if (e.emailId == id)
                    return e;
        return EmailRecord{};
    };
    const auto [id, sgId] = sendEmail(QStringLiteral("fay@example.com"));
    QVERIFY(!id.isEmpty());
    QTRY_COMPARE(latest(id).status, QStringLiteral("queued"));
    QVERIFY(latest(id).rowId > 0);
    QCOMPARE(latest(id).request.value("subject").toString(), QStringLiteral("Hello"));
    QCOMPARE(post(batch({event(id, sgId, "delivered", id + "-d")}), m_signer).status, 200);
    QTRY_COMPARE(latest(id).status, QStringLiteral("delivered"));
    QCOMPARE(post(batch({event(id, sgId, "open", id + "-o")}), m_signer).status, 200);
    QTRY_COMPARE(latest(id).events.size(), 2);
    QCOMPARE(latest(id).events.at(1).event, QStringLiteral("open"));
    QCOMPARE(latest(id).status, QStringLiteral("delivered"));
    // The first fill: the newest first, with their events.
    changed.clear();
    feed.loadRecent(2);
    QTRY_COMPARE(changed.size(), 1);
    const auto recent = changed.at(0).at(0).value<QList<EmailRecord>>();
    QCOMPARE(recent.size(), 2);
    QCOMPARE(recent.at(0).emailId, id);
    QCOMPARE(recent.at(0).events.size(), 2);
}

void TestEmailEvents::storeFailureIs500AndTheRetryIsStored() {
    const auto [id, sgId] = sendEmail(QStringLiteral("eve@example.com"));
    const QByteArray body = batch({event(id, sgId, "delivered", id + "-d")});
    auto inject = [&](StoreFault fault) {
        await<bool>([&](auto done) {
            m_service->store()->injectFault(fault, &m_ctx, [done] { done(true); });
        });
    };
    inject(StoreFault::ReadOnly);
    const sbtest::Reply failed = post(body, m_signer);
    inject(StoreFault::None);
    QCOMPARE(failed.status, 500);
    QCOMPARE(status(id).value("status").toString(), QStringLiteral("queued"));
    QCOMPARE(post(body, m_signer).status, 200); // SendGrid retries: now it is kept
    QCOMPARE(status(id).value("status").toString(), QStringLiteral("delivered"));
}

QTEST_GUILESS_MAIN(TestEmailEvents)
#include "tst_email_events.moc"
