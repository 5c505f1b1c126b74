#include "PgTestServer.h"
#include "ServiceFixture.h"
#include "TeamFixture.h"
#include "TestSupport.h"
#include "db/Store.h"
#include "messaging/Records.h"
#include "outbox/Outbox.h"
#include "providers/twilio/SignatureValidator.h"
#include "runtime/SwitchboardService.h"
#include "sandbox/Sandbox.h"
#include "sms/SmsRoutes.h"

#include <QHash>
#include <QJsonObject>
#include <QNetworkReply>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>

using namespace sb;

// The team as issue 17 has it: two receivers (switchboard --headless, processes of their own)
// behind one public URL and three agents' consoles without a port, on one PostgreSQL and one
// Twilio (the sandbox, in this process). Customers' webhooks reach both receivers, each of
// them more than once; every console sends, and so does a receiver's local API, which is
// killed (SIGKILL) while its sends are in flight, its client retrying elsewhere with the same
// Idempotency-Key. Every message is sent once, every inbound message stored once, and every
// console sees every message reach its last status, each arrival announced once.
class TestTeam : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void everyMessageOnceAndEverywhere();

private:
    struct Seen {
        QHash<QString, QString> status; // by SID: the last status announced
        QHash<QString, int> arrivals;   // by SID: how often announced as arrived
    };
    static QString base(quint16 port) { return sbtest::TeamFixture::base(port); }
    bool startReceiver(sbtest::Child &child, const QString &name, quint16 port);
    sbtest::Reply postInbound(quint16 receiverPort, const FormFields &form);

    QTemporaryDir m_dir;
    sbtest::TeamFixture m_team;
    quint16 m_publicPort = 0; // the team's public URL: receiver A's port, as a balancer's would be
    sbtest::Http m_http;
};

void TestTeam::initTestCase() {
    SB_REQUIRE_POSTGRES();
    QString error;
    m_publicPort = sbtest::freePort();
    QVERIFY2(m_team.setUp(QStringLiteral("team"), m_publicPort, 100, &error), qPrintable(error));
}

bool TestTeam::startReceiver(sbtest::Child &child, const QString &name, quint16 port) {
    QProcessEnvironment agent;
    agent.insert(QStringLiteral("SWITCHBOARD_AGENT_NAME"),
                 QString(name).replace(QLatin1Char('-'), QLatin1Char(' ')));
    return m_team.startReceiver(child, m_dir.filePath(name), port, QStringLiteral("team-token"),
                                agent);
}

// Signed for the team's public URL, as Twilio signs it, and handed to one receiver directly,
// as a load balancer in front of them would.
sbtest::Reply TestTeam::postInbound(quint16 receiverPort, const FormFields &form) {
    const QString signedUrl = base(m_publicPort) + SmsRoutes::incoming();
    const QByteArray signature =
        SignatureValidator::sign(m_team.twilio().authToken().toUtf8(), signedUrl, form);
    return m_http.postForm(QUrl(base(receiverPort) + SmsRoutes::incoming()), form,
                           {{"X-Twilio-Signature", signature}});
}

