#include "Await.h"
#include "TestSupport.h"
#include "http/HttpServer.h"
#include "providers/twilio/ContentClient.h"
#include "providers/twilio/SignatureValidator.h"
#include "providers/twilio/TemplateVariables.h"
#include "sandbox/Sandbox.h"
#include "whatsapp/SandboxTemplates.h"
#include "whatsapp/WhatsAppSandbox.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace sb;
using namespace std::chrono_literals;
using sbtest::await;
using Status = ContentApproval::Status;

// The sandbox's WhatsApp part on its own, over loopback, as Twilio's clients and webhooks see
// it: its Content API (checked against Twilio's official description and read back with the
// console's own parser and client), its sender and refusals, the 24-hour window on its clock,
// templates filled in or failed as WhatsApp would, and signed callbacks and inbound webhooks.
class TestWhatsAppSandbox : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void contentApiAnswersParse();
    void contentApiMatchesTheOfficialSpec_data();
    void contentApiMatchesTheOfficialSpec();
    void contentApiPagesAndRefuses();
    void contentClientReadsTheSandbox();
    void inboundIsSignedWithProfileNameAndWaId();
    void statusesUpToReadWithSignedCallbacks();
    void windowOnTheSandboxClock_data();
    void windowOnTheSandboxClock();
    void templates_data();
    void templates();
    void refusedAtOnce_data();
    void refusedAtOnce();
    void officialNodeHelperReadsTemplatesAndSendsOne();

private:
    struct Webhook {
        QString path;
        FormFields fields;
        bool signatureValid = false;
    };
    sbtest::Reply call(const QByteArray &method, const QString &pathAndQuery,
                       const QByteArray &body = {}, bool authenticated = true);
    sbtest::Reply sendMessage(const FormFields &fields);
    void customerWrites(const QString &from);
    QStringList callbackStatuses(const QString &sid) const;
    QString errorCodeOf(const QString &sid) const;
    QJsonObject responseSchema(const QString &path) const;
    void conforms(const QJsonValue &value, const QJsonObject &schema, const QString &where,
                  QStringList *problems) const;

    QJsonObject m_spec;
    std::unique_ptr<Sandbox> m_sandbox;
    QString m_base;
    HttpServer m_receiver{QStringLiteral("receiver")};
    QString m_receiverBase;
    QList<Webhook> m_webhooks;
    qint64 m_offsetMs = 0; // the sandbox's clock: real UTC time plus this
    sbtest::Http m_http;
    QNetworkAccessManager m_nam;
    QObject m_ctx;
};

void TestWhatsAppSandbox::initTestCase() {
    SandboxOptions options;
    options.statusDelayMs = 5;
    options.clock = [this] {
        return QDateTime::currentDateTimeUtc().addMSecs(m_offsetMs);
    };
    m_sandbox = std::make_unique<Sandbox>(options);
    sbtest::addChannels(*m_sandbox);
    const quint16 port = m_sandbox->listen(QHostAddress::LocalHost, 0);
    QVERIFY(port);
    m_base = QStringLiteral("http://127.0.0.1:%1").arg(port);

    // Where the sandbox posts its webhooks: every one is recorded with whether its signature
    // is the sandbox's.
    m_receiver.setLogRequests(false);
    for (const QString &path : {QStringLiteral("/incoming"), QStringLiteral("/status")}) {
        m_receiver.route("POST", path, [this, path](const HttpRequest &r, HttpServer::Reply reply) {
            Webhook hook;
            hook.path = path;
            if (const FormFields *form = r.form())
                hook.fields = *form;
            hook.signatureValid =
                SignatureValidator(m_sandbox->authToken().toUtf8())
                    .validate(m_receiverBase + r.target, r.body, r.header("X-Twilio-Signature"));
            m_webhooks.append(hook);
            reply(HttpResponse::xml(200, "<Response/>"));
        });
    }
    const quint16 receiverPort = m_receiver.listenOn(QHostAddress::LocalHost, 0);
    QVERIFY(receiverPort);
    m_receiverBase = QStringLiteral("http://127.0.0.1:%1").arg(receiverPort);
    m_sandbox->setInboundUrl(QStringLiteral("whatsapp"),
                             m_receiverBase + QStringLiteral("/incoming"));

    if (!sbtest::sharedDir().isEmpty()) {
        QFile file(sbtest::sharedDir() + QStringLiteral("/openapi/twilio_content_v1.json"));
        if (file.open(QIODevice::ReadOnly))
            m_spec = QJsonDocument::fromJson(file.readAll()).object();
    }
}

