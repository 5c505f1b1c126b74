#include "TestSupport.h"
#include "email/EmailSandbox.h"
#include "email/SandboxEmailTemplates.h"
#include "email/ui/EmailTemplatePicker.h"
#include "providers/sendgrid/SendGridClient.h"
#include "sandbox/Sandbox.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTextBrowser>
#include <QThread>
#include <QtTest>

using namespace sb;

// EmailTemplatePicker against the sandbox's SendGrid templates, with its SendGridClient on a
// network thread of its own as in the console: it lists the three sample templates without
// waiting for them, builds each one's form (text, flags, item tables), and previews the email
// with the agent's values escaped as SendGrid's Handlebars escapes them.
class TestEmailTemplatePicker : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();
    void listsTheTemplatesWithoutWaitingForThem();
    void orderShippedFormAndEscapedPreview();
    void aFlagTurnsOnItsPart();
    void rawHtmlAndDottedNames();
    void aLaterPickWins();
    void noTemplateMeansNoData();
    void aRefusedKeyIsExplained();

private:
    void waitForList();
    void pickAndWait(const QString &id);
    void screenshot(const QString &name);

    std::unique_ptr<Sandbox> m_sandbox;
    QThread m_network;
    QNetworkAccessManager *m_nam = nullptr;
    SendGridClient *m_client = nullptr;
    std::unique_ptr<EmailTemplatePicker> m_picker;
};

void TestEmailTemplatePicker::initTestCase() {
    m_sandbox = std::make_unique<Sandbox>(SandboxOptions{});
    EmailSandbox::install(*m_sandbox, QString());
    const quint16 port = m_sandbox->listen(QHostAddress::LocalHost, 0);
    QVERIFY(port != 0);
    // The client lives on the network thread; the picker reaches it only by invokeMethod.
    m_nam = new QNetworkAccessManager;
    m_client = new SendGridClient(m_nam, {m_sandbox->sendgridApiKey(),
                                          QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port))});
    m_nam->moveToThread(&m_network);
    m_client->moveToThread(&m_network);
    m_network.start();
}

void TestEmailTemplatePicker::cleanupTestCase() {
    QMetaObject::invokeMethod(
        m_client,
        [client = m_client, nam = m_nam] {
            delete client;
            delete nam;
        },
        Qt::BlockingQueuedConnection);
    m_network.quit();
    m_network.wait();
}

void TestEmailTemplatePicker::init() {
    m_picker = std::make_unique<EmailTemplatePicker>(m_client);
    m_picker->resize(960, 600);
    m_picker->show();
}

void TestEmailTemplatePicker::cleanup() {
    m_picker.reset();
}

void TestEmailTemplatePicker::waitForList() {
    QTRY_COMPARE_WITH_TIMEOUT(m_picker->combo()->count(), 4, 10000); // "No template" and 3
}

void TestEmailTemplatePicker::pickAndWait(const QString &id) {
    QSignalSpy loaded(m_picker.get(), &EmailTemplatePicker::templateLoaded);
    QVERIFY(m_picker->pick(id));
    QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, 10000);
    QCOMPARE(loaded.first().first().toString(), id);
    QVERIFY(m_picker->activeVersion());
}

void TestEmailTemplatePicker::screenshot(const QString &name) {
    QDir().mkpath(QStringLiteral(SB_SCREENSHOT_DIR));
    const QString path = QStringLiteral(SB_SCREENSHOT_DIR "/") + name;
    QVERIFY(m_picker->grab().save(path));
    qInfo("screenshot: %s", qPrintable(path));
}

void TestEmailTemplatePicker::listsTheTemplatesWithoutWaitingForThem() {
    // The constructor only asked: nothing has come back yet, and the window is usable.
    QCOMPARE(m_picker->combo()->count(), 1);
    QVERIFY(m_picker->statusLabel()->text().contains(QLatin1String("Loading")));
    QSignalSpy listed(m_picker.get(), &EmailTemplatePicker::templatesListed);
    waitForList();
    QCOMPARE(listed.size(), 1);
    QCOMPARE(listed.first().first().toInt(), 3);
    QCOMPARE(m_picker->combo()->itemText(1), QStringLiteral("Order shipped"));
    QCOMPARE(m_picker->combo()->itemText(2), QStringLiteral("Password reset"));
    QCOMPARE(m_picker->combo()->itemText(3), QStringLiteral("Support ticket reply"));
    QCOMPARE(m_picker->statusLabel()->text(), QStringLiteral("3 dynamic templates"));
    QVERIFY(m_picker->templateId().isEmpty());
}

