#pragma once

#include "referenceentry.h"

#include <QList>
#include <QString>

namespace jcr {

/// Reads CSL-JSON (Zotero, Pandoc, citeproc): an array of items, or one item. The venue is `container-title`
/// (a string or, as some exporters write it, an array), else `container-title-short` or `journalAbbreviation`.
class CslJsonReader
{
public:
    struct Result
    {
        QList<ReferenceEntry> entries;
        QString error; ///< the JSON is malformed or not a list of items
    };
    /// Entries of `text`; stops after `maxEntries` + 1 (the caller refuses the list then).
    static Result read(const QString& text, int maxEntries);
};

} // namespace jcr
