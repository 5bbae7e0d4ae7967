#pragma once

#include "referenceentry.h"

#include <QString>

namespace jcr {

/// Decides, before any lookup, what an entry's venue is: a name to look up, or something that is not a
/// journal at all. Keeps a preprint, a book or a "[FILL]" from ever being matched to a wrong journal.
class ReferenceClassifier
{
public:
    enum class Kind {
        Venue,        ///< a journal or proceedings name to resolve
        NoVenue,      ///< a book, report, thesis, web page…: nothing to rank
        MissingVenue, ///< a type that should name a venue (an article) but does not
        Preprint,     ///< arXiv, bioRxiv, medRxiv, SSRN, Research Square…
        Placeholder,  ///< "[FILL]", "TODO", "??": the venue is still to be written
        Invalid,      ///< the entry could not be read (its problem says why)
    };

    struct Verdict
    {
        Kind kind = Kind::Venue;
        QString detail; ///< the preprint server, the entry type, the placeholder or the problem
    };

    static Verdict classify(const ReferenceEntry& entry);
    /// "venue", "no_venue", "missing_venue", "preprint", "placeholder", "invalid".
    static QString kindName(Kind kind);
    /// The preprint server that `text` names or links to ("arXiv", "bioRxiv", …), or empty.
    static QString preprintServer(const QString& text);
    /// Whether `venue` is a placeholder rather than a name.
    static bool isPlaceholder(const QString& venue);
    /// Whether an entry of `type` (in the vocabulary of `format`) has no journal or proceedings by nature.
    static bool isNoVenueType(const QString& format, const QString& type);
};

} // namespace jcr
