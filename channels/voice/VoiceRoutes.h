#pragma once

#include <QString>

namespace sb {

// The voice channel's paths, defined once: its routes, the URLs its calls carry (status
// callback, the TwiML Twilio fetches), the sandbox and the start-up log read them from here.
struct VoiceRoutes {
    // Webhooks (Twilio calls them; signature-checked before routing).
    static QString voiceResponse() { return QStringLiteral("/twilio/voice-response"); }
    static QString gatherResponse() { return QStringLiteral("/twilio/gather-response"); }
    static QString callStatus() { return QStringLiteral("/twilio/call-status"); }
    static QString recordingComplete() { return QStringLiteral("/twilio/recording-complete"); }
    // Click-to-call: the agent's leg, once answered, dials the customer (?to=&record=).
    static QString bridge() { return QStringLiteral("/twilio/bridge"); }
    // Local API, under LocalApi::path().
    static QString initiateCall() { return QStringLiteral("initiate-call"); }
    static QString clickToCall() { return QStringLiteral("click-to-call"); }
    static QString callStatusOf() { return QStringLiteral("call-status/{callSid}"); }
    static QString ivr() { return QStringLiteral("ivr"); }     // GET and PUT the IVR menu
    static QString calls() { return QStringLiteral("calls"); } // GET: the listing
    static QString callStatusOf(const QString &callSid) {
        return QStringLiteral("call-status/") + callSid;
    }
    // Sandbox mode: presses keys on a simulated call in progress.
    static QString digitsOf() { return QStringLiteral("calls/{callSid}/digits"); }
    static QString digitsOf(const QString &callSid) {
        return QStringLiteral("calls/%1/digits").arg(callSid);
    }
    // A call's recording: n counts from 1 in the order recorded, or is its RecordingSid.
    static QString recordingOf() { return QStringLiteral("calls/{callSid}/recordings/{n}"); }
    static QString recordingOf(const QString &callSid, const QString &n) {
        return QStringLiteral("calls/%1/recordings/%2").arg(callSid, n);
    }
};

} // namespace sb
