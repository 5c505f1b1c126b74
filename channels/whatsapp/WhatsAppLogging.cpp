#include "WhatsAppLogging.h"

Q_LOGGING_CATEGORY(lcWhatsApp, "switchboard.whatsapp")
