#pragma once

#include <QCoreApplication>
#include <QString>

namespace sb {

// Result of checking what a person typed as a phone number.
struct PhoneNumberCheck {
    bool valid = false;
    QString e164;   // normalised +CCNNN... when valid
    QString reason; // one plain sentence when invalid
    QString region; // ISO 3166 region of the number, e.g. "US"
};

// E.164 validation and formatting through Google's libphonenumber.
class PhoneNumber {
    Q_DECLARE_TR_FUNCTIONS(PhoneNumber)
public:
    // Without a default region the input must be in international form (+CC...), which is what
    // Twilio requires. With one ("US"), national forms like "(415) 555-0100" are accepted too.
    static PhoneNumberCheck check(const QString &input, const QString &defaultRegion = {});

    // Formats partial input as the user types (e.g. "+1 415-555"), for compose forms.
    static QString formatAsYouType(const QString &input);

    // "whatsapp:+1415..." -> "+1415..."; anything else unchanged.
    static QString stripChannelPrefix(const QString &address);
};

} // namespace sb