void TestEmailTemplatePicker::orderShippedFormAndEscapedPreview() {
    waitForList();
    pickAndWait(SandboxEmailTemplates::orderShipped());
    QCOMPARE(m_picker->templateId(), SandboxEmailTemplates::orderShipped());
    for (const char *text : {"order_id", "first_name", "tracking_url", "carrier", "gift_note"})
        QVERIFY2(m_picker->textEdit(QLatin1String(text)), text);
    QTableWidget *items = m_picker->listTable(QStringLiteral("items"));
    QVERIFY(items);
    QCOMPARE(items->columnCount(), 3);
    QCOMPARE(items->horizontalHeaderItem(0)->text(), QStringLiteral("name"));
    QCOMPARE(items->horizontalHeaderItem(1)->text(), QStringLiteral("quantity"));
    QCOMPARE(items->horizontalHeaderItem(2)->text(), QStringLiteral("price"));
    QCOMPARE(items->rowCount(), 1);

    QSignalSpy changed(m_picker.get(), &EmailTemplatePicker::changed);
    QTest::keyClicks(m_picker->textEdit(QStringLiteral("first_name")), QStringLiteral("Ana <b>"));
    QTest::keyClicks(m_picker->textEdit(QStringLiteral("order_id")), QStringLiteral("A&B-1001"));
    m_picker->textEdit(QStringLiteral("carrier"))->setText(QStringLiteral("UPS"));
    m_picker->textEdit(QStringLiteral("tracking_url"))
        ->setText(QStringLiteral("https://track.example/1Z999"));
    items->item(0, 0)->setText(QStringLiteral("Mug \"XL\""));
    items->item(0, 1)->setText(QStringLiteral("2"));
    items->item(0, 2)->setText(QStringLiteral("$9.00"));
    QTest::mouseClick(m_picker->findChild<QPushButton *>(QStringLiteral("emailListAdd_items")),
                      Qt::LeftButton);
    QCOMPARE(items->rowCount(), 2);
    items->item(1, 0)->setText(QStringLiteral("Tea"));
    items->item(1, 1)->setText(QStringLiteral("1"));
    items->item(1, 2)->setText(QStringLiteral("$4.50"));
    QVERIFY(changed.size() >= 10);

    const QJsonObject expected = QJsonDocument::fromJson(R"({
        "first_name": "Ana <b>", "order_id": "A&B-1001", "carrier": "UPS",
        "tracking_url": "https://track.example/1Z999",
        "items": [{"name": "Mug \"XL\"", "quantity": "2", "price": "$9.00"},
                  {"name": "Tea", "quantity": "1", "price": "$4.50"}]})")
                                     .object();
    QCOMPARE(m_picker->dynamicTemplateData(), expected);

    // The subject and the HTML as SendGrid makes them: the agent's < & " escaped.
    QCOMPARE(m_picker->previewSubject(), QStringLiteral("Order A&amp;B-1001 is on its way"));
    QCOMPARE(m_picker->subjectLabel()->text(),
             QStringLiteral("Subject: Order A&amp;B-1001 is on its way"));
    const QString html = m_picker->previewHtml();
    QVERIFY2(html.contains(QLatin1String("<p>Hi Ana &lt;b&gt;,</p>")), qPrintable(html));
    QVERIFY(html.contains(QLatin1String("<td>Mug &quot;XL&quot;</td>")));
    QVERIFY(html.contains(QLatin1String("<td>Tea</td>")));
    // ...so the preview shows them as text, not markup.
    const QString shown = m_picker->previewBrowser()->toPlainText();
    QVERIFY2(shown.contains(QLatin1String("Hi Ana <b>,")), qPrintable(shown));
    QVERIFY(shown.contains(QLatin1String("Good news: order A&B-1001 left our warehouse")));
    QVERIFY(shown.contains(QLatin1String("Mug \"XL\"")));
    QVERIFY(shown.contains(QLatin1String("Track it with UPS")));
    QVERIFY(!shown.contains(QLatin1String("gift note")));
    QVERIFY(!shown.contains(QLatin1String("{{")));
    screenshot(QStringLiteral("email-template-picker.png"));

    // An empty row is no item.
    QTest::mouseClick(m_picker->findChild<QPushButton *>(QStringLiteral("emailListAdd_items")),
                      Qt::LeftButton);
    QCOMPARE(m_picker->dynamicTemplateData().value("items").toArray().size(), 2);
    // Removing the current row takes its item out of the data and the preview.
    items->setCurrentCell(0, 0);
    QTest::mouseClick(m_picker->findChild<QPushButton *>(QStringLiteral("emailListRemove_items")),
                      Qt::LeftButton);
    QCOMPARE(m_picker->dynamicTemplateData().value("items").toArray().size(), 1);
    QVERIFY(!m_picker->previewBrowser()->toPlainText().contains(QLatin1String("Mug")));
}

void TestEmailTemplatePicker::aFlagTurnsOnItsPart() {
    waitForList();
    pickAndWait(SandboxEmailTemplates::passwordReset());
    QCheckBox *alert = m_picker->flagBox(QStringLiteral("security_alert"));
    QVERIFY(alert);
    QVERIFY(!m_picker->flagBox(QStringLiteral("requested_from"))); // shown too: a text
    QVERIFY(m_picker->textEdit(QStringLiteral("requested_from")));
    // {{insert first_name "default=there"}} with no value: its default.
    QVERIFY(m_picker->previewBrowser()->toPlainText().contains(QLatin1String("Hello there,")));
    QVERIFY(m_picker->previewBrowser()->toPlainText().contains(QLatin1String("you can ignore")));
    QCOMPARE(m_picker->dynamicTemplateData().value("security_alert"), QJsonValue(false));
    alert->click();
    QCOMPARE(m_picker->dynamicTemplateData().value("security_alert"), QJsonValue(true));
    const QString shown = m_picker->previewBrowser()->toPlainText();
    QVERIFY2(shown.contains(QLatin1String("we will lock the account")), qPrintable(shown));
    QVERIFY(!shown.contains(QLatin1String("you can ignore")));
    m_picker->textEdit(QStringLiteral("product_name"))->setText(QStringLiteral("Acme"));
    QCOMPARE(m_picker->previewSubject(), QStringLiteral("Reset your Acme password"));
}

