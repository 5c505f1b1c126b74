#include "Config.h"

#include "DotEnv.h"
#include "Settings.h"
#include "common/Logging.h"
#include "providers/sendgrid/EmailDraft.h"
#include "providers/sendgrid/SendGridEventValidator.h"
#include "providers/twilio/PhoneNumber.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QStandardPaths>

#include <algorithm>

namespace sb {

QUrl Config::effectivePublicUrl(quint16 listeningPort) const {
    if (!publicUrl.isEmpty())
        return publicUrl;
    return QUrl(QStringLiteral("http://localhost:%1").arg(listeningPort));
}

QString Config::publicBase(quint16 listeningPort) const {
    if (!publicUrlText.isEmpty())
        return publicUrlText;
    return QStringLiteral("http://localhost:%1").arg(listeningPort);
}

QString ConfigLoader::defaultDataDir() {
    const QString base = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    return (base.isEmpty() ? QDir::homePath() + QStringLiteral("/.local/share") : base) +
           QStringLiteral("/switchboard");
}

namespace {

bool parseUrl(const QString &name, const QString &value, QUrl *out, QString *error) {
    const QUrl url(value, QUrl::StrictMode);
    const QString scheme = url.scheme();
    if (!url.isValid() || url.host().isEmpty() ||
        (scheme != QLatin1String("http") && scheme != QLatin1String("https")) || url.hasQuery() ||
        url.hasFragment()) {
        *error = QStringLiteral("%1: '%2' is not an http(s) URL such as https://abc.ngrok.app")
                     .arg(name, value);
        return false;
    }
    QUrl clean = url;
    QString path = clean.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    clean.setPath(path);
    *out = clean;
    return true;
}

} // namespace

QString ConfigLoader::privateFileProblem(const QString &path) {
    const QFileInfo file(path);
    if (!file.exists())
        return QStringLiteral("the settings file %1 does not exist").arg(path);
    if (!file.isFile() || !file.isReadable())
        return QStringLiteral("the settings file %1 cannot be read").arg(path);
    constexpr QFile::Permissions others = QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup |
                                          QFile::ReadOther | QFile::WriteOther | QFile::ExeOther;
    if (file.permissions() & others)
        return QStringLiteral("the settings file %1 holds secrets but other users can open it: "
                              "make it yours alone with chmod 600 %1")
            .arg(path);
    return {};
}

std::optional<Config> ConfigLoader::load(const QProcessEnvironment &env, const QString &dotEnvPath,
                                         QString *error, const QHash<QString, QString> &stored) {
    const QHash<QString, QString> dotEnv = DotEnv::load(dotEnvPath);
    auto get = [&](const QString &key) {
        if (env.contains(key))
            return env.value(key).trimmed();
        if (dotEnv.contains(key))
            return dotEnv.value(key).trimmed();
        return stored.value(key).trimmed();
    };

    Config c;
    c.accountSid = get(setting::TwilioAccountSid);
    c.authToken = get(setting::TwilioAuthToken);
    c.phoneNumber = get(setting::TwilioPhoneNumber);
    c.whatsappNumber = get(setting::TwilioWhatsAppNumber);
    c.agentPhone = get(setting::AgentPhone);
    c.sendgridApiKey = get(setting::SendGridApiKey);
    // Known from here on, even if the rest is refused: keep them out of every log line.
    addLogCredentials(c.accountSid, c.authToken);
    addLogSecret(c.sendgridApiKey);
    c.sandbox = c.accountSid.isEmpty();

    if (!c.sandbox) {
        static const QRegularExpression sidPattern(QStringLiteral("^AC[0-9a-fA-F]{32}$"));
        if (!sidPattern.match(c.accountSid).hasMatch()) {
            *error = QStringLiteral("TWILIO_ACCOUNT_SID: must be AC followed by 32 hexadecimal "
                                    "characters (it is %1 characters long)")
                         .arg(c.accountSid.size());
            return std::nullopt;
        }
        if (c.authToken.isEmpty()) {
            *error = QStringLiteral("TWILIO_AUTH_TOKEN: missing; it is required when "
                                    "TWILIO_ACCOUNT_SID is set");
            return std::nullopt;
        }
    } else if (!c.authToken.isEmpty()) {
        qCWarning(lcConfig) << "TWILIO_AUTH_TOKEN is set without TWILIO_ACCOUNT_SID; ignoring "
                               "it and running in sandbox mode";
        c.authToken.clear();
    }

    if (c.phoneNumber.isEmpty() && c.sandbox)
        c.phoneNumber = QStringLiteral("+15005550006"); // Twilio's "valid From" test number
    if (!c.phoneNumber.isEmpty()) {
        const PhoneNumberCheck check = PhoneNumber::check(c.phoneNumber);
        if (!check.valid) {
            *error =
                QStringLiteral("TWILIO_PHONE_NUMBER: '%1': %2").arg(c.phoneNumber, check.reason);
            return std::nullopt;
        }
        c.phoneNumber = check.e164;
    }
    if (!c.whatsappNumber.isEmpty()) {
        const PhoneNumberCheck check = PhoneNumber::check(c.whatsappNumber);
        if (!check.valid) {
            *error = QStringLiteral("TWILIO_WHATSAPP_NUMBER: '%1': %2")
                         .arg(c.whatsappNumber, check.reason);
            return std::nullopt;
        }
        c.whatsappNumber = QStringLiteral("whatsapp:") + check.e164;
    }
    if (!c.agentPhone.isEmpty()) {
        const PhoneNumberCheck check = PhoneNumber::check(c.agentPhone);
        if (!check.valid) {
            *error =
                QStringLiteral("SWITCHBOARD_AGENT_PHONE: '%1': %2").arg(c.agentPhone, check.reason);
            return std::nullopt;
        }
        c.agentPhone = check.e164;
    }

    const QString port = get(setting::Port);
    if (!port.isEmpty()) {
        bool ok = false;
        const uint value = port.toUInt(&ok);
        if (!ok || value > 65535) {
            *error = QStringLiteral("SWITCHBOARD_PORT: '%1' is not a port number (0-65535; 0 "
                                    "picks a free port)")
                         .arg(port);
            return std::nullopt;
        }
        c.port = quint16(value);
    }
    const QString bind = get(setting::Bind);
    if (!bind.isEmpty() && !c.bindAddress.setAddress(bind)) {
        *error = QStringLiteral("SWITCHBOARD_BIND: '%1' is not an IP address (e.g. 127.0.0.1 or "
                                "0.0.0.0)")
                     .arg(bind);
        return std::nullopt;
    }
    const QString publicUrl = get(setting::PublicUrl);
    if (!publicUrl.isEmpty() &&
        !parseUrl(QStringLiteral("SWITCHBOARD_PUBLIC_URL"), publicUrl, &c.publicUrl, error))
        return std::nullopt;
    c.publicUrlText = publicUrl;
    while (c.publicUrlText.endsWith(QLatin1Char('/')))
        c.publicUrlText.chop(1);
    const QString twilioBase = get(setting::TwilioApiBaseUrl);
    if (!twilioBase.isEmpty() &&
        !parseUrl(QStringLiteral("TWILIO_API_BASE_URL"), twilioBase, &c.twilioApiBase, error))
        return std::nullopt;
    const QString contentBase = get(setting::TwilioContentBaseUrl);
    if (!contentBase.isEmpty() &&
        !parseUrl(QStringLiteral("TWILIO_CONTENT_BASE_URL"), contentBase, &c.contentApiBase, error))
        return std::nullopt;
    const QString messagingBase = get(setting::TwilioMessagingBaseUrl);
    if (!messagingBase.isEmpty() && !parseUrl(QStringLiteral("TWILIO_MESSAGING_BASE_URL"),
                                              messagingBase, &c.messagingApiBase, error))
        return std::nullopt;
    // SendGrid's settings, each checked by the rule the Settings dialog applies too.
    for (const QString &name :
         {setting::SendGridApiBaseUrl, setting::SendGridWebhookPublicKey,
          setting::SendGridWebhookMaxAgeS, setting::SendGridFromEmail, setting::SendGridFromName,
          setting::SendGridDailyLimit, setting::ApiRatePerSecond, setting::ApiBurst}) {
        const QString problem = problemWith(name, get(name));
        if (!problem.isEmpty()) {
            *error = problem;
            return std::nullopt;
        }
    }
    const QString sendgridBase = get(setting::SendGridApiBaseUrl);
    if (!sendgridBase.isEmpty())
        parseUrl(setting::SendGridApiBaseUrl, sendgridBase, &c.sendgridApiBase, error);
    c.sendgridWebhookPublicKey = get(setting::SendGridWebhookPublicKey).toLatin1();
    if (!get(setting::SendGridWebhookMaxAgeS).isEmpty())
        c.sendgridWebhookMaxAgeS = get(setting::SendGridWebhookMaxAgeS).toLongLong();
    for (const QString &name :
         {setting::InspectorMaxMb, setting::InspectorDays, setting::ReconcileAfterS,
          setting::SandboxDropCallbacks, setting::Receive, setting::Role, setting::AgentName}) {
        const QString problem = problemWith(name, get(name));
        if (!problem.isEmpty()) {
            *error = problem;
            return std::nullopt;
        }
    }
    if (!get(setting::InspectorMaxMb).trimmed().isEmpty())
        c.inspectorMaxBytes =
            qint64(get(setting::InspectorMaxMb).trimmed().toDouble() * 1024 * 1024);
    if (!get(setting::InspectorDays).trimmed().isEmpty())
        c.inspectorDays = get(setting::InspectorDays).trimmed().toInt();
    if (!get(setting::ReconcileAfterS).trimmed().isEmpty())
        c.reconcileAfterS = get(setting::ReconcileAfterS).trimmed().toInt();
    if (const QString receive = get(setting::Receive).trimmed().toLower(); !receive.isEmpty())
        c.receive = receive == QLatin1String("webhooks")  ? Config::Receive::Webhooks
                    : receive == QLatin1String("polling") ? Config::Receive::Polling
                                                          : Config::Receive::Auto;
    if (!get(setting::SandboxDropCallbacks).trimmed().isEmpty())
        c.sandboxDropCallbacksPercent = get(setting::SandboxDropCallbacks).trimmed().toInt();
    c.sendgridFromEmail = get(setting::SendGridFromEmail);
    c.sendgridFromName = get(setting::SendGridFromName);
    // The sandbox's SendGrid stand-in takes any sender, so the console works offline at once.
    if (c.sendgridFromEmail.isEmpty() && c.sandbox && c.sendgridApiKey.isEmpty())
        c.sendgridFromEmail = QString::fromLatin1(Config::SandboxFromEmail);
    if (!get(setting::SendGridDailyLimit).isEmpty())
        c.sendgridDailyLimit = get(setting::SendGridDailyLimit).toInt();
    if (!get(setting::ApiRatePerSecond).isEmpty())
        c.apiRatePerSecond = get(setting::ApiRatePerSecond).trimmed().toDouble();
    if (!get(setting::ApiBurst).isEmpty())
        c.apiBurst = get(setting::ApiBurst).trimmed().toInt();

    c.dataDir = get(setting::DataDir);
    if (c.dataDir.isEmpty())
        c.dataDir = defaultDataDir();
    c.dataDir = QDir(c.dataDir).absolutePath();
    if (!QDir().mkpath(c.dataDir)) {
        *error = QStringLiteral("SWITCHBOARD_DATA_DIR: cannot create the folder %1").arg(c.dataDir);
        return std::nullopt;
    }

    if (const QString url = get(setting::DatabaseUrl).trimmed(); !url.isEmpty()) {
        // The whole URL and the password in it, before anything could log either.
        addLogSecret(url);
        c.sharedDatabase = DatabaseUrl::parse(url, error);
        if (!c.sharedDatabase)
            return std::nullopt;
        addLogCredentials(c.sharedDatabase->user, c.sharedDatabase->password);
        addLogSecret(QString::fromLatin1(QUrl::toPercentEncoding(c.sharedDatabase->password)));
    }
    c.agentName = get(setting::AgentName).trimmed();
    if (c.agentName.isEmpty())
        c.agentName = env.value(QStringLiteral("USER"), env.value(QStringLiteral("USERNAME")))
                          .trimmed()
                          .left(Config::MaxAgentName);
    if (get(setting::Role).trimmed().toLower() == QLatin1String("console")) {
        c.role = Config::Role::Console;
        if (const QString problem = consoleRoleProblem(c); !problem.isEmpty()) {
            *error = problem;
            return std::nullopt;
        }
    }

    c.apiToken = get(setting::ApiToken);
    if (c.apiToken.isEmpty() && !resolveApiToken(&c, error))
        return std::nullopt;
    addLogSecret(c.apiToken);
    return c;
}

QString ConfigLoader::consoleRoleProblem(const Config &c) {
    // A console without a port hears of Twilio only through what the receivers store.
    if (!c.sharedDatabase)
        return QStringLiteral("SWITCHBOARD_ROLE=console needs SWITCHBOARD_DATABASE_URL: a console "
                              "that binds no port sees what the team's receivers store in the "
                              "shared database.");
    if (c.sandbox)
        return QStringLiteral("SWITCHBOARD_ROLE=console needs the team's Twilio account "
                              "(TWILIO_ACCOUNT_SID): a sandbox of its own could not reach the "
                              "team's receivers.");
    if (c.publicUrl.isEmpty())
        return QStringLiteral("SWITCHBOARD_ROLE=console needs SWITCHBOARD_PUBLIC_URL, the team's "
                              "receivers' public URL: Twilio posts this console's status "
                              "callbacks there.");
    return {};
}

QString ConfigLoader::problemWith(const QString &name, const QString &raw) {
    const QString value = raw.trimmed();
    if (value.isEmpty())
        return {};
    if (name == setting::SendGridApiBaseUrl) {
        QUrl url;
        QString error;
        return parseUrl(name, value, &url, &error) ? QString() : error;
    }
    if (name == setting::SendGridWebhookPublicKey &&
        !SendGridEventValidator::isUsableKey(value.toLatin1()))
        return QStringLiteral("%1: not a base64 DER P-256 public key; copy the verification key "
                              "from SendGrid's Event Webhook settings")
            .arg(name);
    if (name == setting::InspectorMaxMb) {
        bool ok = false;
        if (value.toDouble(&ok) <= 0 || !ok)
            return QStringLiteral("%1: '%2' is not a size in megabytes above 0 (e.g. 50)")
                .arg(name, value);
    }
    if (name == setting::InspectorDays) {
        bool ok = false;
        if (value.toInt(&ok) < 1 || !ok)
            return QStringLiteral("%1: '%2' is not a whole number of days, 1 or more")
                .arg(name, value);
    }
    if (name == setting::SendGridWebhookMaxAgeS) {
        bool ok = false;
        if (value.toLongLong(&ok) < 0 || !ok)
            return QStringLiteral("%1: '%2' is not a number of seconds (0 turns the check off)")
                .arg(name, value);
    }
    if (name == setting::SendGridFromEmail && !EmailAddress::isValid(value))
        return QStringLiteral("%1: '%2' is not an email address such as support@example.com "
                              "(it must be a sender identity verified in SendGrid)")
            .arg(name, value);
    if (name == setting::SendGridFromName) {
        // It goes into the From header as a display name: one line, as SendGrid requires.
        for (const QChar ch : value) {
            if (ch.category() == QChar::Other_Control)
                return QStringLiteral("%1: must be one line of text without control characters")
                    .arg(name);
        }
        if (value.size() > 100)
            return QStringLiteral("%1: at most 100 characters (it has %2)")
                .arg(name)
                .arg(value.size());
    }
    if (name == setting::SendGridDailyLimit) {
        bool ok = false;
        const int limit = value.toInt(&ok);
        if (!ok || limit < 0)
            return QStringLiteral("%1: '%2' is not a number of emails a day (100 on SendGrid's "
                                  "free plan; 0: no limit)")
                .arg(name, value);
    }
    if (name == setting::ApiRatePerSecond) {
        bool ok = false;
        const double rate = value.toDouble(&ok);
        if (!ok || rate < 0)
            return QStringLiteral("%1: '%2' is not a number of requests a second (0: no limit)")
                .arg(name, value);
    }
    if (name == setting::AgentName && !Config::isAgentName(value))
        return QStringLiteral("%1: a name of at most %2 characters, on one line")
            .arg(name)
            .arg(Config::MaxAgentName);
    if (name == setting::Role && value.toLower() != QLatin1String("all") &&
        value.toLower() != QLatin1String("console"))
        return QStringLiteral("%1: '%2' is not all or console").arg(name, value);
    if (name == setting::Receive && value.toLower() != QLatin1String("auto") &&
        value.toLower() != QLatin1String("webhooks") && value.toLower() != QLatin1String("polling"))
        return QStringLiteral("%1: '%2' is not auto, webhooks or polling").arg(name, value);
    if (name == setting::ReconcileAfterS) {
        bool ok = false;
        const int seconds = value.toInt(&ok);
        if (!ok || seconds < 0)
            return QStringLiteral("%1: '%2' is not a number of seconds (0: no reconciliation)")
                .arg(name, value);
    }
    if (name == setting::SandboxDropCallbacks) {
        bool ok = false;
        const int percent = value.toInt(&ok);
        if (!ok || percent < 0 || percent > 100)
            return QStringLiteral("%1: '%2' is not a percentage from 0 to 100").arg(name, value);
    }
    if (name == setting::ApiBurst) {
        bool ok = false;
        const int burst = value.toInt(&ok);
        if (!ok || burst < 0)
            return QStringLiteral("%1: '%2' is not a number of requests (0: no limit)")
                .arg(name, value);
    }
    return {};
}

bool ConfigLoader::resolveApiToken(Config *config, QString *error) {
    config->apiTokenPath = config->dataDir + QStringLiteral("/api-token");
    QFile file(config->apiTokenPath);
    if (file.exists()) {
        if (!file.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("SWITCHBOARD_API_TOKEN: unset, and %1 cannot be read")
                         .arg(config->apiTokenPath);
            return false;
        }
        config->apiToken = QString::fromLatin1(file.readAll()).trimmed();
        if (!config->apiToken.isEmpty())
            return true;
        file.close();
    }
    QByteArray random(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(random.data()),
                                          random.size() / int(sizeof(quint32)));
    config->apiToken = QString::fromLatin1(random.toHex());
    // Create with 0600 from the start: the token must never be readable by others.
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::NewOnly,
                   QFileDevice::ReadOwner | QFileDevice::WriteOwner) &&
        !file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        *error = QStringLiteral("SWITCHBOARD_API_TOKEN: unset, and %1 cannot be written")
                     .arg(config->apiTokenPath);
        return false;
    }
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(config->apiToken.toLatin1() + '\n');
    file.close();
    config->apiTokenGenerated = true;
    return true;
}

bool Config::isAgentName(const QString &name) {
    return name.size() <= MaxAgentName && std::none_of(name.cbegin(), name.cend(), [](QChar ch) {
               return ch.category() == QChar::Other_Control;
           });
}

} // namespace sb
