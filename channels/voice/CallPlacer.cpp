#include "CallPlacer.h"

#include "CallStatuses.h"
#include "VoiceLogging.h"
#include "VoiceRoutes.h"
#include "db/Store.h"
#include "db/StoreWorker.h"
#include "providers/twilio/TwilioClient.h"
#include "providers/twilio/TwilioResources.h"

namespace sb {

QString CallPlacement::problem() const {
    switch (outcome) {
    case Outcome::Created:
        return {};
    case Outcome::NotStored:
        return CallPlacer::tr("Nothing was dialled: the call could not be stored (%1).")
            .arg(storeError);
    case Outcome::AlreadyRequested:
        return CallPlacer::tr("This call was asked for already; it is not dialled again.");
    case Outcome::NoClient:
        return CallPlacer::tr("No Twilio client: calls cannot be placed.");
    case Outcome::Ambiguous:
        return CallPlacer::tr("Twilio's answer was lost (%1): the call may or may not have been "
                              "placed. It is not dialled again by itself.")
            .arg(error.explanation());
    case Outcome::Refused:
        return CallPlacer::tr("Twilio refused the call: %1").arg(error.explanation());
    case Outcome::CreatedNotStored:
        return CallPlacer::tr("The call %1 was placed but could not be recorded here (%2); its "
                              "status callbacks will record it when the database recovers.")
            .arg(callSid, storeError);
    }
    return {};
}

CallPlacer::CallPlacer(Store *store, TwilioClient *twilio, Clock clock)
    : m_store(store)
    , m_twilio(twilio)
    , m_clock(std::move(clock)) {}

void CallPlacer::place(const CallRequest &request, const QString &publicBase, Receiver receiver,
                       std::function<void(const CallPlacement &)> done) const {
    Store *store = m_store;
    TwilioClient *twilio = m_twilio;
    const Clock clock = m_clock;
    // Step 3, on the receiver's thread once Twilio has answered: note what it said.
    auto answered = [store, clock, receiver, done](qint64 id,
                                                   const TwilioResult<TwilioCall> &result) {
        if (!result.ok()) {
            CallPlacement placement;
            placement.error = result.error;
            qCInfo(lcVoice).noquote() << "call not created:" << result.error.explanation();
            // When Twilio may have dialled after all, the row stays "requesting": unknown,
            // never retried by itself.
            if (result.error.isAmbiguous()) {
                placement.outcome = CallPlacement::Outcome::Ambiguous;
                return done(placement);
            }
            placement.outcome = CallPlacement::Outcome::Refused;
            const TwilioError error = result.error;
            store->run<bool>(
                receiver,
                [id, error, now = clock()](StoreWorker &w,
                                           QString *storeError) -> std::optional<bool> {
                    if (!VoiceCalls::refused(w, id, error.code, error.explanation(), now,
                                             storeError))
                        return std::nullopt;
                    return true;
                },
                [done, placement](const StoreResult<bool> &) { done(placement); });
            return;
        }
        const TwilioCall created = result.value;
        store->run<CallRecord>(
            receiver,
            [id, created, now = clock()](StoreWorker &w, QString *error) {
                return VoiceCalls::created(w, id, created, now, error);
            },
            [done, sid = created.sid](const StoreResult<CallRecord> &stored) {
                CallPlacement placement;
                placement.callSid = sid;
                if (!stored.ok()) {
                    placement.outcome = CallPlacement::Outcome::CreatedNotStored;
                    placement.storeError = stored.error;
                    return done(placement);
                }
                placement.outcome = CallPlacement::Outcome::Created;
                placement.call = stored.value;
                done(placement);
            });
    };
    // Step 1: the call is noted before Twilio is asked.
    store->run<VoiceCalls::Requested>(
        receiver,
        [request, agent = m_agent, now = clock()](StoreWorker &w, QString *error) {
            CallRequest named = request;
            if (named.agent.isEmpty())
                named.agent = agent;
            return VoiceCalls::request(w, named, now, error);
        },
        [twilio, receiver, done, answered, request,
         publicBase](const StoreResult<VoiceCalls::Requested> &requested) {
            CallPlacement placement;
            if (!requested.ok()) {
                placement.storeError = requested.error;
                return done(placement);
            }
            placement.call = requested.value.call;
            if (requested.value.existed) {
                placement.outcome = CallPlacement::Outcome::AlreadyRequested;
                return done(placement);
            }
            if (!twilio) {
                placement.outcome = CallPlacement::Outcome::NoClient;
                return done(placement);
            }
            // Step 2: Twilio is asked on the network thread; its answer comes back here.
            CreateCallParams params;
            params.to = requested.value.call.to;
            params.from = requested.value.call.from;
            params.url = requested.value.call.url;
            params.record = request.record;
            if (request.record) {
                // Without it Twilio records but tells nobody: the recording would never
                // reach the console (nor the call's recordings list).
                // No events: Twilio's default, completed, is the one the console stores.
                params.recordingStatusCallback = publicBase + VoiceRoutes::recordingComplete();
                params.recordingStatusCallbackMethod = QStringLiteral("POST");
            }
            params.statusCallback = publicBase + VoiceRoutes::callStatus();
            params.statusCallbackEvents = {QStringLiteral("initiated"), QStringLiteral("ringing"),
                                           QStringLiteral("answered"), QStringLiteral("completed")};
            const qint64 id = requested.value.call.id;
            QMetaObject::invokeMethod(twilio, [twilio, params, receiver, answered, id] {
                twilio->createCall(params, receiver,
                                   [answered, id](const TwilioResult<TwilioCall> &result) {
                                       answered(id, result);
                                   });
            });
        });
}

QString CallPlacer::hangUpStatusFor(const QString &status) {
    static const QStringList notAnswered{QStringLiteral("queued"), QStringLiteral("initiated"),
                                         QStringLiteral("ringing")};
    return notAnswered.contains(status) ? QStringLiteral("canceled") : QStringLiteral("completed");
}

void CallPlacer::hangUp(const QString &callSid, Receiver receiver,
                        std::function<void(const HangUpResult &)> done) const {
    TwilioClient *twilio = m_twilio;
    VoiceCalls::call(
        m_store, callSid, receiver,
        [twilio, callSid, receiver, done](const StoreResult<std::optional<CallRecord>> &found) {
            HangUpResult result;
            if (!found.ok() || !found.value) {
                result.problem = found.ok() ? tr("No call %1 is known here.").arg(callSid)
                                            : tr("The call could not be read: %1").arg(found.error);
                return done(result);
            }
            if (CallStatuses::instance().info(found.value->status).final) {
                result.problem = tr("The call has ended already.");
                return done(result);
            }
            if (!twilio) {
                result.problem = tr("No Twilio client: the call cannot be ended from here.");
                return done(result);
            }
            UpdateCallParams params;
            params.status = hangUpStatusFor(found.value->status);
            result.status = params.status;
            QMetaObject::invokeMethod(twilio, [twilio, callSid, params, receiver, done, result] {
                twilio->updateCall(callSid, params, receiver,
                                   [done, result](const TwilioResult<TwilioCall> &answer) mutable {
                                       result.ok = answer.ok();
                                       if (!answer.ok())
                                           result.problem = tr("Twilio did not end the call: %1")
                                                                .arg(answer.error.explanation());
                                       done(result);
                                   });
            });
        });
}

} // namespace sb
