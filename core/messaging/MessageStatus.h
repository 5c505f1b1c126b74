#pragma once

#include <QString>

namespace sb {

// Twilio's message statuses, ranked so that an out-of-order status callback never moves a
// message backwards (callbacks are not ordered: `delivered` can arrive before `sent`).
class MessageStatus {
public:
    // 0 for an unknown status; final states share a rank so one never replaces another,
    // except `read`, which legitimately follows `delivered`.
    static int rank(const QString &status);
    static bool isFinal(const QString &status);
    static bool isKnown(const QString &status) { return rank(status) > 0; }
};

} // namespace sb
