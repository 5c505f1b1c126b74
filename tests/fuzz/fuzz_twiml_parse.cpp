// TwiML as the sandbox's call script reads it from a console's (or anyone's) voice webhook:
// any document is parsed or refused with a reason, never a crash or a runaway recursion.
#include "voice/TwimlTree.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    QString error;
    const auto tree = sb::TwimlTree::parse(
        QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)), &error);
    if (!tree && error.isEmpty())
        std::abort(); // refused without saying why
    return 0;
}
