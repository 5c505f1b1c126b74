// The HTTP guard's framer on raw connection bytes, cut into reads of varying sizes: it must
// never crash, never read past what it was given, and frame the same bytes the same way
// however they are split.
#include "http/RequestFramer.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <cstdint>
#include <cstdlib>

namespace {

struct Framed {
    QList<QByteArray> heads; // method, target and length of each request framed
    int refusedStatus = 0;
};

// Feeds `bytes` in reads of the sizes `cuts` gives (cycling), skipping bodies as the server
// would read them.
Framed frame(QByteArrayView bytes, QByteArrayView cuts) {
    sb::RequestFramer framer(1 << 20, 16 * 1024);
    Framed out;
    qsizetype at = 0;
    int cut = 0;
    while (at < bytes.size()) {
        const qsizetype step =
            cuts.isEmpty() ? bytes.size() : 1 + uchar(cuts.at(cut++ % cuts.size())) % 64;
        QByteArrayView read = bytes.sliced(at, qMin(step, bytes.size() - at));
        const qsizetype given = read.size();
        while (!read.isEmpty()) {
            if (framer.isReadingBody()) {
                const qsizetype skip = qMin<qsizetype>(framer.bodyRemaining(), read.size());
                // What the framer says is left of the body is what the caller reads next.
                QByteArrayView body = read.first(skip);
                read = read.sliced(skip);
                framer.feed(body);
                continue;
            }
            const qsizetype before = read.size();
            const sb::RequestFramer::Step step = framer.feed(read);
            if (read.size() > before)
                std::abort(); // it may only consume
            if (step == sb::RequestFramer::Step::Refused) {
                out.refusedStatus = framer.refusal().status;
                if ((out.refusedStatus < 400 || out.refusedStatus > 499) &&
                    out.refusedStatus != 505)
                    std::abort(); // a refusal is the client's fault (or its HTTP version)
                return out;
            }
            if (step == sb::RequestFramer::Step::Head) {
                const sb::RequestFramer::Head &head = framer.head();
                if (head.contentLength < 0 || head.contentLength > (1 << 20))
                    std::abort(); // over the limit must have been refused
                out.heads.append(head.method + ' ' + head.target + ' ' +
                                 QByteArray::number(head.contentLength));
            }
            if (step == sb::RequestFramer::Step::NeedMore && !read.isEmpty())
                std::abort(); // NeedMore means the read was used up
        }
        at += given;
    }
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    // The first 8 bytes choose how the rest is split into reads.
    const QByteArrayView all(reinterpret_cast<const char *>(data), qsizetype(size));
    const QByteArrayView cuts = all.first(qMin<qsizetype>(8, all.size()));
    const QByteArrayView bytes = all.sliced(cuts.size());
    const Framed whole = frame(bytes, {});
    const Framed pieces = frame(bytes, cuts);
    if (whole.heads != pieces.heads || whole.refusedStatus != pieces.refusedStatus)
        std::abort(); // the split changed how the bytes were framed
    return 0;
}
