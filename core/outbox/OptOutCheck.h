#pragma once

#include "OutboxCheck.h"

#include <QObject>

#include <functional>

namespace sb {

class Store;

// Refuses, before it reaches Twilio, a message to a contact whose last word to its sender was
// STOP (or whom Twilio refused with 21610): Twilio's code 21610, with the reason and the date.
// Twilio's own 21610 on a send is recorded as the same state (OptOuts, source twilio-21610).
class OptOutCheck : public QObject, public OutboxCheck {
    Q_OBJECT
public:
    using Clock = std::function<QDateTime()>;
    OptOutCheck(Store *store, Clock clock, QObject *parent = nullptr);

    void check(const OutboxEntry &entry, Checked done) override;
    void refused(const OutboxEntry &entry, const TwilioError &error) override;

private:
    Store *m_store;
    Clock m_clock;
};

} // namespace sb
