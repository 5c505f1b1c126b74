#pragma once

#include <QCoreApplication>
#include <QString>

class QJsonObject;

namespace sb {

// A Content template's WhatsApp approval, as Twilio's Content API reports it: either the
// `approval_requests` object of GET /v1/ContentAndApprovals or the resource of
// GET /v1/Content/{Sid}/ApprovalRequests (whose `whatsapp` object carries the same fields).
struct ContentApproval {
    Q_DECLARE_TR_FUNCTIONS(ContentApproval)

public:
    enum class Status {
        Unknown,      // not asked (GET /v1/Content carries no approval) or a word we don't know
        NotSubmitted, // "unsubmitted": never sent to WhatsApp for review
        Pending,      // "received", "pending", "submitted", "in_appeal": WhatsApp is reviewing it
        Approved,     // the only status WhatsApp sends outside the 24-hour window
        Rejected,     // see rejectionReason
        Paused,       // WhatsApp paused it after poor feedback; it may come back
        Disabled,     // WhatsApp disabled it for good
    };

    Status status = Status::Unknown;
    QString rawStatus;       // Twilio's own word, e.g. "received"
    QString rejectionReason; // WhatsApp's reason, when rejected
    QString category;        // UTILITY, MARKETING or AUTHENTICATION
    QString name;            // the name WhatsApp knows the template by
    QString contentType;     // the content type that was submitted, e.g. twilio/text

    bool canSend() const { return status == Status::Approved; }
    // A word or two for a list ("Approved", "Pending review", "Rejected", "Not submitted"...).
    QString label() const;
    // One sentence for the agent; a rejection carries WhatsApp's reason.
    QString explanation() const;

    static Status statusFrom(const QString &twilioStatus);
    static ContentApproval fromJson(const QJsonObject &json);
};

} // namespace sb
