// libFuzzer target: arbitrary bytes as a reference list given to check_references (core/referencelistparser.h):
// format detection, the BibTeX, RIS, CSL-JSON and plain readers, LatexDecoder and ReferenceClassifier.
// Invariants checked: a refused list has a reason and no entries, an accepted one has between 1 and MaxEntries
// entries, and every entry is classified without crashing.

#include "latexdecoder.h"
#include "referenceclassifier.h"
#include "referencelistparser.h"

#include <cstdint>
#include <cstdlib>

using jcr::ReferenceClassifier;
using jcr::ReferenceListParser;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    const ReferenceListParser::Result result = ReferenceListParser::parse(bytes);
    if (!result.ok()) {
        if (result.error.isEmpty() || !result.entries.isEmpty())
            std::abort();
        return 0;
    }
    if (result.entries.isEmpty() || result.entries.size() > ReferenceListParser::MaxEntries || result.format.isEmpty())
        std::abort();
    for (const jcr::ReferenceEntry& entry : result.entries) {
        const ReferenceClassifier::Verdict verdict = ReferenceClassifier::classify(entry);
        if (ReferenceClassifier::kindName(verdict.kind).isEmpty())
            std::abort();
    }
    // The decoder on raw bytes as text, too: every escape sequence in every position.
    (void)jcr::LatexDecoder::decode(QString::fromUtf8(bytes));
    return 0;
}
