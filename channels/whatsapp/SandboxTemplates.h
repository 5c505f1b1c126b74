#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace sb {

// One Content template of the sandbox's account, with its WhatsApp approval.
struct SandboxTemplate {
    QString sid;
    QString friendlyName;
    QString language;
    QJsonObject variables; // placeholder -> default value
    QJsonObject types;     // content type -> its definition, as Twilio stores it
    QString status;        // WhatsApp approval: approved, pending, rejected...
    QString category;      // UTILITY, MARKETING
    QString contentType;   // the type submitted for approval
    QString rejectionReason;
    QDateTime created;

    bool isApproved() const { return status == QLatin1String("approved"); }

    // The resource as Twilio's Content API v1 shapes it, with URLs under `base`:
    // GET /v1/Content (and /v1/Content/{Sid})
    QJsonObject contentJson(const QString &accountSid, const QString &base) const;
    // GET /v1/ContentAndApprovals
    QJsonObject contentAndApprovalsJson(const QString &accountSid) const;
    // GET /v1/Content/{Sid}/ApprovalRequests
    QJsonObject approvalFetchJson(const QString &accountSid, const QString &base) const;
};

// The templates a support agent's account typically has: an order update and an appointment
// reminder (approved, with {{1}}-style variables), a follow-up that reopens a conversation
// (approved), a marketing message still in review (pending) and a payment reminder WhatsApp
// rejected (a variable at its start and end).
class SandboxTemplates {
public:
    static const QList<SandboxTemplate> &all();
    static const SandboxTemplate *find(const QString &sid);

    // Their SIDs, for tests, scripts and the README.
    static QString orderUpdate() { return QStringLiteral("HX611d3e3343e5194d7f290e44b392b617"); }
    static QString appointmentReminder() {
        return QStringLiteral("HX98535d84544ae00de72304c14fb7aeb3");
    }
    static QString supportFollowUp() {
        return QStringLiteral("HXcdd3aefeae2ca465734bec85e8ca06b1");
    }
    static QString springSale() { return QStringLiteral("HXa5f20066da8fe187f9a08aca2231d591"); }
    static QString paymentOverdue() { return QStringLiteral("HXcb82c0bbbcf556ba0c4dcc75d64dc2c6"); }
};

} // namespace sb
