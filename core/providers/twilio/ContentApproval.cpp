#include "ContentApproval.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace sb {

namespace {

// The WhatsApp approval inside either response shape: ContentAndApprovals puts the fields in
// `approval_requests` directly; ApprovalRequests nests them in `whatsapp`. Some accounts'
// answers nest `whatsapp` inside `approval_requests` too, so look for it first.
QJsonObject whatsappApproval(const QJsonObject &json) {
    const QJsonValue nested = json.value(QLatin1String("whatsapp"));
    if (nested.isObject())
        return nested.toObject();
    return json;
}

} // namespace

ContentApproval::Status ContentApproval::statusFrom(const QString &twilioStatus) {
    const QString s = twilioStatus.trimmed().toLower();
    if (s == QLatin1String("approved"))
        return Status::Approved;
    if (s == QLatin1String("rejected"))
        return Status::Rejected;
    if (s == QLatin1String("received") || s == QLatin1String("pending") ||
        s == QLatin1String("submitted") || s == QLatin1String("in_appeal"))
        return Status::Pending;
    if (s == QLatin1String("unsubmitted") || s == QLatin1String("not_submitted"))
        return Status::NotSubmitted;
    if (s == QLatin1String("paused"))
        return Status::Paused;
    if (s == QLatin1String("disabled"))
        return Status::Disabled;
    return Status::Unknown;
}

ContentApproval ContentApproval::fromJson(const QJsonObject &json) {
    const QJsonObject w = whatsappApproval(json);
    ContentApproval a;
    a.rawStatus = w.value(QLatin1String("status")).toString();
    a.status = statusFrom(a.rawStatus);
    // An approval answer without a status (e.g. `"whatsapp": null`) means WhatsApp was never
    // asked; a status we don't know stays Unknown, with its word kept in rawStatus.
    if (a.rawStatus.trimmed().isEmpty())
        a.status = Status::NotSubmitted;
    a.rejectionReason = w.value(QLatin1String("rejection_reason")).toString();
    a.category = w.value(QLatin1String("category")).toString();
    a.name = w.value(QLatin1String("name")).toString();
    a.contentType = w.value(QLatin1String("content_type")).toString();
    return a;
}

QString ContentApproval::label() const {
    switch (status) {
    case Status::Approved:
        return ContentApproval::tr("Approved");
    case Status::Pending:
        return ContentApproval::tr("Pending review");
    case Status::Rejected:
        return ContentApproval::tr("Rejected");
    case Status::NotSubmitted:
        return ContentApproval::tr("Not submitted");
    case Status::Paused:
        return ContentApproval::tr("Paused");
    case Status::Disabled:
        return ContentApproval::tr("Disabled");
    case Status::Unknown:
        break;
    }
    return ContentApproval::tr("Approval unknown");
}

QString ContentApproval::explanation() const {
    switch (status) {
    case Status::Approved:
        return ContentApproval::tr(
            "WhatsApp approved this template: it can be sent outside the 24-hour window.");
    case Status::Pending:
        return ContentApproval::tr(
            "WhatsApp is still reviewing this template; it cannot be sent outside the "
            "24-hour window until it is approved.");
    case Status::Rejected:
        if (rejectionReason.trimmed().isEmpty())
            return ContentApproval::tr(
                "WhatsApp rejected this template and gave no reason; it cannot be sent "
                "outside the 24-hour window.");
        {
            QString reason = rejectionReason.trimmed();
            if (!reason.endsWith(QLatin1Char('.')))
                reason += QLatin1Char('.');
            return ContentApproval::tr("WhatsApp rejected this template: %1").arg(reason);
        }
    case Status::NotSubmitted:
        return ContentApproval::tr(
            "This template was never submitted to WhatsApp for approval; it cannot be sent "
            "outside the 24-hour window.");
    case Status::Paused:
        return ContentApproval::tr(
            "WhatsApp paused this template after poor feedback from recipients; it cannot "
            "be sent until WhatsApp releases it.");
    case Status::Disabled:
        return ContentApproval::tr(
            "WhatsApp disabled this template after poor feedback from recipients; it "
            "cannot be sent.");
    case Status::Unknown:
        break;
    }
    return ContentApproval::tr("Twilio did not say whether WhatsApp approved this template.");
}

} // namespace sb
