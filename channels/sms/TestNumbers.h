#pragma once

#include <QString>

namespace sb {

// What the sandbox does for Twilio's documented magic test numbers, plus Switchboard's own
// numbers for delivery failures (Twilio's test credentials never deliver, so these are ours).
struct TestNumberOutcome {
    int errorCode = 0;     // refused at creation with this Twilio error (HTTP 400)
    QString finalStatus;   // for accepted messages: delivered, undelivered or failed
    int deliveryError = 0; // 30003-30008 for undelivered / failed
};

class TestNumbers {
public:
    // To: +15005550001 21211, ...0002 21612, ...0003 21408, ...0004 21610, ...0009 21614;
    //     +15005553003..3007 undelivered 30003..30007, +15005553008 failed 30008.
    static TestNumberOutcome forTo(const QString &to);
    // From: +15005550001 21212, ...0007 21606, ...0008 21611; 0 otherwise.
    static int errorForFrom(const QString &from);
    // The test From number Twilio always accepts.
    static QString validFrom() { return QStringLiteral("+15005550006"); }
};

} // namespace sb
