#pragma once

#include "outbox/OutboxCheck.h"

#include <QDateTime>
#include <QObject>

#include <functional>

namespace sb {

class Store;

// WhatsApp's 24-hour window judged when a scheduled free-text message really goes (a message
// sent at once was judged by WhatsAppSender a moment before): closed then, it fails with 63016
// and the reason, and nothing reaches Twilio. Templates pass (their approval was checked when
// they were scheduled). Lives on the outbox's thread.
class WhatsAppWindowCheck : public QObject, public OutboxCheck {
    Q_OBJECT
public:
    WhatsAppWindowCheck(Store *store, std::function<QDateTime()> clock, QObject *parent);
    void check(const OutboxEntry &entry, Checked done) override;

private:
    Store *m_store;
    std::function<QDateTime()> m_clock;
};

} // namespace sb
