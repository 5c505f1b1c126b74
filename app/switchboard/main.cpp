// switchboard: the operator console. Until the Widgets console lands (issue #4) it runs the
// core headless: the webhook server, the local API, the outbox and, without credentials, the
// built-in sandbox. This file only wires.
#include "common/Logging.h"
#include "common/UnixSignals.h"
#include "config/Config.h"
#include "service/SwitchboardService.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>

#include <csignal>
#include <cstdio>

int main(int argc, char *argv[])
{
    sb::installLogFormat();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("switchboard"));
    QCoreApplication::setApplicationVersion(QStringLiteral("0.1.0"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Switchboard: an operator console for Twilio."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption headless(QStringLiteral("headless"),
                                      QStringLiteral("Run the webhook server and local API without a window."));
    parser.addOption(headless);
    parser.process(app);

    QString error;
    const auto config = sb::ConfigLoader::load(QProcessEnvironment::systemEnvironment(),
                                               QDir::current().filePath(QStringLiteral(".env")), &error);
    if (!config) {
        std::fprintf(stderr, "switchboard: configuration error: %s\n", qPrintable(error));
        return 2;
    }
    if (!parser.isSet(headless))
        std::fprintf(stderr, "switchboard: the console window is not built yet; running headless\n");

    sb::SwitchboardService service(*config);
    QObject::connect(&service, &sb::SwitchboardService::failed, &app, [](const QString &reason) {
        std::fprintf(stderr, "switchboard: %s\n", qPrintable(reason));
        QCoreApplication::exit(1);
    });
    QObject::connect(&service, &sb::SwitchboardService::started, &app, [&service] {
        const sb::Config &c = service.config();
        if (service.isSandbox())
            qCInfo(lcService).noquote()
                << "SANDBOX MODE: no TWILIO_ACCOUNT_SID is set, so Twilio is simulated offline by the"
                << "built-in sandbox at" << service.sandboxUrl().toString() << "- nothing is really sent";
        else
            qCInfo(lcService).noquote() << "live mode: Twilio account" << c.accountSid << "at"
                                        << c.twilioApiBase.toString();
        qCInfo(lcService).noquote() << "listening on" << QStringLiteral("http://%1:%2").arg(c.bindAddress.toString()).arg(service.port());
        qCInfo(lcService).noquote() << "webhooks:" << service.publicUrl().toString() + QStringLiteral("/twilio/sms-status")
                                    << "and" << service.publicUrl().toString() + QStringLiteral("/twilio/incoming-sms");
        qCInfo(lcService).noquote() << "local API:" << QStringLiteral("http://%1:%2/api/v1/twilio/").arg(c.bindAddress.toString()).arg(service.port())
                                    << (c.apiTokenPath.isEmpty() ? QStringLiteral("(bearer token from SWITCHBOARD_API_TOKEN)")
                                                                 : QStringLiteral("(bearer token in %1)").arg(c.apiTokenPath));
        qCInfo(lcService).noquote() << "database:" << c.databasePath();
    });

    sb::UnixSignals signals({SIGINT, SIGTERM});
    QObject::connect(&signals, &sb::UnixSignals::received, &app, [](int number) {
        qCInfo(lcService) << "signal" << number << "received; shutting down";
        QCoreApplication::quit();
    });

    service.start();
    const int code = app.exec();
    return code;
}
