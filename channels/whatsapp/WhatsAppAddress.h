#pragma once

#include <QCoreApplication>
#include <QString>

namespace sb {

struct WhatsAppAddressCheck {
    bool valid = false;
    QString address; // "whatsapp:+14155550100" when valid: what Twilio wants in To and From
    QString reason;  // one plain sentence when invalid
};

// A WhatsApp address as Twilio writes it: "whatsapp:" and an E.164 number.
class WhatsAppAddress {
    Q_DECLARE_TR_FUNCTIONS(WhatsAppAddress)
public:
    static constexpr QLatin1String Prefix{"whatsapp:"};

    // Accepts "whatsapp:+14155550100" and, since a WhatsApp account is a phone number, the bare
    // "+14155550100" too (the prefix is added). Another channel's address ("messenger:...",
    // "sms:...") is refused, not turned into a WhatsApp one.
    static WhatsAppAddressCheck check(const QString &input);
    static bool isWhatsApp(const QString &address);
    // The WhatsApp ID Twilio sends as WaId: the number's digits without "+".
    static QString waId(const QString &address);
};

} // namespace sb
