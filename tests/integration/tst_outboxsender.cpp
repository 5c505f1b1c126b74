#include "Await.h"
#include "PgTestServer.h"
#include "TestSupport.h"
#include "db/Store.h"
#include "outbox/Outbox.h"
#include "outbox/OutboxSender.h"
#include "providers/twilio/TwilioClient.h"
#include "sandbox/Sandbox.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include <deque>

using namespace sb;
using sbtest::await;

namespace {

// A second channel's provider, played by the test: answers are scripted in order and every
// request is recorded, so what the outbox asked of it (and how often) is what is checked.
class ScriptedSender : public OutboxSender {
public:
    std::deque<SubmitResult> submitAnswers;
    std::deque<ReconcileResult> reconcileAnswers;
    QList<qint64> submitted;  // entry ids, in order
    QList<qint64> reconciled; // entry ids, in order
    QStringList callbacks;    // the status callback URL each submission was given

    void submit(const OutboxEntry &entry, const QString &statusCallback, Submitted done) override {
        submitted.append(entry.id);
        callbacks.append(statusCallback);
        SubmitResult answer = submitAnswers.front();
        submitAnswers.pop_front();
        // Asynchronous, as a provider's answer is.
        QTimer::singleShot(0, [done, answer] { done(answer); });
    }
    void reconcile(const OutboxEntry &entry, Reconciled done) override {
        reconciled.append(entry.id);
        ReconcileResult answer = reconcileAnswers.front();
        reconcileAnswers.pop_front();
        QTimer::singleShot(0, [done, answer] { done(answer); });
    }
};

SubmitResult accepted(const QString &id) {
    SubmitResult r;
    r.kind = SubmitResult::Kind::Accepted;
    r.providerId = id;
    r.providerStatus = QStringLiteral("queued");
    return r;
}

SubmitResult ambiguous() {
    SubmitResult r;
    r.kind = SubmitResult::Kind::Ambiguous;
    r.error = TwilioError::network(QStringLiteral("the answer was lost"));
    return r;
}

} // namespace

// The outbox's channel seam: entries of a channel with a sender of its own go through it (and
// only them: SMS still goes to Twilio, here the sandbox), with the outbox keeping the durable
// state, rate-limit pauses and reconciliation whatever the provider.
class TestOutboxSender : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void eachChannelGoesThroughItsOwnSender();
    void refusedIsFailedAndNotRetried();
    void rateLimitedIsSubmittedAgain();
    void ambiguousFoundIsAcceptedWithoutResend();
    void ambiguousUnknowableIsGivenUpNeverResent();
    void leftoverNotFoundIsSentAgain();

private:
    SendOutcome send(const QString &channel, const QString &body);
    int resume();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Sandbox> m_sandbox;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<TwilioClient> m_client;
    std::unique_ptr<Outbox> m_outbox;
    ScriptedSender m_second;
    QObject m_ctx;
};

void TestOutboxSender::init() {
    m_second = ScriptedSender();
    m_dir = std::make_unique<QTemporaryDir>();
    SandboxOptions options;
    options.statusDelayMs = 1000;
    m_sandbox = std::make_unique<Sandbox>(options);
    sbtest::addChannels(*m_sandbox);
    const quint16 port = m_sandbox->listen(QHostAddress::LocalHost, 0);
    QVERIFY(port);
    m_store = sbtest::makeStore(m_dir->filePath(QStringLiteral("s.sqlite")));
    QVERIFY(await<StoreResult<bool>>([&](auto done) { m_store->open(&m_ctx, done); })->ok());
    m_nam = std::make_unique<QNetworkAccessManager>();
    m_client = std::make_unique<TwilioClient>(
        m_nam.get(), TwilioCredentials{m_sandbox->accountSid(), m_sandbox->authToken(),
                                       QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port))});
    m_outbox = std::make_unique<Outbox>(m_store.get(), m_client.get());
    m_outbox->setSender(QStringLiteral("second"), &m_second);
    m_outbox->setPublicBase(QStringLiteral("http://127.0.0.1:9"));
}

void TestOutboxSender::cleanup() {
    m_outbox.reset();
    m_client.reset();
    m_nam.reset();
    m_store.reset();
    m_sandbox.reset();
}

int TestOutboxSender::resume() {
    const auto r = await<int>([&](auto done) {
        m_outbox->resume(&m_ctx, [done](int resumed, const QString &) { done(resumed); });
    });
    return r ? *r : -2;
}

SendOutcome TestOutboxSender::send(const QString &channel, const QString &body) {
    OutboundDraft draft;
    draft.channel = channel;
    draft.to = QStringLiteral("+14155550100");
    draft.from = QStringLiteral("+15005550006");
    draft.body = body;
    draft.statusCallback = QStringLiteral("/second/status");
    const auto r = await<SendOutcome>([&](auto done) { m_outbox->send(draft, &m_ctx, done); });
    return r ? *r : SendOutcome{};
}

void TestOutboxSender::eachChannelGoesThroughItsOwnSender() {
    QCOMPARE(resume(), 0);
    m_second.submitAnswers.push_back(accepted(QStringLiteral("P-1")));
    const SendOutcome second = send(QStringLiteral("second"), QStringLiteral("to the second"));
    QVERIFY2(!second.error.isError(), qPrintable(second.error.explanation()));
    QCOMPARE(second.entry.state, OutboxEntry::State::Accepted);
    QCOMPARE(second.entry.message.sid, QStringLiteral("P-1"));
    QCOMPARE(m_second.submitted, QList<qint64>{second.entry.id});
    QCOMPARE(m_second.callbacks, QStringList{QStringLiteral("http://127.0.0.1:9/second/status")});

    const SendOutcome sms = send(QStringLiteral("sms"), QStringLiteral("to Twilio"));
    QVERIFY2(!sms.error.isError(), qPrintable(sms.error.explanation()));
    QCOMPARE(sms.entry.state, OutboxEntry::State::Accepted);
    QVERIFY(sms.entry.message.sid.startsWith(QLatin1String("SM"))); // the sandbox's Twilio SID
    QCOMPARE(m_second.submitted.size(), 1); // SMS never reached the second channel's sender
}

