#pragma once

#include "journalrecords.h"

#include <QString>
#include <QStringList>

namespace jcr {

/// Readable, bilingual (中文 / English) text for query results: what the CLI prints and what the MCP tools
/// put in their text block beside the structured content. Plain text with light Markdown, so it reads
/// well both in a terminal and in a chat.
class JournalTextFormatter
{
public:
    static QString profile(const JournalProfile& profile, int onlyYear = 0);
    static QString summaryLine(const JournalSummary& journal);
    static QString searchResult(const SearchResult& result);
    static QString trend(const JournalTrend& trend);
    static QString warnings(const QList<WarningEntry>& entries);
    static QString filterResult(const FilterResult& result);
    static QString impactFactor(const std::optional<double>& value, const QString& text = QString());
    /// A JCR year's categories as shown to people: "NAME (EDITION)", with each category's quartile when the
    /// journal has several (per-category quartiles exist only in some years).
    static QStringList categoryLabels(const JcrFact& fact);
    /// JabRef abbreviations as one line's value: "ISO 4 Nat. Commun. · MEDLINE Nat Commun".
    static QString citationAbbreviations(const QList<CitationAbbreviation>& abbreviations);
};

} // namespace jcr
