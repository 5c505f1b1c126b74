// switchboard-sandbox: the offline Twilio stand-in as a process of its own, for trying the
// API with curl or for tests that restart Switchboard around it. This file only wires.
#include "common/Logging.h"
#include "common/UnixSignals.h"
#include "common/Version.h"
#include "runtime/BuiltInChannels.h"
#include "sandbox/Sandbox.h"
#include "sandbox/SandboxContext.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <csignal>
#include <cstdio>

int main(int argc, char *argv[]) {
    sb::installLogFormat();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("switchboard-sandbox"));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(sb::Version));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("An offline stand-in for Twilio's REST API, with signed status callbacks."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption port(QStringLiteral("port"),
                                  QStringLiteral("Port (0: any free port)."),
                                  QStringLiteral("port"), QStringLiteral("0"));
    const QCommandLineOption bind(QStringLiteral("bind"), QStringLiteral("Address to listen on."),
                                  QStringLiteral("address"), QStringLiteral("127.0.0.1"));
    const QCommandLineOption sid(QStringLiteral("account-sid"),
                                 QStringLiteral("Account SID (AC...)."), QStringLiteral("sid"));
    const QCommandLineOption token(QStringLiteral("auth-token"), QStringLiteral("Auth token."),
                                   QStringLiteral("token"));
    const QCommandLineOption number(QStringLiteral("number"),
                                    QStringLiteral("A phone number of the account (repeatable)."),
                                    QStringLiteral("e164"));
    const QCommandLineOption smsUrl(QStringLiteral("sms-url"),
                                    QStringLiteral("Webhook for inbound messages."),
                                    QStringLiteral("url"));
    const QCommandLineOption delay(QStringLiteral("delay-ms"),
                                   QStringLiteral("Delay between status changes."),
                                   QStringLiteral("ms"), QStringLiteral("400"));
    const QCommandLineOption twimlSecond(
        QStringLiteral("twiml-second-ms"),
        QStringLiteral("How long one second of a call's TwiML takes (default: the delay)."),
        QStringLiteral("ms"), QStringLiteral("0"));
    const QCommandLineOption consoleUrl(
        QStringLiteral("console-url"),
        QStringLiteral("The console's public base URL (e.g. http://localhost:3000): inbound SMS "
                       "and WhatsApp messages and SendGrid's Event Webhook batches go there."),
        QStringLiteral("url"));
    const QCommandLineOption sendgridKey(
        QStringLiteral("sendgrid-api-key"),
        QStringLiteral("The API key the SendGrid stand-in takes (generated when not given)."),
        QStringLiteral("key"));
    parser.addOptions(
        {port, bind, sid, token, number, smsUrl, delay, twimlSecond, consoleUrl, sendgridKey});
    parser.process(app);

    sb::SandboxOptions options;
    options.accountSid = parser.value(sid);
    options.authToken = parser.value(token);
    if (parser.isSet(number))
        options.numbers = parser.values(number);
    options.smsUrl = parser.value(smsUrl);
    options.statusDelayMs = parser.value(delay).toInt();
    options.twimlSecondMs = parser.value(twimlSecond).toInt();
    options.sendgridApiKey = parser.value(sendgridKey);
    sb::Sandbox sandbox(options);
    // Every channel's part, with the webhooks given above and the console's, if given.
    QString console = parser.value(consoleUrl);
    while (console.endsWith(QLatin1Char('/')))
        console.chop(1);
    sb::SandboxContext context(sandbox, console);
    for (const auto &channel : sb::builtInChannels())
        channel->addToSandbox(context);
    const quint16 bound =
        sandbox.listen(QHostAddress(parser.value(bind)), quint16(parser.value(port).toUInt()));
    if (!bound) {
        std::fprintf(stderr, "switchboard-sandbox: cannot listen: %s\n",
                     qPrintable(sandbox.errorString()));
        return 1;
    }
    // One machine-readable line, for scripts and tests that start it with --port 0.
    std::printf("SANDBOX_URL=http://%s:%u\n", qPrintable(parser.value(bind)), unsigned(bound));
    // Then the key a console verifies the SendGrid stand-in's Event Webhook batches with
    // (public: SENDGRID_WEBHOOK_PUBLIC_KEY).
    std::printf("SENDGRID_WEBHOOK_PUBLIC_KEY=%s\n",
                sandbox.sendgridSigner().publicKeyBase64().constData());
    std::fflush(stdout);

    sb::UnixSignals signals({SIGINT, SIGTERM});
    QObject::connect(&signals, &sb::UnixSignals::received, &app, &QCoreApplication::quit);
    return app.exec();
}
