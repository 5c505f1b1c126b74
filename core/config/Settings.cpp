#include "Settings.h"

#include <QtGlobal>

namespace sb {

const QList<SettingSpec> &Settings::all() {
    using namespace setting;
    static const QList<SettingSpec> specs{
        {TwilioAccountSid, false, true,
         QT_TRANSLATE_NOOP("Settings", "Account SID (empty: offline sandbox)")},
        {TwilioAuthToken, true, true, QT_TRANSLATE_NOOP("Settings", "Auth token")},
        {TwilioPhoneNumber, false, true, QT_TRANSLATE_NOOP("Settings", "SMS sender number")},
        {TwilioWhatsAppNumber, false, true,
         QT_TRANSLATE_NOOP("Settings", "WhatsApp sender number")},
        {AgentName, false, true,
         QT_TRANSLATE_NOOP("Settings", "Your name (recorded on what you send; your team sees it)")},
        {AgentPhone, false, true,
         QT_TRANSLATE_NOOP("Settings", "Your own phone (click-to-call rings it first)")},
        {SendGridApiKey, true, true, QT_TRANSLATE_NOOP("Settings", "SendGrid API key")},
        {SendGridApiBaseUrl, false, true,
         QT_TRANSLATE_NOOP("Settings", "SendGrid API base URL (empty: https://api.sendgrid.com)")},
        {SendGridFromEmail, false, true,
         QT_TRANSLATE_NOOP("Settings", "Email sender address (a verified sender in SendGrid)")},
        {SendGridFromName, false, true, QT_TRANSLATE_NOOP("Settings", "Email sender name")},
        {SendGridWebhookPublicKey, false, true,
         QT_TRANSLATE_NOOP("Settings", "SendGrid Event Webhook verification key")},
        {SendGridWebhookMaxAgeS, false, true,
         QT_TRANSLATE_NOOP("Settings", "Oldest Event Webhook batch accepted (seconds, 0: any)")},
        {SendGridDailyLimit, false, true,
         QT_TRANSLATE_NOOP("Settings", "Emails a day (SendGrid plan; 0: no limit)")},
        {PublicUrl, false, true,
         QT_TRANSLATE_NOOP("Settings", "Public URL (e.g. https://abc.ngrok.app)")},
        {Port, false, true, QT_TRANSLATE_NOOP("Settings", "Webhook server port")},
        {DataDir, false, true, QT_TRANSLATE_NOOP("Settings", "Data folder")},
        {ApiToken, true, false, nullptr},
        {DatabaseUrl, true, false, nullptr},
        {Role, false, false, nullptr},
        {Bind, false, false, nullptr},
        {TwilioApiBaseUrl, false, false, nullptr},
        {TwilioContentBaseUrl, false, false, nullptr},
        {TwilioMessagingBaseUrl, false, false, nullptr},
        {SandboxDelayMs, false, false, nullptr},
        {SandboxDropCallbacks, false, false, nullptr},
        {ReconcileAfterS, false, false, nullptr},
        {Receive, false, false, nullptr},
        {InspectorMaxMb, false, false, nullptr},
        {InspectorDays, false, false, nullptr},
        {ApiRatePerSecond, false, false, nullptr},
        {ApiBurst, false, false, nullptr},
        {LogMaxMb, false, false, nullptr},
        {LogFiles, false, false, nullptr},
    };
    return specs;
}

QStringList Settings::secretNames() {
    QStringList names;
    for (const SettingSpec &s : all()) {
        if (s.secret)
            names.append(s.name);
    }
    return names;
}

QStringList Settings::dialogNames() {
    QStringList names;
    for (const SettingSpec &s : all()) {
        if (s.inSettingsDialog)
            names.append(s.name);
    }
    return names;
}

} // namespace sb
