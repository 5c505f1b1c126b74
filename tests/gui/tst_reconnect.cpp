#include "BuiltInChannelUis.h"
#include "MainWindow.h"
#include "SmsTabOf.h"
#include "TestSupport.h"
#include "db/Store.h"
#include "providers/twilio/SignatureValidator.h"
#include "runtime/BuiltInChannels.h"
#include "runtime/SwitchboardService.h"
#include "settings/SecretStore.h"
#include "sms/ui/SmsTab.h"

#include <QNetworkReply>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace sb;

// Settings ▸ Save rebuilds the service (threads, server, outbox) and the tabs while sends,
// account requests and webhooks are still in flight. Every late answer must find its receiver
// gone and be dropped on the receiver's own thread (the sanitizer build checks the memory).
class TestReconnect : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void reconnectWhileSendsAndWebhooksAreInFlight();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<SecretStore> m_secrets;
    std::unique_ptr<MainWindow> m_window;
};

void TestReconnect::initTestCase() {
    qputenv("SWITCHBOARD_SANDBOX_DELAY_MS", "5");
    m_settings = std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("settings.ini")),
                                             QSettings::IniFormat);
    m_secrets = std::make_unique<SecretStore>();
    const QString data = m_dir.filePath(QStringLiteral("data"));
    auto load = [data](const QHash<QString, QString> &stored, QString *error) {
        QProcessEnvironment env;
        env.insert(QStringLiteral("SWITCHBOARD_DATA_DIR"), data);
        env.insert(QStringLiteral("SWITCHBOARD_PORT"), QStringLiteral("0"));
        env.insert(QStringLiteral("SWITCHBOARD_API_TOKEN"), QStringLiteral("reconnect"));
        return ConfigLoader::load(env, QString(), error, stored);
    };
    m_window =
        std::make_unique<MainWindow>(load, builtInChannels(), builtInChannelUis(), m_settings.get(),
                                     m_secrets.get(), QHash<QString, QString>{});
    QSignalSpy started(m_window.get(), &MainWindow::serviceStarted);
    m_window->show();
    m_window->start();
    QVERIFY(started.wait(15000));
}

void TestReconnect::cleanupTestCase() {
    m_window.reset();
}

void TestReconnect::reconnectWhileSendsAndWebhooksAreInFlight() {
    QNetworkAccessManager nam;
    int answered = 0;
    for (int round = 0; round < 8; ++round) {
        SwitchboardService *service = m_window->service();
        QVERIFY(service && service->port() != 0);
        // Sends from the tab (answers go to the tab), sends over the local API (answers go
        // to the server thread), signed webhooks and inbound messages (the store's change feed
        // goes to the window and the tab's models), and the account tab's requests.
        for (int i = 0; i < 5; ++i) {
            smsTabOf(*m_window)->send(QStringLiteral("+14155550100"), service->config().phoneNumber,
                                      QStringLiteral("tab %1/%2").arg(round).arg(i));
            QNetworkRequest api(QUrl(
                QStringLiteral("http://127.0.0.1:%1/api/v1/twilio/send-sms").arg(service->port())));
            api.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
            api.setRawHeader("Authorization", "Bearer reconnect");
            QNetworkReply *r =
                nam.post(api, QByteArray("{\"to\":\"+14155550101\",\"body\":\"api ") +
                                  QByteArray::number(round * 10 + i) + "\"}");
            connect(r, &QNetworkReply::finished, r, [r, &answered] {
                ++answered;
                r->deleteLater();
            });
            const QString url =
                service->publicUrl().toString() + QStringLiteral("/twilio/incoming-sms");
            const FormFields fields{
                {QStringLiteral("MessageSid"), QStringLiteral("SMrc%1x%2").arg(round).arg(i)},
                {QStringLiteral("From"), QStringLiteral("+14155550177")},
                {QStringLiteral("Body"), QStringLiteral("hello")}};
            QNetworkRequest hook{QUrl(
                QStringLiteral("http://127.0.0.1:%1/twilio/incoming-sms").arg(service->port()))};
            hook.setHeader(QNetworkRequest::ContentTypeHeader, "application/x-www-form-urlencoded");
            hook.setRawHeader(
                "X-Twilio-Signature",
                SignatureValidator::sign(service->config().authToken.toUtf8(), url, fields));
            QNetworkReply *h = nam.post(hook, FormEncoding::encode(fields));
            connect(h, &QNetworkReply::finished, h, [h, &answered] {
                ++answered;
                h->deleteLater();
            });
        }
        service->simulateInbound(QStringLiteral("sms"), QStringLiteral("+14155550142"),
                                 QStringLiteral("simulated"));
        // Let some of it start, then reconnect in the middle of it.
        QTest::qWait(round * 7 % 30);
        QSignalSpy started(m_window.get(), &MainWindow::serviceStarted);
        m_window->start();
        QVERIFY(started.wait(15000));
    }
    // The last service is alive and well: a send through it completes.
    QTest::qWait(200);
    QVERIFY(answered > 0);
    QSignalSpy changed(m_window->service()->store(), &Store::messagesChanged);
    smsTabOf(*m_window)->send(QStringLiteral("+14155550100"),
                              m_window->service()->config().phoneNumber, QStringLiteral("after"));
    QTRY_VERIFY_WITH_TIMEOUT(!changed.isEmpty(), 10000);
}

QTEST_MAIN(TestReconnect)
#include "tst_reconnect.moc"
