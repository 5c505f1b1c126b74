#pragma once

#include "WiredNumbers.h"
#include "common/Receiver.h"
#include "providers/twilio/TwilioClient.h"

#include <QObject>

#include <functional>

namespace sb {

class Store;

// One URL setting of a phone number and the console's path that answers it (from the
// channels' WebhookEndpoint::numberSetting), e.g. SmsUrl -> /twilio/incoming-sms.
struct NumberHook {
    QString setting;
    QString path;
};

struct WiringOutcome {
    TwilioIncomingNumber number; // as Twilio has it afterwards
    TwilioError error;           // Twilio refused or could not be reached
    QString problem;             // or the console refused, in words (then httpStatus says how)
    int httpStatus = 200;        // 404, 409 or 500 with a problem
    bool ok() const { return !error.isError() && problem.isEmpty(); }
    QString explanation() const { return problem.isEmpty() ? error.explanation() : problem; }
};

// "Wire to this console": points a number's URL settings at this console's public URL,
// remembers what they were (committed before anything changes at Twilio), and puts them back
// on demand, on exit when the agent chose "only while Switchboard runs", or at the next start
// after a crash. A setting someone changed since is left alone on restore. Lives on the
// network thread beside the TwilioClient; call it there (QMetaObject::invokeMethod), results
// reach `receiver` on its own thread.
class NumberWiring : public QObject {
    Q_OBJECT
public:
    using Done = std::function<void(const WiringOutcome &)>;

    NumberWiring(Store *store, TwilioClient *twilio, QList<NumberHook> hooks,
                 QObject *parent = nullptr);

    const QList<NumberHook> &hooks() const { return m_hooks; }
    // Off in sandbox mode only: the built-in sandbox runs on this computer and reaches it.
    void setRequirePublicUrl(bool require) { m_requirePublicUrl = require; }

    // Refused (409) when Twilio could never reach `publicBase` (PublicReach).
    void wire(const QString &numberSid, const QString &publicBase, bool onlyWhileRunning,
              Receiver receiver, Done done);
    void restore(const QString &numberSid, Receiver receiver, Done done);
    enum class Runs { Earlier, All };
    // Restores every wiring made "only while Switchboard runs": at start, those of earlier
    // runs (one that crashed never restored its own; a service restarted inside this process
    // keeps them), on exit all. `done` gets how many were restored and the reasons of those
    // that could not be (kept for the next try).
    void restoreTemporary(Runs runs, Receiver receiver,
                          std::function<void(int restored, const QStringList &errors)> done);
    // Unique to this process.
    static QString runToken();

private:
    void findNumber(const QString &numberSid, std::function<void(const WiringOutcome &)> then);
    void applyWiring(const TwilioIncomingNumber &number, const QString &publicBase,
                     bool onlyWhileRunning, Receiver receiver, Done done);
    void restoreNext(QList<WiredNumber> pending, int restored, QStringList errors,
                     Receiver receiver,
                     std::function<void(int restored, const QStringList &errors)> done);

    Store *m_store;
    TwilioClient *m_twilio;
    QList<NumberHook> m_hooks;
    bool m_requirePublicUrl = true;
};

} // namespace sb
