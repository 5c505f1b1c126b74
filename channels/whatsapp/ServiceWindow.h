#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

#include <chrono>
#include <functional>

namespace sb {

// WhatsApp's 24-hour customer-service window with one contact. It opens with each inbound
// WhatsApp message from the customer and closes 24 hours after the last one. While it is open
// any message may be sent; while it is closed (or before the customer ever wrote) WhatsApp only
// accepts an approved template, and Twilio refuses anything else with error 63016.
//
// "Now" comes from an injected clock (a function returning the current UTC time), so the
// boundary can be tested to the second. Closed is from exactly 24:00:00 on.
class ServiceWindow {
    Q_DECLARE_TR_FUNCTIONS(ServiceWindow)
public:
    using Clock = std::function<QDateTime()>; // UTC now
    static constexpr std::chrono::hours Length{24};
    static constexpr int ClosedErrorCode = 63016; // Twilio's code for the same refusal

    enum class State {
        NeverOpened, // no inbound WhatsApp message from this contact
        Open,
        Closed, // the last inbound message is 24 hours old or older
    };

    // The window at one instant; every answer in it is about that same instant.
    struct Reading {
        State state = State::NeverOpened;
        QDateTime now;
        QDateTime lastInbound; // as given; invalid when the customer never wrote
        // When it closes (or closed): 24 h after the last inbound message, or after `now` when
        // that message lies in the future. Invalid when the window never opened.
        QDateTime closesAt;
        std::chrono::milliseconds remaining{0}; // until closesAt while open, else 0
        std::chrono::milliseconds closedFor{0}; // since closesAt while closed, else 0
        // The last inbound message is later than now: one of the clocks is off. The window is
        // counted from now (24 h left), which is right if the message just arrived.
        bool clockSkew = false;

        bool isOpen() const { return state == State::Open; }
        // Why only an approved template may be sent, in plain words; empty while open.
        QString reason() const;
        // A short live countdown for the compose area: "23 h 59 min left", "closes in 4 min",
        // "closed 3 h ago", "no message from the customer yet".
        QString countdownText() const;
    };

    // Without a clock, QDateTime::currentDateTimeUtc.
    explicit ServiceWindow(Clock clock = {});

    // The time of the contact's last inbound WhatsApp message; invalid: none yet.
    void setLastInbound(const QDateTime &at) { m_lastInbound = at; }
    QDateTime lastInbound() const { return m_lastInbound; }

    Reading read() const { return at(m_lastInbound, m_clock()); }
    bool isOpen() const { return read().isOpen(); }
    QDateTime closesAt() const { return read().closesAt; }
    std::chrono::milliseconds remaining() const { return read().remaining; }
    QString reason() const { return read().reason(); }
    QString countdownText() const { return read().countdownText(); }

    static Reading at(const QDateTime &lastInbound, const QDateTime &now);

private:
    Clock m_clock;
    QDateTime m_lastInbound;
};

} // namespace sb
