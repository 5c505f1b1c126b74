// The .env parser on any file: never crashes, and every key it yields is a usable name.
#include "config/DotEnv.h"

#include <QHash>

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const QByteArray text(reinterpret_cast<const char *>(data), qsizetype(size));
    const QHash<QString, QString> values = sb::DotEnv::parse(text);
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        if (it.key().isEmpty() || it.key().contains(QLatin1Char('=')) ||
            it.key().contains(QLatin1Char('\n')))
            std::abort();
    }
    return 0;
}