void TestTeam::everyMessageOnceAndEverywhere() {
    sbtest::Child receiverA;
    QVERIFY(startReceiver(receiverA, QStringLiteral("receiver-a"), m_publicPort));
    const quint16 portB = sbtest::freePort();
    sbtest::Child receiverB;
    QVERIFY(startReceiver(receiverB, QStringLiteral("receiver-b"), portB));

    constexpr int Consoles = 3;
    std::vector<std::unique_ptr<SwitchboardService>> consoles;
    std::vector<Seen> seen(Consoles);
    QObject ctx;
    for (int c = 0; c < Consoles; ++c) {
        QProcessEnvironment env = m_team.env();
        env.insert(QStringLiteral("SWITCHBOARD_ROLE"), QStringLiteral("console"));
        env.insert(QStringLiteral("SWITCHBOARD_AGENT_NAME"), QStringLiteral("Agent %1").arg(c));
        QString error;
        consoles.push_back(sbtest::startService(m_dir.filePath(QStringLiteral("console-%1").arg(c)),
                                                QStringLiteral("console-token"), env, {}, &error));
        QVERIFY2(consoles.back(), qPrintable(error));
        Seen *mine = &seen[size_t(c)];
        connect(consoles.back()->store(), &Store::messagesChanged, &ctx,
                [mine](const QList<MessageRecord> &changed) {
                    for (const MessageRecord &m : changed)
                        mine->status[m.sid] = m.status;
                });
        connect(consoles.back()->store(), &Store::messagesArrived, &ctx,
                [mine](const QList<MessageRecord> &arrived) {
                    for (const MessageRecord &m : arrived) {
                        ++mine->arrivals[m.sid];
                        mine->status[m.sid] = m.status;
                    }
                });
    }

    // Customers write: each webhook reaches both receivers, one of them twice.
    constexpr int Inbound = 12;
    for (int i = 0; i < Inbound; ++i) {
        const QString sid = QStringLiteral("SM%1").arg(i, 32, 10, QLatin1Char('a'));
        const FormFields form{
            {QStringLiteral("MessageSid"), sid},
            {QStringLiteral("SmsMessageSid"), sid},
            {QStringLiteral("AccountSid"), m_team.twilio().accountSid()},
            {QStringLiteral("From"), QStringLiteral("+1415555%1").arg(i, 4, 10, QLatin1Char('0'))},
            {QStringLiteral("To"), QStringLiteral("+15005550006")},
            {QStringLiteral("Body"), QStringLiteral("inbound %1").arg(i)},
            {QStringLiteral("NumMedia"), QStringLiteral("0")},
            {QStringLiteral("SmsStatus"), QStringLiteral("received")},
            {QStringLiteral("ApiVersion"), QStringLiteral("2010-04-01")}};
        for (const quint16 port : {m_publicPort, portB, i % 2 ? m_publicPort : portB}) {
            const sbtest::Reply r = postInbound(port, form);
            QVERIFY2(r.status == 200, qPrintable(QStringLiteral("webhook %1 to %2: HTTP %3 %4")
                                                     .arg(i)
                                                     .arg(port)
                                                     .arg(r.status)
                                                     .arg(QString::fromUtf8(r.body))));
        }
    }

    // Every console sends, through its own outbox.
    constexpr int PerConsole = 4;
    QStringList bodies;
    int answered = 0;
    for (int c = 0; c < Consoles; ++c) {
        Outbox *outbox = consoles[size_t(c)]->outbox();
        const Receiver back(&ctx);
        for (int k = 0; k < PerConsole; ++k) {
            OutboundDraft draft;
            draft.from = QStringLiteral("+15005550006");
            draft.to = QStringLiteral("+1415555%1").arg(100 + c * 10 + k, 4, 10, QLatin1Char('0'));
            draft.body = QStringLiteral("console %1 message %2").arg(c).arg(k);
            draft.clientRef = QStringLiteral("console-%1-%2").arg(c).arg(k);
            draft.statusCallback = SmsRoutes::status();
            bodies << draft.body;
            QMetaObject::invokeMethod(outbox, [outbox, draft, back, &answered] {
                outbox->send(draft, back, [&answered](const SendOutcome &o) {
                    if (o.entry.state == OutboxEntry::State::Accepted)
                        ++answered;
                });
            });
        }
    }

    // Receiver B's local API takes sends and is killed while they are in flight; its client
    // retries whatever was not answered at receiver A, with the same Idempotency-Key.
    constexpr int ThroughB = 30;
    QNetworkAccessManager nam;
    QHash<int, int> statusB; // request -> HTTP status, 0 while under way
    const auto request = [](quint16 port, int k) {
        QNetworkRequest r(QUrl(base(port) + QStringLiteral("/api/v1/twilio/send-sms")));
        r.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        r.setRawHeader("Authorization", "Bearer team-token");
        r.setRawHeader("Idempotency-Key", QByteArray("through-b-") + QByteArray::number(k));
        return r;
    };
    const auto body = [](int k) {
        return QStringLiteral("{\"to\":\"+1415555%1\",\"body\":\"through B %2\"}")
            .arg(200 + k, 4, 10, QLatin1Char('0'))
            .arg(k)
            .toUtf8();
    };
    // All at once; killed the moment the first is answered, the others under way.
    const qint64 pidB = receiverB.process().processId();
    bool killed = false;
    for (int k = 0; k < ThroughB; ++k) {
        bodies << QStringLiteral("through B %1").arg(k);
        QNetworkReply *reply = nam.post(request(portB, k), body(k));
        statusB[k] = 0;
        connect(reply, &QNetworkReply::finished, &ctx, [reply, k, pidB, &statusB, &killed] {
            const QVariant code = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
            statusB[k] = code.isValid() ? code.toInt() : -1; // -1: no answer, the process died
            reply->deleteLater();
            if (!killed && statusB[k] == 201) {
                killed = true;
                ::kill(pid_t(pidB), SIGKILL);
            }
        });
    }
    QTRY_VERIFY(killed);
    QCOMPARE(receiverB.waitForExit(), -2); // killed
    QTRY_VERIFY_WITH_TIMEOUT(
        std::none_of(statusB.cbegin(), statusB.cend(), [](int s) { return s == 0; }),
        10000); // the others failed with the connection
    {
        // What the kill left unfinished: entries still claimed by the dead process.
        QSqlDatabase db = sbtest::openServiceDatabase(*consoles.front(), QStringLiteral("at-kill"));
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("SELECT state, count(*) FROM outbox WHERE claimed_by LIKE "
                                      "'%|%1|%' GROUP BY state ORDER BY state")
                           .arg(pidB)));
        QStringList left;
        while (q.next())
            left << q.value(0).toString() + QLatin1Char(' ') + q.value(1).toString();
        qInfo("receiver B's outbox at the kill: %s", qPrintable(left.join(QLatin1String(", "))));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("at-kill"));
    int retried = 0;
    for (int k = 0; k < ThroughB; ++k) {
        if (statusB.value(k) == 201)
            continue;
        ++retried;
        const sbtest::Reply r =
            m_http.request("POST", QUrl(request(m_publicPort, k).url()), body(k),
                           {{"Content-Type", "application/json"},
                            {"Authorization", "Bearer team-token"},
                            {"Idempotency-Key", QByteArray("through-b-") + QByteArray::number(k)}});
        QVERIFY2(r.status == 201 || r.status == 200,
                 qPrintable(QStringLiteral("retry %1 at A: HTTP %2 %3")
                                .arg(k)
                                .arg(r.status)
                                .arg(QString::fromUtf8(r.body))));
    }
    qInfo("through B: %d of %d answered before the kill, %d retried at A", ThroughB - retried,
          ThroughB, retried);
    QTRY_COMPARE_WITH_TIMEOUT(answered, Consoles * PerConsole, 15000);

    // Every message once at Twilio. What B had committed but not sent is taken over by another
    // sender's sweep (its claim belongs to a dead process), within one sweep period.
    QHash<QString, int> copies;
    const auto allSentOnce = [&] {
        copies = sbtest::sandboxCopies(m_http, m_team.twilio(), QUrl(m_team.twilioBase()));
        return std::all_of(bodies.cbegin(), bodies.cend(),
                           [&copies](const QString &b) { return copies.value(b) >= 1; });
    };
    QVERIFY2(QTest::qWaitFor(allSentOnce, 40000), "a message was never sent");
    for (const QString &b : std::as_const(bodies))
        QVERIFY2(copies.value(b) == 1,
                 qPrintable(QStringLiteral("%1 sent %2 times").arg(b).arg(copies.value(b))));

    // The database holds each message once; every console saw each reach its last status.
    QSqlDatabase db = sbtest::openServiceDatabase(*consoles.front(), QStringLiteral("team-peek"));
    QVERIFY(db.isOpen());
    QHash<QString, QString> direction;
    const auto everyoneSawEverything = [&] {
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("SELECT sid, direction, status FROM messages")))
            return false;
        direction.clear();
        bool all = true;
        while (q.next()) {
            const QString sid = q.value(0).toString();
            direction[sid] = q.value(1).toString();
            const QString final = direction[sid] == QLatin1String("inbound")
                                      ? QStringLiteral("received")
                                      : QStringLiteral("delivered");
            all = all && !sid.isEmpty() && q.value(2).toString() == final;
            for (const Seen &s : seen)
                all = all && s.status.value(sid) == final;
        }
        return all && direction.size() == Inbound + bodies.size();
    };
    const bool converged = QTest::qWaitFor(everyoneSawEverything, 30000);
    QVERIFY2(converged, qPrintable(QStringLiteral("%1 messages stored of %2")
                                       .arg(direction.size())
                                       .arg(Inbound + bodies.size())));
    for (const Seen &s : seen) {
        for (auto it = direction.cbegin(); it != direction.cend(); ++it) {
            if (it.value() == QLatin1String("inbound"))
                QCOMPARE(s.arrivals.value(it.key()), 1);
        }
    }
    // Each console's messages name its agent; a receiver's, the receiver's.
    QSqlQuery sent(db);
    QVERIFY(
        sent.exec(QStringLiteral("SELECT body, agent FROM messages WHERE direction = 'outbound'")));
    while (sent.next()) {
        const QString body = sent.value(0).toString();
        const QString agent = sent.value(1).toString();
        if (body.startsWith(QLatin1String("console ")))
            QCOMPARE(agent, QStringLiteral("Agent ") + body.mid(8, 1));
        else
            QVERIFY2(agent.startsWith(QLatin1String("receiver ")), qPrintable(agent));
    }
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("team-peek"));

    consoles.clear();
    ::kill(receiverA.process().processId(), SIGTERM);
    QCOMPARE(receiverA.waitForExit(), 0);
}

QTEST_GUILESS_MAIN(TestTeam)
#include "tst_team.moc"
