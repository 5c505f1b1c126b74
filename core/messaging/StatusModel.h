#pragma once

#include <QString>

namespace sb {

// How a status looks and reads; the colour for each tone is defined once, in the console's
// palette-aware StatusColors.
enum class StatusTone {
    Neutral,  // not sent yet, or unknown
    Progress, // on its way
    Sent,     // handed to the carrier or the network
    Success,  // delivered, read, received
    Failure,  // failed, undelivered, canceled
};

struct StatusInfo {
    int rank = 0; // a record never moves to a lower rank; 0: a status this model does not know
    bool final = false;
    QString label; // short, for a badge: "delivered"
    StatusTone tone = StatusTone::Neutral;
    QString meaning; // one sentence in plain words: what it means for the customer
};

// A channel's statuses: rank, final or not, label, tone and meaning. The store keeps records
// from moving backwards by rank; the console shows label, tone and meaning.
class StatusModel {
public:
    virtual ~StatusModel() = default;
    virtual StatusInfo info(const QString &status) const = 0;
    bool isKnown(const QString &status) const { return info(status).rank > 0; }
};

} // namespace sb
