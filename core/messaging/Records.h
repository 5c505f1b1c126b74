#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace sb {

// A message as the store keeps it: outbound ones exist from the moment they are queued
// locally (status "pending" until Twilio has answered), inbound ones from their webhook.
struct MessageRecord {
    qint64 id = 0;
    QString sid; // empty until Twilio accepted it
    QString channel = QStringLiteral("sms");
    QString direction; // "outbound" or "inbound"
    QString from;
    QString to;
    QString body;
    QString status;
    int errorCode = 0;
    QString errorMessage;
    int segments = 0;
    QDateTime createdAt;
    QDateTime updatedAt;
    QDateTime scheduledFor; // UTC: when a `scheduled` message goes out; invalid otherwise
    QString agent;          // outbound: who sent it (SWITCHBOARD_AGENT_NAME); empty: unknown
};

// One status callback as it arrived.
struct StatusEvent {
    qint64 id = 0;
    QString messageSid;
    QString status;
    int errorCode = 0;
    QString idempotencyToken;
    QDateTime receivedAt;
    QByteArray payload;  // the callback's body as Twilio sent it (form-encoded)
    bool polled = false; // learned by fetching the message (reconciliation), not by a webhook
};

// What a status webhook tells us.
struct StatusCallback {
    QString messageSid;
    QString status;
    int errorCode = 0;
    QString errorMessage;
    QString from;
    QString to;
    QString idempotencyToken;
    QByteArray payload;
    bool polled = false; // fetched from Twilio's REST API by reconciliation, not a webhook
};

// One file an inbound message carries (MediaUrl{N} and MediaContentType{N}, N from 0).
struct InboundMedia {
    QString url;
    QString contentType;
};

struct InboundMessage {
    QString sid;
    QString channel = QStringLiteral("sms");
    QString from;
    QString to;
    QString body;
    QByteArray payload;
    QList<InboundMedia> media;   // in MediaUrl{N} order; stored with the message (MediaRows)
    QString optOutType;          // Twilio's Advanced Opt-Out verdict: STOP, START, HELP
    QString messagingServiceSid; // set when it came to a number in a Messaging Service
    int segments = 0;            // NumSegments; 0 when not said
    // Learned by polling Twilio's list (no webhook came): stored with Twilio's own time
    // (date_sent) and its event marked as polled. A webhook's message is stored at arrival.
    bool polled = false;
    QDateTime receivedAt;
};

struct OutboundDraft {
    QString channel = QStringLiteral("sms");
    QString from;
    QString to;
    // The text; for a template, the text as it will read once Twilio fills it in (what Twilio
    // reports as the message's body, which reconciliation matches on).
    QString body;
    QString contentSid;       // a Content template (HX...) instead of free text; empty: none
    QString contentVariables; // its variables as a JSON object, e.g. {"1":"Anna"}
    QStringList mediaUrls;    // public URLs Twilio fetches the attachments from (MediaUrl)
    QString statusCallback;
    QString clientRef; // caller's idempotency key: the same ref never creates a second message
    int segments = 0;
    QDateTime sendAt;            // valid: kept as `scheduled` and sent at this time
    QString messagingServiceSid; // MG…: Twilio picks the sender from this Messaging Service
    QString agent;               // who sends it; empty: the outbox's own agent (Outbox::setAgent)
};

// The durable outbox: pending (never sent) -> submitted (request may have reached Twilio)
// -> accepted (Twilio has it, with a SID) or failed (Twilio refused; never sent). A scheduled
// entry waits as `scheduled` until its sendAt, then becomes pending; or it is `cancelled`.
struct OutboxEntry {
    enum class State { Pending, Submitted, Accepted, Failed, Scheduled, Cancelled };
    qint64 id = 0;
    State state = State::Pending;
    int attempts = 0;
    QString lastError;
    bool existing = false; // createOutbound found this clientRef already
    bool applied = true;   // false: a transition found the entry in another state, changed nothing
    // With applied false: the state allowed the step but another process holds the entry's
    // claim (team mode); that process carries it on, this one lets it go.
    bool claimedElsewhere = false;
    MessageRecord message;
    QString contentSid;
    QString contentVariables;
    QStringList mediaUrls;
    QString statusCallback;
    QString clientRef;
    QString messagingServiceSid; // sent through this Messaging Service (MG…) instead of From
    QDateTime sendAt;            // a scheduled entry's time (kept once it has gone)
    QDateTime createdAt;         // when it was queued

    static QString stateName(State state);
    static State stateFromName(const QString &name);
};

} // namespace sb

Q_DECLARE_METATYPE(sb::MessageRecord)
Q_DECLARE_METATYPE(QList<sb::MessageRecord>)
