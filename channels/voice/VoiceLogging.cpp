#include "VoiceLogging.h"

Q_LOGGING_CATEGORY(lcVoice, "switchboard.voice")
