#pragma once

// The answer of ReferenceChecker: one CheckedReference per entry of a reference list and a summary. Plain
// data with toJson() (the MCP structuredContent and the CLI's --json), kept together like journalrecords.h.

#include "journalrecords.h"
#include "referenceentry.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace jcr {

/// One entry of a reference list, checked: what it resolved to (or why nothing) and the facts that matter for a
/// submission or a review.
struct CheckedReference
{
    ReferenceEntry entry;
    /// resolved, ambiguous, unresolved, preprint, no_venue, missing_venue, placeholder, invalid
    QString status;
    QString detail;      ///< the preprint server, the entry type, the placeholder, the problem
    QString matchedBy;   ///< how the venue matched (matchKindName, or "conference acronym", …); empty if not
    QString matchedName; ///< the name or ISSN that matched
    std::optional<JournalSummary> journal;
    QStringList candidates; ///< the journals an ambiguous name may mean, or close titles of an unresolved one

    int jcrYear = 0;
    std::optional<double> impactFactor;
    QString impactFactorText;
    QString quartile;
    int casYear = 0;
    QString casMajorCategory;
    int casPartition = 0;
    bool casTop = false;
    QString ccfRank;
    int ccfEdition = 0;
    QString ccfVenueType;
    QList<WarningFact> warnings;

    bool resolved() const { return journal.has_value(); }
    QJsonObject toJson() const;
};

struct ReferenceSummary
{
    int entries = 0;
    QMap<QString, int> byStatus;
    QMap<QString, int> jcrQuartiles; ///< Q1..Q4, "none" for resolved venues without one
    QMap<QString, int> casZones;     ///< "1".."4", "none"
    int casTop = 0;
    QMap<QString, int> ccfClasses; ///< A, B, C
    QList<int> warningHits;        ///< indexes into ReferenceReport::entries
    QList<int> unresolved;         ///< indexes of unresolved, ambiguous, missing_venue, placeholder, invalid entries
};

struct ReferenceReport
{
    QString format; ///< the detected format of the list
    int year = 0;   ///< the edition asked for, 0 = newest
    QList<CheckedReference> entries;
    ReferenceSummary summary; ///< of entries, by summarise()
    QString error;            ///< the list was refused, the database failed, or the check was stopped
    bool stopped = false;     ///< ReferenceChecker's progress callback stopped the check

    bool ok() const { return error.isEmpty(); }
    bool hasWarningHits() const { return !summary.warningHits.isEmpty(); }
    /// Counts `entries` into `summary`.
    void summarise();
    QJsonObject summaryJson() const;
    QJsonObject toJson() const;
};

} // namespace jcr
