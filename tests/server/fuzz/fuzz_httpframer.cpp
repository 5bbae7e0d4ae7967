// libFuzzer target: arbitrary bytes as what one client sends on an HTTP connection, framed by RequestFramer
// (server/http/requestframer.h) with small limits so that every limit is reached. The first byte picks how
// the rest is split into reads. Invariants checked: feed() never consumes more than it is given, a failed
// framer consumes nothing more, heads and request ends alternate, and the events do not depend on how
// the bytes were split (one read, or reads of the picked size).

#include "requestframer.h"

#include <cstdint>
#include <cstdlib>

using jcr::http::RequestFramer;

namespace {

QList<int> frameInPieces(QByteArrayView bytes, qsizetype piece)
{
    RequestFramer::Limits limits;
    limits.maxHeadBytes = 512;
    limits.maxHeaderFields = 8;
    limits.maxBodyBytes = 1024;
    RequestFramer framer(limits);
    QList<int> events;
    bool inRequest = false;
    for (qsizetype offset = 0; offset < bytes.size(); offset += piece) {
        QByteArrayView rest = bytes.sliced(offset, std::min(piece, bytes.size() - offset));
        for (;;) {
            RequestFramer::Event event;
            const qsizetype used = framer.feed(rest, &event);
            if (used < 0 || used > rest.size())
                abort();
            rest = rest.sliced(used);
            if (event == RequestFramer::Event::NeedMore) {
                if (!rest.isEmpty())
                    abort(); // NeedMore means every byte was taken
                break;
            }
            if (event == RequestFramer::Event::HeadComplete) {
                if (inRequest)
                    abort();
                inRequest = true;
            } else if (event == RequestFramer::Event::RequestComplete) {
                if (!inRequest)
                    abort();
                inRequest = false;
            }
            events << int(event) * 1000 + (event == RequestFramer::Event::Failed ? framer.failure().status : 0);
            if (event == RequestFramer::Event::Failed) {
                RequestFramer::Event again;
                if (framer.feed(bytes, &again) != 0 || again != RequestFramer::Event::Failed)
                    abort();
                return events;
            }
        }
    }
    return events;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size < 1)
        return 0;
    const qsizetype piece = 1 + data[0] % 17;
    const QByteArrayView bytes(reinterpret_cast<const char*>(data) + 1, qsizetype(size - 1));
    if (frameInPieces(bytes, std::max<qsizetype>(bytes.size(), 1)) != frameInPieces(bytes, piece))
        abort(); // the same bytes framed differently depending on how they arrived
    return 0;
}
