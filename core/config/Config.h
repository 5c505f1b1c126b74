#pragma once

#include <QHostAddress>
#include <QProcessEnvironment>
#include <QString>
#include <QUrl>

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
    QString sendgridApiKey;

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
    QUrl twilioApiBase{QStringLiteral("https://api.twilio.com")};
    QUrl sendgridApiBase{QStringLiteral("https://api.sendgrid.com")};
    QUrl contentApiBase{QStringLiteral("https://content.twilio.com")}; // WhatsApp templates
    // SendGrid's Event Webhook verification key, base64 DER (empty: events cannot be verified).
    QByteArray sendgridWebhookPublicKey;
    qint64 sendgridWebhookMaxAgeS = 600; // 0: no age check (e.g. recorded test vectors)

    bool sandbox = false; // no TWILIO_ACCOUNT_SID: run against the built-in sandbox

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

private:
    static bool resolveApiToken(Config *config, QString *error);
};

} // namespace sb
