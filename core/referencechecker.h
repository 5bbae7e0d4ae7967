#pragma once

#include "journalrepository.h"
#include "referenceclassifier.h"
#include "referencelistparser.h"
#include "referencereport.h"

#include <QHash>
#include <QString>

#include <functional>
#include <optional>

namespace jcr {

/// Checks a whole reference list against the journal database: parses it (ReferenceListParser), sets aside
/// what is not a journal (ReferenceClassifier), resolves each venue through JournalRepository::search and
/// collects the facts of the edition asked for.
///
/// A venue resolves only on a sure match: an exact title or alias, an ISSN, an abbreviation (and whatever
/// sure kinds the search gives), or a close spelling that is clearly the best one. Prefix and substring
/// matches are not taken ("Journal of Physics" must not become "Journal of Physics A"): such a venue is
/// reported unresolved with the close titles as candidates, and a name that several journals share is
/// reported ambiguous with all of them. Proceedings titles are also tried without "Proceedings of the
/// 40th …" and by their acronym ("(CVPR)"), which must then name a conference.
class ReferenceChecker
{
public:
    explicit ReferenceChecker(const JournalRepository& repository);

    /// Told after each entry how many of how many are checked; returning false stops the check, which then
    /// answers a report with `stopped` set and no entries. Long lists (up to 5,000 entries, seconds of work)
    /// use it to report progress and to honour a caller that has gone away.
    using Progress = std::function<bool(int checked, int total)>;
    void setProgress(Progress progress) { m_progress = std::move(progress); }

    /// Checks the reference list `text` (any format). `year`: the JCR/CAS edition and warning list year to
    /// report, 0 = the newest of each.
    ReferenceReport check(const QString& text, int year = 0);
    ReferenceReport check(const QByteArray& utf8, int year = 0);
    /// Checks entries that are already parsed.
    ReferenceReport check(const QList<ReferenceEntry>& entries, const QString& format, int year);

    /// Longest close-spelling distance taken as a match.
    static constexpr int MaxFuzzyDistance = 2;

private:
    struct Resolution
    {
        std::optional<JournalMatch> match;
        QString matchedBy;
        QStringList candidates;
        bool ambiguous = false;
        QString error;
    };

    /// The refusal of a list the parser refused, else check(entries).
    ReferenceReport checkParsed(const ReferenceListParser::Result& parsed, int year);
    CheckedReference checkEntry(const ReferenceEntry& entry, int year, QString* error);
    Resolution resolveVenue(const ReferenceEntry& entry);
    Resolution resolveName(const QString& name);
    Resolution resolveConference(const QString& venue);
    void addFacts(CheckedReference& reference, int year, QString* error);
    static bool isGuess(MatchKind kind);
    static bool looksLikeProceedings(const ReferenceEntry& entry);
    static QStringList conferenceNames(const QString& venue);
    static QStringList acronyms(const QString& venue);

    const JournalRepository& m_repository;
    Progress m_progress;
    QHash<QString, Resolution> m_resolved;    ///< by venue as written: lists cite the same journal often
    QHash<qint64, JournalProfile> m_profiles; ///< by journal id
};

} // namespace jcr
