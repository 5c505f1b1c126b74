#include "config/Config.h"
#include "messaging/MessageStatus.h"
#include "runtime/BuiltInChannels.h"
#include "whatsapp/WhatsAppAddress.h"
#include "whatsapp/WhatsAppChannel.h"
#include "whatsapp/WhatsAppRoutes.h"
#include "whatsapp/WhatsAppSandbox.h"
#include "whatsapp/WhatsAppSender.h"
#include "whatsapp/WhatsAppStatuses.h"

#include <QtTest>

using namespace sb;

// The WhatsApp channel's pieces that need no server: addresses, statuses, the checks a send
// passes before anything is asked of anyone, and the channel's registration.
class TestWhatsAppParts : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void addresses_data();
    void addresses();
    void waId();
    void statusesReadLikeWhatsApp();
    void senderChecks_data();
    void senderChecks();
    void registeredWithItsRoutes();
    void defaultSender();
};

void TestWhatsAppParts::addresses_data() {
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("address"); // empty: refused
    QTest::newRow("whatsapp address") << "whatsapp:+14155550100"
                                      << "whatsapp:+14155550100";
    QTest::newRow("bare E.164 gets the prefix") << "+14155550100"
                                                << "whatsapp:+14155550100";
    QTest::newRow("prefix in capitals") << "WhatsApp:+14155550100"
                                        << "whatsapp:+14155550100";
    QTest::newRow("spaces around") << "  whatsapp:+1 415 555 0100 "
                                   << "whatsapp:+14155550100";
    QTest::newRow("another channel") << "messenger:+14155550100"
                                     << "";
    QTest::newRow("sms prefix") << "sms:+14155550100"
                                << "";
    QTest::newRow("national form") << "whatsapp:4155550100"
                                   << "";
    QTest::newRow("too short") << "whatsapp:+1415"
                               << "";
    QTest::newRow("empty") << ""
                           << "";
}

void TestWhatsAppParts::addresses() {
    QFETCH(QString, input);
    QFETCH(QString, address);
    const WhatsAppAddressCheck check = WhatsAppAddress::check(input);
    QCOMPARE(check.valid, !address.isEmpty());
    QCOMPARE(check.address, address);
    QCOMPARE(check.reason.isEmpty(), check.valid);
}

void TestWhatsAppParts::waId() {
    QCOMPARE(WhatsAppAddress::waId(QStringLiteral("whatsapp:+14155550100")),
             QStringLiteral("14155550100"));
    QVERIFY(WhatsAppAddress::isWhatsApp(QStringLiteral("whatsapp:+1")));
    QVERIFY(!WhatsAppAddress::isWhatsApp(QStringLiteral("+14155550100")));
}

void TestWhatsAppParts::statusesReadLikeWhatsApp() {
    const WhatsAppStatuses &s = WhatsAppStatuses::instance();
    // `read` follows `delivered`; nothing moves a read message back.
    QVERIFY(s.info(QStringLiteral("read")).rank > s.info(QStringLiteral("delivered")).rank);
    QVERIFY(s.info(QStringLiteral("delivered")).rank > s.info(QStringLiteral("sent")).rank);
    QCOMPARE(s.info(QStringLiteral("read")).rank, MessageStatus::rank(QStringLiteral("read")));
    QVERIFY(s.info(QStringLiteral("read")).final);
    QCOMPARE(s.info(QStringLiteral("read")).tone, StatusTone::Success);
    QCOMPARE(s.info(QStringLiteral("failed")).tone, StatusTone::Failure);
    QVERIFY(s.info(QStringLiteral("read")).meaning.contains(QLatin1String("opened")));
    QVERIFY(s.info(QStringLiteral("delivered")).meaning.contains(QLatin1String("two ticks")));
    QVERIFY(s.info(QStringLiteral("sent")).meaning.contains(QLatin1String("one tick")));
    for (const char *status : {"queued", "sent", "delivered", "read", "failed", "received"})
        QVERIFY2(!s.info(QString::fromLatin1(status)).meaning.isEmpty(), status);
}

