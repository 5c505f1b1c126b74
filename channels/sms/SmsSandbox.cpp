#include "SmsSandbox.h"

#include "SmsChannel.h"
#include "TestNumbers.h"
#include "media/MediaLimits.h"
#include "providers/twilio/PhoneNumber.h"
#include "providers/twilio/SmsSegments.h"
#include "providers/twilio/TwilioError.h"
#include "sandbox/Sandbox.h"

namespace sb {

namespace {

bool plainNumber(const QString &address) {
    return !address.contains(QLatin1Char(':'));
}

} // namespace

QString SmsSandbox::id() const {
    return SmsChannel::Id;
}

bool SmsSandbox::owns(const QString &from, const QString &to) const {
    return plainNumber(from) && plainNumber(to);
}

SandboxVerdict SmsSandbox::outbound(const SandboxSend &send, const Sandbox &sandbox) const {
    if (const int fromError = TestNumbers::errorForFrom(send.from))
        return SandboxVerdict::refuse(fromError, TwilioError::explain(fromError));
    const TestNumberOutcome outcome = TestNumbers::forTo(send.to);
    if (outcome.errorCode != 0)
        return SandboxVerdict::refuse(
            outcome.errorCode,
            QStringLiteral("%1 (To: %2)").arg(TwilioError::explain(outcome.errorCode), send.to));
    if (!PhoneNumber::check(send.to).valid)
        return SandboxVerdict::refuse(
            21211, QStringLiteral("The 'To' number %1 is not a valid phone number.").arg(send.to));
    if (!sandbox.isOwnNumber(send.from) && send.from != TestNumbers::validFrom())
        return SandboxVerdict::refuse(
            21606, QStringLiteral("The From phone number %1 is not a valid, SMS-capable inbound "
                                  "phone number or short code for your account.")
                       .arg(send.from));
    SandboxVerdict verdict;
    verdict.statuses = {QStringLiteral("sending"), QStringLiteral("sent"), outcome.finalStatus};
    verdict.finalError = outcome.deliveryError;
    verdict.segments = SmsSegments::count(send.body).segments;
    return verdict;
}

std::optional<SandboxArrival> SmsSandbox::inbound(const FormFields &request, const Sandbox &sandbox,
                                                  int *errorCode, QString *error) const {
    SandboxArrival a;
    a.from = FormEncoding::value(request, QStringLiteral("From"));
    a.to = FormEncoding::value(request, QStringLiteral("To"));
    a.body = FormEncoding::value(request, QStringLiteral("Body"));
    if (a.to.isEmpty() && !sandbox.numbers().isEmpty())
        a.to = sandbox.numbers().first().phoneNumber;
    if (a.from.isEmpty() || !PhoneNumber::check(a.from).valid) {
        *errorCode = 21212;
        *error = QStringLiteral("'From' must be a valid E.164 number.");
        return std::nullopt;
    }
    a.url = sandbox.inboundUrl(id());
    for (const Sandbox::Number &n : sandbox.numbers()) {
        if (n.phoneNumber == a.to && !n.smsUrl.isEmpty())
            a.url = n.smsUrl;
    }
    const QString sid = Sandbox::newSid("SM");
    a.params = {{QStringLiteral("ToCountry"), QStringLiteral("US")},
                {QStringLiteral("SmsMessageSid"), sid},
                {QStringLiteral("NumMedia"), QStringLiteral("0")},
                {QStringLiteral("SmsSid"), sid},
                {QStringLiteral("SmsStatus"), QStringLiteral("received")},
                {QStringLiteral("Body"), a.body},
                {QStringLiteral("To"), a.to},
                {QStringLiteral("NumSegments"),
                 QString::number(qMax(1, SmsSegments::count(a.body).segments))},
                {QStringLiteral("MessageSid"), sid},
                {QStringLiteral("AccountSid"), sandbox.accountSid()},
                {QStringLiteral("From"), a.from},
                {QStringLiteral("ApiVersion"), QStringLiteral("2010-04-01")}};
    return a;
}

bool SmsSandbox::acceptsMedia(const QString &contentType) const {
    return MediaLimits::mms().accepts(contentType);
}

} // namespace sb
