#include "WhatsAppSandbox.h"

#include "SandboxContentApi.h"
#include "SandboxTemplates.h"
#include "ServiceWindow.h"
#include "WhatsAppAddress.h"
#include "WhatsAppChannel.h"
#include "media/MediaLimits.h"
#include "providers/twilio/ContentTemplate.h"
#include "providers/twilio/TemplateVariables.h"
#include "providers/twilio/TwilioError.h"
#include "sandbox/Sandbox.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace sb {

namespace {

bool isSender(const QString &from, const Sandbox &sandbox) {
    if (from == WhatsAppSandbox::sender())
        return true;
    for (const Sandbox::Number &n : sandbox.numbers()) {
        if (from == WhatsAppAddress::Prefix + n.phoneNumber)
            return true;
    }
    return false;
}

} // namespace

void WhatsAppSandbox::install(Sandbox &sandbox) {
    sandbox.addChannel(std::make_shared<WhatsAppSandbox>());
    SandboxContentApi::serve(sandbox);
}

QString WhatsAppSandbox::id() const {
    return WhatsAppChannel::Id;
}

bool WhatsAppSandbox::owns(const QString &from, const QString &to) const {
    return WhatsAppAddress::isWhatsApp(from) || WhatsAppAddress::isWhatsApp(to);
}

SandboxVerdict WhatsAppSandbox::outbound(const SandboxSend &send, const Sandbox &sandbox) const {
    if (!WhatsAppAddress::isWhatsApp(send.from) || !WhatsAppAddress::isWhatsApp(send.to))
        return SandboxVerdict::refuse(
            21910, QStringLiteral("Invalid From and To pair. From and To should be of the same "
                                  "channel"));
    if (!isSender(send.from, sandbox))
        return SandboxVerdict::refuse(
            63007, QStringLiteral("Twilio could not find a Channel with the specified From "
                                  "address"));
    const WhatsAppAddressCheck to = WhatsAppAddress::check(send.to);
    if (!to.valid || to.address != send.to)
        return SandboxVerdict::refuse(
            21211, QStringLiteral("The 'To' number %1 is not a valid phone number.").arg(send.to));

    SandboxVerdict verdict;
    bool approved = false;
    if (!send.contentSid.isEmpty()) {
        const SandboxTemplate *found = SandboxTemplates::find(send.contentSid);
        if (!found)
            return SandboxVerdict::refuse(21655, QStringLiteral("The ContentSid is Invalid"));
        const QJsonDocument given = QJsonDocument::fromJson(send.contentVariables.toUtf8());
        if (!send.contentVariables.isEmpty() && !given.isObject())
            return SandboxVerdict::refuse(
                21656, QStringLiteral("The ContentVariables Parameter is invalid"));
        // Read as the console reads it, so both fill the template in the same way.
        const ContentTemplate content =
            ContentTemplate::fromJson(found->contentAndApprovalsJson(sandbox.accountSid()));
        TemplateVariables::Values values = TemplateVariables(content).prefilled();
        const QJsonObject object = given.object();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (!it.value().isString() || it.value().toString().trimmed().isEmpty())
                return SandboxVerdict::refuse(
                    21656, QStringLiteral("The ContentVariables Parameter is invalid"));
            values.insert(it.key(), it.value().toString());
        }
        verdict.body = TemplateVariables::render(content.body, values);
        approved = found->isApproved();
    }
    const ServiceWindow::Reading window =
        ServiceWindow::at(sandbox.lastInbound(send.to, send.from), sandbox.now());
    if (window.isOpen() || approved) {
        verdict.statuses = {QStringLiteral("sent"), QStringLiteral("delivered"),
                            QStringLiteral("read")};
    } else {
        // Twilio takes the message and WhatsApp refuses it: the failure comes as a callback.
        verdict.statuses = {QStringLiteral("failed")};
        verdict.finalError = ServiceWindow::ClosedErrorCode;
    }
    return verdict;
}

std::optional<SandboxArrival> WhatsAppSandbox::inbound(const FormFields &request,
                                                       const Sandbox &sandbox, int *errorCode,
                                                       QString *error) const {
    const WhatsAppAddressCheck from =
        WhatsAppAddress::check(FormEncoding::value(request, QStringLiteral("From")));
    if (!from.valid) {
        *errorCode = 21212;
        *error = QStringLiteral("'From' must be a WhatsApp address, whatsapp:+E164: %1")
                     .arg(from.reason);
        return std::nullopt;
    }
    QString toInput = FormEncoding::value(request, QStringLiteral("To"));
    if (toInput.isEmpty())
        toInput = sender();
    const WhatsAppAddressCheck to = WhatsAppAddress::check(toInput);
    if (!to.valid || !isSender(to.address, sandbox)) {
        *errorCode = 63007;
        *error = QStringLiteral("'To' %1 is not a WhatsApp sender of this account.").arg(toInput);
        return std::nullopt;
    }
    SandboxArrival a;
    a.from = from.address;
    a.to = to.address;
    a.body = FormEncoding::value(request, QStringLiteral("Body"));
    a.url = sandbox.inboundUrl(id());
    const QString profileName = FormEncoding::value(request, QStringLiteral("ProfileName"));
    const QString sid = Sandbox::newSid("SM");
    a.params = {{QStringLiteral("SmsMessageSid"), sid},
                {QStringLiteral("NumMedia"), QStringLiteral("0")},
                {QStringLiteral("MessageType"), QStringLiteral("text")},
                {QStringLiteral("SmsSid"), sid},
                {QStringLiteral("WaId"), WhatsAppAddress::waId(a.from)},
                {QStringLiteral("SmsStatus"), QStringLiteral("received")},
                {QStringLiteral("Body"), a.body},
                {QStringLiteral("To"), a.to},
                {QStringLiteral("NumSegments"), QStringLiteral("1")},
                {QStringLiteral("ReferralNumMedia"), QStringLiteral("0")},
                {QStringLiteral("MessageSid"), sid},
                {QStringLiteral("AccountSid"), sandbox.accountSid()},
                {QStringLiteral("From"), a.from},
                {QStringLiteral("ApiVersion"), QStringLiteral("2010-04-01")}};
    if (!profileName.isEmpty())
        a.params.append({QStringLiteral("ProfileName"), profileName});
    return a;
}

bool WhatsAppSandbox::acceptsMedia(const QString &contentType) const {
    return MediaLimits::whatsApp().accepts(contentType);
}

} // namespace sb
