#include "EmailLogging.h"

Q_LOGGING_CATEGORY(lcEmail, "switchboard.email")