void TestEmailTemplatePicker::rawHtmlAndDottedNames() {
    waitForList();
    pickAndWait(SandboxEmailTemplates::ticketReply());
    QVERIFY(m_picker->flagBox(QStringLiteral("ticket.closed")));
    m_picker->textEdit(QStringLiteral("customer.name"))->setText(QStringLiteral("Cy"));
    m_picker->textEdit(QStringLiteral("ticket.id"))->setText(QStringLiteral("4711"));
    m_picker->textEdit(QStringLiteral("ticket.subject"))->setText(QStringLiteral("Tom & Jerry"));
    m_picker->textEdit(QStringLiteral("reply_html"))
        ->setText(QStringLiteral("<p>Your refund is <b>approved</b>.</p>"));
    const QJsonObject data = m_picker->dynamicTemplateData();
    QCOMPARE(data.value("customer").toObject().value("name").toString(), QStringLiteral("Cy"));
    QCOMPARE(data.value("ticket").toObject().value("id").toString(), QStringLiteral("4711"));
    QCOMPARE(data.value("ticket").toObject().value("closed"), QJsonValue(false));
    // {{{ticket.subject}}} in the subject: not escaped.
    QCOMPARE(m_picker->previewSubject(), QStringLiteral("Re: [#4711] Tom & Jerry"));
    // {{{reply_html}}}: the agent's HTML is markup in the email.
    QVERIFY(
        m_picker->previewHtml().contains(QLatin1String("<p>Your refund is <b>approved</b>.</p>")));
    QVERIFY(m_picker->previewBrowser()->toPlainText().contains(
        QLatin1String("Your refund is approved.")));
    QVERIFY(m_picker->previewBrowser()->toPlainText().contains(
        QLatin1String("Reply to this email to add to ticket #4711.")));
    m_picker->flagBox(QStringLiteral("ticket.closed"))->click();
    QVERIFY(m_picker->previewBrowser()->toPlainText().contains(QLatin1String("is now closed")));
}

void TestEmailTemplatePicker::aLaterPickWins() {
    waitForList();
    QSignalSpy loaded(m_picker.get(), &EmailTemplatePicker::templateLoaded);
    QVERIFY(m_picker->pick(SandboxEmailTemplates::orderShipped()));
    QVERIFY(m_picker->pick(SandboxEmailTemplates::passwordReset()));
    QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, 10000);
    QTest::qWait(200); // the first answer, if it came, was dropped
    QCOMPARE(loaded.size(), 1);
    QCOMPARE(loaded.first().first().toString(), SandboxEmailTemplates::passwordReset());
    QVERIFY(m_picker->flagBox(QStringLiteral("security_alert")));
    QVERIFY(!m_picker->listTable(QStringLiteral("items")));
}

void TestEmailTemplatePicker::noTemplateMeansNoData() {
    waitForList();
    pickAndWait(SandboxEmailTemplates::orderShipped());
    m_picker->textEdit(QStringLiteral("first_name"))->setText(QStringLiteral("Ana"));
    QSignalSpy changed(m_picker.get(), &EmailTemplatePicker::changed);
    m_picker->combo()->setCurrentIndex(0);
    QCOMPARE(changed.size(), 1);
    QVERIFY(m_picker->templateId().isEmpty());
    QVERIFY(m_picker->dynamicTemplateData().isEmpty());
    QVERIFY(!m_picker->textEdit(QStringLiteral("first_name")));
    QVERIFY(m_picker->previewBrowser()->toPlainText().isEmpty());
}

void TestEmailTemplatePicker::aRefusedKeyIsExplained() {
    QNetworkAccessManager nam;
    SendGridClient wrongKey(&nam, {QStringLiteral("SG.wrong-key"), m_client->apiBase()});
    EmailTemplatePicker picker(&wrongKey);
    QTRY_VERIFY_WITH_TIMEOUT(
        picker.statusLabel()->text().contains(QLatin1String("could not be loaded")), 10000);
    QVERIFY2(picker.statusLabel()->text().contains(QLatin1String("SENDGRID_API_KEY")),
             qPrintable(picker.statusLabel()->text()));
    QVERIFY(!picker.statusLabel()->text().contains(QLatin1String("SG.wrong-key")));
    QCOMPARE(picker.combo()->count(), 1);
}

QTEST_MAIN(TestEmailTemplatePicker)
#include "tst_email_template_picker.moc"
