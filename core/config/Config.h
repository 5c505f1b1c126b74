#pragma once

#include "DatabaseUrl.h"

#include <QHostAddress>
#include <QProcessEnvironment>
#include <QString>
#include <QUrl>

#include <chrono>
#include <optional>

namespace sb {

// Everything Switchboard is configured with. Secrets (auth token, SendGrid key, API token)
// live here in memory only; nothing prints this struct.
struct Config {
    QString accountSid;
    QString authToken;
    QString phoneNumber;
    QString whatsappNumber;
    // The agent's own phone, E.164: click-to-call rings it first, then bridges it to the
    // customer (the console carries no audio). Empty: click-to-call is unavailable.
    QString agentPhone;
    // Who works at this console (SWITCHBOARD_AGENT_NAME, else the login name): recorded on every
    // message it sends, so that a team sees who answered.
    QString agentName;
    static constexpr int MaxAgentName = 64;
    // An agent's name as the team sees it (trimmed): at most MaxAgentName characters, on one
    // line. Empty is valid (nobody, or the default).
    static bool isAgentName(const QString &name);
    QString sendgridApiKey;
    // The default sender of send-email when the request gives no `from` (empty: `from` is
    // required). In sandbox mode without a SendGrid key: SandboxFromEmail.
    QString sendgridFromEmail;
    QString sendgridFromName;
    // Emails accepted per UTC day before send-email refuses more (SendGrid's free plan: 100);
    // 0: no limit.
    int sendgridDailyLimit = 100;
    // How long SendGrid may stay silent before a request is given up (not a setting; tests
    // shorten it). A mail/send given up is `unknown`, never resent.
    std::chrono::milliseconds sendgridTimeout{30000};

    quint16 port = 3000;
    QHostAddress bindAddress = QHostAddress::LocalHost;
    QUrl publicUrl; // empty: http://localhost:<port>, filled in once listening
    // The same, exactly as configured (trailing slashes aside): Twilio signs the URL string it
    // was given, and QUrl would rewrite it (lower-case host, normalised escapes).
    QString publicUrlText;
    QString dataDir;
    QString apiToken;
    QString apiTokenPath; // where a generated token was stored
    bool apiTokenGenerated = false;
    // The local API's token bucket per client (bearer token, else remote address): `apiBurst`
    // requests at once, then `apiRatePerSecond` a second; 0 in either turns the limit off.
    double apiRatePerSecond = 200;
    int apiBurst = 1000;
    QUrl twilioApiBase{QStringLiteral("https://api.twilio.com")};
    QUrl sendgridApiBase{QStringLiteral("https://api.sendgrid.com")};
    QUrl contentApiBase{QStringLiteral("https://content.twilio.com")};     // WhatsApp templates
    QUrl messagingApiBase{QStringLiteral("https://messaging.twilio.com")}; // Messaging Services
    // SendGrid's Event Webhook verification key, base64 DER (empty: events cannot be verified).
    QByteArray sendgridWebhookPublicKey;
    qint64 sendgridWebhookMaxAgeS = 600; // 0: no age check (e.g. recorded test vectors)
    // The webhook inspector's bounds: what it keeps at most (bytes) and for how long (days).
    qint64 inspectorMaxBytes = 50LL * 1024 * 1024;
    int inspectorDays = 7;
    // Reconciliation (StatusReconciler): a message still not final this long after its last
    // event is fetched from Twilio; 0: never.
    int reconcileAfterS = 300;
    // How Twilio's news reaches the console (SWITCHBOARD_RECEIVE): Auto decides by the public
    // URL once the port is known (ReceiveMode).
    enum class Receive { Auto, Webhooks, Polling };
    Receive receive = Receive::Auto;
    // The sandbox's fault: the percentage of status callbacks it does not post (0-100).
    int sandboxDropCallbacksPercent = 0;

    bool sandbox = false; // no TWILIO_ACCOUNT_SID: run against the built-in sandbox

    static constexpr char SandboxFromEmail[] = "support@sandbox.test";

    // Team mode (SWITCHBOARD_DATABASE_URL): the shared PostgreSQL; none: SQLite at
    // databasePath().
    std::optional<DatabaseUrl> sharedDatabase;
    // SWITCHBOARD_ROLE: All takes webhooks and serves the local API on its port; a team's
    // Console binds no port and works through the shared database, its status callbacks going
    // to the team's receivers at the public URL.
    enum class Role { All, Console };
    Role role = Role::All;
    bool bindsPort() const { return role == Role::All; }

    QString databasePath() const { return dataDir + QStringLiteral("/switchboard.sqlite"); }
    // The base URL Twilio reaches us at; signatures are checked against it.
    QUrl effectivePublicUrl(quint16 listeningPort) const;
    // The base string webhook URLs are built from and signatures are checked against.
    QString publicBase(quint16 listeningPort) const;
};

// env > .env in the working directory > stored preferences (the console's QSettings and OS
// keychain, passed in as `stored`) > defaults. A missing or malformed setting yields one clear
// sentence naming it, never an exception or a crash.
class ConfigLoader {
public:
    static std::optional<Config> load(const QProcessEnvironment &env, const QString &dotEnvPath,
                                      QString *error, const QHash<QString, QString> &stored = {});
    static QString defaultDataDir();
    // What is wrong with `value` for the setting `name` as one sentence naming it, or empty
    // when it is fine (or `name` has no check of its own). An empty value is always fine. The
    // Settings dialog checks what is typed with the same rules start-up applies.
    static QString problemWith(const QString &name, const QString &value);

    // Why the settings file `path` (--env-file) may not be used, or empty when it may: it must
    // exist, be a readable file, and be the owner's alone (mode 0600 or stricter), since it
    // holds the auth token and API keys.
    static QString privateFileProblem(const QString &path);

private:
    static bool resolveApiToken(Config *config, QString *error);
    static QString consoleRoleProblem(const Config &c);
};

} // namespace sb
