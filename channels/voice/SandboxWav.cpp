#include "SandboxWav.h"

#include <QtEndian>

#include <cmath>
#include <numbers>

namespace sb {

namespace {

void appendLe32(QByteArray &out, quint32 value) {
    char bytes[4];
    qToLittleEndian(value, bytes);
    out.append(bytes, 4);
}

void appendLe16(QByteArray &out, quint16 value) {
    char bytes[2];
    qToLittleEndian(value, bytes);
    out.append(bytes, 2);
}

} // namespace

QByteArray SandboxWav::tone(int seconds) {
    seconds = qBound(0, seconds, MaxSeconds);
    const quint32 samples = quint32(seconds) * SampleRate;
    const quint32 dataBytes = samples * Channels * (BitsPerSample / 8);
    QByteArray out;
    out.reserve(int(HeaderBytes + dataBytes));
    out.append("RIFF", 4);
    appendLe32(out, 36 + dataBytes);
    out.append("WAVE", 4);
    out.append("fmt ", 4);
    appendLe32(out, 16); // PCM's fmt chunk
    appendLe16(out, 1);  // PCM
    appendLe16(out, Channels);
    appendLe32(out, SampleRate);
    appendLe32(out, SampleRate * Channels * (BitsPerSample / 8)); // bytes per second
    appendLe16(out, Channels * (BitsPerSample / 8));              // block align
    appendLe16(out, BitsPerSample);
    out.append("data", 4);
    appendLe32(out, dataBytes);
    // A 440 Hz tone, on for 0.4 s and off for 0.1 s: audible as beeps, so a player visibly
    // (and audibly) plays something, and its waveform has a shape.
    for (quint32 i = 0; i < samples; ++i) {
        const bool on = (i % (SampleRate / 2)) < SampleRate * 4 / 10;
        const double value =
            on ? 8000.0 * std::sin(2.0 * std::numbers::pi * 440.0 * i / SampleRate) : 0.0;
        appendLe16(out, quint16(qint16(std::lround(value))));
    }
    return out;
}

} // namespace sb
