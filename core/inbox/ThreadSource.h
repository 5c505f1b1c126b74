#pragma once

#include "ThreadItem.h"

#include <QString>

namespace sb {

// How a channel's own records join a contact's merged thread, without core knowing its tables:
// one SELECT in the channel's own SQL, run by the inbox on the store thread, yielding exactly
// these columns, in this order, for one contact:
//   row_id, ref, direction, from_addr, to_addr, text, status, error_code, error_message, at
// (`at` in UTC milliseconds, as every table of ours stores time). It may use these named
// parameters (each bound whether used or not):
//   :number     the contact's E.164 number ("+15551234567")
//   :email      the contact's linked email address (lower case; '' when none)
//   :before_at  only rows with at <= :before_at (the inbox pages from there; exact ties are
//               sorted out by the inbox on (at, channel, row_id))
// The inbox merges every source with the messages and notes, newest first, and pages.
struct ThreadSource {
    QString channel;                                // the channel id written to ThreadItem::channel
    ThreadItem::Kind kind = ThreadItem::Kind::Call; // what its rows are
    QString table; // its table: Store::rowsChanged on it tells the inbox the thread changed
    QString sql;
};

} // namespace sb
