#include "Await.h"
#include "TestSupport.h"
#include "providers/twilio/ContentClient.h"
#include "providers/twilio/TemplateVariables.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QtTest>

using namespace sb;
using sbtest::await;
using Templates = ContentClient::Templates;
using Status = ContentApproval::Status;

// Every request ContentClient makes, checked by Prism against Twilio's official OpenAPI
// description of the Content API (../shared/openapi/twilio_content_v1.json): a request the spec
// does not accept gets 422, so "no 422" means it does. The spec's own example responses are
// parsed into ContentTemplates too.
class TestContentClientPrism : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void listTemplates();
    void listTemplatesWithApprovals();
    void fetchApproval();
    void fetchTemplate();
    void malformedSidIsRefusedByTheMock();
    void specExamplesParse_listContent();
    void specExamplesParse_contentAndApprovals();
    void specExamplesParse_approvalFetch();

private:
    template <typename T> void expectAccepted(const TwilioResult<T> &result);
    // The example called `name` of the 200 answer of GET `path` in the spec.
    QJsonObject example(const QString &path, const QString &name) const;

    sbtest::Child m_prism;
    QNetworkAccessManager m_nam;
    std::unique_ptr<ContentClient> m_client;
    QUrl m_base;
    QObject m_ctx;
    QJsonObject m_spec;
};

