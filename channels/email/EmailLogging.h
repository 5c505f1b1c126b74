#pragma once

#include <QLoggingCategory>

// The email channel's log category: switchboard.email.
Q_DECLARE_LOGGING_CATEGORY(lcEmail)
