#include "providers/twilio/ContentTemplate.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using sb::ContentApproval;
using sb::ContentTemplate;
using Status = ContentApproval::Status;

// Reading Content API templates: the text an agent sees for each WhatsApp content type, the
// declared variables, and the WhatsApp approval in both response shapes.
class TestContentTemplate : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void readsWhatTheRecipientSees_data();
    void readsWhatTheRecipientSees();
    void prefersTheTypeSubmittedToWhatsApp();
    void readsCommonFields();
    void mapsApprovalStatus_data();
    void mapsApprovalStatus();
    void readsBothApprovalShapes();
    void explainsApprovalToTheAgent();
};

namespace {

QJsonObject parse(const QByteArray &json) {
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad test JSON: %s", qPrintable(error.errorString()));
    return doc.object();
}

QJsonObject withTypes(const QByteArray &types) {
    return parse(R"({"sid":"HX0123456789abcdef0123456789abcdef","types":)" + types + "}");
}

} // namespace

void TestContentTemplate::readsWhatTheRecipientSees_data() {
    QTest::addColumn<QByteArray>("types");
    QTest::addColumn<QString>("contentType");
    QTest::addColumn<QString>("header");
    QTest::addColumn<QString>("body");
    QTest::addColumn<QString>("footer");
    QTest::addColumn<QStringList>("media");
    QTest::addColumn<QStringList>("buttons");

    QTest::newRow("twilio/text") << QByteArray(R"({"twilio/text":{"body":"Hi {{1}}"}})")
                                 << "twilio/text"
                                 << ""
                                 << "Hi {{1}}"
                                 << "" << QStringList{} << QStringList{};
    QTest::newRow("twilio/media")
        << QByteArray(
               R"({"twilio/media":{"body":"Your invoice","media":["https://x.example/{{1}}.pdf"]}})")
        << "twilio/media"
        << ""
        << "Your invoice"
        << "" << QStringList{"https://x.example/{{1}}.pdf"} << QStringList{};
    QTest::newRow("twilio/quick-reply")
        << QByteArray(
               R"({"twilio/quick-reply":{"body":"Still interested?","actions":[{"title":"Yes","id":"y"},{"title":"No","id":"n"}]}})")
        << "twilio/quick-reply"
        << ""
        << "Still interested?"
        << "" << QStringList{} << QStringList{"Yes", "No"};
    QTest::newRow("twilio/call-to-action")
        << QByteArray(
               R"({"twilio/call-to-action":{"body":"Order {{1}} shipped","actions":[{"type":"URL","title":"Track","url":"https://t.example/{{1}}"},{"type":"PHONE_NUMBER","title":"Call us","phone":"+15005550006"}]}})")
        << "twilio/call-to-action"
        << ""
        << "Order {{1}} shipped"
        << "" << QStringList{} << QStringList{"Track", "Call us"};
    QTest::newRow("twilio/card: the title is the body, the subtitle the footer")
        << QByteArray(
               R"({"twilio/card":{"title":"Flight {{1}}","subtitle":"Gate {{2}}","media":["https://m.example/a.png"],"actions":[{"type":"QUICK_REPLY","title":"Check in","id":"c"}]}})")
        << "twilio/card"
        << ""
        << "Flight {{1}}"
        << "Gate {{2}}" << QStringList{"https://m.example/a.png"} << QStringList{"Check in"};
    QTest::newRow("whatsapp/card")
        << QByteArray(
               R"({"whatsapp/card":{"header_text":"Sale","body":"20% off for {{1}}","footer":"Reply STOP to opt out","actions":[{"type":"URL","title":"Shop","url":"https://s.example"}]}})")
        << "whatsapp/card"
        << "Sale"
        << "20% off for {{1}}"
        << "Reply STOP to opt out" << QStringList{} << QStringList{"Shop"};
    QTest::newRow("twilio/list-picker")
        << QByteArray(
               R"({"twilio/list-picker":{"body":"Pick a size","button":"Sizes","items":[{"item":"Small","id":"s"},{"item":"Large","id":"l"}]}})")
        << "twilio/list-picker"
        << ""
        << "Pick a size"
        << "" << QStringList{} << QStringList{"Small", "Large"};
    QTest::newRow("twilio/location: the label")
        << QByteArray(
               R"({"twilio/location":{"latitude":1.5,"longitude":2.5,"label":"Our shop","address":"1 Main St"}})")
        << "twilio/location"
        << ""
        << "Our shop"
        << "1 Main St" << QStringList{} << QStringList{};
    QTest::newRow("a rich type wins over its text fallback")
        << QByteArray(
               R"({"twilio/text":{"body":"fallback"},"twilio/quick-reply":{"body":"rich","actions":[{"title":"OK"}]}})")
        << "twilio/quick-reply"
        << ""
        << "rich"
        << "" << QStringList{} << QStringList{"OK"};
    QTest::newRow("text wins over location")
        << QByteArray(
               R"({"twilio/text":{"body":"We are at the shop"},"twilio/location":{"latitude":1,"longitude":2,"label":"Shop"}})")
        << "twilio/text"
        << ""
        << "We are at the shop"
        << "" << QStringList{} << QStringList{};
    QTest::newRow("an unknown type is still read")
        << QByteArray(R"({"twilio/future":{"body":"new"}})") << "twilio/future"
        << ""
        << "new"
        << "" << QStringList{} << QStringList{};
    QTest::newRow("no types") << QByteArray("{}") << ""
                              << ""
                              << ""
                              << "" << QStringList{} << QStringList{};
}

void TestContentTemplate::readsWhatTheRecipientSees() {
    QFETCH(QByteArray, types);
    QFETCH(QString, contentType);
    QFETCH(QString, header);
    QFETCH(QString, body);
    QFETCH(QString, footer);
    QFETCH(QStringList, media);
    QFETCH(QStringList, buttons);
    const ContentTemplate t = ContentTemplate::fromJson(withTypes(types));
    QCOMPARE(t.contentType, contentType);
    QCOMPARE(t.header, header);
    QCOMPARE(t.body, body);
    QCOMPARE(t.footer, footer);
    QCOMPARE(t.media, media);
    QCOMPARE(t.buttons, buttons);
    // Where placeholders are looked for: the visible texts first, then every other string.
    QStringList visible;
    for (const QString &s : {header, body, footer})
        if (!s.isEmpty())
            visible.append(s);
    QCOMPARE(t.texts.mid(0, visible.size()), visible);
    for (const QString &m : media)
        QVERIFY(t.texts.contains(m));
}

void TestContentTemplate::prefersTheTypeSubmittedToWhatsApp() {
    const ContentTemplate t = ContentTemplate::fromJson(parse(R"({
        "sid": "HX0123456789abcdef0123456789abcdef",
        "types": {"twilio/text": {"body": "plain"},
                  "twilio/card": {"title": "card"}},
        "approval_requests": {"status": "approved", "content_type": "twilio/text"}})"));
    QCOMPARE(t.contentType, QStringLiteral("twilio/text"));
    QCOMPARE(t.body, QStringLiteral("plain"));
    QCOMPARE(t.types, (QStringList{"twilio/card", "twilio/text"}));
}

void TestContentTemplate::readsCommonFields() {
    const ContentTemplate t = ContentTemplate::fromJson(parse(R"({
        "sid": "HX15c711fcc6d9ea5268d7ab77938a20ff",
        "account_sid": "AC25c0d4b9093547216c460212e24e77ee",
        "friendly_name": "Video Highlights", "language": "pt_BR",
        "variables": {"1": "name", "2": "type_video", "3": 7},
        "date_created": "2023-01-18T02:46:35Z", "date_updated": "2023-01-19T02:46:35Z",
        "types": {"twilio/media": {"body": "Hi {{1}}", "media": ["http://e.x/{{3}}"]}}})"));
    QCOMPARE(t.sid, QStringLiteral("HX15c711fcc6d9ea5268d7ab77938a20ff"));
    QCOMPARE(t.friendlyName, QStringLiteral("Video Highlights"));
    QCOMPARE(t.language, QStringLiteral("pt_BR"));
    QCOMPARE(t.variables.value(QStringLiteral("1")), QStringLiteral("name"));
    QCOMPARE(t.variables.value(QStringLiteral("3")), QStringLiteral("7")); // a number, as text
    QCOMPARE(t.dateCreated, QDateTime(QDate(2023, 1, 18), QTime(2, 46, 35), Qt::UTC));
    QCOMPARE(t.dateUpdated, QDateTime(QDate(2023, 1, 19), QTime(2, 46, 35), Qt::UTC));
    // Listed without approvals (GET /v1/Content): unknown, and not sendable outside the window.
    QCOMPARE(t.approval.status, Status::Unknown);
    QVERIFY(!t.canSendOutsideWindow());
}

void TestContentTemplate::mapsApprovalStatus_data() {
    QTest::addColumn<QString>("twilioStatus");
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("canSend");

    QTest::newRow("approved") << "approved" << int(Status::Approved) << true;
    QTest::newRow("APPROVED, any case") << "APPROVED" << int(Status::Approved) << true;
    QTest::newRow("received") << "received" << int(Status::Pending) << false;
    QTest::newRow("pending") << "pending" << int(Status::Pending) << false;
    QTest::newRow("in_appeal") << "in_appeal" << int(Status::Pending) << false;
    QTest::newRow("rejected") << "rejected" << int(Status::Rejected) << false;
    QTest::newRow("unsubmitted") << "unsubmitted" << int(Status::NotSubmitted) << false;
    QTest::newRow("no status") << "" << int(Status::NotSubmitted) << false;
    QTest::newRow("paused") << "paused" << int(Status::Paused) << false;
    QTest::newRow("disabled") << "disabled" << int(Status::Disabled) << false;
    QTest::newRow("a word we don't know") << "quantum" << int(Status::Unknown) << false;
}

void TestContentTemplate::mapsApprovalStatus() {
    QFETCH(QString, twilioStatus);
    QFETCH(int, status);
    QFETCH(bool, canSend);
    QJsonObject approval{{QStringLiteral("status"), twilioStatus}};
    const ContentApproval a = ContentApproval::fromJson(approval);
    QCOMPARE(int(a.status), status);
    QCOMPARE(a.canSend(), canSend);
    QCOMPARE(a.rawStatus, twilioStatus);
    QVERIFY(!a.label().isEmpty());
}

void TestContentTemplate::readsBothApprovalShapes() {
    // GET /v1/ContentAndApprovals: the fields sit in approval_requests.
    const ContentTemplate listed = ContentTemplate::fromJson(parse(R"({
        "sid": "HX15c711fcc6d9ea5268d7ab77938a20ff",
        "types": {"twilio/text": {"body": "x"}},
        "approval_requests": {"name": "video_highlights", "category": "TRANSACTIONAL",
            "content_type": "twilio/media", "status": "rejected",
            "rejection_reason": "INVALID_FORMAT. Missing example.",
            "allow_category_change": true}})"));
    QCOMPARE(listed.approval.status, Status::Rejected);
    QCOMPARE(listed.approval.rejectionReason, QStringLiteral("INVALID_FORMAT. Missing example."));
    QCOMPARE(listed.approval.name, QStringLiteral("video_highlights"));
    QCOMPARE(listed.approval.category, QStringLiteral("TRANSACTIONAL"));
    QCOMPARE(listed.approval.contentType, QStringLiteral("twilio/media"));

    // GET /v1/Content/{Sid}/ApprovalRequests: the same fields under "whatsapp".
    const ContentApproval fetched = ContentApproval::fromJson(parse(R"({
        "sid": "HXaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "account_sid": "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "whatsapp": {"type": "whatsapp", "name": "tree_fiddy", "category": "UTILITY",
                     "content_type": "twilio/location", "status": "approved",
                     "rejection_reason": "", "allow_category_change": true}})"));
    QCOMPARE(fetched.status, Status::Approved);
    QCOMPARE(fetched.name, QStringLiteral("tree_fiddy"));
    QCOMPARE(fetched.category, QStringLiteral("UTILITY"));

    // Never submitted: a null "whatsapp", and a null approval_requests in a list.
    QCOMPARE(ContentApproval::fromJson(parse(R"({"sid":"HX1","whatsapp":null})")).status,
             Status::NotSubmitted);
    QCOMPARE(ContentTemplate::fromJson(parse(R"({"sid":"HX1","approval_requests":null})"))
                 .approval.status,
             Status::NotSubmitted);
}

void TestContentTemplate::explainsApprovalToTheAgent() {
    ContentApproval a;
    a.status = Status::Rejected;
    a.rejectionReason = QStringLiteral("Variables can't be at the start or end of the template.");
    QVERIFY(a.explanation().contains(a.rejectionReason));
    a.rejectionReason.clear();
    QVERIFY(a.explanation().contains(QStringLiteral("no reason")));
    for (Status s : {Status::Unknown, Status::NotSubmitted, Status::Pending, Status::Approved,
                     Status::Rejected, Status::Paused, Status::Disabled}) {
        a.status = s;
        QVERIFY(a.explanation().endsWith(QLatin1Char('.')));
        QCOMPARE(a.explanation().contains(QStringLiteral("can be sent outside")),
                 s == Status::Approved);
    }
    a.status = Status::NotSubmitted;
    QCOMPARE(a.label(), QStringLiteral("Not submitted"));
    a.status = Status::Pending;
    QCOMPARE(a.label(), QStringLiteral("Pending review"));
}

QTEST_GUILESS_MAIN(TestContentTemplate)
#include "tst_contenttemplate.moc"