void TestContentClientPrism::initTestCase() {
    SB_REQUIRE_SHARED("/openapi/twilio_content_v1.json");
    QFile file(sbtest::sharedDir() + QStringLiteral("/openapi/twilio_content_v1.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    m_spec = QJsonDocument::fromJson(file.readAll()).object();
    QVERIFY(!m_spec.isEmpty());

    if (sbtest::prismPath().isEmpty())
        return; // the spec's examples are still checked; the Prism tests skip
    QVERIFY(sbtest::startPrism(m_prism, file.fileName(), &m_base));
    QVERIFY2(m_prism.waitForHttp(m_base, 90000), m_prism.output().right(2000).constData());
    m_client = std::make_unique<ContentClient>(
        &m_nam,
        TwilioCredentials{
            QStringLiteral("AC0123456789abcdef0123456789abcdef"), QStringLiteral("token"), {}},
        m_base);
}

#define SB_REQUIRE_PRISM()                                                                         \
    if (!m_client)                                                                                 \
    QSKIP("Prism is not installed (./scripts/test installs it with npm)")

template <typename T> void TestContentClientPrism::expectAccepted(const TwilioResult<T> &result) {
    QVERIFY2(result.error.httpStatus != 422, qPrintable(result.error.message));
    QVERIFY2(
        result.ok(),
        qPrintable(
            QStringLiteral("HTTP %1: %2").arg(result.error.httpStatus).arg(result.error.message)));
}

QJsonObject TestContentClientPrism::example(const QString &path, const QString &name) const {
    return m_spec.value(QLatin1String("paths"))
        .toObject()
        .value(path)
        .toObject()
        .value(QLatin1String("get"))
        .toObject()
        .value(QLatin1String("responses"))
        .toObject()
        .value(QLatin1String("200"))
        .toObject()
        .value(QLatin1String("content"))
        .toObject()
        .value(QLatin1String("application/json"))
        .toObject()
        .value(QLatin1String("examples"))
        .toObject()
        .value(name)
        .toObject()
        .value(QLatin1String("value"))
        .toObject();
}

void TestContentClientPrism::listTemplates() {
    SB_REQUIRE_PRISM();
    const auto r = *await<TwilioResult<Templates>>(
        [&](auto done) { m_client->listTemplates(&m_ctx, done); }, 30000);
    expectAccepted(r);
}

void TestContentClientPrism::listTemplatesWithApprovals() {
    SB_REQUIRE_PRISM();
    const auto r = *await<TwilioResult<Templates>>(
        [&](auto done) { m_client->listTemplatesWithApprovals(&m_ctx, done); }, 30000);
    expectAccepted(r);
}

void TestContentClientPrism::fetchApproval() {
    SB_REQUIRE_PRISM();
    const auto r = *await<TwilioResult<ContentApproval>>(
        [&](auto done) {
            m_client->fetchApproval(QStringLiteral("HX0123456789abcdef0123456789abcdef"), &m_ctx,
                                    done);
        },
        30000);
    expectAccepted(r);
    // Prism answers with the spec's example: approved, under "whatsapp".
    QCOMPARE(r.value.status, Status::Approved);
    QCOMPARE(r.value.name, QStringLiteral("tree_fiddy"));
}

void TestContentClientPrism::fetchTemplate() {
    SB_REQUIRE_PRISM();
    const auto r = *await<TwilioResult<ContentTemplate>>(
        [&](auto done) {
            m_client->fetchTemplate(QStringLiteral("HX0123456789abcdef0123456789abcdef"), &m_ctx,
                                    done);
        },
        30000);
    expectAccepted(r);
    // Prism answers with the spec's example of one Content resource.
    QVERIFY(r.value.sid.startsWith(QLatin1String("HX")));
    QCOMPARE(r.value.approval.status, Status::Unknown);
}

void TestContentClientPrism::malformedSidIsRefusedByTheMock() {
    SB_REQUIRE_PRISM();
    // Proves the mock really validates: the spec's pattern for a Content SID is HX + 32 hex.
    const auto r = *await<TwilioResult<ContentApproval>>(
        [&](auto done) { m_client->fetchApproval(QStringLiteral("HX123"), &m_ctx, done); }, 30000);
    QVERIFY(!r.ok());
    QCOMPARE(r.error.httpStatus, 422);
}

void TestContentClientPrism::specExamplesParse_listContent() {
    const QJsonObject page = example(QStringLiteral("/v1/Content"), QStringLiteral("readResults"));
    const QJsonArray contents = page.value(QLatin1String("contents")).toArray();
    QCOMPARE(contents.size(), 3);
    for (const QJsonValue v : contents) {
        const ContentTemplate t = ContentTemplate::fromJson(v.toObject());
        QCOMPARE(t.sid, QStringLiteral("HXaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"));
        QCOMPARE(t.language, QStringLiteral("en"));
        QCOMPARE(t.types, (QStringList{"twilio/location", "twilio/text"}));
        // The text, not the location pin's label, is what the agent reads.
        QCOMPARE(t.contentType, QStringLiteral("twilio/text"));
        QCOMPARE(t.body, QStringLiteral("Foo Bar Co is located at 39.7392, 104.9903"));
        QCOMPARE(t.variables.value(QStringLiteral("name")), QStringLiteral("foo"));
        QCOMPARE(t.approval.status, Status::Unknown);
        QVERIFY(t.dateCreated.isValid());
    }
    QCOMPARE(ContentTemplate::fromJson(contents[1].toObject()).friendlyName,
             QStringLiteral("Anotha content"));
    QVERIFY(page.value(QLatin1String("meta"))
                .toObject()
                .value(QLatin1String("next_page_url"))
                .isNull());
}

void TestContentClientPrism::specExamplesParse_contentAndApprovals() {
    const QJsonArray contents =
        example(QStringLiteral("/v1/ContentAndApprovals"), QStringLiteral("readResults"))
            .value(QLatin1String("contents"))
            .toArray();
    QCOMPARE(contents.size(), 3);
    const ContentTemplate unsubmitted = ContentTemplate::fromJson(contents[0].toObject());
    const ContentTemplate approved = ContentTemplate::fromJson(contents[1].toObject());
    const ContentTemplate rejected = ContentTemplate::fromJson(contents[2].toObject());

    QCOMPARE(unsubmitted.approval.status, Status::NotSubmitted);
    QCOMPARE(unsubmitted.friendlyName, QStringLiteral("Some content"));

    QCOMPARE(approved.approval.status, Status::Approved);
    QVERIFY(approved.canSendOutsideWindow());
    QCOMPARE(approved.contentType, QStringLiteral("twilio/media"));
    QCOMPARE(approved.body, QStringLiteral("{{1}}, Congratulations {{2}}! For additional "
                                           "assistance, please contact us at hello@twilio.com"));
    QCOMPARE(approved.media, QStringList{"https://example.com/template"});
    const TemplateVariables approvedVars(approved);
    QCOMPARE(approvedVars.keys(), (QStringList{"1", "2"}));
    QCOMPARE(approvedVars.prefilled().value(QStringLiteral("2")), QStringLiteral("typedocument"));

    QCOMPARE(rejected.approval.status, Status::Rejected);
    QVERIFY(!rejected.canSendOutsideWindow());
    QVERIFY(rejected.approval.rejectionReason.startsWith(QStringLiteral("INVALID_FORMAT")));
    QVERIFY(rejected.approval.explanation().contains(QStringLiteral("INVALID_FORMAT")));
    // {{3}} only appears in the media URL, and the agent still fills it.
    const TemplateVariables rejectedVars(rejected);
    QCOMPARE(rejectedVars.keys(), (QStringList{"1", "2", "3"}));
    QCOMPARE(TemplateVariables::render(rejected.media.value(0), {{"3", "clip.mp4"}}),
             QStringLiteral("http://example.com/highlights/clip.mp4"));
}

void TestContentClientPrism::specExamplesParse_approvalFetch() {
    const ContentApproval a = ContentApproval::fromJson(example(
        QStringLiteral("/v1/Content/{Sid}/ApprovalRequests"), QStringLiteral("getApproval")));
    QCOMPARE(a.status, Status::Approved);
    QCOMPARE(a.name, QStringLiteral("tree_fiddy"));
    QCOMPARE(a.category, QStringLiteral("UTILITY"));
    QCOMPARE(a.contentType, QStringLiteral("twilio/location"));
}

QTEST_GUILESS_MAIN(TestContentClientPrism)
#include "tst_contentclient_prism.moc"