void TestWhatsAppSandbox::init() {
    m_webhooks.clear();
}

sbtest::Reply TestWhatsAppSandbox::call(const QByteArray &method, const QString &pathAndQuery,
                                        const QByteArray &body, bool authenticated) {
    QList<QPair<QByteArray, QByteArray>> headers;
    if (authenticated)
        headers.append(qMakePair(
            QByteArray("Authorization"),
            "Basic " + (m_sandbox->accountSid() + QLatin1Char(':') + m_sandbox->authToken())
                           .toUtf8()
                           .toBase64()));
    if (!body.isEmpty())
        headers.append(
            qMakePair(QByteArray("Content-Type"), QByteArray("application/x-www-form-urlencoded")));
    return m_http.request(method, QUrl(m_base + pathAndQuery), body, headers);
}

sbtest::Reply TestWhatsAppSandbox::sendMessage(const FormFields &fields) {
    FormFields all = fields;
    all.append({QStringLiteral("StatusCallback"), m_receiverBase + QStringLiteral("/status")});
    return call(
        "POST",
        QStringLiteral("/2010-04-01/Accounts/%1/Messages.json").arg(m_sandbox->accountSid()),
        FormEncoding::encode(all));
}

void TestWhatsAppSandbox::customerWrites(const QString &from) {
    const sbtest::Reply r =
        call("POST", QStringLiteral("/sandbox/inbound"),
             FormEncoding::encode({{QStringLiteral("Channel"), QStringLiteral("whatsapp")},
                                   {QStringLiteral("From"), from},
                                   {QStringLiteral("Body"), QStringLiteral("hello")}}));
    QCOMPARE(r.status, 201);
}

QStringList TestWhatsAppSandbox::callbackStatuses(const QString &sid) const {
    QStringList statuses;
    for (const Webhook &hook : m_webhooks) {
        if (hook.path == QLatin1String("/status") &&
            FormEncoding::value(hook.fields, QStringLiteral("MessageSid")) == sid)
            statuses.append(FormEncoding::value(hook.fields, QStringLiteral("MessageStatus")));
    }
    return statuses;
}

QString TestWhatsAppSandbox::errorCodeOf(const QString &sid) const {
    for (const Webhook &hook : m_webhooks) {
        if (FormEncoding::value(hook.fields, QStringLiteral("MessageSid")) == sid &&
            FormEncoding::value(hook.fields, QStringLiteral("MessageStatus")) ==
                QLatin1String("failed"))
            return FormEncoding::value(hook.fields, QStringLiteral("ErrorCode"));
    }
    return {};
}

