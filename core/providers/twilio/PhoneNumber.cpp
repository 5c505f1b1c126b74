#include "PhoneNumber.h"

#include <phonenumbers/asyoutypeformatter.h>
#include <phonenumbers/phonenumberutil.h>

#include <QCoreApplication>
#include <memory>

namespace sb {

using i18n::phonenumbers::PhoneNumberUtil;

namespace {

// "+0…": it does start with + and something, so saying "start with + and a country code"
// would be no help; no country code starts with 0.
QString invalidCountryCode(const QString &number) {
    if (number.startsWith(QLatin1String("+0")))
        return PhoneNumber::tr(
            "0 is not a country code: after the + comes a country code from 1 to 999, "
            "e.g. +1 for the US or +44 for the UK.");
    return PhoneNumber::tr(
        "The number must start with + and a valid country code, e.g. +14155550100.");
}

QString reasonFor(PhoneNumberUtil::ErrorType error, const QString &number) {
    switch (error) {
    case PhoneNumberUtil::INVALID_COUNTRY_CODE_ERROR:
        return invalidCountryCode(number);
    case PhoneNumberUtil::NOT_A_NUMBER:
        return PhoneNumber::tr("This is not a phone number.");
    case PhoneNumberUtil::TOO_SHORT_AFTER_IDD:
    case PhoneNumberUtil::TOO_SHORT_NSN:
        return PhoneNumber::tr("The number is too short.");
    case PhoneNumberUtil::TOO_LONG_NSN:
        return PhoneNumber::tr("The number is too long.");
    case PhoneNumberUtil::NO_PARSING_ERROR:
        break;
    }
    return PhoneNumber::tr("This is not a phone number.");
}

} // namespace

PhoneNumberCheck PhoneNumber::check(const QString &input, const QString &defaultRegion) {
    PhoneNumberCheck result;
    const QString trimmed = stripChannelPrefix(input.trimmed());
    if (trimmed.isEmpty()) {
        result.reason = PhoneNumber::tr("Enter a phone number.");
        return result;
    }
    if (defaultRegion.isEmpty() && !trimmed.startsWith(QLatin1Char('+'))) {
        result.reason =
            PhoneNumber::tr("Use the international E.164 form: + and the country code, e.g. "
                            "+14155550100.");
        return result;
    }

    const PhoneNumberUtil *util = PhoneNumberUtil::GetInstance();
    i18n::phonenumbers::PhoneNumber number;
    const std::string region = defaultRegion.isEmpty() ? "ZZ" : defaultRegion.toStdString();
    const auto error = util->Parse(trimmed.toStdString(), region, &number);
    if (error != PhoneNumberUtil::NO_PARSING_ERROR) {
        result.reason = reasonFor(error, trimmed);
        return result;
    }

    std::string regionCode;
    util->GetRegionCodeForNumber(number, &regionCode);
    result.region = QString::fromStdString(regionCode);

    if (!util->IsValidNumber(number)) {
        switch (util->IsPossibleNumberWithReason(number)) {
        case PhoneNumberUtil::TOO_SHORT:
            result.reason = PhoneNumber::tr("The number is too short.");
            break;
        case PhoneNumberUtil::TOO_LONG:
            result.reason = PhoneNumber::tr("The number is too long.");
            break;
        case PhoneNumberUtil::INVALID_COUNTRY_CODE:
            result.reason = invalidCountryCode(trimmed);
            break;
        default:
            result.reason =
                result.region.isEmpty() || result.region == QLatin1String("ZZ")
                    ? PhoneNumber::tr("This is not a valid phone number.")
                    : PhoneNumber::tr("This is not a valid phone number in %1.").arg(result.region);
            break;
        }
        return result;
    }

    std::string formatted;
    util->Format(number, PhoneNumberUtil::E164, &formatted);
    result.e164 = QString::fromStdString(formatted);
    result.valid = true;
    return result;
}

QString PhoneNumber::formatAsYouType(const QString &input) {
    const std::unique_ptr<i18n::phonenumbers::AsYouTypeFormatter> formatter(
        PhoneNumberUtil::GetInstance()->GetAsYouTypeFormatter("ZZ"));
    std::string out;
    for (const QChar c : input) {
        if (c.isDigit() || c == QLatin1Char('+'))
            formatter->InputDigit(static_cast<char32_t>(c.unicode()), &out);
    }
    return QString::fromStdString(out);
}

QString PhoneNumber::stripChannelPrefix(const QString &address) {
    const int colon = address.indexOf(QLatin1Char(':'));
    return colon > 0 && colon < 10 ? address.mid(colon + 1) : address;
}

} // namespace sb
