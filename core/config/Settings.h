#pragma once

#include <QList>
#include <QString>

namespace sb {

// Every setting Switchboard reads, defined once: the names Twilio users know, whether a value
// is a secret (kept in the OS keychain by the console, never in QSettings, a log or the
// database), whether the console's Settings dialog edits it, and its label there.
// ConfigLoader reads them by these names; the Settings dialog, the keychain and the README's
// table list them from here.
namespace setting {
inline const QString TwilioAccountSid = QStringLiteral("TWILIO_ACCOUNT_SID");
inline const QString TwilioAuthToken = QStringLiteral("TWILIO_AUTH_TOKEN");
inline const QString TwilioPhoneNumber = QStringLiteral("TWILIO_PHONE_NUMBER");
inline const QString TwilioWhatsAppNumber = QStringLiteral("TWILIO_WHATSAPP_NUMBER");
inline const QString AgentPhone = QStringLiteral("SWITCHBOARD_AGENT_PHONE");
inline const QString SendGridApiKey = QStringLiteral("SENDGRID_API_KEY");
inline const QString SendGridFromEmail = QStringLiteral("SENDGRID_FROM_EMAIL");
inline const QString SendGridFromName = QStringLiteral("SENDGRID_FROM_NAME");
inline const QString SendGridDailyLimit = QStringLiteral("SENDGRID_DAILY_LIMIT");
inline const QString Port = QStringLiteral("SWITCHBOARD_PORT");
inline const QString Bind = QStringLiteral("SWITCHBOARD_BIND");
inline const QString PublicUrl = QStringLiteral("SWITCHBOARD_PUBLIC_URL");
inline const QString DataDir = QStringLiteral("SWITCHBOARD_DATA_DIR");
inline const QString ApiToken = QStringLiteral("SWITCHBOARD_API_TOKEN");
inline const QString TwilioApiBaseUrl = QStringLiteral("TWILIO_API_BASE_URL");
inline const QString TwilioContentBaseUrl = QStringLiteral("TWILIO_CONTENT_BASE_URL");
// Twilio's Messaging API (messaging.twilio.com): the account's Messaging Services.
inline const QString TwilioMessagingBaseUrl = QStringLiteral("TWILIO_MESSAGING_BASE_URL");
inline const QString SendGridApiBaseUrl = QStringLiteral("SENDGRID_API_BASE_URL");
inline const QString SendGridWebhookPublicKey = QStringLiteral("SENDGRID_WEBHOOK_PUBLIC_KEY");
inline const QString SendGridWebhookMaxAgeS = QStringLiteral("SENDGRID_WEBHOOK_MAX_AGE_S");
inline const QString SandboxDelayMs = QStringLiteral("SWITCHBOARD_SANDBOX_DELAY_MS");
// A fault for tests and demos: the share (percent, 0-100) of status callbacks the built-in
// sandbox does not post, as Twilio's are sometimes lost, while the message itself still
// reaches its true status (what reconciliation must find).
inline const QString SandboxDropCallbacks = QStringLiteral("SWITCHBOARD_SANDBOX_DROP_CALLBACKS");
// Seconds after its last event that a message not in a final status is fetched from Twilio
// (StatusReconciler); 0 turns reconciliation off.
inline const QString ReconcileAfterS = QStringLiteral("SWITCHBOARD_RECONCILE_AFTER_S");
// How Twilio's news reaches the console: "webhooks", "polling" (its REST API, every few
// seconds, for a console Twilio cannot reach) or "auto" (the default: polling when the public
// URL is one Twilio could never reach, such as localhost).
inline const QString Receive = QStringLiteral("SWITCHBOARD_RECEIVE");
inline const QString InspectorMaxMb = QStringLiteral("SWITCHBOARD_INSPECTOR_MAX_MB");
inline const QString InspectorDays = QStringLiteral("SWITCHBOARD_INSPECTOR_DAYS");
inline const QString ApiRatePerSecond = QStringLiteral("SWITCHBOARD_API_RATE");
inline const QString ApiBurst = QStringLiteral("SWITCHBOARD_API_BURST");
// The log file in the data folder (logs/switchboard.log): rotated past this many MiB, with
// this many rotated files kept (0 for the size: no log file).
inline const QString LogMaxMb = QStringLiteral("SWITCHBOARD_LOG_MAX_MB");
inline const QString LogFiles = QStringLiteral("SWITCHBOARD_LOG_FILES");
// Team mode: the PostgreSQL every console and receiver of the team shares
// (postgresql://user:password@host:port/dbname?sslmode=…); empty: SQLite in the data folder.
inline const QString DatabaseUrl = QStringLiteral("SWITCHBOARD_DATABASE_URL");
// Team mode: "console" for a console that binds no port (it reads and sends through the shared
// database, and Twilio's webhooks go to the team's receivers at SWITCHBOARD_PUBLIC_URL); "all"
// (the default) takes webhooks and serves the local API itself.
inline const QString Role = QStringLiteral("SWITCHBOARD_ROLE");
// The agent at this console, as the team knows them: recorded on what they send (default: the
// login name).
inline const QString AgentName = QStringLiteral("SWITCHBOARD_AGENT_NAME");
} // namespace setting

struct SettingSpec {
    QString name;
    bool secret = false;
    bool inSettingsDialog = false;
    const char *label = nullptr; // untranslated; the dialog translates it (context "Settings")
};

class Settings {
public:
    static const QList<SettingSpec> &all();
    static QStringList secretNames();
    static QStringList dialogNames(); // in the dialog's order
};

} // namespace sb