void TestWhatsAppSandbox::contentApiAnswersParse() {
    // Each shape read with the console's own parser: what the template picker will show.
    const sbtest::Reply list = call("GET", QStringLiteral("/v1/ContentAndApprovals"));
    QCOMPARE(list.status, 200);
    QMap<QString, ContentTemplate> bySid;
    for (const QJsonValue v : list.json().value(QLatin1String("contents")).toArray()) {
        const ContentTemplate t = ContentTemplate::fromJson(v.toObject());
        bySid.insert(t.sid, t);
    }
    QCOMPARE(bySid.size(), SandboxTemplates::all().size());
    const ContentTemplate order = bySid.value(SandboxTemplates::orderUpdate());
    QCOMPARE(order.friendlyName, QStringLiteral("order_update"));
    QCOMPARE(order.approval.status, Status::Approved);
    QVERIFY(order.canSendOutsideWindow());
    QVERIFY(order.body.contains(QLatin1String("{{1}}")) &&
            order.body.contains(QLatin1String("{{2}}")));
    QCOMPARE(TemplateVariables(order).keys(),
             (QStringList{QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3")}));
    QCOMPARE(order.approval.category, QStringLiteral("UTILITY"));
    const ContentTemplate reminder = bySid.value(SandboxTemplates::appointmentReminder());
    QCOMPARE(reminder.contentType, QStringLiteral("twilio/quick-reply"));
    QCOMPARE(reminder.buttons,
             (QStringList{QStringLiteral("Confirm"), QStringLiteral("Reschedule")}));
    QCOMPARE(bySid.value(SandboxTemplates::springSale()).approval.status, Status::Pending);
    const ContentTemplate rejected = bySid.value(SandboxTemplates::paymentOverdue());
    QCOMPARE(rejected.approval.status, Status::Rejected);
    QVERIFY(rejected.approval.explanation().contains(QLatin1String("start or end")));

    // GET /v1/Content carries no approvals; one template and one approval by SID.
    for (const QJsonValue v : call("GET", QStringLiteral("/v1/Content"))
                                  .json()
                                  .value(QLatin1String("contents"))
                                  .toArray())
        QCOMPARE(ContentTemplate::fromJson(v.toObject()).approval.status, Status::Unknown);
    const ContentTemplate one = ContentTemplate::fromJson(
        call("GET", QStringLiteral("/v1/Content/") + SandboxTemplates::supportFollowUp()).json());
    QCOMPARE(one.friendlyName, QStringLiteral("support_follow_up"));
    const ContentApproval approval = ContentApproval::fromJson(
        call("GET",
             QStringLiteral("/v1/Content/%1/ApprovalRequests").arg(SandboxTemplates::springSale()))
            .json());
    QCOMPARE(approval.status, Status::Pending);
    QCOMPARE(approval.category, QStringLiteral("MARKETING"));
}

void TestWhatsAppSandbox::contentApiMatchesTheOfficialSpec_data() {
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("specPath");
    QTest::newRow("GET /v1/Content") << "/v1/Content"
                                     << "/v1/Content";
    QTest::newRow("GET /v1/ContentAndApprovals") << "/v1/ContentAndApprovals"
                                                 << "/v1/ContentAndApprovals";
    QTest::newRow("GET /v1/Content, second page") << "/v1/Content?PageSize=2&Page=1"
                                                  << "/v1/Content";
    QTest::newRow("GET /v1/Content/{Sid}/ApprovalRequests")
        << QStringLiteral("/v1/Content/%1/ApprovalRequests").arg(SandboxTemplates::paymentOverdue())
        << "/v1/Content/{Sid}/ApprovalRequests";
    QTest::newRow("GET /v1/Content/{Sid}")
        << QStringLiteral("/v1/Content/%1").arg(SandboxTemplates::orderUpdate())
        << "/v1/Content/{Sid}";
}

void TestWhatsAppSandbox::contentApiMatchesTheOfficialSpec() {
    SB_REQUIRE_SHARED("/openapi/twilio_content_v1.json");
    QFETCH(QString, path);
    QFETCH(QString, specPath);
    const sbtest::Reply r = call("GET", path);
    QCOMPARE(r.status, 200);
    const QJsonObject schema = responseSchema(specPath);
    QVERIFY2(!schema.isEmpty(), qPrintable(specPath));
    QStringList problems;
    conforms(r.json(), schema, QStringLiteral("answer"), &problems);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

QJsonObject TestWhatsAppSandbox::responseSchema(const QString &path) const {
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
        .value(QLatin1String("schema"))
        .toObject();
}

// The part of OpenAPI 3's schemas Twilio's description uses for these answers: $ref, type,
// properties (a key the schema does not name counts as a problem: Twilio names all of its
// fields), items, nullable, pattern, min/maxLength, and the uri and date-time formats.
void TestWhatsAppSandbox::conforms(const QJsonValue &value, const QJsonObject &schemaIn,
                                   const QString &where, QStringList *problems) const {
    QJsonObject schema = schemaIn;
    if (schema.contains(QLatin1String("$ref"))) {
        const QString name =
            schema.value(QLatin1String("$ref")).toString().section(QLatin1Char('/'), -1);
        schema = m_spec.value(QLatin1String("components"))
                     .toObject()
                     .value(QLatin1String("schemas"))
                     .toObject()
                     .value(name)
                     .toObject();
    }
    if (value.isNull()) {
        if (!schema.value(QLatin1String("nullable")).toBool())
            problems->append(where + QStringLiteral(": null where the spec allows none"));
        return;
    }
    const QString type = schema.value(QLatin1String("type")).toString();
    if (type == QLatin1String("object") || schema.contains(QLatin1String("properties"))) {
        if (!value.isObject())
            return problems->append(where + QStringLiteral(": not an object"));
        const QJsonObject properties = schema.value(QLatin1String("properties")).toObject();
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (!properties.isEmpty() && !properties.contains(it.key()))
                problems->append(where + QStringLiteral(".%1: not in the spec").arg(it.key()));
            else if (properties.contains(it.key()))
                conforms(it.value(), properties.value(it.key()).toObject(),
                         where + QLatin1Char('.') + it.key(), problems);
        }
    } else if (type == QLatin1String("array")) {
        if (!value.isArray())
            return problems->append(where + QStringLiteral(": not an array"));
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            conforms(array.at(i), schema.value(QLatin1String("items")).toObject(),
                     where + QStringLiteral("[%1]").arg(i), problems);
    } else if (type == QLatin1String("integer")) {
        if (!value.isDouble() || value.toDouble() != double(value.toInteger()))
            problems->append(where + QStringLiteral(": not an integer"));
    } else if (type == QLatin1String("boolean")) {
        if (!value.isBool())
            problems->append(where + QStringLiteral(": not a boolean"));
    } else if (type == QLatin1String("string")) {
        if (!value.isString())
            return problems->append(where + QStringLiteral(": not a string"));
        const QString s = value.toString();
        const QString pattern = schema.value(QLatin1String("pattern")).toString();
        if (!pattern.isEmpty() && !QRegularExpression(pattern).match(s).hasMatch())
            problems->append(where + QStringLiteral(": '%1' does not match %2").arg(s, pattern));
        if (schema.contains(QLatin1String("minLength")) &&
            s.size() < schema.value(QLatin1String("minLength")).toInt())
            problems->append(where + QStringLiteral(": too short"));
        if (schema.contains(QLatin1String("maxLength")) &&
            s.size() > schema.value(QLatin1String("maxLength")).toInt())
            problems->append(where + QStringLiteral(": too long"));
        const QString format = schema.value(QLatin1String("format")).toString();
        if (format == QLatin1String("uri") && !QUrl(s, QUrl::StrictMode).isValid())
            problems->append(where + QStringLiteral(": '%1' is not a URI").arg(s));
        if (format == QLatin1String("uri") && QUrl(s).scheme().isEmpty())
            problems->append(where + QStringLiteral(": '%1' is not absolute").arg(s));
        if (format == QLatin1String("date-time") &&
            !QDateTime::fromString(s, Qt::ISODate).isValid())
            problems->append(where + QStringLiteral(": '%1' is not a date-time").arg(s));
    }
}

void TestWhatsAppSandbox::contentApiPagesAndRefuses() {
    // Pages of two: three pages, each linking to the next, nothing repeated or missed.
    QStringList sids;
    QString next = QStringLiteral("/v1/ContentAndApprovals?PageSize=2");
    int pages = 0;
    while (!next.isEmpty() && pages < 10) {
        const QJsonObject page = call("GET", next).json();
        ++pages;
        for (const QJsonValue v : page.value(QLatin1String("contents")).toArray())
            sids.append(v.toObject().value(QLatin1String("sid")).toString());
        const QString url = page.value(QLatin1String("meta"))
                                .toObject()
                                .value(QLatin1String("next_page_url"))
                                .toString();
        next = url.isEmpty() ? QString() : url.mid(m_base.size());
    }
    QCOMPARE(pages, 3);
    QCOMPARE(sids.size(), SandboxTemplates::all().size());
    QCOMPARE(QSet<QString>(sids.cbegin(), sids.cend()).size(), sids.size());

    const sbtest::Reply unknown =
        call("GET", QStringLiteral("/v1/Content/HX0123456789abcdef0123456789abcdef"));
    QCOMPARE(unknown.status, 404);
    QCOMPARE(unknown.json().value(QLatin1String("code")).toInt(), 20404);
    const sbtest::Reply anonymous = call("GET", QStringLiteral("/v1/Content"), {}, false);
    QCOMPARE(anonymous.status, 401);
    QCOMPARE(anonymous.json().value(QLatin1String("code")).toInt(), 20003);
    QCOMPARE(call("GET", QStringLiteral("/v1/Content?PageSize=0")).status, 400);
}

void TestWhatsAppSandbox::contentClientReadsTheSandbox() {
    ContentClient client(&m_nam, {m_sandbox->accountSid(), m_sandbox->authToken(), {}},
                         QUrl(m_base));
    const auto all = await<TwilioResult<ContentClient::Templates>>(
        [&](auto done) { client.listTemplatesWithApprovals(&m_ctx, done); });
    QVERIFY(all && all->ok());
    QCOMPARE(all->value.size(), SandboxTemplates::all().size());
    const auto one = await<TwilioResult<ContentTemplate>>(
        [&](auto done) { client.fetchTemplate(SandboxTemplates::orderUpdate(), &m_ctx, done); });
    QVERIFY(one && one->ok());
    QCOMPARE(one->value.sid, SandboxTemplates::orderUpdate());
    const auto missing = await<TwilioResult<ContentTemplate>>([&](auto done) {
        client.fetchTemplate(QStringLiteral("HX0123456789abcdef0123456789abcdef"), &m_ctx, done);
    });
    QVERIFY(missing && !missing->ok());
    QCOMPARE(missing->error.httpStatus, 404);
    const auto approval = await<TwilioResult<ContentApproval>>(
        [&](auto done) { client.fetchApproval(SandboxTemplates::paymentOverdue(), &m_ctx, done); });
    QVERIFY(approval && approval->ok());
    QCOMPARE(approval->value.status, Status::Rejected);
}

void TestWhatsAppSandbox::inboundIsSignedWithProfileNameAndWaId() {
    const sbtest::Reply r =
        call("POST", QStringLiteral("/sandbox/inbound"),
             FormEncoding::encode({{QStringLiteral("Channel"), QStringLiteral("whatsapp")},
                                   {QStringLiteral("From"), QStringLiteral("+14155550123")},
                                   {QStringLiteral("Body"), QStringLiteral("Hola")},
                                   {QStringLiteral("ProfileName"), QStringLiteral("Marta")}}));
    QCOMPARE(r.status, 201);
    QCOMPARE(m_webhooks.size(), 1);
    const Webhook &hook = m_webhooks.first();
    QCOMPARE(hook.path, QStringLiteral("/incoming"));
    QVERIFY(hook.signatureValid);
    QCOMPARE(FormEncoding::value(hook.fields, QStringLiteral("From")),
             QStringLiteral("whatsapp:+14155550123"));
    QCOMPARE(FormEncoding::value(hook.fields, QStringLiteral("To")), WhatsAppSandbox::sender());
    QCOMPARE(FormEncoding::value(hook.fields, QStringLiteral("ProfileName")),
             QStringLiteral("Marta"));
    QCOMPARE(FormEncoding::value(hook.fields, QStringLiteral("WaId")),
             QStringLiteral("14155550123"));
    QCOMPARE(FormEncoding::value(hook.fields, QStringLiteral("Body")), QStringLiteral("Hola"));
    QVERIFY(FormEncoding::value(hook.fields, QStringLiteral("MessageSid"))
                .startsWith(QLatin1String("SM")));
    // The sandbox keeps it as the customer's message: the window's start.
    QVERIFY(
        m_sandbox->lastInbound(QStringLiteral("whatsapp:+14155550123"), WhatsAppSandbox::sender())
            .isValid());
}

void TestWhatsAppSandbox::statusesUpToReadWithSignedCallbacks() {
    customerWrites(QStringLiteral("whatsapp:+14155550124"));
    const sbtest::Reply r =
        sendMessage({{QStringLiteral("To"), QStringLiteral("whatsapp:+14155550124")},
                     {QStringLiteral("From"), WhatsAppSandbox::sender()},
                     {QStringLiteral("Body"), QStringLiteral("Thanks!")}});
    QCOMPARE(r.status, 201);
    QCOMPARE(r.json().value(QLatin1String("status")).toString(), QStringLiteral("queued"));
    const QString sid = r.json().value(QLatin1String("sid")).toString();
    QTRY_COMPARE(
        callbackStatuses(sid),
        (QStringList{QStringLiteral("sent"), QStringLiteral("delivered"), QStringLiteral("read")}));
    for (const Webhook &hook : std::as_const(m_webhooks))
        QVERIFY(hook.signatureValid);
}

void TestWhatsAppSandbox::windowOnTheSandboxClock_data() {
    QTest::addColumn<int>("minutesAfter");
    QTest::addColumn<QStringList>("statuses");
    QTest::newRow("23:59: delivered and read")
        << (23 * 60 + 59)
        << QStringList{QStringLiteral("sent"), QStringLiteral("delivered"), QStringLiteral("read")};
    QTest::newRow("24:01: failed, 63016") << (24 * 60 + 1) << QStringList{QStringLiteral("failed")};
}

void TestWhatsAppSandbox::windowOnTheSandboxClock() {
    QFETCH(int, minutesAfter);
    QFETCH(QStringList, statuses);
    const QString customer = QStringLiteral("whatsapp:+1415555013%1").arg(minutesAfter % 10);
    customerWrites(customer);
    m_offsetMs += qint64(minutesAfter) * 60 * 1000;
    const sbtest::Reply r = sendMessage({{QStringLiteral("To"), customer},
                                         {QStringLiteral("From"), WhatsAppSandbox::sender()},
                                         {QStringLiteral("Body"), QStringLiteral("Following up")}});
    // Twilio takes it either way; WhatsApp's refusal comes as the failed callback.
    QCOMPARE(r.status, 201);
    const QString sid = r.json().value(QLatin1String("sid")).toString();
    QTRY_COMPARE(callbackStatuses(sid), statuses);
    if (statuses.last() == QLatin1String("failed")) {
        QCOMPARE(errorCodeOf(sid), QStringLiteral("63016"));
        const QJsonObject message =
            call("GET", QStringLiteral("/2010-04-01/Accounts/%1/Messages/%2.json")
                            .arg(m_sandbox->accountSid(), sid))
                .json();
        QCOMPARE(message.value(QLatin1String("error_code")).toInt(), 63016);
    }
}

void TestWhatsAppSandbox::templates_data() {
    QTest::addColumn<bool>("customerWrote");
    QTest::addColumn<QString>("contentSid");
    QTest::addColumn<QString>("variables");
    QTest::addColumn<QString>("body");
    QTest::addColumn<QString>("last");
    QTest::newRow("approved, outside the window: filled in, read")
        << false << SandboxTemplates::orderUpdate() << R"({"1":"Ana","2":"#77"})"
        << "Hi Ana, your order #77 has shipped and should arrive by Friday. Reply to this "
           "message if you have any questions."
        << "read";
    QTest::newRow("pending, outside the window: failed")
        << false << SandboxTemplates::springSale() << ""
        << ""
        << "failed";
    QTest::newRow("rejected, outside the window: failed")
        << false << SandboxTemplates::paymentOverdue() << ""
        << ""
        << "failed";
    QTest::newRow("pending, inside the window: read")
        << true << SandboxTemplates::springSale() << R"({"2":"30%"})"
        << "Alex, our spring sale starts today: 30% off everything until Sunday. Reply STOP to "
           "opt out."
        << "read";
}

void TestWhatsAppSandbox::templates() {
    QFETCH(bool, customerWrote);
    QFETCH(QString, contentSid);
    QFETCH(QString, variables);
    QFETCH(QString, body);
    QFETCH(QString, last);
    static int next = 140;
    const QString customer = QStringLiteral("whatsapp:+14155550%1").arg(++next);
    if (customerWrote)
        customerWrites(customer);
    FormFields fields{{QStringLiteral("To"), customer},
                      {QStringLiteral("From"), WhatsAppSandbox::sender()},
                      {QStringLiteral("ContentSid"), contentSid}};
    if (!variables.isEmpty())
        fields.append({QStringLiteral("ContentVariables"), variables});
    const sbtest::Reply r = sendMessage(fields);
    QCOMPARE(r.status, 201);
    const QString sid = r.json().value(QLatin1String("sid")).toString();
    if (!body.isEmpty())
        QCOMPARE(r.json().value(QLatin1String("body")).toString(), body);
    QTRY_VERIFY(!callbackStatuses(sid).isEmpty() && callbackStatuses(sid).last() == last);
    if (last == QLatin1String("failed"))
        QCOMPARE(errorCodeOf(sid), QStringLiteral("63016"));
}

void TestWhatsAppSandbox::refusedAtOnce_data() {
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QString>("contentSid");
    QTest::addColumn<QString>("variables");
    QTest::addColumn<int>("code");
    const QString customer = QStringLiteral("whatsapp:+14155550150");
    QTest::newRow("From is no WhatsApp sender of the account")
        << "whatsapp:+14155550999" << customer << ""
        << "" << 63007;
    QTest::newRow("From and To on different channels")
        << WhatsAppSandbox::sender() << "+14155550150"
        << ""
        << "" << 21910;
    QTest::newRow("To is no number") << WhatsAppSandbox::sender() << "whatsapp:+1"
                                     << ""
                                     << "" << 21211;
    QTest::newRow("unknown ContentSid")
        << WhatsAppSandbox::sender() << customer << "HX0123456789abcdef0123456789abcdef"
        << "" << 21655;
    QTest::newRow("ContentVariables not an object")
        << WhatsAppSandbox::sender() << customer << SandboxTemplates::orderUpdate() << "Ana"
        << 21656;
    QTest::newRow("an empty variable") << WhatsAppSandbox::sender() << customer
                                       << SandboxTemplates::orderUpdate() << R"({"1":""})" << 21656;
}

void TestWhatsAppSandbox::refusedAtOnce() {
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(QString, contentSid);
    QFETCH(QString, variables);
    QFETCH(int, code);
    FormFields fields{{QStringLiteral("To"), to}, {QStringLiteral("From"), from}};
    if (contentSid.isEmpty())
        fields.append({QStringLiteral("Body"), QStringLiteral("hi")});
    else
        fields.append({QStringLiteral("ContentSid"), contentSid});
    if (!variables.isEmpty())
        fields.append({QStringLiteral("ContentVariables"), variables});
    const sbtest::Reply r = sendMessage(fields);
    QCOMPARE(r.status, 400);
    QCOMPARE(r.json().value(QLatin1String("code")).toInt(), code);
    QCOMPARE(r.json().value(QLatin1String("more_info")).toString(),
             QStringLiteral("https://www.twilio.com/docs/errors/%1").arg(code));
}

void TestWhatsAppSandbox::officialNodeHelperReadsTemplatesAndSendsOne() {
    SB_REQUIRE_TWILIO_NODE();

    // Twilio's own helper, pointed at the sandbox for both APIs: the Content API's lists (paged
    // by meta.next_page_url), one template, one approval, a RestException for an unknown one,
    // and a template sent as a WhatsApp message. It prints one JSON object with what it saw.
    const QByteArray script = R"JS(
const twilio = require('twilio');
const client = twilio(process.env.SID, process.env.TOKEN);
client.api.baseUrl = process.env.BASE;
client.content.baseUrl = process.env.BASE;
(async () => {
  const all = await client.content.v1.contentAndApprovals.list({ pageSize: 2 });
  const plain = await client.content.v1.contents.list();
  const one = await client.content.v1.contents(process.env.ORDER).fetch();
  const approval = await client.content.v1.contents(process.env.SALE).approvalFetch().fetch();
  let missing = null;
  try { await client.content.v1.contents('HX0123456789abcdef0123456789abcdef').fetch(); }
  catch (e) { missing = { name: e.constructor.name, status: e.status, code: e.code }; }
  const sent = await client.messages.create({
    to: 'whatsapp:+14155550160', from: 'whatsapp:+14155238886', contentSid: process.env.ORDER,
    contentVariables: JSON.stringify({ 1: 'Ana', 2: '#9' }) });
  console.log(JSON.stringify({
    all: all.map((t) => [t.sid, t.approvalRequests.status]),
    plain: plain.length,
    one: { name: one.friendlyName, types: Object.keys(one.types) },
    approval: approval.whatsapp.status,
    missing,
    sent: { body: sent.body, status: sent.status } }));
})().catch((e) => { console.log(JSON.stringify({ fatal: String(e) })); process.exit(1); });
)JS";

    QProcessEnvironment env;
    env.insert(QStringLiteral("SID"), m_sandbox->accountSid());
    env.insert(QStringLiteral("TOKEN"), m_sandbox->authToken());
    env.insert(QStringLiteral("BASE"), m_base);
    env.insert(QStringLiteral("ORDER"), SandboxTemplates::orderUpdate());
    env.insert(QStringLiteral("SALE"), SandboxTemplates::springSale());
    // The sandbox answers on this thread: runTwilioNode turns its event loop.
    QJsonObject out;
    QString error;
    QVERIFY2(sbtest::runTwilioNode(script, env, &out, &error), qPrintable(error));

    const QJsonArray all = out.value(QLatin1String("all")).toArray();
    QCOMPARE(all.size(), SandboxTemplates::all().size());
    QStringList statuses;
    for (const QJsonValue v : all)
        statuses.append(v.toArray().at(1).toString());
    QCOMPARE(statuses, (QStringList{"approved", "approved", "approved", "pending", "rejected"}));
    QCOMPARE(out.value(QLatin1String("plain")).toInt(), SandboxTemplates::all().size());
    QCOMPARE(out.value(QLatin1String("one")).toObject().value(QLatin1String("name")).toString(),
             QStringLiteral("order_update"));
    QCOMPARE(out.value(QLatin1String("approval")).toString(), QStringLiteral("pending"));
    const QJsonObject missing = out.value(QLatin1String("missing")).toObject();
    QCOMPARE(missing.value(QLatin1String("name")).toString(), QStringLiteral("RestException"));
    QCOMPARE(missing.value(QLatin1String("status")).toInt(), 404);
    QCOMPARE(missing.value(QLatin1String("code")).toInt(), 20404);
    const QJsonObject sent = out.value(QLatin1String("sent")).toObject();
    QCOMPARE(sent.value(QLatin1String("status")).toString(), QStringLiteral("queued"));
    QCOMPARE(sent.value(QLatin1String("body")).toString(),
             QStringLiteral("Hi Ana, your order #9 has shipped and should arrive by Friday. Reply "
                            "to this message if you have any questions."));
}

QTEST_GUILESS_MAIN(TestWhatsAppSandbox)
#include "tst_whatsapp_sandbox.moc"
