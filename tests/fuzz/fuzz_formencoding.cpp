// application/x-www-form-urlencoded bodies (every Twilio webhook): decoding never crashes,
// and what decodes encodes back to a body that decodes to the same fields.
#include "http/FormEncoding.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const QByteArray body(reinterpret_cast<const char *>(data), qsizetype(size));
    sb::FormFields fields;
    if (!sb::FormEncoding::decode(body, &fields))
        return 0;
    sb::FormFields again;
    if (!sb::FormEncoding::decode(sb::FormEncoding::encode(fields), &again) || again != fields)
        std::abort();
    return 0;
}