void TestOutboxSender::refusedIsFailedAndNotRetried() {
    QCOMPARE(resume(), 0);
    SubmitResult refused;
    refused.kind = SubmitResult::Kind::Refused;
    refused.error.kind = TwilioError::Kind::Http;
    refused.error.httpStatus = 400;
    refused.error.message = QStringLiteral("the provider says no");
    m_second.submitAnswers.push_back(refused);
    const SendOutcome outcome = send(QStringLiteral("second"), QStringLiteral("refused"));
    QCOMPARE(outcome.entry.state, OutboxEntry::State::Failed);
    QVERIFY(outcome.error.explanation().contains(QLatin1String("the provider says no")));
    QCOMPARE(m_second.submitted.size(), 1);
    QVERIFY(m_second.reconciled.isEmpty());
}

void TestOutboxSender::rateLimitedIsSubmittedAgain() {
    QCOMPARE(resume(), 0);
    SubmitResult slowDown;
    slowDown.kind = SubmitResult::Kind::RateLimited;
    slowDown.error.kind = TwilioError::Kind::Http;
    slowDown.error.httpStatus = 429;
    m_second.submitAnswers.push_back(slowDown);
    m_second.submitAnswers.push_back(accepted(QStringLiteral("P-2")));
    const SendOutcome outcome = send(QStringLiteral("second"), QStringLiteral("slow"));
    QCOMPARE(outcome.entry.state, OutboxEntry::State::Accepted);
    QCOMPARE(outcome.entry.message.sid, QStringLiteral("P-2"));
    QCOMPARE(m_second.submitted.size(), 2); // the pause, then once more
}

void TestOutboxSender::ambiguousFoundIsAcceptedWithoutResend() {
    QCOMPARE(resume(), 0);
    m_second.submitAnswers.push_back(ambiguous());
    ReconcileResult found;
    found.kind = ReconcileResult::Kind::Found;
    found.providerId = QStringLiteral("P-3");
    found.providerStatus = QStringLiteral("queued");
    m_second.reconcileAnswers.push_back(found);
    const SendOutcome outcome = send(QStringLiteral("second"), QStringLiteral("lost answer"));
    QCOMPARE(outcome.entry.state, OutboxEntry::State::Accepted);
    QCOMPARE(outcome.entry.message.sid, QStringLiteral("P-3"));
    QCOMPARE(m_second.submitted.size(), 1);
    QCOMPARE(m_second.reconciled.size(), 1);
}

void TestOutboxSender::ambiguousUnknowableIsGivenUpNeverResent() {
    QCOMPARE(resume(), 0);
    m_second.submitAnswers.push_back(ambiguous());
    ReconcileResult unknowable;
    unknowable.kind = ReconcileResult::Kind::Unknowable;
    unknowable.error = TwilioError::local(QStringLiteral("cannot tell; not sent again"));
    m_second.reconcileAnswers.push_back(unknowable);
    const SendOutcome outcome = send(QStringLiteral("second"), QStringLiteral("unknowable"));
    QCOMPARE(outcome.entry.state, OutboxEntry::State::Failed);
    QVERIFY(outcome.error.explanation().contains(QLatin1String("not sent again")));
    // Nothing more happens to it, now or after the back-off a store failure would use.
    QTest::qWait(300);
    QCOMPARE(m_second.submitted.size(), 1);
    QCOMPARE(m_second.reconciled.size(), 1);
    const auto read = await<StoreResult<OutboxEntry>>(
        [&](auto done) { m_store->outboxEntry(outcome.entry.id, &m_ctx, done); });
    QCOMPARE(read->value.state, OutboxEntry::State::Failed);
}

void TestOutboxSender::leftoverNotFoundIsSentAgain() {
    // An entry a crashed run left `submitted`: reconciled first, sent again only if not found.
    OutboundDraft draft;
    draft.channel = QStringLiteral("second");
    draft.to = QStringLiteral("+14155550100");
    draft.from = QStringLiteral("+15005550006");
    draft.body = QStringLiteral("left over");
    auto created = await<StoreResult<OutboxEntry>>(
        [&](auto done) { m_store->createOutbound(draft, &m_ctx, done); });
    QVERIFY(created->ok());
    QVERIFY(await<StoreResult<OutboxEntry>>([&](auto done) {
                m_store->markSubmitted(created->value.id, &m_ctx, done);
            })->ok());
    ReconcileResult notFound;
    notFound.kind = ReconcileResult::Kind::NotFound;
    m_second.reconcileAnswers.push_back(notFound);
    m_second.submitAnswers.push_back(accepted(QStringLiteral("P-4")));
    QSignalSpy settled(m_outbox.get(), &Outbox::settled);
    QCOMPARE(resume(), 1);
    QTRY_COMPARE(settled.size(), 1);
    const auto outcome = settled.at(0).at(0).value<SendOutcome>();
    QCOMPARE(outcome.entry.state, OutboxEntry::State::Accepted);
    QCOMPARE(outcome.entry.message.sid, QStringLiteral("P-4"));
    QCOMPARE(m_second.reconciled, QList<qint64>{created->value.id});
    QCOMPARE(m_second.submitted, QList<qint64>{created->value.id});
}

QTEST_GUILESS_MAIN(TestOutboxSender)
#include "tst_outboxsender.moc"
