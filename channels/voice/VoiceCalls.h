#pragma once

#include "RecordingRecord.h"
#include "common/Receiver.h"
#include "db/Store.h"

#include <QDateTime>
#include <QStringList>

#include <functional>
#include <optional>

namespace sb {

class StoreWorker;
struct TwilioCall;

// One status a call reached, as its timeline shows it.
struct CallEvent {
    QString status;
    QDateTime at;        // Twilio's Timestamp when the callback had one, else when it arrived
    int sequence = -1;   // Twilio's SequenceNumber; -1 when none (the create answer)
    bool polled = false; // learned by asking Twilio (CallReconciler), not from its callback
};

// A call as the console knows it.
struct CallRecord {
    qint64 id = 0;
    QString sid; // empty until Twilio has answered the create request
    QString clientRef;
    QString direction; // outbound-api, inbound, outbound-dial
    QString from;
    QString to;
    QString url; // where Twilio fetches its TwiML
    QString status;
    // How the request to create it ended: "requesting" (sent, no answer committed yet: after a
    // crash, Twilio may or may not have dialled), "created", "refused".
    QString requestState;
    QString answeredBy;
    int durationSeconds = -1; // -1 until Twilio says
    int errorCode = 0;
    QString errorMessage;
    QDateTime created;
    QDateTime updated;
    QList<CallEvent> history;          // in the order the call went through them
    QList<RecordingRecord> recordings; // in the order recorded (bySid reads them)
    int recordingCount = 0;            // its rows in voice_recordings (the calls list counts them)
    QString agent;                     // outbound: who placed it (SWITCHBOARD_AGENT_NAME)

    bool isInbound() const { return direction == QLatin1String("inbound"); }
};

// A call the local API is about to ask Twilio for.
struct CallRequest {
    QString clientRef; // the Idempotency-Key; empty: none
    QString from;
    QString to;
    QString url;
    bool record = false; // Twilio records the call (Record=true); not stored
    QString agent;       // who places it; empty: the placer's own agent (CallPlacer::setAgent)
};

// What POST /twilio/call-status carried.
struct CallStatusUpdate {
    QString callSid;
    QString status;
    QString from;
    QString to;
    QString direction;
    QString answeredBy;
    int durationSeconds = -1;
    int sequence = -1;
    QDateTime timestamp; // invalid when Twilio sent none
    int errorCode = 0;
    bool polled = false; // from a fetch of the call (CallReconciler), not a callback
};

// The voice channel's own tables and every query on them (run by the store, like every store
// job: on its thread, inside its batched transaction, reported after the commit):
//   voice_calls       one row per call, its current status and what is known about it
//   voice_call_events its timeline: each status once (a callback Twilio repeats is ignored)
//   voice_recordings  its recordings (filled in by recording-complete: VoiceRecordings)
// A call's status only moves to a higher rank (CallStatuses); its timeline keeps every status
// it reached, however late the callback came. Times are stored as UTC milliseconds.
class VoiceCalls {
public:
    // Every change to a call is announced as Store::rowsChanged(Table, ...) (see CallFeed).
    static constexpr QLatin1String Table{"voice_calls"};

    static QList<QStringList> schema();
    // A later step (the voice module's 4th, after IvrVersions' 3rd): each event's source.
    static QList<QStringList> eventSourceSchema();
    // Who placed each outbound call (voice step 5).
    static QList<QStringList> agentSchema();

    struct Requested {
        CallRecord call;
        bool existed = false; // the Idempotency-Key was seen before: nothing new to dial
    };
    // In a store job: notes the call before Twilio is asked (or finds the one asked for with
    // the same client reference).
    static std::optional<Requested> request(StoreWorker &w, const CallRequest &request,
                                            const QDateTime &now, QString *error);
    // In a store job: Twilio created it. A callback that came before this answer was committed
    // made a row of its own for the SID: it is merged into this one.
    static std::optional<CallRecord> created(StoreWorker &w, qint64 id, const TwilioCall &call,
                                             const QDateTime &now, QString *error);
    static bool refused(StoreWorker &w, qint64 id, int errorCode, const QString &message,
                        const QDateTime &now, QString *error);
    // In a store job: a call Twilio lists (outbound-api) that may be one whose create answer
    // was lost: the console stopped between Twilio's answer and its commit, so its row is
    // still "requesting", without a SID. The one such row from before `before` (an earlier
    // run's) with the same numbers, created within ten minutes of the call, takes the call
    // as created() would (queued at its creation; a callback-made row for the SID is merged).
    // True when a row took it; false when none did or more than one could have.
    static std::optional<bool> adoptRequested(StoreWorker &w, const TwilioCall &call,
                                              const QDateTime &before, const QDateTime &now,
                                              QString *error);
    // In a store job: a status callback, deduplicated, never moving the call backwards; a call
    // the console did not place (or whose answer was lost) gets a row of its own.
    static bool applyStatus(StoreWorker &w, const CallStatusUpdate &update, const QDateTime &now,
                            QString *error);
    // nullopt: the read failed; an empty inner optional: no such call.
    static std::optional<std::optional<CallRecord>> bySid(StoreWorker &w, const QString &sid,
                                                          QString *error);

    // In a store job: these calls (those that exist), in the order asked.
    static std::optional<QList<CallRecord>> byIds(StoreWorker &w, const QList<qint64> &ids,
                                                  QString *error);
    // In a store job: the `limit` calls stored before the call `beforeId` (0: the newest),
    // newest first.
    static std::optional<QList<CallRecord>> page(StoreWorker &w, qint64 beforeId, int limit,
                                                 QString *error);

    static void call(Store *store, const QString &sid, Receiver receiver,
                     std::function<void(const StoreResult<std::optional<CallRecord>> &)> done);
};

} // namespace sb

Q_DECLARE_METATYPE(sb::CallRecord)
Q_DECLARE_METATYPE(QList<sb::CallRecord>)
