#include "WhatsAppAddress.h"

#include "providers/twilio/PhoneNumber.h"

#include <QCoreApplication>

namespace sb {

bool WhatsAppAddress::isWhatsApp(const QString &address) {
    return address.trimmed().startsWith(Prefix, Qt::CaseInsensitive);
}

WhatsAppAddressCheck WhatsAppAddress::check(const QString &input) {
    WhatsAppAddressCheck result;
    const QString trimmed = input.trimmed();
    const QString number = PhoneNumber::stripChannelPrefix(trimmed);
    if (number != trimmed && !isWhatsApp(trimmed)) {
        result.reason =
            WhatsAppAddress::tr("'%1' is another channel's address; WhatsApp addresses are "
                                "whatsapp: and a number in E.164 form, e.g. whatsapp:+14155550100.")
                .arg(trimmed.left(trimmed.size() - number.size()));
        return result;
    }
    const PhoneNumberCheck phone = PhoneNumber::check(number);
    if (!phone.valid) {
        result.reason = phone.reason;
        return result;
    }
    result.valid = true;
    result.address = Prefix + phone.e164;
    return result;
}

QString WhatsAppAddress::waId(const QString &address) {
    QString digits = PhoneNumber::stripChannelPrefix(address.trimmed());
    if (digits.startsWith(QLatin1Char('+')))
        digits.remove(0, 1);
    return digits;
}

} // namespace sb
