#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <cstddef>
#include <cstdint>

namespace sbfuzz {

// A fuzz input read as lines: each line() takes the bytes up to the next '\n' (without it),
// rest() what is left. Seeds stay readable: "URL\nsignature\nbody".
class FuzzInput {
public:
    FuzzInput(const uint8_t *data, size_t size)
        : m_rest(reinterpret_cast<const char *>(data), qsizetype(size)) {}

    QByteArray line() {
        const qsizetype end = m_rest.indexOf('\n');
        const QByteArrayView taken = end < 0 ? m_rest : m_rest.first(end);
        m_rest = end < 0 ? QByteArrayView() : m_rest.sliced(end + 1);
        return taken.toByteArray();
    }
    QByteArray rest() const { return m_rest.toByteArray(); }

private:
    QByteArrayView m_rest;
};

} // namespace sbfuzz
