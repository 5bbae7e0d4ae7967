#pragma once

#include "referenceentry.h"

#include <QList>
#include <QString>

namespace jcr {

/// Reads a plain list: one journal name, abbreviation or ISSN per line. Blank lines and lines starting with
/// `#` or `%` are skipped; a list number in front ("12. ", "[12] ", "12) ") is removed.
class PlainListReader
{
public:
    /// Entries of `text`; stops after `maxEntries` + 1 (the caller refuses the list then).
    static QList<ReferenceEntry> read(const QString& text, int maxEntries);
    /// Longest line taken as a name; a longer line is returned with its problem set.
    static constexpr int MaxLineLength = 512;
};

} // namespace jcr
