#pragma once

#include <QByteArray>

namespace sb {

// The audio of a sandbox recording: a real WAV file (RIFF/WAVE, 8 kHz, 16-bit, mono PCM, as
// Twilio's recordings are) of a beeping tone, so that players and parsers have something
// genuine to read.
class SandboxWav {
public:
    static constexpr int SampleRate = 8000;
    static constexpr int BitsPerSample = 16;
    static constexpr int Channels = 1;
    static constexpr int HeaderBytes = 44;
    // Longer recordings are cut to this, so that no request serves much more than 100 KB.
    static constexpr int MaxSeconds = 5;

    // `seconds` of audio (0 to MaxSeconds; anything outside is clamped).
    static QByteArray tone(int seconds);
};

} // namespace sb
