#pragma once

#include <QLoggingCategory>

// The voice channel's log category: switchboard.voice.
Q_DECLARE_LOGGING_CATEGORY(lcVoice)
