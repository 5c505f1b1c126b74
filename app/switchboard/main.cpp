// switchboard: the operator console, or with --headless the webhook server and local API
// alone. This file only wires core and ui together.
#include "BuiltInChannelUis.h"
#include "MainWindow.h"
#include "account/NumberWiring.h"
#include "api/LocalApi.h"
#include "common/Icons.h"
#include "common/Logging.h"
#include "common/UnixSignals.h"
#include "common/Version.h"
#include "config/Config.h"
#include "desktop/SingleInstance.h"
#include "runtime/BuiltInChannels.h"
#include "runtime/SwitchboardService.h"
#include "settings/SecretStore.h"
#include "settings/Translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QSettings>
#include <QTimer>

#include <csignal>
#include <cstdio>
#include <cstring>
#include <utility>

namespace {

// What the command line asked for.
struct Options {
    QString envFile;   // --env-file: settings from this file instead of ./.env
    QStringList links; // tel:/sms: links for the console to open
};

std::optional<sb::Config> loadConfig(const Options &options, const QHash<QString, QString> &stored,
                                     QString *error) {
    if (!options.envFile.isEmpty()) {
        const QString problem = sb::ConfigLoader::privateFileProblem(options.envFile);
        if (!problem.isEmpty()) {
            *error = problem;
            return std::nullopt;
        }
    }
    const QString envFile = options.envFile.isEmpty()
                                ? QDir::current().filePath(QStringLiteral(".env"))
                                : options.envFile;
    return sb::ConfigLoader::load(QProcessEnvironment::systemEnvironment(), envFile, error, stored);
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
    parser.addOption({QStringLiteral("env-file"),
                      QStringLiteral("Read settings from <file> instead of ./.env; it holds "
                                     "secrets, so it must be yours alone (chmod 600)."),
                      QStringLiteral("file")});
    parser.addPositionalArgument(
        QStringLiteral("link"),
        QStringLiteral("A tel: or sms: link: the console opens a compose for its number (the "
                       "running console, if there is one)."),
        QStringLiteral("[link]"));
}

// Names (QSettings' location, --version) and the command line, the same in both modes.
Options setUp(QCoreApplication &app) {
    QCoreApplication::setApplicationName(QStringLiteral("switchboard"));
    QCoreApplication::setOrganizationName(QStringLiteral("Switchboard"));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(sb::Version));
    QCommandLineParser parser;
    addOptions(parser);
    parser.process(app);
    return {parser.value(QStringLiteral("env-file")), parser.positionalArguments()};
}

constexpr int RestoreBeforeExitMs = 8000;

int runHeadless(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    const Options options = setUp(app);

    QString error;
    const auto config = loadConfig(options, {}, &error);
    if (!config) {
        std::fprintf(stderr, "switchboard: configuration error: %s\n", qPrintable(error));
        return 2;
    }
    if (!config->bindsPort()) {
        // Without a window and without a port it would do nothing anyone could see.
        std::fprintf(stderr, "switchboard: configuration error: --headless runs a receiver, "
                             "which takes webhooks on its port; SWITCHBOARD_ROLE=console is for "
                             "the console (leave it unset or set it to all here)\n");
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
    const Options options = setUp(app);
    QApplication::setApplicationDisplayName(QStringLiteral("Switchboard"));
    // The desktop matches the window to its desktop entry (its icon on Wayland) by this name.
    QGuiApplication::setDesktopFileName(QStringLiteral("org.switchboard.Switchboard"));
    QApplication::setWindowIcon(sb::Icons::application());
    sb::Translations::install(app);

    // One console per user: a second start hands its links to the first and leaves.
    sb::SingleInstance instance;
    switch (instance.claim(options.links)) {
    case sb::SingleInstance::Role::HandedOver:
        std::fprintf(stderr, "switchboard: handed over to the console already running\n");
        return 0;
    case sb::SingleInstance::Role::Busy:
        std::fprintf(stderr, "switchboard: a console is already running but did not answer; "
                             "try again in a moment\n");
        return 1;
    case sb::SingleInstance::Role::Primary:
        break;
    }
    QStringList handedOver = options.links; // this start's own links, then later starts'

    QSettings settings;
    sb::SecretStore secrets;
    std::unique_ptr<sb::MainWindow> window;
    sb::UnixSignals signals({SIGINT, SIGTERM});
    QObject::connect(&signals, &sb::UnixSignals::received, &app, &QApplication::quit);
    // Secrets come from the keychain first (asynchronously), then the window starts.
    secrets.readAll([&](const QHash<QString, QString> &stored) {
        const auto load = [options](const QHash<QString, QString> &values, QString *error) {
            return loadConfig(options, values, error);
        };
        window = std::make_unique<sb::MainWindow>(
            load, sb::builtInChannels(), sb::builtInChannelUis(), &settings, &secrets, stored);
        QObject::connect(window.get(), &sb::MainWindow::serviceStarted, &app,
                         [&] { describe(*window->service()); });
        window->show();
        window->start();
        window->handleArguments(std::exchange(handedOver, {}));
    });
    QObject::connect(&instance, &sb::SingleInstance::activated, &app,
                     [&](const QStringList &arguments) {
                         if (window)
                             window->handleArguments(arguments);
                         else
                             handedOver += arguments; // the keychain has not answered yet
                     });
    const int code = app.exec();
    window.reset();
    return code;
}

} // namespace

int main(int argc, char *argv[]) {
    sb::installLogFormat();
    for (int i = 1; i < argc; ++i) {
        // --help and --version answer without a display, and without starting anything.
        for (const char *plain : {"--headless", "-h", "--help", "--help-all", "-v", "--version"}) {
            if (std::strcmp(argv[i], plain) == 0)
                return runHeadless(argc, argv);
        }
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
