// switchboard: the operator console, or with --headless the webhook server and local API
// alone. This file only wires core and ui together.
#include "BuiltInChannelUis.h"
#include "MainWindow.h"
#include "account/NumberWiring.h"
#include "api/LocalApi.h"
#include "common/Logging.h"
#include "common/UnixSignals.h"
#include "common/Version.h"
#include "config/Config.h"
#include "runtime/BuiltInChannels.h"
#include "runtime/SwitchboardService.h"
#include "settings/SecretStore.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QSettings>
#include <QTimer>

#include <csignal>
#include <cstdio>
#include <cstring>

namespace {

std::optional<sb::Config> loadConfig(const QHash<QString, QString> &stored, QString *error) {
    return sb::ConfigLoader::load(QProcessEnvironment::systemEnvironment(),
                                  QDir::current().filePath(QStringLiteral(".env")), error, stored);
}

void describe(const sb::SwitchboardService &service) {
    const sb::Config &c = service.config();
    if (service.isSandbox())
        qCInfo(lcService).noquote()
            << "SANDBOX MODE: no TWILIO_ACCOUNT_SID is set, so Twilio is simulated offline by the"
            << "built-in sandbox at" << service.sandboxUrl().toString()
            << "- nothing is really sent";
    else
        qCInfo(lcService).noquote()
            << "live mode: Twilio account" << c.accountSid << "at" << c.twilioApiBase.toString();
    const QString listening =
        QStringLiteral("http://%1:%2").arg(c.bindAddress.toString()).arg(service.port());
    qCInfo(lcService).noquote() << "listening on" << listening;
    const QString base = c.publicBase(service.port());
    for (const auto &channel : service.channels()) {
        for (const sb::WebhookEndpoint &hook : channel->webhooks())
            qCInfo(lcService).noquote()
                << channel->displayName() << "webhook:" << base + hook.path << "-" << hook.purpose;
    }
    qCInfo(lcService).noquote()
        << "local API:" << listening + sb::LocalApi::Prefix + QLatin1Char('/')
        << (c.apiTokenPath.isEmpty() ? QStringLiteral("(bearer token from SWITCHBOARD_API_TOKEN)")
                                     : QStringLiteral("(bearer token in %1)").arg(c.apiTokenPath));
    qCInfo(lcService).noquote() << "database:" << c.databasePath();
}

void addOptions(QCommandLineParser &parser) {
    parser.setApplicationDescription(
        QStringLiteral("Switchboard: an operator console for Twilio."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({QStringLiteral("headless"),
                      QStringLiteral("Run the webhook server and local API without a window.")});
}

// Names (QSettings' location, --version) and the command line, the same in both modes.
void setUp(QCoreApplication &app) {
    QCoreApplication::setApplicationName(QStringLiteral("switchboard"));
    QCoreApplication::setOrganizationName(QStringLiteral("Switchboard"));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(sb::Version));
    QCommandLineParser parser;
    addOptions(parser);
    parser.process(app);
}

constexpr int RestoreBeforeExitMs = 8000;

int runHeadless(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    setUp(app);

    QString error;
    const auto config = loadConfig({}, &error);
    if (!config) {
        std::fprintf(stderr, "switchboard: configuration error: %s\n", qPrintable(error));
        return 2;
    }
    sb::SwitchboardService service(*config, sb::builtInChannels());
    QObject::connect(&service, &sb::SwitchboardService::failed, &app, [](const QString &reason) {
        std::fprintf(stderr, "switchboard: %s\n", qPrintable(reason));
        QCoreApplication::exit(1);
    });
    QObject::connect(&service, &sb::SwitchboardService::started, &app,
                     [&service] { describe(service); });
    sb::UnixSignals signals({SIGINT, SIGTERM});
    QObject::connect(&signals, &sb::UnixSignals::received, &app, [&app, &service](int number) {
        qCInfo(lcService) << "signal" << number << "received; shutting down";
        // Numbers wired "only while Switchboard runs" go back first; a stuck request does not
        // hold the exit (the next start restores what is left).
        QTimer::singleShot(RestoreBeforeExitMs, &app, &QCoreApplication::quit);
        sb::NumberWiring *wiring = service.numberWiring();
        if (!wiring)
            return QCoreApplication::quit();
        QMetaObject::invokeMethod(wiring, [wiring, me = sb::Receiver(&app)] {
            wiring->restoreTemporary(
                sb::NumberWiring::Runs::All, me, [](int restored, const QStringList &errors) {
                    if (restored > 0)
                        qCInfo(lcService) << "restored" << restored << "wired number(s)";
                    for (const QString &e : errors)
                        qCWarning(lcService).noquote() << "could not restore a number:" << e;
                    QCoreApplication::quit();
                });
        });
    });
    service.start();
    return app.exec();
}

int runConsole(int argc, char *argv[]) {
    QApplication app(argc, argv);
    setUp(app);
    QApplication::setApplicationDisplayName(QStringLiteral("Switchboard"));

    QSettings settings;
    sb::SecretStore secrets;
    std::unique_ptr<sb::MainWindow> window;
    sb::UnixSignals signals({SIGINT, SIGTERM});
    QObject::connect(&signals, &sb::UnixSignals::received, &app, &QApplication::quit);
    // Secrets come from the keychain first (asynchronously), then the window starts.
    secrets.readAll([&](const QHash<QString, QString> &stored) {
        window =
            std::make_unique<sb::MainWindow>(&loadConfig, sb::builtInChannels(),
                                             sb::builtInChannelUis(), &settings, &secrets, stored);
        QObject::connect(window.get(), &sb::MainWindow::serviceStarted, &app,
                         [&] { describe(*window->service()); });
        window->show();
        window->start();
    });
    const int code = app.exec();
    window.reset();
    return code;
}

} // namespace

int main(int argc, char *argv[]) {
    sb::installLogFormat();
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--headless") == 0)
            return runHeadless(argc, argv);
    }
    // No display and no platform chosen: say so and serve headless rather than abort in Qt.
    if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") &&
        qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        std::fprintf(stderr, "switchboard: no display found; running headless (use --headless to "
                             "say so, or run under a desktop session)\n");
        return runHeadless(argc, argv);
    }
    return runConsole(argc, argv);
}
