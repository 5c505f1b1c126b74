#pragma once

#include "http/FormEncoding.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace sb {

class Sandbox;

// A message the sandbox's Messages resource was asked to create.
struct SandboxSend {
    QString from;
    QString to;
    QString body;
    QString contentSid;       // a template, instead of a body
    QString contentVariables; // its variables, a JSON object
    QStringList mediaUrls;
};

// A channel part's answer to a send: refused as Twilio would refuse it, or accepted with the
// statuses it then walks through (one every SandboxOptions::statusDelayMs, each with a signed
// status callback) and the error code its last status carries.
struct SandboxVerdict {
    int httpStatus = 0; // non-zero: refused with this status, Twilio's code and message
    int errorCode = 0;
    QString errorMessage;

    QString body;         // as delivered (e.g. a template filled in); empty: the body sent
    QStringList statuses; // after "queued"
    int finalError = 0;
    int segments = 1;

    static SandboxVerdict refuse(int errorCode, const QString &message, int httpStatus = 400) {
        SandboxVerdict v;
        v.httpStatus = httpStatus;
        v.errorCode = errorCode;
        v.errorMessage = message;
        return v;
    }
};

// A customer's message as the channel's webhook receives it from Twilio.
struct SandboxArrival {
    QString url;       // where Twilio would post it
    FormFields params; // what it would post (the sandbox adds nothing; it signs them)
    QString from;
    QString to;
    QString body;
};

// A channel's part of the sandbox: which messages are its own (by their addresses) and how
// they behave. The sandbox keeps the Messages resource, the numbers, signing and timing; a
// part decides what Twilio would do with its channel's messages.
class SandboxChannel {
public:
    virtual ~SandboxChannel() = default;

    virtual QString id() const = 0;
    virtual bool owns(const QString &from, const QString &to) const = 0;
    virtual SandboxVerdict outbound(const SandboxSend &send, const Sandbox &sandbox) const = 0;
    // Whether a MediaUrl answering with this Content-Type may be sent on this channel (Twilio
    // fails the message with 12300 otherwise).
    virtual bool acceptsMedia(const QString &contentType) const {
        (void)contentType;
        return true;
    }
    // POST /sandbox/inbound for this channel (From, To?, Body and what else the channel
    // reads): the webhook Twilio would post, or nullopt with Twilio's code and a message.
    virtual std::optional<SandboxArrival> inbound(const FormFields &request, const Sandbox &sandbox,
                                                  int *errorCode, QString *error) const = 0;
};

} // namespace sb
