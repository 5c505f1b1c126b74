#pragma once

#include "VoiceCalls.h"
#include "common/Receiver.h"
#include "providers/twilio/TwilioError.h"

#include <QCoreApplication>
#include <QDateTime>

#include <functional>

namespace sb {

class Store;
class TwilioClient;

// How placing a call ended, for whoever asked (the local API answers with it, the Calls tab
// shows it).
struct CallPlacement {
    enum class Outcome {
        NotStored,        // the row could not be noted first: nothing was dialled
        AlreadyRequested, // the same client reference was asked for before: `call` is that one
        NoClient,         // no Twilio client: nothing was dialled
        Ambiguous,        // Twilio's answer was lost: it may have dialled; never re-dialled
        Refused,          // Twilio said no (`error`), stored as refused
        CreatedNotStored, // Twilio created `callSid` but the row could not be updated
        Created,          // `call` as stored
    };
    Outcome outcome = Outcome::NotStored;
    CallRecord call;
    TwilioError error;
    QString storeError;
    QString callSid;

    bool placed() const { return outcome == Outcome::Created; }
    // One plain sentence for the agent (empty when placed).
    QString problem() const;
};

struct HangUpResult {
    bool ok = false;
    QString status;  // what was asked: "completed" or "canceled"
    QString problem; // why not, in plain words
};

// Places calls and ends them, for the local API and the Calls tab alike: the call is noted in
// the store first, then Twilio is asked (TwilioClient, on the network thread) with the
// console's status callback and every progress event; a request whose outcome is unknown stays
// "requesting" and is never dialled again by itself. Results arrive on the receiver's thread.
// Holds no state of its own: its jobs capture what they need, so it may go away meanwhile.
class CallPlacer {
    Q_DECLARE_TR_FUNCTIONS(CallPlacer)
public:
    using Clock = std::function<QDateTime()>;
    CallPlacer(Store *store, TwilioClient *twilio, Clock clock);
    // Who places the calls given without a name of their own (CallRequest::agent): the
    // console's agent, SWITCHBOARD_AGENT_NAME.
    void setAgent(const QString &name) { m_agent = name; }

    // `publicBase`: where Twilio reaches this console (its status callbacks go to
    // publicBase + /twilio/call-status; a recorded call's recording to
    // publicBase + /twilio/recording-complete).
    void place(const CallRequest &request, const QString &publicBase, Receiver receiver,
               std::function<void(const CallPlacement &)> done) const;
    // Ends the call: Status=canceled while it has not been answered (queued, initiated,
    // ringing), completed once it has; the stored status decides. Its status callback
    // records the end.
    void hangUp(const QString &callSid, Receiver receiver,
                std::function<void(const HangUpResult &)> done) const;

    // What hangUp asks for a call in `status`.
    static QString hangUpStatusFor(const QString &status);

private:
    Store *m_store;
    TwilioClient *m_twilio;
    Clock m_clock;
    QString m_agent;
};

} // namespace sb