void TestWhatsAppParts::senderChecks_data() {
    QTest::addColumn<QString>("to");
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("body");
    QTest::addColumn<QString>("contentSid");
    QTest::addColumn<QStringList>("variables"); // key=value
    QTest::addColumn<QStringList>("fields");    // the fields refused, in order
    const QString sid = QStringLiteral("HX611d3e3343e5194d7f290e44b392b617");
    QTest::newRow("free text") << "whatsapp:+14155550100"
                               << ""
                               << "hi"
                               << "" << QStringList() << QStringList();
    QTest::newRow("template") << "+14155550100"
                              << ""
                              << "" << sid << QStringList{"1=Ana"} << QStringList();
    QTest::newRow("nothing to send") << "whatsapp:+14155550100"
                                     << ""
                                     << ""
                                     << "" << QStringList() << QStringList{"body"};
    QTest::newRow("everything wrong")
        << "fb:123"
        << "whatsapp:+1"
        << "text"
        << "HXnope" << QStringList{"a b=x", "1= "}
        << QStringList{"to", "from", "contentSid", "body", "contentVariables", "contentVariables"};
    QTest::newRow("variables without a template")
        << "whatsapp:+14155550100"
        << ""
        << "hi"
        << "" << QStringList{"1=Ana"} << QStringList{"contentVariables"};
    QTest::newRow("named variable") << "whatsapp:+14155550100"
                                    << ""
                                    << "" << sid << QStringList{"first_name=Ana"} << QStringList();
}

void TestWhatsAppParts::senderChecks() {
    QFETCH(QString, to);
    QFETCH(QString, from);
    QFETCH(QString, body);
    QFETCH(QString, contentSid);
    QFETCH(QStringList, variables);
    QFETCH(QStringList, fields);
    WhatsAppSender sender(nullptr, nullptr, nullptr, {}, WhatsAppSandbox::sender());
    WhatsAppSendRequest request;
    request.to = to;
    request.from = from;
    request.body = body;
    request.contentSid = contentSid;
    for (const QString &pair : variables)
        request.contentVariables.insert(pair.section(QLatin1Char('='), 0, 0),
                                        pair.section(QLatin1Char('='), 1));
    QStringList refused;
    for (const auto &[field, reason] : sender.check(&request)) {
        refused.append(field);
        QVERIFY(!reason.isEmpty());
    }
    QCOMPARE(refused, fields);
    if (fields.isEmpty()) {
        QCOMPARE(request.to, QStringLiteral("whatsapp:+14155550100"));
        QCOMPARE(request.from, WhatsAppSandbox::sender());
    }
}

void TestWhatsAppParts::registeredWithItsRoutes() {
    std::shared_ptr<const Channel> whatsapp;
    for (const auto &channel : builtInChannels()) {
        if (channel->id() == QLatin1String("whatsapp"))
            whatsapp = channel;
    }
    QVERIFY2(whatsapp, "channels/CMakeLists.txt registers WhatsApp");
    QCOMPARE(whatsapp->displayName(), QStringLiteral("WhatsApp"));
    QCOMPARE(&whatsapp->statuses(), &WhatsAppStatuses::instance());
    QVERIFY(!whatsapp->schema().isEmpty());
    QStringList paths;
    for (const WebhookEndpoint &hook : whatsapp->webhooks())
        paths.append(hook.path);
    QCOMPARE(paths, (QStringList{WhatsAppRoutes::incoming(), WhatsAppRoutes::status()}));
}

void TestWhatsAppParts::defaultSender() {
    Config config;
    config.sandbox = true;
    QCOMPARE(WhatsAppChannel::defaultSender(config), QStringLiteral("whatsapp:+14155238886"));
    config.whatsappNumber = QStringLiteral("whatsapp:+15017122661");
    QCOMPARE(WhatsAppChannel::defaultSender(config), config.whatsappNumber);
    config = Config();
    QCOMPARE(WhatsAppChannel::defaultSender(config), QString());
}

QTEST_GUILESS_MAIN(TestWhatsAppParts)
#include "tst_whatsapp_parts.moc"
