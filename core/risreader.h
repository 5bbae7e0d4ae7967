#pragma once

#include "referenceentry.h"

#include <QList>
#include <QString>

namespace jcr {

/// Reads RIS (`TY  - JOUR` … `ER  - `), as exported by EndNote, Zotero, Mendeley and publishers. The venue is
/// the first of JF (full journal name), T2 (secondary title: the journal or conference), JO, JA, J2
/// (abbreviations); a chapter's or book's T2 is a book title and is not used. An entry left open at the end
/// of the text is still returned.
class RisReader
{
public:
    /// Entries of `text`; stops after `maxEntries` + 1 (the caller refuses the list then).
    static QList<ReferenceEntry> read(const QString& text, int maxEntries);
    /// Whether `line` is an RIS tag line ("XX  - value").
    static bool isTagLine(QStringView line);

private:
    static void finish(ReferenceEntry& entry, const QStringList& venues);
};

} // namespace jcr
