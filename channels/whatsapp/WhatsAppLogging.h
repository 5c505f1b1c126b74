#pragma once

#include <QLoggingCategory>

// The WhatsApp channel's log category: switchboard.whatsapp.
Q_DECLARE_LOGGING_CATEGORY(lcWhatsApp)
