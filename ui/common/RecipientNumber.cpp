#include "RecipientNumber.h"

#include "SchemeColors.h"

#include <QLabel>

namespace sb {

PhoneNumberCheck RecipientNumber::check(const QString &typed, const QString &senderNumber) {
    // National numbers are read in the sender's country, as an agent would expect.
    const QString region = PhoneNumber::check(senderNumber).region;
    return PhoneNumber::check(typed.trimmed(), region.isEmpty() ? QStringLiteral("US") : region);
}

void RecipientNumber::show(QLabel *reason, const QString &typed, const PhoneNumberCheck &check,
                           const QString &validText) {
    if (typed.trimmed().isEmpty()) {
        reason->clear();
        reason->hide();
    } else if (check.valid) {
        SchemeColors::setTone(reason, Tone::Faint);
        reason->setText(validText.arg(check.e164));
        reason->show();
    } else {
        SchemeColors::setTone(reason, Tone::Error);
        reason->setText(check.reason);
        reason->show();
    }
}

} // namespace sb
